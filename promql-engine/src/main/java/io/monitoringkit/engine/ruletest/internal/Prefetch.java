package io.monitoringkit.engine.ruletest.internal;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;
import io.monitoringkit.promql.Aggregation;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ExprVisitor;
import io.monitoringkit.promql.Exprs;
import io.monitoringkit.promql.MatrixSelector;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.ScalarCall;
import io.monitoringkit.promql.Subquery;
import io.monitoringkit.promql.VectorCall;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.query.QueryException;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.Rule;
import io.monitoringkit.rules.RuleGroup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates, before the step loop, the rule expressions whose result at every step depends on input series only,
 * as one range query each, and hands the rule evaluator a rewritten rule that reads the precomputed result back
 * ({@code label_replace({__mkit_prefetch="N"}, "__mkit_prefetch", "", "", "")}). Everything else about the rule —
 * labels, annotations, alert state, {@code limit}, written series and staleness markers — is still done by the
 * evaluator at each step, so the outcome is the same as evaluating the original expression at every step.
 *
 * <p>It applies only where that equality is certain, and otherwise leaves the rule alone:
 * <ul>
 *   <li>every selector in every rule and PromQL check names its metric, and no alert template calls
 *       {@code query} (so no query can see the precomputed series);</li>
 *   <li>the expression has no subquery, no {@code @}, no negative offset, and reads no series a rule writes
 *       (recorded metrics, {@code ALERTS}, {@code ALERTS_FOR_STATE}); its group has no query offset;</li>
 *   <li>the range query succeeds, no result keeps {@code __name__} for an alerting rule, dropping {@code __name__}
 *       creates no duplicate, and no step could exceed promtool's sample limit (an upper bound of the step's
 *       samples: the samples in each range window plus one series per selector and function node).</li>
 * </ul>
 */
public final class Prefetch {

    static final String MARKER = "__mkit_prefetch";

    /** @param groups the groups to evaluate @param count the number of prefetched rules */
    public record Plan(List<RuleGroup> groups, int count) {
    }

    private Prefetch() {
    }

    /** Sample times and values of one input series (all of its samples, loaded or not yet). */
    public record Input(Labels labels, long[] ts, double[] vs) {
    }

    /**
     * @param groups the rule groups
     * @param checkExprs the PromQL checks' expressions (unparsable ones are ignored: they fail on their own)
     * @param inputs the input series
     * @param target the storage the step loop evaluates on: prefetched series are written into it
     * @param mint the first step
     * @param maxt the last step is the last multiple of {@code step} after {@code mint} up to this
     * @param step the evaluation interval
     * @param maxSamples the sample limit of one query
     */
    public static Plan plan(List<RuleGroup> groups, List<String> checkExprs, List<Input> inputs, Storage target,
                            long mint, long maxt, long step, long maxSamples) {
        long last = mint + (maxt - mint) / step * step;
        if (last - mint < 2 * step || !eligibleSuite(groups, checkExprs)) {
            return new Plan(groups, 0);
        }
        Set<String> written = new HashSet<>(Set.of("ALERTS", "ALERTS_FOR_STATE"));
        for (RuleGroup g : groups) {
            for (Rule r : g.rules()) {
                if (r instanceof RecordingRule rr) {
                    written.add(rr.record());
                }
            }
        }
        Storage all = null;
        PromEngine engine = null;
        int count = 0;
        List<RuleGroup> out = new ArrayList<>(groups.size());
        for (RuleGroup g : groups) {
            boolean offset = g.queryOffset().isPresent() && g.queryOffset().get().millis() != 0;
            List<Rule> rules = new ArrayList<>(g.rules().size());
            for (Rule r : g.rules()) {
                Expr expr = r instanceof RecordingRule rr ? rr.expr() : ((AlertingRule) r).expr();
                Shape shape = offset ? null : shape(expr, written);
                if (shape == null) {
                    rules.add(r);
                    continue;
                }
                if (engine == null) {
                    all = Storage.create();
                    for (Input in : inputs) {
                        for (int i = 0; i < in.ts().length && in.ts()[i] <= last; i++) {
                            all.append(in.labels(), in.ts()[i], in.vs()[i]);
                        }
                    }
                    engine = PromEngine.builder(all).maxSamples(Long.MAX_VALUE).build();
                }
                if (!withinSampleLimit(shape, inputs, mint, last, step, maxSamples)) {
                    rules.add(r);
                    continue;
                }
                QueryResult.Matrix m;
                try {
                    m = engine.queryRange(expr, Instant.ofEpochMilli(mint), Instant.ofEpochMilli(last),
                            Duration.ofMillis(step));
                } catch (QueryException | IllegalArgumentException e) {
                    rules.add(r);   // evaluated step by step, which reports the error where promtool does
                    continue;
                }
                List<Series> series = stripName(m, r instanceof AlertingRule);
                if (series == null) {
                    rules.add(r);
                    continue;
                }
                String id = Integer.toString(count++);
                write(target, series, id, mint, last, step);
                Expr reader = PromQL.parse("label_replace({" + MARKER + "=\"" + id + "\"}, \"" + MARKER
                        + "\", \"\", \"\", \"\")");
                rules.add(r instanceof RecordingRule rr ? new RecordingRule(rr.record(), reader, rr.labels())
                        : ((AlertingRule) r).toBuilder().expr(reader).build());
            }
            out.add(withRules(g, rules));
        }
        return new Plan(count == 0 ? groups : out, count);
    }

