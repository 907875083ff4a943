package io.monitoringkit.metrics;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParseException;
import io.monitoringkit.exposition.ExpositionParser;
import io.monitoringkit.exposition.MetricFamily;
import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.exposition.Sample;
import io.monitoringkit.model.Labels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lint rules of {@code promtool check metrics} (Prometheus 2.42, client_golang's promlint), on a parsed
 * exposition, with the same problem texts, order and repetitions, so the output can be compared line for line.
 * Optional extra checks of ours are marked {@code (mkit)}.
 *
 * <p>promtool's rules: missing help; non-base units ({@code milliseconds}, {@code kilobytes}, ...); counters
 * without {@code _total} and non-counters with it; {@code _bucket}/{@code _count}/{@code _sum} suffixes and
 * {@code le}/{@code quantile} labels on the wrong type; the type in the name; colons; camelCase metric and label
 * names; abbreviated units ({@code _ms}, {@code _kb}, ...). As in promtool, families without samples are not
 * linted, and untyped families are exempt from the type rules.
 *
 * <p>Our extra checks ({@link #withMkitChecks()}): duplicate series, which Prometheus rejects at scrape time;
 * histograms without a {@code +Inf} bucket, with decreasing buckets, or whose {@code _count} differs from the
 * {@code +Inf} bucket; summary quantiles outside [0, 1]; negative counters.
 *
 * <pre>{@code
 * List<LintProblem> problems = MetricsLinter.promtool().lint(text);   // throws ExpositionParseException
 * int exit = MetricsLinter.exitCode(problems);                        // 0 clean, 3 problems
 * problems.forEach(System.err::println);                              // jobs no help text
 * }</pre>
 */
public final class MetricsLinter {

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][A-Z]");
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("amperes", "amperes"), Map.entry("bytes", "bytes"), Map.entry("celsius", "celsius"),
            Map.entry("grams", "grams"), Map.entry("joules", "joules"), Map.entry("kelvin", "kelvin"),
            Map.entry("meters", "meters"), Map.entry("metres", "metres"), Map.entry("seconds", "seconds"),
            Map.entry("volts", "volts"),
            Map.entry("minutes", "seconds"), Map.entry("hours", "seconds"), Map.entry("days", "seconds"),
            Map.entry("weeks", "seconds"), Map.entry("kelvins", "kelvin"), Map.entry("fahrenheit", "celsius"),
            Map.entry("rankine", "celsius"), Map.entry("inches", "meters"), Map.entry("yards", "meters"),
            Map.entry("miles", "meters"), Map.entry("bits", "bytes"), Map.entry("calories", "joules"),
            Map.entry("pounds", "grams"), Map.entry("ounces", "grams"));
    private static final List<String> UNIT_PREFIXES = List.of("pico", "nano", "micro", "milli", "centi", "deci",
            "deca", "hecto", "kilo", "kibi", "mega", "mebi", "giga", "gibi", "tera", "tebi", "peta", "pebi");
    private static final List<String> UNIT_ABBREVIATIONS = List.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb",
            "gb", "tb", "pb", "m", "h", "d");

    private static final List<String> TYPE_NAMES =
            List.of("counter", "gauge", "summary", "histogram", "gauge_histogram");

    private final boolean mkitChecks;
    private final ExpositionFormat format;

    private MetricsLinter(boolean mkitChecks, ExpositionFormat format) {
        this.mkitChecks = mkitChecks;
        this.format = format;
    }

    /** @return a linter with promtool's rules only, reading the text format 0.0.4 as promtool does. */
    public static MetricsLinter promtool() {
        return new MetricsLinter(false, ExpositionFormat.PROMETHEUS_TEXT);
    }

    /** @return a copy that also runs our extra checks, marked {@code (mkit)}. */
    public MetricsLinter withMkitChecks() {
        return new MetricsLinter(true, format);
    }

    /**
     * @return a copy reading {@code format}; OpenMetrics families are linted under the names and types
     *     Prometheus gives their series (counter {@code x} as {@code x_total}, info {@code x} as gauge
     *     {@code x_info}, gauge histograms as histograms, statesets as gauges)
     */
    public MetricsLinter reading(ExpositionFormat format) {
        return new MetricsLinter(mkitChecks, format);
    }

    /**
     * @return the problems, sorted as promtool sorts them
     * @throws ExpositionParseException when the exposition does not parse (promtool's exit code 1)
     */
    public List<LintProblem> lint(String exposition) {
        return lint(ExpositionParser.parse(exposition, format));
    }

    /**
     * @return the problems of UTF-8 bytes, sorted as promtool sorts them
     * @throws ExpositionParseException when the exposition does not parse (promtool's exit code 1)
     */
    public List<LintProblem> lint(byte[] utf8) {
        return lint(ExpositionParser.parse(utf8, format));
    }

    /** @return the problems of a parsed exposition, sorted as promtool sorts them. */
    public List<LintProblem> lint(Exposition exposition) {
        List<LintProblem> problems = new ArrayList<>();
        for (MetricFamily f : exposition.families()) {
            if (f.samples().isEmpty()) {
                continue; // promtool's parser drops families without samples
            }
            MetricFamily family = format == ExpositionFormat.OPENMETRICS ? asText(f) : f;
            for (String text : promtoolRules(family)) {
                problems.add(new LintProblem(family.name(), text, false));
            }
            if (mkitChecks) {
                for (String text : mkitRules(family)) {
                    problems.add(new LintProblem(family.name(), text, true));
                }
            }
        }
        problems.sort(null);
        return List.copyOf(problems);
    }

    /** @return promtool's exit code for these problems: 0 when there are none, 3 otherwise. */
    public static int exitCode(List<LintProblem> problems) {
        return problems.isEmpty() ? 0 : 3;
    }

    private static MetricFamily asText(MetricFamily f) {
        return switch (f.type()) {
            case COUNTER -> new MetricFamily(f.name() + "_total", MetricType.COUNTER, f.help(), "", f.samples()
                    .stream().filter(s -> s.name().endsWith("_total")).toList());
            case INFO -> new MetricFamily(f.name() + "_info", MetricType.GAUGE, f.help(), "", f.samples());
            case STATESET -> new MetricFamily(f.name(), MetricType.GAUGE, f.help(), "", f.samples());
            case GAUGE_HISTOGRAM -> new MetricFamily(f.name(), MetricType.HISTOGRAM, f.help(), "", f.samples()
                    .stream().filter(s -> s.name().endsWith("_bucket")).toList());
            default -> new MetricFamily(f.name(), f.type(), f.help(), "", f.samples().stream()
                    .filter(s -> !s.name().endsWith("_created")).toList());
        };
    }

    private static List<String> promtoolRules(MetricFamily f) {
        List<String> out = new ArrayList<>();
        String name = f.name();
        MetricType type = f.type();
        List<Labels> metrics = promtoolMetrics(f);
        // help
        if (f.help().isEmpty()) {
            out.add("no help text");
        }
        // units
        unitProblem(name).ifPresent(out::add);
        // counters
        boolean isCounter = type == MetricType.COUNTER;
        boolean untyped = type == MetricType.UNKNOWN;
        boolean total = name.endsWith("_total");
        if (isCounter && !total) {
            out.add("counter metrics should have \"_total\" suffix");
        } else if (!untyped && !isCounter && total) {
            out.add("non-counter metrics should not have \"_total\" suffix");
        }
        // histogram and summary reserved names and labels
        if (!untyped) {
            boolean histogram = type == MetricType.HISTOGRAM;
            boolean summary = type == MetricType.SUMMARY;
            if (!histogram && name.endsWith("_bucket")) {
                out.add("non-histogram metrics should not have \"_bucket\" suffix");
            }
            if (!histogram && !summary && name.endsWith("_count")) {
                out.add("non-histogram and non-summary metrics should not have \"_count\" suffix");
            }
            if (!histogram && !summary && name.endsWith("_sum")) {
                out.add("non-histogram and non-summary metrics should not have \"_sum\" suffix");
            }
            for (Labels m : metrics) {
                for (int i = 0; i < m.size(); i++) {
                    if (!histogram && m.name(i).equals("le")) {
                        out.add("non-histogram metrics should not have \"le\" label");
                    }
                    if (!summary && m.name(i).equals("quantile")) {
                        out.add("non-summary metrics should not have \"quantile\" label");
                    }
                }
            }
        }
        // type in name: any type name but untyped, whatever the family's type (as promlint in Prometheus 2.42)
        String lowerName = name.toLowerCase(Locale.ROOT);
        for (String typeName : TYPE_NAMES) {
            if (lowerName.contains("_" + typeName + "_") || lowerName.endsWith("_" + typeName)) {
                out.add("metric name should not include type '" + typeName + "'");
            }
        }
        // reserved characters
        if (name.contains(":")) {
            out.add("metric names should not contain ':'");
        }
        // camel case
        if (CAMEL_CASE.matcher(name).find()) {
            out.add("metric names should be written in 'snake_case' not 'camelCase'");
        }
        for (Labels m : metrics) {
            for (int i = 0; i < m.size(); i++) {
                if (CAMEL_CASE.matcher(m.name(i)).find()) {
                    out.add("label names should be written in 'snake_case' not 'camelCase'");
                }
            }
        }
        // abbreviated units
        String lower = name.toLowerCase(Locale.ROOT);
        for (String a : UNIT_ABBREVIATIONS) {
            if (lower.contains("_" + a + "_") || lower.endsWith("_" + a)) {
                out.add("metric names should not contain abbreviated units");
            }
        }
        return out;
    }

    /**
     * The label sets of the metrics promtool's parser builds: one per sample line, except that histogram and
     * summary samples sharing their labels (without {@code le}/{@code quantile}) make one metric.
     */
    private static List<Labels> promtoolMetrics(MetricFamily f) {
        if (f.type() != MetricType.HISTOGRAM && f.type() != MetricType.SUMMARY) {
            return f.samples().stream().map(Sample::labels).toList();
        }
        Set<Labels> groups = new LinkedHashSet<>();
        for (Sample s : f.samples()) {
            Labels l = s.labels();
            if (f.type() == MetricType.HISTOGRAM && s.name().equals(f.name() + "_bucket")) {
                l = l.without("le");
            } else if (f.type() == MetricType.SUMMARY && s.name().equals(f.name())) {
                l = l.without("quantile");
            }
            groups.add(l);
        }
        return List.copyOf(groups);
    }

    private static java.util.Optional<String> unitProblem(String name) {
        for (String token : name.split("_", -1)) {
            String base = UNITS.get(token);
            if (base == null) {
                for (String p : UNIT_PREFIXES) {
                    if (token.startsWith(p)) {
                        base = UNITS.get(token.substring(p.length()));
                        if (base != null) {
                            break;
                        }
                    }
                }
            }
            if (base != null) {
                return base.equals(token) ? java.util.Optional.empty()
                        : java.util.Optional.of("use base unit \"" + base + "\" instead of \"" + token + "\"");
            }
        }
        return java.util.Optional.empty();
    }

    private static List<String> mkitRules(MetricFamily f) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Sample s : f.samples()) {
            if (!seen.add(s.name() + s.labels())) {
                out.add("has duplicate series " + s.name() + s.labels() + "; Prometheus rejects the scrape");
            }
        }
        switch (f.type()) {
            case COUNTER -> {
                for (Sample s : f.samples()) {
                    if (s.value() < 0 && !s.name().endsWith("_created")) {
                        out.add("counter series " + s.name() + s.labels() + " is negative (" + s.value() + ")");
                    }
                }
            }
            case HISTOGRAM -> histogramRules(f, out);
            case SUMMARY -> {
                for (Sample s : f.samples()) {
                    String q = s.labels().getOrEmpty("quantile");
                    if (s.name().equals(f.name()) && !q.isEmpty()) {
                        double v = parse(q);
                        if (!(v >= 0 && v <= 1)) {
                            out.add("quantile \"" + q + "\" of " + s.labels() + " is outside [0, 1]");
                        }
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static void histogramRules(MetricFamily f, List<String> out) {
        Map<Labels, List<double[]>> buckets = new HashMap<>();
        Map<Double, String> leText = new HashMap<>();
        Map<Labels, Double> counts = new HashMap<>();
        List<Labels> order = new ArrayList<>();
        for (Sample s : f.samples()) {
            if (s.name().equals(f.name() + "_bucket") && s.labels().has("le")) {
                Labels key = s.labels().without("le");
                if (!buckets.containsKey(key)) {
                    order.add(key);
                }
                double le = parse(s.labels().getOrEmpty("le"));
                leText.putIfAbsent(le, s.labels().getOrEmpty("le"));
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {le, s.value()});
            } else if (s.name().equals(f.name() + "_count")) {
                counts.put(s.labels(), s.value());
            }
        }
        for (Labels key : order) {
            List<double[]> bs = new ArrayList<>(buckets.get(key));
            bs.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] last = bs.get(bs.size() - 1);
            if (last[0] != Double.POSITIVE_INFINITY) {
                out.add("histogram series " + key + " has no le=\"+Inf\" bucket");
            }
            for (int i = 1; i < bs.size(); i++) {
                if (bs.get(i)[1] < bs.get(i - 1)[1]) {
                    out.add("histogram series " + key + " has decreasing buckets: le=\"" + leText.get(bs.get(i)[0])
                            + "\" counts " + bs.get(i)[1] + " < " + bs.get(i - 1)[1]);
                    break;
                }
            }
            Double count = counts.get(key);
            if (last[0] == Double.POSITIVE_INFINITY && count != null && count.doubleValue() != last[1]) {
                out.add("histogram series " + key + " has _count " + count + " but its +Inf bucket counts " + last[1]);
            }
        }
    }

    private static double parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "+inf", "inf", "+infinity", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }
}
