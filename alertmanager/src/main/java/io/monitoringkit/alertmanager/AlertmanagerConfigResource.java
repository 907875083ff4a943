package io.monitoringkit.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.alertmanager.internal.YamlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Prometheus Operator's {@code AlertmanagerConfig} custom resource ({@code monitoring.coreos.com/v1alpha1})
 * made from the same {@link AlertmanagerConfig} model, plus the Kubernetes {@code Secret} holding its secret
 * values (the resource refers to them by {@code SecretKeySelector}s, as the operator requires).
 *
 * <p>What the operator does with it, and so what this class checks ({@link #problems()}):
 * <ul>
 *   <li>It adds a {@code namespace="<resource namespace>"} matcher to every route of the resource and nests the
 *       resource's route under the Alertmanager's own root route with {@code continue: true}. Only alerts
 *       carrying that {@code namespace} label reach these routes. {@link #operatorView()} gives the routing
 *       tree the operator generates, for {@link Routing} tests.</li>
 *   <li>The resource has no {@code global} block and no {@code templates}: both are reported as problems
 *       (they belong to the Alertmanager's base configuration).</li>
 *   <li>Legacy {@code match}/{@code match_re} become matchers ({@code =} and {@code =~}); inhibit rules hold only
 *       matchers; a time period's {@code location} has no field in v1alpha1 and is reported.</li>
 *   <li>Notifier kinds Alertmanager 0.25 has but the typed model only carries generically are written with
 *       their field names converted to camelCase.</li>
 * </ul>
 * The resource is produced as plain Jackson trees (not fabric8's model classes): the model keeps notifier
 * fields as ordered maps, which map onto the CRD's JSON directly, and the output must be byte-stable YAML.
 *
 * <pre>{@code
 * AlertmanagerConfigResource cr = AlertmanagerConfigResource.of(config, "checkout", "shop");
 * cr.problems();                      // [] when the operator can take it
 * String manifests = cr.toYaml();     // AlertmanagerConfig + Secret, two YAML documents
 * Routing.of(cr.operatorView()).receivers(Map.of("namespace", "shop", "team", "db"));
 * }</pre>
 */
public final class AlertmanagerConfigResource {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, String> CAMEL_EXCEPTIONS = Map.ofEntries(
            Map.entry("api_url", "apiURL"), Map.entry("client_url", "clientURL"), Map.entry("icon_url", "iconURL"),
            Map.entry("image_url", "imageURL"), Map.entry("thumb_url", "thumbURL"),
            Map.entry("require_tls", "requireTLS"), Map.entry("images", "pagerDutyImageConfigs"),
            Map.entry("links", "pagerDutyLinkConfigs"), Map.entry("url", "url"), Map.entry("webhook_url", "webhookUrl"));

    private final AlertmanagerConfig config;
    private final String name;
    private final String namespace;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, String> secretData = new LinkedHashMap<>();
    private final ObjectNode resource;

    private AlertmanagerConfigResource(AlertmanagerConfig config, String name, String namespace) {
        this.config = config;
        this.name = name;
        this.namespace = namespace;
        this.resource = build();
    }

    /**
     * The resource {@code namespace/name} for {@code config}; its secrets go to a {@code Secret} named
     * {@code <name>-alertmanager-config}.
     */
    public static AlertmanagerConfigResource of(AlertmanagerConfig config, String name, String namespace) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        return new AlertmanagerConfigResource(config, name, namespace);
    }

    /** The name of the companion {@code Secret}. */
    public String secretName() {
        return name + "-alertmanager-config";
    }

    /** What the operator would reject or drop (global settings, templates, locations); empty when none. */
    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /** The {@code AlertmanagerConfig} resource as a JSON tree. */
    public ObjectNode resource() {
        return resource.deepCopy();
    }

    /** The companion {@code Secret} manifest (values in {@code stringData}). */
    public ObjectNode secret() {
        ObjectNode s = F.objectNode();
        s.put("apiVersion", "v1");
        s.put("kind", "Secret");
        ObjectNode meta = s.putObject("metadata");
        meta.put("name", secretName());
        meta.put("namespace", namespace);
        s.put("type", "Opaque");
        ObjectNode data = s.putObject("stringData");
        secretData.forEach(data::put);
        return s;
    }

    /** The resource, and the Secret when there are secrets, as YAML documents separated by {@code ---}. */
    public String toYaml() {
        String yaml = YamlWriter.write(resource);
        if (!secretData.isEmpty()) {
            yaml += "---\n" + YamlWriter.write(secret());
        }
        return yaml;
    }

    /** The resource's manifests, secret values as {@code <secret>}. */
    @Override
    public String toString() {
        return "AlertmanagerConfigResource[" + namespace + "/" + name + ", secret keys " + secretData.keySet() + "]";
    }

    /**
     * The routing the operator generates from this resource, as a configuration {@link Routing} can evaluate: a
     * root route (receiver {@code <none>}, standing for the Alertmanager's own root) whose first child is the
     * resource's route with {@code continue: true}, and a {@code namespace="<namespace>"} matcher added to every
     * route of the resource. Receiver names are kept as written (the operator prefixes them with
     * {@code namespace/name/}).
     */
    public AlertmanagerConfig operatorView() {
        Route top = withNamespace(config.rootRoute(), true);
        List<Receiver> receivers = new ArrayList<>(config.receivers());
        receivers.add(Receiver.of("<none>"));
        return AlertmanagerConfig.builder()
                .route(Route.to("<none>").route(top))
                .receiver(receivers.toArray(Receiver[]::new))
                .timeInterval(config.timeIntervals().toArray(TimeInterval[]::new))
                .muteTimeInterval(config.muteTimeIntervals().toArray(TimeInterval[]::new))
                .build();
    }

    private Route withNamespace(Route r, boolean top) {
        Route.Builder b = r.toBuilder().matchers(Matcher.equal("namespace", namespace));
        if (top) {
            b.continueMatching(true);
        }
        List<Route> children = new ArrayList<>();
        r.routes().forEach(c -> children.add(withNamespace(c, false)));
        return b.routes(children).build();
    }

    // ------------------------------------------------------------------ building

    private ObjectNode build() {
        ObjectNode cr = F.objectNode();
        cr.put("apiVersion", "monitoring.coreos.com/v1alpha1");
        cr.put("kind", "AlertmanagerConfig");
        ObjectNode meta = cr.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        ObjectNode spec = cr.putObject("spec");
        if (config.global().isPresent()) {
            problems.add(new ConfigProblem("global", "an AlertmanagerConfig resource has no global settings: "
                    + "set them in the Alertmanager's base configuration"));
        }
        if (!config.templates().isEmpty()) {
            problems.add(new ConfigProblem("templates", "an AlertmanagerConfig resource has no templates: "
                    + "add them to the Alertmanager's base configuration"));
        }
        config.route().ifPresent(r -> spec.set("route", route(r)));
        ArrayNode receivers = spec.putArray("receivers");
        for (int i = 0; i < config.receivers().size(); i++) {
            receivers.add(receiver(config.receivers().get(i), "receivers[" + i + "]"));
        }
        if (!config.inhibitRules().isEmpty()) {
            ArrayNode rules = spec.putArray("inhibitRules");
            config.inhibitRules().forEach(r -> rules.add(inhibit(r)));
        }
        List<TimeInterval> intervals = new ArrayList<>(config.muteTimeIntervals());
        intervals.addAll(config.timeIntervals());
        if (!intervals.isEmpty()) {
            ArrayNode ti = spec.putArray("muteTimeIntervals");
            for (int i = 0; i < intervals.size(); i++) {
                ti.add(interval(intervals.get(i), "time_intervals[" + i + "]"));
            }
        }
        return cr;
    }

    private ObjectNode route(Route r) {
        ObjectNode n = F.objectNode();
        r.receiver().ifPresent(v -> n.put("receiver", v));
        r.groupBy().ifPresent(g -> n.set("groupBy", strings(g)));
        r.groupWait().ifPresent(v -> n.put("groupWait", v));
        r.groupInterval().ifPresent(v -> n.put("groupInterval", v));
        r.repeatInterval().ifPresent(v -> n.put("repeatInterval", v));
        List<Matcher> matchers = r.allMatchersUnanchored();
        if (!matchers.isEmpty()) {
            n.set("matchers", matchers(matchers));
        }
        if (r.continueMatching()) {
            n.put("continue", true);
        }
        if (!r.muteTimeIntervals().isEmpty()) {
            n.set("muteTimeIntervals", strings(r.muteTimeIntervals()));
        }
        if (!r.activeTimeIntervals().isEmpty()) {
            n.set("activeTimeIntervals", strings(r.activeTimeIntervals()));
        }
        if (!r.routes().isEmpty()) {
            ArrayNode children = n.putArray("routes");
            r.routes().forEach(c -> children.add(route(c)));
        }
        return n;
    }

    private static ArrayNode matchers(List<Matcher> matchers) {
        ArrayNode a = F.arrayNode();
        for (Matcher m : matchers) {
            ObjectNode o = a.addObject();
            o.put("name", m.name());
            o.put("value", m.value());
            o.put("matchType", m.type().operator());
        }
        return a;
    }

    private ObjectNode inhibit(InhibitRule r) {
        ObjectNode n = F.objectNode();
        List<Matcher> source = new ArrayList<>();
        r.sourceMatch().forEach((k, v) -> source.add(Matcher.equal(k, v)));
        r.sourceMatchRe().forEach((k, v) -> source.add(Matcher.regex(k, v)));
        r.sourceMatchers().forEach(t -> source.addAll(Matcher.parseList(t)));
        List<Matcher> target = new ArrayList<>();
        r.targetMatch().forEach((k, v) -> target.add(Matcher.equal(k, v)));
        r.targetMatchRe().forEach((k, v) -> target.add(Matcher.regex(k, v)));
        r.targetMatchers().forEach(t -> target.addAll(Matcher.parseList(t)));
        if (!source.isEmpty()) {
            n.set("sourceMatch", matchers(source));
        }
        if (!target.isEmpty()) {
            n.set("targetMatch", matchers(target));
        }
        if (!r.equal().isEmpty()) {
            n.set("equal", strings(r.equal()));
        }
        return n;
    }

    private ObjectNode interval(TimeInterval t, String path) {
        ObjectNode n = F.objectNode();
        n.put("name", t.name());
        ArrayNode periods = n.putArray("timeIntervals");
        for (int i = 0; i < t.periods().size(); i++) {
            TimePeriod p = t.periods().get(i);
            ObjectNode pn = periods.addObject();
            if (!p.times().isEmpty()) {
                ArrayNode times = pn.putArray("times");
                p.times().forEach(tr -> times.addObject().put("startTime", tr.start()).put("endTime", tr.end()));
            }
            if (!p.weekdays().isEmpty()) {
                pn.set("weekdays", strings(p.weekdays()));
            }
            if (!p.daysOfMonth().isEmpty()) {
                ArrayNode days = pn.putArray("daysOfMonth");
                for (String d : p.daysOfMonth()) {
                    String[] se = d.split(":", 2);
                    ObjectNode o = days.addObject();
                    o.put("start", Integer.parseInt(se[0]));
                    o.put("end", Integer.parseInt(se.length == 2 ? se[1] : se[0]));
                }
            }
            if (!p.months().isEmpty()) {
                pn.set("months", strings(p.months()));
            }
            if (!p.years().isEmpty()) {
                pn.set("years", strings(p.years()));
            }
            if (p.location().isPresent()) {
                problems.add(new ConfigProblem(path + ".time_intervals[" + i + "].location",
                        "AlertmanagerConfig v1alpha1 time intervals have no location (always UTC)"));
            }
        }
        return n;
    }

    private ObjectNode receiver(Receiver r, String path) {
        ObjectNode n = F.objectNode();
        n.put("name", r.name());
        for (NotifierType type : NotifierType.values()) {
            List<NotifierConfig> of = r.notifiers(type);
            if (of.isEmpty()) {
                continue;
            }
            String key = camel(type.key().replace("_configs", "")) + "Configs";
            if (type == NotifierType.PAGERDUTY) {
                key = "pagerdutyConfigs";
            } else if (type == NotifierType.OPSGENIE) {
                key = "opsgenieConfigs";
            } else if (type == NotifierType.VICTOROPS) {
                key = "victoropsConfigs";
            } else if (type == NotifierType.MSTEAMS) {
                key = "msteamsConfigs";
            }
            ArrayNode list = n.putArray(key);
            for (int i = 0; i < of.size(); i++) {
                list.add(notifier(r.name(), type, i, of.get(i)));
            }
        }
        return n;
    }

    private ObjectNode notifier(String receiver, NotifierType type, int index, NotifierConfig c) {
        ObjectNode n = F.objectNode();
        c.fields().forEach((field, value) -> {
            String key = crField(type, field);
            if (value instanceof Secret s) {
                String secretKey = (receiver + "-" + type.key().replace("_configs", "") + "-" + index + "-"
                        + field).replaceAll("[^-._a-zA-Z0-9]", "_");
                secretData.put(secretKey, s.reveal());
                ObjectNode sel = F.objectNode();
                sel.put("name", secretName());
                sel.put("key", secretKey);
                n.set(type == NotifierType.WEBHOOK && field.equals("url") ? "urlSecret" : key, sel);
            } else if (value instanceof Map<?, ?> m && (field.equals("headers") || field.equals("details"))) {
                ArrayNode kv = n.putArray(key);
                m.forEach((k, v) -> kv.addObject().put("key", String.valueOf(k)).put("value", String.valueOf(v)));
            } else {
                n.set(key, camelTree(YamlWriter.map(Map.of("v", value)).get("v")));
            }
        });
        return n;
    }

    private static String crField(NotifierType type, String field) {
        if (type == NotifierType.SLACK && field.equals("callback_id")) {
            return "callbackId";
        }
        return CAMEL_EXCEPTIONS.getOrDefault(field, camel(field));
    }

    private static JsonNode camelTree(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = F.objectNode();
            n.fields().forEachRemaining(e -> o.set(CAMEL_EXCEPTIONS.getOrDefault(e.getKey(), camel(e.getKey())),
                    camelTree(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = F.arrayNode();
            n.forEach(x -> a.add(camelTree(x)));
            return a;
        }
        return n;
    }

    static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        String s = sb.toString();
        return s.endsWith("Tls") ? s.substring(0, s.length() - 3) + "TLS" : s.toLowerCase(Locale.ROOT).equals(s) ? s : s;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
