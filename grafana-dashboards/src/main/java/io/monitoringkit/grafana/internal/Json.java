package io.monitoringkit.grafana.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Comparator;

/** Shared Jackson configuration: one mapper, Grafana-like pretty printing, value equality of JSON trees. */
public final class Json {

    /** The mapper (strict duplicate detection, trees with sorted keys on output). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** Factory for new nodes. */
    public static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    /** @return a new empty object. */
    public static ObjectNode object() {
        return F.objectNode();
    }

    /** @return a new empty array. */
    public static ArrayNode array() {
        return F.arrayNode();
    }

    /** @return pretty JSON (2-space indent, {@code "key": value}, keys sorted) with a final newline. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return compact JSON, keys sorted. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers compare by value (1 equals 1.0); everything else by Jackson's equality (key order ignored). */
    public static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return a.bigIntegerValue().compareTo(b.bigIntegerValue());
            }
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** @return whether two trees are equal as JSON values: key order ignored, 1 and 1.0 equal. */
    public static boolean valueEquals(JsonNode a, JsonNode b) {
        return a.equals(NUMERIC, b);
    }

    /** @return a copy of {@code node}, or {@code null} for {@code null}. */
    @SuppressWarnings("unchecked")
    public static <T extends JsonNode> T copy(T node) {
        return node == null ? null : (T) node.deepCopy();
    }

    /** @return a JSON number node for {@code d}: integral values as longs so they print without ".0". */
    public static JsonNode number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return F.numberNode((long) d);
        }
        return F.numberNode(d);
    }
}
