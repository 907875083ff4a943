package io.monitoringkit.grafana;

import java.util.List;

/**
 * The findings of linting one or more dashboards, in order.
 *
 * <pre>{@code
 * LintReport r = DashboardLinter.defaults().lint(dashboard);
 * if (r.hasErrors()) {
 *     r.findings().forEach(System.err::println);
 * }
 * }</pre>
 *
 * @param findings the findings
 */
public record LintReport(List<LintFinding> findings) {

    /** Copies the list. */
    public LintReport {
        findings = List.copyOf(findings);
    }

    /** @return whether any finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** @return the findings of {@code rule}. */
    public List<LintFinding> ofRule(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (LintFinding f : findings) {
            sb.append(f).append('\n');
        }
        return sb.toString();
    }
}
