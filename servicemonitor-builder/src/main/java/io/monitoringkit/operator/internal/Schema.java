package io.monitoringkit.operator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.monitoringkit.model.GoStrings;
import io.monitoringkit.operator.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A hand-written structural schema: the subset of OpenAPI v3 the Prometheus Operator CRDs use (types, required
 * fields, enums, patterns, minimums and maximums, int-or-string), checked on a JSON tree with strict field
 * validation (unknown fields are errors, as under the API server's {@code fieldValidation=Strict}).
 */
public abstract class Schema {

    /** Checks {@code node} (never null, possibly a JSON null) at {@code path}, adding violations to {@code out}. */
    public abstract void check(JsonNode node, String path, List<Violation> out);

    /** @return the kind of value this schema accepts, for messages ("a string", "an object") */
    abstract String expected();

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "string " + quote(node.asText());
        }
        if (node.isNumber()) {
            return "number " + node.asText();
        }
        if (node.isBoolean()) {
            return "boolean " + node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "an object";
    }

    static String quote(String s) {
        return GoStrings.quote(s);
    }

    void typeError(JsonNode node, String path, List<Violation> out) {
        out.add(new Violation(path, "must be " + expected() + ", got " + describe(node)));
    }

    // ---- factories

    public static Obj obj() {
        return new Obj();
    }

    public static Str str() {
        return new Str();
    }

    public static Int integer() {
        return new Int();
    }

    public static Bool bool() {
        return new Bool();
    }

    public static Arr list(Schema item) {
        return new Arr(item);
    }

    public static MapOf mapOf(Schema value) {
        return new MapOf(value);
    }

    public static IntOrStr intOrString() {
        return new IntOrStr();
    }

    /** Any value at all (fields of Kubernetes' own types we do not model, such as managedFields). */
    public static Schema any() {
        return new Schema() {
            @Override
            public void check(JsonNode node, String path, List<Violation> out) {
            }

            @Override
            String expected() {
                return "any value";
            }
        };
    }

    // ---- node kinds

    /** An object with known fields; unknown fields are errors. */
    public static final class Obj extends Schema {
        private final Map<String, Schema> fields = new LinkedHashMap<>();
        private final Set<String> required = new LinkedHashSet<>();

        public Obj field(String name, Schema schema) {
            fields.put(name, schema);
            return this;
        }

        public Obj required(String name, Schema schema) {
            fields.put(name, schema);
            required.add(name);
            return this;
        }

        public Map<String, Schema> fields() {
            return fields;
        }

        public Set<String> requiredFields() {
            return required;
        }

        @Override
        String expected() {
            return "an object";
        }

        @Override
        public void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isObject()) {
                typeError(node, path, out);
                return;
            }
            for (String r : required) {
                JsonNode v = node.get(r);
                if (v == null || v.isNull()) {
                    out.add(new Violation(join(path, r), "is required"));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Schema s = fields.get(e.getKey());
                String p = join(path, e.getKey());
                if (s == null) {
                    out.add(new Violation(p, unknownField(e.getKey())));
                } else if (!e.getValue().isNull()) {
                    s.check(e.getValue(), p, out);
                }
            }
        }

        private String unknownField(String name) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String known : fields.keySet()) {
                int d = distance(name.toLowerCase(), known.toLowerCase());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = known;
                }
            }
            if (best != null && bestDistance <= Math.max(1, Math.min(3, name.length() / 3))) {
                return "unknown field (did you mean " + quote(best) + "?)";
            }
            return "unknown field";
        }
    }

    /** A string, optionally with an enum, a pattern or a minimum length. */
    public static final class Str extends Schema {
        private List<String> values = List.of();
        private Pattern pattern;
        private Function<String, String> patternMessage;
        private int minLength;
        private String hint;

        /** Adds a hint to the message for a value of the wrong type. */
        public Str hint(String hint) {
            this.hint = hint;
            return this;
        }

        public Str oneOf(String... allowed) {
            this.values = List.of(allowed);
            return this;
        }

        /** A pattern (matched in full) and the message for a value that does not match it. */
        public Str pattern(String regex, Function<String, String> message) {
            this.pattern = Pattern.compile(regex);
            this.patternMessage = message;
            return this;
        }

        public Str minLength(int n) {
            this.minLength = n;
            return this;
        }

        public List<String> values() {
            return values;
        }

        @Override
        String expected() {
            return "a string";
        }

        @Override
        public void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isTextual()) {
                if (hint != null) {
                    out.add(new Violation(path, "must be a string, got " + describe(node) + "; " + hint));
                } else {
                    typeError(node, path, out);
                }
                return;
            }
            String s = node.asText();
            if (s.length() < minLength) {
                out.add(new Violation(path, minLength == 1 ? "must not be empty"
                        : "must be at least " + minLength + " characters long"));
                return;
            }
            if (!values.isEmpty() && !values.contains(s)) {
                out.add(new Violation(path, quote(s) + " is not one of " + String.join(", ", values)));
            }
            if (pattern != null && !pattern.matcher(s).matches()) {
                out.add(new Violation(path, patternMessage.apply(s)));
            }
        }
    }

    /** A JSON integer with optional bounds. */
    public static final class Int extends Schema {
        private Long min;
        private Long max;

        public Int min(long n) {
            this.min = n;
            return this;
        }

        public Int max(long n) {
            this.max = n;
            return this;
        }

        @Override
        String expected() {
            return "an integer";
        }

        @Override
        public void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
                typeError(node, path, out);
                return;
            }
            long v = node.asLong();
            if (min != null && v < min) {
                out.add(new Violation(path, "must be at least " + min + ", got " + node.asText()));
            }
            if (max != null && v > max) {
                out.add(new Violation(path, "must be at most " + max + ", got " + node.asText()));
            }
        }
    }

    /** A boolean. */
    public static final class Bool extends Schema {
        @Override
        String expected() {
            return "a boolean";
        }

        @Override
        public void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isBoolean()) {
                typeError(node, path, out);
            }
        }
    }

    /** A list of items. */
    public static final class Arr extends Schema {
        private final Schema item;
        private int minItems;

        Arr(Schema item) {
            this.item = item;
        }

        public Arr minItems(int n) {
            this.minItems = n;
            return this;
        }

        public Schema item() {
            return item;
        }

        @Override
        String expected() {
            return "a list";
        }

        @Override
        public void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isArray()) {
                typeError(node, path, out);
                return;
            }
            if (node.size() < minItems) {
                out.add(new Violation(path, "must have at least " + minItems + (minItems == 1 ? " item" : " items")));
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode v = node.get(i);
                String p = path + "[" + i + "]";
                if (v.isNull()) {
                    out.add(new Violation(p, "must be " + item.expected() + ", got null"));
                } else {
                    item.check(v, p, out);
                }
            }
        }
    }

    /** An object used as a map from string keys to values of one schema. */
    public static final class MapOf extends Schema {
        private final Schema value;

        MapOf(Schema value) {
            this.value = value;
        }

        public Schema value() {
            return value;
        }

        @Override
        String expected() {
            return "a map";
        }

        @Override
        public void check(JsonNode node, String path, List<Violation> out) {
            if (!node.isObject()) {
                typeError(node, path, out);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = join(path, e.getKey());
                if (e.getValue().isNull()) {
                    out.add(new Violation(p, "must be " + value.expected() + ", got null"));
                } else {
                    value.check(e.getValue(), p, out);
                }
            }
        }
    }

    /** Kubernetes' int-or-string, optionally with a pattern for the string form. */
    public static final class IntOrStr extends Schema {
        private Pattern pattern;
        private Function<String, String> patternMessage;

        public IntOrStr pattern(String regex, Function<String, String> message) {
            this.pattern = Pattern.compile(regex);
            this.patternMessage = message;
            return this;
        }

        @Override
        String expected() {
            return "an integer or a string";
        }

        @Override
        public void check(JsonNode node, String path, List<Violation> out) {
            if (node.isIntegralNumber()) {
                return;
            }
            if (!node.isTextual()) {
                typeError(node, path, out);
                return;
            }
            if (pattern != null && !pattern.matcher(node.asText()).matches()) {
                out.add(new Violation(path, patternMessage.apply(node.asText())));
            }
        }
    }

    /** {@code a.b}, or a quoted segment for keys that are not plain identifiers ({@code labels["app.kubernetes.io/name"]}). */
    public static String join(String path, String key) {
        boolean plain = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
        if (!plain) {
            return path + "[" + quote(key) + "]";
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Collects (path, schema) pairs of every field reachable from this schema, for conformance tests. */
    public static List<String> fieldPaths(Schema s) {
        List<String> out = new ArrayList<>();
        walk(s, "", out);
        return out;
    }

    private static void walk(Schema s, String path, List<String> out) {
        if (s instanceof Obj o) {
            for (Map.Entry<String, Schema> e : o.fields.entrySet()) {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(p);
                walk(e.getValue(), p, out);
            }
        } else if (s instanceof Arr a) {
            walk(a.item, path + "[]", out);
        } else if (s instanceof MapOf m) {
            walk(m.value, path + "{}", out);
        }
    }
}
