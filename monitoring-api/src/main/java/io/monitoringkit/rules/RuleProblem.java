package io.monitoringkit.rules;

import java.util.Objects;

/**
 * One problem in a rule file, located as promtool locates it: the file, the line where known, the group, the
 * rule's 1-based index and name.
 *
 * <pre>{@code
 * RuleProblem p = RuleFiles.check("groups: [{name: g, rules: [{record: 'a b', expr: up}]}]", "r.yml").problems().get(0);
 * p.toString(); // r.yml:1:32: group "g", rule 1, "a b": invalid recording rule name: a b
 * }</pre>
 *
 * @param severity error (promtool rejects the file) or warning (promtool accepts it)
 * @param file the file name
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param group the group's name, "" when the problem is not in a group
 * @param ruleIndex the rule's 1-based index in its group, 0 when not about a rule
 * @param ruleName the rule's name, "" when not about a rule
 * @param message what is wrong
 */
public record RuleProblem(Severity severity, String file, int line, int column, String group, int ruleIndex,
                          String ruleName, String message) {

    /** How bad a problem is. */
    public enum Severity {
        /** promtool rejects the file. */
        ERROR,
        /** promtool accepts the file, but the rule is unlikely to do what was meant. */
        WARNING
    }

    /** Rejects nulls. */
    public RuleProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(message, "message");
    }

    /** @return whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** promtool's shape: {@code FILE:LINE:COL: group "g", rule 1, "name": message}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        if (ruleIndex > 0) {
            sb.append("group \"").append(group).append("\", rule ").append(ruleIndex).append(", \"")
                    .append(ruleName).append("\": ");
        } else if (!group.isEmpty()) {
            sb.append("group \"").append(group).append("\": ");
        }
        return sb.append(message).toString();
    }
}
