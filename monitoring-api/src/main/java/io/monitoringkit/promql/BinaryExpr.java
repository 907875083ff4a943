package io.monitoringkit.promql;

/**
 * A binary operation, whichever type it produces ({@link VectorBinary} or {@link ScalarBinary}).
 *
 * <pre>{@code
 * if (expr instanceof BinaryExpr b) { b.op(); b.lhs(); b.rhs(); }
 * }</pre>
 */
public sealed interface BinaryExpr permits VectorBinary, ScalarBinary {
    /** @return the operator. */
    BinaryOp op();

    /** @return the left operand. */
    Expr lhs();

    /** @return the right operand. */
    Expr rhs();

    /** @return the vector matching (always {@link VectorMatching#DEFAULT} unless both sides are vectors). */
    VectorMatching matching();

    /** @return whether a comparison carries {@code bool}. */
    boolean returnBool();
}
