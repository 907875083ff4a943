package io.monitoringkit.alertmanager;

import java.util.Objects;

/**
 * A secret configuration value (a password, a routing key, a webhook URL with a token in it). Its
 * {@link #toString()} is {@code <secret>}, so it never reaches logs, exception messages or the
 * {@code toString()} of the configuration objects that hold it; only {@link #reveal()} and the YAML writers
 * read the value.
 *
 * <p>Unlike monitoring-http's {@code Secret} (a credential for a connection, never empty), this one may be empty:
 * a configuration read from a file can hold {@code routing_key: ''}, which validation then reports.
 *
 * <pre>{@code
 * Secret key = Secret.of(System.getenv("PAGERDUTY_ROUTING_KEY"));
 * String.valueOf(key);   // "<secret>"
 * key.reveal();          // the key itself
 * }</pre>
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret value");
    }

    /** Wraps {@code value}. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret value itself; keep it out of logs. */
    public String reveal() {
        return value;
    }

    /** Whether the value is the empty string. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code <secret>}. */
    @Override
    public String toString() {
        return "<secret>";
    }
}
