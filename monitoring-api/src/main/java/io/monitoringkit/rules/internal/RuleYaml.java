package io.monitoringkit.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Names;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.ValueType;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.Rule;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.rules.RuleProblem;
import io.monitoringkit.rules.RuleProblem.Severity;
import io.monitoringkit.rules.internal.YamlTree.Entry;
import io.monitoringkit.rules.internal.YamlTree.YMap;
import io.monitoringkit.rules.internal.YamlTree.YNode;
import io.monitoringkit.rules.internal.YamlTree.YScalar;
import io.monitoringkit.rules.internal.YamlTree.YSeq;
import io.monitoringkit.template.TemplateParseException;
import io.monitoringkit.template.TemplateProblem;
import io.monitoringkit.template.Templates;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads (with every problem located, as Prometheus' rulefmt reports them) and writes Prometheus rule files. */
public final class RuleYaml {

    private RuleYaml() {
    }

    /**
     * What a check found.
     *
     * @param problems errors and warnings
     * @param groups the groups, when there is no error
     * @param ruleCount the number of rules seen
     */
    public record Result(List<RuleProblem> problems, List<RuleGroup> groups, int ruleCount) {
    }

    private static final Set<String> GROUP_KEYS = Set.of("name", "interval", "limit", "rules");
    private static final Set<String> RULE_KEYS = Set.of("record", "alert", "expr", "for", "labels", "annotations");

    /**
     * What the targeted Prometheus accepts.
     *
     * @param utf8Names names follow 3.x' UTF-8 rules (else the legacy ones)
     * @param groupLabels groups may have labels (3.0)
     * @param queryOffset groups may have query_offset (2.53)
     * @param keepFiringFor alerts may have keep_firing_for (2.42)
     * @param thanos groups may have Thanos' partial_response_strategy
     * @param version the version, {@code major.minor}, whose template functions are available
     */
    public record Options(boolean utf8Names, boolean groupLabels, boolean queryOffset, boolean keepFiringFor,
                          boolean thanos, String version) {

        /** @return what Prometheus {@code major.minor} accepts. */
        public static Options forVersion(int major, int minor) {
            boolean v3 = major >= 3;
            return new Options(v3, v3, v3 || (major == 2 && minor >= 53), v3 || (major == 2 && minor >= 42), false,
                    major + "." + minor);
        }

        /** @return a copy that also accepts partial_response_strategy. */
        public Options withThanos() {
            return new Options(utf8Names, groupLabels, queryOffset, keepFiringFor, true, version);
        }
    }

    /**
     * Checks one rule-file document (the mapping with {@code groups}).
     *
     * @param doc the document
     * @param file the file name for messages
     * @param options what the targeted Prometheus accepts
     */
    public static Result check(YNode doc, String file, Options options) {
        Checker c = new Checker(file, options.utf8Names(), options.groupLabels());
        c.thanos = options.thanos();
        c.options = options;
        c.document(doc);
        List<RuleGroup> groups = c.hasErrors() ? List.of() : c.groups;
        return new Result(List.copyOf(c.problems), groups, c.ruleCount);
    }

    private static final class Checker {
        final String file;
        final boolean utf8Names;
        final boolean groupLabels;
        boolean thanos;
        Options options;
        final List<RuleProblem> problems = new ArrayList<>();
        final List<RuleGroup> groups = new ArrayList<>();
        int ruleCount;

        Checker(String file, boolean utf8Names, boolean groupLabels) {
            this.file = file;
            this.utf8Names = utf8Names;
            this.groupLabels = groupLabels;
        }

        boolean hasErrors() {
            return problems.stream().anyMatch(RuleProblem::isError);
        }

        void error(YNode at, String group, int index, String rule, String msg) {
            problems.add(new RuleProblem(Severity.ERROR, file, at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                    group, index, rule, msg));
        }

        void error(int line, int col, String msg) {
            problems.add(new RuleProblem(Severity.ERROR, file, line, col, "", 0, "", msg));
        }

        void warning(YNode at, String group, int index, String rule, String msg) {
            problems.add(new RuleProblem(Severity.WARNING, file, at == null ? 0 : at.line(),
                    at == null ? 0 : at.column(), group, index, rule, msg));
        }

        boolean validLabelName(String n) {
            return utf8Names ? Names.isUtf8Name(n) : Names.isLegacyLabelName(n);
        }

        boolean validMetricName(String n) {
            return utf8Names ? Names.isUtf8Name(n) : Names.isLegacyMetricName(n);
        }

        void document(YNode doc) {
            if (doc instanceof YScalar s && s.isNull()) {
                return; // an empty file has no groups
            }
            if (!(doc instanceof YMap m)) {
                error(doc.line(), doc.column(), "yaml: unmarshal errors: cannot unmarshal " + kind(doc)
                        + " into rulefmt.RuleGroups");
                return;
            }
            for (Entry e : m.entries().values()) {
                if (!e.key().equals("groups")) {
                    error(e.line(), e.column(), "field " + e.key() + " not found in type rulefmt.RuleGroups");
                }
            }
            duplicates(m);
            Entry g = m.entries().get("groups");
            if (g == null || (g.value() instanceof YScalar s && s.isNull())) {
                return;
            }
            if (!(g.value() instanceof YSeq seq)) {
                error(g.value().line(), g.value().column(), "yaml: unmarshal errors: cannot unmarshal "
                        + kind(g.value()) + " into []rulefmt.RuleGroup");
                return;
            }
            Set<String> names = new HashSet<>();
            for (YNode item : seq.items()) {
                group(item, names);
            }
        }

        void duplicates(YMap m) {
            for (Entry d : m.duplicates()) {
                Entry first = m.entries().get(d.key());
                error(d.line(), d.column(), "mapping key " + GoStrings.quote(d.key()) + " already defined at line "
                        + first.line());
            }
        }

        void group(YNode node, Set<String> names) {
            if (!(node instanceof YMap m)) {
                error(node.line(), node.column(), "yaml: unmarshal errors: cannot unmarshal " + kind(node)
                        + " into rulefmt.RuleGroup");
                return;
            }
            duplicates(m);
            for (Entry e : m.entries().values()) {
                if (!GROUP_KEYS.contains(e.key()) && !(groupLabels && e.key().equals("labels"))
                        && !(options.queryOffset() && e.key().equals("query_offset"))
                        && !(thanos && e.key().equals("partial_response_strategy"))) {
                    error(e.line(), e.column(), "field " + e.key() + " not found in type rulefmt.RuleGroup");
                }
            }
            String name = scalar(m, "name", "", 0, "");
            if (name.isEmpty()) {
                error(m.line(), m.column(), "Groupname must not be empty");
            }
            if (!names.add(name)) {
                error(m.line(), m.column(), "groupname: \"" + name + "\" is repeated in the same file");
            }
            RuleGroup.Builder b = RuleGroup.builder(name);
            PromDuration interval = duration(m, "interval", name, 0, "");
            if (interval != null) {
                b.interval(interval);
            }
            PromDuration offset = duration(m, "query_offset", name, 0, "");
            if (offset != null) {
                b.queryOffset(offset);
            }
            Entry limit = m.entries().get("limit");
            if (limit != null) {
                String t = limit.value() instanceof YScalar s ? s.text() : "";
                try {
                    int l = Integer.parseInt(t);
                    if (l >= 0) {
                        b.limit(l);
                    }
                } catch (NumberFormatException ex) {
                    error(limit.value(), name, 0, "", "cannot unmarshal " + GoStrings.quote(t) + " into int (limit)");
                }
            }
            if (groupLabels) {
                Map<String, String> labels = stringMap(m, "labels", name, 0, "");
                labels.forEach((k, v) -> {
                    if (!validLabelName(k) || k.equals(Names.METRIC_NAME_LABEL)) {
                        error(m.entries().get("labels").value(), name, 0, "", "invalid label name: " + k);
                    }
                    if (!Names.isWellFormed(v)) {
                        error(m.entries().get("labels").value(), name, 0, "", "invalid label value: " + v);
                    }
                    b.label(k, v);
                });
            }
            if (thanos && m.entries().containsKey("partial_response_strategy")) {
                String st = scalar(m, "partial_response_strategy", name, 0, "");
                if (!st.equals("warn") && !st.equals("abort")) {
                    error(m.entries().get("partial_response_strategy").value(), name, 0, "",
                            "partial_response_strategy must be \"warn\" or \"abort\", not " + GoStrings.quote(st));
                } else {
                    b.partialResponseStrategy(st);
                }
            }
            Entry rules = m.entries().get("rules");
            if (rules != null && !(rules.value() instanceof YScalar s && s.isNull())) {
                if (!(rules.value() instanceof YSeq seq)) {
                    error(rules.value(), name, 0, "", "cannot unmarshal " + kind(rules.value())
                            + " into []rulefmt.RuleNode");
                } else {
                    Map<String, Integer> seen = new HashMap<>();
                    for (int i = 0; i < seq.items().size(); i++) {
                        Rule r = rule(seq.items().get(i), name, i + 1);
                        ruleCount++;
                        if (r != null) {
                            String key = (r instanceof AlertingRule ? "alert:" : "record:") + r.name() + r.expr()
                                    + r.labels();
                            Integer prev = seen.putIfAbsent(key, i + 1);
                            if (prev != null) {
                                warning(seq.items().get(i), name, i + 1, r.name(),
                                        "duplicate of rule " + prev + " (same name, expression and labels)");
                            }
                            b.rule(r);
                        }
                    }
                }
            }
            groups.add(b.build());
        }

        Rule rule(YNode node, String group, int index) {
            if (!(node instanceof YMap m)) {
                error(node, group, index, "", "cannot unmarshal " + kind(node) + " into rulefmt.RuleNode");
                return null;
            }
            duplicates(m);
            String record = scalar(m, "record", group, index, "");
            String alert = scalar(m, "alert", group, index, "");
            String name = alert.isEmpty() ? record : alert;
            for (Entry e : m.entries().values()) {
                if (!RULE_KEYS.contains(e.key()) && !(options.keepFiringFor() && e.key().equals("keep_firing_for"))) {
                    error(e.line(), e.column(), "field " + e.key() + " not found in type rulefmt.RuleNode");
                }
            }
            int errorsBefore = (int) problems.stream().filter(RuleProblem::isError).count();
            YNode at = m.entries().containsKey("record") ? m.entries().get("record").value()
                    : m.entries().containsKey("alert") ? m.entries().get("alert").value() : m;
            if (!record.isEmpty() && !alert.isEmpty()) {
                error(at, group, index, name, "only one of 'record' and 'alert' must be set");
            }
            if (record.isEmpty() && alert.isEmpty()) {
                error(at, group, index, name, "one of 'record' or 'alert' must be set");
            }
            String exprText = scalar(m, "expr", group, index, name);
            YNode exprAt = m.entries().containsKey("expr") ? m.entries().get("expr").value() : m;
            Expr expr = null;
            if (exprText.isEmpty()) {
                error(exprAt, group, index, name, "field 'expr' must be set in rule");
            } else {
                try {
                    expr = PromQL.parse(exprText);
                    if (expr.type() == ValueType.MATRIX || expr.type() == ValueType.STRING) {
                        warning(exprAt, group, index, name, "the expression is a " + expr.type().promqlName()
                                + "; Prometheus loads the rule but its evaluation fails (rules need an instant "
                                + "vector or a scalar)");
                    }
                } catch (PromQLParseException e) {
                    error(exprAt, group, index, name, "could not parse expression: " + e.getMessage());
                }
            }
            PromDuration forD = duration(m, "for", group, index, name);
            PromDuration keep = duration(m, "keep_firing_for", group, index, name);
            Map<String, String> labels = stringMap(m, "labels", group, index, name);
            Map<String, String> annotations = stringMap(m, "annotations", group, index, name);
            if (!record.isEmpty()) {
                if (!annotations.isEmpty()) {
                    error(at, group, index, name, "invalid field 'annotations' in recording rule");
                }
                if (forD != null && !forD.isZero()) {
                    error(at, group, index, name, "invalid field 'for' in recording rule");
                }
                if (keep != null && !keep.isZero()) {
                    error(at, group, index, name, "invalid field 'keep_firing_for' in recording rule");
                }
                if (!validMetricName(record)) {
                    error(at, group, index, name, "invalid recording rule name: " + record);
                }
                if (record.contains("{") || record.contains("}")) {
                    error(at, group, index, name,
                            "braces present in the recording rule name; should it be in expr?: " + record);
                }
            }
            labels.forEach((k, v) -> {
                if (!validLabelName(k) || k.equals(Names.METRIC_NAME_LABEL)) {
                    error(keyAt(m, "labels", k), group, index, name, "invalid label name: " + k);
                }
                if (!Names.isWellFormed(v)) {
                    error(keyAt(m, "labels", k), group, index, name, "invalid label value: " + v);
                }
            });
            annotations.keySet().forEach(k -> {
                if (!validLabelName(k)) {
                    error(keyAt(m, "annotations", k), group, index, name, "invalid annotation name: " + k);
                }
            });
            if (!alert.isEmpty()) {
                templates("label", labels, m, "labels", group, index, name, alert);
                templates("annotation", annotations, m, "annotations", group, index, name, alert);
            }
            int errorsAfter = (int) problems.stream().filter(RuleProblem::isError).count();
            if (errorsAfter > errorsBefore || expr == null) {
                return null;
            }
            if (!alert.isEmpty()) {
                return new AlertingRule(alert, expr, forD == null ? PromDuration.ZERO : forD,
                        keep == null ? PromDuration.ZERO : keep, labels, annotations);
            }
            return new RecordingRule(record, expr, labels);
        }

        /** @return where {@code key.sub} is written (the entry's value), or the rule when absent. */
        YNode keyAt(YMap m, String key, String sub) {
            Entry e = m.entries().get(key);
            if (e != null && e.value() instanceof YMap inner && inner.entries().containsKey(sub)) {
                return inner.entries().get(sub).value();
            }
            return e != null ? e.value() : m;
        }

        void templates(String what, Map<String, String> values, YMap m, String mapKey, String group, int index,
                       String name, String alert) {
            values.forEach((k, v) -> {
                YNode at = keyAt(m, mapKey, k);
                try {
                    Templates.parse("__alert_" + alert, v, options.version());
                    for (TemplateProblem p : Templates.validate(v)) {
                        warning(at, group, index, name, what + " " + GoStrings.quote(k) + ": " + p.message());
                    }
                } catch (TemplateParseException e) {
                    error(at, group, index, name, what + " " + GoStrings.quote(k) + ": " + e.getMessage());
                }
            });
        }

        String scalar(YMap m, String key, String group, int index, String rule) {
            Entry e = m.entries().get(key);
            if (e == null) {
                return "";
            }
            if (e.value() instanceof YScalar s) {
                return s.text();
            }
            error(e.value(), group, index, rule, "cannot unmarshal " + kind(e.value()) + " into string (" + key + ")");
            return "";
        }

        PromDuration duration(YMap m, String key, String group, int index, String rule) {
            Entry e = m.entries().get(key);
            if (e == null || (e.value() instanceof YScalar s0 && s0.isNull())) {
                return null;
            }
            String t = e.value() instanceof YScalar s ? s.text() : "";
            if (!PromDuration.isValid(t)) {
                error(e.value(), group, index, rule, "not a valid duration string: " + GoStrings.quote(t)
                        + " (" + key + ")");
                return null;
            }
            return PromDuration.parse(t);
        }

        Map<String, String> stringMap(YMap m, String key, String group, int index, String rule) {
            Entry e = m.entries().get(key);
            Map<String, String> out = new TreeMap<>();
            if (e == null || (e.value() instanceof YScalar s0 && s0.isNull())) {
                return out;
            }
            if (!(e.value() instanceof YMap map)) {
                error(e.value(), group, index, rule, "cannot unmarshal " + kind(e.value())
                        + " into map[string]string (" + key + ")");
                return out;
            }
            duplicates(map);
            for (Entry en : map.entries().values()) {
                if (en.value() instanceof YScalar s) {
                    out.put(en.key(), s.text());
                } else {
                    error(en.value(), group, index, rule, "cannot unmarshal " + kind(en.value())
                            + " into string (" + key + "." + en.key() + ")");
                }
            }
            return out;
        }
    }

    private static String kind(YNode n) {
        if (n instanceof YMap) {
            return "!!map";
        }
        if (n instanceof YSeq) {
            return "!!seq";
        }
        return "!!str";
    }

    // ---------------------------------------------------------------- writing

    /** Created on first write: reading rule files does not need Jackson databind, whose start-up is costly. */
    private static final class Writer {
        static final YAMLMapper MAPPER = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
    }

    /** @return the {@code groups} tree of a rule file. */
    public static ObjectNode tree(List<RuleGroup> groups) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode gs = root.putArray("groups");
        for (RuleGroup g : groups) {
            ObjectNode gn = gs.addObject();
            gn.put("name", g.name());
            g.interval().ifPresent(d -> gn.put("interval", d.toString()));
            g.queryOffset().ifPresent(d -> gn.put("query_offset", d.toString()));
            if (g.limit() > 0) {
                gn.put("limit", g.limit());
            }
            if (!g.labels().isEmpty()) {
                ObjectNode l = gn.putObject("labels");
                g.labels().forEach(l::put);
            }
            g.partialResponseStrategy().ifPresent(s -> gn.put("partial_response_strategy", s));
            ArrayNode rs = gn.putArray("rules");
            for (Rule r : g.rules()) {
                ObjectNode rn = rs.addObject();
                if (r instanceof AlertingRule a) {
                    rn.put("alert", a.alert());
                    rn.put("expr", a.expr().toPromQL());
                    if (!a.forDuration().isZero()) {
                        rn.put("for", a.forDuration().toString());
                    }
                    if (!a.keepFiringFor().isZero()) {
                        rn.put("keep_firing_for", a.keepFiringFor().toString());
                    }
                } else {
                    rn.put("record", r.name());
                    rn.put("expr", r.expr().toPromQL());
                }
                if (!r.labels().isEmpty()) {
                    ObjectNode l = rn.putObject("labels");
                    r.labels().forEach(l::put);
                }
                if (r instanceof AlertingRule a && !a.annotations().isEmpty()) {
                    ObjectNode an = rn.putObject("annotations");
                    a.annotations().forEach(an::put);
                }
            }
        }
        return root;
    }

    /** @return YAML text for a tree, every string scalar quoted. */
    public static String write(Object tree) {
        try {
            return Writer.MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a map from the given pairs, in order. */
    public static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
