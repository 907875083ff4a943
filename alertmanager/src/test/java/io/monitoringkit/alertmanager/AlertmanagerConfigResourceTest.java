package io.monitoringkit.alertmanager;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerConfigResourceTest {

    @Test
    void writesTheResourceWithSecretReferencesAndTheSecret() {
        AlertmanagerConfig c = AlertmanagerConfig.builder()
                .route(Route.to("hook").groupBy("alertname")
                        .route(Route.to("pager").match("severity", "critical").matchRe("team", "db|web")))
                .receiver(Receiver.of("hook", NotifierConfig.webhook("https://h.example/T0KEN").sendResolved(true).build()))
                .receiver(Receiver.of("pager", NotifierConfig.pagerDuty(Secret.of("K3Y")).build()))
                .build();
        AlertmanagerConfigResource cr = AlertmanagerConfigResource.of(c, "checkout", "shop");
        assertThat(cr.problems()).isEmpty();
        assertThat(cr.toYaml()).isEqualTo("""
                apiVersion: monitoring.coreos.com/v1alpha1
                kind: AlertmanagerConfig
                metadata:
                  name: checkout
                  namespace: shop
                spec:
                  route:
                    receiver: hook
                    groupBy:
                      - alertname
                    routes:
                      - receiver: pager
                        matchers:
                          - name: severity
                            value: critical
                            matchType: =
                          - name: team
                            value: db|web
                            matchType: =~
                  receivers:
                    - name: hook
                      webhookConfigs:
                        - urlSecret:
                            name: checkout-alertmanager-config
                            key: hook-webhook-0-url
                          sendResolved: true
                    - name: pager
                      pagerdutyConfigs:
                        - routingKey:
                            name: checkout-alertmanager-config
                            key: pager-pagerduty-0-routing_key
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: checkout-alertmanager-config
                  namespace: shop
                type: Opaque
                stringData:
                  hook-webhook-0-url: https://h.example/T0KEN
                  pager-pagerduty-0-routing_key: K3Y
                """);
        assertThat(cr.toString()).doesNotContain("T0KEN").doesNotContain("K3Y");
    }

    @Test
    void operatorViewOnlyRoutesAlertsOfTheResourcesNamespace() {
        AlertmanagerConfig c = AlertmanagerConfig.builder()
                .route(Route.to("team").route(Route.to("pager").matchers(Matcher.equal("severity", "critical"))))
                .receiver(Receiver.of("team"), Receiver.of("pager"))
                .build();
        Routing routing = Routing.of(AlertmanagerConfigResource.of(c, "r", "shop").operatorView());
        assertThat(routing.receivers(Map.of("severity", "critical"))).containsExactly("<none>");
        assertThat(routing.receivers(Map.of("severity", "critical", "namespace", "other"))).containsExactly("<none>");
        assertThat(routing.receivers(Map.of("severity", "critical", "namespace", "shop"))).containsExactly("pager");
        assertThat(routing.receivers(Map.of("namespace", "shop"))).containsExactly("team");
    }

    @Test
    void reportsWhatTheResourceCannotHold() {
        AlertmanagerConfig c = AlertmanagerConfig.builder()
                .global(GlobalConfig.builder().smtpFrom("a@b").build())
                .route(Route.to("x")).receiver(Receiver.of("x")).template("t/*.tmpl")
                .timeInterval(TimeInterval.of("w", TimePeriod.builder().location("Europe/Berlin").build()))
                .build();
        assertThat(AlertmanagerConfigResource.of(c, "r", "ns").problems()).extracting(ConfigProblem::path)
                .containsExactly("global", "templates", "time_intervals[0].time_intervals[0].location");
    }
}
