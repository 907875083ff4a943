package io.monitoringkit.exposition;

import io.monitoringkit.exposition.internal.TextParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the Prometheus text format 0.0.4 and OpenMetrics 1.0 text, into an {@link Exposition} or, streaming,
 * into an {@link ExpositionHandler}. Input is UTF-8. Anything malformed throws an
 * {@link ExpositionParseException} naming line, column and what was expected; nothing is skipped silently
 * (the text format's free-form {@code #} comments are the one thing ignored, as the format says).
 *
 * <pre>{@code
 * Exposition e = ExpositionParser.parse("""
 *         # TYPE jobs_total counter
 *         jobs_total{queue="a"} 3
 *         """, ExpositionFormat.PROMETHEUS_TEXT);
 *
 * try (InputStream in = response.body().byteStream()) {
 *     ExpositionParser.stream(in, ExpositionFormat.detect(contentType), view -> ingest(view));
 * }
 * }</pre>
 */
public final class ExpositionParser {

    private ExpositionParser() {
    }

    /** @return the parsed exposition. @throws ExpositionParseException when the text is malformed */
    public static Exposition parse(String text, ExpositionFormat format) {
        return parse(text.getBytes(StandardCharsets.UTF_8), format);
    }

    /** @return the parsed exposition. @throws ExpositionParseException when the bytes are malformed */
    public static Exposition parse(byte[] utf8, ExpositionFormat format) {
        ModelBuilder b = new ModelBuilder();
        stream(utf8, format, b);
        return b.build();
    }

    /**
     * Reads the stream to its end (without closing it).
     *
     * @return the parsed exposition
     * @throws ExpositionParseException when the input is malformed
     * @throws IOException when reading fails
     */
    public static Exposition parse(InputStream in, ExpositionFormat format) throws IOException {
        ModelBuilder b = new ModelBuilder();
        stream(in, format, b);
        return b.build();
    }

    /**
     * Parses without building a model: each sample goes to {@code handler} as it is read.
     *
     * @throws ExpositionParseException when the bytes are malformed; samples before the error were handed over
     */
    public static void stream(byte[] utf8, ExpositionFormat format, ExpositionHandler handler) {
        Objects.requireNonNull(handler, "handler");
        TextParser.parse(utf8, utf8.length, Objects.requireNonNull(format, "format") == ExpositionFormat.OPENMETRICS,
                handler);
    }

    /**
     * Parses the stream in chunks, without building a model; the stream is not closed.
     *
     * @throws ExpositionParseException when the input is malformed; samples before the error were handed over
     * @throws IOException when reading fails
     */
    public static void stream(InputStream in, ExpositionFormat format, ExpositionHandler handler)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        TextParser.parse(Objects.requireNonNull(in, "in"),
                Objects.requireNonNull(format, "format") == ExpositionFormat.OPENMETRICS, handler);
    }

    private static final class ModelBuilder implements ExpositionHandler {
        private final Map<String, List<Sample>> samples = new HashMap<>();
        private final List<MetricFamily> families = new ArrayList<>();
        private String lastFamily;
        private List<Sample> last;

        @Override
        public void sample(SampleView view) {
            String f = view.familyName();
            if (!f.equals(lastFamily)) {
                lastFamily = f;
                last = samples.computeIfAbsent(f, k -> new ArrayList<>());
            }
            // names were checked by the parser; skip the re-validation of Sample.of
            last.add(Sample.trusted(view.name(), view.labels(), view.value(), view.timestampMillis(),
                    view.hasTimestamp(), view.exemplar().orElse(null)));
        }

        @Override
        public void family(MetricFamily family) {
            List<Sample> s = samples.get(family.name());
            families.add(s == null ? family : family.withSamples(s));
        }

        Exposition build() {
            return new Exposition(families);
        }
    }
}
