package io.monitoringkit.grafana;

import io.monitoringkit.grafana.internal.Vars;
import io.monitoringkit.metrics.CrossCheck;
import io.monitoringkit.metrics.ExpressionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL of a dashboard as {@link ExpressionSource}s for {@link CrossCheck}: every Prometheus target of every
 * panel (rows and their collapsed panels included), Prometheus annotation queries, and query variables
 * ({@code label_values(selector, label)} is checked as a grouping by that label, {@code query_result(expr)} as its
 * expression). Grafana's variables and macros ({@code $var}, {@code ${var:regex}}, {@code [[var]]},
 * {@code $__rate_interval}, {@code $__range}, ...) are replaced by PromQL of the right kind for parsing, as
 * {@link GrafanaPromQL#check(String)} does; positions in findings stay those of the text as written, and names and
 * values that come from a variable are not checked.
 *
 * <pre>{@code
 * Dashboard d = Dashboards.read(Files.readString(Path.of("checkout.json")));
 * CrossCheckReport r = CrossCheck.against(catalog).check(DashboardExpressions.of("checkout.json", d));
 * // checkout.json: panel "Errors" (id 3), target A 1:10: error [unknown-metric]: metric ... nearest names: ...
 * }</pre>
 */
public final class DashboardExpressions {

    private static final Pattern LABEL_VALUES =
            Pattern.compile("^\\s*label_values\\s*\\((.*),\\s*([A-Za-z_][A-Za-z0-9_]*|\\$\\{?[A-Za-z0-9_]+}?)\\s*\\)\\s*$",
                    Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);

    private DashboardExpressions() {
    }

    /**
     * Reads dashboard JSON — as exported, or wrapped in the API's {@code {"dashboard": {...}}} — and returns its
     * expressions.
     *
     * @throws DashboardReadException when the text is not a readable dashboard
     */
    public static List<ExpressionSource> fromJson(String artifact, String json) {
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DashboardReadException(List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        if (tree != null && tree.has("dashboard") && tree.get("dashboard").isObject() && !tree.has("panels")) {
            tree = tree.get("dashboard");
        }
        return of(artifact, Dashboards.read(tree));
    }

    /** @return the expressions of {@code dashboard}, in panel order, then annotations, then variables. */
    public static List<ExpressionSource> of(String artifact, Dashboard dashboard) {
        List<ExpressionSource> out = new ArrayList<>();
        for (Panel p : dashboard.allPanels()) {
            List<Target> targets = p.targets();
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i) instanceof PrometheusTarget t && !t.expr().isBlank()) {
                    String where = panel(p) + ", target " + t.refId().orElse("#" + (i + 1));
                    out.add(source(artifact, where, t.expr()));
                }
            }
        }
        for (Annotation a : dashboard.annotations()) {
            Optional<String> expr = a.expr().filter(e -> !e.isBlank());
            if (expr.isPresent() && !a.isBuiltIn() && isPrometheus(a.datasource())) {
                out.add(source(artifact, "annotation \"" + a.name().orElse("") + "\", expr", expr.get()));
            }
        }
        for (Variable v : dashboard.variables()) {
            Optional<String> q = v.queryText();
            if (v.type().equals("query") && q.isPresent() && isPrometheus(v.datasource())) {
                variable(artifact, v, q.get()).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    private static String panel(Panel p) {
        return "panel \"" + p.title() + "\"" + (p.id().isPresent() ? " (id " + p.id().getAsInt() + ")" : "");
    }

    private static ExpressionSource source(String artifact, String location, String expr) {
        return ExpressionSource.of(artifact, location, expr).withReplacements(Vars.replacementsForParsing(expr));
    }

    private static Optional<ExpressionSource> variable(String artifact, Variable v, String query) {
        String where = "variable \"" + v.name() + "\", query";
        Matcher lv = LABEL_VALUES.matcher(query);
        if (lv.matches()) {
            String label = lv.group(2);
            if (label.startsWith("$") || lv.group(1).isBlank()) {
                return Optional.empty();
            }
            List<ExpressionSource.Replacement> r = new ArrayList<>();
            r.add(new ExpressionSource.Replacement(0, lv.start(1), "group by (" + label + ") ("));
            for (ExpressionSource.Replacement x : Vars.replacementsForParsing(lv.group(1))) {
                r.add(new ExpressionSource.Replacement(x.start() + lv.start(1), x.end() + lv.start(1), x.text()));
            }
            r.add(new ExpressionSource.Replacement(lv.end(1), query.length(), ")"));
            return Optional.of(ExpressionSource.of(artifact, where, query).withReplacements(r));
        }
        Matcher qr = QUERY_RESULT.matcher(query);
        if (qr.matches()) {
            List<ExpressionSource.Replacement> r = new ArrayList<>();
            r.add(new ExpressionSource.Replacement(0, qr.start(1), ""));
            for (ExpressionSource.Replacement x : Vars.replacementsForParsing(qr.group(1))) {
                r.add(new ExpressionSource.Replacement(x.start() + qr.start(1), x.end() + qr.start(1), x.text()));
            }
            r.add(new ExpressionSource.Replacement(qr.end(1), query.length(), ""));
            return Optional.of(ExpressionSource.of(artifact, where, query).withReplacements(r));
        }
        return Optional.empty();
    }

    private static boolean isPrometheus(Optional<DatasourceRef> ds) {
        if (ds.isEmpty()) {
            return true;
        }
        if (ds.get().type().isPresent()) {
            return ds.get().type().get().equals("prometheus");
        }
        String id = ds.get().uid().or(() -> ds.get().name()).orElse("").toLowerCase(Locale.ROOT);
        return !id.contains("loki") && !id.contains("elastic") && !id.contains("influx") && !id.contains("tempo")
                && !id.contains("graphite") && !id.contains("sql") && !id.contains("cloudwatch");
    }
}
