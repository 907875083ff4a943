package io.monitoringkit.rules.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node was (line and column), read with Jackson's streaming
 * YAML parser. Scalars keep their source text, so {@code no}, {@code on} or {@code 1.50} stay the strings they
 * are for Prometheus (Go's YAML decoder puts any scalar into a string field unchanged).
 */
public final class YamlTree {

    private YamlTree() {
    }

    /** A node. */
    public sealed interface YNode permits YMap, YSeq, YScalar {
        /** @return 1-based line. */
        int line();

        /** @return 1-based column. */
        int column();
    }

    /** A mapping entry. @param key the key @param line key line @param column key column @param value the value */
    public record Entry(String key, int line, int column, YNode value) {
    }

    /** A mapping. @param line line @param column column @param entries entries in order @param duplicates repeated keys */
    public record YMap(int line, int column, Map<String, Entry> entries, List<Entry> duplicates) implements YNode {
    }

    /** A sequence. @param line line @param column column @param items the items */
    public record YSeq(int line, int column, List<YNode> items) implements YNode {
    }

    /**
     * A scalar.
     *
     * @param line line
     * @param column column
     * @param text the source text ("" for null)
     * @param isNull whether it is YAML's null
     * @param isNumber whether YAML resolves it as a number
     */
    public record YScalar(int line, int column, String text, boolean isNull, boolean isNumber) implements YNode {
    }

    /** A YAML syntax error. */
    public static final class YamlError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        YamlError(String message, int line, int column) {
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

    /** @return every document of the stream (an empty document is a null scalar). */
    public static List<YNode> parseAll(String yaml) throws YamlError {
        List<YNode> docs = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                docs.add(read(p, t));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new YamlError("yaml: " + msg.lines().findFirst().orElse(msg),
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        } catch (IOException e) {
            throw new YamlError("yaml: " + e.getMessage(), 0, 0);
        }
        return docs;
    }

    private static YNode read(JsonParser p, JsonToken t) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        switch (t) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                List<Entry> dups = new ArrayList<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    YNode v = read(p, p.nextToken());
                    Entry e = new Entry(key, kl.getLineNr(), kl.getColumnNr(), v);
                    if (entries.containsKey(key)) {
                        dups.add(e);
                    } else {
                        entries.put(key, e);
                    }
                }
                return new YMap(line, col, entries, dups);
            }
            case START_ARRAY: {
                List<YNode> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(p, n));
                }
                return new YSeq(line, col, items);
            }
            case VALUE_NULL:
                return new YScalar(line, col, "", true, false);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT:
                return new YScalar(line, col, p.getText(), false, true);
            default:
                return new YScalar(line, col, p.getText(), false, false);
        }
    }
}
