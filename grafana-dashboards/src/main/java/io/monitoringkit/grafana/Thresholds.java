package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Thresholds of a field: a mode ({@code absolute} or {@code percentage}) and steps.
 *
 * <pre>{@code
 * Thresholds t = Thresholds.absolute(ThresholdStep.base("green"), ThresholdStep.at(80, "red"));
 * }</pre>
 */
public final class Thresholds {
    private final String mode;
    private final List<ThresholdStep> steps;
    private final ObjectNode extra;

    private Thresholds(String mode, List<ThresholdStep> steps, ObjectNode extra) {
        this.mode = mode;
        this.steps = steps;
        this.extra = extra;
    }

    /**
     * @return absolute thresholds
     * @throws IllegalArgumentException when the values do not increase
     */
    public static Thresholds absolute(ThresholdStep... steps) {
        return of("absolute", List.of(steps));
    }

    /** @return percentage thresholds. */
    public static Thresholds percentage(ThresholdStep... steps) {
        return of("percentage", List.of(steps));
    }

    private static Thresholds of(String mode, List<ThresholdStep> steps) {
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < steps.size(); i++) {
            var v = steps.get(i).value();
            if (v.isPresent()) {
                if (v.getAsDouble() < last) {
                    throw new IllegalArgumentException("threshold steps[" + i + "] value " + v.getAsDouble()
                            + " is below the previous step's " + last);
                }
                last = v.getAsDouble();
            } else if (i > 0) {
                throw new IllegalArgumentException("threshold steps[" + i + "] has no value: only the first (base)"
                        + " step may");
            }
        }
        return new Thresholds(mode, List.copyOf(steps), null);
    }

    static Thresholds read(In in) {
        String mode = in.str("mode");
        List<ThresholdStep> steps = in.objects("steps", (s, i) -> ThresholdStep.read(s));
        return new Thresholds(mode, steps, in.extra());
    }

    /** @return the mode. */
    public Optional<String> mode() {
        return Optional.ofNullable(mode);
    }

    /** @return the steps. */
    public List<ThresholdStep> steps() {
        return steps == null ? List.of() : steps;
    }

    /** @return the JSON object. */
    public ObjectNode toJson() {
        return new Out().str("mode", mode).list("steps", steps, ThresholdStep::toJson).extra(extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Thresholds t && Json.valueEquals(toJson(), t.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, steps());
    }

    @Override
    public String toString() {
        return Json.compact(toJson());
    }
}
