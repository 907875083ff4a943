package io.monitoringkit.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance with Prometheus' own PromQL test scripts: every expression of every {@code eval} in
 * {@code ${monitoringkit.shared}/reference/promqltest/*.test} parses (experimental functions on), prints
 * (compact and pretty), and re-parses to the same tree modulo parentheses (and matcher order, which Prometheus'
 * printer normalises, see {@link Canonical}); the compact form is a fixed point.
 * One dynamic test per eval; a per-file summary is printed at the end.
 *
 * <p>Prometheus' test runner parses every eval expression when it loads a script and rejects the script on a
 * parse error, so every expression here is valid PromQL of that Prometheus build, {@code eval_fail} and
 * {@code expect fail} ones included (they fail at evaluation time). A rejection by our parser is therefore a
 * bug, with exceptions ({@link #EXCUSES}) that are aborted with their reason, counted and listed rather than
 * silently skipped:
 * <ul>
 *   <li>the expression uses feature-flagged syntax our parser does not implement (duration expressions,
 *   {@code anchored}/{@code smoothed}, {@code fill} modifiers, ...);</li>
 *   <li>a limitation (strings holding bytes that are not UTF-8) or a known bug, reported and listed;</li>
 *   <li>an expected-to-fail eval whose expected message our parser already reports at parse time (a runtime
 *   check moved earlier): counted as passing, with the message compared.</li>
 * </ul>
 */
class PromqlTestConformanceTest {

    /**
     * Why an eval our parser rejects may be excused (aborted, counted and listed) instead of failing: feature-flagged
     * syntax the parser does not implement, a limitation of Java strings, or a known, reported bug.
     */
    private record Excuse(String category, String name, Pattern expr, Pattern reason) {
        boolean applies(PromqlTestScripts.Eval e, PromQLParseException rejected) {
            return expr.matcher(e.expr()).find() && reason.matcher(rejected.reason()).find();
        }
    }

    private static final Pattern ANY = Pattern.compile("");

    private static final List<Excuse> EXCUSES = List.of(
            new Excuse("unsupported experimental syntax", "step()/range()/min()/max() duration functions",
                    Pattern.compile("\\b(step|range|min|max)\\s*\\(", Pattern.CASE_INSENSITIVE), ANY),
            new Excuse("unsupported experimental syntax",
                    "duration expressions (arithmetic or bare numbers as ranges, steps and offsets)",
                    Pattern.compile("\\[[^\\]]*([-+*/%^()]|\\b\\d+(\\.\\d+)?\\s*[]:])|\\boffset\\s*-?\\s*\\("
                            + "|\\boffset\\s+-?\\d+(\\.\\d+)?(?![a-z0-9])", Pattern.CASE_INSENSITIVE), ANY),
            new Excuse("unsupported experimental syntax",
                    "anchored/smoothed range selector modifiers (promql-extended-range-selectors)",
                    Pattern.compile("\\b(anchored|smoothed)\\b", Pattern.CASE_INSENSITIVE), ANY),
            new Excuse("unsupported experimental syntax", "fill/fill_left/fill_right binary operator modifiers",
                    Pattern.compile("\\bfill(_left|_right)?\\s*\\(", Pattern.CASE_INSENSITIVE), ANY),
            new Excuse("unsupported experimental syntax", "aligned subqueries ([range::step])",
                    Pattern.compile("\\[[^\\]]*::"), ANY),
            new Excuse("limitation", "strings with \\x escapes of bytes that are not UTF-8 (a Java String cannot hold "
                    + "them; Prometheus parses them and fails at evaluation)",
                    Pattern.compile("\\\\x[89a-fA-F][0-9a-fA-F]"), Pattern.compile("UTF-8")),
            new Excuse("KNOWN BUG", "parser/AST: info()'s second argument is a label selector that may match the empty "
                    + "string (Prometheus exempts it from the non-empty-matcher rule)",
                    Pattern.compile("^info\\(.*,\\s*\\{"), Pattern.compile("non-empty matcher")));

    private static final Map<String, Map<String, AtomicInteger>> COUNTS = new ConcurrentHashMap<>();
    private static final List<String> EXCUSED = Collections.synchronizedList(new ArrayList<>());

    private static void count(String file, String outcome) {
        COUNTS.computeIfAbsent(file, f -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
    }

    @TestFactory
    Stream<DynamicNode> everyEvalExpressionRoundTrips() {
        Optional<Path> dir = PromqlTestScripts.directory();
        assumeTrue(dir.isPresent(), "SKIPPED: reference data not found; set -Dmonitoringkit.shared=<path of ../shared> "
                + "(the root pom does) to run Prometheus' PromQL test scripts");
        Optional<String> noParser = ParserSupport.unavailableReason();
        assumeTrue(noParser.isEmpty(), () -> "SKIPPED: " + noParser.orElse(""));
        return PromqlTestScripts.files(dir.get()).stream().map(file -> {
            String name = file.getFileName().toString();
            List<DynamicNode> tests = PromqlTestScripts.evals(file).stream()
                    .map(e -> (DynamicNode) DynamicTest.dynamicTest(e.line() + ": " + e.expr(), () -> check(e)))
                    .toList();
            return DynamicContainer.dynamicContainer(name + " (" + tests.size() + " evals)", tests);
        });
    }

    private static void check(PromqlTestScripts.Eval e) {
        Expr parsed;
        try {
            parsed = PromQL.parse(e.expr(), ParserSupport.EXPERIMENTAL);
        } catch (PromQLParseException rejected) {
            handleRejection(e, rejected);
            return;
        }
        try {
            Expr tree = Canonical.of(parsed);
            String compact = PromQLPrinter.compact(parsed);
            assertThat(Canonical.of(PromQL.parse(compact, ParserSupport.EXPERIMENTAL)))
                    .as("%s: parse(compact) of %s", e.displayName(), compact).isEqualTo(tree);
            assertThat(PromQLPrinter.compact(PromQL.parse(compact, ParserSupport.EXPERIMENTAL)))
                    .as("%s: compact form is a fixed point", e.displayName()).isEqualTo(compact);
            String pretty = PromQLPrinter.pretty(parsed);
            assertThat(Canonical.of(PromQL.parse(pretty, ParserSupport.EXPERIMENTAL)))
                    .as("%s: parse(pretty) of%n%s", e.displayName(), pretty).isEqualTo(tree);
            count(e.file(), "round-trip");
        } catch (AssertionError | RuntimeException broken) {
            count(e.file(), "FAILED");
            throw broken;
        }
    }

    private static void handleRejection(PromqlTestScripts.Eval e, PromQLParseException rejected) {
        if (e.expectFail()) {
            boolean sameMessage = e.failMessage().map(m -> rejected.reason().contains(m)).orElse(false)
                    || e.failRegex().map(p -> p.matcher(rejected.reason()).find()).orElse(false);
            if (sameMessage) {
                count(e.file(), "rejected at parse time with the expected message");
                return;
            }
        }
        for (Excuse x : EXCUSES) {
            if (x.applies(e, rejected)) {
                count(e.file(), "aborted: " + x.category());
                EXCUSED.add(x.category() + ": " + e.displayName() + "  [" + x.name() + "; parser said "
                        + rejected.getMessage() + "]");
                abort(x.category() + ": " + x.name() + ": " + rejected.getMessage());
            }
        }
        count(e.file(), "FAILED");
        fail("%s: Prometheus' test runner parses this expression%s, our parser rejects it: %s", e.displayName(),
                e.expectFail() ? " (its failure is an evaluation error" + e.failMessage().map(m -> ": " + m).orElse("")
                        + ")" : "", rejected.getMessage());
    }

    @AfterAll
    static void printSummary() {
        if (COUNTS.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("\nPromQL test script conformance (eval expressions per file):\n");
        Map<String, Integer> totals = new TreeMap<>();
        new TreeMap<>(COUNTS).forEach((file, outcomes) -> {
            sb.append(String.format("  %-28s", file));
            new TreeMap<>(outcomes).forEach((outcome, n) -> {
                sb.append("  ").append(outcome).append('=').append(n.get());
                totals.merge(outcome, n.get(), Integer::sum);
            });
            sb.append('\n');
        });
        sb.append("  TOTAL                       ");
        totals.forEach((outcome, n) -> sb.append("  ").append(outcome).append('=').append(n));
        sb.append('\n');
        if (!EXCUSED.isEmpty()) {
            sb.append("Evals aborted with a reason (").append(EXCUSED.size()).append("):\n");
            synchronized (EXCUSED) {
                EXCUSED.stream().sorted().forEach(u -> sb.append("  ").append(u).append('\n'));
            }
        }
        System.out.println(sb);
    }
}
