package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A panel query. Prometheus and Loki queries are typed; any other data source's query is a
 * {@link GenericTarget} that keeps its JSON as is.
 *
 * <pre>{@code
 * Target t = PrometheusTarget.of(rate(metric("http_requests_total").over(GrafanaPromQL.RATE_INTERVAL)));
 * t.refId(); // Optional.empty() until the panel assigns "A"
 * }</pre>
 */
public sealed interface Target permits PrometheusTarget, LokiTarget, GenericTarget {

    /** @return the query's refId ({@code A}, {@code B}, ...), when set. */
    Optional<String> refId();

    /** @return the query's own data source, when set (required under the mixed data source). */
    Optional<DatasourceRef> datasource();

    /** @return this target with another refId. */
    Target withRefId(String refId);

    /** @return the JSON object. */
    ObjectNode toJson();

    /** Reads a target, choosing the kind from the target's or else the panel's data source. */
    static Target read(In in, DatasourceRef panelDatasource) {
        DatasourceRef own = in.rest.has("datasource") ? DatasourceRef.fromJson(in.rest.get("datasource")) : null;
        String kind = kindOf(own);
        if (kind == null) {
            kind = kindOf(panelDatasource);
        }
        boolean exprIsText = in.rest.has("expr") && in.rest.get("expr").isTextual();
        if ("loki".equals(kind) && exprIsText) {
            return LokiTarget.read(in);
        }
        if (exprIsText && (kind == null || "prometheus".equals(kind))) {
            return PrometheusTarget.read(in);
        }
        return GenericTarget.read(in);
    }

    private static String kindOf(DatasourceRef ref) {
        if (ref == null) {
            return null;
        }
        if (ref.type().isPresent()) {
            String t = ref.type().get();
            return t.equals("prometheus") || t.equals("loki") ? t : "other:" + t;
        }
        String label = ref.uid().or(ref::name).orElse("").toLowerCase(java.util.Locale.ROOT);
        if (label.contains("loki")) {
            return "loki";
        }
        if (label.contains("prom") || label.contains("mimir") || label.contains("thanos")) {
            return "prometheus";
        }
        return null;
    }

    /** @return refIds A..Z, AA.. in Grafana's order. */
    static String refIdAt(int i) {
        StringBuilder sb = new StringBuilder();
        int n = i;
        do {
            sb.insert(0, (char) ('A' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return sb.toString();
    }

    /** Assigns refIds to targets without one, skipping those in use. */
    static List<Target> assignRefIds(List<Target> targets) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Target t : targets) {
            t.refId().ifPresent(used::add);
        }
        java.util.List<Target> out = new java.util.ArrayList<>(targets.size());
        int next = 0;
        for (Target t : targets) {
            if (t.refId().isEmpty()) {
                String id;
                do {
                    id = refIdAt(next++);
                } while (used.contains(id));
                used.add(id);
                t = t.withRefId(id);
            }
            out.add(t);
        }
        return out;
    }
}
