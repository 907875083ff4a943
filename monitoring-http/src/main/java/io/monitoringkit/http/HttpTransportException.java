package io.monitoringkit.http;

import java.io.IOException;

/**
 * A request failed for good: every attempt the {@link RetryPolicy} allowed ended in a connection failure or
 * timeout, or the deadline passed. The message names the method, the URL without query or credentials, the
 * number of attempts and the last cause; secrets never appear in it.
 *
 * <pre>{@code
 * try {
 *     transport.execute(request, true, r -> r.body().string());
 * } catch (HttpTransportException e) {
 *     e.attempts();   // 3
 * }
 * }</pre>
 */
public final class HttpTransportException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    /** @param message the redacted message @param attempts attempts made @param cause the last failure */
    public HttpTransportException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** @return how many attempts were made. */
    public int attempts() {
        return attempts;
    }
}
