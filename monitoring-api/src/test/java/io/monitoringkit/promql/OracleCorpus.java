package io.monitoringkit.promql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hand-written PromQL corpus of the oracle tests ({@code oracle-corpus.promql} next to this class): one
 * expression per line; {@code "# "} starts a comment line; {@code ⏎} (U+23CE) stands for a newline; a trailing
 * {@code "  #! key"} marks an expression on which Prometheus 2.42 and 3.x legitimately differ.
 */
final class OracleCorpus {

    static final String RESOURCE = "oracle-corpus.promql";
    private static final String MARK = "  #! ";

    /**
     * One corpus expression.
     *
     * @param line       1-based line in the resource
     * @param expr       the expression (newlines restored)
     * @param difference the known-difference key, if marked
     */
    record Entry(int line, String expr, Optional<String> difference) {
        /** @return the expression on one line, for test names. */
        String shown() {
            return expr.replace("\n", "⏎");
        }
    }

    private OracleCorpus() {
    }

    static List<Entry> load() {
        String text;
        try (InputStream in = Objects.requireNonNull(OracleCorpus.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.equals("#") || l.startsWith("# ")) {
                continue;
            }
            Optional<String> key = Optional.empty();
            int mark = l.lastIndexOf(MARK);
            if (mark >= 0) {
                key = Optional.of(l.substring(mark + MARK.length()).strip());
                l = l.substring(0, mark);
            }
            out.add(new Entry(i + 1, l.replace('⏎', '\n'), key));
        }
        return List.copyOf(out);
    }
}
