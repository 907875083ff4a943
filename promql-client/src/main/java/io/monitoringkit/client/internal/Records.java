package io.monitoringkit.client.internal;

import io.monitoringkit.client.Alert;
import io.monitoringkit.client.AlertmanagerDiscovery;
import io.monitoringkit.client.BuildInfo;
import io.monitoringkit.client.Exemplars;
import io.monitoringkit.client.MetricMetadata;
import io.monitoringkit.client.Notification;
import io.monitoringkit.client.RuleGroup;
import io.monitoringkit.client.RulesResult;
import io.monitoringkit.client.RuntimeInfo;
import io.monitoringkit.client.Targets;
import io.monitoringkit.client.TsdbStatus;
import io.monitoringkit.client.WalReplayStatus;
import io.monitoringkit.model.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the generic values of small responses onto the typed records, tolerating absent and unknown fields. */
public final class Records {
    private Records() {
    }

    /** @return {@code data} as an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object data, String what) {
        if (data instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new DecodeException("expected " + what + " to be an object but found " + kind(data));
    }

    /** @return {@code data} as a list. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object data, String what) {
        if (data == null) {
            return List.of();
        }
        if (data instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new DecodeException("expected " + what + " to be an array but found " + kind(data));
    }

    private static String kind(Object o) {
        return o == null ? "null" : o instanceof Map ? "an object" : o instanceof List ? "an array"
                : o instanceof String ? "a string" : o instanceof Boolean ? "a boolean" : "a number";
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    static double dbl(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isEmpty()) {
            return Numbers.parseValue(s);
        }
        return 0;
    }

    static long lng(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s && !s.isEmpty()) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    static boolean bool(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    static Labels labels(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return Labels.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return Labels.from(out);
    }

    /** @return buildinfo */
    public static BuildInfo buildInfo(Object data) {
        Map<String, Object> m = object(data, "buildinfo");
        Map<String, Object> other = new LinkedHashMap<>(m);
        for (String k : List.of("version", "revision", "branch", "buildUser", "buildDate", "goVersion")) {
            other.remove(k);
        }
        other.values().removeIf(v -> v == null);
        return new BuildInfo(str(m, "version"), str(m, "revision"), str(m, "branch"), str(m, "buildUser"),
                str(m, "buildDate"), str(m, "goVersion"), other);
    }

    /** @return runtimeinfo */
    public static RuntimeInfo runtimeInfo(Object data) {
        Map<String, Object> m = object(data, "runtimeinfo");
        Map<String, Object> fields = new LinkedHashMap<>(m);
        fields.values().removeIf(v -> v == null);
        return new RuntimeInfo(str(m, "startTime"), str(m, "CWD"), bool(m, "reloadConfigSuccess"),
                str(m, "lastConfigTime"), lng(m, "goroutineCount"), str(m, "storageRetention"), fields);
    }

    /** @return targets */
    public static Targets targets(Object data) {
        Map<String, Object> m = object(data, "targets");
        List<Targets.ActiveTarget> active = new ArrayList<>();
        for (Object o : list(m.get("activeTargets"), "activeTargets")) {
            Map<String, Object> t = object(o, "an active target");
            active.add(new Targets.ActiveTarget(labels(t.get("discoveredLabels")), labels(t.get("labels")),
                    str(t, "scrapePool"), str(t, "scrapeUrl"), str(t, "globalUrl"), str(t, "lastError"),
                    str(t, "lastScrape"), dbl(t, "lastScrapeDuration"), str(t, "health"), str(t, "scrapeInterval"),
                    str(t, "scrapeTimeout")));
        }
        List<Targets.DroppedTarget> dropped = new ArrayList<>();
        for (Object o : list(m.get("droppedTargets"), "droppedTargets")) {
            dropped.add(new Targets.DroppedTarget(labels(object(o, "a dropped target").get("discoveredLabels"))));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        if (m.get("droppedTargetCounts") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> counts.put(String.valueOf(k), v instanceof Number n ? n.longValue() : 0L));
        }
        return new Targets(active, dropped, counts);
    }

    /** @return targets/metadata */
    public static List<MetricMetadata> targetMetadata(Object data) {
        List<MetricMetadata> out = new ArrayList<>();
        for (Object o : list(data, "targets/metadata")) {
            Map<String, Object> m = object(o, "a target metadata entry");
            out.add(new MetricMetadata(labels(m.get("target")), str(m, "metric"), str(m, "type"), str(m, "help"),
                    str(m, "unit")));
        }
        return out;
    }

    /** @return metadata by metric name */
    public static Map<String, List<MetricMetadata>> metadata(Object data) {
        Map<String, List<MetricMetadata>> out = new LinkedHashMap<>();
        object(data, "metadata").forEach((name, entries) -> {
            List<MetricMetadata> l = new ArrayList<>();
            for (Object o : list(entries, "metadata of " + name)) {
                Map<String, Object> m = object(o, "a metadata entry");
                l.add(new MetricMetadata(Labels.empty(), name, str(m, "type"), str(m, "help"), str(m, "unit")));
            }
            out.put(name, List.copyOf(l));
        });
        return out;
    }

