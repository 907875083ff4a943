package io.monitoringkit.operator.internal;

import static io.monitoringkit.operator.internal.Schema.any;
import static io.monitoringkit.operator.internal.Schema.bool;
import static io.monitoringkit.operator.internal.Schema.intOrString;
import static io.monitoringkit.operator.internal.Schema.integer;
import static io.monitoringkit.operator.internal.Schema.list;
import static io.monitoringkit.operator.internal.Schema.mapOf;
import static io.monitoringkit.operator.internal.Schema.obj;
import static io.monitoringkit.operator.internal.Schema.str;

import io.monitoringkit.model.PromDuration;
import io.monitoringkit.operator.internal.Schema.Obj;
import java.util.Map;

/**
 * The structure of the monitoring.coreos.com/v1 resources this module handles, written by hand from the Prometheus
 * Operator v0.93 CRDs (ServiceMonitor, PodMonitor, Probe, PrometheusRule): fields, types, required fields, enums,
 * patterns and bounds. The conformance test compares these tables with the CRDs' openAPIV3Schema.
 */
public final class CrdSchemas {
    private CrdSchemas() {
    }

    /** The CRDs' duration pattern (Prometheus' model.Duration, units in descending order). */
    public static final String DURATION =
            "0|([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?";
    /** The CRDs' size pattern of bodySizeLimit. */
    public static final String SIZE = "(0|([0-9]*[.])?[0-9]+((K|M|G|T|E|P)i?)?B)";
    /** The CRDs' proxyUrl pattern. */
    public static final String PROXY_URL = "(http|https|socks5)://.+";
    /** The CRDs' OAuth2 tokenUrl pattern. */
    public static final String TOKEN_URL = "(http|https)://.+";
    /** Kubernetes' resource.Quantity (nativeHistogramMinBucketFactor). */
    public static final String QUANTITY =
            "(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?";

    static final String[] SCHEMES = {"http", "https", "HTTP", "HTTPS"};
    /** Relabeling actions in both spellings the CRDs accept. */
    public static final String[] RELABEL_ACTIONS = {"replace", "Replace", "keep", "Keep", "drop", "Drop", "hashmod",
        "HashMod", "labelmap", "LabelMap", "labeldrop", "LabelDrop", "labelkeep", "LabelKeep", "lowercase",
        "Lowercase", "uppercase", "Uppercase", "keepequal", "KeepEqual", "dropequal", "DropEqual"};
    /** Scrape protocols. */
    public static final String[] SCRAPE_PROTOCOLS = {"PrometheusProto", "OpenMetricsText0.0.1",
        "OpenMetricsText1.0.0", "PrometheusText0.0.4", "PrometheusText1.0.0"};
    static final String[] TLS_VERSIONS = {"TLS10", "TLS11", "TLS12", "TLS13"};

    static Schema duration() {
        return str().pattern(DURATION, s -> Schema.quote(s) + " is not a Prometheus duration (" + PromDuration.EXAMPLES
                + ")");
    }

    static Schema secretKey() {
        return obj().required("key", str()).field("name", str()).field("optional", bool());
    }

    static Schema configMapKey() {
        return secretKey();
    }

    static Schema secretOrConfigMap() {
        return obj().field("configMap", configMapKey()).field("secret", secretKey());
    }

    static Obj safeTls() {
        return obj().field("ca", secretOrConfigMap()).field("cert", secretOrConfigMap())
                .field("insecureSkipVerify", bool()).field("keySecret", secretKey())
                .field("maxVersion", str().oneOf(TLS_VERSIONS)).field("minVersion", str().oneOf(TLS_VERSIONS))
                .field("serverName", str());
    }

    static Obj tls() {
        return safeTls().field("caFile", str()).field("certFile", str()).field("keyFile", str());
    }

    static Schema proxyUrl() {
        return str().pattern(PROXY_URL, s -> Schema.quote(s) + " is not a proxy URL (http://, https:// or socks5://)");
    }

    static Obj withProxy(Obj o) {
        return o.field("noProxy", str()).field("proxyConnectHeader", mapOf(list(secretKey())))
                .field("proxyFromEnvironment", bool()).field("proxyUrl", proxyUrl());
    }

