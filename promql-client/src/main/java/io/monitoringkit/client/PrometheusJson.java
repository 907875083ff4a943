package io.monitoringkit.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.monitoringkit.client.internal.ApiDecoder;
import io.monitoringkit.client.internal.DecodeException;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.HistogramSample;
import io.monitoringkit.query.NativeHistogram;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Prometheus' JSON for query results, both ways: decode a recorded {@code /api/v1/query(_range)} response with the
 * client's streaming decoder, and write a result's {@code data} object exactly as Prometheus renders it
 * (sample timestamps as seconds with three decimals when not whole, as Prometheus' encoder writes them; values
 * as strings in Go's shortest {@code 'f'} form: {@code "3"},
 * {@code "100000000"}, {@code "NaN"}, {@code "+Inf"}).
 *
 * <pre>{@code
 * QueryResult r = PrometheusJson.readQueryResponse(Files.newInputStream(Path.of("response.json")));
 * StringBuilder out = new StringBuilder();
 * PrometheusJson.writeData(r, out);   // {"resultType":"vector","result":[{"metric":{...},"value":[1700003600,"3"]}]}
 * }</pre>
 */
public final class PrometheusJson {
    private PrometheusJson() {
    }

    /**
     * Decodes a whole query or query_range response body.
     *
     * @return the result with its warnings and infos
     * @throws PrometheusApiException for an error response (status 0: not from HTTP) or a body that is not a
     *         query response
     * @throws UncheckedIOException when reading fails
     */
    public static QueryResult readQueryResponse(InputStream in) {
        try (JsonParser p = ApiDecoder.FACTORY.createParser(in)) {
            ApiDecoder.Envelope<ApiDecoder.QueryData> env = ApiDecoder.readEnvelope(p, new ApiDecoder.QueryReader());
            if ("error".equals(env.status) || !env.errorType.isEmpty()) {
                throw PrometheusApiException.of(0, env.errorType, env.error, "JSON input", env.warnings);
            }
            if (!env.hasData) {
                throw new PrometheusApiException.UnexpectedResponseException(0, "the response has no data", "",
                        "JSON input", null);
            }
            return env.data.finish(env.warnings, env.infos);
        } catch (JsonProcessingException | DecodeException e) {
            throw new PrometheusApiException.UnexpectedResponseException(0, "not a Prometheus query response: "
                    + e.getMessage(), "", "JSON input", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the {@code data} object of {@code result} as Prometheus does. */
    public static void writeData(QueryResult result, Appendable out) {
        try {
            out.append("{\"resultType\":\"").append(result.resultType()).append("\",\"result\":");
            if (result instanceof QueryResult.Vector v) {
                out.append('[');
                boolean first = true;
                for (int i = 0; i < v.size(); i++) {
                    out.append(first ? "" : ",").append("{\"metric\":");
                    first = false;
                    writeLabels(v.labels(i), out);
                    out.append(",\"value\":[").append(formatTimestamp(v.timestamp(i))).append(",\"")
                            .append(formatValue(v.value(i))).append("\"]}");
                }
                for (HistogramSample h : v.histogramSamples()) {
                    out.append(first ? "" : ",").append("{\"metric\":");
                    first = false;
                    writeLabels(h.labels(), out);
                    out.append(",\"histogram\":[").append(formatTimestamp(h.timestamp())).append(',');
                    writeHistogram(h.histogram(), out);
                    out.append("]}");
                }
                out.append(']');
            } else if (result instanceof QueryResult.Matrix m) {
                out.append('[');
                for (int s = 0; s < m.size(); s++) {
                    Series series = m.series().get(s);
                    out.append(s == 0 ? "" : ",").append("{\"metric\":");
                    writeLabels(series.labels(), out);
                    if (series.size() > 0) {
                        out.append(",\"values\":[");
                        for (int i = 0; i < series.size(); i++) {
                            out.append(i == 0 ? "[" : ",[").append(formatTimestamp(series.timestamp(i))).append(",\"")
                                    .append(formatValue(series.value(i))).append("\"]");
                        }
                        out.append(']');
                    }
                    if (series.histogramCount() > 0) {
                        out.append(",\"histograms\":[");
                        for (int i = 0; i < series.histogramCount(); i++) {
                            out.append(i == 0 ? "[" : ",[").append(formatTimestamp(series.histogramTimestamp(i)))
                                    .append(',');
                            writeHistogram(series.histogram(i), out);
                            out.append(']');
                        }
                        out.append(']');
                    }
                    out.append('}');
                }
                out.append(']');
            } else if (result instanceof QueryResult.Scalar sc) {
                // scalars and strings go through Go's encoding/json: the time is a float64, printed shortest
                out.append('[').append(formatValue(sc.timestamp() / 1000.0)).append(",\"")
                        .append(formatValue(sc.value())).append("\"]");
            } else if (result instanceof QueryResult.StringValue st) {
                out.append('[').append(formatValue(st.timestamp() / 1000.0)).append(',');
                writeString(st.value(), out);
                out.append(']');
            }
            out.append('}');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeHistogram(NativeHistogram h, Appendable out) throws IOException {
        out.append("{\"count\":\"").append(formatValue(h.count())).append("\",\"sum\":\"").append(formatValue(h.sum()))
                .append("\",\"buckets\":[");
        for (int i = 0; i < h.buckets().size(); i++) {
            NativeHistogram.Bucket b = h.buckets().get(i);
            out.append(i == 0 ? "[" : ",[").append(Integer.toString(b.boundaryRule().code())).append(",\"")
                    .append(formatValue(b.lower())).append("\",\"").append(formatValue(b.upper())).append("\",\"")
                    .append(formatValue(b.count())).append("\"]");
        }
        out.append("]}");
    }

    private static void writeLabels(Labels labels, Appendable out) throws IOException {
        out.append('{');
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(labels.name(i), out);
            out.append(':');
            writeString(labels.value(i), out);
        }
        out.append('}');
    }

    /** @return {@code s} as a JSON string literal, escaped as Go's encoder does. */
    public static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        try {
            writeString(s, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Writes a JSON string as Go's encoder does (HTML-safe escapes for {@code <}, {@code >}, {@code &}). */
    static void writeString(String s, Appendable out) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * @return a sample value as Prometheus writes it: Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}, i.e. the
     *         shortest decimal that reads back to {@code v}, without exponent; {@code NaN}, {@code +Inf},
     *         {@code -Inf}
     */
    public static String formatValue(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                return r.stripTrailingZeros().toPlainString();
            }
        }
        return exact.toPlainString();
    }

    /**
     * @return a timestamp in milliseconds as Prometheus writes it: seconds, and when there is a fraction, a point
     *         and exactly three digits ({@code 1435781451.781}, {@code 1700000000.500}, {@code 1700000000})
     */
    public static String formatTimestamp(long millis) {
        if (millis < 0) {
            return "-" + formatTimestamp(-millis);
        }
        long s = millis / 1000;
        long rem = millis % 1000;
        if (rem == 0) {
            return Long.toString(s);
        }
        return s + "." + (rem < 100 ? rem < 10 ? "00" : "0" : "") + rem;
    }
}
