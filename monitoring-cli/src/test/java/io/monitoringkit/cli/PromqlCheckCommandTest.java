package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkit;
import static io.monitoringkit.cli.CliRun.mkitWithStdin;
import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQLParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromqlCheckCommandTest {

    @Test
    void printsExactlyOneLinePerInputLine() {
        String input = "up\n\nsum(\nrate(up)\n  x  +  1 \nlast without newline";

        CliRun run = mkitWithStdin(input, "promql", "check", "--each-line");

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(run.out()).endsWith("\n");
        assertThat(lines).allMatch(l -> l.matches("ok\t[^\t]*|error\t\\d+:\\d+\t[^\t]*"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void errorLinesCarryTheParsersPositionAndReason() {
        PromQLParseException expected = Parser.errorOf("sum(", ParseOptions.defaults());

        CliRun run = mkitWithStdin("sum(\n", "promql", "check", "--each-line");

        assertThat(run.out()).isEqualTo("error\t" + expected.line() + ":" + expected.column() + "\t"
                + expected.reason() + "\n");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void okLinesCarryTheCompactCanonicalForm() {
        Parser.assumeRealParser();

        CliRun run = mkitWithStdin("sum by(job)(rate(x{a=\"b\"}[5m]))\n  x  +  1 \n", "promql", "check",
                "--each-line");

        assertThat(run.out()).isEqualTo("ok\tsum by (job) (rate(x{a=\"b\"}[5m]))\nok\tx + 1\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void mixesVerdictsInInputOrder() {
        Parser.assumeRealParser();
        PromQLParseException typeError = Parser.errorOf("rate(up)", ParseOptions.defaults());

        CliRun run = mkitWithStdin("up\nrate(up)\nup offset 5m\n", "promql", "check", "--each-line");

        assertThat(run.out()).isEqualTo("ok\tup\n"
                + "error\t" + typeError.line() + ":" + typeError.column() + "\t" + typeError.reason() + "\n"
                + "ok\tup offset 5m\n");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void windowsLineEndingsAreNotPartOfTheExpression() {
        Parser.assumeRealParser();

        CliRun run = mkitWithStdin("up\r\nsum(up)\r\n", "promql", "check", "--each-line");

        assertThat(run.out()).isEqualTo("ok\tup\nok\tsum(up)\n");
    }

    @Test
    void experimentalFunctionsNeedTheFlag() {
        Parser.assumeRealParser();
        String line = "limitk(2, up)\n";

        CliRun without = mkitWithStdin(line, "promql", "check", "--each-line");
        CliRun with = mkitWithStdin(line, "promql", "check", "--each-line", "--experimental");

        assertThat(without.out()).matches("error\t1:\\d+\t.*limitk.*\n");
        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(with.out()).isEqualTo("ok\tlimitk(2, up)\n");
        assertThat(with.exitCode()).isZero();
    }

    @Test
    void nonAsciiSurvivesTheRoundTrip() {
        Parser.assumeRealParser();

        CliRun run = mkitWithStdin("x{a=\"ä€😀\"}\n", "promql", "check", "--each-line");

        assertThat(run.out()).isEqualTo("ok\tx{a=\"ä€😀\"}\n");
    }

    @Test
    void emptyInputIsAllOk() {
        CliRun run = mkitWithStdin("", "promql", "check", "--each-line");

        assertThat(run.out()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void eachLineIsRequired() {
        CliRun run = mkit("promql", "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required option: '--each-line'\n");
    }
}
