package io.monitoringkit.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.Probe;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.monitoringkit.operator.internal.Json;
import io.monitoringkit.operator.internal.Validator;
import io.monitoringkit.operator.internal.YamlDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writing, reading and validating Prometheus Operator manifests (ServiceMonitor, PodMonitor, Probe,
 * PrometheusRule of {@code monitoring.coreos.com/v1}).
 *
 * <p>Output is stable: every object's fields sorted by name (which puts {@code apiVersion}, {@code kind},
 * {@code metadata}, {@code spec} first, as usual), strings that YAML 1.1 would read as something else ({@code No},
 * {@code on}, {@code 1e3}) quoted. Reading is strict: unknown fields are errors, as under the API server's strict
 * field validation, and every document is checked like the builders check what they build.
 *
 * <pre>{@code
 * String yaml = Manifests.toYaml(serviceMonitor, prometheusRule);   // two documents separated by ---
 * List<HasMetadata> back = Manifests.read(yaml);                     // throws ValidationException when invalid
 * List<ManifestCheck> checks = Manifests.check(yaml);                // every problem of every document
 * }</pre>
 */
public final class Manifests {
    private Manifests() {
    }

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of("ServiceMonitor",
            ServiceMonitor.class, "PodMonitor", PodMonitor.class, "Probe", Probe.class, "PrometheusRule",
            PrometheusRule.class);

    /** @return the resources as one multi-document YAML text ({@code ---} between documents) */
    public static String toYaml(HasMetadata... resources) {
        return toYaml(List.of(resources));
    }

    /** @return the resources as one multi-document YAML text ({@code ---} between documents) */
    public static String toYaml(List<? extends HasMetadata> resources) {
        return resources.stream().map(r -> Json.yaml(Json.sortedTree(r))).collect(Collectors.joining("---\n"));
    }

    /** @return the resource as indented JSON */
    public static String toJson(HasMetadata resource) {
        return Json.json(Json.sortedTree(resource));
    }

    /** @return every violation of a resource (for PrometheusRules meant for Prometheus, not Thanos Ruler) */
    public static List<Violation> validate(HasMetadata resource) {
        Objects.requireNonNull(resource, "resource");
        return Validator.validate(Json.tree(resource), false);
    }

    /**
     * Checks every document of a (multi-document) YAML or JSON text. Empty documents are skipped.
     *
     * @throws IllegalArgumentException when the text is not YAML at all, with the parser's line and column
     */
    public static List<ManifestCheck> check(String yaml) {
        return check(yaml, false);
    }

    /**
     * Like {@link #check(String)}; with {@code thanos}, PrometheusRules may use Thanos Ruler's
     * {@code partial_response_strategy}.
     */
    public static List<ManifestCheck> check(String yaml, boolean thanos) {
        Objects.requireNonNull(yaml, "yaml");
        List<ManifestCheck> out = new ArrayList<>();
        List<YamlDocuments.Document> docs;
        try {
            docs = YamlDocuments.read(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid YAML: " + rootMessage(e), e);
        }
        for (YamlDocuments.Document d : docs) {
            out.add(checkTree(d.index(), d.tree(), d.problems(), thanos));
        }
        return out;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
            return "line " + (y.getProblemMark().getLine() + 1) + ", column " + (y.getProblemMark().getColumn() + 1)
                    + ": " + y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + ")");
        }
        String m = t instanceof com.fasterxml.jackson.core.JacksonException je ? je.getOriginalMessage()
                : t.getMessage();
        if (t instanceof com.fasterxml.jackson.core.JacksonException je && je.getLocation() != null) {
            m = "line " + je.getLocation().getLineNr() + ", column " + je.getLocation().getColumnNr() + ": " + m;
        }
        return String.valueOf(m).replace('\n', ' ');
    }

    static ManifestCheck checkTree(int document, JsonNode doc, List<Violation> yamlProblems, boolean thanos) {
        String kind = doc.path("kind").asText("");
        String name = doc.path("metadata").path("name").asText("");
        List<Violation> violations = new ArrayList<>(yamlProblems);
        violations.addAll(Validator.validate(doc, thanos));
        Optional<HasMetadata> resource = Optional.empty();
        if (violations.isEmpty()) {
            resource = Optional.of(Json.convert(doc, TYPES.get(kind)));
        }
        return new ManifestCheck(document, kind, name, violations, resource);
    }

    /**
     * Reads every document into fabric8 objects.
     *
     * @throws ValidationException naming the first invalid document and listing all its violations
     */
    public static List<HasMetadata> read(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        for (ManifestCheck c : check(yaml)) {
            if (!c.isValid()) {
                throw new ValidationException(c.subject() + " (document " + c.document() + ")", c.violations());
            }
            out.add(c.resource().orElseThrow());
        }
        return out;
    }

    /** Reads the resources of one kind, e.g. {@code Manifests.read(yaml, ServiceMonitor.class)}. */
    public static <T extends HasMetadata> List<T> read(String yaml, Class<T> type) {
        return read(yaml).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T validated(T resource, boolean thanos) {
        List<Violation> violations = Validator.validate(Json.tree(resource), thanos);
        if (!violations.isEmpty()) {
            String name = resource.getMetadata() == null ? "?" : String.valueOf(resource.getMetadata().getName());
            throw new ValidationException(resource.getKind() + "/" + name, violations);
        }
        return resource;
    }
}