    static Schema oauth2() {
        return withProxy(obj().required("clientId", secretOrConfigMap()).required("clientSecret", secretKey())
                .required("tokenUrl", str().pattern(TOKEN_URL,
                        s -> Schema.quote(s) + " is not an http:// or https:// URL"))
                .field("endpointParams", mapOf(str())).field("scopes", list(str())).field("tlsConfig", safeTls()));
    }

    static Schema authorization() {
        return obj().field("credentials", secretKey()).field("type", str());
    }

    static Schema basicAuth() {
        return obj().field("password", secretKey()).field("username", secretKey());
    }

    static Schema relabeling() {
        return obj().field("action", str().oneOf(RELABEL_ACTIONS)).field("modulus", integer().min(0))
                .field("regex", str()).field("replacement", str()).field("separator", str())
                .field("sourceLabels", list(str())).field("targetLabel", str());
    }

    static Schema labelSelector() {
        return obj().field("matchExpressions", list(obj().required("key", str()).required("operator", str())
                        .field("values", list(str()))))
                .field("matchLabels", mapOf(str()));
    }

    static Schema namespaceSelector() {
        return obj().field("any", bool()).field("matchNames", list(str()));
    }

    static Schema limit() {
        return integer().min(0);
    }

    /** Fields shared by ServiceMonitor endpoints and PodMonitor podMetricsEndpoints. */
    static Obj endpointCommon(Obj tls) {
        return withProxy(obj().field("authorization", authorization()).field("basicAuth", basicAuth())
                .field("bearerTokenSecret", secretKey()).field("enableHttp2", bool()).field("filterRunning", bool())
                .field("followRedirects", bool()).field("honorLabels", bool()).field("honorTimestamps", bool())
                .field("interval", duration()).field("metricRelabelings", list(relabeling()))
                .field("oauth2", oauth2()).field("params", mapOf(list(str()))).field("path", str())
                .field("port", str().hint("port is the name of a port; for a number use targetPort"))
                .field("relabelings", list(relabeling()))
                .field("scheme", str().oneOf(SCHEMES)).field("scrapeTimeout", duration())
                .field("targetPort", intOrString()).field("tlsConfig", tls)
                .field("trackTimestampsStaleness", bool()));
    }

    /** Spec fields shared by ServiceMonitor and PodMonitor. */
    static Obj monitorSpecCommon() {
        return obj().field("attachMetadata", obj().field("node", bool()))
                .field("bodySizeLimit", str().pattern(SIZE, s -> Schema.quote(s)
                        + " is not a size (e.g. 10MB, 512KiB, 0 for no limit)"))
                .field("convertClassicHistogramsToNHCB", bool())
                .field("fallbackScrapeProtocol", str().oneOf(SCRAPE_PROTOCOLS)).field("jobLabel", str())
                .field("keepDroppedTargets", limit()).field("labelLimit", limit())
                .field("labelNameLengthLimit", limit()).field("labelValueLengthLimit", limit())
                .field("namespaceSelector", namespaceSelector()).field("nativeHistogramBucketLimit", limit())
                .field("nativeHistogramMinBucketFactor", quantity()).field("podTargetLabels", list(str()))
                .field("sampleLimit", limit()).field("scrapeClass", str().minLength(1))
                .field("scrapeClassicHistograms", bool()).field("scrapeNativeHistograms", bool())
                .field("scrapeProtocols", list(str().oneOf(SCRAPE_PROTOCOLS)))
                .required("selector", labelSelector())
                .field("selectorMechanism", str().oneOf("RelabelConfig", "RoleSelector"))
                .field("targetLimit", limit());
    }

    static Schema quantity() {
        return intOrString().pattern(QUANTITY, s -> Schema.quote(s) + " is not a Kubernetes quantity (e.g. 1.1, 2)");
    }

    static Schema metadata() {
        return obj().field("name", str()).field("namespace", str()).field("labels", mapOf(str()))
                .field("annotations", mapOf(str())).field("generateName", str()).field("uid", str())
                .field("resourceVersion", str()).field("generation", integer()).field("creationTimestamp", any())
                .field("deletionTimestamp", any()).field("deletionGracePeriodSeconds", integer())
                .field("finalizers", list(str())).field("ownerReferences", any()).field("managedFields", any())
                .field("selfLink", str());
    }

