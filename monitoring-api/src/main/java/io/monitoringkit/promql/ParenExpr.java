package io.monitoringkit.promql;

/**
 * Parentheses written in the source. The parser keeps them (so positions and the user's text survive); the
 * DSL never creates them, because the printer adds parentheses wherever precedence needs them.
 * {@link Exprs#withoutParens(Expr)} removes them.
 *
 * <pre>{@code
 * PromQL.parse("(a + b) * c");   // VectorBinary(*, VectorParen(a + b), c)
 * }</pre>
 */
public sealed interface ParenExpr permits VectorParen, RangeParen, ScalarParen, StringParen {
    /** @return the parenthesised expression. */
    Expr expr();
}
