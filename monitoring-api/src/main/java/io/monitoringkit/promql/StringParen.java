package io.monitoringkit.promql;

import java.util.Objects;

/**
 * Parentheses around an expression of type {@link StringExpr}, as written in parsed source.
 *
 * <pre>{@code
 * Exprs.withoutParens(PromQL.parse("(x)"));   // x
 * }</pre>
 *
 * @param expr the parenthesised expression
 */
public record StringParen(StringExpr expr) implements StringExpr, ParenExpr {

    /** Rejects null. */
    public StringParen {
        Objects.requireNonNull(expr, "expr");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String toString() {
        return toPromQL();
    }
}
