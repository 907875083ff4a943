package io.monitoringkit.promql;

import static io.monitoringkit.promql.PromQL.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.PromDuration;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The DSL's type safety: what the Java compiler enforces is checked here through the DSL's signatures, what it
 * cannot enforce is rejected at construction with Prometheus' wording.
 */
class PromQLDslTest {

    private static final VectorSelector A = metric("a");
    private static final VectorSelector B = metric("b");

    // ---- what the compiler enforces: the signatures follow the function table ----

    @Test
    void everyFunctionMethodTakesExactlyTheTypesOfTheFunctionTable() {
        Set<String> covered = new TreeSet<>();
        for (Method m : PromQL.class.getMethods()) {
            // call(...) is the untyped door; start()/end() build the @ modifier, not the experimental functions
            boolean buildsCall = m.getReturnType() == VectorCall.class || m.getReturnType() == ScalarCall.class;
            if (!Modifier.isStatic(m.getModifiers()) || m.getName().equals("call") || !buildsCall) {
                continue;
            }
            String name = snake(m.getName());
            Optional<PromFunction> f = Functions.lookup(name);
            if (f.isEmpty()) {
                continue;
            }
            covered.add(name);
            assertThat(m.getReturnType()).as(m.toString())
                    .isEqualTo(f.get().returnType() == ValueType.SCALAR ? ScalarCall.class : VectorCall.class);
            Class<?>[] params = m.getParameterTypes();
            for (int i = 0; i < params.length; i++) {
                Class<?> p = params[i].isArray() ? params[i].getComponentType() : params[i];
                assertThat(accepts(f.get().argType(i), p)).as(m + " parameter " + i).isTrue();
            }
        }
        List<String> missing = new ArrayList<>();
        for (PromFunction f : Functions.all()) {
            if (!f.experimental() && !covered.contains(f.name())) {
                missing.add(f.name());
            }
        }
        assertThat(missing).as("stable functions without a DSL method").isEmpty();
    }

    @Test
    void everyAggregationMethodTakesAnInstantVectorAndItsParameterType() {
        Set<AggregateOp> covered = new TreeSet<>();
        for (Method m : PromQL.class.getMethods()) {
            Optional<AggregateOp> op = AggregateOp.fromName(snake(m.getName()));
            if (!Modifier.isStatic(m.getModifiers()) || op.isEmpty()) {
                continue;
            }
            covered.add(op.get());
            assertThat(m.getReturnType()).as(m.toString()).isEqualTo(Aggregation.class);
            Class<?>[] params = m.getParameterTypes();
            assertThat(params[params.length - 1]).as(m.toString()).isEqualTo(InstantVectorExpr.class);
            assertThat(params.length - 1).as(m.toString()).isEqualTo(op.get().paramType().isPresent() ? 1 : 0);
            op.get().paramType().ifPresent(t -> assertThat(accepts(t, params[0])).as(m.toString()).isTrue());
        }
        assertThat(covered).containsExactlyInAnyOrder(AggregateOp.values());
    }

    @Test
    void offersSetOperatorsOnlyBetweenInstantVectors() throws NoSuchMethodException {
        for (String op : List.of("and", "or", "unless")) {
            assertThat(InstantVectorExpr.class.getMethod(op, InstantVectorExpr.class).getReturnType())
                    .isEqualTo(VectorBinary.class);
            assertThat(List.of(ScalarExpr.class.getMethods())).noneMatch(m -> m.getName().equals(op));
        }
    }

    private static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean accepts(ValueType t, Class<?> p) {
        return switch (t) {
            case VECTOR -> p == InstantVectorExpr.class;
            case MATRIX -> p == RangeVectorExpr.class;
            case SCALAR -> p == ScalarExpr.class || p == double.class || p == int.class;
            case STRING -> p == String.class || p == StringExpr.class;
        };
    }

    // ---- what only the constructors can check ----

