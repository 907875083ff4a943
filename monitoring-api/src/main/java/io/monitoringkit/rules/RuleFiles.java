package io.monitoringkit.rules;

import io.monitoringkit.rules.internal.RuleYaml;
import io.monitoringkit.rules.internal.YamlTree;
import io.monitoringkit.rules.internal.YamlTree.YMap;
import io.monitoringkit.rules.internal.YamlTree.YNode;
import io.monitoringkit.rules.internal.YamlTree.YScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads and checks Prometheus rule files and Prometheus Operator {@code PrometheusRule} manifests, reporting every
 * problem with its location, as {@code promtool check rules} does.
 *
 * <pre>{@code
 * RuleCheck check = RuleFiles.check(Files.readString(path), path.toString());
 * if (!check.isValid()) {
 *     check.errors().forEach(System.err::println);
 * }
 * RuleFile file = RuleFiles.read(yaml, "rules.yml");   // throws RuleValidationException when invalid
 * }</pre>
 */
public final class RuleFiles {

    private RuleFiles() {
    }

    /** The Prometheus version checks target unless told otherwise: the newest whose rule-file features we know. */
    public static final String DEFAULT_VERSION = "3.8";

    /** Checks a rule file or PrometheusRule manifest against Prometheus 3.x' rules. */
    public static RuleCheck check(String yaml, String file) {
        return check(yaml, file, DEFAULT_VERSION);
    }

    /**
     * Checks a rule file or (multi-document) PrometheusRule manifest as {@code prometheusVersion}'s promtool would:
     * legacy names before 3.0, no {@code keep_firing_for} before 2.42, no {@code query_offset} before 2.53, no
     * group {@code labels} before 3.0.
     *
     * @param prometheusVersion e.g. {@code 2.42} or {@code 3.1.0}
     */
    public static RuleCheck check(String yaml, String file, String prometheusVersion) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(file, "file");
        int[] v = parseVersion(prometheusVersion);
        RuleYaml.Options options = RuleYaml.Options.forVersion(v[0], v[1]);
        List<YNode> docs;
        try {
            docs = YamlTree.parseAll(yaml);
        } catch (YamlTree.YamlError e) {
            return new RuleCheck(file, List.of(new RuleProblem(RuleProblem.Severity.ERROR, file, e.line(), e.column(),
                    "", 0, "", e.getMessage())), 0, List.of());
        }
        if (docs.isEmpty()) {
            return new RuleCheck(file, List.of(), 0, List.of());
        }
        if (isManifest(docs.get(0))) {
            List<RuleProblem> problems = new ArrayList<>();
            List<RuleGroup> groups = new ArrayList<>();
            int count = 0;
            for (YNode doc : docs) {
                if (doc instanceof YScalar s && s.isNull()) {
                    continue;
                }
                YNode spec = manifestSpec(doc, file, problems);
                if (spec != null) {
                    RuleYaml.Result r = RuleYaml.check(spec, file, options);
                    problems.addAll(r.problems());
                    groups.addAll(r.groups());
                    count += r.ruleCount();
                }
            }
            boolean ok = problems.stream().noneMatch(RuleProblem::isError);
            return new RuleCheck(file, problems, count, ok ? groups : List.of());
        }
        RuleYaml.Result r = RuleYaml.check(docs.get(0), file, options);
        List<RuleProblem> problems = new ArrayList<>(r.problems());
        if (docs.size() > 1) {
            problems.add(new RuleProblem(RuleProblem.Severity.WARNING, file, 0, 0, "", 0, "",
                    "multiple document yaml rules files are not supported, only the first document is processed"));
        }
        return new RuleCheck(file, problems, r.ruleCount(), r.groups());
    }

    /**
     * @return the rule file (all groups of all PrometheusRule documents)
     * @throws RuleValidationException listing every error
     */
    public static RuleFile read(String yaml, String file) {
        return check(yaml, file).toRuleFile();
    }

    static int[] parseVersion(String version) {
        Objects.requireNonNull(version, "version");
        String[] parts = version.replaceFirst("^v", "").split("\\.");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + version + "\" is not a Prometheus version (e.g. 2.45 or 3.1.0)");
        }
    }

    private static boolean isManifest(YNode doc) {
        return doc instanceof YMap m && (m.entries().containsKey("apiVersion") || m.entries().containsKey("kind"));
    }

    private static YNode manifestSpec(YNode doc, String file, List<RuleProblem> problems) {
        if (!(doc instanceof YMap m)) {
            problems.add(new RuleProblem(RuleProblem.Severity.ERROR, file, doc.line(), doc.column(), "", 0, "",
                    "a PrometheusRule document must be a mapping"));
            return null;
        }
        String kind = text(m, "kind");
        String api = text(m, "apiVersion");
        if (!kind.equals("PrometheusRule") || !api.equals("monitoring.coreos.com/v1")) {
            problems.add(new RuleProblem(RuleProblem.Severity.ERROR, file, m.line(), m.column(), "", 0, "",
                    "not a PrometheusRule: apiVersion \"" + api + "\", kind \"" + kind
                            + "\" (want monitoring.coreos.com/v1, PrometheusRule)"));
            return null;
        }
        YamlTree.Entry spec = m.entries().get("spec");
        if (spec == null) {
            problems.add(new RuleProblem(RuleProblem.Severity.ERROR, file, m.line(), m.column(), "", 0, "",
                    "PrometheusRule without spec"));
            return null;
        }
        return spec.value();
    }

    private static String text(YMap m, String key) {
        YamlTree.Entry e = m.entries().get(key);
        return e != null && e.value() instanceof YScalar s ? s.text() : "";
    }
}
