package io.monitoringkit.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.NativeHistogram;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.QueryStats;
import io.monitoringkit.query.Series;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streaming decoder of Prometheus HTTP API responses: reads the envelope ({@code status}, {@code data},
 * {@code errorType}, {@code error}, {@code warnings}, {@code infos}) with a Jackson {@link JsonParser} and hands the
 * {@code data} value to a {@link DataReader}. Query results go straight into primitive arrays: no tree, no boxed
 * samples. Unknown fields are skipped.
 */
public final class ApiDecoder {
    /** The shared factory; parsers are not shared. */
    public static final JsonFactory FACTORY = new JsonFactory();

    private ApiDecoder() {
    }

    /**
     * Reads the {@code data} value; the parser is on its first token.
     *
     * @param <T> the decoded type
     */
    @FunctionalInterface
    public interface DataReader<T> {
        /** @return the decoded data */
        T read(JsonParser p) throws IOException;
    }

    /**
     * The decoded envelope.
     *
     * @param <T> the data type
     */
    public static final class Envelope<T> {
        /** The {@code status} field, {@code ""} if absent. */
        public String status = "";
        /** The decoded data, when {@link #hasData}. */
        public T data;
        /** Whether a non-null {@code data} was present. */
        public boolean hasData;
        /** The {@code errorType}, {@code ""} if absent. */
        public String errorType = "";
        /** The {@code error}, {@code ""} if absent. */
        public String error = "";
        /** The warnings. */
        public List<String> warnings = List.of();
        /** The infos. */
        public List<String> infos = List.of();
    }

