package io.monitoringkit.examples.demo;

import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Every number of the view as a PromQL query on a {@link QueryApi}, and the alerts from {@code ALERTS}: the same
 * code reads the in-process engine (on its simulated clock) or a real Prometheus (on the wall clock).
 *
 * <pre>{@code
 * ViewQueries q = new ViewQueries(List.of(new ViewQueries.PanelQuery("error ratio", Unit.RATIO,
 *         PromQL.max(PromQL.metric("job:slo_errors_per_request:ratio_rate5m")))), rules);
 * ViewQueries.Reading r = q.read(engine);
 * }</pre>
 */
public final class ViewQueries {

    /**
     * One panel and its query; an instant query that returns one series (more: the first is shown).
     *
     * @param label what the view calls it
     * @param unit  how to format it
     * @param expr  the query
     */
    public record PanelQuery(String label, Unit unit, Expr expr) {
        /** Checks for null. */
        public PanelQuery {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(expr, "expr");
        }
    }

    /**
     * One reading of every query.
     *
     * @param values the panels' values by label (empty: the query returned nothing)
     * @param active the pending or firing alerts by name (firing wins when series of one alert differ)
     */
    public record Reading(Map<String, OptionalDouble> values, Map<String, AlertState> active) {
    }

    private final List<PanelQuery> panels;
    private final List<String> alertNames;
    private final Set<String> known;

    /** The view of {@code panels} and of the alerting rules of {@code rules}. */
    public ViewQueries(List<PanelQuery> panels, RuleFile rules) {
        this.panels = List.copyOf(panels);
        List<String> names = new ArrayList<>();
        for (RuleGroup g : rules.groups()) {
            for (Rule r : g.rules()) {
                if (r instanceof AlertingRule a && !names.contains(a.alert())) {
                    names.add(a.alert());
                }
            }
        }
        this.alertNames = List.copyOf(names);
        this.known = new HashSet<>(names);
    }

    /** The panels. */
    public List<PanelQuery> panels() {
        return panels;
    }

    /** The panels as the view state wants them. */
    public List<ViewState.PanelSpec> panelSpecs() {
        return panels.stream().map(p -> new ViewState.PanelSpec(p.label(), p.unit())).toList();
    }

    /** The alert names of the rule file, in order. */
    public List<String> alertNames() {
        return alertNames;
    }

    /** The query for the alerts' states. */
    public static String alertsQuery() {
        return "ALERTS";
    }

    /** Runs every query at the API's "now"; alerts not in the rule file (a shared server's) are left out. */
    public Reading read(QueryApi api) {
        Map<String, OptionalDouble> values = new LinkedHashMap<>();
        for (PanelQuery p : panels) {
            QueryResult.Vector v = api.query(p.expr()).asVector();
            values.put(p.label(), v.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(v.value(0)));
        }
        Map<String, AlertState> active = new LinkedHashMap<>();
        QueryResult.Vector alerts = api.query(alertsQuery()).asVector();
        for (int i = 0; i < alerts.size(); i++) {
            Labels l = alerts.labels(i);
            String name = l.getOrEmpty("alertname");
            if (!known.contains(name)) {
                continue;
            }
            AlertState s = "firing".equals(l.getOrEmpty("alertstate")) ? AlertState.FIRING : AlertState.PENDING;
            active.merge(name, s, (a, b) -> a == AlertState.FIRING || b == AlertState.FIRING ? AlertState.FIRING : a);
        }
        return new Reading(values, active);
    }
}
