package io.monitoringkit.engine.ruletest;

import io.monitoringkit.engine.ruletest.internal.GroupRun;
import io.monitoringkit.engine.ruletest.internal.RuleFileCache;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs promtool's rule unit-test files ({@code promtool test rules}) in-process on
 * {@link io.monitoringkit.engine.PromEngine} and {@link io.monitoringkit.engine.rules.RuleEvaluator}, with promtool's
 * semantics and messages:
 * every test group gets fresh storage with its {@code input_series}; all rule groups (in {@code group_eval_order})
 * are evaluated at every multiple of {@code evaluation_interval} from 0 up to the latest {@code eval_time}; an
 * alert check compares the <em>firing</em> alerts of its {@code alertname} (labels and annotations) at the
 * evaluation step at or before its {@code eval_time}; a PromQL check compares samples in any order after the last
 * step; every failure of a file is reported.
 *
 * <pre>{@code
 * RuleTestReport report = RuleTestRunner.create().run(List.of(Path.of("alerts.test.yml")));
 * System.out.print(report.render());
 * System.exit(report.exitCode());
 *
 * RuleTestRunner only = RuleTestRunner.builder().run("high error rate").build();   // promtool --run
 * }</pre>
 *
 * <p>Rule files may be Prometheus rule files or PrometheusRule manifests; they are read once per runner and reused
 * while unchanged on disk. Thread-safe.
 */
public final class RuleTestRunner {

    private final Optional<Pattern> run;
    private final boolean prefetch;
    private final RuleFileCache ruleFiles = new RuleFileCache();

    private RuleTestRunner(Builder b) {
        this.run = b.run.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(String.join("|", b.run)));
        this.prefetch = b.prefetch;
    }

    /** @return a runner that runs every test group. */
    public static RuleTestRunner create() {
        return builder().build();
    }

    /** @return a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs test files in order; a file that cannot be read or parsed fails with its problems. */
    public RuleTestReport run(Collection<Path> files) {
        List<RuleTestResult> results = new ArrayList<>();
        for (Path f : files) {
            results.add(run(f));
        }
        return new RuleTestReport(results);
    }

    /** Runs one test file; a file that cannot be read or parsed fails with its problems. */
    public RuleTestResult run(Path file) {
        Objects.requireNonNull(file, "file");
        RuleTestFile parsed;
        try {
            parsed = RuleTestFile.read(file);
        } catch (UncheckedIOException e) {
            return new RuleTestResult(file.toString(), List.of(), List.of(e.getMessage()), List.of());
        } catch (RuleTestFileException e) {
            return new RuleTestResult(file.toString(), List.of(), e.problems(), List.of());
        }
        return run(parsed);
    }

    /** Runs a parsed test file. */
    public RuleTestResult run(RuleTestFile file) {
        Objects.requireNonNull(file, "file");
        String name = file.path().toString();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < file.groupEvalOrder().size(); i++) {
            String g = file.groupEvalOrder().get(i);
            if (order.putIfAbsent(g, i) != null) {
                return new RuleTestResult(name, List.of(),
                        List.of("group name repeated in evaluation order: " + g), List.of());
            }
        }
        RuleFileCache.Loaded rules = ruleFiles.load(file.path(), file.ruleFiles());
        List<RuleTestResult.TestCaseResult> cases = new ArrayList<>();
        for (int i = 0; i < file.tests().size(); i++) {
            RuleTestFile.TestGroup tg = file.tests().get(i);
            if (run.isPresent() && !run.get().matcher(tg.name()).find()) {
                continue;
            }
            String testName = tg.name().isEmpty() ? "unnamed#" + i : tg.name();
            List<RuleTestFailure> failures = new GroupRun(file, i, rules, order, file::location, prefetch).run();
            cases.add(new RuleTestResult.TestCaseResult(i, testName, failures));
        }
        return new RuleTestResult(name, rules.warnings(), List.of(), cases);
    }

    /**
     * Builds a {@link RuleTestRunner}.
     *
     * <pre>{@code
     * RuleTestRunner runner = RuleTestRunner.builder().run("^api ", "latency").build();
     * }</pre>
     */
    public static final class Builder {
        private final List<String> run = new ArrayList<>();
        private boolean prefetch = true;

        private Builder() {
        }

        /**
         * Runs only the test groups whose {@code name} contains a match of one of these regular expressions
         * (promtool's {@code --run}); unnamed groups match only an expression that matches the empty string.
         *
         * @throws java.util.regex.PatternSyntaxException for a malformed expression
         */
        public Builder run(String... regexes) {
            for (String r : regexes) {
                Pattern.compile(Objects.requireNonNull(r, "regex"));
                run.add(r);
            }
            return this;
        }

        /**
         * Whether rule expressions that read input series only are evaluated ahead, once for all steps, as range
         * queries (default on). The outcome is the same either way; only applied where that is certain (see the
         * README). Off evaluates every rule expression at every step, as promtool does.
         */
        public Builder prefetch(boolean enabled) {
            this.prefetch = enabled;
            return this;
        }

        /** @return the runner. */
        public RuleTestRunner build() {
            return new RuleTestRunner(this);
        }
    }
}
