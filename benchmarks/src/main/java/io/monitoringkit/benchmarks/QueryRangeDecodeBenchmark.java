package io.monitoringkit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monitoringkit.client.PrometheusJson;
import io.monitoringkit.client.internal.Numbers;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding a query_range response of 10,000 series x 360 samples (3.6 M samples, Prometheus' exact JSON), three
 * ways side by side:
 * <ul>
 *   <li>{@link #streamingDecoder}: promql-client's decoder (Jackson {@code JsonParser} straight into primitive
 *   arrays), as {@code PrometheusClient} runs it on every response;</li>
 *   <li>{@link #readTreeBaseline}: what a user writes by hand: {@code ObjectMapper.readTree}, then walking the tree
 *   into the same {@link Series} (labels, {@code long[]}, {@code double[]});</li>
 *   <li>{@link #tokenScanFloor}: the floor: every token read and every timestamp and value parsed to a number
 *   (with the same number parsing), nothing kept.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar QueryRangeDecode}. Retained heap per sample:
 * {@code java -cp benchmarks/target/benchmarks.jar io.monitoringkit.benchmarks.RetainedHeap}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class QueryRangeDecodeBenchmark {
    @Param("10000")
    int series;
    @Param("360")
    int samples;

    byte[] body;
    final JsonFactory factory = new JsonFactory();
    final ObjectMapper mapper = new ObjectMapper();

    @Setup(Level.Trial)
    public void generate() {
        body = QueryRangeResponses.generate(series, samples, 42);
    }

    @Benchmark
    public QueryResult streamingDecoder() {
        return PrometheusJson.readQueryResponse(new ByteArrayInputStream(body));
    }

    @Benchmark
    public QueryResult readTreeBaseline() throws IOException {
        JsonNode root = mapper.readTree(new ByteArrayInputStream(body));
        JsonNode result = root.get("data").get("result");
        List<Series> out = new ArrayList<>(result.size());
        for (JsonNode s : result) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.get("metric").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                labels.put(e.getKey(), e.getValue().asText());
            }
            JsonNode values = s.get("values");
            long[] ts = new long[values.size()];
            double[] vs = new double[values.size()];
            for (int i = 0; i < ts.length; i++) {
                JsonNode pair = values.get(i);
                ts[i] = Math.round(pair.get(0).asDouble() * 1000);
                vs[i] = parseGoFloat(pair.get(1).asText());
            }
            out.add(Series.of(Labels.from(labels), ts, vs));
        }
        return QueryResult.Matrix.of(out);
    }

    /** What hand-written code needs on top of Double.parseDouble: Go's infinities. */
    private static double parseGoFloat(String s) {
        return switch (s) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    @Benchmark
    public void tokenScanFloor(Blackhole bh) throws IOException {
        long tsSum = 0;
        double vSum = 0;
        try (JsonParser p = factory.createParser(new ByteArrayInputStream(body))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    tsSum += Numbers.parseTimestampMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                } else if (t == JsonToken.VALUE_STRING && p.getParsingContext().inArray()) {
                    vSum += Numbers.parseValue(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
            }
        }
        bh.consume(tsSum);
        bh.consume(vSum);
    }
}
