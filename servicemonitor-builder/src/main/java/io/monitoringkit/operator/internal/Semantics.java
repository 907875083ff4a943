package io.monitoringkit.operator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.operator.Violation;
import io.monitoringkit.promql.internal.Re2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules beyond the CRD schema: what the Prometheus Operator checks at runtime (and skips a whole monitor for,
 * saying so only in its log), Prometheus' relabeling rules and Kubernetes' object metadata rules.
 */
public final class Semantics {
    private Semantics() {
    }

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?(:[0-9]{1,5})?"
            + "|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    /** Checks a resource of {@code kind} (already checked against the schema). */
    public static void check(String kind, JsonNode root, List<Violation> out) {
        metadata(root.path("metadata"), out);
        JsonNode spec = root.path("spec");
        if (!spec.isObject()) {
            return;
        }
        switch (kind) {
            case "ServiceMonitor" -> {
                monitorSpec(spec, "spec", out);
                JsonNode eps = spec.path("endpoints");
                for (int i = 0; i < eps.size(); i++) {
                    endpoint(eps.get(i), "spec.endpoints[" + i + "]", true, out);
                }
            }
            case "PodMonitor" -> {
                monitorSpec(spec, "spec", out);
                JsonNode eps = spec.path("podMetricsEndpoints");
                for (int i = 0; i < eps.size(); i++) {
                    endpoint(eps.get(i), "spec.podMetricsEndpoints[" + i + "]", false, out);
                    if (eps.get(i).has("port") && eps.get(i).has("portNumber")) {
                        out.add(new Violation("spec.podMetricsEndpoints[" + i + "]",
                                "port and portNumber are mutually exclusive"));
                    }
                }
            }
            case "Probe" -> probe(spec, out);
            default -> {
            }
        }
    }

    // ---- Kubernetes

    static void metadata(JsonNode md, List<Violation> out) {
        JsonNode name = md.get("name");
        if (name == null || name.isNull() || (name.isTextual() && name.asText().isEmpty())) {
            if (!md.has("generateName")) {
                out.add(new Violation("metadata.name", "is required"));
            }
        } else if (name.isTextual()) {
            dnsSubdomain(name.asText(), "metadata.name", out);
        }
        JsonNode ns = md.get("namespace");
        if (ns != null && ns.isTextual()) {
            dnsLabel(ns.asText(), "metadata.namespace", out);
        }
        labels(md.path("labels"), "metadata.labels", out);
        JsonNode ann = md.path("annotations");
        for (Iterator<String> it = ann.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            labelKey(k, Schema.join("metadata.annotations", k), out);
        }
    }

