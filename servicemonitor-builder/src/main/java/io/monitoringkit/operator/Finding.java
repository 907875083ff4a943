package io.monitoringkit.operator;

import java.util.Objects;

/**
 * One reason a monitor would not be scraped or a rule not loaded.
 *
 * <pre>{@code
 * Finding f = diagnosis.findings().get(0);
 * f.toString(); // ServiceMonitor shop/checkout: Prometheus monitoring/k8s does not select it
 *               //   (serviceMonitorSelector release=my-prom): label release=my-prom is missing
 * }</pre>
 *
 * @param subject the resource, e.g. {@code ServiceMonitor shop/checkout}
 * @param reason what keeps it from working
 */
public record Finding(String subject, String reason) {
    /** Rejects nulls. */
    public Finding {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return subject + ": " + reason;
    }
}
