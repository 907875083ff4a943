package io.monitoringkit.engine.ruletest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.engine.Storage;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.Rule;
import io.monitoringkit.rules.RuleGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefetchTest {

    private static final long MIN = 60_000;

    private static List<Prefetch.Input> inputs() {
        long[] ts = new long[31];
        double[] vs = new double[31];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = i * MIN;
            vs[i] = 10 * i;
        }
        return List.of(new Prefetch.Input(Labels.of("__name__", "x_total", "job", "a"), ts, vs),
                new Prefetch.Input(Labels.of("__name__", "x_total", "job", "b"), ts, vs));
    }

    private static Prefetch.Plan plan(List<String> checks, Rule... rules) {
        return plan(RuleGroup.builder("g").rules(List.of(rules)).build(), checks);
    }

    private static Prefetch.Plan plan(RuleGroup g, List<String> checks) {
        return Prefetch.plan(List.of(g), checks, inputs(), Storage.create(), 0, 30 * MIN, MIN, 10_000);
    }

    @Test
    void inputOnlyRulesAreReadFromPrecomputedSeries() {
        Prefetch.Plan p = plan(List.of("x_total"),
                RecordingRule.of("job:x:rate5m", "sum by (job) (rate(x_total[5m]))"),
                AlertingRule.builder("High").expr("sum by (job) (rate(x_total[5m])) > 0").build());
        assertThat(p.count()).isEqualTo(2);
        assertThat(p.groups().get(0).rules()).hasSize(2);
        assertThat(((RecordingRule) p.groups().get(0).rules().get(0)).expr().toString())
                .isEqualTo("label_replace({__mkit_prefetch=\"0\"}, \"__mkit_prefetch\", \"\", \"\", \"\")");
    }

    @Test
    void rulesReadingRuleOutputsAreEvaluatedStepByStep() {
        Prefetch.Plan p = plan(List.of(),
                RecordingRule.of("job:x:rate5m", "sum by (job) (rate(x_total[5m]))"),
                AlertingRule.builder("High").expr("job:x:rate5m > 0").build(),
                AlertingRule.builder("Alerts").expr("count(ALERTS) > 0").build());
        assertThat(p.count()).isEqualTo(1);
        assertThat(((AlertingRule) p.groups().get(0).rules().get(1)).expr().toString()).isEqualTo("job:x:rate5m > 0");
    }

    @Test
    void atModifiersNegativeOffsetsSubqueriesAndKeptNamesAreNotPrefetched() {
        Prefetch.Plan p = plan(List.of(),
                AlertingRule.builder("At").expr("x_total @ 600 > 0").build(),
                AlertingRule.builder("Neg").expr("x_total offset -1m > 0").build(),
                AlertingRule.builder("Sub").expr("max_over_time(x_total[5m:1m]) > 0").build(),
                AlertingRule.builder("Named").expr("x_total > 0").build());
        assertThat(p.count()).isZero();
    }

    @Test
    void nothingIsPrefetchedWhenAQueryCouldSeeThePrecomputedSeries() {
        Rule rule = RecordingRule.of("job:x:rate5m", "sum by (job) (rate(x_total[5m]))");
        assertThat(plan(List.of("{job=\"a\"}"), rule).count()).isZero();
        assertThat(plan(List.of(), rule, AlertingRule.builder("Q").expr("x_total > 1")
                .annotation("n", "{{ query \"up\" }}").build()).count()).isZero();
        assertThat(plan(List.of(), rule, RecordingRule.of("all", "count({__name__=~\"x.*\"})")).count()).isZero();
    }

    @Test
    void groupsWithAQueryOffsetAreEvaluatedStepByStep() {
        RuleGroup g = RuleGroup.builder("g").queryOffset(PromDuration.ofMinutes(1))
                .rule(RecordingRule.of("job:x:rate5m", "sum by (job) (rate(x_total[5m]))")).build();
        assertThat(plan(g, List.of()).count()).isZero();
    }

    @Test
    void aRuleThatCouldExceedTheSampleLimitAtSomeStepIsEvaluatedStepByStep() {
        Rule rule = RecordingRule.of("job:x:increase30d", "sum by (job) (increase(x_total[30d]))");
        RuleGroup g = RuleGroup.builder("g").rule(rule).build();
        assertThat(Prefetch.plan(List.of(g), List.of(), inputs(), Storage.create(), 0, 30 * MIN, MIN, 10_000)
                .count()).isEqualTo(1);
        assertThat(Prefetch.plan(List.of(g), List.of(), inputs(), Storage.create(), 0, 30 * MIN, MIN, 40)
                .count()).isZero();
    }
}