    static Schema status() {
        return obj().field("bindings", list(obj().required("group", str().oneOf("monitoring.coreos.com"))
                .required("name", str().minLength(1)).required("namespace", str().minLength(1))
                .required("resource", str().oneOf("prometheuses", "prometheusagents", "thanosrulers",
                        "alertmanagers"))
                .field("conditions", list(obj().required("lastTransitionTime", str()).field("message", str())
                        .field("observedGeneration", integer()).field("reason", str())
                        .required("status", str().minLength(1))
                        .required("type", str().oneOf("Accepted"))))));
    }

    static Obj resource(Schema spec, boolean specRequired) {
        Obj o = obj().field("apiVersion", str()).field("kind", str()).field("metadata", metadata())
                .field("status", status());
        return specRequired ? o.required("spec", spec) : o.field("spec", spec);
    }

    /** ServiceMonitor. */
    public static Obj serviceMonitor() {
        Obj spec = monitorSpecCommon()
                .required("endpoints", list(endpointCommon(tls()).field("bearerTokenFile", str())))
                .field("serviceDiscoveryRole", str().oneOf("Endpoints", "EndpointSlice"))
                .field("targetLabels", list(str()));
        return resource(spec, true);
    }

    /** PodMonitor. */
    public static Obj podMonitor() {
        Obj spec = monitorSpecCommon()
                .field("podMetricsEndpoints", list(endpointCommon(safeTls())
                        .field("portNumber", integer().min(1).max(65535))));
        return resource(spec, true);
    }

    /** Probe. */
    public static Obj probe() {
        Obj spec = obj().field("authorization", authorization()).field("basicAuth", basicAuth())
                .field("bearerTokenSecret", secretKey()).field("convertClassicHistogramsToNHCB", bool())
                .field("enableHttp2", bool()).field("fallbackScrapeProtocol", str().oneOf(SCRAPE_PROTOCOLS))
                .field("followRedirects", bool()).field("interval", duration()).field("jobName", str())
                .field("keepDroppedTargets", limit()).field("labelLimit", limit())
                .field("labelNameLengthLimit", limit()).field("labelValueLengthLimit", limit())
                .field("metricRelabelings", list(relabeling())).field("module", str())
                .field("nativeHistogramBucketLimit", limit()).field("nativeHistogramMinBucketFactor", quantity())
                .field("oauth2", oauth2())
                .field("params", list(obj().required("name", str().minLength(1))
                        .field("values", list(str().minLength(1)).minItems(1))).minItems(1))
                .field("prober", withProxy(obj().required("url", str().minLength(1)).field("path", str())
                        .field("scheme", str().oneOf(SCHEMES))))
                .field("sampleLimit", limit()).field("scrapeClass", str().minLength(1))
                .field("scrapeClassicHistograms", bool()).field("scrapeNativeHistograms", bool())
                .field("scrapeProtocols", list(str().oneOf(SCRAPE_PROTOCOLS))).field("scrapeTimeout", duration())
                .field("targetLimit", limit())
                .field("targets", obj()
                        .field("ingress", obj().field("namespaceSelector", namespaceSelector())
                                .field("relabelingConfigs", list(relabeling())).field("selector", labelSelector()))
                        .field("staticConfig", obj().field("labels", mapOf(str()))
                                .field("relabelingConfigs", list(relabeling())).field("static", list(str()))))
                .field("tlsConfig", safeTls());
        return resource(spec, true);
    }

    /** PrometheusRule. */
    public static Obj prometheusRule() {
        Obj rule = obj().field("alert", str()).field("annotations", mapOf(str())).required("expr", intOrString())
                .field("for", duration()).field("keep_firing_for", str().minLength(1).pattern(DURATION,
                        s -> Schema.quote(s) + " is not a Prometheus duration (" + PromDuration.EXAMPLES + ")"))
                .field("labels", mapOf(str())).field("record", str());
        Obj group = obj().field("interval", duration()).field("labels", mapOf(str())).field("limit", integer())
                .required("name", str().minLength(1))
                .field("partial_response_strategy", str().pattern("(?i)(abort|warn)?",
                        s -> Schema.quote(s) + " is not one of abort, warn"))
                .field("query_offset", duration()).field("rules", list(rule));
        return resource(obj().field("groups", list(group)), true);
    }

    /** The schema of each kind this module validates. */
    public static Map<String, Obj> byKind() {
        return Map.of("ServiceMonitor", serviceMonitor(), "PodMonitor", podMonitor(), "Probe", probe(),
                "PrometheusRule", prometheusRule());
    }
}
