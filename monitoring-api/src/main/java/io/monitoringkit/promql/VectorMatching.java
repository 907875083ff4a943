package io.monitoringkit.promql;

import io.monitoringkit.model.Names;
import java.util.List;
import java.util.Objects;

/**
 * How a binary operation between two instant vectors matches their elements: {@code on (...)} or
 * {@code ignoring (...)}, and {@code group_left (...)} / {@code group_right (...)} for many-to-one and
 * one-to-many matching. The default ({@link #DEFAULT}) is one-to-one on all labels but the metric name.
 *
 * <pre>{@code
 * a.div(b).on("job").groupLeft("version");   // a / on (job) group_left (version) b
 * }</pre>
 *
 * @param cardinality one-to-one, many-to-one ({@code group_left}) or one-to-many ({@code group_right})
 * @param on          whether {@code labels} are an {@code on} list (else an {@code ignoring} list)
 * @param labels      the {@code on}/{@code ignoring} label names
 * @param include     the extra labels copied by {@code group_left}/{@code group_right}
 */
public record VectorMatching(Cardinality cardinality, boolean on, List<String> labels, List<String> include) {

    /** Matching cardinalities. */
    public enum Cardinality {
        /** Each element matches at most one on the other side. */
        ONE_TO_ONE,
        /** {@code group_left}: many on the left, one on the right. */
        MANY_TO_ONE,
        /** {@code group_right}: one on the left, many on the right. */
        ONE_TO_MANY
    }

    /** One-to-one, ignoring nothing. */
    public static final VectorMatching DEFAULT = new VectorMatching(Cardinality.ONE_TO_ONE, false, List.of(), List.of());

    /** Copies the lists and checks names. */
    public VectorMatching {
        Objects.requireNonNull(cardinality, "cardinality");
        labels = List.copyOf(labels);
        include = List.copyOf(include);
        for (String l : labels) {
            Names.requireUtf8Name(l, "label name");
        }
        for (String l : include) {
            Names.requireUtf8Name(l, "label name");
        }
        if (cardinality == Cardinality.ONE_TO_ONE && !include.isEmpty()) {
            throw new IllegalArgumentException("extra labels " + include + " need group_left or group_right");
        }
    }

    /** @return {@code on (labels)} with this cardinality. */
    public VectorMatching withOn(List<String> labels) {
        return new VectorMatching(cardinality, true, labels, include);
    }

    /** @return {@code ignoring (labels)} with this cardinality. */
    public VectorMatching withIgnoring(List<String> labels) {
        return new VectorMatching(cardinality, false, labels, include);
    }

    /** @return this matching with {@code cardinality} and {@code include} labels. */
    public VectorMatching withGrouping(Cardinality cardinality, List<String> include) {
        return new VectorMatching(cardinality, on, labels, include);
    }

    /** @return whether this is the default (nothing would be printed). */
    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
