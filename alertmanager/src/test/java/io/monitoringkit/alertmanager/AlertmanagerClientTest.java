package io.monitoringkit.alertmanager;

import io.monitoringkit.alertmanager.AlertmanagerClient.AlertFilter;
import io.monitoringkit.alertmanager.AlertmanagerClient.PostableAlert;
import io.monitoringkit.alertmanager.AlertmanagerClient.SilenceSpec;
import io.monitoringkit.http.HttpTransport;
import io.monitoringkit.testkit.AlertmanagerServer;
import io.monitoringkit.testkit.ToolServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API v2 client against a real Alertmanager 0.25. */
class AlertmanagerClientTest {
    @RegisterExtension
    static final ToolServerExtension<AlertmanagerServer> AM = ToolServerExtension.of(AlertmanagerServer.builder()
            .config("""
                    route:
                      receiver: default
                      group_by: [alertname]
                      group_wait: 1s
                      routes:
                        - matchers: [team=db]
                          receiver: db
                    receivers: [{name: default}, {name: db}]
                    """));

    private static HttpTransport http;
    private static AlertmanagerClient client;

    @BeforeAll
    static void connect() {
        http = HttpTransport.builder(AM.server().baseUri().toString()).build();
        client = AlertmanagerClient.of(http);
    }

    @AfterAll
    static void close() {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void statusAndReceiversDescribeTheServer() {
        AlertmanagerClient.Status status = client.status();
        assertThat(status.version()).startsWith("0.");
        assertThat(status.configYaml()).contains("receiver: default");
        assertThat(status.uptime()).isBefore(Instant.now().plusSeconds(1));
        assertThat(client.receivers()).containsExactlyInAnyOrder("default", "db");
    }

    @Test
    void postedAlertsAreListedFilteredAndGrouped() {
        client.postAlerts(List.of(
                new PostableAlert(Map.of("alertname", "DiskFull", "team", "db", "case", "post"),
                        Map.of("summary", "disk is full"), java.util.Optional.empty(), java.util.Optional.empty(),
                        "http://prometheus/graph"),
                PostableAlert.of(Map.of("alertname", "Slow", "team", "web", "case", "post"))));
        List<AlertmanagerClient.Alert> db = client.alerts(AlertFilter.all()
                .matching(Matcher.equal("case", "post"), Matcher.equal("team", "db")));
        assertThat(db).singleElement().satisfies(a -> {
            assertThat(a.labels()).containsEntry("alertname", "DiskFull");
            assertThat(a.annotations()).containsEntry("summary", "disk is full");
            assertThat(a.receivers()).containsExactly("db");
            assertThat(a.fingerprint()).isNotEmpty();
        });
        assertThat(client.alerts(AlertFilter.all().matching(Matcher.regex("case", "po.*")))).hasSize(2);
        assertThat(client.alertGroups()).anySatisfy(g -> {
            assertThat(g.receiver()).isEqualTo("db");
            assertThat(g.labels()).containsEntry("alertname", "DiskFull");
        });
    }

    @Test
    void silencesAreCreatedUpdatedMuteAlertsAndExpire() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        client.postAlerts(List.of(PostableAlert.of(Map.of("alertname", "Noisy", "case", "silence"))));
        String id = client.createSilence(SilenceSpec.of(List.of(Matcher.equal("case", "silence")), now,
                now.plusSeconds(3600), "tester", "maintenance"));
        AlertmanagerClient.Silence s = client.silence(id);
        assertThat(s.state()).isEqualTo("active");
        assertThat(s.spec().matchers()).containsExactly(Matcher.equal("case", "silence"));
        assertThat(s.spec().createdBy()).isEqualTo("tester");
        assertThat(client.silences()).extracting(AlertmanagerClient.Silence::id).contains(id);
        assertThat(client.alerts(AlertFilter.all().matching(Matcher.equal("case", "silence"))))
                .singleElement().satisfies(a -> {
                    assertThat(a.state()).isEqualTo("suppressed");
                    assertThat(a.silencedBy()).containsExactly(id);
                });

        String updated = client.updateSilence(id, SilenceSpec.of(List.of(Matcher.regex("case", "silence|other")),
                now, now.plusSeconds(7200), "tester", "longer"));
        assertThat(client.silence(updated).spec().comment()).isEqualTo("longer");

        client.expireSilence(updated);
        assertThat(client.silence(updated).state()).isEqualTo("expired");
    }

    @Test
    void errorsAreTyped() {
        assertThatThrownBy(() -> client.silence("00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(AlertmanagerApiException.class)
                .satisfies(e -> assertThat(((AlertmanagerApiException) e).kind())
                        .isEqualTo(AlertmanagerApiException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> client.postAlerts(List.of(PostableAlert.of(Map.of("1bad", "x")))))
                .isInstanceOf(AlertmanagerApiException.class)
                .satisfies(e -> {
                    AlertmanagerApiException ae = (AlertmanagerApiException) e;
                    assertThat(ae.kind()).isEqualTo(AlertmanagerApiException.Kind.BAD_REQUEST);
                    assertThat(ae.statusCode()).isEqualTo(400);
                    assertThat(ae.getMessage()).contains("1bad");
                });
    }
}
