package io.monitoringkit.http;

import java.util.Objects;

/**
 * A password, token or key that must never be printed: {@code toString()} shows {@code [REDACTED]}, and
 * {@link HttpTransport} scrubs the value from every message, log line and error excerpt it produces. Only
 * {@link #reveal()} returns the value.
 *
 * <pre>{@code
 * Secret token = Secret.of(System.getenv("PROM_TOKEN"));
 * String.valueOf(token);   // "[REDACTED]"
 * }</pre>
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @return a secret holding {@code value}
     * @throws IllegalArgumentException when {@code value} is empty (an empty credential is always a mistake)
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** @return the value; pass it only to where it is needed, never to a log. */
    public String reveal() {
        return value;
    }

    /** @return {@code [REDACTED]} */
    @Override
    public String toString() {
        return "[REDACTED]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
