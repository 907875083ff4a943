package io.monitoringkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PlainDisplayTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheHeaderThenOneLinePerMinuteAndEveryStateChangeAsItHappens() {
        PlainDisplay d = new PlainDisplay(out, Duration.ofMinutes(1));
        ViewState v = new ViewState(Frames.PANELS, List.of("HighErrorRatio"), Duration.ofMinutes(2));
        d.start(List.of("monitoring-kit demo", "30s of real time"));
        for (int s = 0; s <= 120; s += 15) {
            Map<String, AlertState> active = s >= 45 && s < 105
                    ? Map.of("HighErrorRatio", s >= 75 ? AlertState.FIRING : AlertState.PENDING) : Map.of();
            Map<String, OptionalDouble> values = s == 0 ? Map.of() : Map.of(
                    "request rate", OptionalDouble.of(4.5), "error ratio", OptionalDouble.of(s / 1000.0),
                    "p99 latency", OptionalDouble.of(0.012));
            List<ViewState.Transition> changes = v.update(Duration.ofSeconds(s), values, active);
            d.step(v.frame("t", "s", s < 60 ? "steady traffic" : "error burst", ""), changes);
        }
        d.finish();

        assertThat(printed()).isEqualTo("""
                monitoring-kit demo
                30s of real time
                00:00:00  request rate -  error ratio -  p99 latency -  | steady traffic
                00:00:45  HighErrorRatio: inactive -> pending
                00:01:00  request rate 4.50 req/s  error ratio 6.00 %  p99 latency 12 ms  | error burst | pending: HighErrorRatio
                00:01:15  HighErrorRatio: pending -> FIRING
                00:01:45  HighErrorRatio: FIRING -> resolved
                00:02:00  request rate 4.50 req/s  error ratio 12.00 %  p99 latency 12 ms  | error burst
                """);
        assertThat(printed()).doesNotContain("\u001b").matches("\\p{ASCII}*");
    }

    @Test
    void showsAFailedQueryOnTheStatusLine() {
        Frame f = new Frame("t", "s", Duration.ofMinutes(3), Duration.ofMinutes(30), "steady traffic", List.of(),
                List.of(new Frame.AlertRow("A", AlertState.FIRING, java.util.Optional.empty(), List.of())),
                "query failed: connection refused");

        assertThat(PlainDisplay.statusLine(f))
                .isEqualTo("00:03:00  | steady traffic | firing: A | query failed: connection refused");
    }
}
