package io.monitoringkit.promql.internal;

import io.monitoringkit.promql.AggregateOp;
import io.monitoringkit.promql.AtModifier;
import io.monitoringkit.promql.BinaryOp;
import io.monitoringkit.promql.Grouping;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.PromFunction;
import io.monitoringkit.promql.UnaryOp;
import io.monitoringkit.promql.ValueType;
import io.monitoringkit.promql.VectorMatching;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser's working tree: mutable nodes with source positions, mirroring Prometheus' parser nodes, so that
 * modifiers can be attached while parsing and the type checker can report positions in Prometheus' order. They
 * become the public immutable records once everything checks out.
 */
abstract class PNode {
    /** Start of the node in the input (char index), where Prometheus reports errors about it. */
    int start;
    /** Height of the subtree, to bound recursion in later passes. */
    int depth = 1;

    PNode(int start) {
        this.start = start;
    }

    abstract ValueType type();

    static int depthOf(PNode... children) {
        int d = 0;
        for (PNode c : children) {
            if (c != null && c.depth > d) {
                d = c.depth;
            }
        }
        return d + 1;
    }

    static final class Num extends PNode {
        double value;

        Num(int start, double value) {
            super(start);
            this.value = value;
        }

        @Override
        ValueType type() {
            return ValueType.SCALAR;
        }
    }

    static final class Str extends PNode {
        final String value;

        Str(int start, String value) {
            super(start);
            this.value = value;
        }

        @Override
        ValueType type() {
            return ValueType.STRING;
        }
    }

    static final class Sel extends PNode {
        final String name;
        final List<LabelMatcher> matchers = new ArrayList<>(4);
        long offsetMs;
        AtModifier at;
        boolean bypassEmptyMatcherCheck;

        Sel(int start, String name) {
            super(start);
            this.name = name;
        }

        @Override
        ValueType type() {
            return ValueType.VECTOR;
        }
    }

    static final class Matrix extends PNode {
        final PNode inner;
        final long rangeMs;

        Matrix(int start, PNode inner, long rangeMs) {
            super(start);
            this.inner = inner;
            this.rangeMs = rangeMs;
            this.depth = depthOf(inner);
        }

        @Override
        ValueType type() {
            return ValueType.MATRIX;
        }
    }

    static final class Sub extends PNode {
        final PNode expr;
        final long rangeMs;
        final long stepMs;
        long offsetMs;
        AtModifier at;

        Sub(int start, PNode expr, long rangeMs, long stepMs) {
            super(start);
            this.expr = expr;
            this.rangeMs = rangeMs;
            this.stepMs = stepMs;
            this.depth = depthOf(expr);
        }

        @Override
        ValueType type() {
            return ValueType.MATRIX;
        }
    }

    static final class Call extends PNode {
        final PromFunction function;
        final List<PNode> args;

        Call(int start, PromFunction function, List<PNode> args) {
            super(start);
            this.function = function;
            this.args = args;
            this.depth = depthOf(args.toArray(new PNode[0]));
        }

        @Override
        ValueType type() {
            return function == null ? ValueType.VECTOR : function.returnType();
        }
    }

    static final class Agg extends PNode {
        final AggregateOp op;
        Grouping.Kind kind = Grouping.Kind.NONE;
        List<String> labels = List.of();
        PNode param;
        PNode expr;

        Agg(int start, AggregateOp op) {
            super(start);
            this.op = op;
        }

        @Override
        ValueType type() {
            return ValueType.VECTOR;
        }
    }

    static final class Bin extends PNode {
        final BinaryOp op;
        final int opPos;
        final PNode lhs;
        PNode rhs;
        boolean returnBool;
        boolean on;
        List<String> labels = List.of();
        VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
        List<String> include = List.of();
        boolean fill;

        Bin(int start, int opPos, BinaryOp op, PNode lhs) {
            super(start);
            this.opPos = opPos;
            this.op = op;
            this.lhs = lhs;
        }

        @Override
        ValueType type() {
            return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR
                    : ValueType.VECTOR;
        }
    }

    static final class Unary extends PNode {
        final UnaryOp op;
        final PNode expr;

        Unary(int start, UnaryOp op, PNode expr) {
            super(start);
            this.op = op;
            this.expr = expr;
            this.depth = depthOf(expr);
        }

        @Override
        ValueType type() {
            return expr.type();
        }
    }

    static final class Paren extends PNode {
        final PNode expr;

        Paren(int start, PNode expr) {
            super(start);
            this.expr = expr;
            this.depth = depthOf(expr);
        }

        @Override
        ValueType type() {
            return expr.type();
        }
    }
}
