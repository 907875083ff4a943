package io.monitoringkit.promql.internal;

import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.ParseOptions;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where the nodes of a parsed expression start in its text: the parser records the start of every node it builds
 * and of every label matcher's name and value, keyed by identity (equal nodes at different places keep their own
 * positions). Used by checks that report findings inside an expression; the public records carry no positions.
 *
 * <pre>{@code
 * SourceMap map = SourceMap.parse("sum(rate(x{code=\"500\"}[5m]))", ParseOptions.defaults());
 * map.expr();                                    // the parsed expression
 * map.lineColumn(map.start(someSelector));       // {1, 10}
 * }</pre>
 */
public final class SourceMap {

    private final String text;
    private final Map<Object, Integer> starts = new IdentityHashMap<>();
    private final Map<LabelMatcher, Integer> valueStarts = new IdentityHashMap<>();
    private Expr expr;

    SourceMap(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text} as {@link io.monitoringkit.promql.PromQL#parse(String, ParseOptions)} does, recording
     * positions.
     *
     * @throws io.monitoringkit.promql.PromQLParseException as the parser does
     */
    public static SourceMap parse(String text, ParseOptions options) {
        SourceMap map = new SourceMap(text);
        map.expr = Parser.parse(text, options, map);
        return map;
    }

    /** @return the parsed expression (with its paren nodes). */
    public Expr expr() {
        return expr;
    }

    /** @return the text parsed. */
    public String text() {
        return text;
    }

    /** @return the char index where {@code node} (an {@link Expr} or {@link LabelMatcher}) starts, or -1. */
    public int start(Object node) {
        Integer s = starts.get(node);
        return s == null ? -1 : s;
    }

    /** @return the char index where the quoted value of {@code matcher} starts, or -1. */
    public int valueStart(LabelMatcher matcher) {
        Integer s = valueStarts.get(matcher);
        return s == null ? -1 : s;
    }

    /** @return the 1-based line and column (in characters) of char index {@code offset} of {@code text}. */
    public static int[] lineColumn(String text, int offset) {
        int end = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, end - lineStart + 1};
    }

    void node(Object node, int start) {
        starts.putIfAbsent(node, start);
    }

    void matcher(LabelMatcher m, int nameStart, int valueStart) {
        starts.put(m, nameStart);
        valueStarts.put(m, valueStart);
    }
}
