package io.monitoringkit.grafana;

import io.monitoringkit.grafana.internal.Vars;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ExprVisitor;
import io.monitoringkit.promql.MatrixSelector;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.VectorCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks dashboards for the mistakes that break them or mislead their readers, understanding PromQL. Each
 * finding has a rule id, a severity, the JSON path of the offending value and a message.
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>id</th><th>severity</th><th>checks</th></tr>
 * <tr><td>dashboard-title</td><td>error</td><td>the dashboard has a title</td></tr>
 * <tr><td>panel-title</td><td>warning</td><td>every panel but text panels and rows has a title</td></tr>
 * <tr><td>datasource-variable</td><td>error</td><td>a Prometheus data source variable exists when there are
 * Prometheus queries</td></tr>
 * <tr><td>target-datasource</td><td>error</td><td>every Prometheus query uses a data source variable (its own or
 * its panel's)</td></tr>
 * <tr><td>promql-parses</td><td>error</td><td>every Prometheus expression parses and type-checks once
 * Grafana's variables and macros are substituted</td></tr>
 * <tr><td>rate-interval</td><td>warning</td><td>{@code rate}, {@code irate} and {@code increase} range over
 * {@code $__rate_interval}</td></tr>
 * <tr><td>undefined-variable</td><td>error</td><td>every {@code $variable} used is defined (or a Grafana
 * global, or an import input of {@code __inputs})</td></tr>
 * <tr><td>duplicate-panel-id</td><td>error</td><td>panel ids are unique in the dashboard</td></tr>
 * <tr><td>duplicate-uid</td><td>error</td><td>dashboard uids are unique among the dashboards linted
 * together</td></tr>
 * <tr><td>grid-bounds</td><td>error</td><td>every gridPos lies in the 24-column grid</td></tr>
 * <tr><td>grid-overlap</td><td>error</td><td>no two panels overlap (a collapsed row's panels among
 * themselves)</td></tr>
 * <tr><td>panel-units</td><td>warning</td><td>numeric panels (time series, stat, gauge, bar gauge, bar chart,
 * histogram) set a unit</td></tr>
 * </table>
 *
 * <pre>{@code
 * LintReport report = DashboardLinter.defaults().lint(Dashboards.read(json));
 * report.findings().forEach(System.out::println);
 * // ERROR promql-parses $.panels[0].targets[0].expr: "sum(rate(x[5m])": 1:16: unclosed left parenthesis
 * }</pre>
 */
public final class DashboardLinter {

    /** Every rule id, in the order findings are reported within a dashboard. */
    public static final List<String> RULES = List.of("dashboard-title", "panel-title", "datasource-variable",
            "target-datasource", "promql-parses", "rate-interval", "undefined-variable", "duplicate-panel-id",
            "duplicate-uid", "grid-bounds", "grid-overlap", "panel-units");

    private static final Set<String> NUMERIC = Set.of("timeseries", "stat", "gauge", "bargauge", "barchart",
            "histogram");
    private static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate", "increase");

    private final Set<String> disabled;

    private DashboardLinter(Set<String> disabled) {
        this.disabled = Set.copyOf(disabled);
    }

    /** @return a linter with every rule on. */
    public static DashboardLinter defaults() {
        return new DashboardLinter(Set.of());
    }

    /**
     * @return this linter without the given rules
     * @throws IllegalArgumentException for an unknown rule id, listing the known ones
     */
    public DashboardLinter without(String... ruleIds) {
        Set<String> d = new HashSet<>(disabled);
        for (String r : ruleIds) {
            if (!RULES.contains(r)) {
                throw new IllegalArgumentException("\"" + r + "\" is not a lint rule; rules are " + RULES);
            }
            d.add(r);
        }
        return new DashboardLinter(d);
    }

    /** @return the findings for one dashboard. */
    public LintReport lint(Dashboard d) {
        return lint(List.of(d));
    }

    /** @return the findings for dashboards linted together (uids must differ among them). */
    public LintReport lint(List<Dashboard> dashboards) {
        List<LintFinding> out = new ArrayList<>();
        Map<String, Integer> uids = new HashMap<>();
        for (int i = 0; i < dashboards.size(); i++) {
            Dashboard d = dashboards.get(i);
            new Run(d, out).run();
            if (d.uid().isPresent()) {
                Integer first = uids.putIfAbsent(d.uid().get(), i);
                if (first != null) {
                    add(out, "duplicate-uid", Severity.ERROR, "$.uid", "uid \"" + d.uid().get() + "\" of \""
                            + d.title() + "\" is also the uid of \"" + dashboards.get(first).title() + "\"");
                }
            }
        }
        return new LintReport(out);
    }

    private void add(List<LintFinding> out, String rule, Severity s, String path, String message) {
        if (!disabled.contains(rule)) {
            out.add(new LintFinding(rule, s, path, message));
        }
    }

    private final class Run {
        final Dashboard d;
        final List<LintFinding> out;
        final Set<String> defined = new HashSet<>();
        final Set<String> datasourceVariables = new HashSet<>();
        final Set<String> imports = new HashSet<>();
        final Map<Integer, String> ids = new HashMap<>();
        boolean anyPrometheus;

        Run(Dashboard d, List<LintFinding> out) {
            this.d = d;
            this.out = out;
        }

        void run() {
            com.fasterxml.jackson.databind.node.ObjectNode extra = d.extraFields();
            if (d.title().isBlank()) {
                add(out, "dashboard-title", Severity.ERROR, "$.title", "the dashboard has no title"
                        + (extra.has("dashboard") && extra.get("dashboard").isObject() && d.panels().isEmpty()
                        ? " (this looks like a Grafana API response: the dashboard is its \"dashboard\" field)" : ""));
            }
            for (com.fasterxml.jackson.databind.JsonNode input : extra.path("__inputs")) {
                if (input.path("name").isTextual()) {
                    imports.add(input.path("name").textValue());
                }
            }
            for (Variable v : d.variables()) {
                defined.add(v.name());
                if (v.type().equals("datasource") && v.queryText().orElse("").equals("prometheus")) {
                    datasourceVariables.add(v.name());
                }
            }
            List<Variable> vars = d.variables();
            for (int i = 0; i < vars.size(); i++) {
                Variable v = vars.get(i);
                String p = "$.templating.list[" + i + "]";
                v.queryText().ifPresent(q -> variables(q, p + ".query"));
                v.datasource().ifPresent(ds -> datasourceVariable(ds, p + ".datasource"));
            }
            List<Annotation> anns = d.annotations();
            for (int i = 0; i < anns.size(); i++) {
                Annotation a = anns.get(i);
                String p = "$.annotations.list[" + i + "]";
                if (a.expr().isPresent() && a.datasource().flatMap(DatasourceRef::type).orElse("").equals("prometheus")) {
                    promql(a.expr().get(), p + ".expr");
                }
                a.datasource().ifPresent(ds -> datasourceVariable(ds, p + ".datasource"));
            }
            panels(d.panels(), "$.panels", true);
            if (anyPrometheus && datasourceVariables.isEmpty()) {
                add(out, "datasource-variable", Severity.ERROR, "$.templating.list",
                        "there are Prometheus queries but no Prometheus data source variable"
                                + " (type \"datasource\", query \"prometheus\")");
            }
        }

        void panels(List<Panel> panels, String path, boolean topLevel) {
            List<GridPos> placed = new ArrayList<>();
            List<String> placedPaths = new ArrayList<>();
            for (int i = 0; i < panels.size(); i++) {
                Panel p = panels.get(i);
                String at = path + "[" + i + "]";
                panel(p, at);
                if (p.gridPos().isPresent()) {
                    GridPos g = p.gridPos().get();
                    if (!g.inGrid()) {
                        add(out, "grid-bounds", Severity.ERROR, at + ".gridPos", "gridPos " + pos(g)
                                + " of \"" + p.title() + "\" is outside the 24-column grid");
                    }
                    for (int j = 0; j < placed.size(); j++) {
                        if (placed.get(j).overlaps(g)) {
                            add(out, "grid-overlap", Severity.ERROR, at + ".gridPos", "gridPos " + pos(g) + " of \""
                                    + p.title() + "\" overlaps " + pos(placed.get(j)) + " of " + placedPaths.get(j));
                            break;
                        }
                    }
                    placed.add(g);
                    placedPaths.add(at);
                }
                if (!p.panels().isEmpty()) {
                    panels(p.panels(), at + ".panels", false);
                }
            }
        }

        void panel(Panel p, String at) {
            if (p.id().isPresent()) {
                String first = ids.putIfAbsent(p.id().getAsInt(), at);
                if (first != null) {
                    add(out, "duplicate-panel-id", Severity.ERROR, at + ".id", "panel id " + p.id().getAsInt()
                            + " of \"" + p.title() + "\" is also the id of " + first);
                }
            }
            if (p.title().isBlank() && !p.isRow() && !p.type().equals("text")) {
                add(out, "panel-title", Severity.WARNING, at + ".title", "the " + p.type() + " panel has no title");
            }
            variables(p.title(), at + ".title");
            p.repeat().ifPresent(r -> {
                if (!r.isEmpty() && !defined.contains(r)) {
                    add(out, "undefined-variable", Severity.ERROR, at + ".repeat", "\"" + p.title()
                            + "\" repeats by variable \"" + r + "\", which is not defined" + defined());
                }
            });
            p.datasource().ifPresent(ds -> datasourceVariable(ds, at + ".datasource"));
            if (NUMERIC.contains(p.type()) && p.fieldConfig().flatMap(FieldConfig::unit).isEmpty()) {
                add(out, "panel-units", Severity.WARNING, at + ".fieldConfig.defaults.unit", "the " + p.type()
                        + " panel \"" + p.title() + "\" has no unit");
            }
            List<Target> targets = p.targets();
            for (int j = 0; j < targets.size(); j++) {
                Target t = targets.get(j);
                String tp = at + ".targets[" + j + "]";
                t.datasource().ifPresent(ds -> datasourceVariable(ds, tp + ".datasource"));
                if (t instanceof PrometheusTarget pt) {
                    anyPrometheus = true;
                    DatasourceRef ds = t.datasource().filter(x -> !x.isDefault())
                            .orElse(p.datasource().orElse(null));
                    String where = t.datasource().isPresent() ? tp + ".datasource" : at + ".datasource";
                    if (ds == null || ds.isMixed() || ds.variableName().isEmpty()
                            || !datasourceVariables.contains(ds.variableName().get())) {
                        add(out, "target-datasource", Severity.ERROR, where, "query " + refId(pt) + " of \""
                                + p.title() + "\" uses " + (ds == null || ds.isDefault() ? "the default data source" : ds)
                                + " instead of a Prometheus data source variable"
                                + (datasourceVariables.isEmpty() ? "" : " (" + dollar(datasourceVariables) + ")"));
                    }
                    promql(pt.expr(), tp + ".expr");
                } else if (t instanceof LokiTarget lt) {
                    variables(lt.expr(), tp + ".expr");
                }
            }
        }

        void datasourceVariable(DatasourceRef ds, String path) {
            ds.uid().or(ds::name).ifPresent(u -> variables(u, path));
        }

        void promql(String expr, String path) {
            variables(expr, path);
            if (expr.isBlank()) {
                add(out, "promql-parses", Severity.ERROR, path, "the expression is empty");
                return;
            }
            Expr e;
            try {
                e = PromQL.parse(Vars.substituteForLinting(expr));
            } catch (PromQLParseException ex) {
                add(out, "promql-parses", Severity.ERROR, path, "\"" + expr + "\": " + ex.getMessage()
                        + (Vars.referenced(expr).isEmpty() ? "" : " (after substituting Grafana variables)"));
                return;
            }
            e.accept(new ExprVisitor.Walker<Void>(null, (a, b) -> null) {
                @Override
                public Void visit(VectorCall c) {
                    String fn = c.function().name();
                    if (RATE_FUNCTIONS.contains(fn) && c.args().size() == 1 && c.args().get(0) instanceof MatrixSelector m
                            && m.range().millis() != RATE_INTERVAL_STAND_IN_MS) {
                        add(out, "rate-interval", Severity.WARNING, path, fn + "() ranges over " + rangeText(expr, m)
                                + ": use [$__rate_interval] so the window follows the step and scrape interval");
                    }
                    return super.visit(c);
                }
            });
        }

        void variables(String text, String path) {
            if (text == null || text.indexOf('$') < 0 && !text.contains("[[")) {
                return;
            }
            Set<String> missing = new LinkedHashSet<>();
            for (String v : Vars.referenced(text)) {
                if (!defined.contains(v) && !imports.contains(v) && !Vars.GLOBALS.contains(v)
                        && !v.chars().allMatch(Character::isDigit) && !v.startsWith("__")) {
                    missing.add(v);
                }
            }
            for (String v : missing) {
                add(out, "undefined-variable", Severity.ERROR, path, "variable \"" + v + "\" is used but not defined"
                        + defined());
            }
        }

        String defined() {
            return defined.isEmpty() ? "; the dashboard defines no variables"
                    : "; defined are " + dollar(new java.util.TreeSet<>(defined));
        }
    }

    private static String dollar(Set<String> names) {
        return String.join(", ", names.stream().sorted().map(n -> "$" + n).toList());
    }

    private static String refId(PrometheusTarget t) {
        return t.refId().orElse("(no refId)");
    }

    private static final long RATE_INTERVAL_STAND_IN_MS =
            io.monitoringkit.model.PromDuration.parse(Vars.RATE_INTERVAL_STAND_IN).millis();

    private static final long OTHER_STAND_IN_MS =
            io.monitoringkit.model.PromDuration.parse(Vars.OTHER_DURATION_STAND_IN).millis();

    private static String rangeText(String expr, MatrixSelector m) {
        return m.range().millis() == OTHER_STAND_IN_MS ? "a variable or macro other than $__rate_interval"
                : "[" + m.range() + "]";
    }

    private static String pos(GridPos g) {
        return "{x=" + g.x() + ", y=" + g.y() + ", w=" + g.w() + ", h=" + g.h() + "}";
    }
}
