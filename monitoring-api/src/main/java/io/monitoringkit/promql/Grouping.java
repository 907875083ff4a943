package io.monitoringkit.promql;

import io.monitoringkit.model.Names;
import java.util.List;
import java.util.Objects;

/**
 * The grouping clause of an aggregation: none, {@code by (...)} or {@code without (...)}. An empty
 * {@code by ()} is the same as none, as in Prometheus.
 *
 * <pre>{@code
 * Grouping.by("job", "instance");  // by (job, instance)
 * Grouping.without("pod");         // without (pod)
 * }</pre>
 *
 * @param kind   none, by or without
 * @param labels the label names, in the order written
 */
public record Grouping(Kind kind, List<String> labels) {

    /** The forms. */
    public enum Kind {
        /** no clause */
        NONE,
        /** {@code by (...)} */
        BY,
        /** {@code without (...)} */
        WITHOUT
    }

    /** No grouping. */
    public static final Grouping NONE = new Grouping(Kind.NONE, List.of());

    /** Copies the labels and normalises {@code by ()} to none. */
    public Grouping {
        Objects.requireNonNull(kind, "kind");
        labels = List.copyOf(labels);
        for (String l : labels) {
            Names.requireUtf8Name(l, "label name");
        }
        if (kind == Kind.NONE && !labels.isEmpty()) {
            throw new IllegalArgumentException("a grouping of kind NONE has no labels, got " + labels);
        }
        if (kind == Kind.BY && labels.isEmpty()) {
            kind = Kind.NONE;
        }
    }

    /** @return {@code by (labels)}. */
    public static Grouping by(String... labels) {
        return new Grouping(Kind.BY, List.of(labels));
    }

    /** @return {@code without (labels)}. */
    public static Grouping without(String... labels) {
        return new Grouping(Kind.WITHOUT, List.of(labels));
    }
}