    /** The group with other rules (toBuilder() would add to its rules). */
    private static RuleGroup withRules(RuleGroup g, List<Rule> rules) {
        RuleGroup.Builder b = RuleGroup.builder(g.name()).limit(g.limit()).rules(rules);
        g.interval().ifPresent(b::interval);
        g.queryOffset().ifPresent(b::queryOffset);
        g.labels().forEach(b::label);
        g.partialResponseStrategy().ifPresent(b::partialResponseStrategy);
        return b.build();
    }

    private static boolean eligibleSuite(List<RuleGroup> groups, List<String> checkExprs) {
        for (RuleGroup g : groups) {
            for (Rule r : g.rules()) {
                Expr e = r instanceof RecordingRule rr ? rr.expr() : ((AlertingRule) r).expr();
                if (!allSelectorsNamed(e)) {
                    return false;
                }
                if (r instanceof AlertingRule a) {
                    for (String t : a.labels().values()) {
                        if (t.contains("query")) {
                            return false;
                        }
                    }
                    for (String t : a.annotations().values()) {
                        if (t.contains("query")) {
                            return false;
                        }
                    }
                }
            }
        }
        for (String c : checkExprs) {
            try {
                if (!allSelectorsNamed(PromQL.parse(c))) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                // fails as a check on its own; selects nothing
            }
        }
        return true;
    }

    private static boolean allSelectorsNamed(Expr e) {
        for (VectorSelector s : Exprs.selectors(e)) {
            if (s.metricName().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** What the sample bound needs: the range selectors and the number of selector and function nodes. */
    private record Shape(List<MatrixSelector> ranges, List<VectorSelector> selectors, int nodes) {
    }

    private static Shape shape(Expr expr, Set<String> written) {
        for (VectorSelector s : Exprs.selectors(expr)) {
            if (s.at().isPresent() || s.offset().millis() < 0 || written.contains(s.metricName().orElse(""))) {
                return null;
            }
        }
        List<MatrixSelector> ranges = new ArrayList<>();
        boolean[] subquery = {false};
        int nodes = expr.accept(new ExprVisitor.Walker<Integer>(0, Integer::sum) {
            @Override
            public Integer visit(VectorSelector e) {
                return 1;
            }

            @Override
            public Integer visit(MatrixSelector e) {
                ranges.add(e);
                return 1;
            }

            @Override
            public Integer visit(Subquery e) {
                subquery[0] = true;
                return 1;
            }

            @Override
            public Integer visit(VectorCall e) {
                return 1 + super.visit(e);
            }

            @Override
            public Integer visit(ScalarCall e) {
                return 1 + super.visit(e);
            }

            @Override
            public Integer visit(Aggregation e) {
                return 1 + super.visit(e);
            }
        });
        return subquery[0] ? null : new Shape(ranges, Exprs.selectors(expr), nodes);
    }

    /** Whether at every step the samples of the range windows plus one series per node stay within the limit. */
    private static boolean withinSampleLimit(Shape shape, List<Input> inputs, long mint, long last, long step,
                                             long maxSamples) {
        int matching = 0;
        List<List<Input>> perRange = new ArrayList<>();
        for (VectorSelector s : shape.selectors()) {
            matching += select(inputs, s).size();
        }
        for (MatrixSelector m : shape.ranges()) {
            perRange.add(select(inputs, m.selector()));
        }
        long fixed = (long) shape.nodes() * matching;
        for (long t = mint; t <= last; t += step) {
            long n = fixed;
            for (int k = 0; k < shape.ranges().size(); k++) {
                MatrixSelector m = shape.ranges().get(k);
                long end = t - m.selector().offset().millis();
                long start = end - m.range().millis();
                for (Input in : perRange.get(k)) {
                    n += firstAfter(in.ts(), end) - firstAfter(in.ts(), start);
                }
            }
            if (n > maxSamples) {
                return false;
            }
        }
        return true;
    }

    private static List<Input> select(List<Input> inputs, VectorSelector s) {
        List<Input> out = new ArrayList<>();
        for (Input in : inputs) {
            boolean all = true;
            for (var m : s.allMatchers()) {
                if (!m.matches(in.labels().getOrEmpty(m.name()))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                out.add(in);
            }
        }
        return out;
    }

    private static int firstAfter(long[] ts, long t) {
        int lo = 0;
        int hi = ts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The result series without {@code __name__}, or null when that is not allowed or collides. */
    private static List<Series> stripName(QueryResult.Matrix m, boolean alerting) {
        List<Series> out = new ArrayList<>(m.series().size());
        Map<Labels, Series> seen = new HashMap<>();
        for (Series s : m.series()) {
            if (s.labels().has(Names.METRIC_NAME_LABEL) && alerting) {
                return null;
            }
            Labels l = s.labels().without(Names.METRIC_NAME_LABEL);
            if (l.has(MARKER)) {
                return null;
            }
            Series stripped = Series.of(l, s.timestamps(), s.values());
            if (seen.put(l, stripped) != null) {
                return null;
            }
            out.add(stripped);
        }
        return out;
    }

    /** Writes each series at the steps it has, and a staleness marker at the first step it is missing. */
    private static void write(Storage target, List<Series> series, String id, long mint, long last, long step) {
        for (Series s : series) {
            Labels l = s.labels().with(MARKER, id);
            long[] ts = s.timestamps();
            double[] vs = s.values();
            for (int i = 0; i < ts.length; i++) {
                target.append(l, ts[i], vs[i]);
                long next = ts[i] + step;
                boolean gap = i + 1 < ts.length ? ts[i + 1] != next : next <= last;
                if (gap) {
                    target.appendStaleMarker(l, next);
                }
            }
        }
    }
}
