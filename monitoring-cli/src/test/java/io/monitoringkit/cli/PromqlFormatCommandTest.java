package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkit;
import static io.monitoringkit.cli.CliRun.mkitWithStdin;
import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.PromQLPrinter;
import org.junit.jupiter.api.Test;

class PromqlFormatCommandTest {

    private static final String RATIO = "sum by(job)(rate(http_requests_total{code=~\"5..\"}[5m])) / on(job) "
            + "group_left sum by(job)(rate(http_requests_total[5m]))";

    @Test
    void invalidExpressionPrintsLineColonColumnAndExitsOne() {
        PromQLParseException expected = Parser.errorOf("sum(rate(x[5m])", ParseOptions.defaults());

        CliRun run = mkit("promql", "format", "sum(rate(x[5m])");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(expected.line() + ":" + expected.column() + ": " + expected.reason() + "\n");
    }

    @Test
    void invalidExpressionMessageIsPrometheusWording() {
        Parser.assumeRealParser();

        CliRun run = mkit("promql", "format", "sum(rate(x[5m])");

        assertThat(run.err()).isEqualTo("1:16: unclosed left parenthesis\n");
    }

    @Test
    void compactPrintsTheCanonicalSingleLine() {
        Parser.assumeRealParser();

        CliRun run = mkit("promql", "format", "--compact", RATIO);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / on (job) "
                + "group_left () sum by (job) (rate(http_requests_total[5m]))\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void defaultIsThePrettyForm() {
        Parser.assumeRealParser();

        CliRun run = mkit("promql", "format", RATIO);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(PromQLPrinter.pretty(PromQL.parse(RATIO)) + "\n");
    }

    @Test
    void readsTheExpressionFromStandardInputWhenNoneIsGiven() {
        Parser.assumeRealParser();

        CliRun run = mkitWithStdin("sum by(job)(\n  up\n)\n", "promql", "format", "--compact");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("sum by (job) (up)\n");
    }

    @Test
    void errorPositionsCountLinesOfStandardInput() {
        String text = "sum(\n  rate(x[5m]\n";
        PromQLParseException expected = Parser.errorOf(text, ParseOptions.defaults());

        CliRun run = mkitWithStdin(text, "promql", "format");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(expected.line() + ":" + expected.column() + ": " + expected.reason() + "\n");
    }

    @Test
    void experimentalFunctionsNeedTheFlag() {
        Parser.assumeRealParser();
        String expr = "sort_by_label(up, \"job\")";

        CliRun without = mkit("promql", "format", "--compact", expr);
        CliRun with = mkit("promql", "format", "--compact", "--experimental", expr);

        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.err()).matches("1:\\d+: .*sort_by_label.*\n");
        assertThat(with.exitCode()).isZero();
        assertThat(with.out()).isEqualTo("sort_by_label(up, \"job\")\n");
    }

    @Test
    void moreThanOneExpressionIsAUsageError() {
        CliRun run = mkit("promql", "format", "up", "down");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unmatched argument at index 3: 'down'\n");
    }

    @Test
    void helpDescribesTheOptions() {
        CliRun run = mkit("promql", "format", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: mkit promql format [-hV] [--compact] [--experimental] [EXPR]\n")
                .contains("--compact").contains("--experimental").contains("standard input");
    }
}
