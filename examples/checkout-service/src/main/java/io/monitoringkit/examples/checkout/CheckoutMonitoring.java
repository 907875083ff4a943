package io.monitoringkit.examples.checkout;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.monitoringkit.alertmanager.AlertmanagerConfig;
import io.monitoringkit.alertmanager.InhibitRule;
import io.monitoringkit.alertmanager.Matcher;
import io.monitoringkit.alertmanager.NotifierConfig;
import io.monitoringkit.alertmanager.Receiver;
import io.monitoringkit.alertmanager.Route;
import io.monitoringkit.grafana.Dashboard;
import io.monitoringkit.grafana.DatasourceRef;
import io.monitoringkit.grafana.Panel;
import io.monitoringkit.grafana.SidecarConfigMaps;
import io.monitoringkit.grafana.TimeRange;
import io.monitoringkit.grafana.Variable;
import io.monitoringkit.grafana.VariableQuery;
import io.monitoringkit.generate.MonitoringDefinition;
import io.monitoringkit.generate.MonitoringOutput;
import io.monitoringkit.metrics.MetricCatalog;
import io.monitoringkit.metrics.MetricRef;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.operator.PrometheusRules;
import io.monitoringkit.operator.ServiceMonitors;
import io.monitoringkit.promql.ScalarExpr;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;

import java.util.List;
import java.util.stream.Stream;

import static io.monitoringkit.grafana.GrafanaPromQL.RATE_INTERVAL;
import static io.monitoringkit.metrics.simpleclient.SimpleclientMetrics.ref;
import static io.monitoringkit.promql.PromQL.hours;
import static io.monitoringkit.promql.PromQL.label;
import static io.monitoringkit.promql.PromQL.metric;
import static io.monitoringkit.promql.PromQL.minutes;
import static io.monitoringkit.promql.PromQL.number;
import static io.monitoringkit.promql.PromQL.sum;

/**
 * The checkout service's monitoring, as code, in one place: what Prometheus scrapes (a ServiceMonitor), what it
 * records and alerts on (recording rules, an error-ratio and a latency alert, and the SRE workbook's
 * multi-window, multi-burn-rate alerts for a 99.9% availability SLO), what people look at (a RED dashboard) and
 * where alerts go (Alertmanager routes: pages and tickets).
 *
 * <p>Every query is built from {@link MetricRef}s taken from the service's own collectors
 * ({@link CheckoutMetrics}): a renamed metric or label, or a {@code rate()} over the gauge, fails here, at build
 * time.
 *
 * <pre>{@code
 * RuleFile rules = CheckoutMonitoring.rules();
 * Files.writeString(Path.of("checkout.rules.yml"), rules.toYaml());
 * String dashboardJson = Dashboards.write(CheckoutMonitoring.dashboard());
 * String monitors = Manifests.toYaml(CheckoutMonitoring.serviceMonitor(), CheckoutMonitoring.prometheusRule());
 * }</pre>
 */
public final class CheckoutMonitoring implements MonitoringDefinition {

    /** The Prometheus job: the Service's name, which the ServiceMonitor's scrape uses as {@code job}. */
    public static final String JOB = "checkout";
    /** The Kubernetes namespace the service runs in. */
    public static final String NAMESPACE = "shop";
    /** The kube-prometheus-stack release whose Prometheus selects our monitors and rules. */
    public static final String RELEASE = "kube-prometheus-stack";
    /** The availability SLO: 99.9% of requests succeed (not 5xx) over 30 days. */
    public static final double SLO = 0.999;
    /** The error budget, 1 - {@link #SLO}, written out so that it prints as {@code 0.001}. */
    public static final double ERROR_BUDGET = 0.001;
    /** The error-ratio alert's threshold: 5% of a route's requests fail. */
    public static final double ERROR_RATIO_THRESHOLD = 0.05;
    /** The latency alert's threshold: a route's p99 above 250 ms. */
    public static final double P99_THRESHOLD_SECONDS = 0.25;
    /** How long every alert's condition must hold before it fires. */
    public static final PromDuration FOR = PromDuration.ofMinutes(2);

