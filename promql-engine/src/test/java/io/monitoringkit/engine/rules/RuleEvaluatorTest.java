package io.monitoringkit.engine.rules;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.rules.RuleValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleEvaluatorTest {

    private final List<AlertTransition> transitions = new ArrayList<>();

    private static Instant min(long m) {
        return Instant.ofEpochSecond(60 * m);
    }

    private RuleEvaluator evaluator(String load, String rules) {
        return evaluator(load, rules, b -> { });
    }

    private RuleEvaluator evaluator(String load, String rules, java.util.function.Consumer<RuleEvaluator.Builder> config) {
        Storage storage = Storage.create().load(load);
        RuleEvaluator.Builder b = RuleEvaluator.builder(PromEngine.create(storage)).listener(transitions::add);
        config.accept(b);
        return b.build().addRuleFile(RuleFiles.read(rules, "test.rules.yml"));
    }

    /** Evaluates every group at 0, 1m, ..., {@code toMinute} minutes. */
    private static void evalMinutes(RuleEvaluator ev, long fromMinute, long toMinute) {
        for (long m = fromMinute; m <= toMinute; m++) {
            ev.evaluate(min(m));
        }
    }

    private static QueryResult.Vector query(RuleEvaluator ev, String promql, Instant t) {
        return ev.engine().query(promql, t).asVector();
    }

    private static final String DOWN_FOR_2M = """
            groups:
              - name: g
                rules:
                  - alert: InstanceDown
                    expr: up == 0
                    for: 2m
                    labels:
                      severity: page
                    annotations:
                      summary: "{{ $labels.instance }} is down ({{ $value }})"
            """;

    // ------------------------------------------------------------------ state machine

    @Test
    void alertGoesPendingThenFiresWhenActiveForExactlyEqualsFor() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{job="api", instance="a"} 0x10
                """, DOWN_FOR_2M);

        ev.evaluate(min(0));
        Alert a = ev.alerts("InstanceDown").get(0);
        assertThat(a.state()).isEqualTo(AlertState.PENDING);
        assertThat(a.activeAt()).isEqualTo(min(0));
        assertThat(a.firedAt()).isEmpty();
        assertThat(a.labels()).isEqualTo(Labels.of("alertname", "InstanceDown", "instance", "a", "job", "api",
                "severity", "page"));
        assertThat(a.annotations()).containsExactly(java.util.Map.entry("summary", "a is down (0)"));

        ev.evaluate(min(1));
        assertThat(ev.alerts().get(0).state()).isEqualTo(AlertState.PENDING);

        ev.evaluate(min(2));
        a = ev.alerts().get(0);
        assertThat(a.state()).isEqualTo(AlertState.FIRING);
        assertThat(a.activeAt()).isEqualTo(min(0));
        assertThat(a.firedAt()).contains(min(2));
        assertThat(transitions).extracting(t -> t.from() + "->" + t.to() + "@" + t.time())
                .containsExactly("INACTIVE->PENDING@1970-01-01T00:00:00Z", "PENDING->FIRING@1970-01-01T00:02:00Z");
    }

    @Test
    void alertWithoutForFiresAtItsFirstEvaluation() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="a"} 0
                """, """
                groups:
                  - name: g
                    rules:
                      - alert: Down
                        expr: up == 0
                """);
        ev.evaluate(min(0));
        Alert a = ev.alerts().get(0);
        assertThat(a.state()).isEqualTo(AlertState.FIRING);
        assertThat(a.firedAt()).contains(min(0));
        assertThat(transitions).extracting(AlertTransition::from, AlertTransition::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertState.INACTIVE, AlertState.FIRING));
    }

    @Test
    void pendingAlertThatDisappearsIsForgottenWithoutResolution() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="a"} 0 0 1 1
                """, DOWN_FOR_2M);
        evalMinutes(ev, 0, 1);
        assertThat(ev.alerts()).extracting(Alert::state).containsExactly(AlertState.PENDING);
        ev.evaluate(min(2));
        assertThat(ev.alerts()).isEmpty();
        AlertTransition last = transitions.get(transitions.size() - 1);
        assertThat(last.from()).isEqualTo(AlertState.PENDING);
        assertThat(last.to()).isEqualTo(AlertState.INACTIVE);
        assertThat(last.time()).isEqualTo(min(2));
    }

    @Test
    void firingAlertResolvesAndIsKeptFifteenMinutesAfterResolution() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="a"} 0 0 0 1x30
                """, DOWN_FOR_2M);
        evalMinutes(ev, 0, 3);
        Alert a = ev.alerts().get(0);
        assertThat(a.state()).isEqualTo(AlertState.INACTIVE);
        assertThat(a.isActive()).isFalse();
        assertThat(a.resolvedAt()).contains(min(3));
        assertThat(a.firedAt()).contains(min(2));

        evalMinutes(ev, 4, 18);   // 15m after resolution: kept (Prometheus deletes after more than 15m)
        assertThat(ev.alerts()).hasSize(1);
        ev.evaluate(min(19));
        assertThat(ev.alerts()).isEmpty();
        assertThat(transitions).extracting(t -> t.to()).containsExactly(AlertState.PENDING, AlertState.FIRING,
                AlertState.INACTIVE);
    }

    @Test
    void resolvedAlertThatComesBackStartsPendingAgainWithANewActiveTime() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="a"} 0 0 0 1 0 0 0
                """, DOWN_FOR_2M);
        evalMinutes(ev, 0, 4);
        Alert a = ev.alerts().get(0);
        assertThat(a.state()).isEqualTo(AlertState.PENDING);
        assertThat(a.activeAt()).isEqualTo(min(4));
        assertThat(a.resolvedAt()).isEmpty();
        evalMinutes(ev, 5, 6);
        assertThat(ev.alerts().get(0).firedAt()).contains(min(6));
    }

    @Test
    void keepFiringForHoldsTheAlertUntilExactlyThatLongAfterItDisappeared() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="a"} 0 0 1x10
                """, """
                groups:
                  - name: g
                    rules:
                      - alert: Down
                        expr: up == 0
                        keep_firing_for: 2m
                """);
        evalMinutes(ev, 0, 2);
        Alert a = ev.alerts().get(0);
        assertThat(a.state()).isEqualTo(AlertState.FIRING);
        assertThat(a.keepFiringSince()).contains(min(2));
        assertThat(a.value()).isZero();
        ev.evaluate(min(3));
        assertThat(ev.alerts().get(0).state()).isEqualTo(AlertState.FIRING);
        ev.evaluate(min(4));   // 4m - 2m = keep_firing_for: no longer kept
        a = ev.alerts().get(0);
        assertThat(a.state()).isEqualTo(AlertState.INACTIVE);
        assertThat(a.resolvedAt()).contains(min(4));
        assertThat(query(ev, "ALERTS", min(3)).size()).isEqualTo(1);
        assertThat(query(ev, "ALERTS", min(4)).isEmpty()).isTrue();
    }

    @Test
    void keepFiringForRestartsWhenTheAlertComesBack() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="a"} 0 1 0 1 1 1 1
                """, """
                groups:
                  - name: g
                    rules:
                      - alert: Down
                        expr: up == 0
                        keep_firing_for: 2m
                """);
        evalMinutes(ev, 0, 2);
        assertThat(ev.alerts().get(0).keepFiringSince()).isEmpty();
        evalMinutes(ev, 3, 4);
        assertThat(ev.alerts().get(0).state()).isEqualTo(AlertState.FIRING);
        assertThat(ev.alerts().get(0).keepFiringSince()).contains(min(3));
        ev.evaluate(min(5));
        assertThat(ev.alerts().get(0).resolvedAt()).contains(min(5));
        assertThat(ev.alerts().get(0).activeAt()).isEqualTo(min(0));
    }

    @Test
    void keepFiringForDoesNotApplyToPendingAlerts() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="a"} 0 1
                """, """
                groups:
                  - name: g
                    rules:
                      - alert: Down
                        expr: up == 0
                        for: 5m
                        keep_firing_for: 10m
                """);
        evalMinutes(ev, 0, 1);
        assertThat(ev.alerts()).isEmpty();
    }

    @Test
    void valueAndAnnotationsFollowTheLatestSampleWhileLabelsAndActiveTimeStay() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  queue_depth{queue="mail"} 150 170 210
                """, """
                groups:
                  - name: g
                    rules:
                      - alert: QueueBacklog
                        expr: queue_depth > 100
                        for: 10m
                        annotations:
                          summary: "{{ $labels.queue }} holds {{ $value }} messages"
                """);
        evalMinutes(ev, 0, 2);
        Alert a = ev.alerts().get(0);
        assertThat(a.value()).isEqualTo(210);
        assertThat(a.annotations()).containsEntry("summary", "mail holds 210 messages");
        assertThat(a.activeAt()).isEqualTo(min(0));
        assertThat(a.labels()).isEqualTo(Labels.of("alertname", "QueueBacklog", "queue", "mail"));
    }

    @Test
    void alertsAreKeptPerLabelSetAndListedByLabels() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="b"} 0 0 0
                  up{instance="a"} 1 0 0
                """, DOWN_FOR_2M);
        evalMinutes(ev, 0, 2);
        assertThat(ev.alerts()).extracting(x -> x.label("instance") + ":" + x.state())
                .containsExactly("a:PENDING", "b:FIRING");
        assertThat(ev.alerts("NoSuchAlert")).isEmpty();
    }

    // ------------------------------------------------------------------ ALERTS and ALERTS_FOR_STATE

    @Test
    void writesAlertsAndAlertsForStateThatQueriesReadBack() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{job="api", instance="a"} 1 0 0 0 1 1
                """, DOWN_FOR_2M);
        evalMinutes(ev, 0, 5);

        assertThat(query(ev, "ALERTS", min(0)).isEmpty()).isTrue();
        QueryResult.Vector pending = query(ev, "ALERTS", min(2));
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.labels(0)).isEqualTo(Labels.of("__name__", "ALERTS", "alertname", "InstanceDown",
                "alertstate", "pending", "instance", "a", "job", "api", "severity", "page"));
        assertThat(pending.value(0)).isEqualTo(1);

        QueryResult.Vector firing = query(ev, "ALERTS", min(3));
        assertThat(firing.labels(0).getOrEmpty("alertstate")).isEqualTo("firing");
        // the pending series went stale when the alert fired
        assertThat(query(ev, "ALERTS{alertstate=\"pending\"}", min(3)).isEmpty()).isTrue();

        QueryResult.Vector forState = query(ev, "ALERTS_FOR_STATE", min(3));
        assertThat(forState.labels(0)).isEqualTo(Labels.of("__name__", "ALERTS_FOR_STATE", "alertname",
                "InstanceDown", "instance", "a", "job", "api", "severity", "page"));
        assertThat(forState.value(0)).isEqualTo(60);

        // resolved at 4m: both series end with a staleness marker
        assertThat(query(ev, "ALERTS", min(4)).isEmpty()).isTrue();
        assertThat(query(ev, "ALERTS_FOR_STATE", min(4)).isEmpty()).isTrue();
        assertThat(ev.engine().queryRange("ALERTS", min(0), min(5), Duration.ofMinutes(1)).series())
                .extracting(s -> s.labels().getOrEmpty("alertstate") + "=" + s.size())
                .containsExactly("firing=1", "pending=2");
    }

    @Test
    void alertsForStateHoldsActiveTimeInWholeSeconds() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="a"} 0 0
                """, DOWN_FOR_2M);
        ev.evaluate(Instant.ofEpochMilli(90_500));
        assertThat(query(ev, "ALERTS_FOR_STATE", Instant.ofEpochMilli(90_500)).value(0)).isEqualTo(90);
    }

    // ------------------------------------------------------------------ templates

    @Test
    void rendersValueLabelsExternalLabelsExternalUrlAndQueryInLabelsAndAnnotations() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  errors_ratio{service="checkout"} 0.1234
                  replicas{service="checkout"} 3
                """, """
                groups:
                  - name: g
                    rules:
                      - alert: HighErrors
                        expr: errors_ratio > 0.05
                        labels:
                          team: "{{ $labels.service }}-team"
                          where: "{{ $externalLabels.cluster }}"
                        annotations:
                          summary: "{{ $labels.service }}: {{ $value | humanizePercentage }} errors"
                          replicas: "{{ with query \\"replicas\\" }}{{ . | first | value }}{{ end }}"
                          link: "{{ $externalURL }}/alerts"
                          name: "{{ $labels.__name__ }}"
                """, b -> b.externalLabels(Labels.of("cluster", "eu1")).externalUrl("http://prom.example"));
        ev.evaluate(min(0));
        Alert a = ev.alerts().get(0);
        assertThat(a.labels()).isEqualTo(Labels.of("alertname", "HighErrors", "service", "checkout",
                "team", "checkout-team", "where", "eu1"));
        assertThat(a.annotations()).containsEntry("summary", "checkout: 12.34% errors")
                .containsEntry("replicas", "3")
                .containsEntry("link", "http://prom.example/alerts")
                .containsEntry("name", "errors_ratio");
        // external labels are for templates only: ALERTS does not carry them
        assertThat(query(ev, "ALERTS", min(0)).labels(0).has("cluster")).isFalse();
    }

    @Test
    void templateErrorsBecomePrometheusErrorText() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x 2
                """, """
                groups:
                  - name: g
                    rules:
                      - alert: Broken
                        expr: x > 1
                        annotations:
                          summary: "{{ query \\"x[\\" }}"
                """);
        ev.evaluate(min(0));
        assertThat(ev.alerts().get(0).annotations().get("summary"))
                .isEqualTo("<error expanding template: error executing template __alert_Broken: template: "
                        + "__alert_Broken:1:115: executing \"__alert_Broken\" at <query \"x[\">: error calling query: "
                        + "1:3: parse error: unexpected end of input in duration expression>");
        assertThat(ev.errors()).isEmpty();
    }

    @Test
    void aLabelTemplateExpandingToEmptyRemovesTheLabel() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x{severity="low"} 2
                """, """
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: x > 1
                        labels:
                          severity: "{{ if gt $value 5.0 }}page{{ end }}"
                """);
        ev.evaluate(min(0));
        assertThat(ev.alerts().get(0).labels()).isEqualTo(Labels.of("alertname", "A"));
    }

    @Test
    void alertsWhoseLabelsCollideAfterTemplatingFailTheRule() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x{instance="a"} 2
                  x{instance="b"} 3
                """, """
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: x > 1
                        labels:
                          instance: all
                      - record: y
                        expr: x * 2
                """);
        List<RuleEvaluationError> errors = ev.evaluate(min(0));
        assertThat(errors).containsExactly(new RuleEvaluationError("g", 0, "A", min(0),
                "vector contains metrics with the same labelset after applying alert labels"));
        assertThat(ev.alerts()).isEmpty();
        assertThat(query(ev, "ALERTS", min(0)).isEmpty()).isTrue();
        assertThat(query(ev, "y", min(0)).size()).isEqualTo(2);   // the next rule still ran
    }

    // ------------------------------------------------------------------ recording rules

    @Test
    void recordingRuleWritesItsResultUnderTheRecordNameWithRuleAndGroupLabels() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  http_requests_total{job="api", code="500"} 0+6x10
                  http_requests_total{job="api", code="200"} 0+60x10
                """, """
                groups:
                  - name: g
                    labels:
                      team: web
                      tier: one
                    rules:
                      - record: job_code:http_requests:rate2m
                        expr: sum by (job, code) (rate(http_requests_total[150s]))
                        labels:
                          tier: two
                """);
        evalMinutes(ev, 0, 5);
        QueryResult.Vector v = query(ev, "job_code:http_requests:rate2m", min(5));
        assertThat(v.size()).isEqualTo(2);
        assertThat(v.valueOf(Labels.of("__name__", "job_code:http_requests:rate2m", "code", "500", "job", "api",
                "team", "web", "tier", "two")).getAsDouble()).isEqualTo(0.1);
        assertThat(v.timestamp(0)).isEqualTo(min(5).toEpochMilli());
    }

    @Test
    void recordingRuleOfAScalarWritesOneSeriesWithOnlyTheNameAndRuleLabels() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x 4
                """, """
                groups:
                  - name: g
                    rules:
                      - record: answer
                        expr: scalar(x) * 2
                        labels:
                          kind: scalar
                """);
        ev.evaluate(min(0));
        QueryResult.Vector v = query(ev, "answer", min(0));
        assertThat(v.labels(0)).isEqualTo(Labels.of("__name__", "answer", "kind", "scalar"));
        assertThat(v.value(0)).isEqualTo(8);
    }

    @Test
    void laterRulesOfAGroupSeeWhatEarlierRulesRecordedAtTheSameTime() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x 1 2 3
                """, """
                groups:
                  - name: g
                    rules:
                      - record: x2
                        expr: x * 2
                      - record: x4
                        expr: x2 * 2
                """);
        evalMinutes(ev, 0, 2);
        assertThat(query(ev, "x4", min(2)).value(0)).isEqualTo(12);
        assertThat(query(ev, "x4", min(0)).value(0)).isEqualTo(4);
    }

    @Test
    void acrossGroupsTheOrderDecidesWhetherADependentRuleSeesThisOrThePreviousEvaluation() {
        String load = """
                load 1m
                  x 1 2 3
                """;
        String rules = """
                groups:
                  - name: base
                    rules:
                      - record: x2
                        expr: x * 2
                  - name: derived
                    rules:
                      - record: x2_plus_one
                        expr: x2 + 1
                """;
        RuleEvaluator inOrder = evaluator(load, rules);
        RuleEvaluator reversed = evaluator(load, rules);
        for (long m = 0; m <= 2; m++) {
            inOrder.evaluate(min(m));
            reversed.evaluate(List.of("derived", "base"), min(m));
        }
        assertThat(query(inOrder, "x2_plus_one", min(2)).value(0)).isEqualTo(7);
        // derived ran first and saw x2 of the previous evaluation through the lookback
        assertThat(query(reversed, "x2_plus_one", min(2)).value(0)).isEqualTo(5);
        assertThat(query(reversed, "x2_plus_one", min(0)).isEmpty()).isTrue();
    }

    @Test
    void recordedSeriesThatDisappearGetAStalenessMarkerAtTheNextEvaluation() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x{a="1"} 1 1 1 1
                  x{a="2"} 1 1
                """, """
                groups:
                  - name: g
                    rules:
                      - record: y
                        expr: x
                """);
        evalMinutes(ev, 0, 1);
        ev.evaluate(min(1).plusSeconds(30));
        // x{a="2"} is still within the lookback at 1m30s
        assertThat(query(ev, "y", min(1).plusSeconds(30)).size()).isEqualTo(2);
        ev.evaluate(min(2).plusSeconds(10));
        // without the marker y{a="2"} would be found until 6m30s
        assertThat(query(ev, "y", min(2).plusSeconds(10)).size()).isEqualTo(2);
        ev.evaluate(min(6).plusSeconds(40));
        assertThat(query(ev, "y{a=\"2\"}", min(6).plusSeconds(40)).isEmpty()).isTrue();
        assertThat(query(ev, "y{a=\"2\"}", min(6).plusSeconds(41)).isEmpty()).isTrue();
        // recorded at 0, 1m, 1m30s and 2m10s, then the marker at 6m40s
        assertThat(query(ev, "count_over_time(y{a=\"2\"}[10m])", min(7)).value(0)).isEqualTo(4);
    }

    @Test
    void aSeriesGoesStaleAtTheEvaluationThatNoLongerReturnsIt() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x{a="1"} 1 1 1
                  x{a="2"} 5 5 1
                """, """
                groups:
                  - name: g
                    rules:
                      - record: big
                        expr: x > 2
                """);
        evalMinutes(ev, 0, 2);
        assertThat(query(ev, "big", min(1)).size()).isEqualTo(1);
        assertThat(query(ev, "big", min(2)).isEmpty()).isTrue();
        assertThat(query(ev, "big", min(2).plusSeconds(59)).isEmpty()).isTrue();
    }

    @Test
    void recordingRuleThatProducesTheSameLabelsTwiceFailsAndWritesNothing() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x{a="1"} 1
                  x{a="2"} 2
                """, """
                groups:
                  - name: g
                    rules:
                      - record: y
                        expr: x
                        labels:
                          a: same
                """);
        assertThat(ev.evaluate(min(0))).extracting(RuleEvaluationError::message)
                .containsExactly("vector contains metrics with the same labelset after applying rule labels");
        assertThat(query(ev, "y", min(0)).isEmpty()).isTrue();
    }

    @Test
    void aRuleWritingASeriesThatAlreadyHasNewerSamplesReportsOutOfOrder() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x 1 1 1
                  y 1 1 1
                """, """
                groups:
                  - name: g
                    rules:
                      - record: y
                        expr: x
                """);
        assertThat(ev.evaluate(min(1))).extracting(RuleEvaluationError::message)
                .containsExactly("out of order sample");
    }

    @Test
    void twoRulesRecordingTheSameSeriesWithDifferentValuesReportADuplicateSample() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x 1
                """, """
                groups:
                  - name: g
                    rules:
                      - record: y
                        expr: x
                      - record: y
                        expr: x * 2
                """);
        assertThat(ev.evaluate(min(1))).extracting(RuleEvaluationError::message)
                .containsExactly("duplicate sample for timestamp 60000; overrides not allowed: existing 1, new value 2");
        assertThat(query(ev, "y", min(1)).value(0)).isEqualTo(1);
    }

    @Test
    void aRuleWhoseResultIsAStringFails() {
        RuleEvaluator ev = evaluator("load 1m\n  x 1\n", """
                groups:
                  - name: g
                    rules:
                      - record: s
                        expr: '"text"'
                      - alert: A
                        expr: x
                        annotations:
                          range: '{{ query "x[1m]" }}'
                """);
        assertThat(ev.evaluate(min(0))).containsExactly(
                new RuleEvaluationError("g", 0, "s", min(0), "rule result is not a vector or scalar"));
        assertThat(ev.alerts().get(0).annotations().get("range")).endsWith(
                "error calling query: rule result is not a vector or scalar>");
    }

    // ------------------------------------------------------------------ limit, query_offset, errors

    @Test
    void limitFailsARecordingRuleReturningMoreSeries() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x{a="1"} 1
                  x{a="2"} 2
                """, """
                groups:
                  - name: g
                    limit: 1
                    rules:
                      - record: y
                        expr: x
                      - record: z
                        expr: sum(x)
                """);
        assertThat(ev.evaluate(min(0))).containsExactly(
                new RuleEvaluationError("g", 0, "y", min(0), "exceeded limit of 1 with 2 series"));
        assertThat(query(ev, "y", min(0)).isEmpty()).isTrue();
        assertThat(query(ev, "z", min(0)).value(0)).isEqualTo(3);
    }

    @Test
    void limitFailsAnAlertingRuleWithMoreActiveAlertsAndDropsItsAlerts() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  up{instance="a"} 0 0 0
                  up{instance="b"} 1 1 0
                """, """
                groups:
                  - name: g
                    limit: 1
                    rules:
                      - alert: Down
                        expr: up == 0
                """);
        evalMinutes(ev, 0, 1);
        assertThat(ev.alerts()).hasSize(1);
        assertThat(ev.evaluate(min(2))).extracting(RuleEvaluationError::message)
                .containsExactly("exceeded limit of 1 with 2 alerts");
        assertThat(ev.alerts()).isEmpty();
        assertThat(transitions).extracting(t -> t.alert().label("instance") + ":" + t.from() + "->" + t.to())
                .containsExactly("a:INACTIVE->FIRING", "a:FIRING->INACTIVE");
        // nothing was written at 2m: the series of 1m are still visible through the lookback
        assertThat(query(ev, "ALERTS", min(2)).size()).isEqualTo(1);
    }

    @Test
    void queryOffsetEvaluatesAndWritesAtTheEarlierTime() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x 1 2 3 4 5
                  up{instance="a"} 0 0 0 0 0
                """, """
                groups:
                  - name: g
                    query_offset: 2m
                    rules:
                      - record: x_copy
                        expr: x
                      - alert: Down
                        expr: up == 0
                """);
        ev.evaluate(min(4));
        QueryResult.Vector v = query(ev, "x_copy", min(2));
        assertThat(v.value(0)).isEqualTo(3);
        assertThat(v.timestamp(0)).isEqualTo(min(2).toEpochMilli());
        assertThat(query(ev, "ALERTS", min(2)).size()).isEqualTo(1);
        // the alert's own times are evaluation times
        assertThat(ev.alerts().get(0).activeAt()).isEqualTo(min(4));
        assertThat(query(ev, "ALERTS_FOR_STATE", min(2)).value(0)).isEqualTo(240);
    }

    @Test
    void defaultQueryOffsetAppliesToGroupsWithoutTheirOwn() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  x 1 2 3 4 5
                """, """
                groups:
                  - name: g
                    rules:
                      - record: x_copy
                        expr: x
                """, b -> b.defaultQueryOffset(Duration.ofMinutes(1)));
        ev.evaluate(min(4));
        assertThat(query(ev, "x_copy", min(3)).value(0)).isEqualTo(4);
    }

    @Test
    void aFailingRuleIsRecordedAndTheGroupGoesOnUntilTheRuleSucceedsAgain() {
        RuleEvaluator ev = evaluator("""
                load 1m
                  a{x="1", y="1"} 1 1
                  a{x="1", y="2"} 1 _
                  b{x="1"} 2 2
                """, """
                groups:
                  - name: g
                    rules:
                      - record: ab
                        expr: a * on (x) b
                      - record: b_copy
                        expr: b
                """);
        List<RuleEvaluationError> errors = ev.evaluate(min(0));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).rule()).isEqualTo("ab");
        assertThat(errors.get(0).message()).isEqualTo(
                "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
        assertThat(ev.errors()).isEqualTo(errors);
        assertThat(query(ev, "b_copy", min(0)).value(0)).isEqualTo(2);

        ev.evaluate(min(6));
        assertThat(ev.errors()).isEmpty();
    }

    // ------------------------------------------------------------------ driving

    @Test
    void advanceToEvaluatesEachGroupAtItsOwnIntervalInTimeOrder() {
        Storage storage = Storage.create().load("""
                load 15s
                  x 0+1x40
                """);
        List<String> seen = new ArrayList<>();
        RuleEvaluator ev = RuleEvaluator.builder(PromEngine.create(storage)).startTime(Instant.EPOCH).build()
                .addRuleFile(RuleFiles.read("""
                        groups:
                          - name: fast
                            interval: 30s
                            rules:
                              - record: fast_x
                                expr: x
                          - name: slow
                            rules:
                              - record: slow_x
                                expr: x
                        """, "r.yml"));
        assertThat(ev.advanceTo(min(2).plusSeconds(10))).isEmpty();
        assertThat(ev.lastEvaluation()).contains(min(2));
        for (String m : List.of("fast_x", "slow_x")) {
            seen.add(m + "=" + ev.engine().queryRange("count_over_time(" + m + "[10m])", min(2), min(2),
                    Duration.ofMinutes(1)).series().get(0).values()[0]);
        }
        assertThat(seen).containsExactly("fast_x=5.0", "slow_x=3.0");
        ev.advanceTo(min(3));
        assertThat(query(ev, "count_over_time(fast_x[10m])", min(3)).value(0)).isEqualTo(7);
        assertThat(query(ev, "slow_x", min(3)).value(0)).isEqualTo(12);
        assertThatThrownBy(() -> ev.advanceTo(min(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1970-01-01T00:02:00Z is before 1970-01-01T00:03:00Z, the time the evaluator was "
                        + "advanced to; time must not go back");
    }

    @Test
    void advanceToStartsAtTheFirstIntervalAfterItsFirstCallWithoutAStartTime() {
        Storage storage = Storage.create().load("""
                load 1m
                  x 0+1x10
                """);
        RuleEvaluator ev = RuleEvaluator.builder(PromEngine.create(storage))
                .defaultInterval(Duration.ofMinutes(2)).build()
                .addRuleFile(RuleFiles.read("""
                        groups:
                          - name: g
                            rules:
                              - record: y
                                expr: x
                        """, "r.yml"));
        ev.advanceTo(min(3));
        assertThat(ev.lastEvaluation()).isEmpty();
        ev.advanceTo(min(8));
        assertThat(ev.engine().queryRange("y", min(0), min(8), Duration.ofMinutes(2)).series().get(0).values())
                .containsExactly(4, 6, 8);
    }

    @Test
    void evaluateWithAGroupOrderRejectsUnknownGroupsListingTheKnownOnes() {
        RuleEvaluator ev = evaluator("load 1m\n  x 1\n", """
                groups:
                  - name: b
                    rules:
                      - record: y
                        expr: x
                  - name: a
                    rules:
                      - record: z
                        expr: x
                """);
        assertThatThrownBy(() -> ev.evaluate(List.of("a", "c"), min(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"c\" is not a group name; available groups are [a, b]");
        ev.evaluate(List.of("a"), min(0));
        assertThat(query(ev, "z", min(0)).size()).isEqualTo(1);
        assertThat(query(ev, "y", min(0)).isEmpty()).isTrue();
    }

    @Test
    void evaluationTimeMustNotGoBack() {
        RuleEvaluator ev = evaluator("load 1m\n  x 1\n", DOWN_FOR_2M);
        ev.evaluate(min(2));
        assertThatThrownBy(() -> ev.evaluate(min(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1970-01-01T00:01:00Z is before the previous evaluation of group \"g\" at "
                        + "1970-01-01T00:02:00Z; evaluation time must not go back");
    }

    @Test
    void rejectsGroupsPrometheusWouldRejectListingEveryProblem() {
        Storage storage = Storage.create();
        RuleEvaluator ev = RuleEvaluator.create(PromEngine.create(storage));
        io.monitoringkit.rules.RuleGroup bad = io.monitoringkit.rules.RuleGroup.builder("g")
                .rule(io.monitoringkit.rules.AlertingRule.builder("B").expr("up").label("l", "{{ end }}").build())
                .rule(io.monitoringkit.rules.AlertingRule.builder("A").expr("up").annotation("s", "{{ $value").build())
                .build();
        assertThatThrownBy(() -> ev.addGroup(bad)).isInstanceOf(RuleValidationException.class)
                .satisfies(e -> assertThat(((RuleValidationException) e).problems()).hasSizeGreaterThanOrEqualTo(2));
        assertThat(ev.groups()).isEmpty();
    }

    @Test
    void builderRejectsNonPositiveIntervalsAndNegativeOffsets() {
        RuleEvaluator.Builder b = RuleEvaluator.builder(PromEngine.create(Storage.create()));
        assertThatThrownBy(() -> b.defaultInterval(Duration.ZERO)).hasMessage(
                "PT0S is not positive; defaultInterval must be at least 1ms");
        assertThatThrownBy(() -> b.defaultQueryOffset(Duration.ofSeconds(-1))).hasMessage(
                "PT-1S is negative; defaultQueryOffset must not be");
    }

    @Test
    void alertToStringShowsStateLabelsAndTimes() {
        Alert a = new Alert("A", Labels.of("alertname", "A"), java.util.Map.of("s", "x"), AlertState.FIRING,
                min(0), Optional.of(min(2)), Optional.empty(), Optional.empty(), 3);
        assertThat(a.toString()).isEqualTo("firing {alertname=\"A\"} activeAt=1970-01-01T00:00:00Z "
                + "firedAt=1970-01-01T00:02:00Z value=3.0 annotations={s=x}");
        assertThat(a.activeFor(min(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(PromDuration.ofMinutes(1).millis()).isEqualTo(60_000);
    }
}
