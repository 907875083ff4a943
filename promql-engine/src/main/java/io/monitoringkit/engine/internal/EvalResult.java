package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;

import java.util.List;

/** The result of a query evaluation, with the annotations raised. */
public sealed interface EvalResult {

    /** @return the warnings and infos. */
    Annotations annotations();

    /** An instant vector. */
    record VectorResult(List<Point> samples, Annotations annotations) implements EvalResult {
    }

    /** A range vector (range queries, or range selectors in instant queries); series sorted by labels. */
    record MatrixResult(List<SeriesPoints> series, Annotations annotations) implements EvalResult {
    }

    /** A scalar. */
    record ScalarResult(long t, double v, Annotations annotations) implements EvalResult {
    }

    /** A string. */
    record StringResult(long t, String v, Annotations annotations) implements EvalResult {
    }

    /** One sample of a vector result. */
    record Point(Labels metric, long t, double v) {
    }

    /** One series of a matrix result. */
    record SeriesPoints(Labels metric, long[] ts, double[] vs) {
    }
}
