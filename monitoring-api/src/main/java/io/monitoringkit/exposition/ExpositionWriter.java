package io.monitoringkit.exposition;

import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes an {@link Exposition} in the text format 0.0.4 or in OpenMetrics 1.0, escaping label values and help
 * texts by construction. Law: {@code ExpositionParser.parse(write(x, f), f)} equals {@code x} for every model
 * the format can carry — in particular every model {@link ExpositionParser} produced from that format.
 *
 * <p>The text format cannot carry units, exemplars or the OpenMetrics-only types: it drops the first two and
 * writes gauge histograms as {@code histogram} and info and stateset as {@code gauge}, as the client libraries
 * do; and like Prometheus' own parser ours drops blanks at the start of a text-format help text. Families are
 * written as they are (a text-format counter family {@code jobs_total} stays so named); the
 * writer does not rename families between the two shapes.
 *
 * <pre>{@code
 * String text = ExpositionWriter.write(exposition, ExpositionFormat.OPENMETRICS);
 * ExpositionWriter.write(exposition, ExpositionFormat.PROMETHEUS_TEXT, response.getOutputStream());
 * }</pre>
 */
public final class ExpositionWriter {

    private ExpositionWriter() {
    }

    /** @return the exposition as text. */
    public static String write(Exposition exposition, ExpositionFormat format) {
        StringBuilder sb = new StringBuilder();
        try {
            write(exposition, format, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Writes the exposition as UTF-8 (the stream is not closed). */
    public static void write(Exposition exposition, ExpositionFormat format, OutputStream out) throws IOException {
        out.write(write(exposition, format).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends the exposition.
     *
     * @throws IllegalArgumentException when an exemplar's labels are invalid or too long for OpenMetrics
     */
    public static void write(Exposition exposition, ExpositionFormat format, Appendable out) throws IOException {
        boolean om = format == ExpositionFormat.OPENMETRICS;
        StringBuilder sb = new StringBuilder(256);
        for (MetricFamily f : exposition.families()) {
            if (om) {
                sb.append("# TYPE ").append(f.name()).append(' ').append(f.type().openMetricsName()).append('\n');
                if (!f.unit().isEmpty()) {
                    sb.append("# UNIT ").append(f.name()).append(' ').append(f.unit()).append('\n');
                }
                if (!f.help().isEmpty()) {
                    sb.append("# HELP ").append(f.name()).append(' ');
                    escape(sb, f.help(), true);
                    sb.append('\n');
                }
            } else {
                if (!f.help().isEmpty()) {
                    sb.append("# HELP ").append(f.name()).append(' ');
                    escape(sb, f.help(), false);
                    sb.append('\n');
                }
                sb.append("# TYPE ").append(f.name()).append(' ').append(f.type().textName()).append('\n');
            }
            out.append(sb);
            sb.setLength(0);
            for (Sample s : f.samples()) {
                sb.append(s.name());
                labels(sb, s.labels());
                sb.append(' ');
                number(sb, s.value());
                if (s.timestampMillis().isPresent()) {
                    sb.append(' ');
                    timestamp(sb, s.timestampMillis().getAsLong(), om);
                }
                if (om && s.exemplar().isPresent()) {
                    Exemplar e = s.exemplar().get();
                    checkExemplar(e, s);
                    sb.append(" # ");
                    if (e.labels().isEmpty()) {
                        sb.append("{}");
                    } else {
                        labels(sb, e.labels());
                    }
                    sb.append(' ');
                    number(sb, e.value());
                    if (e.timestampMillis().isPresent()) {
                        sb.append(' ');
                        timestamp(sb, e.timestampMillis().getAsLong(), true);
                    }
                }
                sb.append('\n');
                out.append(sb);
                sb.setLength(0);
            }
        }
        if (om) {
            out.append("# EOF\n");
        }
    }

    private static void checkExemplar(Exemplar e, Sample s) {
        int chars = 0;
        for (int i = 0; i < e.labels().size(); i++) {
            Names.requireLegacyLabelName(e.labels().name(i));
            chars += e.labels().name(i).codePointCount(0, e.labels().name(i).length())
                    + e.labels().value(i).codePointCount(0, e.labels().value(i).length());
        }
        if (chars > Exemplar.MAX_LABEL_CHARS) {
            throw new IllegalArgumentException("exemplar of \"" + s.name() + "\" has " + chars
                    + " characters of labels; OpenMetrics allows at most " + Exemplar.MAX_LABEL_CHARS);
        }
    }

    private static void labels(StringBuilder sb, Labels labels) {
        if (labels.isEmpty()) {
            return;
        }
        sb.append('{');
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(labels.name(i)).append("=\"");
            escape(sb, labels.value(i), true);
            sb.append('"');
        }
        sb.append('}');
    }

    private static void escape(StringBuilder sb, String s, boolean quote) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '"' && quote) {
                sb.append("\\\"");
            } else {
                sb.append(c);
            }
        }
    }

    static void number(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            sb.append("NaN");
        } else if (v == Double.POSITIVE_INFINITY) {
            sb.append("+Inf");
        } else if (v == Double.NEGATIVE_INFINITY) {
            sb.append("-Inf");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15 && (v != 0 || 1 / v > 0)) {
            sb.append((long) v);
        } else {
            sb.append(v);
        }
    }

    private static void timestamp(StringBuilder sb, long millis, boolean seconds) {
        if (!seconds) {
            sb.append(millis);
        } else if (millis % 1000 == 0) {
            sb.append(millis / 1000);
        } else {
            sb.append(BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString());
        }
    }
}
