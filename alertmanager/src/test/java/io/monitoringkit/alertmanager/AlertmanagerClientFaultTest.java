package io.monitoringkit.alertmanager;

import io.monitoringkit.http.HttpTransport;
import io.monitoringkit.http.RetryPolicy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault cases of the API v2 client against MockWebServer: enqueue, call, take the request, assert. */
class AlertmanagerClientFaultTest {
    private MockWebServer server;
    private HttpTransport http;
    private AlertmanagerClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        http = HttpTransport.builder(server.url("/am/").toString())
                .retryPolicy(RetryPolicy.none())
                .build();
        client = AlertmanagerClient.of(http);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private static AlertmanagerApiException.Kind kindOf(Throwable e) {
        return ((AlertmanagerApiException) e).kind();
    }

    @Test
    void serverErrorKeepsTheServersMessage() {
        server.enqueue(new MockResponse.Builder().code(500).body("\"boom: store broken\"").build());
        assertThatThrownBy(() -> client.receivers())
                .isInstanceOf(AlertmanagerApiException.class)
                .hasMessageContaining("answered HTTP 500: boom: store broken")
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(AlertmanagerApiException.Kind.SERVER_ERROR));
    }

    @Test
    void nonJsonSuccessIsABadResponse() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>proxy login</html>").build());
        assertThatThrownBy(() -> client.silences())
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(AlertmanagerApiException.Kind.BAD_RESPONSE))
                .hasMessageContaining("not JSON");
    }

    @Test
    void silenceWithoutIdInTheAnswerIsABadResponse() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        assertThatThrownBy(() -> client.createSilence(AlertmanagerClient.SilenceSpec.of(
                List.of(Matcher.equal("a", "b")), Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "me", "c")))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(AlertmanagerApiException.Kind.BAD_RESPONSE));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/am/api/v2/silences");
        assertThat(request.getBody().utf8()).isEqualTo("{\"matchers\":[{\"name\":\"a\",\"value\":\"b\","
                + "\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\"1970-01-01T00:00:00Z\","
                + "\"endsAt\":\"1970-01-01T00:01:00Z\",\"createdBy\":\"me\",\"comment\":\"c\"}");
    }

    @Test
    void filtersGoToTheQueryString() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
        client.alerts(AlertmanagerClient.AlertFilter.all().activeOnly().matching(Matcher.regex("team", "db|web")));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().queryParameter("filter")).isEqualTo("team=~\"db|web\"");
        assertThat(request.getUrl().queryParameter("silenced")).isEqualTo("false");
        assertThat(request.getUrl().queryParameter("active")).isEqualTo("true");
    }

    @Test
    void unreachableServerIsUnavailable() {
        server.close();
        assertThatThrownBy(() -> client.status())
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(AlertmanagerApiException.Kind.UNAVAILABLE));
    }
}
