package io.monitoringkit.promql;

import java.util.List;
import java.util.Objects;

/**
 * A call of a function that returns an instant vector, e.g. {@code rate(x[5m])}.
 *
 * <pre>{@code
 * VectorCall c = PromQL.rate(metric("x").over(minutes(5)));
 * c.function().name();   // "rate"
 * }</pre>
 *
 * @param function the function, whose return type is {@link ValueType#VECTOR}
 * @param args     the arguments, checked against the signature
 */
public record VectorCall(PromFunction function, List<Expr> args) implements InstantVectorExpr, Call {

    /** @throws IllegalArgumentException when the function does not return a vector or the arguments do not fit */
    public VectorCall {
        Objects.requireNonNull(function, "function");
        if (function.returnType() != ValueType.VECTOR) {
            throw new IllegalArgumentException("function \"" + function.name() + "\" returns a "
                    + function.returnType().promqlName() + ", not an instant vector");
        }
        args = Call.checkArgs(function, args);
    }

    /** @return a call of the function {@code name}. */
    public static VectorCall of(String name, Expr... args) {
        return new VectorCall(Functions.get(name), List.of(args));
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String toString() {
        return toPromQL();
    }
}