    /** Reads a whole response envelope. */
    public static <T> Envelope<T> readEnvelope(JsonParser p, DataReader<T> reader) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new DecodeException("expected a JSON object but the body starts with " + describe(t));
        }
        Envelope<T> env = new Envelope<>();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            t = p.nextToken();
            switch (field) {
                case "status" -> env.status = string(p, t, "status");
                case "data" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        env.data = reader.read(p);
                        env.hasData = true;
                    }
                }
                case "errorType" -> env.errorType = string(p, t, "errorType");
                case "error" -> env.error = string(p, t, "error");
                case "warnings" -> env.warnings = stringList(p, t, "warnings");
                case "infos" -> env.infos = stringList(p, t, "infos");
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new DecodeException("expected the end of the response object but found " + describe(t));
        }
        return env;
    }

    // ------------------------------------------------------------------ query results

    /** What a query's {@code data} holds before warnings and infos are known. */
    public static final class QueryData {
        String resultType = "";
        final QueryResult.Vector.Builder vector = QueryResult.Vector.builder();
        final List<Series> series = new ArrayList<>();
        boolean sawVector;
        boolean sawMatrix;
        boolean sawScalar;
        long scalarTime;
        String scalarText;
        QueryStats stats;

        /** @return the final result with the envelope's warnings and infos. */
        public QueryResult finish(List<String> warnings, List<String> infos) {
            QueryResult.Notes notes = new QueryResult.Notes(warnings, infos, Optional.ofNullable(stats));
            String type = resultType.isEmpty()
                    ? sawMatrix ? "matrix" : sawScalar ? "scalar" : "vector"
                    : resultType;
            switch (type) {
                case "vector":
                    if (sawMatrix || sawScalar) {
                        throw new DecodeException("resultType is vector but the result holds "
                                + (sawMatrix ? "series with \"values\"" : "a scalar"));
                    }
                    return vector.notes(notes).build();
                case "matrix":
                    if (sawVector || sawScalar) {
                        throw new DecodeException("resultType is matrix but the result holds "
                                + (sawVector ? "samples with \"value\"" : "a scalar"));
                    }
                    return QueryResult.Matrix.of(series, notes);
                case "scalar":
                    requireScalar(type);
                    return QueryResult.Scalar.of(scalarTime, Numbers.parseValue(scalarText), notes);
                case "string":
                    requireScalar(type);
                    return QueryResult.StringValue.of(scalarTime, scalarText, notes);
                default:
                    throw new DecodeException("unknown resultType \"" + type
                            + "\"; expected vector, matrix, scalar or string");
            }
        }

        private void requireScalar(String type) {
            if (!sawScalar) {
                throw new DecodeException("resultType is " + type + " but the result is not a [time, value] pair");
            }
        }
    }

    /** Decodes the {@code data} of query and query_range into primitive arrays. Reusable per response only. */
    public static final class QueryReader implements DataReader<QueryData> {
        private final Series.Builder seriesBuilder = Series.builder();
        private final LinkedHashMap<String, String> labelMap = new LinkedHashMap<>();
        private final Map<String, String> valueCache = new HashMap<>();

        @Override
        public QueryData read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new DecodeException("expected \"data\" to be an object but found " + describe(p.currentToken()));
            }
            QueryData d = new QueryData();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                t = p.nextToken();
                switch (field) {
                    case "resultType" -> d.resultType = string(p, t, "resultType");
                    case "result" -> readResult(p, t, d);
                    case "stats" -> d.stats = readStats(p, t);
                    default -> p.skipChildren();
                }
            }
            return d;
        }

        private void readResult(JsonParser p, JsonToken t, QueryData d) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new DecodeException("expected \"result\" to be an array but found " + describe(t));
            }
            t = p.nextToken();
            if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
                // scalar or string: [time, "value"]
                d.sawScalar = true;
                d.scalarTime = timestamp(p, t);
                t = p.nextToken();
                d.scalarText = string(p, t, "the scalar value");
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw new DecodeException("expected [time, value] but the array has more elements");
                }
                return;
            }
            for (; t == JsonToken.START_OBJECT; t = p.nextToken()) {
                readSeries(p, d);
            }
            if (t != JsonToken.END_ARRAY) {
                throw new DecodeException("expected a series object in \"result\" but found " + describe(t));
            }
        }

        private void readSeries(JsonParser p, QueryData d) throws IOException {
            Labels labels = Labels.empty();
            Series.Builder b = seriesBuilder;
            boolean vectorValue = false;
            long vTime = 0;
            double vValue = 0;
            NativeHistogram vHist = null;
            boolean matrix = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                t = p.nextToken();
                switch (field) {
                    case "metric" -> labels = labels(p, t);
                    case "value" -> {
                        requireArray(t, "value");
                        p.nextToken();
                        vTime = timestamp(p, p.currentToken());
                        vValue = value(p, p.nextToken());
                        endPair(p);
                        vectorValue = true;
                    }
                    case "histogram" -> {
                        requireArray(t, "histogram");
                        vTime = timestamp(p, p.nextToken());
                        p.nextToken();
                        vHist = histogram(p);
                        endPair(p);
                    }
                    case "values" -> {
                        matrix = true;
                        if (t == JsonToken.VALUE_NULL) {
                            break;
                        }
                        requireArray(t, "values");
                        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
                            long ts = timestamp(p, p.nextToken());
                            double v = value(p, p.nextToken());
                            endPair(p);
                            b.add(ts, v);
                        }
                        if (t != JsonToken.END_ARRAY) {
                            throw new DecodeException("expected a [time, value] pair in \"values\" but found "
                                    + describe(t));
                        }
                    }
                    case "histograms" -> {
                        matrix = true;
                        if (t == JsonToken.VALUE_NULL) {
                            break;
                        }
                        requireArray(t, "histograms");
                        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
                            long ts = timestamp(p, p.nextToken());
                            p.nextToken();
                            b.addHistogram(ts, histogram(p));
                            endPair(p);
                        }
                        if (t != JsonToken.END_ARRAY) {
                            throw new DecodeException("expected a [time, histogram] pair in \"histograms\" but found "
                                    + describe(t));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (matrix) {
                if (vectorValue || vHist != null) {
                    throw new DecodeException("a series has both \"value\" and \"values\"");
                }
                d.sawMatrix = true;
                d.series.add(b.labels(labels).build());
            } else {
                d.sawVector = true;
                if (vHist != null) {
                    d.vector.addHistogram(labels, vTime, vHist);
                }
                if (vectorValue) {
                    d.vector.add(labels, vTime, vValue);
                } else if (vHist == null) {
                    throw new DecodeException("a result series has neither \"value\", \"values\", \"histogram\" nor "
                            + "\"histograms\" (labels " + labels + ")");
                }
            }
        }

        /** Reads a label object, deduplicating values across series. */
        public Labels labels(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw new DecodeException("expected a label object but found " + describe(t));
            }
            labelMap.clear();
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new DecodeException("label \"" + name + "\" has " + describe(p.currentToken())
                            + " value; label values are strings");
                }
                String v = p.getText();
                if (valueCache.size() < 65_536) {
                    String prev = valueCache.putIfAbsent(v, v);
                    if (prev != null) {
                        v = prev;
                    }
                } else {
                    String prev = valueCache.get(v);
                    if (prev != null) {
                        v = prev;
                    }
                }
                labelMap.put(name, v);
            }
            return labelMap.isEmpty() ? Labels.empty() : Labels.from(labelMap);
        }
    }

    private static void requireArray(JsonToken t, String field) {
        if (t != JsonToken.START_ARRAY) {
            throw new DecodeException("expected \"" + field + "\" to be an array but found " + describe(t));
        }
    }

    private static void endPair(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.END_ARRAY) {
            throw new DecodeException("expected the end of a [time, value] pair but found " + describe(t));
        }
    }

    /** @return a timestamp token as milliseconds. */
    public static long timestamp(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
            try {
                return Numbers.parseTimestampMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } catch (NumberFormatException e) {
                throw new DecodeException("\"" + p.getText() + "\" is not a timestamp");
            }
        }
        throw new DecodeException("expected a timestamp but found " + describe(t));
    }

    /** @return a sample value token (a string such as "1", "NaN", "+Inf") as a double. */
    public static double value(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            try {
                return Numbers.parseValue(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } catch (NumberFormatException e) {
                throw new DecodeException("\"" + p.getText() + "\" is not a sample value");
            }
        }
        throw new DecodeException("expected a sample value but found " + describe(t));
    }

    private static NativeHistogram histogram(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT) {
            throw new DecodeException("expected a histogram object but found " + describe(t));
        }
        double count = 0;
        double sum = 0;
        List<NativeHistogram.Bucket> buckets = new ArrayList<>();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            t = p.nextToken();
            switch (field) {
                case "count" -> count = value(p, t);
                case "sum" -> sum = value(p, t);
                case "buckets" -> {
                    if (t == JsonToken.VALUE_NULL) {
                        break;
                    }
                    requireArray(t, "buckets");
                    while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
                        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                            throw new DecodeException("expected a bucket boundary rule (0..3) but found "
                                    + describe(p.currentToken()));
                        }
                        int rule = p.getIntValue();
                        if (rule < 0 || rule > 3) {
                            throw new DecodeException(rule + " is not a bucket boundary rule; expected 0..3");
                        }
                        double lower = value(p, p.nextToken());
                        double upper = value(p, p.nextToken());
                        double c = value(p, p.nextToken());
                        if (p.nextToken() != JsonToken.END_ARRAY) {
                            throw new DecodeException("a bucket has more than 4 elements");
                        }
                        buckets.add(new NativeHistogram.Bucket(NativeHistogram.BoundaryRule.fromCode(rule), lower,
                                upper, c));
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new NativeHistogram(count, sum, buckets);
    }

    private static QueryStats readStats(JsonParser p, JsonToken t) throws IOException {
        Object any = readAny(p, t);
        if (!(any instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        if (m.get("timings") instanceof Map<?, ?> tm) {
            tm.forEach((k, v) -> {
                if (v instanceof Number n) {
                    timings.put(String.valueOf(k), n.doubleValue());
                }
            });
        }
        long total = 0;
        long peak = 0;
        if (m.get("samples") instanceof Map<?, ?> sm) {
            total = sm.get("totalQueryableSamples") instanceof Number n ? n.longValue() : 0;
            peak = sm.get("peakSamples") instanceof Number n ? n.longValue() : 0;
        }
        return new QueryStats(timings, total, peak);
    }

    // ------------------------------------------------------------------ lists

    /** Reads {@code [ {labels}, ... ]} (series). */
    public static List<Labels> readLabelSets(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        requireArray(t, "data");
        QueryReader labelsReader = new QueryReader();
        List<Labels> out = new ArrayList<>();
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            out.add(labelsReader.labels(p, t));
        }
        if (t != JsonToken.END_ARRAY) {
            throw new DecodeException("expected a label set but found " + describe(t));
        }
        return out;
    }

    /** Reads {@code ["a", "b"]}. */
    public static List<String> readStrings(JsonParser p) throws IOException {
        return stringList(p, p.currentToken(), "data");
    }

    private static List<String> stringList(JsonParser p, JsonToken t, String field) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        requireArray(t, field);
        List<String> out = new ArrayList<>();
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            out.add(p.getText());
        }
        if (t != JsonToken.END_ARRAY) {
            throw new DecodeException("expected strings in \"" + field + "\" but found " + describe(t));
        }
        return out;
    }

    private static String string(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new DecodeException("expected " + (field.startsWith("the ") ? field : "\"" + field + "\"")
                    + " to be a string but found " + describe(t));
        }
        return p.getText();
    }

    // ------------------------------------------------------------------ generic values (small responses)

    /**
     * Reads any JSON value into maps (insertion-ordered), lists, strings, numbers (Long or Double), booleans and
     * {@code null}. For the small status and metadata responses only.
     */
    public static Object readAny(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new DecodeException("the body ended in the middle of a value");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, readAny(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(readAny(p, t));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return p.getDoubleValue();
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new DecodeException("unexpected " + describe(t));
        }
    }

    /** @return a readable name of a token. */
    public static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the body";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case END_OBJECT -> "the end of an object";
            case START_ARRAY -> "an array";
            case END_ARRAY -> "the end of an array";
            case FIELD_NAME -> "a field name";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
