package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.engine.rules.RuleEvaluator;

import java.util.function.Function;

/**
 * Gives implementation packages (the rule test runner) the {@link RuleRuntime} behind a {@link RuleEvaluator}
 * without making it public API; {@code RuleEvaluator} registers the accessor when its class initializes.
 *
 * <pre>{@code
 * RuleAccess.runtime(evaluator).addCheckedGroups(groups);   // groups already checked as a rule file
 * }</pre>
 */
public final class RuleAccess {
    private static volatile Function<RuleEvaluator, RuleRuntime> runtimeAccessor;

    private RuleAccess() {
    }

    /** Called once by {@link RuleEvaluator}. */
    public static void registerRuntime(Function<RuleEvaluator, RuleRuntime> accessor) {
        runtimeAccessor = accessor;
    }

    /** @return the runtime behind {@code evaluator}. */
    public static RuleRuntime runtime(RuleEvaluator evaluator) {
        return runtimeAccessor.apply(evaluator);
    }
}