    /** Alert: a route fails more than 5% of its requests. */
    public static final String ALERT_ERROR_RATIO = "CheckoutHighErrorRatio";
    /** Alert: a route's p99 latency is above 250 ms. */
    public static final String ALERT_LATENCY = "CheckoutHighLatency";
    /** Alert (page): the error budget burns 14.4 times too fast over 1h and 5m: 2% of the budget in an hour. */
    public static final String ALERT_FAST_BURN = "CheckoutErrorBudgetFastBurn";
    /** Alert (ticket): the error budget burns 6 times too fast over 6h and 30m: 5% of the budget in six hours. */
    public static final String ALERT_SLOW_BURN = "CheckoutErrorBudgetSlowBurn";

    /** Recorded: requests per second by route. */
    public static final String ROUTE_RATE = "job_route:http_requests:rate5m";
    /** Recorded: the share of a route's requests answered with 5xx. */
    public static final String ROUTE_ERROR_RATIO = "job_route:http_request_errors:ratio_rate5m";
    /** Recorded: a route's p99 latency in seconds. */
    public static final String ROUTE_P99 = "job_route:http_request_duration_seconds:p99_5m";
    /** Recorded, per window (5m, 30m, 1h, 6h): the share of all requests answered with 5xx. */
    public static final String SLO_ERROR_RATIO = "job:slo_errors_per_request:ratio_rate";

    private static final CheckoutMetrics METRICS = CheckoutMetrics.create();
    /** {@code http_requests_total{method, route, code}}, plus the labels the ServiceMonitor's scrape adds. */
    public static final MetricRef REQUESTS = ref(METRICS.requests()).withTargetLabels("namespace", "pod");
    /** {@code http_request_duration_seconds{method, route}} (histogram). */
    public static final MetricRef DURATION = ref(METRICS.duration()).withTargetLabels("namespace", "pod");
    /** {@code http_requests_in_flight} (gauge). */
    public static final MetricRef IN_FLIGHT = ref(METRICS.inFlight()).withTargetLabels("namespace", "pod");
    /** {@code checkout_orders_total{status}}. */
    public static final MetricRef ORDERS = ref(METRICS.orders()).withTargetLabels("namespace", "pod");

    /** For the build-time generator (the Maven plugin, {@code mkit generate}), which finds it with the ServiceLoader. */
    public CheckoutMonitoring() {
    }

    /** Everything above, as the build writes it to {@code target/monitoring} and checks it. */
    @Override
    public void define(MonitoringOutput out) {
        out.ruleFile("checkout", rules())
                .manifest(serviceMonitor(), prometheusRule())
                .dashboard(dashboard())
                .dashboardConfigMap(dashboardConfigMap())
                .alertmanager("alertmanager", alertmanager())
                .metricCatalog(catalog());
    }

    /** @return the metrics the service exposes, to check every query against. */
    public static MetricCatalog catalog() {
        return MetricCatalog.of(Stream.of(REQUESTS, DURATION, IN_FLIGHT, ORDERS).map(MetricRef::descriptor).toList())
                .withTargetLabels("namespace", "pod");
    }

