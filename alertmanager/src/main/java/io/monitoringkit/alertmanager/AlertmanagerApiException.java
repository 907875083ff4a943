package io.monitoringkit.alertmanager;

/**
 * An Alertmanager API v2 call failed: the server answered with an error status, answered something that is not
 * the expected JSON, or could not be reached. Keeps the server's message (redacted, shortened).
 *
 * <pre>{@code
 * try {
 *     client.silence(id);
 * } catch (AlertmanagerApiException e) {
 *     if (e.kind() == AlertmanagerApiException.Kind.NOT_FOUND) { ... }
 * }
 * }</pre>
 */
public final class AlertmanagerApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** HTTP 400: the request was rejected (bad alert, bad silence, bad filter). */
        BAD_REQUEST,
        /** HTTP 404: no such silence (or endpoint). */
        NOT_FOUND,
        /** HTTP 5xx: the server failed. */
        SERVER_ERROR,
        /** Another HTTP status. */
        HTTP_STATUS,
        /** A 2xx answer that is not the JSON the API documents. */
        BAD_RESPONSE,
        /** No answer: connection refused, reset, timed out. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final int statusCode;

    AlertmanagerApiException(Kind kind, int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.statusCode = statusCode;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int statusCode() {
        return statusCode;
    }
}
