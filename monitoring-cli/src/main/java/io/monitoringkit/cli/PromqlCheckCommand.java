package io.monitoringkit.cli;

import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.PromQLPrinter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mkit promql check --each-line [--experimental]}: one expression per input line; for each line exactly
 * one output line, {@code ok<TAB>compact form} or {@code error<TAB>line:col<TAB>message}; exit 0 when all are
 * ok, 1 otherwise. Conformance tooling depends on this contract; keep it exact.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        description = {"Check PromQL expressions, one per line of standard input.",
                "For each input line prints exactly one line: 'ok<TAB><compact form>' or "
                        + "'error<TAB><line>:<col><TAB><message>'. Exits with 0 when all are ok, 1 otherwise."})
final class PromqlCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PromqlInput input;

    @Option(names = "--each-line", required = true,
            description = "Read one expression per line of standard input (the only mode so far).")
    boolean eachLine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader reader = new BufferedReader(new InputStreamReader(Mkit.stdin(spec), StandardCharsets.UTF_8));
        boolean allOk = true;
        Optional<String> line;
        while ((line = PromqlInput.readLine(reader)).isPresent()) {
            String verdict;
            try {
                verdict = "ok\t" + PromQLPrinter.compact(PromQL.parse(line.get(), input.parseOptions()));
            } catch (PromQLParseException e) {
                verdict = "error\t" + e.line() + ":" + e.column() + "\t" + e.reason();
                allOk = false;
            } catch (RuntimeException | StackOverflowError e) {
                // a parser bug must not break the one-line-per-input contract
                verdict = "error\t1:1\tinternal error: " + e;
                allOk = false;
            }
            out.print(oneLine(verdict) + "\n");
            out.flush();
        }
        return allOk ? 0 : Mkit.EXIT_PROBLEMS;
    }

    /** Keeps the verdict on one line whatever the message holds. */
    private static String oneLine(String verdict) {
        return verdict.replace("\r", "\\r").replace("\n", "\\n");
    }
}
