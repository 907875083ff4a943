package io.monitoringkit.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.ToolException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void capturesExitCodeAndBothOutputsSeparately() {
        CommandResult result = ProcessRunner.run(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3"), null,
                null, TIMEOUT);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.command()).containsExactly("/bin/sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(result.duration()).isPositive();
    }

    @Test
    void feedsStandardInputAsUtf8() {
        CommandResult result = ProcessRunner.run(List.of("/bin/cat"), null,
                "x{a=\"ä\"} 1\n".getBytes(StandardCharsets.UTF_8), TIMEOUT);

        assertThat(result.stdout()).isEqualTo("x{a=\"ä\"} 1\n");
    }

    @Test
    void standardInputIsClosedWhenThereIsNone() {
        CommandResult result = ProcessRunner.run(List.of("/bin/cat"), null, null, TIMEOUT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void largeOutputOnBothStreamsDoesNotBlock() {
        String script = "i=0; while [ $i -lt 20000 ]; do echo line-$i; echo err-$i >&2; i=$((i+1)); done";

        CommandResult result = ProcessRunner.run(List.of("/bin/sh", "-c", script), null, null, TIMEOUT);

        assertThat(result.stdout().lines()).hasSize(20000).endsWith("line-19999");
        assertThat(result.stderr().lines()).hasSize(20000);
    }

    @Test
    void runsInTheGivenDirectory(@TempDir Path dir) {
        CommandResult result = ProcessRunner.run(List.of("/bin/sh", "-c", "pwd -P"), dir, null, TIMEOUT);

        assertThat(result.stdout().strip()).isEqualTo(dir.toFile().getAbsoluteFile().toPath().toString());
    }

    @Test
    void killsACommandThatOverrunsItsTimeout() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> ProcessRunner.run(List.of("/bin/sh", "-c", "echo begun; exec sleep 30"), null, null,
                Duration.ofMillis(300)))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("'/bin/sh -c echo begun; exec sleep 30' did not finish within 300 ms and was "
                        + "killed\n--- stdout ---\nbegun\n");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(Reaper.liveProcesses()).isZero();
    }

    @Test
    void aBinaryThatCannotStartIsAToolException() {
        assertThatThrownBy(() -> ProcessRunner.run(List.of("/nonexistent/promtool"), null, null, TIMEOUT))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("cannot start '/nonexistent/promtool': ");
    }
}
