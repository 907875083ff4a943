package io.monitoringkit.promql;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The printer/parser laws on generated syntax trees ({@link ExprArbitraries}: every node kind, nasty values):
 * <ul>
 *   <li>{@code withoutParens(parse(compact(e))) == e} and the same for the pretty form;</li>
 *   <li>printing is a fixed point: {@code print(parse(print(parse(s)))) == print(parse(s))}.</li>
 * </ul>
 * A fixed seed keeps the run deterministic; 1000 tries per law keep it at a few seconds.
 */
@AddLifecycleHook(ParserAvailableHook.class)
class PromQLLawsTest {

    private static final ExprArbitraries GEN = new ExprArbitraries(3);

    @Provide
    Arbitrary<Expr> exprs() {
        return GEN.expr();
    }

    private static Expr parse(String text) {
        return PromQL.parse(text, ParserSupport.EXPERIMENTAL);
    }

    @Property(tries = 1000, seed = "20261125")
    void compactFormParsesBackToTheSameTree(@ForAll("exprs") Expr e) {
        String text = PromQLPrinter.compact(e);
        assertThat(Exprs.withoutParens(parse(text))).as("parse(compact(e)) of %s", text).isEqualTo(e);
    }

    @Property(tries = 1000, seed = "20261126")
    void prettyFormParsesBackToTheSameTree(@ForAll("exprs") Expr e) {
        String text = PromQLPrinter.pretty(e);
        assertThat(Exprs.withoutParens(parse(text))).as("parse(pretty(e)) of%n%s", text).isEqualTo(e);
    }

    @Property(tries = 1000, seed = "20261127")
    void toStringIsTheCompactForm(@ForAll("exprs") Expr e) {
        assertThat(e.toString()).isEqualTo(PromQLPrinter.compact(e));
    }

    @Property(tries = 1000, seed = "20261128")
    void printingAParsedExpressionIsAFixedPoint(@ForAll("exprs") Expr e) {
        // s is any valid text; the pretty rendering of a generated tree has the most layout to normalise
        String s = PromQLPrinter.pretty(e);
        String once = PromQLPrinter.compact(parse(s));
        assertThat(PromQLPrinter.compact(parse(once))).as("compact form of %s", s).isEqualTo(once);
        String prettyOnce = PromQLPrinter.pretty(parse(s));
        assertThat(PromQLPrinter.pretty(parse(prettyOnce))).as("pretty form of %s", s).isEqualTo(prettyOnce);
    }
}
