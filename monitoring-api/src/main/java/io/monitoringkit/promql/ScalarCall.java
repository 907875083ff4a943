package io.monitoringkit.promql;

import java.util.List;
import java.util.Objects;

/**
 * A call of a function that returns a scalar: {@code time()}, {@code pi()}, {@code scalar(v)}.
 *
 * <pre>{@code
 * ScalarCall now = PromQL.time();   // time()
 * }</pre>
 *
 * @param function the function, whose return type is {@link ValueType#SCALAR}
 * @param args     the arguments, checked against the signature
 */
public record ScalarCall(PromFunction function, List<Expr> args) implements ScalarExpr, Call {

    /** @throws IllegalArgumentException when the function does not return a scalar or the arguments do not fit */
    public ScalarCall {
        Objects.requireNonNull(function, "function");
        if (function.returnType() != ValueType.SCALAR) {
            throw new IllegalArgumentException("function \"" + function.name() + "\" returns a "
                    + function.returnType().promqlName() + ", not a scalar");
        }
        args = Call.checkArgs(function, args);
    }

    /** @return a call of the function {@code name}. */
    public static ScalarCall of(String name, Expr... args) {
        return new ScalarCall(Functions.get(name), List.of(args));
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