    /** Checks Kubernetes label keys and values of a map node. */
    public static void labels(JsonNode labels, String path, List<Violation> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = Schema.join(path, e.getKey());
            labelKey(e.getKey(), p, out);
            if (e.getValue().isTextual()) {
                labelValue(e.getValue().asText(), p, out);
            }
        }
    }

    static void dnsLabel(String s, String path, List<Violation> out) {
        if (s.length() > 63 || !DNS1123_LABEL.matcher(s).matches()) {
            out.add(new Violation(path, Schema.quote(s) + " is not a DNS-1123 label (at most 63 lowercase letters,"
                    + " digits and '-', starting and ending with a letter or digit)"));
        }
    }

    static void dnsSubdomain(String s, String path, List<Violation> out) {
        if (s.length() > 253 || !DNS1123_SUBDOMAIN.matcher(s).matches()) {
            out.add(new Violation(path, Schema.quote(s) + " is not a DNS-1123 subdomain (at most 253 lowercase"
                    + " letters, digits, '-' and '.', starting and ending with a letter or digit)"));
        }
    }

    static void labelKey(String key, String path, List<Violation> out) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
                out.add(new Violation(path, "key " + Schema.quote(key) + " has an invalid prefix: "
                        + Schema.quote(prefix) + " is not a DNS-1123 subdomain"));
                return;
            }
        }
        if (name.isEmpty() || name.length() > 63 || !QUALIFIED_NAME.matcher(name).matches()) {
            out.add(new Violation(path, "key " + Schema.quote(key) + " is not a valid label key (an optional"
                    + " DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' and '.', starting and"
                    + " ending with a letter or digit)"));
        }
    }

    static void labelValue(String value, String path, List<Violation> out) {
        if (value.length() > 63 || !(value.isEmpty() || QUALIFIED_NAME.matcher(value).matches())) {
            out.add(new Violation(path, "value " + Schema.quote(value) + " is not a valid label value (at most 63"
                    + " letters, digits, '-', '_' and '.', starting and ending with a letter or digit, or empty)"));
        }
    }

    static void selector(JsonNode sel, String path, List<Violation> out) {
        labels(sel.path("matchLabels"), path + ".matchLabels", out);
        JsonNode exprs = sel.path("matchExpressions");
        for (int i = 0; i < exprs.size(); i++) {
            JsonNode e = exprs.get(i);
            String p = path + ".matchExpressions[" + i + "]";
            if (e.path("key").isTextual()) {
                labelKey(e.path("key").asText(), p + ".key", out);
            }
            String op = e.path("operator").asText("");
            int values = e.path("values").size();
            switch (op) {
                case "In", "NotIn" -> {
                    if (values == 0) {
                        out.add(new Violation(p + ".values", "must not be empty for operator " + op));
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (values > 0) {
                        out.add(new Violation(p + ".values", "must be empty for operator " + op));
                    }
                }
                default -> {
                    if (e.path("operator").isTextual()) {
                        out.add(new Violation(p + ".operator", Schema.quote(op)
                                + " is not one of In, NotIn, Exists, DoesNotExist"));
                    }
                }
            }
        }
    }

    // ---- monitors

    static void monitorSpec(JsonNode spec, String path, List<Violation> out) {
        selector(spec.path("selector"), path + ".selector", out);
        JsonNode names = spec.path("namespaceSelector").path("matchNames");
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isTextual()) {
                dnsLabel(names.get(i).asText(), path + ".namespaceSelector.matchNames[" + i + "]", out);
            }
        }
    }

    static void endpoint(JsonNode ep, String path, boolean serviceMonitor, List<Violation> out) {
        scrapeTimes(ep, path, out);
        auth(ep, path, serviceMonitor, out);
        tls(ep.path("tlsConfig"), path + ".tlsConfig", out);
        oauth2Tls(ep, path, out);
        relabelings(ep.path("relabelings"), path + ".relabelings", out);
        relabelings(ep.path("metricRelabelings"), path + ".metricRelabelings", out);
        if (ep.has("port") && ep.has("targetPort")) {
            out.add(new Violation(path, "port and targetPort are mutually exclusive"));
        }
        proxy(ep, path, out);
    }

    static void proxy(JsonNode ep, String path, List<Violation> out) {
        if (ep.path("proxyFromEnvironment").asBoolean(false) && ep.has("proxyUrl")) {
            out.add(new Violation(path, "proxyUrl and proxyFromEnvironment are mutually exclusive"));
        }
        if ((ep.has("noProxy") || ep.has("proxyConnectHeader")) && !ep.has("proxyUrl")
                && !ep.path("proxyFromEnvironment").asBoolean(false)) {
            out.add(new Violation(path, "noProxy and proxyConnectHeader need proxyUrl or proxyFromEnvironment"));
        }
    }

    static void scrapeTimes(JsonNode ep, String path, List<Violation> out) {
        Optional<PromDuration> interval = duration(ep.get("interval"));
        Optional<PromDuration> timeout = duration(ep.get("scrapeTimeout"));
        if (interval.isPresent() && timeout.isPresent() && timeout.get().compareTo(interval.get()) > 0) {
            out.add(new Violation(path + ".scrapeTimeout", "scrapeTimeout " + timeout.get()
                    + " is greater than interval " + interval.get()
                    + "; the operator drops the whole monitor (it says so only in its log)"));
        }
    }

    static Optional<PromDuration> duration(JsonNode n) {
        if (n == null || !n.isTextual() || !n.asText().matches(CrdSchemas.DURATION) || n.asText().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PromDuration.parse(n.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static void auth(JsonNode ep, String path, boolean allowFile, List<Violation> out) {
        List<String> set = new ArrayList<>();
        for (String f : List.of("basicAuth", "oauth2", "authorization", "bearerTokenSecret", "bearerTokenFile")) {
            if (ep.hasNonNull(f) && (!f.equals("bearerTokenSecret") || ep.path(f).path("key").asText("").length() > 0
                    || ep.path(f).path("name").asText("").length() > 0)) {
                set.add(f);
            }
        }
        if (set.size() > 1) {
            out.add(new Violation(path, "at most one authentication method may be set, found "
                    + String.join(" and ", set)));
        }
        String type = ep.path("authorization").path("type").asText("");
        if (type.equalsIgnoreCase("basic")) {
            out.add(new Violation(path + ".authorization.type",
                    "\"" + type + "\" is not allowed; use basicAuth for basic authentication"));
        }
        if (ep.has("basicAuth")) {
            for (String f : List.of("username", "password")) {
                if (!ep.path("basicAuth").has(f)) {
                    out.add(new Violation(path + ".basicAuth." + f, "is required"));
                }
            }
        }
    }

    static void oauth2Tls(JsonNode ep, String path, List<Violation> out) {
        if (ep.has("oauth2")) {
            secretOrConfigMap(ep.path("oauth2").path("clientId"), path + ".oauth2.clientId", true, out);
            tls(ep.path("oauth2").path("tlsConfig"), path + ".oauth2.tlsConfig", out);
            proxy(ep.path("oauth2"), path + ".oauth2", out);
        }
    }

    static void tls(JsonNode tls, String path, List<Violation> out) {
        if (!tls.isObject()) {
            return;
        }
        exclusive(tls, path, "ca", "caFile", out);
        exclusive(tls, path, "cert", "certFile", out);
        exclusive(tls, path, "keySecret", "keyFile", out);
        boolean cert = tls.has("cert") || tls.has("certFile");
        boolean key = tls.has("keySecret") || tls.has("keyFile");
        if (cert && !key) {
            out.add(new Violation(path, "a client certificate (cert or certFile) needs a key (keySecret or keyFile)"));
        }
        if (key && !cert) {
            out.add(new Violation(path, "a client key (keySecret or keyFile) needs a certificate (cert or certFile)"));
        }
        secretOrConfigMap(tls.path("ca"), path + ".ca", false, out);
        secretOrConfigMap(tls.path("cert"), path + ".cert", false, out);
        String min = tls.path("minVersion").asText("");
        String max = tls.path("maxVersion").asText("");
        if (!min.isEmpty() && !max.isEmpty() && min.compareTo(max) > 0) {
            out.add(new Violation(path, "minVersion " + min + " is greater than maxVersion " + max));
        }
    }

    static void secretOrConfigMap(JsonNode n, String path, boolean required, List<Violation> out) {
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        boolean secret = n.has("secret");
        boolean cm = n.has("configMap");
        if (secret && cm) {
            out.add(new Violation(path, "secret and configMap are mutually exclusive"));
        } else if (!secret && !cm && n.isObject()) {
            out.add(new Violation(path, "needs secret or configMap"));
        }
    }

    static void exclusive(JsonNode n, String path, String a, String b, List<Violation> out) {
        if (n.has(a) && n.has(b)) {
            out.add(new Violation(path, a + " and " + b + " are mutually exclusive"));
        }
    }

    private static final Set<String> NEED_TARGET =
            Set.of("replace", "hashmod", "lowercase", "uppercase", "keepequal", "dropequal");

    /** Checks a list of relabelings as Prometheus' relabel.Config.Validate and the operator do. */
    public static void relabelings(JsonNode list, String path, List<Violation> out) {
        for (int i = 0; i < list.size(); i++) {
            relabeling(list.get(i), path + "[" + i + "]", out);
        }
    }

    static void relabeling(JsonNode r, String path, List<Violation> out) {
        if (!r.isObject()) {
            return;
        }
        String action = r.path("action").asText("replace").toLowerCase(Locale.ROOT);
        if (r.path("regex").isTextual()) {
            Re2.check(r.path("regex").asText()).ifPresent(err -> out.add(new Violation(path + ".regex",
                    Schema.quote(r.path("regex").asText()) + " is not a valid RE2 regular expression: " + err)));
        }
        if (action.equals("hashmod") && r.path("modulus").asLong(0) == 0) {
            out.add(new Violation(path + ".modulus", "is required (and not 0) for action hashmod"));
        }
        if (NEED_TARGET.contains(action) && r.path("targetLabel").asText("").isEmpty()) {
            out.add(new Violation(path + ".targetLabel", "is required for action " + action));
        }
        if (action.equals("labeldrop") || action.equals("labelkeep")) {
            for (String f : List.of("sourceLabels", "targetLabel", "modulus", "separator", "replacement")) {
                if (setToNonDefault(r, f)) {
                    out.add(new Violation(path + "." + f, "must not be set for action " + action
                            + " (it takes only regex)"));
                }
            }
        }
        if (action.equals("keepequal") || action.equals("dropequal")) {
            for (String f : List.of("regex", "modulus", "separator", "replacement")) {
                if (setToNonDefault(r, f)) {
                    out.add(new Violation(path + "." + f, "must not be set for action " + action
                            + " (it takes only sourceLabels and targetLabel)"));
                }
            }
        }
    }

    private static boolean setToNonDefault(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        return switch (field) {
            case "separator" -> !v.asText().equals(";");
            case "replacement" -> !v.asText().equals("$1");
            case "regex" -> !v.asText().equals("(.*)");
            case "modulus" -> v.asLong() != 0;
            case "sourceLabels" -> v.size() > 0;
            default -> !v.asText().isEmpty();
        };
    }

    // ---- Probe

    static void probe(JsonNode spec, List<Violation> out) {
        scrapeTimes(spec, "spec", out);
        auth(spec, "spec", false, out);
        tls(spec.path("tlsConfig"), "spec.tlsConfig", out);
        oauth2Tls(spec, "spec", out);
        relabelings(spec.path("metricRelabelings"), "spec.metricRelabelings", out);
        JsonNode prober = spec.path("prober");
        if (!prober.isObject()) {
            out.add(new Violation("spec.prober", "is required (the blackbox exporter that runs the probes)"));
        } else {
            String url = prober.path("url").asText("");
            if (!url.isEmpty() && !HOST_PORT.matcher(url).matches()) {
                out.add(new Violation("spec.prober.url", Schema.quote(url) + " is not host:port"
                        + (url.contains("://") ? " (no scheme: set prober.scheme instead)"
                        : url.contains("/") ? " (no path: set prober.path instead)" : "")));
            }
            proxy(prober, "spec.prober", out);
        }
        JsonNode targets = spec.path("targets");
        boolean hasStatic = targets.has("staticConfig");
        boolean hasIngress = targets.has("ingress");
        if (!hasStatic && !hasIngress) {
            out.add(new Violation("spec.targets", "needs staticConfig or ingress (the probe has nothing to probe)"));
        } else if (hasStatic && hasIngress) {
            out.add(new Violation("spec.targets", "staticConfig and ingress are mutually exclusive"
                    + " (the operator uses staticConfig and ignores ingress)"));
        }
        if (hasStatic) {
            JsonNode st = targets.path("staticConfig");
            JsonNode list = st.path("static");
            if (list.size() == 0) {
                out.add(new Violation("spec.targets.staticConfig.static", "must list at least one target"));
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isTextual() && list.get(i).asText().isBlank()) {
                    out.add(new Violation("spec.targets.staticConfig.static[" + i + "]", "must not be empty"));
                }
            }
            relabelings(st.path("relabelingConfigs"), "spec.targets.staticConfig.relabelingConfigs", out);
        }
        if (hasIngress) {
            selector(targets.path("ingress").path("selector"), "spec.targets.ingress.selector", out);
            relabelings(targets.path("ingress").path("relabelingConfigs"), "spec.targets.ingress.relabelingConfigs",
                    out);
        }
    }
}
