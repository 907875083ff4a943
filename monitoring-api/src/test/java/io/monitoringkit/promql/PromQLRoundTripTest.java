package io.monitoringkit.promql;

import static io.monitoringkit.promql.PromQL.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quick sanity of printer and parser together (the generated laws live in their own property tests): DSL trees
 * of every node kind, with nasty strings, survive {@code parse(print(e))} in both forms, and printing a parsed
 * canonical text gives the text back.
 */
class PromQLRoundTripTest {

    private static final VectorSelector A = metric("a");
    private static final VectorSelector B = metric("b");
    private static final VectorSelector LONG = metric("l".repeat(100));

    private static final List<Expr> TREES = List.of(
            metric("http_requests_total").where(label("job").eq("api"), label("code").matches("5..")),
            metric("my.metric").where(label("a.b").eq("x"), label("ü").ne("y")),
            metric("my.metric").where(label("__name__").notMatches("x.*")),
            selector(label("__name__").matches("http_.+"), label("x").notMatches("")),
            A.where(label("v").eq("\"quotes\" \\backslash\\ \n\t\r \u0007\u0000\u007f é 世界 😀 \u00a0\u200b")),
            A.offset(Duration.ofMinutes(-5)).at(Instant.ofEpochMilli(1_700_000_000_123L)),
            A.over(duration("1h30m")).offset(hours(1)).at(end()),
            rate(A.over(minutes(5))).subquery(hours(1), minutes(1)).offset(minutes(5)).at(start()),
            A.plus(B).subquery(hours(1)),
            A.negate().subquery(minutes(5)),
            A.offset(minutes(5)).subquery(hours(1)),
            sum(rate(A.over(minutes(5)))).by("job").div(sum(rate(B.over(minutes(5)))).by("job"))
                    .on("job").groupLeft("version"),
            A.div(B).ignoring().groupRight("x"),
            A.gt(B).bool().on("äää"),
            A.minus(B.minus(A)), A.pow(B).pow(A), A.pow(B.pow(A)), A.negate().pow(B), A.pow(B).negate(),
            A.or(B.and(A)), A.or(B).and(A).unless(B), A.negate().negate(),
            number(-2).pow(number(2)), number(2).pow(number(2)).negate(), new ScalarUnary(UnaryOp.MINUS, number(3)),
            number(1).lt(number(2)), time().minus(number(-0.0)), number(Double.NaN).plus(number(Double.NEGATIVE_INFINITY)),
            number(1e-7).times(A).plus(number(1e21)), A.atan2(number(0.1 + 0.2)),
            topk(5, A).by("a"), countValues("le\"}", A).without("x"), quantile(0.99, A), sum(A).without(),
            histogramQuantile(0.9, sum(rate(A.over(minutes(5)))).by("le")),
            labelReplace(A, "dst", "$1-\\\"", "src", "(.*)"), labelJoin(A, "d", ",", "a", "b"),
            clamp(A, -1, 1), round(A), dayOfWeek(), vector(time()), scalar(A).plus(pi()),
            predictLinear(A.over(hours(1)), 3600), quantileOverTime(0.5, A.over(minutes(5))));

    @Test
    void compactFormParsesBackToTheSameTree() {
        for (Expr e : TREES) {
            String text = e.toPromQL();
            Expr parsed = PromQL.parse(text, ParseOptions.defaults().withExperimentalFunctions(true));
            assertThat(Exprs.withoutParens(parsed)).as(text).isEqualTo(e);
            assertThat(parsed.toPromQL()).as(text).isEqualTo(text);
        }
    }

    @Test
    void prettyFormParsesBackToTheSameTree() {
        for (Expr e : TREES) {
            Expr wide = e instanceof InstantVectorExpr v ? sum(v.plus(LONG)).by("job")
                    : e instanceof ScalarExpr s ? vector(s).plus(LONG)
                    : e instanceof RangeVectorExpr r ? sumOverTime(r).plus(LONG) : e;
            for (Expr x : List.of(e, wide)) {
                String text = x.toPrettyPromQL();
                Expr parsed = PromQL.parse(text, ParseOptions.defaults().withExperimentalFunctions(true));
                assertThat(Exprs.withoutParens(parsed)).as(text).isEqualTo(x);
                assertThat(parsed.toPrettyPromQL()).as(text).isEqualTo(text);
            }
        }
    }

    @Test
    void printsParsedCanonicalTextUnchanged() {
        for (String s : List.of(
                "sum by (job) (rate(x{a=\"b\"}[5m])) / on (job) group_left (foo) y",
                "x[5m] @ 100.000 offset -5m", "(x + y)[1h:1m] offset 5m", "x offset 5m[1h:]",
                "-x ^ 2 + (-x) ^ 2 + -2 ^ 2 + (-2) ^ 2 + --x + -(-1)", "((a)) * (b + c)",
                "topk by (a) (5, x) + count_values without (a) (\"x\", y)", "1 < bool 2",
                "{__name__=\"\",a=\"b\"}", "{__name__=\"up\"}", "{\"a.b\"=\"x\",__name__=\"my.metric\"}",
                "{__name__!=\"x\",__name__=\"my.metric\"}",
                "a - ignoring () group_left () b", "a - on () b", "sum without () (x)", "100000000 + 0.00001")) {
            assertThat(PromQL.parse(s).toPromQL()).isEqualTo(s);
        }
    }
}
