package io.monitoringkit.metrics;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CrossCheck} found in a set of artifacts: the findings, sorted by artifact, then by the order of the
 * expressions in it, then by position (so output is stable), and how many expressions were checked.
 *
 * <pre>{@code
 * CrossCheckReport r = CrossCheck.against(catalog).check(sources);
 * if (r.hasErrors()) {
 *     throw new AssertionError(r.format());
 * }
 * }</pre>
 *
 * @param findings    the findings, sorted
 * @param expressions how many expressions were checked
 */
public record CrossCheckReport(List<CrossCheckFinding> findings, int expressions) {

    /** Copies the list. */
    public CrossCheckReport {
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    }

    /** @return whether any finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == CrossCheckFinding.Severity.ERROR);
    }

    /** @return the errors. */
    public List<CrossCheckFinding> errors() {
        return bySeverity(CrossCheckFinding.Severity.ERROR);
    }

    /** @return the warnings. */
    public List<CrossCheckFinding> warnings() {
        return bySeverity(CrossCheckFinding.Severity.WARNING);
    }

    /** @return whether there is no finding at all. */
    public boolean isClean() {
        return findings.isEmpty();
    }

    private List<CrossCheckFinding> bySeverity(CrossCheckFinding.Severity s) {
        return findings.stream().filter(f -> f.severity() == s).toList();
    }

    /** @return one line per finding (each ending with a newline), as {@code mkit check} prints them. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (CrossCheckFinding f : findings) {
            sb.append(f).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return findings.size() + " finding(s) in " + expressions + " expression(s)"
                + (findings.isEmpty() ? "" : ":\n" + format());
    }
}
