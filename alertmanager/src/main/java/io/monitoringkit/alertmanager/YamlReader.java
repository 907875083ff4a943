package io.monitoringkit.alertmanager;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code alertmanager.yml} strictly: unknown fields and wrong shapes are problems, as in Alertmanager. */
final class YamlReader {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP = Set.of("global", "route", "receivers", "inhibit_rules", "templates",
            "mute_time_intervals", "time_intervals");
    private static final Set<String> ROUTE = Set.of("receiver", "group_by", "continue", "match", "match_re",
            "matchers", "group_wait", "group_interval", "repeat_interval", "mute_time_intervals",
            "active_time_intervals", "routes");
    private static final Set<String> INHIBIT = Set.of("source_match", "source_match_re", "source_matchers",
            "target_match", "target_match_re", "target_matchers", "equal");
    private static final Set<String> INTERVAL = Set.of("name", "time_intervals");
    private static final Set<String> PERIOD = Set.of("times", "weekdays", "days_of_month", "months", "years",
            "location");
    private static final Set<String> TIMES = Set.of("start_time", "end_time");

    private final List<ConfigProblem> problems = new ArrayList<>();

    /** The result of reading: the configuration (absent when the text is not YAML) and structural problems. */
    record Result(AlertmanagerConfig config, List<ConfigProblem> problems) {
    }