    /** @return alerts */
    public static List<Alert> alerts(Object listData) {
        List<Alert> out = new ArrayList<>();
        for (Object o : list(listData, "alerts")) {
            Map<String, Object> a = object(o, "an alert");
            out.add(new Alert(labels(a.get("labels")), labels(a.get("annotations")), str(a, "state"),
                    str(a, "activeAt"), str(a, "value"), str(a, "keepFiringSince")));
        }
        return out;
    }

    /** @return rules */
    public static RulesResult rules(Object data) {
        Map<String, Object> m = object(data, "rules");
        List<RuleGroup> groups = new ArrayList<>();
        for (Object o : list(m.get("groups"), "groups")) {
            Map<String, Object> g = object(o, "a rule group");
            List<RuleGroup.Rule> rules = new ArrayList<>();
            for (Object r : list(g.get("rules"), "rules")) {
                Map<String, Object> x = object(r, "a rule");
                rules.add(new RuleGroup.Rule(str(x, "type"), str(x, "name"), str(x, "query"), labels(x.get("labels")),
                        labels(x.get("annotations")), dbl(x, "duration"), dbl(x, "keepFiringFor"), str(x, "state"),
                        str(x, "health"), str(x, "lastError"), alerts(x.get("alerts")), dbl(x, "evaluationTime"),
                        str(x, "lastEvaluation")));
            }
            groups.add(new RuleGroup(str(g, "name"), str(g, "file"), dbl(g, "interval"), lng(g, "limit"), rules,
                    dbl(g, "evaluationTime"), str(g, "lastEvaluation")));
        }
        return new RulesResult(groups, str(m, "groupNextToken"));
    }

    /** @return alertmanagers */
    public static AlertmanagerDiscovery alertmanagers(Object data) {
        Map<String, Object> m = object(data, "alertmanagers");
        return new AlertmanagerDiscovery(urls(m.get("activeAlertmanagers")), urls(m.get("droppedAlertmanagers")));
    }

    private static List<String> urls(Object o) {
        List<String> out = new ArrayList<>();
        for (Object e : list(o, "alertmanagers")) {
            out.add(str(object(e, "an alertmanager"), "url"));
        }
        return out;
    }

    /** @return status/tsdb */
    public static TsdbStatus tsdb(Object data) {
        Map<String, Object> m = object(data, "tsdb status");
        Map<String, Object> h = m.get("headStats") instanceof Map ? object(m.get("headStats"), "headStats") : Map.of();
        return new TsdbStatus(new TsdbStatus.HeadStats(lng(h, "numSeries"), lng(h, "numLabelPairs"),
                lng(h, "chunkCount"), lng(h, "minTime"), lng(h, "maxTime")), entries(m.get("seriesCountByMetricName")),
                entries(m.get("labelValueCountByLabelName")), entries(m.get("memoryInBytesByLabelName")),
                entries(m.get("seriesCountByLabelValuePair")));
    }

    private static List<TsdbStatus.Entry> entries(Object o) {
        List<TsdbStatus.Entry> out = new ArrayList<>();
        for (Object e : list(o, "tsdb entries")) {
            Map<String, Object> m = object(e, "a tsdb entry");
            out.add(new TsdbStatus.Entry(str(m, "name"), lng(m, "value")));
        }
        return out;
    }

    /** @return status/walreplay */
    public static WalReplayStatus walReplay(Object data) {
        Map<String, Object> m = object(data, "walreplay");
        return new WalReplayStatus(lng(m, "min"), lng(m, "max"), lng(m, "current"), str(m, "state"));
    }

    /** @return query_exemplars */
    public static List<Exemplars> exemplars(Object data) {
        List<Exemplars> out = new ArrayList<>();
        for (Object o : list(data, "exemplars")) {
            Map<String, Object> s = object(o, "an exemplar series");
            List<Exemplars.Exemplar> ex = new ArrayList<>();
            for (Object e : list(s.get("exemplars"), "exemplars")) {
                Map<String, Object> x = object(e, "an exemplar");
                Object ts = x.get("timestamp");
                long millis = ts instanceof Number n ? Math.round(n.doubleValue() * 1000) : 0;
                ex.add(new Exemplars.Exemplar(labels(x.get("labels")), dbl(x, "value"), millis));
            }
            out.add(new Exemplars(labels(s.get("seriesLabels")), ex));
        }
        return out;
    }

    /** @return notifications */
    public static List<Notification> notifications(Object data) {
        List<Notification> out = new ArrayList<>();
        for (Object o : list(data, "notifications")) {
            Map<String, Object> m = object(o, "a notification");
            out.add(new Notification(str(m, "text"), str(m, "date"), bool(m, "active")));
        }
        return out;
    }

    /** @return flags */
    public static Map<String, String> flags(Object data) {
        Map<String, String> out = new LinkedHashMap<>();
        object(data, "flags").forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
        return out;
    }
}
