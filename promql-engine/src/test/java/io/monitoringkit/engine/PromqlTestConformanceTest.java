package io.monitoringkit.engine;

import io.monitoringkit.engine.PromqlTestScript.Command;
import io.monitoringkit.engine.PromqlTestScript.Eval;
import io.monitoringkit.engine.PromqlTestScript.Expect;
import io.monitoringkit.engine.PromqlTestScript.ExpectedSeries;
import io.monitoringkit.engine.internal.EngineOptions;
import io.monitoringkit.engine.internal.EvalException;
import io.monitoringkit.engine.internal.EvalResult;
import io.monitoringkit.engine.internal.QueryRunner;
import io.monitoringkit.engine.internal.SeriesNotation;
import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.Exprs;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs Prometheus' promqltest scripts (from {@code ${monitoringkit.shared}/reference/promqltest}) against the
 * engine: one dynamic test per {@code eval}. Evals that need something out of scope (native histograms, a parse
 * failure of our parser, annotation source positions) abort with the reason printed; a summary of pass/total per
 * file is printed at the end.
 */
class PromqlTestConformanceTest {

    static final List<String> FILES = List.of("aggregators", "at_modifier", "collision", "functions", "histograms",
            "literals", "operators", "range_queries", "selectors", "staleness", "subquery", "trig_functions");

    private static final double EPSILON = 0.000001;
    private static final Map<String, int[]> STATS = new TreeMap<>();
    private static final Map<String, List<String>> SKIPS = new TreeMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger AT_RERUNS = new java.util.concurrent.atomic.AtomicInteger();

    static Path dir() {
        String shared = System.getProperty("monitoringkit.shared");
        assumeTrue(shared != null, "system property monitoringkit.shared is not set: promqltest conformance skipped");
        Path d = Path.of(shared, "reference", "promqltest");
        assumeTrue(Files.isDirectory(d), "no promqltest scripts at " + d + ": conformance skipped");
        return d;
    }

    @TestFactory
    List<DynamicNode> promqltestScripts() throws IOException {
        Path d = dir();
        List<DynamicNode> files = new ArrayList<>();
        List<String> names = new ArrayList<>(FILES);
        // more scripts on demand, e.g. PROMQLTEST_EXTRA=name_label_dropping,limit mvn ... test
        String extra = System.getProperty("monitoringkit.promqltest.extra",
                System.getenv().getOrDefault("PROMQLTEST_EXTRA", ""));
        for (String e : extra.split(",")) {
            if (!e.isBlank()) {
                names.add(e.trim());
            }
        }
        for (String f : names) {
            Path p = d.resolve(f + ".test");
            if (!Files.exists(p)) {
                continue;
            }
            files.add(DynamicContainer.dynamicContainer(f, scriptTests(f, Files.readString(p))));
        }
        return files;
    }

