package io.monitoringkit.promql;

import java.util.ArrayList;
import java.util.List;

/** Test helper: every node of a tree, in pre-order. */
final class TreeNodes {

    private TreeNodes() {
    }

    static List<Expr> of(Expr root) {
        List<Expr> out = new ArrayList<>();
        root.accept(new ExprVisitor.Walker<Void>(null, (a, b) -> null) {
            private Void add(Expr e) {
                out.add(e);
                return null;
            }

            @Override
            public Void visit(NumberLiteral e) {
                return add(e);
            }

            @Override
            public Void visit(StringLiteral e) {
                return add(e);
            }

            @Override
            public Void visit(VectorSelector e) {
                return add(e);
            }

            @Override
            public Void visit(MatrixSelector e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(Subquery e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(VectorCall e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(ScalarCall e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(Aggregation e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(VectorBinary e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(ScalarBinary e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(VectorUnary e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(ScalarUnary e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(VectorParen e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(RangeParen e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(ScalarParen e) {
                add(e);
                return super.visit(e);
            }

            @Override
            public Void visit(StringParen e) {
                add(e);
                return super.visit(e);
            }
        });
        return out;
    }
}
