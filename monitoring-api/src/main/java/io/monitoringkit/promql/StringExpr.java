package io.monitoringkit.promql;

/**
 * An expression that evaluates to a string: a string literal or one in parentheses.
 *
 * <pre>{@code
 * StringExpr s = PromQL.string("a\"b");   // "a\"b"
 * }</pre>
 */
public sealed interface StringExpr extends Expr permits StringLiteral, StringParen {
    @Override
    default ValueType type() {
        return ValueType.STRING;
    }
}
