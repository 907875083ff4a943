package io.monitoringkit.engine.ruletest.internal;

import io.monitoringkit.engine.ruletest.RuleTestFile.AlertRuleTest;
import io.monitoringkit.engine.ruletest.RuleTestFile.ExpectedAlert;
import io.monitoringkit.engine.ruletest.RuleTestFile.ExpectedSample;
import io.monitoringkit.engine.ruletest.RuleTestFile.InputSeries;
import io.monitoringkit.engine.ruletest.RuleTestFile.PromqlExprTest;
import io.monitoringkit.engine.ruletest.RuleTestFile.TestGroup;
import io.monitoringkit.engine.ruletest.internal.Yaml.Entry;
import io.monitoringkit.engine.ruletest.internal.Yaml.MapNode;
import io.monitoringkit.engine.ruletest.internal.Yaml.Node;
import io.monitoringkit.engine.ruletest.internal.Yaml.Scalar;
import io.monitoringkit.engine.ruletest.internal.Yaml.SeqNode;
import io.monitoringkit.model.PromDuration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Decodes a promtool test file from its YAML tree with the rules of Go's strict YAML decoding (yaml.v2
 * {@code UnmarshalStrict}): unknown and repeated fields are errors, null is the zero value, a scalar put into a
 * string field keeps its source text, a float field takes only plain numbers ({@code .inf}, {@code .nan} included).
 * Every problem is collected with its location and field path.
 */
public final class TestFileReader {

