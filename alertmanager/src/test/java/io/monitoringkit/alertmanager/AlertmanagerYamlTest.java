package io.monitoringkit.alertmanager;

import io.monitoringkit.model.PromDuration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertmanagerYamlTest {

    static AlertmanagerConfig sample() {
        return AlertmanagerConfig.builder()
                .global(GlobalConfig.builder().resolveTimeout(PromDuration.ofMinutes(5))
                        .smtpSmarthost("smtp.example.org:587").smtpFrom("am@example.org")
                        .smtpAuthPassword(Secret.of("hunter2")).build())
                .route(Route.to("default").groupBy("alertname").groupWait(PromDuration.ofSeconds(10))
                        .route(Route.to("db").matchers(Matcher.equal("team", "db"),
                                Matcher.regex("severity", "critical|page")).continueMatching(true))
                        .route(Route.to("hook").match("env", "true").matchRe("service", "a|b")
                                .muteTimeIntervals("weekend")))
                .receiver(Receiver.of("default", NotifierConfig.email("ops@example.org").build()))
                .receiver(Receiver.of("db", NotifierConfig.pagerDuty(Secret.of("R0UT1NG")).severity("critical").build()))
                .receiver(Receiver.of("hook", NotifierConfig.webhook("https://h.example/x?token=T0KEN")
                        .sendResolved(false).maxAlerts(5).build()))
                .inhibitRule(InhibitRule.builder().sourceMatchers(Matcher.equal("severity", "critical"))
                        .targetMatchers(Matcher.equal("severity", "warning")).equal("cluster").build())
                .timeInterval(TimeInterval.of("weekend", TimePeriod.builder().weekdays("saturday", "sunday").build()))
                .build();
    }

    @Test
    void writesInAStableOrderAndQuotesWhatYamlWouldRetype() {
        AlertmanagerConfig c = AlertmanagerConfig.builder()
                .route(Route.to("null").route(Route.builder().match("enabled", "true").match("code", "010")
                        .match("n", "null")))
                .receiver(Receiver.of("null"))
                .build();
        assertThat(AlertmanagerYaml.write(c)).isEqualTo("""
                route:
                  receiver: "null"
                  routes:
                    - match:
                        enabled: "true"
                        code: "010"
                        "n": "null"
                receivers:
                  - name: "null"
                """);
    }

    @Test
    void readsBackWhatItWrites() {
        AlertmanagerConfig c = sample();
        String yaml = AlertmanagerYaml.write(c);
        assertThat(AlertmanagerYaml.read(yaml)).isEqualTo(c);
        assertThat(yaml).contains("hunter2").contains("R0UT1NG");
    }

    @Test
    void secretsNeverAppearInToStringOrProblems() {
        AlertmanagerConfig c = sample();
        String all = c + " " + c.receivers() + " " + c.global().orElseThrow();
        assertThat(all).doesNotContain("hunter2").doesNotContain("R0UT1NG").doesNotContain("T0KEN")
                .contains("<secret>");
        var problems = AlertmanagerYaml.check("""
                route: {receiver: x}
                receivers: [{name: x, webhook_configs: [{url: 'gopher://h/T0KEN'}]}]
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.toString()).doesNotContain("T0KEN");
    }

    @Test
    void unknownFieldsAreProblemsWithTheirPaths() {
        assertThatThrownBy(() -> AlertmanagerYaml.read("""
                route: {receiver: x, routes: [{reciever: y}]}
                receivers: [{name: x, slack_configs: [{api_url: 'http://h', chanel: a}]}]
                """))
                .isInstanceOf(AlertmanagerConfigException.class)
                .hasMessage("""
                        invalid Alertmanager configuration (2 problems):
                          route.routes[0].reciever: unknown field "reciever"
                          receivers[0].slack_configs[0].chanel: unknown field "chanel\"""");
    }

    @Test
    void buildCollectsEveryProblem() {
        assertThatThrownBy(() -> AlertmanagerConfig.builder()
                .route(Route.to("a").route(Route.to("b").matcher("x=\"")).groupInterval("0s"))
                .receiver(Receiver.of("a"), Receiver.of("a"))
                .build())
                .isInstanceOf(AlertmanagerConfigException.class)
                .satisfies(e -> assertThat(((AlertmanagerConfigException) e).problems()).extracting(ConfigProblem::toString)
                        .containsExactly(
                                "receivers[1].name: notification config name \"a\" is not unique",
                                "route.group_interval: group_interval cannot be zero",
                                "route.routes[0].receiver: undefined receiver \"b\" used in route",
                                "route.routes[0].matchers[0]: matcher value contains unescaped double quote: \""));
    }

    @Test
    void routingFollowsContinueAndDefault() {
        Routing r = Routing.of(sample());
        assertThat(r.receivers(Map.of("team", "db", "severity", "page"))).containsExactly("db");
        assertThat(r.receivers(Map.of("team", "db", "severity", "page", "env", "true", "service", "a")))
                .containsExactly("db", "hook");
        assertThat(r.receivers(Map.of("service", "a"))).containsExactly("default");
    }
}
