package io.monitoringkit.metrics;

import io.monitoringkit.model.Names;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.Rule;
import io.monitoringkit.rules.RuleCheck;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.rules.RuleValidationException;
import io.monitoringkit.rules.internal.YamlTree;
import io.monitoringkit.rules.internal.YamlTree.YMap;
import io.monitoringkit.rules.internal.YamlTree.YNode;
import io.monitoringkit.rules.internal.YamlTree.YScalar;
import io.monitoringkit.rules.internal.YamlTree.YSeq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One PromQL expression found in an artifact, as {@link CrossCheck} reads it: the artifact's name (a file), where
 * in it the expression is ({@code group "api", alert "HighErrorRate", expr} or {@code panel "Errors" (id 3),
 * target A}), its text, and — for a recording rule — the series it records. Expressions with template syntax
 * (Grafana's {@code $var}, {@code $__rate_interval}) carry {@link Replacement}s: the text parsed is the original
 * with each replaced, and positions in findings refer to the original text; matchers and names that came out of
 * a replacement are not checked. Immutable.
 *
 * <pre>{@code
 * ExpressionSource panel = ExpressionSource.of("api.json", "panel \"Errors\" (id 3), target A",
 *         "sum(rate(http_requests_total{code=~\"$code\"}[$__rate_interval]))")
 *     .withReplacements(List.of(new ExpressionSource.Replacement(36, 41, "var"),
 *             new ExpressionSource.Replacement(44, 60, "5m")));
 * List<ExpressionSource> rules = ExpressionSource.fromRules("rules.yml", Files.readString(path));
 * }</pre>
 */
public final class ExpressionSource {

    /**
     * Text substituted for parsing: {@code original[start, end)} becomes {@code text}.
     *
     * <pre>{@code
     * new ExpressionSource.Replacement(44, 60, "5m");   // $__rate_interval at 44..60 parses as 5m
     * }</pre>
     *
     * @param start the first char replaced, in the original text
     * @param end   the char after the last one replaced
     * @param text  what the parser sees instead
     */
    public record Replacement(int start, int end, String text) {
        /** @throws IllegalArgumentException when the range is empty or negative */
        public Replacement {
            Objects.requireNonNull(text, "text");
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("replacement range [" + start + ", " + end + ") is invalid");
            }
        }
    }

    private final String artifact;
    private final String location;
    private final String text;
    private final List<Replacement> replacements;
    private final String record;
    private final Map<String, String> recordLabels;
    /** The parsed text and, per parsed char index, the original index (length + 1 entries). */
    private final String parsedText;
    private final int[] toOriginal;
    /** Per parsed char index: whether it came out of a replacement. */
    private final boolean[] substituted;

    private ExpressionSource(String artifact, String location, String text, List<Replacement> replacements,
                             String record, Map<String, String> recordLabels) {
        this.artifact = Objects.requireNonNull(artifact, "artifact");
        this.location = Objects.requireNonNull(location, "location");
        this.text = Objects.requireNonNull(text, "text");
        List<Replacement> sorted = new ArrayList<>(replacements);
        sorted.sort(Comparator.comparingInt(Replacement::start));
        int prev = 0;
        for (Replacement r : sorted) {
            if (r.start() < prev || r.end() > text.length()) {
                throw new IllegalArgumentException("replacement [" + r.start() + ", " + r.end() + ") overlaps another"
                        + " or lies outside the text of length " + text.length());
            }
            prev = r.end();
        }
        this.replacements = List.copyOf(sorted);
        this.record = record;
        this.recordLabels = Map.copyOf(recordLabels);
        StringBuilder parsed = new StringBuilder(text.length());
        List<Integer> map = new ArrayList<>(text.length() + 1);
        List<Boolean> subst = new ArrayList<>(text.length() + 1);
        int i = 0;
        for (Replacement r : this.replacements) {
            for (; i < r.start(); i++) {
                parsed.append(text.charAt(i));
                map.add(i);
                subst.add(false);
            }
            for (int k = 0; k < r.text().length(); k++) {
                parsed.append(r.text().charAt(k));
                map.add(r.start());
                subst.add(true);
            }
            i = r.end();
        }
        for (; i < text.length(); i++) {
            parsed.append(text.charAt(i));
            map.add(i);
            subst.add(false);
        }
        map.add(text.length());
        subst.add(false);
        this.parsedText = parsed.toString();
        this.toOriginal = map.stream().mapToInt(Integer::intValue).toArray();
        this.substituted = new boolean[subst.size()];
        for (int k = 0; k < subst.size(); k++) {
            substituted[k] = subst.get(k);
        }
    }

    /** @return an expression of {@code artifact} at {@code location}. */
    public static ExpressionSource of(String artifact, String location, String promql) {
        return new ExpressionSource(artifact, location, promql, List.of(), null, Map.of());
    }

    /**
     * @return the expression of a recording rule, which defines series {@code record} with the labels its
     *     expression keeps plus {@code labels}' names
     */
    public static ExpressionSource recording(String artifact, String location, String record, String promql,
                                             Map<String, String> labels) {
        Names.requireLegacyMetricName(record);
        return new ExpressionSource(artifact, location, promql, List.of(), record, labels);
    }

    /** @return a copy whose text is parsed with these replacements (for template syntax). */
    public ExpressionSource withReplacements(List<Replacement> replacements) {
        return new ExpressionSource(artifact, location, text, replacements, record, recordLabels);
    }

    /**
     * Reads the expressions of a Prometheus rule file or (multi-document) PrometheusRule manifest: one source per
     * rule, located {@code group "NAME", alert "NAME", expr} or {@code group "NAME", record "NAME", expr}, with the
     * text as written. A recording rule's labels (and its group's) are added to the series it records.
     *
     * @throws RuleValidationException listing every error when the file is not a valid rule file
     */
    public static List<ExpressionSource> fromRules(String artifact, String yaml) {
        RuleCheck check = RuleFiles.check(yaml, artifact);
        RuleFile file = check.toRuleFile();
        List<String> texts = exprTexts(yaml);
        List<ExpressionSource> out = new ArrayList<>();
        int k = 0;
        for (RuleGroup g : file.groups()) {
            for (Rule r : g.rules()) {
                String exprText = k < texts.size() ? texts.get(k) : r.expr().toPromQL();
                k++;
                out.add(fromRule(artifact, g, r, exprText));
            }
        }
        return List.copyOf(out);
    }

    /**
     * @return one source per rule of a rule-file model, with the expressions as the printer renders them (so
     *     positions refer to that form)
     */
    public static List<ExpressionSource> fromRules(String artifact, RuleFile file) {
        List<ExpressionSource> out = new ArrayList<>();
        for (RuleGroup g : file.groups()) {
            for (Rule r : g.rules()) {
                out.add(fromRule(artifact, g, r, r.expr().toPromQL()));
            }
        }
        return List.copyOf(out);
    }

    private static ExpressionSource fromRule(String artifact, RuleGroup g, Rule r, String exprText) {
        if (r instanceof RecordingRule rec) {
            Map<String, String> labels = new TreeMap<>(g.labels());
            labels.putAll(rec.labels());
            return recording(artifact, "group \"" + g.name() + "\", record \"" + rec.record() + "\", expr",
                    rec.record(), exprText, labels);
        }
        AlertingRule a = (AlertingRule) r;
        return of(artifact, "group \"" + g.name() + "\", alert \"" + a.alert() + "\", expr", exprText);
    }

    /** The {@code expr} texts of every rule, in file order (manifests: every document's spec). */
    private static List<String> exprTexts(String yaml) {
        List<String> out = new ArrayList<>();
        List<YNode> docs;
        try {
            docs = YamlTree.parseAll(yaml);
        } catch (YamlTree.YamlError e) {
            return out;
        }
        for (YNode doc : docs) {
            YNode root = doc;
            if (doc instanceof YMap m && (m.entries().containsKey("kind") || m.entries().containsKey("apiVersion"))) {
                root = m.entries().containsKey("spec") ? m.entries().get("spec").value() : null;
            } else if (!out.isEmpty() || docs.indexOf(doc) > 0) {
                break; // a plain rule file: only the first document counts
            }
            if (!(root instanceof YMap spec) || !(entry(spec, "groups") instanceof YSeq groups)) {
                continue;
            }
            for (YNode g : groups.items()) {
                if (g instanceof YMap gm && entry(gm, "rules") instanceof YSeq rules) {
                    for (YNode r : rules.items()) {
                        out.add(r instanceof YMap rm && entry(rm, "expr") instanceof YScalar s ? s.text() : "");
                    }
                }
            }
        }
        return out;
    }

    private static YNode entry(YMap m, String key) {
        YamlTree.Entry e = m.entries().get(key);
        return e == null ? null : e.value();
    }

    /** @return the artifact's name, e.g. a file name. */
    public String artifact() {
        return artifact;
    }

    /** @return where the expression is inside the artifact. */
    public String location() {
        return location;
    }

    /** @return the expression as written. */
    public String text() {
        return text;
    }

    /** @return the replacements made before parsing, by position. */
    public List<Replacement> replacements() {
        return replacements;
    }

    /** @return the text the parser sees (the original with every replacement made). */
    public String parsedText() {
        return parsedText;
    }

    /** @return the series name a recording rule records, when this is one. */
    public Optional<String> record() {
        return Optional.ofNullable(record);
    }

    /** @return the labels a recording rule adds to the series it records (empty for other sources). */
    public Map<String, String> recordLabels() {
        return recordLabels;
    }

    /** @return the char index in {@link #text()} of char index {@code parsedOffset} of {@link #parsedText()}. */
    public int originalOffset(int parsedOffset) {
        int p = Math.max(0, Math.min(parsedOffset, toOriginal.length - 1));
        return toOriginal[p];
    }

    /** @return whether the parsed text's chars {@code [from, to)} include one that came out of a replacement. */
    public boolean substituted(int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(to, substituted.length);
        for (int i = a; i < b; i++) {
            if (substituted[i]) {
                return true;
            }
        }
        return false;
    }

    /** @return the texts replacements put in, e.g. {@code var} (names the parser saw that came from variables). */
    public List<String> replacementTexts() {
        return replacements.stream().map(Replacement::text).distinct().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpressionSource s && artifact.equals(s.artifact) && location.equals(s.location)
                && text.equals(s.text) && replacements.equals(s.replacements) && Objects.equals(record, s.record)
                && recordLabels.equals(s.recordLabels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(artifact, location, text, replacements, record);
    }

    @Override
    public String toString() {
        return artifact + ": " + location + ": " + text;
    }
}
