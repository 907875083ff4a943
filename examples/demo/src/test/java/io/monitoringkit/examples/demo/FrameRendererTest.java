package io.monitoringkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FrameRendererTest {

    @Test
    void drawsAFrameInAsciiWithoutColour() {
        List<String> lines = new FrameRenderer(FrameRenderer.Style.PLAIN_ASCII).render(Frames.incidentFrame());

        assertThat(String.join("\n", lines) + "\n").isEqualTo("""
                 monitoring-kit demo - checkout-service at http://127.0.0.1:8080
                 in-process PromQL engine - 1s = 1m

                 time 00:18:00 / 00:30:00     [##################------------]  60%
                 phase                        error burst: 12% of requests fail

                 request rate      4.00 req/s   ##*##*##*##*##*##*
                 error ratio      12.00 %       _________:=+######
                 p99 latency        498 ms      ........##########

                 alert                        timeline                       state    since
                 HighErrorRatio                ............ppFFFFF             FIRING   00:14:00
                 HighLatency                   ..........ppFFFFFFF             FIRING   00:12:00
                 ErrorBudgetFastBurn           .............p.....             inactive 00:14:00
                 ErrorBudgetSlowBurnWithAVer~  ...................             inactive

                 Ctrl-C stops
                """);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void drawsAFrameInUnicodeWithColour() {
        List<String> lines = new FrameRenderer(new FrameRenderer.Style(true, true)).render(Frames.incidentFrame());

        assertThat(String.join("\n", lines).replace("\u001b", "\\e")).isEqualTo("""
                \\e[1m monitoring-kit demo - checkout-service at http://127.0.0.1:8080\\e[0m
                \\e[2m in-process PromQL engine - 1s = 1m\\e[0m

                 time 00:18:00 / 00:30:00     \\e[36m[██████████████████░░░░░░░░░░░░]\\e[0m  60%
                 phase                        error burst: 12% of requests fail

                 request rate      4.00 req/s \\e[36m  ██▇██▇██▇██▇██▇██▇\\e[0m
                 error ratio      12.00 %     \\e[36m  ▁▁▁▁▁▁▁▁▁▃▅▆██████\\e[0m
                 p99 latency        498 ms    \\e[36m  ▂▂▂▂▂▂▂▂██████████\\e[0m

                \\e[2m alert                        timeline                       state    since\\e[0m
                 HighErrorRatio                \\e[2m············\\e[0m\\e[33m▒▒\\e[0m\\e[1;31m█████\\e[0m             \\e[1;31mFIRING  \\e[0m 00:14:00
                 HighLatency                   \\e[2m··········\\e[0m\\e[33m▒▒\\e[0m\\e[1;31m███████\\e[0m             \\e[1;31mFIRING  \\e[0m 00:12:00
                 ErrorBudgetFastBurn           \\e[2m·············\\e[0m\\e[33m▒\\e[0m\\e[2m·····\\e[0m             \\e[2minactive\\e[0m 00:14:00
                 ErrorBudgetSlowBurnWithAVer…  \\e[2m···················\\e[0m             \\e[2minactive\\e[0m

                \\e[2m Ctrl-C stops\\e[0m""");
    }

    @Test
    void colourAndUnicodeOnlyChangeTheDecorationNotTheLayout() {
        Frame f = Frames.incidentFrame();
        List<String> ascii = new FrameRenderer(FrameRenderer.Style.PLAIN_ASCII).render(f);
        List<String> fancy = new FrameRenderer(new FrameRenderer.Style(true, true)).render(f);

        assertThat(fancy).hasSameSizeAs(ascii);
        for (int i = 0; i < ascii.size(); i++) {
            String visible = fancy.get(i).replaceAll("\u001b\\[[0-9;]*m", "");
            assertThat(visible.length()).as("line %d", i).isEqualTo(ascii.get(i).length());
        }
    }

    @Test
    void showsADashWhenAQueryReturnedNothingAndNaNAsNa() {
        Frame f = new Frame("t", "s", Duration.ZERO, Duration.ofMinutes(30), "steady traffic",
                List.of(new Frame.Panel("error ratio", Unit.RATIO, OptionalDouble.empty(), List.of()),
                        new Frame.Panel("p99 latency", Unit.SECONDS, OptionalDouble.of(Double.NaN),
                                List.of(Double.NaN))),
                List.of(), "");

        List<String> lines = new FrameRenderer(FrameRenderer.Style.PLAIN_ASCII).render(f);

        assertThat(lines).contains(
                " time 00:00:00 / 00:30:00     [------------------------------]   0%",
                " error ratio          -        ",
                " p99 latency        n/a         ");
    }

    @Test
    void cutsLinesThatWouldWrapAndBreakTheRedraw() {
        String error = "query failed: POST http://127.0.0.1:9090/api/v1/query failed after 3 attempts in 760 ms: "
                + "ConnectException: Failed to connect to /127.0.0.1:9090";
        Frame f = new Frame("t".repeat(100), "s", Duration.ZERO, Duration.ofMinutes(30), "p", List.of(), List.of(),
                error);

        List<String> ascii = new FrameRenderer(FrameRenderer.Style.PLAIN_ASCII).render(f);
        List<String> fancy = new FrameRenderer(new FrameRenderer.Style(false, true)).render(f);

        assertThat(ascii.get(0)).hasSize(80).endsWith("t~");
        assertThat(ascii.get(ascii.size() - 1))
                .isEqualTo(" query failed: POST http://127.0.0.1:9090/api/v1/query failed after 3 attempts ~");
        assertThat(fancy.get(fancy.size() - 1)).hasSize(80).endsWith("attempts …");
    }

    @Test
    void formatsEachUnit() {
        assertThat(Unit.REQUESTS_PER_SECOND.format(4.166)).isEqualTo("4.17 req/s");
        assertThat(Unit.RATIO.format(0.1234)).isEqualTo("12.34 %");
        assertThat(Unit.SECONDS.format(0.4975)).isEqualTo("498 ms");
        assertThat(Unit.SECONDS.format(0.005)).isEqualTo("5.0 ms");
        assertThat(Unit.SECONDS.format(12.5)).isEqualTo("12.5 s");
        assertThat(Unit.SECONDS.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf s");
        assertThat(Unit.RATIO.format(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void printsServiceTimeAsAClock() {
        assertThat(FrameRenderer.clock(Duration.ofSeconds(3723))).isEqualTo("01:02:03");
        assertThat(FrameRenderer.clock(Duration.ofHours(100))).isEqualTo("100:00:00");
    }
}
