package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One step of a threshold list: a color from a value on ({@code null} value: the base step).
 *
 * <pre>{@code
 * Thresholds.absolute(ThresholdStep.base("green"), ThresholdStep.at(80, "red"));
 * }</pre>
 */
public final class ThresholdStep extends JsonBacked {

    private ThresholdStep(ObjectNode json) {
        super(json);
    }

    /** @return the base step (value {@code null}). */
    public static ThresholdStep base(String color) {
        ObjectNode o = Json.object();
        o.put("color", Objects.requireNonNull(color, "color"));
        o.putNull("value");
        return new ThresholdStep(o);
    }

    /** @return the step from {@code value} on. */
    public static ThresholdStep at(double value, String color) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("threshold value must not be NaN");
        }
        ObjectNode o = Json.object();
        o.put("color", Objects.requireNonNull(color, "color"));
        o.set("value", Json.number(value));
        return new ThresholdStep(o);
    }

    /** @return this step with an extra field (kept verbatim, e.g. {@code "state"} used by some plugins). */
    public ThresholdStep with(String key, JsonNode value) {
        ObjectNode o = toJson();
        o.set(key, value.deepCopy());
        return new ThresholdStep(o);
    }

    static ThresholdStep read(In in) {
        return new ThresholdStep(in.rest);
    }

    /** @return the color. */
    public Optional<String> color() {
        return text("color");
    }

    /** @return the value, empty for the base step. */
    public OptionalDouble value() {
        JsonNode n = json.get("value");
        return n != null && n.isNumber() ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }
}
