package io.monitoringkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveDisplayTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final LiveDisplay live = new LiveDisplay(out, new FrameRenderer(FrameRenderer.Style.PLAIN_ASCII));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace("\u001b", "\\e");
    }

    @Test
    void redrawsEachFrameOverThePreviousOneWithTheCursorHidden() {
        live.start(List.of("ignored: the frame has its own header"));
        live.draw(List.of("a", "b", "c"));
        live.draw(List.of("A", "B", "C"));
        live.finish();

        assertThat(printed()).isEqualTo("\\e[?25l"
                + "\\e[2Ka\n\\e[2Kb\n\\e[2Kc\n"
                + "\\e[3F\\e[2KA\n\\e[2KB\n\\e[2KC\n"
                + "\\e[?25h");
    }

    @Test
    void clearsWhatAShorterFrameLeavesBelowIt() {
        live.draw(List.of("a", "b", "c"));
        live.draw(List.of("A"));
        live.draw(List.of("x", "y"));

        assertThat(printed()).isEqualTo("\\e[2Ka\n\\e[2Kb\n\\e[2Kc\n"
                + "\\e[3F\\e[2KA\n\\e[J"
                + "\\e[1F\\e[2Kx\n\\e[2Ky\n");
    }

    @Test
    void showsTheCursorOnceHoweverOftenItIsFinished() {
        live.start(List.of());
        live.finish();
        live.finish();   // Ctrl-C: the shutdown hook may finish after the run did

        assertThat(printed()).isEqualTo("\\e[?25l\\e[?25h");
    }

    @Test
    void aStepDrawsTheRenderedFrame() {
        live.step(Frames.incidentFrame(), List.of());

        assertThat(printed()).startsWith("\\e[2K monitoring-kit demo - checkout-service at http://127.0.0.1:8080\n")
                .contains("\\e[2K HighLatency                   ..........ppFFFFFFF             FIRING   00:12:00\n");
    }
}