    /** @return the recording rules and alerts, one group each, evaluated every 30 seconds. */
    public static RuleFile rules() {
        MetricRef requests = REQUESTS.where(label("job").eq(JOB));
        MetricRef errors = requests.where(label("code").matches("5.."));
        String[] byRoute = {"namespace", "job", "route"};

        RuleGroup.Builder recording = RuleGroup.builder("checkout.recording").interval(PromDuration.ofSeconds(30))
                .rule(RecordingRule.of(ROUTE_RATE, sum(requests.rate(minutes(5))).by(byRoute)))
                .rule(RecordingRule.of(ROUTE_ERROR_RATIO, sum(errors.rate(minutes(5))).by(byRoute)
                        .div(sum(requests.rate(minutes(5))).by(byRoute))))
                .rule(RecordingRule.of(ROUTE_P99, DURATION.where(label("job").eq(JOB))
                        .histogramQuantile(0.99, minutes(5), byRoute)));
        for (PromDuration window : List.of(minutes(5), minutes(30), hours(1), hours(6))) {
            recording.rule(RecordingRule.of(SLO_ERROR_RATIO + window, sum(errors.rate(window)).by("namespace", "job")
                    .div(sum(requests.rate(window)).by("namespace", "job"))));
        }

        RuleGroup alerts = RuleGroup.builder("checkout.alerts").interval(PromDuration.ofSeconds(30))
                .rule(AlertingRule.builder(ALERT_ERROR_RATIO)
                        .expr(metric(ROUTE_ERROR_RATIO).gt(ERROR_RATIO_THRESHOLD)).forDuration(FOR)
                        .label("severity", "ticket")
                        .annotation("summary", "{{ $labels.route }} fails {{ $value | humanizePercentage }} of requests")
                        .annotation("description", "More than 5% of requests to {{ $labels.route }} on {{ $labels.job }}"
                                + " in {{ $labels.namespace }} were answered with 5xx over the last 5 minutes.")
                        .build())
                .rule(AlertingRule.builder(ALERT_LATENCY)
                        .expr(metric(ROUTE_P99).gt(P99_THRESHOLD_SECONDS)).forDuration(FOR)
                        .label("severity", "ticket")
                        .annotation("summary", "{{ $labels.route }} p99 latency is {{ $value | humanizeDuration }}")
                        .annotation("description", "The slowest 1% of requests to {{ $labels.route }} on"
                                + " {{ $labels.job }} take longer than 250ms.")
                        .build())
                .rule(burnRateAlert(ALERT_FAST_BURN, 14.4, hours(1), minutes(5), "page"))
                .rule(burnRateAlert(ALERT_SLOW_BURN, 6, hours(6), minutes(30), "ticket"))
                .build();
        return RuleFile.of(List.of(recording.build(), alerts));
    }

