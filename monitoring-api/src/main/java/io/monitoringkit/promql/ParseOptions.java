package io.monitoringkit.promql;

/**
 * Options of the PromQL parser.
 *
 * <pre>{@code
 * PromQL.parse("sort_by_label(up, \"job\")", ParseOptions.defaults().withExperimentalFunctions(true));
 * }</pre>
 *
 * @param experimentalFunctions accept functions and aggregations Prometheus gates behind
 *                              {@code --enable-feature=promql-experimental-functions}
 * @param maxDepth              the deepest nesting accepted before a clear error (guards the stack); chains of
 *                              operators such as {@code a + b + c} may be up to four times as long
 */
public record ParseOptions(boolean experimentalFunctions, int maxDepth) {

    private static final ParseOptions DEFAULTS = new ParseOptions(false, 256);

    /** @throws IllegalArgumentException when maxDepth is not positive */
    public ParseOptions {
        if (maxDepth <= 0) {
            throw new IllegalArgumentException("maxDepth must be positive, got " + maxDepth);
        }
    }

    /** @return experimental functions off, nesting up to 256. */
    public static ParseOptions defaults() {
        return DEFAULTS;
    }

    /** @return a copy with experimental functions on or off. */
    public ParseOptions withExperimentalFunctions(boolean enabled) {
        return new ParseOptions(enabled, maxDepth);
    }

    /** @return a copy with another nesting limit. */
    public ParseOptions withMaxDepth(int depth) {
        return new ParseOptions(experimentalFunctions, depth);
    }
}
