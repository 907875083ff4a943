package io.monitoringkit.engine;

import io.monitoringkit.promql.Aggregation;
import io.monitoringkit.promql.AtModifier;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ExprVisitor;
import io.monitoringkit.promql.InstantVectorExpr;
import io.monitoringkit.promql.MatrixSelector;
import io.monitoringkit.promql.NumberLiteral;
import io.monitoringkit.promql.RangeParen;
import io.monitoringkit.promql.RangeVectorExpr;
import io.monitoringkit.promql.ScalarBinary;
import io.monitoringkit.promql.ScalarCall;
import io.monitoringkit.promql.ScalarExpr;
import io.monitoringkit.promql.ScalarParen;
import io.monitoringkit.promql.ScalarUnary;
import io.monitoringkit.promql.StringExpr;
import io.monitoringkit.promql.StringLiteral;
import io.monitoringkit.promql.StringParen;
import io.monitoringkit.promql.Subquery;
import io.monitoringkit.promql.VectorBinary;
import io.monitoringkit.promql.VectorCall;
import io.monitoringkit.promql.VectorParen;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.promql.VectorUnary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * promqltest's step-invariance check: every selector and subquery without {@code @} gets {@code @ <evalTime>}
 * (nothing below a subquery that has one); expressions with {@code @}-unsafe functions are left alone.
 */
final class AtModifierRewriter implements ExprVisitor<Expr> {

    static final Set<String> UNSAFE = Set.of("days_in_month", "day_of_month", "day_of_week", "day_of_year", "end",
            "hour", "minute", "month", "year", "predict_linear", "range", "start", "step", "time", "timestamp");

    private final AtModifier at;
    private boolean unsafe;

    private AtModifierRewriter(long millis) {
        this.at = AtModifier.ofMillis(millis);
    }

    /** @return the rewritten expression, or empty when it contains an {@code @}-unsafe function. */
    static Optional<Expr> rewrite(Expr e, long evalMillis) {
        AtModifierRewriter r = new AtModifierRewriter(evalMillis);
        Expr out = e.accept(r);
        return r.unsafe ? Optional.empty() : Optional.of(out);
    }

    private InstantVectorExpr v(InstantVectorExpr e) {
        return (InstantVectorExpr) e.accept(this);
    }

    private ScalarExpr s(ScalarExpr e) {
        return (ScalarExpr) e.accept(this);
    }

    private List<Expr> all(List<Expr> es) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : es) {
            out.add(e.accept(this));
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
        return e.at().isPresent() ? e : e.at(at);
    }

    @Override
    public Expr visit(MatrixSelector e) {
        return e.selector().at().isPresent() ? e : new MatrixSelector(e.selector().at(at), e.range());
    }

    @Override
    public Expr visit(Subquery e) {
        // like promqltest, nothing below a subquery is inspected once it carries @
        return e.at().isPresent() ? e : e.at(at);
    }

    @Override
    public Expr visit(VectorCall e) {
        unsafe |= UNSAFE.contains(e.function().name());
        return new VectorCall(e.function(), all(e.args()));
    }

    @Override
    public Expr visit(ScalarCall e) {
        unsafe |= UNSAFE.contains(e.function().name());
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
        return new VectorParen(v(e.expr()));
    }

    @Override
    public Expr visit(RangeParen e) {
        return new RangeParen((RangeVectorExpr) e.expr().accept(this));
    }

    @Override
    public Expr visit(ScalarParen e) {
        return new ScalarParen(s(e.expr()));
    }

    @Override
    public Expr visit(StringParen e) {
        return new StringParen((StringExpr) e.expr().accept(this));
    }
}