    @Test
    void rejectsSetOperatorsWithAScalar() {
        assertThatThrownBy(() -> VectorBinary.of(BinaryOp.AND, number(1), A))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set operator \"and\" not allowed in binary scalar expression");
        assertThatThrownBy(() -> VectorBinary.of(BinaryOp.OR, A, number(1)))
                .hasMessage("set operator \"or\" not allowed in binary scalar expression");
        assertThatThrownBy(() -> new ScalarBinary(BinaryOp.UNLESS, number(1), number(2), false))
                .hasMessage("set operator \"unless\" not allowed in binary scalar expression");
    }

    @Test
    void givesScalarComparisonsBoolAndRejectsThemWithout() {
        assertThat(number(1).gt(number(2)).returnBool()).isTrue();
        assertThat(ScalarBinary.of(BinaryOp.EQL, number(1), time()).returnBool()).isTrue();
        assertThat(ScalarBinary.of(BinaryOp.ADD, number(1), time()).returnBool()).isFalse();
        assertThatThrownBy(() -> new ScalarBinary(BinaryOp.GTR, number(1), number(2), false))
                .hasMessage("comparisons between scalars must use BOOL modifier");
        assertThatThrownBy(() -> new ScalarBinary(BinaryOp.ADD, number(1), number(2), true))
                .hasMessage("bool modifier can only be used on comparison operators");
    }

    @Test
    void keepsVectorComparisonsFiltersUnlessBoolIsAsked() {
        assertThat(A.gt(1).returnBool()).isFalse();
        assertThat(A.gt(1).bool().returnBool()).isTrue();
        assertThatThrownBy(() -> A.plus(B).bool())
                .hasMessage("bool modifier can only be used on comparison operators");
    }

    @Test
    void rejectsOperandsThatAreNotScalarsOrInstantVectors() {
        assertThatThrownBy(() -> VectorBinary.of(BinaryOp.ADD, number(1), number(2)))
                .hasMessage("a VectorBinary needs an instant vector operand; use ScalarBinary");
        assertThatThrownBy(() -> VectorBinary.of(BinaryOp.ADD, A, string("x")))
                .hasMessage("binary expression must contain only scalar and instant vector types, "
                        + "right operand of \"+\" is a string");
        assertThatThrownBy(() -> VectorBinary.of(BinaryOp.MUL, A.over(minutes(5)), B))
                .hasMessage("binary expression must contain only scalar and instant vector types, "
                        + "left operand of \"*\" is a range vector");
    }

    @Test
    void rejectsMatchingModifiersWhereMatchingIsImpossible() {
        assertThatThrownBy(() -> A.times(2).on("job"))
                .hasMessage("vector matching only allowed between instant vectors");
        assertThatThrownBy(() -> A.and(B).on("job").groupLeft())
                .hasMessage("no grouping allowed for \"and\" operation");
        assertThatThrownBy(() -> A.div(B).on("x").groupLeft("x"))
                .hasMessage("label \"x\" must not occur in ON and GROUP clause at once");
        assertThat(A.div(B).ignoring("x").groupLeft("x").matching().include()).containsExactly("x");
    }

    @Test
    void checksFunctionArgumentsAgainstTheTable() {
        assertThatThrownBy(() -> call("rate", A))
                .hasMessage("expected type range vector in call to function \"rate\", got instant vector");
        assertThatThrownBy(() -> VectorCall.of("rate"))
                .hasMessage("expected 1 argument(s) in call to \"rate\", got 0");
        assertThatThrownBy(() -> call("round", A, number(1), number(2)))
                .hasMessage("expected at most 2 argument(s) in call to \"round\", got 3");
        assertThatThrownBy(() -> call("label_join", A))
                .hasMessage("expected at least 3 argument(s) in call to \"label_join\", got 1");
        assertThatThrownBy(() -> call("holt_winters", A.over(minutes(5)), number(0.5), number(0.5)))
                .hasMessage("unknown function with name \"holt_winters\"");
        assertThatThrownBy(() -> new VectorCall(Functions.get("time"), List.of()))
                .hasMessage("function \"time\" returns a scalar, not an instant vector");
        assertThat(call("time")).isInstanceOf(ScalarCall.class);
    }

    @Test
    void checksAggregationParameters() {
        assertThatThrownBy(() -> new Aggregation(AggregateOp.TOPK, A, Optional.empty(), Grouping.NONE))
                .hasMessage("wrong number of arguments for aggregate expression provided, expected 2, got 1");
        assertThatThrownBy(() -> new Aggregation(AggregateOp.SUM, A, Optional.of(number(1)), Grouping.NONE))
                .hasMessage("wrong number of arguments for aggregate expression provided, expected 1, got 2");
        assertThatThrownBy(() -> Aggregation.of(AggregateOp.COUNT_VALUES, number(1), A))
                .hasMessage("expected type string in aggregation parameter, got scalar");
        assertThatThrownBy(() -> Aggregation.of(AggregateOp.QUANTILE, string("x"), A))
                .hasMessage("expected type scalar in aggregation parameter, got string");
    }

    @Test
    void requiresASelectorThatCanRestrictTheSelection() {
        assertThatThrownBy(() -> selector())
                .hasMessage("vector selector must contain at least one non-empty matcher");
        assertThatThrownBy(() -> selector(label("a").eq(""), label("b").matches(".*")))
                .hasMessage("vector selector must contain at least one non-empty matcher");
        assertThatThrownBy(() -> A.where(label("__name__").eq("b")))
                .hasMessage("metric name must not be set twice: \"a\" or \"b\"");
        assertThat(selector(label("a").eq(""), label("b").matches(".+"))).hasToString("{a=\"\",b=~\".+\"}");
    }

    @Test
    void keepsSelectorsCanonicalSoEqualPrintingMeansEqualTrees() {
        assertThat(A.where(label("b").eq("1"), label("a").eq("2")))
                .isEqualTo(A.where(label("a").eq("2"), label("b").eq("1")));
        assertThat(A.where(label("b").eq("1"), label("a").eq("2")).matchers())
                .extracting(LabelMatcher::name).containsExactly("a", "b");
        // a lone __name__ equality with a non-legacy value is the name, as {"my.metric"} is
        assertThat(selector(label("__name__").eq("my.metric"), label("job").eq("j")))
                .isEqualTo(metric("my.metric").where(label("job").eq("j")));
        assertThat(selector(label("__name__").eq("my.metric")).name()).isEqualTo("my.metric");
        // legacy values, other operators and several __name__ matchers stay matchers, as Prometheus prints them
        assertThat(selector(label("__name__").eq("up")).name()).isEmpty();
        assertThat(selector(label("__name__").matches("my.metric")).name()).isEmpty();
        assertThat(selector(label("__name__").eq("my.metric"), label("__name__").ne("x")).name()).isEmpty();
        assertThat(selector(label("__name__").eq(""), label("a").eq("x")).name()).isEmpty();
        // a quoted name may meet other __name__ matchers (Prometheus 3.x accepts {"my.metric", __name__!="x"})
        VectorSelector both = metric("my.metric").where(label("__name__").ne("x"));
        assertThat(both.name()).isEmpty();
        assertThat(both).isEqualTo(selector(label("__name__").ne("x"), label("__name__").eq("my.metric")));
        assertThat(both).hasToString("{__name__!=\"x\",__name__=\"my.metric\"}");
        assertThatThrownBy(() -> A.where(label("__name__").ne("x")))
                .hasMessage("metric name must not be set twice: \"a\" or \"x\"");
    }

    @Test
    void rejectsEmptyNamesAndMalformedUtf16AtConstruction() {
        assertThatThrownBy(() -> metric("")).hasMessage("empty metric name");
        assertThatThrownBy(() -> label("")).hasMessage("empty label name");
        assertThatThrownBy(() -> sum(A).by("")).hasMessage("empty label name");
        assertThatThrownBy(() -> label("a").eq("x\uD800"))
                .hasMessage("value of label matcher \"a\" is not valid UTF-8");
        assertThatThrownBy(() -> label("a").matches("\uDC00"))
                .hasMessage("value of label matcher \"a\" is not valid UTF-8");
        assertThatThrownBy(() -> string("\uDBFF")).hasMessage("string literal is not valid UTF-8");
        assertThatThrownBy(() -> metric("a\uD800"))
                .hasMessageEndingWith(" is not a valid metric name: it is not valid UTF-8");
        assertThatThrownBy(() -> label("\uDFFFb"))
                .hasMessageEndingWith(" is not a valid label name: it is not valid UTF-8");
        assertThatThrownBy(() -> A.div(B).on("\uD800"))
                .hasMessageEndingWith(" is not a valid label name: it is not valid UTF-8");
        // a well-formed pair is fine
        assertThat(label("a").eq("\uD83D\uDE00").value()).isEqualTo("😀");
    }

    @Test
    void rejectsInvalidRegexAndNonPositiveRanges() {
        assertThatThrownBy(() -> label("a").matches("("))
                .hasMessageStartingWith("invalid regular expression \"(\" for label \"a\": ");
        assertThatThrownBy(() -> A.over(PromDuration.ZERO))
                .hasMessage("range of selector a must be greater than 0, got 0s");
        assertThatThrownBy(() -> A.subquery(PromDuration.ZERO))
                .hasMessage("subquery range must be greater than 0, got 0s");
        assertThatThrownBy(() -> A.subquery(minutes(5), millis(-1)))
                .hasMessage("subquery step must not be negative, got -1ms");
    }

    @Test
    void escapesRegexMetacharactersOfLiteralAlternatives() {
        assertThat(label("path").oneOf("/a.b", "/c|d")).hasToString("path=~\"/a\\\\.b|/c\\\\|d\"");
        assertThat(label("path").oneOf("/a.b").matches("/a.b")).isTrue();
        assertThat(label("path").oneOf("/a.b").matches("/aXb")).isFalse();
    }
}
