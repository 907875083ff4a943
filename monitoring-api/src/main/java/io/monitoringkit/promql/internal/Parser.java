package io.monitoringkit.promql.internal;

import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQLParseException;

/** The PromQL parser (being written). */
public final class Parser {
    private Parser() {
    }

    /** Parses {@code text}. */
    public static Expr parse(String text, ParseOptions options) {
        throw new PromQLParseException(1, 1, "parser not yet available");
    }
}
