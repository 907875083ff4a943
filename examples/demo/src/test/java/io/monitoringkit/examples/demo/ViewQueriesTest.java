package io.monitoringkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.examples.checkout.CheckoutMonitoring;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.rules.RuleFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ViewQueriesTest {

    private static final RuleFile RULES = CheckoutMonitoring.rules();

    private static PromEngine engine(String load) {
        return PromEngine.builder(Storage.create().load(load))
                .clock(Clock.fixed(Instant.ofEpochSecond(600), ZoneOffset.UTC)).build();
    }

    @Test
    void listsTheRuleFilesAlertsInOrder() {
        ViewQueries q = DemoRun.queries(RULES);

        assertThat(q.alertNames()).containsExactly("CheckoutHighErrorRatio", "CheckoutHighLatency",
                "CheckoutErrorBudgetFastBurn", "CheckoutErrorBudgetSlowBurn");
        assertThat(q.panels()).extracting(p -> p.expr().toPromQL()).containsExactly(
                "sum(job_route:http_requests:rate5m)",
                "max(job:slo_errors_per_request:ratio_rate5m) or sum(job_route:http_requests:rate5m) * 0",
                "max(job_route:http_request_duration_seconds:p99_5m)");
    }

    @Test
    void readsThePanelsAndTheAlertsAtTheApisNow() {
        PromEngine engine = engine("""
                load 1m
                  job_route:http_requests:rate5m{route="/products"} 3x10
                  job_route:http_requests:rate5m{route="/checkout"} 1x10
                  job_route:http_request_duration_seconds:p99_5m{route="/products"} 0.1x10
                  job_route:http_request_duration_seconds:p99_5m{route="/checkout"} 0.4x10
                  ALERTS{alertname="CheckoutHighLatency", alertstate="firing", route="/checkout"} 1x10
                  ALERTS{alertname="CheckoutHighLatency", alertstate="pending", route="/products"} 1x10
                  ALERTS{alertname="CheckoutErrorBudgetSlowBurn", alertstate="pending"} 1x10
                  ALERTS{alertname="Watchdog", alertstate="firing"} 1x10
                """);

        ViewQueries.Reading r = DemoRun.queries(RULES).read(engine);

        assertThat(r.values()).containsExactly(Map.entry("request rate", OptionalDouble.of(4)),
                // traffic but no 5xx series: the recorded ratio is absent, the view shows 0
                Map.entry("error ratio", OptionalDouble.of(0)),
                Map.entry("p99 latency", OptionalDouble.of(0.4)));
        // firing wins over pending for one alert; alerts of other rule files (a shared server's) are left out
        assertThat(r.active()).containsOnly(Map.entry("CheckoutHighLatency", AlertState.FIRING),
                Map.entry("CheckoutErrorBudgetSlowBurn", AlertState.PENDING));
    }

    @Test
    void aQueryThatReturnsNothingIsEmpty() {
        ViewQueries q = new ViewQueries(List.of(new ViewQueries.PanelQuery("x", Unit.RATIO, PromQL.metric("nope"))),
                RULES);

        ViewQueries.Reading r = q.read(engine("load 1m\n  up 1x10\n"));

        assertThat(r.values()).containsExactly(Map.entry("x", OptionalDouble.empty()));
        assertThat(r.active()).isEmpty();
    }
}
