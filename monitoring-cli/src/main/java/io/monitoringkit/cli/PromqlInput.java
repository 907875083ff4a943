package io.monitoringkit.cli;

import io.monitoringkit.promql.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What the {@code promql} commands share: the {@code --experimental} option and reading standard input. */
final class PromqlInput {
    @Option(names = "--experimental",
            description = "Accept the functions Prometheus 3.x gates behind its experimental-functions flag "
                    + "(sort_by_label, limitk, mad_over_time, double_exponential_smoothing, info, ...).")
    boolean experimental;

    ParseOptions parseOptions() {
        return ParseOptions.defaults().withExperimentalFunctions(experimental);
    }

    static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    /**
     * The next line of {@code reader} without its terminator ({@code \n}, or {@code \r\n}); only {@code \n}
     * ends a line, so a stray {@code \r} stays in the line it belongs to. Empty at end of input.
     */
    static Optional<String> readLine(Reader reader) {
        StringBuilder sb = new StringBuilder();
        try {
            int c;
            while ((c = reader.read()) != -1) {
                if (c == '\n') {
                    return Optional.of(stripCarriageReturn(sb));
                }
                sb.append((char) c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
        return sb.length() == 0 ? Optional.empty() : Optional.of(stripCarriageReturn(sb));
    }

    private static String stripCarriageReturn(StringBuilder sb) {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
    }
}