    @AfterAll
    static void summary() {
        if (STATS.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("\npromqltest conformance (passed/total, aborted, failed):\n");
        int[] all = new int[4];
        for (Map.Entry<String, int[]> e : STATS.entrySet()) {
            int[] s = e.getValue();
            sb.append(String.format("  %-16s %4d/%-4d  aborted %3d  failed %3d%n", e.getKey(), s[0], s[3], s[1], s[2]));
            for (int i = 0; i < 4; i++) {
                all[i] += s[i];
            }
        }
        sb.append(String.format("  %-16s %4d/%-4d  aborted %3d  failed %3d%n", "TOTAL", all[0], all[3], all[1], all[2]));
        sb.append("  (plus ").append(AT_RERUNS.get()).append(" step-invariance re-runs with @ on every selector)\n");
        System.out.println(sb);
    }

    private static synchronized void count(String file, int kind) {
        int[] s = STATS.computeIfAbsent(file, k -> new int[4]);
        s[kind]++;
        s[3]++;
    }

    /** Shared state of one script while its dynamic tests run in order. */
    private static final class ScriptState {
        Storage storage = Storage.create();
        final List<Labels> nativeSeries = new ArrayList<>();
        String loadProblem;
    }

    private List<DynamicNode> scriptTests(String file, String text) {
        List<Command> cmds = PromqlTestScript.parse(text);
        ScriptState st = new ScriptState();
        List<DynamicNode> tests = new ArrayList<>();
        List<Command> pending = new ArrayList<>();
        for (Command c : cmds) {
            if (!(c instanceof Eval ev)) {
                pending.add(c);
                continue;
            }
            List<Command> before = List.copyOf(pending);
            pending.clear();
            tests.add(DynamicTest.dynamicTest("line " + ev.line + ": " + ev.query, () -> {
                for (Command b : before) {
                    apply(st, b);
                }
                try {
                    runEval(st, ev);
                    count(file, 0);
                } catch (TestAbortedException e) {
                    count(file, 1);
                    SKIPS.computeIfAbsent(file, k -> new ArrayList<>()).add(ev.line + ": " + e.getMessage());
                    System.out.println("ABORTED " + file + ".test " + ev + " -- " + e.getMessage());
                    throw e;
                } catch (AssertionError | RuntimeException e) {
                    count(file, 2);
                    System.out.println("FAILED " + file + ".test " + ev + " -- " + e.getMessage());
                    throw new AssertionFailedError(file + ".test " + ev + ": " + e.getMessage(), e);
                }
            }));
        }
        return tests;
    }

    private static void apply(ScriptState st, Command c) {
        if (c instanceof PromqlTestScript.Clear) {
            st.storage = Storage.create();
            st.nativeSeries.clear();
            st.loadProblem = null;
            return;
        }
        PromqlTestScript.Load l = (PromqlTestScript.Load) c;
        StringBuilder floats = new StringBuilder();
        boolean nhcb = l.nhcb();
        for (String line : l.text().split("\n")) {
            if (nhcb && !line.startsWith("load")) {
                // load_with_nhcb also creates native histograms named without the _bucket/_sum/_count suffix
                Labels d = SeriesNotation.parseDescription(SeriesNotation.splitLine(line)[0]);
                String n = d.metricName().orElse("");
                String base = n.replaceFirst("_(bucket|sum|count)$", "");
                if (!base.equals(n)) {
                    st.nativeSeries.add(d.with("__name__", base).without("le"));
                }
            }
            if (line.contains("{{")) {
                String[] parts = SeriesNotation.splitLine(line);
                st.nativeSeries.add(SeriesNotation.parseDescription(parts[0]));
                // float samples of a mixed series are still loaded
                StringBuilder vals = new StringBuilder();
                for (String tok : splitValues(parts[1])) {
                    vals.append(tok.startsWith("{{") ? "_" : tok).append(' ');
                }
                floats.append(parts[0]).append(' ').append(vals).append('\n');
                continue;
            }
            floats.append(line).append('\n');
        }
        st.storage.load(floats.toString());
    }

    /** Splits a value list at spaces outside {{...}}. */
    private static List<String> splitValues(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                depth--;
            }
            if (Character.isWhitespace(ch) && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static final ParseOptions PARSE = ParseOptions.defaults().withExperimentalFunctions(true);
    private static final EngineOptions OPTS = new EngineOptions(300_000, 60_000, 50_000_000, true);

    private static void runEval(ScriptState st, Eval ev) {
        try {
            runEvalChecked(st, ev);
        } catch (AssertionError e) {
            String nativeUse = nativeUse(st, ev);
            if (nativeUse != null) {
                throw new TestAbortedException(nativeUse + " (out of scope); without them: " + e.getMessage());
            }
            throw e;
        }
    }

    /** @return why the eval needs native histograms, or null. */
    private static String nativeUse(ScriptState st, Eval ev) {
        Expr expr;
        try {
            expr = PromQL.parse(ev.query, PARSE);
        } catch (RuntimeException e) {
            return null;
        }
        for (VectorSelector vs : Exprs.selectors(expr)) {
            for (Labels n : st.nativeSeries) {
                if (vs.allMatchers().stream().allMatch(m -> m.matches(n.getOrEmpty(m.name())))) {
                    return "selector " + vs + " reads native histogram series " + n;
                }
            }
        }
        return null;
    }

    private static void runEvalChecked(ScriptState st, Eval ev) {
        if (ev.nativeHistogramsExpected) {
            throw new TestAbortedException("expects native histogram samples (out of scope)");
        }
        if (ev.query.matches(".*\\binfo\\s*\\(.*") ) {
            throw new TestAbortedException("uses an out-of-scope experimental function (info)");
        }
        Expr expr;
        try {
            expr = PromQL.parse(ev.query, PARSE);
        } catch (IllegalArgumentException e) {
            String msg = e instanceof PromQLParseException p ? p.reason() : e.getMessage();
            if (ev.isFail()) {
                try {
                    checkFailure(ev, msg);
                } catch (AssertionError mismatch) {
                    throw new TestAbortedException("our parser rejects the query (" + msg + ") where Prometheus "
                            + "parses it and fails in evaluation: " + mismatch.getMessage());
                }
                return;
            }
            throw new TestAbortedException("our parser rejects the query: " + msg);
        }
        if (ev.instant && !ev.rangeVector) {
            checkInstant(st, ev, expr, ev.query, ev.start);
            if (ev.expectedString == null) {
                // like promqltest: with @ <eval time> on every selector the result must not depend on the eval time
                Optional<Expr> at = AtModifierRewriter.rewrite(expr, ev.start);
                if (at.isPresent()) {
                    String text = at.get().toPromQL();
                    long ts = ev.start;
                    long[] times = ts == 0 ? new long[] {-1000, 0, 1000} : new long[] {-10 * ts, 0, ts / 5, ts, 10 * ts};
                    for (long t : times) {
                        try {
                            checkInstant(st, ev, at.get(), text, t);
                            AT_RERUNS.incrementAndGet();
                        } catch (AssertionError e) {
                            throw new AssertionFailedError("step invariance: " + text + " at " + t + "ms: "
                                    + e.getMessage(), e);
                        }
                    }
                }
            }
            return;
        }
        EvalResult result;
        try {
            if (ev.rangeVector) {
                result = QueryRunner.instant(st.storage.store(), OPTS, expr, ev.end);
            } else {
                result = QueryRunner.range(st.storage.store(), OPTS, expr, ev.start, ev.end, ev.step);
            }
        } catch (EvalException e) {
            if (ev.isFail()) {
                checkFailure(ev, e.getMessage());
                return;
            }
            throw new AssertionFailedError("query failed: " + e.getMessage());
        }
        if (ev.isFail()) {
            throw new AssertionFailedError("expected the query to fail but it returned " + describe(result));
        }
        checkAnnotations(ev, result, ev.query);
        compare(ev, result);
    }

    /** An instant query at {@code t}, checked, then re-run as a range query around {@code t}. */
    private static void checkInstant(ScriptState st, Eval ev, Expr expr, String text, long t) {
        EvalResult result;
        try {
            result = QueryRunner.instant(st.storage.store(), OPTS, expr, t);
        } catch (EvalException e) {
            if (ev.isFail()) {
                checkFailure(ev, e.getMessage());
                return;
            }
            throw new AssertionFailedError("query failed: " + e.getMessage());
        }
        if (ev.isFail()) {
            throw new AssertionFailedError("expected the query to fail but it returned " + describe(result));
        }
        checkAnnotations(ev, result, text);
        compare(ev, result);
        if (ev.expectedString != null || text.matches(".*\\b(start|end|range|step)\\(\\).*")
                || result instanceof EvalResult.MatrixResult || ev.isOrdered()) {
            return;
        }
        // like promqltest: the same query as a range query around the instant must agree at that instant
        EvalResult r;
        try {
            r = QueryRunner.range(st.storage.store(), OPTS, expr, t - 60_000, t + 60_000, 60_000);
        } catch (EvalException e) {
            throw new AssertionFailedError("query failed in range mode: " + e.getMessage());
        }
        List<EvalResult.Point> pts = new ArrayList<>();
        for (EvalResult.SeriesPoints s : ((EvalResult.MatrixResult) r).series()) {
            for (int i = 0; i < s.ts().length; i++) {
                if (s.ts()[i] == t) {
                    pts.add(new EvalResult.Point(s.metric(), t, s.vs()[i]));
                }
            }
        }
        try {
            if (result instanceof EvalResult.ScalarResult) {
                compare(ev, new EvalResult.ScalarResult(t, pts.get(0).v(), result.annotations()));
            } else {
                compare(ev, new EvalResult.VectorResult(pts, result.annotations()));
            }
        } catch (AssertionError e) {
            throw new AssertionFailedError("in range mode: " + e.getMessage(), e);
        }
    }

    private static String describe(EvalResult r) {
        return r.toString();
    }

    private static void checkFailure(Eval ev, String actual) {
        if (ev.expectedFailMessage != null && !ev.expectedFailMessage.equals(actual)) {
            throw new AssertionFailedError("expected error \"" + ev.expectedFailMessage + "\" but got: " + actual);
        }
        if (ev.expectedFailRegexp != null && !Pattern.compile(ev.expectedFailRegexp).matcher(actual).find()) {
            throw new AssertionFailedError("expected error matching " + ev.expectedFailRegexp + " but got: " + actual);
        }
        for (Expect e : ev.expects) {
            if (e.type().equals("fail") && e.matchType() != null && !matches(e, actual)) {
                throw new AssertionFailedError("expected error " + e.matchType() + " \"" + e.text() + "\" but got: "
                        + actual);
            }
        }
    }

    private static boolean matches(Expect e, String actual) {
        String want = unquoteIfQuoted(e.text());
        if (e.matchType().equals("msg")) {
            return want.equals(actual);
        }
        return Pattern.compile(want).matcher(actual).find();
    }

    private static String unquoteIfQuoted(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
            return io.monitoringkit.engine.internal.GoStrings2.unquote(s);
        }
        return s;
    }

    private static final Pattern POSITION = Pattern.compile(" \\((?:[0-9]+:[0-9]+|\\\\\\([^)]*\\\\\\)|[^)]*)\\)$");

    private static void checkAnnotations(Eval ev, EvalResult r, String text) {
        List<String> warnings = r.annotations().warnings(text);
        List<String> infos = r.annotations().infos(text);
        if (ev.warn && warnings.isEmpty()) {
            throw new AssertionFailedError("expected warnings but got none");
        }
        if (ev.info && infos.isEmpty()) {
            throw new AssertionFailedError("expected info annotations but got none");
        }
        boolean positionOnly = false;
        for (String type : List.of("warn", "info")) {
            List<String> actual = type.equals("warn") ? warnings : infos;
            List<Expect> exps = ev.expects.stream().filter(e -> e.type().equals(type)).toList();
            if (exps.isEmpty()) {
                continue;
            }
            boolean[] used = new boolean[actual.size()];
            for (Expect e : exps) {
                boolean found = false;
                for (int i = 0; i < actual.size(); i++) {
                    int m = annotationMatch(e, actual.get(i));
                    if (m > 0) {
                        found = true;
                        used[i] = true;
                        positionOnly |= m == 2;
                    }
                }
                if (!found) {
                    throw new AssertionFailedError("expected " + type + " annotation " + e.matchType() + " \""
                            + e.text() + "\" but got " + actual);
                }
            }
            for (int i = 0; i < used.length; i++) {
                if (!used[i]) {
                    throw new AssertionFailedError("unexpected " + type + " annotation: " + actual.get(i));
                }
            }
        }
        if (ev.expects.stream().anyMatch(e -> e.type().equals("no_warn")) && !warnings.isEmpty()) {
            throw new AssertionFailedError("unexpected warning annotations: " + warnings);
        }
        if (ev.expects.stream().anyMatch(e -> e.type().equals("no_info")) && !infos.isEmpty()) {
            throw new AssertionFailedError("unexpected info annotations: " + infos);
        }
        if (positionOnly) {
            compare(ev, r);
            throw new TestAbortedException("result and annotation text match, but the expected annotation carries a "
                    + "source position, which our AST does not record");
        }
    }

    /** @return 0 no match, 1 match, 2 match once the source position is removed from the expectation. */
    private static int annotationMatch(Expect e, String actual) {
        if (e.matchType() == null) {
            return 1;
        }
        String want = e.text();
        if (e.matchType().equals("msg")) {
            if (want.equals(actual)) {
                return 1;
            }
            String stripped = want.replaceFirst(" \\([0-9]+:[0-9]+\\)$", "");
            return stripped.equals(actual) ? 2 : 0;
        }
        if (Pattern.compile(want).matcher(actual).find()) {
            return 1;
        }
        String stripped = want.replaceFirst(" \\\\\\((?:[^\\\\]|\\\\[^)])*\\\\\\)$", "");
        return !stripped.equals(want) && Pattern.compile(stripped + "$").matcher(actual).find() ? 2 : 0;
    }

    private static void compare(Eval ev, EvalResult r) {
        if (ev.expectedString != null) {
            if (!(r instanceof EvalResult.StringResult s) || !s.v().equals(ev.expectedString)) {
                throw new AssertionFailedError("expected string \"" + ev.expectedString + "\" but got " + r);
            }
            return;
        }
        if (ev.scalar != null) {
            if (!(r instanceof EvalResult.ScalarResult s)) {
                throw new AssertionFailedError("expected scalar result, but got " + r);
            }
            if (!almostEqual(ev.scalar, s.v())) {
                throw new AssertionFailedError("expected scalar " + ev.scalar + " but got " + s.v());
            }
            return;
        }
        Map<Labels, ExpectedSeries> expected = new HashMap<>();
        for (ExpectedSeries s : ev.series) {
            expected.put(s.labels(), s);
        }
        if (r instanceof EvalResult.ScalarResult s) {
            throw new AssertionFailedError("expected vector or matrix result, but got scalar " + s.v());
        }
        if (r instanceof EvalResult.VectorResult v) {
            Set<Labels> seen = new HashSet<>();
            int pos = 0;
            for (EvalResult.Point p : v.samples()) {
                pos++;
                ExpectedSeries exp = expected.get(p.metric());
                if (exp == null) {
                    throw new AssertionFailedError("unexpected metric " + p.metric() + " in result, has value "
                            + p.v());
                }
                if (ev.isOrdered() && exp.position() != pos) {
                    throw new AssertionFailedError("expected metric " + p.metric() + " at position "
                            + exp.position() + " but was at " + pos);
                }
                if (!almostEqual(exp.values()[0], p.v())) {
                    throw new AssertionFailedError("expected " + exp.values()[0] + " for " + p.metric() + " but got "
                            + p.v());
                }
                seen.add(p.metric());
            }
            for (Labels l : expected.keySet()) {
                if (!seen.contains(l)) {
                    throw new AssertionFailedError("expected metric " + l + " not found; got " + v.samples());
                }
            }
            return;
        }
        EvalResult.MatrixResult m = (EvalResult.MatrixResult) r;
        if (ev.isOrdered()) {
            throw new AssertionFailedError("expected ordered result, but query returned a matrix");
        }
        Set<Labels> seen = new HashSet<>();
        for (EvalResult.SeriesPoints s : m.series()) {
            ExpectedSeries exp = expected.get(s.metric());
            if (exp == null) {
                throw new AssertionFailedError("unexpected metric " + s.metric() + " in result, has "
                        + points(s.ts(), s.vs()));
            }
            seen.add(s.metric());
            List<long[]> ts = new ArrayList<>();
            List<Double> vs = new ArrayList<>();
            for (int i = 0; i < exp.values().length; i++) {
                long t = ev.start + i * ev.step;
                if (t > ev.end) {
                    throw new AssertionFailedError("expected " + exp.values().length + " points for " + s.metric()
                            + ", but query time range cannot return this many points");
                }
                if (!SeriesNotation.isOmitted(exp.values()[i])) {
                    ts.add(new long[] {t});
                    vs.add(exp.values()[i]);
                }
            }
            if (ts.size() != s.ts().length) {
                throw new AssertionFailedError("expected " + ts.size() + " float points for " + s.metric()
                        + ", but got " + points(s.ts(), s.vs()));
            }
            for (int i = 0; i < ts.size(); i++) {
                if (ts.get(i)[0] != s.ts()[i]) {
                    throw new AssertionFailedError("expected timestamp " + ts.get(i)[0] + " at index " + i + " for "
                            + s.metric() + ", got " + points(s.ts(), s.vs()));
                }
                if (!almostEqual(vs.get(i), s.vs()[i])) {
                    throw new AssertionFailedError("expected " + vs.get(i) + " at " + ts.get(i)[0] + " for "
                            + s.metric() + ", got " + points(s.ts(), s.vs()));
                }
            }
        }
        for (Labels l : expected.keySet()) {
            if (!seen.contains(l)) {
                throw new AssertionFailedError("expected metric " + l + " not found");
            }
        }
    }

    private static String points(long[] ts, double[] vs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ts.length; i++) {
            sb.append(vs[i]).append(" @[").append(ts[i]).append("] ");
        }
        return sb.toString();
    }

    static boolean almostEqual(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
            return diff < EPSILON * Double.MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < EPSILON;
    }
}
