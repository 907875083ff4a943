package io.monitoringkit.promql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Test helper: a tree with its parenthesis nodes removed and every selector's matchers in the order Prometheus
 * prints them (sorted by their rendering, bytewise like Go). Matcher order has no meaning in PromQL and
 * Prometheus' printer sorts matchers, so {@code parse(print(parse(s)))} can only equal {@code parse(s)} up to it.
 */
final class Canonical {

    private Canonical() {
    }

    static Expr of(Expr e) {
        return Exprs.withoutParens(e).accept(SORT);
    }

    static VectorSelector sorted(VectorSelector s) {
        List<LabelMatcher> ms = new ArrayList<>(s.matchers());
        ms.sort(Comparator.comparing(m -> PromQLPrinter.matcher(m).getBytes(StandardCharsets.UTF_8),
                Arrays::compareUnsigned));
        return new VectorSelector(s.name(), ms, s.offset(), s.at());
    }

    private static final ExprVisitor<Expr> SORT = new ExprVisitor<>() {
        private List<Expr> all(List<Expr> es) {
            List<Expr> out = new ArrayList<>(es.size());
            for (Expr e : es) {
                out.add(e.accept(this));
            }
            return out;
        }

        private InstantVectorExpr v(InstantVectorExpr e) {
            return (InstantVectorExpr) e.accept(this);
        }

        private ScalarExpr s(ScalarExpr e) {
            return (ScalarExpr) e.accept(this);
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
            return sorted(e);
        }

        @Override
        public Expr visit(MatrixSelector e) {
            return new MatrixSelector(sorted(e.selector()), e.range());
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
            return new Aggregation(e.op(), v(e.expr()), e.param().map(p -> p.accept(this)), e.grouping());
        }

        @Override
        public Expr visit(VectorBinary e) {
            return new VectorBinary(e.op(), e.lhs().accept(this), e.rhs().accept(this), e.matching(), e.returnBool());
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
            return e.expr().accept(this);
        }

        @Override
        public Expr visit(RangeParen e) {
            return e.expr().accept(this);
        }

        @Override
        public Expr visit(ScalarParen e) {
            return e.expr().accept(this);
        }

        @Override
        public Expr visit(StringParen e) {
            return e.expr().accept(this);
        }
    };
}
