package io.monitoringkit.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.model.Names;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;

/** The generator itself: it must reach every node kind, function, aggregation, operator and modifier. */
class ExprArbitrariesTest {

    private static List<Expr> sample(int n) {
        return new ExprArbitraries(3).expr().generator(1000).stream(new Random(7)).limit(n)
                .map(shrinkable -> shrinkable.value()).toList();
    }

    @Example
    void generatedTreesCoverEveryNodeKindFunctionAggregationOperatorAndModifier() {
        Set<String> kinds = new HashSet<>();
        Set<String> functions = new HashSet<>();
        Set<AggregateOp> aggregations = EnumSet.noneOf(AggregateOp.class);
        Set<BinaryOp> operators = EnumSet.noneOf(BinaryOp.class);
        Set<String> features = new HashSet<>();
        for (Expr root : sample(3000)) {
            for (Expr e : TreeNodes.of(root)) {
                kinds.add(e.getClass().getSimpleName());
                if (e instanceof VectorSelector s) {
                    if (!s.offset().isZero()) {
                        features.add(s.offset().isNegative() ? "negative offset" : "offset");
                    }
                    s.at().ifPresent(at -> features.add("@ " + at.kind()));
                    s.metricName().filter(n -> !Names.isLegacyMetricName(n))
                            .ifPresent(n -> features.add("utf8 metric name"));
                    for (LabelMatcher m : s.matchers()) {
                        features.add("matcher " + m.op().name());
                        if (!Names.isLegacyLabelName(m.name())) {
                            features.add("utf8 label name");
                        }
                        if (m.value().contains("\"") || m.value().contains("\\") || m.value().contains("\n")) {
                            features.add("escaped value");
                        }
                        if (m.value().codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
                            features.add("emoji value");
                        }
                    }
                } else if (e instanceof Subquery q) {
                    features.add(q.step().isZero() ? "subquery default step" : "subquery step");
                } else if (e instanceof Call c) {
                    functions.add(c.function().name());
                } else if (e instanceof Aggregation a) {
                    aggregations.add(a.op());
                    features.add("grouping " + a.grouping().kind());
                } else if (e instanceof BinaryExpr b) {
                    operators.add(b.op());
                    features.add("cardinality " + b.matching().cardinality());
                    if (b.returnBool()) {
                        features.add("bool " + e.type());
                    }
                    if (b.matching().on()) {
                        features.add("on");
                    }
                } else if (e instanceof NumberLiteral n) {
                    features.add(Double.isNaN(n.value()) ? "NaN" : Double.isInfinite(n.value()) ? "Inf"
                            : n.value() < 0 ? "negative number" : "number");
                }
            }
        }
        assertThat(kinds).contains("VectorSelector", "MatrixSelector", "Subquery", "VectorCall", "ScalarCall",
                "Aggregation", "VectorBinary", "ScalarBinary", "VectorUnary", "ScalarUnary", "NumberLiteral",
                "StringLiteral");
        assertThat(functions).containsAll(Functions.all().stream().map(PromFunction::name).toList());
        assertThat(aggregations).containsExactlyInAnyOrder(AggregateOp.values());
        assertThat(operators).containsExactlyInAnyOrder(BinaryOp.values());
        assertThat(features).contains("offset", "negative offset", "@ TIMESTAMP", "@ START", "@ END",
                "utf8 metric name", "utf8 label name", "escaped value", "emoji value", "matcher EQUAL",
                "matcher NOT_EQUAL", "matcher REGEX", "matcher NOT_REGEX", "subquery step", "subquery default step",
                "grouping BY", "grouping WITHOUT", "grouping NONE", "bool VECTOR", "bool SCALAR", "on",
                "cardinality MANY_TO_ONE", "cardinality ONE_TO_MANY", "NaN", "Inf", "negative number");
    }

    @Example
    void everyGeneratedTreePrints() {
        for (Expr e : sample(2000)) {
            assertThat(PromQLPrinter.compact(e)).isNotBlank();
        }
    }
}
