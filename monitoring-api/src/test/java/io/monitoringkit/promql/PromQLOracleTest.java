package io.monitoringkit.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.PrometheusServer;
import io.monitoringkit.testkit.Promtool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our parser and printer against the real Prometheus 2.42, batched: the {@link OracleCorpus} (hundreds of
 * hand-written expressions, valid and invalid, covering every grammar rule and static type check) goes into
 * ONE rule file with one recording rule per expression ({@code r0001}, ...), checked by ONE
 * {@code promtool check rules} run (promtool reports every broken rule with its index); the accepted ones go
 * into the rule file of ONE Prometheus server, whose {@code /api/v1/rules} gives Prometheus' rendering of each
 * ({@code query}) and whose {@code /api/v1/format_query} gives its pretty form.
 * <ul>
 *   <li>verdicts: our parser (default options) accepts exactly what promtool accepts;</li>
 *   <li>renderings: for accepted expressions our compact form equals the server's {@code query} and our pretty
 *   form equals {@code format_query}'s;</li>
 *   <li>the expressions on which 2.42 and 3.x (our target) legitimately differ are marked in the corpus and
 *   checked against {@link KnownDifference}, which asserts each difference explicitly.</li>
 * </ul>
 * Skipped loudly (by monitoring-testkit) when prometheus or promtool is not installed.
 */
class PromQLOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the oracle and our parser made of one corpus expression. */
    record Observed(OracleCorpus.Entry entry, Optional<String> promtoolError, Optional<String> serverQuery,
                    Optional<String> serverPretty, Optional<Expr> ours, Optional<PromQLParseException> ourError) {

        String describe() {
            return "line " + entry.line() + ": " + entry.shown() + "\n  promtool: "
                    + promtoolError.map(e -> "rejects: " + e).orElse("accepts")
                    + serverQuery.map(q -> "\n  server query: " + q).orElse("")
                    + "\n  ours: " + ours.map(e -> "accepts as " + PromQLPrinter.compact(e))
                    .orElseGet(() -> "rejects: " + ourError.map(Throwable::getMessage).orElse("?"));
        }
    }

    /**
     * The documented differences between Prometheus 2.42 (the oracle installed here) and Prometheus 3.x (the
     * language we implement) that the corpus exercises. Each corpus expression marked with a key is checked
     * against that difference, so every known difference is itself tested and a new one cannot hide behind it.
     */
    enum KnownDifference {
        /**
         * Prometheus 3.x accepts quoted UTF-8 metric and label names ({@code {"foo.bar"}},
         * {@code x{"my.label"="v"}}, {@code by ("my.label")}, {@code on ("job")}); 2.42's lexer has no quoted
         * names and rejects them with "unexpected string".
         */
        UTF8_NAMES("utf8-names") {
            @Override
            void check(Observed o) {
                assertThat(o.promtoolError()).as("2.42 rejects quoted names").hasValueSatisfying(
                        e -> assertThat(e).contains("unexpected string"));
                assertThat(o.ours()).as("3.x accepts quoted names: %s", o.ourError()).isPresent();
            }
        },
        /**
         * Functions added after 2.42 without an experimental flag ({@code histogram_avg},
         * {@code histogram_stddev}, {@code histogram_stdvar}): 2.42 says "unknown function", 3.x accepts them.
         */
        NEW_FUNCTION("new-function") {
            @Override
            void check(Observed o) {
                assertThat(o.promtoolError()).hasValueSatisfying(
                        e -> assertThat(e).contains("unknown function with name"));
                assertThat(o.ours()).as("3.x knows the function: %s", o.ourError()).isPresent();
            }
        },
        /**
         * {@code holt_winters} exists in 2.x and was removed in 3.0 (it became the experimental
         * {@code double_exponential_smoothing}): 2.42 accepts it, 3.x reports an unknown function.
         */
        REMOVED_FUNCTION("removed-function") {
            @Override
            void check(Observed o) {
                assertThat(o.promtoolError()).as("2.42 accepts holt_winters").isEmpty();
                assertThat(o.ourError()).as("3.x has no holt_winters").hasValueSatisfying(
                        e -> assertThat(e.reason()).contains("unknown function with name \"holt_winters\""));
            }
        },
        /**
         * Number literals are rendered with Go's {@code %v} ({@code 1e+06}, {@code 1e-05}) by 2.42 and with
         * {@code strconv.FormatFloat(v, 'f', -1, 64)} ({@code 1000000}, {@code 0.00001}) since Prometheus 3.3:
         * both accept the expression and mean the same number; only the text differs.
         */
        NUMBER_FORMAT("number-format") {
            @Override
            void check(Observed o) {
                assertThat(o.promtoolError()).isEmpty();
                assertThat(o.ours()).as("%s", o.ourError()).isPresent();
                String theirs = o.serverQuery().orElseThrow();
                String ours = PromQLPrinter.compact(o.ours().get());
                assertThat(theirs).as("2.42 prints an exponent").containsPattern("[0-9]e[+-][0-9]{2}");
                assertThat(ours).as("3.x prints no exponent").doesNotContainPattern("[0-9]e[+-]?[0-9]");
                assertThat(Exprs.withoutParens(PromQL.parse(theirs)))
                        .as("both renderings denote the same expression")
                        .isEqualTo(Exprs.withoutParens(PromQL.parse(ours)));
            }
        },
        /**
         * Prometheus 3.x accepts a bare number of seconds where a duration goes ({@code x[5]},
         * {@code offset 5}, used by its own test scripts: {@code [100] @ 100 offset 50}); 2.42 requires a unit.
         */
        NUMBER_DURATION("number-duration") {
            @Override
            void check(Observed o) {
                assertThat(o.promtoolError()).as("2.42 wants a unit").hasValueSatisfying(
                        e -> assertThat(e).containsAnyOf("missing unit character in duration", "expected duration"));
                assertThat(o.ours()).as("3.x takes seconds: %s", o.ourError()).isPresent();
                assertThat(PromQLPrinter.compact(o.ours().get())).as("printed with a unit").containsPattern("[0-9]s\\b");
            }
        };

        private final String key;

        KnownDifference(String key) {
            this.key = key;
        }

        abstract void check(Observed o);

        static KnownDifference of(String key) {
            return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown difference key '" + key
                            + "'; known: " + Arrays.stream(values()).map(d -> d.key).toList()));
        }
    }

    private static final Pattern PROMTOOL_RULE_ERROR = Pattern.compile("rule (\\d+), \"(r\\d{4})\": (.*)");

    private static List<OracleCorpus.Entry> corpus;
    private static List<Observed> observed;
    private static final Map<String, AtomicInteger> TALLY = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void askTheOracle(@TempDir Path dir) throws IOException {
        corpus = OracleCorpus.load();
        Promtool promtool = Promtool.locate(); // aborts loudly when absent
        if (promtool.version().major() != 2) {
            abort("the oracle corpus is calibrated for Prometheus 2.x (2.42); found " + promtool.version());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            names.add(String.format("r%04d", i + 1));
        }
        Path all = dir.resolve("all.rules.yml");
        Files.writeString(all, ruleFile(names, corpus.stream().map(OracleCorpus.Entry::expr).toList()));
        CommandResult checked = promtool.checkRules(all);
        Map<String, String> errors = new HashMap<>();
        Matcher m = PROMTOOL_RULE_ERROR.matcher(checked.stdout() + "\n" + checked.stderr());
        while (m.find()) {
            errors.put(m.group(2), m.group(3).replaceFirst("^could not parse expression: ", ""));
        }
        if (checked.exitCode() != 0 && errors.isEmpty()) {
            throw new AssertionError("promtool failed without naming a rule:\n" + checked.describe());
        }

        List<String> validNames = new ArrayList<>();
        List<String> validExprs = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (!errors.containsKey(names.get(i))) {
                validNames.add(names.get(i));
                validExprs.add(corpus.get(i).expr());
            }
        }
        Map<String, String> queries = new HashMap<>();
        Map<String, String> pretty = new HashMap<>();
        try (PrometheusServer server = PrometheusServer.builder()
                .config("global:\n  evaluation_interval: 1h\nrule_files: [valid.rules.yml]\n")
                .file("valid.rules.yml", ruleFile(validNames, validExprs))
                .start()) {
            JsonNode groups = JSON.readTree(ok(server.get("/api/v1/rules"))).path("data").path("groups");
            for (JsonNode g : groups) {
                for (JsonNode r : g.path("rules")) {
                    queries.put(r.path("name").asText(), r.path("query").asText());
                }
            }
            for (int i = 0; i < validNames.size(); i++) {
                String q = URLEncoder.encode(validExprs.get(i), StandardCharsets.UTF_8);
                JsonNode f = JSON.readTree(ok(server.get("/api/v1/format_query?query=" + q)));
                pretty.put(validNames.get(i), f.path("data").asText());
            }
        }

        List<Observed> out = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            String name = names.get(i);
            OracleCorpus.Entry e = corpus.get(i);
            Optional<Expr> ours = Optional.empty();
            Optional<PromQLParseException> ourError = Optional.empty();
            try {
                ours = Optional.of(PromQL.parse(e.expr()));
            } catch (PromQLParseException rejected) {
                ourError = Optional.of(rejected);
            }
            out.add(new Observed(e, Optional.ofNullable(errors.get(name)), Optional.ofNullable(queries.get(name)),
                    Optional.ofNullable(pretty.get(name)), ours, ourError));
        }
        observed = List.copyOf(out);
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " from " + response.uri() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** A rule file as JSON (a subset of YAML), so every expression is escaped by Jackson. */
    private static String ruleFile(List<String> names, List<String> exprs) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rules = root.putArray("groups").addObject().put("name", "oracle").putArray("rules");
        for (int i = 0; i < names.size(); i++) {
            rules.addObject().put("record", names.get(i)).put("expr", exprs.get(i));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Observed> unmarked() {
        return observed.stream().filter(o -> o.entry().difference().isEmpty());
    }

    private static void tally(String what) {
        TALLY.computeIfAbsent(what, w -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void theCorpusIsLargeAndMixesValidAndInvalidExpressions() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        long accepted = observed.stream().filter(o -> o.promtoolError().isEmpty()).count();
        assertThat(accepted).as("accepted by promtool").isGreaterThan(150);
        assertThat(observed.size() - accepted).as("rejected by promtool").isGreaterThan(100);
        assertThat(observed.stream().filter(o -> o.promtoolError().isEmpty()))
                .as("the server renders every rule promtool accepts")
                .allSatisfy(o -> assertThat(o.serverQuery()).as(o.describe()).isPresent());
    }

    @TestFactory
    Stream<DynamicTest> ourVerdictIsPromtoolsVerdict() {
        return unmarked().map(o -> DynamicTest.dynamicTest("line " + o.entry().line() + ": " + o.entry().shown(),
                () -> {
                    boolean theyAccept = o.promtoolError().isEmpty();
                    boolean weAccept = o.ours().isPresent();
                    if (theyAccept != weAccept) {
                        tally("verdict DISAGREES");
                        fail("verdicts differ\n" + o.describe());
                    }
                    tally("verdict agrees");
                }));
    }

    @TestFactory
    Stream<DynamicTest> ourCompactFormIsTheServersRendering() {
        return unmarked().filter(o -> o.serverQuery().isPresent() && o.ours().isPresent())
                .map(o -> DynamicTest.dynamicTest("line " + o.entry().line() + ": " + o.entry().shown(), () -> {
                    String ours = PromQLPrinter.compact(o.ours().get());
                    if (!ours.equals(o.serverQuery().get())) {
                        tally("compact DISAGREES");
                    } else {
                        tally("compact agrees");
                    }
                    assertThat(ours).as(o.describe()).isEqualTo(o.serverQuery().get());
                }));
    }

    @TestFactory
    Stream<DynamicTest> ourPrettyFormIsFormatQuerys() {
        return unmarked().filter(o -> o.serverPretty().isPresent() && o.ours().isPresent())
                .map(o -> DynamicTest.dynamicTest("line " + o.entry().line() + ": " + o.entry().shown(), () -> {
                    String ours = PromQLPrinter.pretty(o.ours().get());
                    if (!ours.equals(o.serverPretty().get())) {
                        tally("pretty DISAGREES");
                    } else {
                        tally("pretty agrees");
                    }
                    assertThat(ours).as(o.describe()).isEqualTo(o.serverPretty().get());
                }));
    }

    /** Corpus marks {@code #! bug: <component>: <what>} name real bugs of our parser or printer, reported. */
    private static boolean isBug(Observed o) {
        return o.entry().difference().map(k -> k.startsWith("bug:")).orElse(false);
    }

    /**
     * A disagreement with the oracle that is a real, reported bug of another component stays visible: the test
     * asserts that it is still there, so whoever fixes it is told to remove the mark.
     */
    @TestFactory
    Stream<DynamicTest> knownBugsAreStillPresent() {
        return observed.stream().filter(PromQLOracleTest::isBug)
                .map(o -> DynamicTest.dynamicTest("line " + o.entry().line() + ": " + o.entry().shown() + " ["
                        + o.entry().difference().get() + "]", () -> {
                    boolean verdictDiffers = o.promtoolError().isEmpty() != o.ours().isPresent();
                    boolean renderingDiffers = !verdictDiffers && o.ours().isPresent()
                            && !PromQLPrinter.compact(o.ours().get()).equals(o.serverQuery().orElse(""));
                    tally("known bug still present");
                    assertThat(verdictDiffers || renderingDiffers).as("the bug marked at line %d seems fixed: remove "
                            + "its '#! bug:' mark from %s%n%s", o.entry().line(), OracleCorpus.RESOURCE, o.describe())
                            .isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> markedExpressionsShowTheirKnownDifference() {
        return observed.stream().filter(o -> o.entry().difference().isPresent() && !isBug(o))
                .map(o -> DynamicTest.dynamicTest(o.entry().difference().get() + " line " + o.entry().line() + ": "
                        + o.entry().shown(), () -> {
                    try {
                        KnownDifference.of(o.entry().difference().get()).check(o);
                        tally("known difference confirmed");
                    } catch (AssertionError e) {
                        tally("known difference NOT confirmed");
                        throw new AssertionError(o.describe() + "\n" + e.getMessage(), e);
                    }
                }));
    }

    @Test
    void everyKnownDifferenceIsExercisedByTheCorpus() {
        Set<KnownDifference> used = observed.stream().filter(o -> !isBug(o))
                .flatMap(o -> o.entry().difference().stream()).map(KnownDifference::of).collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(
                        KnownDifference.class)));
        assertThat(used).containsExactlyInAnyOrder(KnownDifference.values());
    }

    @AfterAll
    static void printTally() {
        if (observed == null) {
            return;
        }
        long marked = observed.stream().filter(o -> o.entry().difference().isPresent() && !isBug(o)).count();
        System.out.println("\nPromQL oracle (Prometheus 2.42): " + observed.size() + " expressions, "
                + observed.stream().filter(o -> o.promtoolError().isEmpty()).count() + " accepted by promtool, "
                + marked + " marked as known 2.42/3.x differences, " + observed.stream().filter(PromQLOracleTest::isBug)
                .count() + " as known bugs; " + new TreeSet<>(TALLY.keySet()).stream()
                .map(k -> k + "=" + TALLY.get(k)).collect(Collectors.joining(", ")));
    }
}
