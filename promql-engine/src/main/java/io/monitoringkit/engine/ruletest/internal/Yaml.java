package io.monitoringkit.engine.ruletest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML document as a tree whose nodes remember their line and column, read with Jackson's streaming parser.
 * Scalars keep their source text and whether they were quoted, which is what Go's YAML decoder (behind promtool)
 * looks at: a plain {@code 1.50} is the string "1.50" for a string field and a number for a float field, a quoted
 * {@code "1"} is never a number.
 */
public final class Yaml {

    private Yaml() {
    }

    /** A node. */
    public sealed interface Node permits MapNode, SeqNode, Scalar {
        /** @return 1-based line. */
        int line();

        /** @return 1-based column. */
        int column();

        /** @return YAML's name for the node's kind, for messages. */
        String kind();
    }

    /** A mapping entry. @param key the key @param line line of the key @param column column of the key @param value the value */
    public record Entry(String key, int line, int column, Node value) {
    }

    /**
     * A mapping.
     *
     * @param line line
     * @param column column
     * @param entries the entries in order (first occurrence of a key)
     * @param duplicates keys given again
     */
    public record MapNode(int line, int column, Map<String, Entry> entries, List<Entry> duplicates) implements Node {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A sequence. @param line line @param column column @param items the items */
    public record SeqNode(int line, int column, List<Node> items) implements Node {
        @Override
        public String kind() {
            return "a sequence";
        }
    }

    /**
     * A scalar.
     *
     * @param line line
     * @param column column
     * @param text the source text ("" for null)
     * @param isNull whether it is YAML's null ({@code ~}, {@code null} or nothing)
     * @param quoted whether it was written in quotes (or as a block scalar)
     */
    public record Scalar(int line, int column, String text, boolean isNull, boolean quoted) implements Node {
        @Override
        public String kind() {
            return isNull ? "null" : quoted ? "a quoted string" : "the scalar " + text;
        }
    }

    /** A syntax error. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxError(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        /** @return 1-based line, 0 when unknown. */
        public int line() {
            return line;
        }

        /** @return 1-based column, 0 when unknown. */
        public int column() {
            return column;
        }
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /**
     * @return the first document of {@code text}, a null scalar when there is none
     * @throws SyntaxError for malformed YAML
     */
    public static Node parse(String text) throws SyntaxError {
        int[] lineStarts = lineStarts(text);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Scalar(1, 1, "", true, false);
            }
            return read(p, t, text, lineStarts);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new SyntaxError("invalid YAML: " + msg.lines().findFirst().orElse(msg),
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        } catch (IOException e) {
            throw new SyntaxError("invalid YAML: " + e.getMessage(), 0, 0);
        }
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Node read(JsonParser p, JsonToken t, String text, int[] lineStarts) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        switch (t) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                List<Entry> dups = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    Node v = read(p, p.nextToken(), text, lineStarts);
                    Entry e = new Entry(key, kl.getLineNr(), kl.getColumnNr(), v);
                    if (entries.containsKey(key)) {
                        dups.add(e);
                    } else {
                        entries.put(key, e);
                    }
                }
                return new MapNode(line, col, entries, dups);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(p, n, text, lineStarts));
                }
                return new SeqNode(line, col, items);
            }
            case VALUE_NULL:
                return new Scalar(line, col, "", true, false);
            default:
                return new Scalar(line, col, p.getText(), false, isQuoted(text, lineStarts, line, col));
        }
    }

    /** Whether the scalar at (line, column) starts with a quote or a block indicator. */
    private static boolean isQuoted(String text, int[] lineStarts, int line, int col) {
        if (line < 1 || line > lineStarts.length) {
            return false;
        }
        int at = lineStarts[line - 1] + col - 1;
        if (at < 0 || at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return c == '"' || c == '\'' || c == '|' || c == '>';
    }
}
