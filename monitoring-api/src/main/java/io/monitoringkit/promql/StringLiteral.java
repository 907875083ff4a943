package io.monitoringkit.promql;

import io.monitoringkit.model.Names;
import java.util.Objects;

/**
 * A string literal. The value is stored unescaped; the printer quotes it.
 *
 * <pre>{@code
 * PromQL.string("a\"b");   // "a\"b"
 * }</pre>
 *
 * @param value the value, unescaped
 */
public record StringLiteral(String value) implements StringExpr {

    /** Rejects null and malformed UTF-16. */
    public StringLiteral {
        Objects.requireNonNull(value, "value");
        if (!Names.isWellFormed(value)) {
            throw new IllegalArgumentException("string literal is not valid UTF-8");
        }
    }

    /** @return a literal of {@code value}. */
    public static StringLiteral of(String value) {
        return new StringLiteral(value);
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