    /** The SRE workbook's alert: both the long and the short window burn the budget {@code factor} times too fast. */
    private static AlertingRule burnRateAlert(String name, double factor, PromDuration longWindow,
            PromDuration shortWindow, String severity) {
        ScalarExpr threshold = number(factor).times(number(ERROR_BUDGET));
        return AlertingRule.builder(name)
                .expr(metric(SLO_ERROR_RATIO + longWindow).gt(threshold)
                        .and(metric(SLO_ERROR_RATIO + shortWindow).gt(threshold)))
                .forDuration(FOR)
                .label("severity", severity)
                .label("slo", "availability")
                .annotation("summary", "{{ $labels.job }} burns its 99.9% availability error budget " + plain(factor)
                        + " times too fast")
                .annotation("description", "{{ $value | humanizePercentage }} of requests failed over the last "
                        + longWindow + " (the budget is 0.1%). At this rate the 30-day budget is gone in "
                        + plain(Math.round(30 / factor * 10) / 10.0) + " days.")
                .build();
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** @return the ServiceMonitor: the {@code http} port's {@code /metrics} every 15 seconds. */
    public static ServiceMonitor serviceMonitor() {
        return ServiceMonitors.forService(JOB).namespace(NAMESPACE).forRelease(RELEASE)
                .endpoint("http", e -> e.withPath("/metrics").withInterval("15s"))
                .build();
    }

    /** @return the rules as a PrometheusRule the release's Prometheus loads. */
    public static PrometheusRule prometheusRule() {
        return PrometheusRules.forRules("checkout-rules", rules()).namespace(NAMESPACE).forRelease(RELEASE).build();
    }

    /** @return the RED dashboard: rate, errors and duration by route, for the chosen namespaces and pods. */
    public static Dashboard dashboard() {
        DatasourceRef prometheus = DatasourceRef.variable("prometheus", "datasource");
        Variable namespace = Variable.query("namespace", VariableQuery.labelValues(
                        REQUESTS.where(label("job").eq(JOB)).select(), "namespace"))
                .datasource(prometheus).build();
        Variable pod = Variable.query("pod", VariableQuery.labelValues(
                        REQUESTS.where(label("job").eq(JOB), namespace.matcher("namespace")).select(), "pod"))
                .datasource(prometheus).multi(true).includeAll(true).build();
        MetricRef requests = REQUESTS.where(label("job").eq(JOB), namespace.matcher("namespace"), pod.matcher("pod"));
        MetricRef duration = DURATION.where(label("job").eq(JOB), namespace.matcher("namespace"), pod.matcher("pod"));
        MetricRef orders = ORDERS.where(label("job").eq(JOB), namespace.matcher("namespace"), pod.matcher("pod"));

        return Dashboard.builder("Checkout / RED").uid("checkout-red").tags("checkout", "red")
                .refresh("30s").time(TimeRange.last("3h"))
                .variable(Variable.datasource("datasource", "prometheus").build(), namespace, pod)
                .row("Requests")
                .panel(Panel.timeseries("Rate: requests per second by route").datasource(prometheus)
                                .query(sum(requests.rate(RATE_INTERVAL)).by("route"), "{{route}}").unit("reqps")
                                .build(),
                        Panel.timeseries("Errors: share of 5xx responses by route").datasource(prometheus)
                                .query(sum(requests.where(label("code").matches("5..")).rate(RATE_INTERVAL)).by("route")
                                        .div(sum(requests.rate(RATE_INTERVAL)).by("route")), "{{route}}")
                                .unit("percentunit").build(),
                        Panel.timeseries("Duration: p99 by route").datasource(prometheus)
                                .query(duration.histogramQuantile(0.99, RATE_INTERVAL, "route"), "p99 {{route}}")
                                .unit("s").build(),
                        Panel.timeseries("Duration: p50 by route").datasource(prometheus)
                                .query(duration.histogramQuantile(0.5, RATE_INTERVAL, "route"), "p50 {{route}}")
                                .unit("s").build())
                .row("Business")
                .panel(Panel.timeseries("Orders per second by outcome").datasource(prometheus)
                                .query(sum(orders.rate(RATE_INTERVAL)).by("status"), "{{status}}").unit("ops").build(),
                        Panel.timeseries("Requests in flight").datasource(prometheus)
                                .query(sum(IN_FLIGHT.where(label("job").eq(JOB), namespace.matcher("namespace"),
                                        pod.matcher("pod")).select()).by("pod"), "{{pod}}").unit("short").build())
                .build();
    }

    /** @return the dashboard as a ConfigMap the kube-prometheus-stack Grafana sidecar loads, in folder "Shop". */
    public static SidecarConfigMaps.ConfigMap dashboardConfigMap() {
        return SidecarConfigMaps.builder().namespace("monitoring").build().configMap(dashboard(), "Shop");
    }

    /** @return Alertmanager's routing: {@code severity=page} to the pager, {@code severity=ticket} to tickets. */
    public static AlertmanagerConfig alertmanager() {
        return AlertmanagerConfig.builder()
                .route(Route.to("checkout-chat").groupBy("alertname", "namespace", "job")
                        .groupWait("30s").groupInterval("5m").repeatInterval("4h")
                        .route(Route.to("checkout-pager").matchers(Matcher.equal("severity", "page"))
                                .groupWait("10s").repeatInterval("1h"))
                        .route(Route.to("checkout-tickets").matchers(Matcher.equal("severity", "ticket"))
                                .repeatInterval("24h")))
                .receiver(Receiver.of("checkout-chat",
                        NotifierConfig.webhook("https://chat.example.com/hooks/checkout").build()))
                .receiver(Receiver.of("checkout-pager",
                        NotifierConfig.webhook("https://oncall.example.com/hooks/checkout").sendResolved(true).build()))
                .receiver(Receiver.of("checkout-tickets",
                        NotifierConfig.webhook("https://tickets.example.com/hooks/checkout").build()))
                .inhibitRule(InhibitRule.builder()       // a page says it all: no tickets for the same service
                        .sourceMatchers(Matcher.equal("severity", "page"))
                        .targetMatchers(Matcher.equal("severity", "ticket"))
                        .equal("namespace", "job").build())
                .build();
    }
}
