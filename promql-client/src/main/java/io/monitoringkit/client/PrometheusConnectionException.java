package io.monitoringkit.client;

import io.monitoringkit.query.QueryException;

/**
 * No answer: connecting, sending or reading failed on every attempt the retry policy allowed (connection refused,
 * reset, dropped mid-body, timed out). The message names the request (without query string or credentials), the
 * attempts and the last cause.
 *
 * <pre>{@code
 * catch (PrometheusConnectionException e) {
 *     e.getMessage();   // "POST http://127.0.0.1:9090/api/v1/query failed after 3 attempts in 412 ms: ..."
 * }
 * }</pre>
 */
public final class PrometheusConnectionException extends QueryException {
    private static final long serialVersionUID = 1L;

    /** @param message the redacted message @param cause the I/O failure */
    public PrometheusConnectionException(String message, Throwable cause) {
        super(null, message, cause);
    }
}
