package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Optional;

/**
 * A value mapping of a field: a value, a range, a regex or a special value shown as text and/or color.
 *
 * <pre>{@code
 * ValueMapping up = ValueMapping.value("1", "Up", "green");
 * ValueMapping slow = ValueMapping.range(0.5, 10, "Slow", "orange");
 * }</pre>
 */
public final class ValueMapping extends JsonBacked {

    private ValueMapping(ObjectNode json) {
        super(json);
    }

    private static ObjectNode result(String text, String color) {
        ObjectNode r = Json.object();
        if (text != null) {
            r.put("text", text);
        }
        if (color != null) {
            r.put("color", color);
        }
        return r;
    }

    /** @return {@code value} shown as {@code text} in {@code color}. */
    public static ValueMapping value(String value, String text, String color) {
        ObjectNode o = Json.object();
        o.put("type", "value");
        o.putObject("options").set(value, result(text, color).put("index", 0));
        return new ValueMapping(o);
    }

    /** @return values in {@code [from, to]} shown as {@code text} in {@code color}. */
    public static ValueMapping range(double from, double to, String text, String color) {
        if (from > to) {
            throw new IllegalArgumentException("range from " + from + " is greater than to " + to);
        }
        ObjectNode o = Json.object();
        o.put("type", "range");
        ObjectNode opts = o.putObject("options");
        opts.set("from", Json.number(from));
        opts.set("to", Json.number(to));
        opts.set("result", result(text, color).put("index", 0));
        return new ValueMapping(o);
    }

    /** @return values matching {@code pattern} shown as {@code text} in {@code color}. */
    public static ValueMapping regex(String pattern, String text, String color) {
        ObjectNode o = Json.object();
        o.put("type", "regex");
        ObjectNode opts = o.putObject("options");
        opts.put("pattern", pattern);
        opts.set("result", result(text, color).put("index", 0));
        return new ValueMapping(o);
    }

    /** @return a special value ({@code null}, {@code nan}, {@code null+nan}, {@code true}, {@code false}, {@code empty}). */
    public static ValueMapping special(String match, String text, String color) {
        ObjectNode o = Json.object();
        o.put("type", "special");
        ObjectNode opts = o.putObject("options");
        opts.put("match", match);
        opts.set("result", result(text, color).put("index", 0));
        return new ValueMapping(o);
    }

    /** @return a mapping from its JSON object (copied). */
    public static ValueMapping of(ObjectNode json) {
        return new ValueMapping(json.deepCopy());
    }

    static ValueMapping read(In in) {
        return new ValueMapping(in.rest);
    }

    /** @return the mapping type ({@code value}, {@code range}, {@code regex}, {@code special}). */
    public Optional<String> type() {
        return text("type");
    }
}
