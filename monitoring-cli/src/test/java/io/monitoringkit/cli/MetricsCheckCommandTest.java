package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkitWithStdin;
import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsCheckCommandTest {

    private static final String LINTY = """
            # TYPE jobs counter
            jobs{queueName="a"} 1
            # HELP ok_total Fine.
            # TYPE ok_total counter
            ok_total 1
            ok_total 2
            """;

    @Test
    void cleanInputExitsZeroSilently() {
        CliRun run = mkitWithStdin("# HELP up Up.\n# TYPE up gauge\nup 1\n", "metrics", "check");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void lintProblemsGoToStandardErrorOnePerLineWithExitThree() {
        CliRun run = mkitWithStdin(LINTY, "metrics", "check");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("""
                jobs counter metrics should have "_total" suffix
                jobs label names should be written in 'snake_case' not 'camelCase'
                jobs no help text
                """);
    }

    @Test
    void ourChecksAreOptInAndMarked() {
        CliRun run = mkitWithStdin(LINTY, "metrics", "check", "--mkit-checks");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).endsWith("ok_total has duplicate series ok_total{}; Prometheus rejects the scrape (mkit)\n");
    }

    @Test
    void unparsableInputExitsOneWithThePosition() {
        CliRun run = mkitWithStdin("up 1\n# TYPE up gauge\n", "metrics", "check");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error while linting: line 2, column 8: second TYPE line for metric \"up\", "
                + "or TYPE after its samples\n");
    }

    @Test
    void readsOpenMetricsOnRequest() {
        CliRun run = mkitWithStdin("# TYPE jobs counter\njobs_total 1\n# EOF\n", "metrics", "check", "--openmetrics");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("jobs_total no help text\n");
    }

    @Test
    void sameOutputAndExitCodeAsPromtool() {
        Promtool promtool = Promtool.locate();
        for (String input : List.of(LINTY, "# HELP up Up.\n# TYPE up gauge\nup 1\n", "up 1\n# TYPE up gauge\n")) {
            CommandResult real = promtool.checkMetrics(input);
            CliRun ours = mkitWithStdin(input, "metrics", "check");
            assertThat(ours.exitCode()).as(real.describe()).isEqualTo(real.exitCode());
            if (real.exitCode() != 1) {
                assertThat(ours.err()).as(real.describe()).isEqualTo(real.stderr());
            }
        }
    }
}
