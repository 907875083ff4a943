package io.monitoringkit.benchmarks;

import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Throughput of the PromQL parser on realistic expressions: every {@code eval} expression of Prometheus' own
 * PromQL test scripts (when {@code ../shared/reference/promqltest} exists relative to the working directory,
 * or the directory given with {@code -p corpus=DIR}), else a built-in generated corpus of typical dashboard and
 * alerting expressions. Only expressions our parser accepts are kept, so every operation is a successful parse.
 *
 * <p>One benchmark operation parses the whole corpus once. The auxiliary counters report
 * {@code expressions} (expressions/second) and {@code megabytes} (MB/s of UTF-8 source). Side by side in the
 * same run, {@link #scanBaseline} is the floor: one pass over the same characters that only classifies them
 * into token boundaries (no tokens, no tree), i.e. the cost of touching the input at all.
 *
 * <p>Run on demand (never by the test command), from the repository root:
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar PromQLParse
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PromQLParseBenchmark {

    private static final Pattern EVAL = Pattern.compile(
            "^\\s*eval(?:_\\w+)?\\s+(?:instant(?:\\s+at\\s+\\S+)?|range\\s+from\\s+\\S+\\s+to\\s+\\S+\\s+step\\s+\\S+)"
                    + "\\s+(.+?)\\s*$");
    private static final ParseOptions OPTIONS = ParseOptions.defaults().withExperimentalFunctions(true);

    /** Directory of {@code *.test} scripts; when it does not exist the built-in corpus is used. */
    @Param("../shared/reference/promqltest")
    public String corpus;

    private String[] expressions;
    private long bytes;

    /** Per-operation counters, reported by JMH as rates next to the operation throughput. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Expressions parsed (or scanned): expressions/second. */
        public long expressions;
        /** Megabytes of source parsed (or scanned): MB/second. */
        public double megabytes;
    }

    /** Loads the corpus and keeps the expressions the parser accepts. */
    @Setup(Level.Trial)
    public void load() {
        List<String> candidates = fromScripts(Path.of(corpus));
        String origin = "promqltest scripts in " + Path.of(corpus).toAbsolutePath().normalize();
        if (candidates.isEmpty()) {
            candidates = generated(2000);
            origin = "built-in generated corpus";
        }
        List<String> accepted = new ArrayList<>();
        int rejected = 0;
        for (String e : candidates) {
            try {
                PromQL.parse(e, OPTIONS);
                accepted.add(e);
            } catch (PromQLParseException notSupported) {
                rejected++;
            }
        }
        if (accepted.isEmpty()) {
            throw new IllegalStateException("the parser accepts none of the " + candidates.size()
                    + " expressions from " + origin);
        }
        expressions = accepted.toArray(new String[0]);
        bytes = accepted.stream().mapToLong(e -> e.getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.printf("%nPromQLParseBenchmark corpus: %d expressions, %d bytes from %s (%d rejected, left out)%n",
                expressions.length, bytes, origin, rejected);
    }

    private static List<String> fromScripts(Path dir) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".test")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    Matcher m = EVAL.matcher(line);
                    if (m.matches()) {
                        out.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Typical dashboard and alerting expressions, composed deterministically. */
    static List<String> generated(int n) {
        String[] metrics = {"http_requests_total", "node_cpu_seconds_total", "up", "process_resident_memory_bytes",
            "http_request_duration_seconds_bucket", "kube_pod_container_status_restarts_total"};
        String[] matchers = {"", "{job=\"api\"}", "{code=~\"5..\",job=\"api\"}",
            "{mode!=\"idle\",instance=~\".+:9100\"}", "{namespace=\"prod\",pod!~\"canary-.*\"}"};
        String[] ranges = {"1m", "5m", "1h", "30s"};
        String[] aggs = {"sum", "avg", "max", "min", "count"};
        String[] groups = {"job", "instance", "namespace, pod", "le", "job, le"};
        Random r = new Random(42);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sel = metrics[r.nextInt(metrics.length)] + matchers[r.nextInt(matchers.length)];
            String range = ranges[r.nextInt(ranges.length)];
            String agg = aggs[r.nextInt(aggs.length)];
            String by = groups[r.nextInt(groups.length)];
            out.add(switch (r.nextInt(8)) {
                case 0 -> sel;
                case 1 -> "rate(" + sel + "[" + range + "])";
                case 2 -> agg + " by (" + by + ") (rate(" + sel + "[" + range + "]))";
                case 3 -> "histogram_quantile(0.99, sum by (le) (rate(" + sel + "[" + range + "])))";
                case 4 -> agg + " by (" + by + ") (rate(" + sel + "[" + range + "])) / on (" + by + ") group_left "
                        + agg + " by (" + by + ") (rate(" + sel + "[" + range + "])) > 0.05";
                case 5 -> "max_over_time(" + agg + "(" + sel + ")[1h:1m] offset 1d) - " + sel + " @ end()";
                case 6 -> "label_replace(" + sel + ", \"dst\", \"$1\", \"instance\", \"(.*):.*\") unless " + sel;
                default -> "-(" + sel + " * 2 ^ 3 + time()) and on () (count(" + sel + ") > bool 3)";
            });
        }
        return out;
    }

    /** Parses every expression of the corpus (experimental functions on). */
    @Benchmark
    public void parse(Counters c, Blackhole bh) {
        for (String e : expressions) {
            Expr parsed = PromQL.parse(e, OPTIONS);
            bh.consume(parsed);
        }
        c.expressions += expressions.length;
        c.megabytes += bytes / 1e6;
    }

    /**
     * The floor: one pass over the same characters that counts token boundaries (changes between identifier,
     * digit, space, quote and punctuation classes) without building tokens or a tree.
     */
    @Benchmark
    public void scanBaseline(Counters c, Blackhole bh) {
        long boundaries = 0;
        for (String e : expressions) {
            int previous = -1;
            for (int i = 0; i < e.length(); i++) {
                char ch = e.charAt(i);
                int cls = Character.isLetter(ch) || ch == '_' || ch == ':' ? 0
                        : Character.isDigit(ch) ? 1
                        : Character.isWhitespace(ch) ? 2
                        : ch == '"' || ch == '\'' || ch == '`' ? 3 : 4;
                if (cls != previous || cls == 4) {
                    boundaries++;
                }
                previous = cls;
            }
        }
        bh.consume(boundaries);
        c.expressions += expressions.length;
        c.megabytes += bytes / 1e6;
    }
}
