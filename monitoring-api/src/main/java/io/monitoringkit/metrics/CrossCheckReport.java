package io.monitoringkit.metrics;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link CrossCheck} found in a set of artifacts: the findings, sorted by artifact, then by the order of the
 * expressions in it, then by position (so output is stable), and how many expressions were checked.
 *
 * <pre>{@code
 * CrossCheckReport r = CrossCheck.against(catalog).check(sources);
 * if (r.hasErrors()) {
 *     throw new AssertionError(r.format());
 * }
 * r.recordedLabels().get("job:http_requests:rate5m");   // [code, job]
 * }</pre>
 *
 * @param findings       the findings, sorted
 * @param expressions    how many expressions were checked
 * @param recordedLabels per series recorded by a recording rule among the sources, the label names its series
 *                       can carry, as inferred from the expression (absent when they cannot be known, e.g. when
 *                       the expression reads metrics that are allowed but not in the catalog)
 */
public record CrossCheckReport(List<CrossCheckFinding> findings, int expressions,
                               Map<String, SortedSet<String>> recordedLabels) {

    /** Copies the collections. */
    public CrossCheckReport {
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        Map<String, SortedSet<String>> copy = new TreeMap<>();
        recordedLabels.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        recordedLabels = Collections.unmodifiableMap(copy);
    }

    /** A report without recording rules. */
    public CrossCheckReport(List<CrossCheckFinding> findings, int expressions) {
        this(findings, expressions, Map.of());
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
