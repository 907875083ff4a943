package io.monitoringkit.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.NamespaceSelector;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.Prometheus;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ScrapeClass;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.monitoringkit.operator.internal.Json;
import io.monitoringkit.operator.internal.Selectors;
import io.monitoringkit.operator.internal.Validator;
import io.monitoringkit.operator.internal.YamlDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Why isn't it scraped?": given ServiceMonitors, PodMonitors and PrometheusRules, the Prometheus custom resources,
 * and the Services, Pods and Namespaces of a cluster, lists every reason a monitor would not be scraped or a rule
 * not loaded: a Prometheus that does not select it (naming the missing label), a namespace it does not watch (a
 * missing namespace selector means the Prometheus' own namespace only), no matching Service or Pod, a port name the
 * Service does not have, an unknown scrape class, and every validation problem (such as a scrape timeout longer
 * than the interval, for which the operator silently drops the monitor).
 *
 * <pre>{@code
 * List<Finding> findings = ScrapeDiagnosis.of(List.of(prometheus, serviceMonitor, service, namespace)).findings();
 * List<Finding> live = ScrapeDiagnosis.fromCluster(client).findings();
 * List<Finding> fromFiles = ScrapeDiagnosis.fromYaml(Files.readString(path)).findings();
 * }</pre>
 */
public final class ScrapeDiagnosis {
    private final List<Prometheus> prometheuses = new ArrayList<>();
    private final List<ServiceMonitor> serviceMonitors = new ArrayList<>();
    private final List<PodMonitor> podMonitors = new ArrayList<>();
    private final List<PrometheusRule> rules = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();
    private final List<Namespace> namespaces = new ArrayList<>();

    private ScrapeDiagnosis() {
    }

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Prometheus", Prometheus.class,
            "ServiceMonitor", ServiceMonitor.class, "PodMonitor", PodMonitor.class, "PrometheusRule",
            PrometheusRule.class, "Service", Service.class, "Pod", Pod.class, "Namespace", Namespace.class);

    /** @return a diagnosis of these objects (other kinds are ignored) */
    public static ScrapeDiagnosis of(List<? extends HasMetadata> objects) {
        ScrapeDiagnosis d = new ScrapeDiagnosis();
        objects.forEach(d::add);
        return d;
    }

    /** @return a diagnosis of the objects of a (multi-document) YAML text; {@code kind: List} documents are unpacked */
    public static ScrapeDiagnosis fromYaml(String yaml) {
        ScrapeDiagnosis d = new ScrapeDiagnosis();
        List<YamlDocuments.Document> docs;
        try {
            docs = YamlDocuments.read(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid YAML: " + Manifests.rootMessage(e), e);
        }
        for (YamlDocuments.Document doc : docs) {
            if ("List".equals(doc.tree().path("kind").asText())) {
                doc.tree().path("items").forEach(d::addTree);
            } else {
                d.addTree(doc.tree());
            }
        }
        return d;
    }

    /** @return a diagnosis of everything the client can list in all namespaces */
    public static ScrapeDiagnosis fromCluster(KubernetesClient client) {
        ScrapeDiagnosis d = new ScrapeDiagnosis();
        d.prometheuses.addAll(client.resources(Prometheus.class).inAnyNamespace().list().getItems());
        d.serviceMonitors.addAll(client.resources(ServiceMonitor.class).inAnyNamespace().list().getItems());
        d.podMonitors.addAll(client.resources(PodMonitor.class).inAnyNamespace().list().getItems());
        d.rules.addAll(client.resources(PrometheusRule.class).inAnyNamespace().list().getItems());
        d.services.addAll(client.services().inAnyNamespace().list().getItems());
        d.pods.addAll(client.pods().inAnyNamespace().list().getItems());
        d.namespaces.addAll(client.namespaces().list().getItems());
        return d;
    }

    private void addTree(JsonNode doc) {
        Class<? extends HasMetadata> type = KINDS.get(doc.path("kind").asText(""));
        if (type != null) {
            add(Json.convert(doc, type));
        }
    }

    private void add(HasMetadata o) {
        Objects.requireNonNull(o, "object");
        if (o instanceof Prometheus p) {
            prometheuses.add(p);
        } else if (o instanceof ServiceMonitor sm) {
            serviceMonitors.add(sm);
        } else if (o instanceof PodMonitor pm) {
            podMonitors.add(pm);
        } else if (o instanceof PrometheusRule pr) {
            rules.add(pr);
        } else if (o instanceof Service s) {
            services.add(s);
        } else if (o instanceof Pod p) {
            pods.add(p);
        } else if (o instanceof Namespace n) {
            namespaces.add(n);
        }
    }

    /** @return every finding, monitors first, then rules, in input order */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (ServiceMonitor sm : serviceMonitors) {
            String subject = "ServiceMonitor " + id(sm);
            validation(sm, subject, out);
            Optional<Prometheus> p = selection(sm, subject, "serviceMonitorSelector",
                    "serviceMonitorNamespaceSelector", pr -> pr.getSpec().getServiceMonitorSelector(),
                    pr -> pr.getSpec().getServiceMonitorNamespaceSelector(), out);
            p.ifPresent(pr -> scrapeClass(sm.getSpec().getScrapeClass(), pr, subject, out));
            serviceTargets(sm, subject, out);
        }
        for (PodMonitor pm : podMonitors) {
            String subject = "PodMonitor " + id(pm);
            validation(pm, subject, out);
            Optional<Prometheus> p = selection(pm, subject, "podMonitorSelector", "podMonitorNamespaceSelector",
                    pr -> pr.getSpec().getPodMonitorSelector(), pr -> pr.getSpec().getPodMonitorNamespaceSelector(),
                    out);
            p.ifPresent(pr -> scrapeClass(pm.getSpec().getScrapeClass(), pr, subject, out));
            podTargets(pm, subject, out);
        }
        for (PrometheusRule r : rules) {
            String subject = "PrometheusRule " + id(r);
            validation(r, subject, out);
            selection(r, subject, "ruleSelector", "ruleNamespaceSelector", pr -> pr.getSpec().getRuleSelector(),
                    pr -> pr.getSpec().getRuleNamespaceSelector(), out);
        }
        return out;
    }

    private static void validation(HasMetadata o, String subject, List<Finding> out) {
        for (Violation v : Validator.validate(Json.tree(o), false)) {
            out.add(new Finding(subject, "invalid: " + v));
        }
    }

    /** Finds a Prometheus selecting the object; when none does, adds every reason for every Prometheus. */
    private Optional<Prometheus> selection(HasMetadata o, String subject, String selectorName,
                                           String nsSelectorName, Function<Prometheus, LabelSelector> selector,
                                           Function<Prometheus, LabelSelector> nsSelector, List<Finding> out) {
        if (prometheuses.isEmpty()) {
            out.add(new Finding(subject, "no Prometheus resource was given, so nothing selects it"));
            return Optional.empty();
        }
        List<Finding> reasons = new ArrayList<>();
        String ns = namespace(o);
        for (Prometheus p : prometheuses) {
            List<String> why = new ArrayList<>();
            LabelSelector sel = p.getSpec() == null ? null : selector.apply(p);
            if (sel == null) {
                why.add("Prometheus " + id(p) + " has no " + selectorName + ", so it selects none");
            } else {
                List<String> m = Selectors.mismatches(sel, o.getMetadata().getLabels());
                if (!m.isEmpty()) {
                    why.add("Prometheus " + id(p) + " does not select it (" + selectorName + " "
                            + Selectors.describe(sel) + "): " + String.join("; ", m));
                }
            }
            LabelSelector nsSel = p.getSpec() == null ? null : nsSelector.apply(p);
            if (nsSel == null) {
                if (!ns.equals(namespace(p))) {
                    why.add("Prometheus " + id(p) + " has no " + nsSelectorName + ", so it looks only in its own"
                            + " namespace " + namespace(p) + ", not in " + ns);
                }
            } else {
                Optional<Namespace> n = namespaces.stream().filter(x -> x.getMetadata().getName().equals(ns))
                        .findFirst();
                if (n.isEmpty()) {
                    why.add("namespace " + ns + " was not given, so whether Prometheus " + id(p) + "'s "
                            + nsSelectorName + " matches it is unknown");
                } else {
                    List<String> m = Selectors.mismatches(nsSel, n.get().getMetadata().getLabels());
                    if (!m.isEmpty()) {
                        why.add("Prometheus " + id(p) + " does not watch namespace " + ns + " (" + nsSelectorName
                                + " " + Selectors.describe(nsSel) + "): " + String.join("; ", m));
                    }
                }
            }
            if (why.isEmpty()) {
                return Optional.of(p);
            }
            why.forEach(w -> reasons.add(new Finding(subject, w)));
        }
        out.addAll(reasons);
        return Optional.empty();
    }

    private static void scrapeClass(String scrapeClass, Prometheus p, String subject, List<Finding> out) {
        if (scrapeClass == null) {
            return;
        }
        List<ScrapeClass> classes = p.getSpec().getScrapeClasses() == null ? List.of()
                : p.getSpec().getScrapeClasses();
        if (classes.stream().noneMatch(c -> scrapeClass.equals(c.getName()))) {
            out.add(new Finding(subject, "scrapeClass \"" + scrapeClass + "\" is not defined by Prometheus " + id(p)
                    + (classes.isEmpty() ? " (it defines none)" : " (defined: " + classes.stream()
                    .map(ScrapeClass::getName).collect(Collectors.joining(", ")) + ")")
                    + "; the operator rejects the monitor"));
        }
    }

    private List<String> watchedNamespaces(NamespaceSelector sel, String own) {
        if (sel != null && Boolean.TRUE.equals(sel.getAny())) {
            return null;
        }
        if (sel != null && sel.getMatchNames() != null && !sel.getMatchNames().isEmpty()) {
            return sel.getMatchNames();
        }
        return List.of(own);
    }

    private <T extends HasMetadata> List<T> inNamespaces(List<T> all, List<String> nss) {
        return all.stream().filter(x -> nss == null || nss.contains(namespace(x))).toList();
    }

    private void serviceTargets(ServiceMonitor sm, String subject, List<Finding> out) {
        if (sm.getSpec() == null || sm.getSpec().getSelector() == null) {
            return;
        }
        List<String> nss = watchedNamespaces(sm.getSpec().getNamespaceSelector(), namespace(sm));
        List<Service> candidates = inNamespaces(services, nss);
        LabelSelector sel = sm.getSpec().getSelector();
        List<Service> matched = candidates.stream()
                .filter(s -> Selectors.mismatches(sel, s.getMetadata().getLabels()).isEmpty()).toList();
        String where = nss == null ? "any namespace" : "namespace " + String.join(", ", nss);
        if (matched.isEmpty()) {
            StringBuilder sb = new StringBuilder("no Service in " + where + " matches selector "
                    + Selectors.describe(sel));
            for (Service s : candidates) {
                sb.append("; Service ").append(id(s)).append(": ")
                        .append(String.join(", ", Selectors.mismatches(sel, s.getMetadata().getLabels())));
            }
            out.add(new Finding(subject, sb.toString()));
            return;
        }
        List<Endpoint> eps = sm.getSpec().getEndpoints() == null ? List.of() : sm.getSpec().getEndpoints();
        for (int i = 0; i < eps.size(); i++) {
            String port = eps.get(i).getPort();
            if (port == null) {
                continue;
            }
            for (Service s : matched) {
                List<ServicePort> ports = s.getSpec() == null || s.getSpec().getPorts() == null ? List.of()
                        : s.getSpec().getPorts();
                if (ports.stream().noneMatch(p -> port.equals(p.getName()))) {
                    boolean number = ports.stream().anyMatch(p -> port.equals(String.valueOf(p.getPort())));
                    out.add(new Finding(subject, "spec.endpoints[" + i + "].port \"" + port
                            + "\" is not a port name of Service " + id(s) + " (ports: " + ports.stream()
                            .map(p -> p.getName() == null ? "<unnamed> " + p.getPort() : p.getName() + " "
                                    + p.getPort()).collect(Collectors.joining(", ")) + ")"
                            + (number ? "; port takes the port's name, use targetPort for a number" : "")));
                }
            }
        }
    }

    private void podTargets(PodMonitor pm, String subject, List<Finding> out) {
        if (pm.getSpec() == null || pm.getSpec().getSelector() == null) {
            return;
        }
        List<String> nss = watchedNamespaces(pm.getSpec().getNamespaceSelector(), namespace(pm));
        LabelSelector sel = pm.getSpec().getSelector();
        List<Pod> matched = inNamespaces(pods, nss).stream()
                .filter(p -> Selectors.mismatches(sel, p.getMetadata().getLabels()).isEmpty()).toList();
        if (matched.isEmpty()) {
            out.add(new Finding(subject, "no Pod in " + (nss == null ? "any namespace" : "namespace "
                    + String.join(", ", nss)) + " matches selector " + Selectors.describe(sel)));
            return;
        }
        List<PodMetricsEndpoint> eps = pm.getSpec().getPodMetricsEndpoints() == null ? List.of()
                : pm.getSpec().getPodMetricsEndpoints();
        for (int i = 0; i < eps.size(); i++) {
            String port = eps.get(i).getPort();
            if (port == null) {
                continue;
            }
            for (Pod p : matched) {
                List<String> names = p.getSpec() == null ? List.of() : p.getSpec().getContainers().stream()
                        .flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.<ContainerPort>empty()
                                : c.getPorts().stream()).map(ContainerPort::getName).filter(Objects::nonNull)
                        .toList();
                if (!names.contains(port)) {
                    out.add(new Finding(subject, "spec.podMetricsEndpoints[" + i + "].port \"" + port
                            + "\" is not a container port name of Pod " + id(p) + " (ports: "
                            + String.join(", ", names) + ")"));
                }
            }
        }
    }

    private static String namespace(HasMetadata o) {
        String ns = o.getMetadata() == null ? null : o.getMetadata().getNamespace();
        return ns == null ? "default" : ns;
    }

    private static String id(HasMetadata o) {
        return namespace(o) + "/" + (o.getMetadata() == null ? "?" : o.getMetadata().getName());
    }
}
