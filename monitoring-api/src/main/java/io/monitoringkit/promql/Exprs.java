package io.monitoringkit.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Utilities over expression trees.
 *
 * <pre>{@code
 * Exprs.withoutParens(PromQL.parse("((a)) + (b)"));   // a + b
 * Exprs.selectors(PromQL.parse("a / on (x) b"));       // [a, b]
 * }</pre>
 */
public final class Exprs {

    private Exprs() {
    }

    /** @return {@code e} with every parenthesis node removed (the law {@code parse(print(e))} holds modulo these). */
    @SuppressWarnings("unchecked")
    public static <E extends Expr> E withoutParens(E e) {
        return (E) e.accept(STRIP);
    }

    /** @return every vector selector in {@code e}, in source order (matrix selectors contribute theirs). */
    public static List<VectorSelector> selectors(Expr e) {
        List<VectorSelector> out = new ArrayList<>();
        e.accept(new ExprVisitor.Walker<Void>(null, (a, b) -> null) {
            @Override
            public Void visit(VectorSelector s) {
                out.add(s);
                return null;
            }
        });
        return List.copyOf(out);
    }

    private static final ExprVisitor<Expr> STRIP = new ExprVisitor<>() {
        private InstantVectorExpr v(InstantVectorExpr e) {
            return (InstantVectorExpr) e.accept(this);
        }

        private ScalarExpr s(ScalarExpr e) {
            return (ScalarExpr) e.accept(this);
        }

        private Expr any(Expr e) {
            return e.accept(this);
        }

        private List<Expr> all(List<Expr> es) {
            List<Expr> out = new ArrayList<>(es.size());
            for (Expr e : es) {
                out.add(any(e));
            }
            return out;
        }

        @Override
        public Expr visit(NumberLiteral e) {
            return e;
        }

        @Override
        public Expr visit(StringLiteral e) {
            return e;
        }

        @Override
        public Expr visit(VectorSelector e) {
            return e;
        }

        @Override
        public Expr visit(MatrixSelector e) {
            return e;
        }

        @Override
        public Expr visit(Subquery e) {
            return new Subquery(v(e.expr()), e.range(), e.step(), e.offset(), e.at());
        }

        @Override
        public Expr visit(VectorCall e) {
            return new VectorCall(e.function(), all(e.args()));
        }

        @Override
        public Expr visit(ScalarCall e) {
            return new ScalarCall(e.function(), all(e.args()));
        }

        @Override
        public Expr visit(Aggregation e) {
            Optional<Expr> p = e.param().map(this::any);
            return new Aggregation(e.op(), v(e.expr()), p, e.grouping());
        }

        @Override
        public Expr visit(VectorBinary e) {
            return new VectorBinary(e.op(), any(e.lhs()), any(e.rhs()), e.matching(), e.returnBool());
        }

        @Override
        public Expr visit(ScalarBinary e) {
            return new ScalarBinary(e.op(), s(e.lhs()), s(e.rhs()), e.returnBool());
        }

        @Override
        public Expr visit(VectorUnary e) {
            return new VectorUnary(e.op(), v(e.expr()));
        }

        @Override
        public Expr visit(ScalarUnary e) {
            return new ScalarUnary(e.op(), s(e.expr()));
        }

        @Override
        public Expr visit(VectorParen e) {
            return any(e.expr());
        }

        @Override
        public Expr visit(RangeParen e) {
            return any(e.expr());
        }

        @Override
        public Expr visit(ScalarParen e) {
            return any(e.expr());
        }

        @Override
        public Expr visit(StringParen e) {
            return any(e.expr());
        }
    };
}
