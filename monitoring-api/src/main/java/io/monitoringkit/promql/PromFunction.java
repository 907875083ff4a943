package io.monitoringkit.promql;

import java.util.List;
import java.util.Objects;

/**
 * A PromQL function's signature, as in Prometheus' function table: argument types, how many trailing
 * arguments are optional or repeatable, the return type, and whether Prometheus gates it behind
 * {@code --enable-feature=promql-experimental-functions}.
 *
 * <p>Argument counting follows Prometheus: with {@code variadic == 0} exactly {@code argTypes.size()} arguments;
 * otherwise at least {@code argTypes.size() - 1}, and at most {@code argTypes.size() - 1 + variadic} when
 * {@code variadic > 0} (unbounded when {@code variadic < 0}). Arguments past the list take the last type.
 *
 * <pre>{@code
 * PromFunction rate = Functions.lookup("rate").orElseThrow();
 * rate.argTypes();     // [MATRIX]
 * rate.returnType();   // VECTOR
 * }</pre>
 *
 * @param name         the function name
 * @param argTypes     the argument types
 * @param variadic     0 exact, n &gt; 0 up to n optional trailing arguments, -1 unbounded
 * @param returnType   the result type
 * @param experimental whether it needs the experimental-functions option
 */
public record PromFunction(String name, List<ValueType> argTypes, int variadic, ValueType returnType,
                           boolean experimental) {

    /** Copies the argument types. */
    public PromFunction {
        Objects.requireNonNull(name, "name");
        argTypes = List.copyOf(argTypes);
        Objects.requireNonNull(returnType, "returnType");
    }

    /** @return the fewest arguments a call may have. */
    public int minArgs() {
        return variadic == 0 ? argTypes.size() : Math.max(0, argTypes.size() - 1);
    }

    /** @return the most arguments a call may have, or {@link Integer#MAX_VALUE} when unbounded. */
    public int maxArgs() {
        if (variadic == 0) {
            return argTypes.size();
        }
        return variadic < 0 ? Integer.MAX_VALUE : argTypes.size() - 1 + variadic;
    }

    /** @return the expected type of argument {@code index} (0-based). */
    public ValueType argType(int index) {
        return argTypes.get(Math.min(index, argTypes.size() - 1));
    }
}
