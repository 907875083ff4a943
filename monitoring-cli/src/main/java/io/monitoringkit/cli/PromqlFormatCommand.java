package io.monitoringkit.cli;

import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.PromQLPrinter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mkit promql format [--compact] [--experimental] [EXPR]}: prints the canonical form of one expression
 * (pretty by default, one line with {@code --compact}); invalid input prints {@code line:col: message} to
 * standard error and exits 1.
 */
@Command(name = "format",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        description = {"Print a PromQL expression in canonical form: the pretty form of Prometheus' "
                + "/api/v1/format_query, or one line with --compact.",
                "Invalid input prints 'line:col: message' to standard error and exits with 1."})
final class PromqlFormatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PromqlInput input;

    @Option(names = "--compact", description = "Print the single-line form (as Prometheus shows rules).")
    boolean compact;

    @Parameters(arity = "0..1", paramLabel = "EXPR",
            description = "The expression; read from standard input when absent.")
    String expression;

    @Override
    public Integer call() {
        String text = expression != null ? expression : PromqlInput.readAll(Mkit.stdin(spec));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Expr expr;
        try {
            expr = PromQL.parse(text, input.parseOptions());
        } catch (PromQLParseException e) {
            err.print(e.line() + ":" + e.column() + ": " + e.reason() + "\n");
            return Mkit.EXIT_PROBLEMS;
        }
        out.print((compact ? PromQLPrinter.compact(expr) : PromQLPrinter.pretty(expr)) + "\n");
        return 0;
    }
}
