package io.monitoringkit.benchmarks;

import static io.monitoringkit.promql.PromQL.histogramQuantile;
import static io.monitoringkit.promql.PromQL.metric;
import static io.monitoringkit.promql.PromQL.rate;
import static io.monitoringkit.promql.PromQL.sum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monitoringkit.grafana.Dashboard;
import io.monitoringkit.grafana.DashboardLinter;
import io.monitoringkit.grafana.Dashboards;
import io.monitoringkit.grafana.DatasourceRef;
import io.monitoringkit.grafana.FieldColor;
import io.monitoringkit.grafana.FieldConfig;
import io.monitoringkit.grafana.FieldOverride;
import io.monitoringkit.grafana.GrafanaPromQL;
import io.monitoringkit.grafana.Panel;
import io.monitoringkit.grafana.PanelOptions;
import io.monitoringkit.grafana.ThresholdStep;
import io.monitoringkit.grafana.Thresholds;
import io.monitoringkit.grafana.Variable;
import io.monitoringkit.grafana.VariableQuery;
import io.monitoringkit.promql.Expr;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dashboards as code: building and serializing 1,000 dashboards of 20 panels; reading and re-writing a
 * 250-panel dashboard side by side with a plain Jackson tree round trip of the same JSON (the floor any
 * lossless reader pays), and linting it.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar DashboardsBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DashboardsBenchmark {

    private static final DatasourceRef PROM = DatasourceRef.variable("prometheus", "datasource");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private String json250;
    private Variable ds;
    private Variable ns;

    @Setup
    public void setup() {
        ds = Variable.datasource("datasource", "prometheus").build();
        ns = Variable.query("namespace", VariableQuery.labelValues("kube_pod_info", "namespace")).datasource(PROM)
                .multi(true).includeAll(true).build();
        json250 = Dashboards.write(dashboard("big", 250));
    }

    /** @return a built dashboard of {@code panels} panels (a row every ten). */
    public Dashboard dashboard(String title, int panels) {
        Dashboard.Builder b = Dashboard.builder(title).tags("bench").variable(ds, ns);
        for (int i = 0; i < panels; i++) {
            if (i % 10 == 0) {
                b.row("Row " + i);
            }
            Expr requests = sum(rate(metric("http_requests_total_" + (i % 7)).where(ns.matcher("namespace"))
                    .over(GrafanaPromQL.RATE_INTERVAL))).by("code", "pod");
            Panel p;
            if (i % 4 == 3) {
                p = Panel.stat("Stat " + i).datasource(PROM).query(sum(metric("up")).by("job"))
                        .options(PanelOptions.stat("lastNotNull", "background", "area"))
                        .fieldConfig(FieldConfig.builder().unit("none").thresholds(Thresholds.absolute(
                                ThresholdStep.base("green"), ThresholdStep.at(80, "red"))).build()).build();
            } else {
                p = Panel.timeseries("Panel " + i).datasource(PROM).query(requests, "{{code}} {{pod}}")
                        .query(histogramQuantile(0.99, sum(rate(metric("http_request_duration_seconds_bucket")
                                .where(ns.matcher("namespace")).over(GrafanaPromQL.RATE_INTERVAL))).by("le")), "p99")
                        .options(PanelOptions.timeseries("table", "right", "multi"))
                        .fieldConfig(FieldConfig.builder().unit("reqps").min(0)
                                .override(FieldOverride.byName("p99").set("unit", "s")
                                        .set("color", FieldColor.fixed("red").toJson()))
                                .build()).build();
            }
            b.panel(p);
        }
        return b.build();
    }

    @Benchmark
    public long build1000DashboardsOf20PanelsAndSerialize() {
        long bytes = 0;
        for (int i = 0; i < 1000; i++) {
            bytes += Dashboards.write(dashboard("Dashboard " + i, 20)).length();
        }
        return bytes;
    }

    @Benchmark
    public String readAndWrite250Panels() {
        return Dashboards.write(Dashboards.read(json250));
    }

    @Benchmark
    public String baselineJacksonTreeRoundTrip250Panels() throws JsonProcessingException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(json250));
    }

    @Benchmark
    public int lint250Panels() {
        return DashboardLinter.defaults().lint(Dashboards.read(json250)).findings().size();
    }
}
