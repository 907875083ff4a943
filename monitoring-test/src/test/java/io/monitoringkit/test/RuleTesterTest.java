package io.monitoringkit.test;

import static io.monitoringkit.promql.PromQL.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.engine.rules.AlertState;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.rules.RuleValidationException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleTesterTest {
    static final String RULES = """
            groups:
              - name: api
                rules:
                  - record: job:http_errors:ratio_rate5m
                    expr: sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))
                  - alert: HighErrorRate
                    expr: job:http_errors:ratio_rate5m > 0.05
                    for: 5m
                    labels:
                      severity: page
                    annotations:
                      summary: "{{ $labels.job }}: {{ $value | humanizePercentage }} of requests fail"
              - name: targets
                rules:
                  - alert: InstanceDown
                    expr: up == 0
                    for: 2m
                    labels:
                      severity: ticket
                    annotations:
                      summary: "{{ $labels.instance }} is down"
            """;

    /** 10% errors from the start; the target goes down at 6m. */
    static final RuleTester FAILING_API = RuleTester.ofYaml(RULES)
            .series("http_requests_total{job=\"api\", code=\"500\"}", "0+10x30")
            .series("http_requests_total{job=\"api\", code=\"200\"}", "0+90x30")
            .series("up{job=\"api\", instance=\"a:1\"}", "1x5 0x25");

    @Test
    void aFiringAlertPassesWithItsLabelsAnnotationsAndValue() {
        FAILING_API.at(minutes(10))
                .assertFiring("HighErrorRate")
                        .withLabels(Map.of("severity", "page", "job", "api"))
                        .withLabel("severity", "page")
                        .withAnnotation("summary", "api: 10% of requests fail")
                        .withAnnotations(Map.of("summary", "api: 10% of requests fail"))
                        .withValue(0.1)
                        .activeSince(minutes(1))
                        .hasCount(1)
                .assertFiring("InstanceDown").withLabel("instance", "a:1").activeSince(minutes(6));
    }

    @Test
    void theReadmeExampleHolds() {
        RuleTester.ofYaml(RULES)
                .interval(minutes(1))
                .externalLabels(Map.of("cluster", "eu1"))
                .series("http_requests_total{job=\"api\", code=\"500\"}", "0+10x30")
                .series("http_requests_total{job=\"api\", code=\"200\"}", "0+90x30")
                .at(minutes(3))
                .assertPending("HighErrorRate").activeSince(minutes(1))
                .at(minutes(10))
                .assertFiring("HighErrorRate")
                        .withLabels(Map.of("severity", "page"))
                        .withAnnotation("summary", "api: 10% of requests fail")
                .assertValue("job:http_errors:ratio_rate5m", 0.1)
                .assertSamples("sum by (code) (http_requests_total)",
                        Map.of("{code=\"500\"}", 100.0, "{code=\"200\"}", 900.0))
                .assertNotFiring("InstanceDown");
    }

    @Test
    void anAlertIsPendingUntilItsForDurationHasPassedThenFiring() {
        FAILING_API.at(minutes(3))
                .assertPending("HighErrorRate").activeSince(minutes(1))
                .assertNotFiring("HighErrorRate")
                .assertInactive("InstanceDown")
                .at(minutes(5)).assertPending("HighErrorRate")
                .at(minutes(6)).assertFiring("HighErrorRate").withValue(0.1)
                .and().assertPending("InstanceDown")
                .at(Duration.ofMinutes(8)).assertFiring("InstanceDown");
    }

    @Test
    void recordingRulesAreQueryableAndCheckedByValueOrBySamples() {
        RuleTesterAt at10 = FAILING_API.at(minutes(10));
        at10.assertValue("job:http_errors:ratio_rate5m", 0.1)
                .assertValue("scalar(up)", 0)
                .assertSamples("job:http_errors:ratio_rate5m", Map.of("job:http_errors:ratio_rate5m{job=\"api\"}", 0.1))
                .assertSamples("sum(up)", Map.of("{}", 0.0))
                .assertNoSamples("up == 1");
        assertThat(at10.query("ALERTS{alertstate=\"firing\"}").asVector().size()).isEqualTo(2);
        assertThat(at10.alerts("HighErrorRate")).extracting(a -> a.state()).containsExactly(AlertState.FIRING);
        assertThat(at10.time()).isEqualTo(minutes(10));
    }

    @Test
    void anAlertResolvesWhenItsConditionClears() {
        RuleTesterAt at20 = RuleTester.ofYaml(RULES)
                .series("http_requests_total{job=\"api\", code=\"500\"}", "0+10x10 100x20")
                .series("http_requests_total{job=\"api\", code=\"200\"}", "0+90x30")
                .at(minutes(12)).assertFiring("HighErrorRate")
                .at(minutes(20)).assertInactive("HighErrorRate").assertNotFiring("HighErrorRate");
        // errors stop growing at 10m: over (7m, 12m] they are 20 of 380 new requests (> 5%), over (8m, 13m] 10 of 370
        // (< 5%), so the alert resolves at 13m
        assertThat(at20.alerts("HighErrorRate")).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.INACTIVE);
            assertThat(a.resolvedAt()).contains(Instant.ofEpochSecond(13 * 60));
        });
        // Prometheus forgets a resolved alert 15 minutes after it resolved
        assertThat(at20.at(minutes(30)).alerts("HighErrorRate")).isEmpty();
    }

    @Test
    void keepFiringForKeepsAnAlertFiringAfterItsConditionClears() {
        RuleTesterAt at4 = RuleTester.ofYaml("""
                        groups:
                          - name: g
                            rules:
                              - alert: Flapping
                                expr: up == 0
                                keep_firing_for: 3m
                        """)
                .series("up{instance=\"a:1\"}", "0 0 1 1 1 1 1 1")
                .at(minutes(4)).assertFiring("Flapping").activeSince(minutes(0)).and();
        assertThatThrownBy(() -> at4.assertNotFiring("Flapping"))
                .hasMessageStartingWith("""
                        Expecting alert "Flapping" not to be firing at 4m
                        but one of its alerts is firing:
                          firing   Flapping{instance="a:1"} active since 0s, firing since 0s, kept firing since 2m, value 0
                        """);
        at4.at(minutes(5)).assertInactive("Flapping");
    }

    @Test
    void aTesterIsImmutableSoABaseTesterCanBeSharedAcrossTests() {
        RuleTester base = RuleTester.ofYaml(RULES);
        RuleTester down = base.series("up{instance=\"b:2\"}", "0x10");
        base.at(minutes(5)).assertInactive("InstanceDown").assertNoSamples("up");
        down.at(minutes(5)).assertFiring("InstanceDown").withLabel("instance", "b:2");
        base.at(minutes(5)).assertInactive("InstanceDown");
    }

    @Test
    void theIntervalsSetWhenRulesAreEvaluatedAndHowSeriesAreSpread() {
        RuleTester t = RuleTester.ofYaml(RULES).series("up{instance=\"b:2\"}", "0x20");
        // every 30s: pending at 0s, firing after 2m
        t.interval(Duration.ofSeconds(30)).at(Duration.ofSeconds(90)).assertPending("InstanceDown")
                .at(minutes(2)).assertFiring("InstanceDown");
        // series every 10s: the 21 values last 200s; after 5m of lookback up is gone and the alert with it
        RuleTester tenSeconds = t.seriesInterval(PromDuration.ofSeconds(10));
        tenSeconds.at(minutes(3)).assertFiring("InstanceDown");
        tenSeconds.at(minutes(9)).assertInactive("InstanceDown").assertNoSamples("up");
    }

    @Test
    void alertsAreCheckedAsOfTheLastEvaluationAtOrBeforeTheTime() {
        // down from 3m; evaluated at 0, 2m, 4m, 6m
        RuleTester t = RuleTester.ofYaml(RULES).series("up{instance=\"b:2\"}", "1 1 1 0x20")
                .interval(minutes(2)).seriesInterval(minutes(1));
        t.at(Duration.ofSeconds(239)).assertInactive("InstanceDown")
                .at(minutes(4)).assertPending("InstanceDown").activeSince(minutes(4))
                .at(Duration.ofSeconds(359)).assertPending("InstanceDown")
                .at(minutes(6)).assertFiring("InstanceDown");
        assertThatThrownBy(() -> t.at(Duration.ofSeconds(239)).assertFiring("InstanceDown"))
                .hasMessage("""
                        Expecting alert "InstanceDown" to be firing at 3m59s
                        but it has no alerts.
                        Alerts at 3m59s (rules last evaluated at 2m):
                          (none)
                        Expression of InstanceDown at 2m:
                          up == 0
                          gives:
                            (none)
                        Series selected at 2m by up == 0:
                          up{instance="b:2"} 1
                        """);
    }

    @Test
    void externalLabelsAndUrlReachTheTemplates() {
        RuleTester.ofYaml("""
                        groups:
                          - name: g
                            rules:
                              - alert: Down
                                expr: up == 0
                                annotations:
                                  where: "{{ $externalLabels.cluster }} {{ $externalURL }}"
                        """)
                .externalLabels(Map.of("cluster", "eu1"))
                .externalUrl("http://prometheus.example")
                .series("up", "0")
                .at(minutes(0))
                .assertFiring("Down").withAnnotation("where", "eu1 http://prometheus.example")
                .withLabels(Map.of("alertname", "Down"));
    }

    @Test
    void rulesComeFromAModelAFileOrAPrometheusRuleManifest(@TempDir Path dir) throws Exception {
        RuleFile model = RuleFile.of(List.of(RuleGroup.builder("g")
                .rule(RecordingRule.of("job:up:sum", "sum by (job) (up)"))
                .rule(AlertingRule.builder("JobDown").expr("job:up:sum == 0").build())
                .build()));
        RuleTester.of(model).series("up{job=\"a\"}", "0").at(minutes(0))
                .assertFiring("JobDown").withLabel("job", "a")
                .assertValue("job:up:sum", 0);

        Path manifest = dir.resolve("rules.yaml");
        Files.writeString(manifest, """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: api
                spec:
                  groups:
                    - name: g
                      rules:
                        - alert: JobDown
                          expr: up == 0
                """);
        RuleTester.of(manifest).series("up{job=\"a\"}", "0").at(minutes(0)).assertFiring("JobDown");
        Path plain = dir.resolve("plain.yml");
        Files.writeString(plain, RULES);
        RuleTester.of(plain).series("up", "0x3").at(minutes(2)).assertFiring("InstanceDown");
    }

    // ---- every check fails with a message that says why

    @Test
    void assertFiringFailsOnAPendingAlertShowingEveryAlertAndTheSeriesItsExpressionSelects() {
        assertThatThrownBy(() -> FAILING_API.at(minutes(3)).assertFiring("HighErrorRate"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting alert "HighErrorRate" to be firing at 3m
                        but none of its alerts is firing.
                        Alerts at 3m:
                          pending  HighErrorRate{job="api", severity="page"} active since 1m, value 0.1
                        Expression of HighErrorRate at 3m:
                          job:http_errors:ratio_rate5m > 0.05
                          gives:
                            job:http_errors:ratio_rate5m{job="api"} 0.1
                        Series selected at 3m by job:http_errors:ratio_rate5m > 0.05:
                          job:http_errors:ratio_rate5m{job="api"} 0.1
                        Series selected at 3m by sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])):
                          http_requests_total{code="500", job="api"} 30
                          http_requests_total{code="200", job="api"} 270
                        """);
    }

    @Test
    void assertFiringFailsForAnAlertWithoutAlerts() {
        assertThatThrownBy(() -> RuleTester.ofYaml(RULES).series("up{instance=\"a:1\"}", "1x10").at(minutes(3))
                .assertFiring("InstanceDown"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting alert "InstanceDown" to be firing at 3m
                        but it has no alerts.
                        Alerts at 3m:
                          (none)
                        Expression of InstanceDown at 3m:
                          up == 0
                          gives:
                            (none)
                        Series selected at 3m by up == 0:
                          up{instance="a:1"} 1
                        """);
    }

    @Test
    void assertPendingFailsOnAFiringAlert() {
        assertThatThrownBy(() -> FAILING_API.at(minutes(10)).assertPending("InstanceDown"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("""
                        Expecting alert "InstanceDown" to be pending at 10m
                        but none of its alerts is pending.
                        Alerts at 10m:
                        """);
    }

    @Test
    void withLabelsFailsListingTheLabelsOfTheAlertsLeft() {
        assertThatThrownBy(() -> FAILING_API.at(minutes(10)).assertFiring("HighErrorRate")
                .withLabels(Map.of("severity", "ticket")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting a firing "HighErrorRate" alert with labels {severity="ticket"} at 10m
                        but the firing HighErrorRate alerts have labels:
                          {job="api", severity="page"}
                        Alerts at 10m:
                          firing   HighErrorRate{job="api", severity="page"} active since 1m, firing since 6m, value 0.09999999999999999
                          firing   InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, firing since 8m, value 0
                        Expression of HighErrorRate at 10m:
                          job:http_errors:ratio_rate5m > 0.05
                          gives:
                            job:http_errors:ratio_rate5m{job="api"} 0.09999999999999999
                        Series selected at 10m by job:http_errors:ratio_rate5m > 0.05:
                          job:http_errors:ratio_rate5m{job="api"} 0.09999999999999999
                        Series selected at 10m by sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])):
                          http_requests_total{code="500", job="api"} 100
                          http_requests_total{code="200", job="api"} 900
                        """);
    }

    @Test
    void withAnnotationFailsListingTheAnnotationsOfTheAlertsLeft() {
        assertThatThrownBy(() -> FAILING_API.at(minutes(10)).assertFiring("HighErrorRate")
                .withLabel("severity", "page").withAnnotation("summary", "api: 11% of requests fail"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting a firing "HighErrorRate" alert with label severity="page" and with annotation summary="api: 11% of requests fail" at 10m
                        but the firing HighErrorRate alerts with label severity="page" have annotations:
                          {job="api", severity="page"}: {summary="api: 10% of requests fail"}
                        Alerts at 10m:
                          firing   HighErrorRate{job="api", severity="page"} active since 1m, firing since 6m, value 0.09999999999999999
                          firing   InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, firing since 8m, value 0
                        Expression of HighErrorRate at 10m:
                          job:http_errors:ratio_rate5m > 0.05
                          gives:
                            job:http_errors:ratio_rate5m{job="api"} 0.09999999999999999
                        Series selected at 10m by job:http_errors:ratio_rate5m > 0.05:
                          job:http_errors:ratio_rate5m{job="api"} 0.09999999999999999
                        Series selected at 10m by sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])):
                          http_requests_total{code="500", job="api"} 100
                          http_requests_total{code="200", job="api"} 900
                        """);
    }

    @Test
    void withValueActiveSinceAndHasCountFailWithWhatTheAlertsHave() {
        RuleTesterAlertAssert firing = FAILING_API.at(minutes(10)).assertFiring("HighErrorRate");
        assertThatThrownBy(() -> firing.withValue(0.2))
                .hasMessage("""
                        Expecting a firing "HighErrorRate" alert with value 0.2 at 10m
                        but the firing HighErrorRate alerts have values:
                          {job="api", severity="page"}: 0.09999999999999999
                        Alerts at 10m:
                          firing   HighErrorRate{job="api", severity="page"} active since 1m, firing since 6m, value 0.09999999999999999
                          firing   InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, firing since 8m, value 0
                        Expression of HighErrorRate at 10m:
                          job:http_errors:ratio_rate5m > 0.05
                          gives:
                            job:http_errors:ratio_rate5m{job="api"} 0.09999999999999999
                        Series selected at 10m by job:http_errors:ratio_rate5m > 0.05:
                          job:http_errors:ratio_rate5m{job="api"} 0.09999999999999999
                        Series selected at 10m by sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])):
                          http_requests_total{code="500", job="api"} 100
                          http_requests_total{code="200", job="api"} 900
                        """);
        assertThatThrownBy(() -> firing.activeSince(minutes(2)))
                .hasMessageStartingWith("""
                        Expecting a firing "HighErrorRate" alert active since 2m at 10m
                        but the firing HighErrorRate alerts are active since:
                          {job="api", severity="page"}: 1m
                        Alerts at 10m:
                        """);
        assertThatThrownBy(() -> firing.withLabel("job", "api").hasCount(2))
                .hasMessageStartingWith("""
                        Expecting 2 firing "HighErrorRate" alerts with label job="api" at 10m
                        but there is 1:
                          firing   HighErrorRate{job="api", severity="page"} active since 1m, firing since 6m, value 0.09999999999999999
                        Alerts at 10m:
                        """);
        assertThatThrownBy(() -> firing.withAnnotations(Map.of("summary", "x")))
                .hasMessageStartingWith("""
                        Expecting a firing "HighErrorRate" alert with annotations {summary="x"} at 10m
                        but the firing HighErrorRate alerts have annotations:
                          {job="api", severity="page"}: {summary="api: 10% of requests fail"}
                        Alerts at 10m:
                        """);
    }

    @Test
    void assertNotFiringAndAssertInactiveFailNamingTheActiveAlerts() {
        RuleTesterAt at10 = FAILING_API.at(minutes(10));
        assertThatThrownBy(() -> at10.assertNotFiring("InstanceDown"))
                .hasMessage("""
                        Expecting alert "InstanceDown" not to be firing at 10m
                        but one of its alerts is firing:
                          firing   InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, firing since 8m, value 0
                        Alerts at 10m:
                          firing   HighErrorRate{job="api", severity="page"} active since 1m, firing since 6m, value 0.09999999999999999
                          firing   InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, firing since 8m, value 0
                        Expression of InstanceDown at 10m:
                          up == 0
                          gives:
                            up{instance="a:1", job="api"} 0
                        Series selected at 10m by up == 0:
                          up{instance="a:1", job="api"} 0
                        """);
        assertThatThrownBy(() -> at10.assertNotFiring("InstanceDown", Map.of("instance", "a:1")))
                .hasMessageStartingWith("""
                        Expecting alert "InstanceDown" with labels {instance="a:1"} not to be firing at 10m
                        but one of its alerts with labels {instance="a:1"} is firing:
                          firing   InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, firing since 8m, value 0
                        Alerts at 10m:
                        """);
        at10.assertNotFiring("InstanceDown", Map.of("instance", "b:2"));
        assertThatThrownBy(() -> FAILING_API.at(minutes(7)).assertInactive("InstanceDown"))
                .hasMessageStartingWith("""
                        Expecting alert "InstanceDown" to be neither pending nor firing at 7m
                        but one of its alerts is pending:
                          pending  InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, value 0
                        Alerts at 7m:
                        """);
    }

    @Test
    void assertValueFailsWithTheValueTheSamplesOrTheQueryError() {
        RuleTesterAt at10 = FAILING_API.at(minutes(10));
        assertThatThrownBy(() -> at10.assertValue("job:http_errors:ratio_rate5m", 0.2))
                .hasMessage("""
                        Expecting job:http_errors:ratio_rate5m at 10m to be 0.2
                        but it is 0.09999999999999999: job:http_errors:ratio_rate5m{job="api"} 0.09999999999999999
                        Alerts at 10m:
                          firing   HighErrorRate{job="api", severity="page"} active since 1m, firing since 6m, value 0.09999999999999999
                          firing   InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, firing since 8m, value 0
                        Series selected at 10m by job:http_errors:ratio_rate5m:
                          job:http_errors:ratio_rate5m{job="api"} 0.09999999999999999
                        Series selected at 10m by sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])):
                          http_requests_total{code="500", job="api"} 100
                          http_requests_total{code="200", job="api"} 900
                        """);
        assertThatThrownBy(() -> at10.assertValue("http_requests_total", 1))
                .hasMessageStartingWith("""
                        Expecting http_requests_total at 10m to be 1
                        but it gives 2 samples:
                          http_requests_total{code="200", job="api"} 900
                          http_requests_total{code="500", job="api"} 100
                        Alerts at 10m:
                        """);
        assertThatThrownBy(() -> at10.assertValue("nothing_here", 1))
                .hasMessageEndingWith("""
                        but it gives no samples.
                        Alerts at 10m:
                          firing   HighErrorRate{job="api", severity="page"} active since 1m, firing since 6m, value 0.09999999999999999
                          firing   InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, firing since 8m, value 0
                        Series selected at 10m by nothing_here:
                          nothing_here: no samples
                        """);
        assertThatThrownBy(() -> at10.assertValue("scalar(up) + 1", 0))
                .hasMessageStartingWith("""
                        Expecting scalar(up) + 1 at 10m to be 0
                        but it is 1.
                        """);
        at10.assertValue("sum(rate(http_requests_total[5m]))", 1.67, 0.01);
        assertThatThrownBy(() -> at10.assertValue("sum(rate(http_requests_total[5m]))", 1.6, 0.05))
                .hasMessageStartingWith("""
                        Expecting sum(rate(http_requests_total[5m])) at 10m to be 1.6 (within 0.05)
                        but it is 1.6666666666666667: {} 1.6666666666666667
                        """);
        assertThatThrownBy(() -> at10.assertValue("up", 0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("assertValue: tolerance -1 must be 0 or more");
        assertThatThrownBy(() -> at10.assertValue("sum(", 0))
                .hasMessageStartingWith("""
                        Expecting sum( at 10m to be 0
                        but the query failed: """);
    }

    @Test
    void assertSamplesFailsShowingExpectedAndActualSamples() {
        assertThatThrownBy(() -> FAILING_API.at(minutes(10)).assertSamples("sum by (code) (http_requests_total)",
                Map.of("{code=\"500\"}", 100.0, "{code=\"404\"}", 1.0)))
                .hasMessage("""
                        Expecting sum by (code) (http_requests_total) at 10m to give
                          {code="404"} 1
                          {code="500"} 100
                        but it gives
                          {code="200"} 900
                          {code="500"} 100
                        Alerts at 10m:
                          firing   HighErrorRate{job="api", severity="page"} active since 1m, firing since 6m, value 0.09999999999999999
                          firing   InstanceDown{instance="a:1", job="api", severity="ticket"} active since 6m, firing since 8m, value 0
                        Series selected at 10m by sum by (code) (http_requests_total):
                          http_requests_total{code="200", job="api"} 900
                          http_requests_total{code="500", job="api"} 100
                        """);
        assertThatThrownBy(() -> FAILING_API.at(minutes(10)).assertNoSamples("up"))
                .hasMessageStartingWith("""
                        Expecting up at 10m to give
                          (no samples)
                        but it gives
                          up{instance="a:1", job="api"} 0
                        """);
    }

    @Test
    void aRuleThatFailsToEvaluateFailsTheTestAsInPromtoolUnlessAllowed() {
        RuleTester t = RuleTester.ofYaml("""
                groups:
                  - name: g
                    rules:
                      - alert: PerInstanceErrors
                        expr: http_requests_total * on () up > 0
                """).series("http_requests_total{code=\"500\"}", "1x5").series("http_requests_total{code=\"200\"}", "1x5")
                .series("up", "1x5");
        assertThatThrownBy(() -> t.at(minutes(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting every rule to evaluate up to 1m
                        but 2 evaluations failed (use RuleTester.allowRuleErrors() to test rules that fail).
                        Alerts at 1m:
                          (none)
                        Rule evaluation errors:
                          group "g", rule 1 "PerInstanceErrors" at 0s: multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)
                          group "g", rule 1 "PerInstanceErrors" at 1m: multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)
                        """);
        RuleTesterAt allowed = t.allowRuleErrors().at(minutes(1)).assertNotFiring("PerInstanceErrors");
        assertThat(allowed.ruleErrors()).hasSize(2);
    }

    @Test
    void groupEvalOrderDecidesWhatALaterGroupSeesAtTheSameTime() {
        RuleTester t = RuleTester.ofYaml("""
                groups:
                  - name: second
                    rules:
                      - record: b
                        expr: a + 1
                  - name: first
                    rules:
                      - record: a
                        expr: x
                """).series("x", "1");
        t.at(minutes(0)).assertNoSamples("b").assertValue("a", 1);
        t.groupEvalOrder("first", "second").at(minutes(0)).assertValue("b", 2);
        t.groupEvalOrder("second").at(minutes(0)).assertNoSamples("a");
        assertThatThrownBy(() -> t.groupEvalOrder("first", "third"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groupEvalOrder: \"third\" is not a group of the rule file; groups: [second, first]");
    }

    // ---- bad input

    @Test
    void anUnknownAlertNameIsAnErrorListingTheAlertingRules() {
        RuleTesterAt at = FAILING_API.at(minutes(1));
        assertThatThrownBy(() -> at.assertFiring("HighErrorRat"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"HighErrorRat\" is not an alerting rule of the rule file; nearest matches: "
                        + "[HighErrorRate]; alerting rules: [HighErrorRate, InstanceDown]");
        assertThatThrownBy(() -> at.assertNotFiring("job:http_errors:ratio_rate5m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"job:http_errors:ratio_rate5m\" is not an alerting rule of the rule file; "
                        + "alerting rules: [HighErrorRate, InstanceDown]");
    }

    @Test
    void malformedSeriesAreRejectedWhereTheyAreAdded() {
        assertThatThrownBy(() -> RuleTester.ofYaml(RULES).series("up", "0+1y10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series(\"up\", \"0+1y10\"): invalid series value \"0+1y10\": expected a number, "
                        + "a+bxn, a-bxn, axn, _, _xn or stale");
        assertThatThrownBy(() -> RuleTester.ofYaml(RULES).series("up{", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("series(\"up{\", \"1\"): ");
    }

    @Test
    void timeOnlyMovesForwardInOneChainAndIsNeverNegative() {
        RuleTesterAt at10 = FAILING_API.at(minutes(10));
        at10.at(minutes(10)).assertFiring("HighErrorRate");
        assertThatThrownBy(() -> at10.at(minutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at(5m): the rules have already been evaluated up to 10m in this chain, and time only "
                        + "moves forward; start a new chain from the RuleTester to look at an earlier time");
        assertThatThrownBy(() -> FAILING_API.at(PromDuration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at(-1m): time must not be negative; times count from the first value of the series (0s)");
        assertThatThrownBy(() -> FAILING_API.interval(PromDuration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval(0s): must be positive");
    }

    @Test
    void invalidRulesAreRejectedWithEveryProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleTester.ofYaml("""
                groups:
                  - name: g
                    rules:
                      - alert: Bad
                        expr: rate(up)
                      - alert: BadTemplate
                        expr: up
                        annotations:
                          summary: "{{ $value"
                """))
                .isInstanceOf(RuleValidationException.class)
                .hasMessage("""
                        2 problems:
                        <yaml>:5:15: group "g", rule 1, "Bad": could not parse expression: 1:6: expected type range vector in call to function "rate", got instant vector
                        <yaml>:9:20: group "g", rule 2, "BadTemplate": annotation "summary": template: __alert_BadTemplate:1: unclosed action""");
        assertThatThrownBy(() -> RuleTester.of(dir.resolve("missing.yml")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read rule file " + dir.resolve("missing.yml") + ": ");
    }
}
