package io.monitoringkit.benchmarks;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Exposition parsing throughput on a generated ~50 MB exposition ({@link ExpositionCorpus}), side by side with
 * the floor: reading the same bytes line by line ({@code BufferedReader.readLine} over UTF-8). Besides JMH's
 * ops/s (one op = the whole file), the {@code bytes} and {@code samples} secondary results are the throughput in
 * bytes/s and samples/s.
 *
 * <p>Run on demand (never by the test command), from the repository root:
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -Xmx4g -jar benchmarks/target/benchmarks.jar ExpositionParseBenchmark            # full run
 * java -Xmx4g -jar benchmarks/target/benchmarks.jar ExpositionParseBenchmark -f 1 -wi 1 -i 2 -w 5s -r 5s   # brief
 * }</pre>
 * The files are generated once into {@code benchmarks/target/} (about 50 MB each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class ExpositionParseBenchmark {

    private byte[] text;
    private byte[] openMetrics;
    private long textSamples;
    private long openMetricsSamples;

    /** Per-iteration counters, reported by JMH as rates (per second). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        /** Bytes read. */
        public long bytes;
        /** Samples read (0 for the line-reading floor). */
        public long samples;

        /** Resets the counters. */
        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            samples = 0;
        }
    }

    /** Loads (generating on first use) both files. */
    @Setup(Level.Trial)
    public void load() throws IOException {
        text = Files.readAllBytes(ExpositionCorpus.textFormat());
        openMetrics = Files.readAllBytes(ExpositionCorpus.openMetrics());
        long[] n = {0};
        ExpositionParser.stream(text, ExpositionFormat.PROMETHEUS_TEXT, v -> n[0]++);
        textSamples = n[0];
        n[0] = 0;
        ExpositionParser.stream(openMetrics, ExpositionFormat.OPENMETRICS, v -> n[0]++);
        openMetricsSamples = n[0];
        System.out.printf("%ntext format: %.1f MB, %d samples; OpenMetrics: %.1f MB, %d samples%n",
                text.length / 1e6, textSamples, openMetrics.length / 1e6, openMetricsSamples);
    }

    /** The floor: UTF-8 decoding and line splitting only. */
    @Benchmark
    public long readLinesBaseline(Throughput t) throws IOException {
        long lines = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(text),
                StandardCharsets.UTF_8), 64 * 1024)) {
            String line;
            while ((line = r.readLine()) != null) {
                lines += line.length();
            }
        }
        t.bytes += text.length;
        return lines;
    }

    /** Streaming parse of the text format, each sample's value consumed. */
    @Benchmark
    public void streamTextFormat(Throughput t, Blackhole bh) {
        ExpositionParser.stream(text, ExpositionFormat.PROMETHEUS_TEXT, v -> {
            bh.consume(v.labels());
            bh.consume(v.value());
        });
        t.bytes += text.length;
        t.samples += textSamples;
    }

    /** Streaming parse of the same content in OpenMetrics. */
    @Benchmark
    public void streamOpenMetrics(Throughput t, Blackhole bh) {
        ExpositionParser.stream(openMetrics, ExpositionFormat.OPENMETRICS, v -> {
            bh.consume(v.labels());
            bh.consume(v.value());
        });
        t.bytes += openMetrics.length;
        t.samples += openMetricsSamples;
    }

    /** Parse of the text format into the full model. */
    @Benchmark
    public Object parseTextFormatModel(Throughput t) {
        Object model = ExpositionParser.parse(text, ExpositionFormat.PROMETHEUS_TEXT);
        t.bytes += text.length;
        t.samples += textSamples;
        return model;
    }
}
