package io.monitoringkit.promql;

/**
 * A visitor over every PromQL node kind. Implement it to walk or transform a tree without {@code instanceof}
 * chains; {@link Expr#accept(ExprVisitor)} dispatches.
 *
 * <pre>{@code
 * int selectors = expr.accept(new ExprVisitor.Walker<Integer>(0, Integer::sum) {
 *     public Integer visit(VectorSelector s) { return 1; }
 * });
 * }</pre>
 *
 * @param <R> the result type
 */
public interface ExprVisitor<R> {
    /** @return the result for a number literal. */
    R visit(NumberLiteral e);

    /** @return the result for a string literal. */
    R visit(StringLiteral e);

    /** @return the result for an instant vector selector. */
    R visit(VectorSelector e);

    /** @return the result for a range vector selector. */
    R visit(MatrixSelector e);

    /** @return the result for a subquery. */
    R visit(Subquery e);

    /** @return the result for a function call returning an instant vector. */
    R visit(VectorCall e);

    /** @return the result for a function call returning a scalar. */
    R visit(ScalarCall e);

    /** @return the result for an aggregation. */
    R visit(Aggregation e);

    /** @return the result for a binary operation producing a vector. */
    R visit(VectorBinary e);

    /** @return the result for a binary operation between scalars. */
    R visit(ScalarBinary e);

    /** @return the result for a unary minus/plus on a vector. */
    R visit(VectorUnary e);

    /** @return the result for a unary minus/plus on a scalar. */
    R visit(ScalarUnary e);

    /** @return the result for parentheses around an instant vector. */
    R visit(VectorParen e);

    /** @return the result for parentheses around a range vector. */
    R visit(RangeParen e);

    /** @return the result for parentheses around a scalar. */
    R visit(ScalarParen e);

    /** @return the result for parentheses around a string. */
    R visit(StringParen e);

    /**
     * A visitor that visits every child and combines their results; override the node kinds of interest.
     *
     * <pre>{@code
     * List<String> names = new ArrayList<>();
     * expr.accept(new ExprVisitor.Walker<Void>(null, (a, b) -> null) {
     *     public Void visit(VectorSelector s) { names.add(s.name()); return null; }
     * });
     * }</pre>
     *
     * @param <R> the result type
     */
    abstract class Walker<R> implements ExprVisitor<R> {
        private final R identity;
        private final java.util.function.BinaryOperator<R> combine;

        /**
         * @param identity the result of a leaf and the start of combining
         * @param combine  how two results combine
         */
        protected Walker(R identity, java.util.function.BinaryOperator<R> combine) {
            this.identity = identity;
            this.combine = combine;
        }

        /** @return the combined results of visiting {@code children}. */
        protected R children(Expr... children) {
            R r = identity;
            for (Expr c : children) {
                r = combine.apply(r, c.accept(this));
            }
            return r;
        }

        private R children(java.util.List<? extends Expr> children) {
            return children(children.toArray(new Expr[0]));
        }

        @Override
        public R visit(NumberLiteral e) {
            return identity;
        }

        @Override
        public R visit(StringLiteral e) {
            return identity;
        }

        @Override
        public R visit(VectorSelector e) {
            return identity;
        }

        @Override
        public R visit(MatrixSelector e) {
            return children(e.selector());
        }

        @Override
        public R visit(Subquery e) {
            return children(e.expr());
        }

        @Override
        public R visit(VectorCall e) {
            return children(e.args());
        }

        @Override
        public R visit(ScalarCall e) {
            return children(e.args());
        }

        @Override
        public R visit(Aggregation e) {
            return e.param().isPresent() ? children(e.param().get(), e.expr()) : children(e.expr());
        }

        @Override
        public R visit(VectorBinary e) {
            return children(e.lhs(), e.rhs());
        }

        @Override
        public R visit(ScalarBinary e) {
            return children(e.lhs(), e.rhs());
        }

        @Override
        public R visit(VectorUnary e) {
            return children(e.expr());
        }

        @Override
        public R visit(ScalarUnary e) {
            return children(e.expr());
        }

        @Override
        public R visit(VectorParen e) {
            return children(e.expr());
        }

        @Override
        public R visit(RangeParen e) {
            return children(e.expr());
        }

        @Override
        public R visit(ScalarParen e) {
            return children(e.expr());
        }

        @Override
        public R visit(StringParen e) {
            return children(e.expr());
        }
    }
}
