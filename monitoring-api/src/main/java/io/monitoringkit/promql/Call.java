package io.monitoringkit.promql;

import java.util.List;

/**
 * A function call, whichever type it returns ({@link VectorCall} or {@link ScalarCall}).
 *
 * <pre>{@code
 * if (expr instanceof Call c) { c.function().name(); c.args(); }
 * }</pre>
 */
public sealed interface Call permits VectorCall, ScalarCall {
    /** @return the function. */
    PromFunction function();

    /** @return the arguments. */
    List<Expr> args();

    /**
     * Checks the arguments against the function's signature.
     *
     * @throws IllegalArgumentException naming the function, the argument and the types
     */
    static List<Expr> checkArgs(PromFunction f, List<Expr> args) {
        List<Expr> copy = List.copyOf(args);
        int n = copy.size();
        if (f.variadic() == 0 && n != f.argTypes().size()) {
            throw new IllegalArgumentException("expected " + f.argTypes().size() + " argument(s) in call to \""
                    + f.name() + "\", got " + n);
        }
        if (n < f.minArgs()) {
            throw new IllegalArgumentException("expected at least " + f.minArgs() + " argument(s) in call to \""
                    + f.name() + "\", got " + n);
        }
        if (n > f.maxArgs()) {
            throw new IllegalArgumentException("expected at most " + f.maxArgs() + " argument(s) in call to \""
                    + f.name() + "\", got " + n);
        }
        for (int i = 0; i < n; i++) {
            ValueType want = f.argType(i);
            if (copy.get(i).type() != want) {
                throw new IllegalArgumentException("expected type " + want.promqlName() + " in call to function \""
                        + f.name() + "\", got " + copy.get(i).type().promqlName());
            }
        }
        return copy;
    }
}
