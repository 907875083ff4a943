package io.monitoringkit.alertmanager.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.monitoringkit.alertmanager.AlertmanagerConfig;
import io.monitoringkit.alertmanager.InhibitRule;
import io.monitoringkit.alertmanager.NotifierConfig;
import io.monitoringkit.alertmanager.NotifierType;
import io.monitoringkit.alertmanager.Receiver;
import io.monitoringkit.alertmanager.Route;
import io.monitoringkit.alertmanager.Secret;
import io.monitoringkit.alertmanager.TimeInterval;
import io.monitoringkit.alertmanager.TimePeriod;

import java.util.List;
import java.util.Map;

/**
 * Writes configurations as YAML in a stable order (Alertmanager's field order); strings that YAML would read
 * as another type ({@code true}, {@code null}, {@code 010}, {@code 1e3}, ...) are quoted by the generator.
 */
public final class YamlWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private YamlWriter() {
    }

    /** The YAML text of {@code node}. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /** {@code alertmanager.yml} as a tree. */
    public static ObjectNode tree(AlertmanagerConfig c) {
        ObjectNode root = F.objectNode();
        c.global().ifPresent(g -> root.set("global", map(g.fields())));
        c.route().ifPresent(r -> root.set("route", route(r)));
        if (!c.receivers().isEmpty()) {
            ArrayNode rs = root.putArray("receivers");
            c.receivers().forEach(r -> rs.add(receiver(r)));
        }
        if (!c.inhibitRules().isEmpty()) {
            ArrayNode rs = root.putArray("inhibit_rules");
            c.inhibitRules().forEach(r -> rs.add(inhibit(r)));
        }
        if (!c.muteTimeIntervals().isEmpty()) {
            ArrayNode ti = root.putArray("mute_time_intervals");
            c.muteTimeIntervals().forEach(t -> ti.add(interval(t)));
        }
        if (!c.timeIntervals().isEmpty()) {
            ArrayNode ti = root.putArray("time_intervals");
            c.timeIntervals().forEach(t -> ti.add(interval(t)));
        }
        if (!c.templates().isEmpty()) {
            root.set("templates", strings(c.templates()));
        }
        return root;
    }

    /** A route as a tree. */
    public static ObjectNode route(Route r) {
        ObjectNode n = F.objectNode();
        r.receiver().ifPresent(v -> n.put("receiver", v));
        r.groupBy().ifPresent(g -> n.set("group_by", strings(g)));
        if (r.continueMatching()) {
            n.put("continue", true);
        }
        if (!r.matchers().isEmpty()) {
            n.set("matchers", strings(r.matchers()));
        }
        if (!r.match().isEmpty()) {
            n.set("match", map(r.match()));
        }
        if (!r.matchRe().isEmpty()) {
            n.set("match_re", map(r.matchRe()));
        }
        r.groupWait().ifPresent(v -> n.put("group_wait", v));
        r.groupInterval().ifPresent(v -> n.put("group_interval", v));
        r.repeatInterval().ifPresent(v -> n.put("repeat_interval", v));
        if (!r.muteTimeIntervals().isEmpty()) {
            n.set("mute_time_intervals", strings(r.muteTimeIntervals()));
        }
        if (!r.activeTimeIntervals().isEmpty()) {
            n.set("active_time_intervals", strings(r.activeTimeIntervals()));
        }
        if (!r.routes().isEmpty()) {
            ArrayNode children = n.putArray("routes");
            r.routes().forEach(child -> children.add(route(child)));
        }
        return n;
    }

    private static ObjectNode receiver(Receiver r) {
        ObjectNode n = F.objectNode();
        n.put("name", r.name());
        for (NotifierType type : NotifierType.values()) {
            List<NotifierConfig> of = r.notifiers(type);
            if (!of.isEmpty()) {
                ArrayNode list = n.putArray(type.key());
                of.forEach(c -> list.add(map(c.fields())));
            }
        }
        return n;
    }

    private static ObjectNode inhibit(InhibitRule r) {
        ObjectNode n = F.objectNode();
        if (!r.sourceMatchers().isEmpty()) {
            n.set("source_matchers", strings(r.sourceMatchers()));
        }
        if (!r.sourceMatch().isEmpty()) {
            n.set("source_match", map(r.sourceMatch()));
        }
        if (!r.sourceMatchRe().isEmpty()) {
            n.set("source_match_re", map(r.sourceMatchRe()));
        }
        if (!r.targetMatchers().isEmpty()) {
            n.set("target_matchers", strings(r.targetMatchers()));
        }
        if (!r.targetMatch().isEmpty()) {
            n.set("target_match", map(r.targetMatch()));
        }
        if (!r.targetMatchRe().isEmpty()) {
            n.set("target_match_re", map(r.targetMatchRe()));
        }
        if (!r.equal().isEmpty()) {
            n.set("equal", strings(r.equal()));
        }
        return n;
    }

    private static ObjectNode interval(TimeInterval t) {
        ObjectNode n = F.objectNode();
        n.put("name", t.name());
        ArrayNode periods = n.putArray("time_intervals");
        for (TimePeriod p : t.periods()) {
            ObjectNode pn = periods.addObject();
            if (!p.times().isEmpty()) {
                ArrayNode times = pn.putArray("times");
                p.times().forEach(tr -> {
                    ObjectNode tn = times.addObject();
                    if (!tr.start().isEmpty()) {
                        tn.put("start_time", tr.start());
                    }
                    if (!tr.end().isEmpty()) {
                        tn.put("end_time", tr.end());
                    }
                });
            }
            putList(pn, "weekdays", p.weekdays());
            putList(pn, "days_of_month", p.daysOfMonth());
            putList(pn, "months", p.months());
            putList(pn, "years", p.years());
            p.location().ifPresent(l -> pn.put("location", l));
        }
        return n;
    }

    private static void putList(ObjectNode n, String key, List<String> values) {
        if (!values.isEmpty()) {
            n.set(key, strings(values));
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** A map of configuration values (secrets revealed) as a tree, keys in insertion order. */
    public static ObjectNode map(Map<String, ?> map) {
        ObjectNode n = F.objectNode();
        map.forEach((k, v) -> n.set(k, value(v)));
        return n;
    }

    private static JsonNode value(Object v) {
        if (v instanceof Secret s) {
            return F.textNode(s.reveal());
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode n = F.objectNode();
            m.forEach((k, x) -> n.set(String.valueOf(k), value(x)));
            return n;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = F.arrayNode();
            l.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return F.numberNode(i);
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof java.math.BigInteger b) {
            return F.numberNode(b);
        }
        if (v instanceof Double d) {
            return F.numberNode(d);
        }
        return F.textNode(String.valueOf(v));
    }
}
