package io.monitoringkit.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.Probe;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.monitoringkit.operator.internal.CrdSchemas;
import io.monitoringkit.operator.internal.Json;
import io.monitoringkit.operator.internal.Schema;
import io.monitoringkit.rules.RuleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conformance with the Prometheus Operator v0.93 CRDs in {@code ../shared/reference/crds} (skipped when absent):
 * builder output validates against each CRD's openAPIV3Schema, the hand-written tables hold exactly the CRDs'
 * fields, and every field is reachable from the builders (through fabric8's model) or listed here.
 */
class CrdConformanceTest {
    static final Map<String, String> FILES = Map.of("ServiceMonitor", "monitoring.coreos.com_servicemonitors.yaml",
            "PodMonitor", "monitoring.coreos.com_podmonitors.yaml", "Probe", "monitoring.coreos.com_probes.yaml",
            "PrometheusRule", "monitoring.coreos.com_prometheusrules.yaml");
    static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of("ServiceMonitor", ServiceMonitor.class,
            "PodMonitor", PodMonitor.class, "Probe", Probe.class, "PrometheusRule", PrometheusRule.class);

    /** CRD fields fabric8 7.7.0's model lacks, and how the builders reach them anyway. */
    static final Map<String, String> NOT_IN_FABRIC8 = Map.of(
            "PrometheusRule:spec.groups[].labels", "additionalProperties (PrometheusRules.toFabric8)",
            "PrometheusRule:spec.groups[].limit", "additionalProperties (PrometheusRules.toFabric8)",
            "PrometheusRule:spec.groups[].partial_response_strategy", "additionalProperties (PrometheusRules.toFabric8)",
            "PrometheusRule:spec.groups[].query_offset", "additionalProperties (PrometheusRules.toFabric8)");

    static Map<String, JsonNode> schemas = new java.util.HashMap<>();

    @BeforeAll
    static void loadCrds() throws IOException {
        String shared = System.getProperty("monitoringkit.shared");
        assumeTrue(shared != null && Files.isDirectory(Paths.get(shared, "reference", "crds")),
                "SKIPPED: CRD conformance needs -Dmonitoringkit.shared pointing at the reference data");
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path p = Paths.get(shared, "reference", "crds", e.getValue());
            JsonNode crd = Json.YAML.readTree(Files.readString(p));
            schemas.put(e.getKey(), crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema"));
        }
    }

    private static List<HasMetadata> builderOutput;

    static synchronized List<HasMetadata> builderOutput() {
        if (builderOutput == null) {
            builderOutput = List.copyOf(buildAll());
        }
        return builderOutput;
    }

    static List<HasMetadata> buildAll() {
        List<HasMetadata> out = new ArrayList<>();
        out.add(ServiceMonitors.forService("checkout").namespace("shop").forRelease("my-prom")
                .endpoint("http-metrics", e -> e.withInterval("30s").withScrapeTimeout("10s").withPath("/metrics")
                        .withScheme("https").withHonorLabels(true).withNewTlsConfig().withServerName("checkout")
                        .withCaFile("/etc/ca.crt").withCertFile("/etc/c.crt").withKeyFile("/etc/c.key")
                        .withMinVersion("TLS12").endTlsConfig()
                        .addNewRelabeling().withSourceLabels("__meta_kubernetes_pod_node_name")
                        .withTargetLabel("node").endRelabeling()
                        .addNewMetricRelabeling().withAction("drop").withSourceLabels("__name__").withRegex("go_.*")
                        .endMetricRelabeling()
                        .withNewBasicAuth().withNewUsername("u", "s", false)
                        .withNewPassword("p", "s", false).endBasicAuth()
                        .addToParams("module", List.of("http_2xx")))
                .endpoint("web", e -> e.withNewOauth2().withNewClientId().withNewSecret("id", "o", false).endClientId().withNewClientSecret("s", "o", false).withTokenUrl("https://auth.example.com/token").withScopes("metrics")
                        .endOauth2().withProxyUrl("http://proxy:3128").withNoProxy("10.0.0.0/8"))
                .namespaces("shop", "shop-canary").jobLabel("app").targetLabels("team").scrapeClass("default")
                .spec(s -> s.withSampleLimit(10_000L).withBodySizeLimit("10MiB")
                        .withScrapeProtocols("PrometheusText1.0.0", "OpenMetricsText1.0.0")
                        .withFallbackScrapeProtocol("PrometheusText0.0.4").withNewAttachMetadata().withNode(true)
                        .endAttachMetadata().withServiceDiscoveryRole("EndpointSlice")
                        .withNativeHistogramMinBucketFactor(new Quantity("1.1")))
                .build());
        out.add(PodMonitors.forPods("worker").namespace("jobs").anyNamespace()
                .endpoint("metrics", e -> e.withInterval("1m").withNewTlsConfig().withNewCa().withNewConfigMap("ca.crt", "ca", false).endCa().endTlsConfig()
                        .withTargetPort(new IntOrString("metrics")).withPort(null))
                .endpoint(new io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpointBuilder()
                        .withPortNumber(9100).withNewAuthorization().withNewCredentials("k", "t", false).endAuthorization().build())
                .podTargetLabels("team").build());
        out.add(Probes.forStaticTargets("homepage", "blackbox-exporter.monitoring:9115", "https://example.com")
                .module("http_2xx").interval("30s").scrapeTimeout("10s").targetLabel("env", "prod")
                .forRelease("my-prom").spec(s -> s.editProber().withScheme("http").withPath("/probe").endProber()
                        .addNewParam().withName("debug").withValues("true").endParam())
                .build());
        out.add(PrometheusRules.forRules("checkout-rules", RuleFile.of(List.of(PrometheusRulesTest.group()))).build());
        out.add(PrometheusRules.forGroups("thanos-rules", List.of(PrometheusRulesTest.group().toBuilder()
                .partialResponseStrategy("abort").build())).forThanosRuler().build());
        for (Path p : ManifestCorpusTest.files("valid")) {
            out.addAll(Manifests.read(ManifestCorpusTest.read(p)));
        }
        return out;
    }

    @Test
    void everyResourceTheBuildersProduceValidatesAgainstItsCrd() {
        List<HasMetadata> resources = builderOutput();
        assertThat(resources).hasSizeGreaterThan(15);
        for (HasMetadata r : resources) {
            JsonNode tree = Json.tree(r);
            assertThat(StructuralSchema.validate(schemas.get(r.getKind()), tree))
                    .as(r.getKind() + "/" + r.getMetadata().getName()).isEmpty();
        }
    }

    @Test
    void theStructuralValidatorRejectsWhatTheCrdRejects() {
        JsonNode sm = Json.tree(builderOutput().get(0)).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) sm.path("spec").path("endpoints").get(0))
                .put("interval", "5 minutes").put("portt", "x");
        assertThat(StructuralSchema.validate(schemas.get("ServiceMonitor"), sm)).hasSize(2);
    }

    @Test
    void theHandWrittenTablesHoldExactlyTheCrdsFields() {
        for (String kind : FILES.keySet()) {
            Set<String> crd = new TreeSet<>(StructuralSchema.fieldPaths(schemas.get(kind)));
            Set<String> ours = new TreeSet<>(Schema.fieldPaths(CrdSchemas.byKind().get(kind)));
            ours.removeIf(p -> p.startsWith("metadata."));
            assertThat(ours).as(kind).containsExactlyElementsOf(crd);
        }
    }

    @Test
    void everyCrdFieldIsReachableThroughTheFabric8ModelOrListed() {
        Set<String> missing = new LinkedHashSet<>();
        for (String kind : FILES.keySet()) {
            JavaType root = Json.JSON.constructType(TYPES.get(kind));
            for (String path : StructuralSchema.fieldPaths(schemas.get(kind))) {
                if (path.startsWith("status") || path.startsWith("metadata")) {
                    continue;
                }
                if (resolve(root, path) == null && !NOT_IN_FABRIC8.containsKey(kind + ":" + path)
                        && NOT_IN_FABRIC8.keySet().stream().noneMatch(k -> (kind + ":" + path).startsWith(k))) {
                    missing.add(kind + ":" + path);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theListedGapsAreRealGaps() {
        for (String key : NOT_IN_FABRIC8.keySet()) {
            String kind = key.substring(0, key.indexOf(':'));
            assertThat(resolve(Json.JSON.constructType(TYPES.get(kind)), key.substring(kind.length() + 1)))
                    .as(key).isNull();
        }
    }

    /** The Java type at a CRD path, or null when fabric8's model has no such property. */
    static JavaType resolve(JavaType type, String path) {
        JavaType t = type;
        for (String seg : path.split("\\.")) {
            String name = seg;
            int bracket = name.indexOf('[');
            int brace = name.indexOf('{');
            int suffix = bracket < 0 ? brace : brace < 0 ? bracket : Math.min(bracket, brace);
            String rest = suffix >= 0 ? name.substring(suffix) : "";
            if (suffix >= 0) {
                name = name.substring(0, suffix);
            }
            t = property(t, name);
            if (t == null) {
                return null;
            }
            for (int i = 0; i < rest.length(); i += 2) {
                t = t.getContentType();
                if (t == null) {
                    return null;
                }
            }
        }
        return t;
    }

    private static final Map<JavaType, Map<String, JavaType>> PROPERTIES = new java.util.concurrent.ConcurrentHashMap<>();

    static JavaType property(JavaType t, String name) {
        if (t.isMapLikeType() || t.isCollectionLikeType()) {
            return null;
        }
        return PROPERTIES.computeIfAbsent(t, type -> {
            Map<String, JavaType> byName = new java.util.HashMap<>();
            for (BeanPropertyDefinition p : Json.JSON.getSerializationConfig().introspect(type).findProperties()) {
                byName.put(p.getName(), p.getPrimaryType());
            }
            return byName;
        }).get(name);
    }
}