    private static final List<String> FILE_FIELDS = List.of("rule_files", "evaluation_interval", "group_eval_order",
            "tests", "fuzzy_compare");
    private static final List<String> GROUP_FIELDS = List.of("name", "interval", "input_series", "alert_rule_test",
            "promql_expr_test", "external_labels", "external_url", "start_timestamp");
    private static final List<String> SERIES_FIELDS = List.of("series", "values");
    private static final List<String> ALERT_TEST_FIELDS = List.of("eval_time", "alertname", "exp_alerts");
    private static final List<String> ALERT_FIELDS = List.of("exp_labels", "exp_annotations");
    private static final List<String> EXPR_TEST_FIELDS = List.of("expr", "eval_time", "exp_samples");
    private static final List<String> SAMPLE_FIELDS = List.of("labels", "value", "histogram");

    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True",
            "TRUE");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "off", "Off", "OFF", "false",
            "False", "FALSE");
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern YAML_INT = Pattern.compile("[-+]?(0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[0-9]+)");

    /**
     * What was read.
     *
     * @param problems every problem found; the other fields are meaningless when there are any
     * @param ruleFiles rule_files
     * @param evaluationInterval evaluation_interval (zero when absent)
     * @param groupEvalOrder group_eval_order
     * @param tests tests
     * @param fuzzyCompare fuzzy_compare
     * @param locations field path to FILE:LINE:COLUMN
     */
    public record Decoded(List<String> problems, List<String> ruleFiles, PromDuration evaluationInterval,
                          List<String> groupEvalOrder, List<TestGroup> tests, boolean fuzzyCompare,
                          Map<String, String> locations) {
    }

    private final String file;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> locations = new HashMap<>();

    private TestFileReader(String file) {
        this.file = file;
    }

    /** Decodes {@code yaml}; {@code file} names it in messages. */
    public static Decoded decode(String yaml, String file) {
        TestFileReader r = new TestFileReader(file);
        Node root;
        try {
            root = Yaml.parse(yaml);
        } catch (Yaml.SyntaxError e) {
            String at = e.line() > 0 ? file + ":" + e.line() + ":" + e.column() : file;
            return new Decoded(List.of(at + ": " + e.getMessage()), List.of(), PromDuration.ZERO, List.of(),
                    List.of(), false, Map.of());
        }
        return r.file(root);
    }

    private Decoded file(Node root) {
        List<String> ruleFiles = List.of();
        PromDuration evalInterval = PromDuration.ZERO;
        List<String> order = List.of();
        List<TestGroup> tests = List.of();
        boolean fuzzy = false;
        if (root instanceof Scalar s && s.isNull()) {
            return done(ruleFiles, evalInterval, order, tests, fuzzy);
        }
        MapNode m = mapping(root, "");
        if (m == null) {
            return done(ruleFiles, evalInterval, order, tests, fuzzy);
        }
        checkFields(m, "", FILE_FIELDS);
        ruleFiles = strings(m, "rule_files", "");
        evalInterval = duration(m, "evaluation_interval", "");
        order = strings(m, "group_eval_order", "");
        tests = list(m, "tests", "", this::testGroup);
        fuzzy = bool(m, "fuzzy_compare", "");
        return done(ruleFiles, evalInterval, order, tests, fuzzy);
    }

    private Decoded done(List<String> ruleFiles, PromDuration evalInterval, List<String> order, List<TestGroup> tests,
                         boolean fuzzy) {
        return new Decoded(List.copyOf(problems), ruleFiles, evalInterval, order, tests, fuzzy, locations);
    }

    private TestGroup testGroup(Node n, String path) {
        MapNode m = mapping(n, path);
        if (m == null) {
            return null;
        }
        checkFields(m, path, GROUP_FIELDS);
        String name = string(m, "name", path);
        PromDuration interval = duration(m, "interval", path);
        List<InputSeries> series = list(m, "input_series", path, this::inputSeries);
        List<AlertRuleTest> alerts = list(m, "alert_rule_test", path, this::alertTest);
        List<PromqlExprTest> exprs = list(m, "promql_expr_test", path, this::exprTest);
        Map<String, String> external = stringMap(m, "external_labels", path);
        String url = string(m, "external_url", path);
        Instant start = timestamp(m, "start_timestamp", path);
        return new TestGroup(name, interval, series, alerts, exprs, external, url, start);
    }

    private InputSeries inputSeries(Node n, String path) {
        MapNode m = mapping(n, path);
        if (m == null) {
            return null;
        }
        checkFields(m, path, SERIES_FIELDS);
        return new InputSeries(string(m, "series", path), string(m, "values", path));
    }

    private AlertRuleTest alertTest(Node n, String path) {
        MapNode m = mapping(n, path);
        if (m == null) {
            return null;
        }
        checkFields(m, path, ALERT_TEST_FIELDS);
        return new AlertRuleTest(duration(m, "eval_time", path), string(m, "alertname", path),
                list(m, "exp_alerts", path, this::expectedAlert));
    }

    private ExpectedAlert expectedAlert(Node n, String path) {
        MapNode m = mapping(n, path);
        if (m == null) {
            return null;
        }
        checkFields(m, path, ALERT_FIELDS);
        return new ExpectedAlert(stringMap(m, "exp_labels", path), stringMap(m, "exp_annotations", path));
    }

    private PromqlExprTest exprTest(Node n, String path) {
        MapNode m = mapping(n, path);
        if (m == null) {
            return null;
        }
        checkFields(m, path, EXPR_TEST_FIELDS);
        return new PromqlExprTest(string(m, "expr", path), duration(m, "eval_time", path),
                list(m, "exp_samples", path, this::expectedSample));
    }

    private ExpectedSample expectedSample(Node n, String path) {
        MapNode m = mapping(n, path);
        if (m == null) {
            return null;
        }
        checkFields(m, path, SAMPLE_FIELDS);
        String histogram = string(m, "histogram", path);
        if (!histogram.isEmpty()) {
            problem(m.entries().get("histogram").value(), join(path, "histogram"),
                    "native histogram samples are not supported by promql-engine");
        }
        return new ExpectedSample(string(m, "labels", path), number(m, "value", path));
    }

    // ------------------------------------------------------------------ field helpers

    private void checkFields(MapNode m, String path, List<String> known) {
        for (Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                problems.add(at(e.line(), e.column()) + ": " + (path.isEmpty() ? "" : path + ": ") + "unknown field \""
                        + e.key() + "\"; known fields are " + String.join(", ", known));
            }
        }
        for (Entry e : m.duplicates()) {
            problems.add(at(e.line(), e.column()) + ": " + join(path, e.key()) + ": field given twice");
        }
    }

    private Node value(MapNode m, String key, String path) {
        Entry e = m.entries().get(key);
        if (e == null) {
            return null;
        }
        locations.put(join(path, key), at(e.value().line(), e.value().column()));
        if (e.value() instanceof Scalar s && s.isNull()) {
            return null;
        }
        return e.value();
    }

    private String string(MapNode m, String key, String path) {
        Node v = value(m, key, path);
        if (v == null) {
            return "";
        }
        if (v instanceof Scalar s) {
            return s.text();
        }
        problem(v, join(path, key), "expected a string, got " + v.kind());
        return "";
    }

    private PromDuration duration(MapNode m, String key, String path) {
        Node v = value(m, key, path);
        if (v == null) {
            return PromDuration.ZERO;
        }
        if (!(v instanceof Scalar s)) {
            problem(v, join(path, key), "expected a duration such as 5m, got " + v.kind());
            return PromDuration.ZERO;
        }
        try {
            return PromDuration.parse(s.text());
        } catch (IllegalArgumentException e) {
            problem(v, join(path, key), "\"" + s.text() + "\" is not a duration (" + PromDuration.EXAMPLES + ")");
            return PromDuration.ZERO;
        }
    }

    private boolean bool(MapNode m, String key, String path) {
        Node v = value(m, key, path);
        if (v == null) {
            return false;
        }
        if (v instanceof Scalar s && !s.quoted()) {
            if (TRUE.contains(s.text())) {
                return true;
            }
            if (FALSE.contains(s.text())) {
                return false;
            }
        }
        problem(v, join(path, key), "expected true or false, got " + v.kind());
        return false;
    }

    private double number(MapNode m, String key, String path) {
        Node v = value(m, key, path);
        if (v == null) {
            return 0;
        }
        if (v instanceof Scalar s && !s.quoted()) {
            Double d = parseYamlNumber(s.text());
            if (d != null) {
                return d;
            }
        }
        problem(v, join(path, key), "expected a number (.inf, -.inf and .nan included), got " + v.kind());
        return 0;
    }

    /** @return the value of a plain YAML 1.1 number as Go's yaml.v2 resolves it, null when it is not one. */
    static Double parseYamlNumber(String text) {
        String t = text.replace("_", "");
        switch (t) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            default:
                break;
        }
        if (YAML_INT.matcher(t).matches()) {
            boolean neg = t.startsWith("-");
            String u = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            try {
                long v;
                if (u.startsWith("0b")) {
                    v = Long.parseLong(u.substring(2), 2);
                } else if (u.startsWith("0x")) {
                    v = Long.parseLong(u.substring(2), 16);
                } else if (u.startsWith("0o")) {
                    v = Long.parseLong(u.substring(2), 8);
                } else if (u.length() > 1 && u.startsWith("0")) {
                    v = Long.parseLong(u.substring(1), 8);
                } else {
                    return new BigDecimal(t).doubleValue();
                }
                return neg ? -(double) v : (double) v;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (YAML_FLOAT.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        return null;
    }

    private Instant timestamp(MapNode m, String key, String path) {
        Node v = value(m, key, path);
        if (v == null) {
            return Instant.EPOCH;
        }
        if (v instanceof Scalar s) {
            String t = s.text();
            try {
                BigDecimal secs = new BigDecimal(t);
                return Instant.ofEpochSecond(secs.longValue(),
                        secs.subtract(new BigDecimal(secs.toBigInteger())).movePointRight(9).longValue());
            } catch (NumberFormatException | ArithmeticException e) {
                // not a number: RFC 3339 below
            }
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problem(v, join(path, key), "expected a Unix timestamp in seconds or an RFC 3339 time, got " + v.kind());
        return Instant.EPOCH;
    }

    private List<String> strings(MapNode m, String key, String path) {
        return list(m, key, path, (n, p) -> {
            if (n instanceof Scalar s) {
                return s.text();
            }
            problem(n, p, "expected a string, got " + n.kind());
            return null;
        });
    }

    private Map<String, String> stringMap(MapNode m, String key, String path) {
        Node v = value(m, key, path);
        if (v == null) {
            return Map.of();
        }
        String p = join(path, key);
        if (!(v instanceof MapNode map)) {
            problem(v, p, "expected a mapping of names to strings, got " + v.kind());
            return Map.of();
        }
        for (Entry e : map.duplicates()) {
            problems.add(at(e.line(), e.column()) + ": " + join(p, e.key()) + ": given twice");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : map.entries().values()) {
            if (e.value() instanceof Scalar s) {
                out.put(e.key(), s.text());
            } else {
                problem(e.value(), join(p, e.key()), "expected a string, got " + e.value().kind());
            }
        }
        return out;
    }

    private <T> List<T> list(MapNode m, String key, String path, BiFunction<Node, String, T> item) {
        Node v = value(m, key, path);
        if (v == null) {
            return List.of();
        }
        String p = join(path, key);
        if (!(v instanceof SeqNode seq)) {
            problem(v, p, "expected a list, got " + v.kind());
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Node n = seq.items().get(i);
            String ip = p + "[" + i + "]";
            locations.put(ip, at(n.line(), n.column()));
            T t = item.apply(n, ip);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private MapNode mapping(Node n, String path) {
        if (n instanceof MapNode m) {
            return m;
        }
        if (n instanceof Scalar s && s.isNull()) {
            return new MapNode(s.line(), s.column(), Map.of(), List.of());   // null decodes to the zero value
        }
        problem(n, path.isEmpty() ? "the file" : path, "expected a mapping, got " + n.kind());
        return null;
    }

    private void problem(Node n, String path, String message) {
        problems.add(at(n.line(), n.column()) + ": " + path + ": " + message);
    }

    private String at(int line, int column) {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
