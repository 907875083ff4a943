package io.monitoringkit.rules;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one rule file, as {@code promtool check rules} gives it: valid when there is no error
 * (warnings do not fail a file).
 *
 * <pre>{@code
 * RuleCheck c = RuleFiles.check(Files.readString(path), path.toString());
 * System.out.print(c.report());  // Checking rules.yml\n  SUCCESS: 3 rules found\n
 * }</pre>
 *
 * @param file the file name
 * @param problems errors and warnings, in file order
 * @param ruleCount the number of rules in the file
 * @param groups the groups, when the file is valid (else empty)
 */
public record RuleCheck(String file, List<RuleProblem> problems, int ruleCount, List<RuleGroup> groups) {

    /** Copies; rejects nulls. */
    public RuleCheck {
        Objects.requireNonNull(file, "file");
        problems = List.copyOf(problems);
        groups = List.copyOf(groups);
    }

    /** @return whether promtool would accept the file. */
    public boolean isValid() {
        return problems.stream().noneMatch(RuleProblem::isError);
    }

    /** @return the errors. */
    public List<RuleProblem> errors() {
        return problems.stream().filter(RuleProblem::isError).toList();
    }

    /** @return the warnings. */
    public List<RuleProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** @return the file as a {@link RuleFile}. @throws RuleValidationException listing the errors when invalid */
    public RuleFile toRuleFile() {
        if (!isValid()) {
            throw new RuleValidationException(errors());
        }
        return new RuleFile(groups);
    }

    /** @return output shaped like promtool's: {@code Checking FILE}, then SUCCESS or FAILED with the problems. */
    public String report() {
        StringBuilder sb = new StringBuilder("Checking ").append(file).append('\n');
        if (isValid()) {
            sb.append("  SUCCESS: ").append(ruleCount).append(" rules found\n");
        } else {
            sb.append("  FAILED:\n");
        }
        for (RuleProblem p : problems) {
            sb.append(p).append('\n');
        }
        return sb.toString();
    }
}