    static Result read(String yaml) {
        YamlReader r = new YamlReader();
        JsonNode root;
        try {
            root = MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            var loc = e.getLocation();
            String where = loc == null ? "" : "line " + loc.getLineNr() + ": ";
            return new Result(null, List.of(new ConfigProblem("", "cannot parse YAML: " + where + msg)));
        }
        AlertmanagerConfig.Builder b = AlertmanagerConfig.builder();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new Result(b.buildUnchecked(), List.of());
        }
        if (!r.expectObject(root, "")) {
            return new Result(null, r.problems);
        }
        r.unknown(root, "", TOP);
        JsonNode g = root.get("global");
        if (present(g) && r.expectObject(g, "global")) {
            GlobalConfig.Builder gb = GlobalConfig.builder();
            g.fields().forEachRemaining(e -> {
                if (!GlobalConfig.FIELDS.contains(e.getKey())) {
                    r.add("global." + e.getKey(), "unknown field \"" + e.getKey() + "\"");
                } else if (present(e.getValue())) {
                    gb.field(e.getKey(), r.value(e.getValue(), GlobalConfig.isSecret(e.getKey())));
                }
            });
            b.global(gb.build());
        }
        JsonNode route = root.get("route");
        if (present(route)) {
            Route rt = r.route(route, "route");
            if (rt != null) {
                b.route(rt);
            }
        }
        r.eachObject(root.get("receivers"), "receivers", (node, path) -> b.receiver(r.receiver(node, path)));
        r.eachObject(root.get("inhibit_rules"), "inhibit_rules", (node, path) -> b.inhibitRule(r.inhibit(node, path)));
        r.eachObject(root.get("mute_time_intervals"), "mute_time_intervals",
                (node, path) -> b.muteTimeInterval(r.interval(node, path)));
        r.eachObject(root.get("time_intervals"), "time_intervals",
                (node, path) -> b.timeInterval(r.interval(node, path)));
        r.strings(root.get("templates"), "templates").forEach(b::template);
        return new Result(b.buildUnchecked(), List.copyOf(r.problems));
    }

    private Route route(JsonNode node, String path) {
        if (!expectObject(node, path)) {
            return null;
        }
        unknown(node, path, ROUTE);
        Route.Builder b = Route.builder();
        str(node.get("receiver"), path + ".receiver", b::receiver);
        if (present(node.get("group_by"))) {
            b.groupBy(strings(node.get("group_by"), path + ".group_by").toArray(String[]::new));
        }
        bool(node.get("continue"), path + ".continue", b::continueMatching);
        strMap(node.get("match"), path + ".match").forEach(b::match);
        strMap(node.get("match_re"), path + ".match_re").forEach(b::matchRe);
        strings(node.get("matchers"), path + ".matchers").forEach(b::matcher);
        str(node.get("group_wait"), path + ".group_wait", b::groupWait);
        str(node.get("group_interval"), path + ".group_interval", b::groupInterval);
        str(node.get("repeat_interval"), path + ".repeat_interval", b::repeatInterval);
        b.muteTimeIntervals(strings(node.get("mute_time_intervals"), path + ".mute_time_intervals")
                .toArray(String[]::new));
        b.activeTimeIntervals(strings(node.get("active_time_intervals"), path + ".active_time_intervals")
                .toArray(String[]::new));
        JsonNode routes = node.get("routes");
        if (present(routes)) {
            if (!routes.isArray()) {
                add(path + ".routes", "expected a list of routes");
            } else {
                for (int i = 0; i < routes.size(); i++) {
                    Route child = route(routes.get(i), path + ".routes[" + i + "]");
                    if (child != null) {
                        b.route(child);
                    }
                }
            }
        }
        return b.build();
    }

    private Receiver receiver(JsonNode node, String path) {
        String[] name = {""};
        List<NotifierConfig> notifiers = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (key.equals("name")) {
                str(e.getValue(), path + ".name", v -> name[0] = v);
                return;
            }
            var type = NotifierType.fromKey(key);
            if (type.isEmpty()) {
                add(path + "." + key, "unknown field \"" + key + "\"");
                return;
            }
            eachObject(e.getValue(), path + "." + key, (n, p) -> notifiers.add(notifier(type.get(), n, p)));
        });
        return new Receiver(name[0], notifiers);
    }

    private NotifierConfig notifier(NotifierType type, JsonNode node, String path) {
        Map<String, Object> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (type.isTyped() && !type.fields().contains(e.getKey())) {
                add(path + "." + e.getKey(), "unknown field \"" + e.getKey() + "\"");
            } else if (present(e.getValue())) {
                fields.put(e.getKey(), value(e.getValue(), type.isSecret(e.getKey())));
            }
        });
        return NotifierConfig.of(type, fields);
    }

    private InhibitRule inhibit(JsonNode node, String path) {
        unknown(node, path, INHIBIT);
        InhibitRule.Builder b = InhibitRule.builder();
        strMap(node.get("source_match"), path + ".source_match").forEach(b::sourceMatch);
        strMap(node.get("source_match_re"), path + ".source_match_re").forEach(b::sourceMatchRe);
        strings(node.get("source_matchers"), path + ".source_matchers").forEach(b::sourceMatcher);
        strMap(node.get("target_match"), path + ".target_match").forEach(b::targetMatch);
        strMap(node.get("target_match_re"), path + ".target_match_re").forEach(b::targetMatchRe);
        strings(node.get("target_matchers"), path + ".target_matchers").forEach(b::targetMatcher);
        b.equal(strings(node.get("equal"), path + ".equal").toArray(String[]::new));
        return b.build();
    }

    private TimeInterval interval(JsonNode node, String path) {
        unknown(node, path, INTERVAL);
        String[] name = {""};
        str(node.get("name"), path + ".name", v -> name[0] = v);
        List<TimePeriod> periods = new ArrayList<>();
        eachObject(node.get("time_intervals"), path + ".time_intervals", (n, p) -> {
            unknown(n, p, PERIOD);
            TimePeriod.Builder b = TimePeriod.builder();
            eachObject(n.get("times"), p + ".times", (t, tp) -> {
                unknown(t, tp, TIMES);
                String[] se = {"", ""};
                str(t.get("start_time"), tp + ".start_time", v -> se[0] = v);
                str(t.get("end_time"), tp + ".end_time", v -> se[1] = v);
                b.times(se[0], se[1]);
            });
            b.weekdays(strings(n.get("weekdays"), p + ".weekdays").toArray(String[]::new));
            b.daysOfMonth(strings(n.get("days_of_month"), p + ".days_of_month").toArray(String[]::new));
            b.months(strings(n.get("months"), p + ".months").toArray(String[]::new));
            b.years(strings(n.get("years"), p + ".years").toArray(String[]::new));
            str(n.get("location"), p + ".location", b::location);
            periods.add(b.build());
        });
        return new TimeInterval(name[0], periods);
    }

    // ------------------------------------------------------------------ helpers

    private void add(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    private boolean expectObject(JsonNode n, String path) {
        if (!n.isObject()) {
            add(path, "expected a mapping, found " + describe(n));
            return false;
        }
        return true;
    }

    private void unknown(JsonNode n, String path, Set<String> known) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                add(path.isEmpty() ? name : path + "." + name, "unknown field \"" + name + "\"");
            }
        }
    }

    private interface NodeConsumer {
        void accept(JsonNode node, String path);
    }

    private void eachObject(JsonNode list, String path, NodeConsumer consumer) {
        if (!present(list)) {
            return;
        }
        if (!list.isArray()) {
            add(path, "expected a list, found " + describe(list));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String p = path + "[" + i + "]";
            if (expectObject(item, p)) {
                consumer.accept(item, p);
            }
        }
    }

    private void str(JsonNode n, String path, java.util.function.Consumer<String> target) {
        if (!present(n)) {
            return;
        }
        if (!n.isValueNode()) {
            add(path, "expected a string, found " + describe(n));
            return;
        }
        target.accept(n.asText());
    }

    private void bool(JsonNode n, String path, java.util.function.Consumer<Boolean> target) {
        if (!present(n)) {
            return;
        }
        if (n.isBoolean()) {
            target.accept(n.booleanValue());
        } else {
            add(path, "expected true or false, found " + describe(n));
        }
    }

    private List<String> strings(JsonNode n, String path) {
        List<String> out = new ArrayList<>();
        if (!present(n)) {
            return out;
        }
        if (!n.isArray()) {
            add(path, "expected a list of strings, found " + describe(n));
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (item.isValueNode() && !item.isNull()) {
                out.add(item.asText());
            } else {
                add(path + "[" + i + "]", "expected a string, found " + describe(item));
            }
        }
        return out;
    }

    private Map<String, String> strMap(JsonNode n, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!present(n)) {
            return out;
        }
        if (!n.isObject()) {
            add(path, "expected a mapping of strings, found " + describe(n));
            return out;
        }
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            } else {
                add(path + "." + e.getKey(), "expected a string, found " + describe(e.getValue()));
            }
        });
        return out;
    }

    private Object value(JsonNode n, boolean secret) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue(),
                    io.monitoringkit.alertmanager.internal.Redaction.SECRET_KEYS.contains(e.getKey()))));
            return java.util.Collections.unmodifiableMap(m);
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(item -> l.add(value(item, false)));
            return List.copyOf(l);
        }
        if (secret) {
            return Secret.of(n.asText());
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToInt() ? (Object) n.intValue()
                    : n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return n.isNull() ? "" : n.asText();
    }

    private static String describe(JsonNode n) {
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return n.isNumber() ? "a number" : "a string";
    }
}
