package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkit;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MkitTest {

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun run = mkit("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("mkit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpListsTheCommandGroupsAndExitCodes() {
        CliRun run = mkit("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Usage: mkit [-hV] COMMAND\n")
                .contains("monitoring-kit: Prometheus monitoring as code, in Java, tested like code.")
                .containsPattern("\n  promql +Format and check PromQL expressions")
                .containsPattern("\n  metrics +Check metric expositions")
                .containsPattern("\n  help +Display help information about the specified command.")
                .endsWith("""

                        Exit codes:
                          0   success
                          1   problems found in the input
                          2   invalid usage
                          3   lint problems (mkit metrics check, as promtool check metrics)
                          70  internal error
                        """);
    }

    @Test
    void helpCommandShowsASubcommandsUsage() {
        CliRun run = mkit("help", "promql");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: mkit promql [-hV] COMMAND\n");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = mkit();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Missing required subcommand\nUsage: mkit [-hV] COMMAND\n");
    }

    @Test
    void groupWithoutCommandIsAUsageError() {
        CliRun run = mkit("promql");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required subcommand\nUsage: mkit promql [-hV] COMMAND\n");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = mkit("--nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option: '--nope'\n");
    }
}
