package io.monitoringkit.benchmarks;

import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * Parsing throughput of {@link PromQL#parse(String, ParseOptions)} (lex, parse, type-check, build the records)
 * over a corpus of expressions, side by side with a baseline that only splits the same text into tokens with a
 * java.util.regex tokenizer (no tree, no checks): the parser should not be slower than naive tokenizing.
 *
 * <p>The corpus is every {@code eval} expression of Prometheus' promqltest scripts when
 * {@code -Dmonitoringkit.shared=...} points at the shared reference folder, else a built-in list. Each operation
 * parses the whole corpus once; divide by the printed corpus size for expressions per second, or use the bytes
 * printed at setup for MB/s.
 *
 * <pre>{@code
 * java -Dmonitoringkit.shared=../shared -jar benchmarks/target/benchmarks.jar PromQLParserBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PromQLParserBenchmark {

    private static final Pattern EVAL = Pattern.compile(
            "^eval(?:_\\w+)?\\s+(?:instant\\s+(?:at\\s+\\S+)?|range\\s+from\\s+\\S+\\s+to\\s+\\S+\\s+step\\s+\\S+)\\s+(.+)$");

    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|#[^\\n]*|\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`|[a-zA-Z_:][a-zA-Z0-9_:]*"
                    + "|(?:0[xX][0-9a-fA-F]+|[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)(?:[smhdwy]|ms)*"
                    + "|==|!=|<=|>=|=~|!~|</|>/|[-+*/%^<>=(){}\\[\\],:@]");

    private static final List<String> BUILT_IN = List.of(
            "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum by (job) (rate(http_requests_total[5m]))",
            "histogram_quantile(0.99, sum by (le, service) (rate(http_request_duration_seconds_bucket[5m])))",
            "max_over_time(deriv(node_filesystem_avail_bytes{fstype!~\"tmpfs|overlay\"}[1h])[1d:5m]) < 0",
            "up == 0",
            "count by (cluster) (kube_pod_status_phase{phase=\"Pending\"} offset 1h) > bool 10",
            "label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\") * on (host) group_left (team) owner",
            "predict_linear(node_filesystem_free_bytes[6h], 4 * 3600) < 0 and node_filesystem_size_bytes > 1e9",
            "topk(5, sum without (pod, instance) (rate(container_cpu_usage_seconds_total[5m] @ end())))",
            "-x ^ 2 + 1 - (y % 3) atan2 z unless w or v",
            "absent(up{job=\"node\"} offset -5m)");

    private List<String> corpus;

    @Setup(Level.Trial)
    public void load() {
        corpus = new ArrayList<>();
        String shared = System.getProperty("monitoringkit.shared");
        Path dir = shared == null ? null : Path.of(shared, "reference", "promqltest");
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".test")).sorted().toList()) {
                    for (String line : Files.readAllLines(f)) {
                        Matcher m = EVAL.matcher(line.strip());
                        if (m.matches() && parses(m.group(1))) {
                            corpus.add(m.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (corpus.isEmpty()) {
            corpus.addAll(BUILT_IN);
        }
        long chars = corpus.stream().mapToLong(String::length).sum();
        System.out.printf("%ncorpus: %d expressions, %d characters%n", corpus.size(), chars);
    }

    private static boolean parses(String s) {
        try {
            PromQL.parse(s, ParseOptions.defaults().withExperimentalFunctions(true));
            return true;
        } catch (PromQLParseException e) {
            return false;
        }
    }

    /** Lex, parse, type-check and build the tree of every corpus expression. */
    @Benchmark
    public void parseCorpus(Blackhole bh) {
        ParseOptions options = ParseOptions.defaults().withExperimentalFunctions(true);
        for (String s : corpus) {
            Expr e = PromQL.parse(s, options);
            bh.consume(e);
        }
    }

    /** Baseline: only split every corpus expression into tokens with a regular expression. */
    @Benchmark
    public void regexTokenizeCorpus(Blackhole bh) {
        for (String s : corpus) {
            Matcher m = TOKEN.matcher(s);
            int tokens = 0;
            int at = 0;
            while (at < s.length() && m.find(at) && m.start() == at) {
                tokens++;
                at = m.end();
            }
            bh.consume(tokens);
        }
    }
}
