package io.monitoringkit.promql;

/**
 * A unary {@code -}/{@code +}, whichever type it produces ({@link VectorUnary} or {@link ScalarUnary}).
 *
 * <pre>{@code
 * if (expr instanceof UnaryExpr u) { u.op(); u.expr(); }
 * }</pre>
 */
public sealed interface UnaryExpr permits VectorUnary, ScalarUnary {
    /** @return the operator. */
    UnaryOp op();

    /** @return the operand. */
    Expr expr();
}
