package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * The color scheme of a field.
 *
 * <pre>{@code
 * FieldColor.fixed("red");                 // {"mode":"fixed","fixedColor":"red"}
 * FieldColor.mode("palette-classic");      // {"mode":"palette-classic"}
 * FieldColor.thresholds();                 // {"mode":"thresholds"}
 * }</pre>
 */
public final class FieldColor extends JsonBacked {

    private FieldColor(ObjectNode json) {
        super(json);
    }

    /** @return color mode {@code mode}. */
    public static FieldColor mode(String mode) {
        ObjectNode o = Json.object();
        o.put("mode", Objects.requireNonNull(mode, "mode"));
        return new FieldColor(o);
    }

    /** @return one fixed color. */
    public static FieldColor fixed(String color) {
        ObjectNode o = Json.object();
        o.put("mode", "fixed");
        o.put("fixedColor", Objects.requireNonNull(color, "color"));
        return new FieldColor(o);
    }

    /** @return colors from the thresholds. */
    public static FieldColor thresholds() {
        return mode("thresholds");
    }

    static FieldColor read(In in) {
        return new FieldColor(in.rest);
    }

    /** @return the mode. */
    public Optional<String> modeName() {
        return text("mode");
    }

    /** @return the fixed color. */
    public Optional<String> fixedColor() {
        return text("fixedColor");
    }
}
