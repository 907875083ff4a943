package io.monitoringkit.engine.internal;

import java.util.List;

/** The value of an expression node over all evaluation steps. */
sealed interface Val {

    /** An instant vector per step. */
    record Vectors(Vec[] steps) implements Val {
    }

    /** A scalar per step. */
    record Scalars(double[] v) implements Val {
    }

    /** A string (step-invariant). */
    record Str(String s) implements Val {
    }

    /**
     * A range vector: series with their points; step {@code i}'s window is {@code (refs[i] - range, refs[i]]}.
     *
     * @param series    the series with at least one point somewhere
     * @param refs      the window end per step
     * @param range     the window length
     * @param stepTimes the time used as "now" by functions per step (predict_linear's intercept)
     */
    record Range(List<RSeries> series, long[] refs, long range, long[] stepTimes) implements Val {
    }
}
