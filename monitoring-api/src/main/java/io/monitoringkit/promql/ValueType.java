package io.monitoringkit.promql;

/**
 * The four PromQL value types, named as Prometheus names them in its type errors.
 *
 * <pre>{@code
 * PromQL.parse("rate(x[5m])").type();   // ValueType.VECTOR
 * ValueType.MATRIX.promqlName();         // "range vector"
 * }</pre>
 */
public enum ValueType {
    /** An instant vector. */
    VECTOR("instant vector"),
    /** A range vector. */
    MATRIX("range vector"),
    /** A scalar. */
    SCALAR("scalar"),
    /** A string. */
    STRING("string");

    private final String promqlName;

    ValueType(String promqlName) {
        this.promqlName = promqlName;
    }

    /** @return the name Prometheus uses in messages, e.g. {@code "instant vector"}. */
    public String promqlName() {
        return promqlName;
    }
}
