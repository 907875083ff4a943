package io.monitoringkit.promql;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips a jqwik container, with the reason, while the PromQL parser is not available (see {@link ParserSupport}). */
public final class ParserAvailableHook implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return ParserSupport.unavailableReason().map(reason -> {
            System.err.println("SKIPPED " + context.label() + ": " + reason);
            return SkipResult.skip(reason);
        }).orElse(SkipResult.doNotSkip());
    }
}
