package io.monitoringkit.generate;

/**
 * A service's monitoring, defined in Java: implement {@link #define(MonitoringOutput)} and add what Prometheus,
 * the Prometheus Operator, Grafana and Alertmanager should get. The {@link Generator} — run by the Maven plugin's
 * {@code generate} goal or by {@code mkit generate} — writes it all out and validates it.
 *
 * <p>Implementations need a public no-argument constructor. List them in
 * {@code META-INF/services/io.monitoringkit.generate.MonitoringDefinition} to be found with
 * {@link java.util.ServiceLoader}, or name them in the plugin's configuration.
 *
 * <pre>{@code
 * public final class CheckoutMonitoringDefinition implements MonitoringDefinition {
 *     public void define(MonitoringOutput out) {
 *         out.ruleFile("checkout", CheckoutMonitoring.rules())
 *            .manifest(CheckoutMonitoring.serviceMonitor())
 *            .dashboard(CheckoutMonitoring.dashboard())
 *            .alertmanager("alertmanager", CheckoutMonitoring.alertmanager());
 *     }
 * }
 * }</pre>
 */
public interface MonitoringDefinition {

    /**
     * Adds this definition's artifacts. Exceptions thrown here (a builder's validation, say) become findings
     * naming this definition; the other definitions still run.
     *
     * @param out where the artifacts go
     */
    void define(MonitoringOutput out);

    /**
     * @return the name findings use for this definition; the class's simple name by default ({@code Outer (lambda)}
     *     for a lambda, the binary name for an anonymous class)
     */
    default String name() {
        Class<?> c = getClass();
        int lambda = c.getName().indexOf("$$Lambda");
        if (lambda >= 0) {
            String outer = c.getName().substring(0, lambda);
            return outer.substring(outer.lastIndexOf('.') + 1) + " (lambda)";
        }
        return c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
    }

    /**
     * A definition from a name and a function, for tests and small tools.
     *
     * <pre>{@code
     * MonitoringDefinition d = MonitoringDefinition.of("api", out -> out.ruleFile("api", rules));
     * }</pre>
     *
     * @return a definition named {@code name} that runs {@code define}
     */
    static MonitoringDefinition of(String name, java.util.function.Consumer<MonitoringOutput> define) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(define, "define");
        return new MonitoringDefinition() {
            @Override
            public void define(MonitoringOutput out) {
                define.accept(out);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return "MonitoringDefinition[" + name + "]";
            }
        };
    }
}
