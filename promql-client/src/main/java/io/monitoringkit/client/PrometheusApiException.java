package io.monitoringkit.client;

import io.monitoringkit.query.ErrorType;
import io.monitoringkit.query.QueryException;
import java.util.List;
import java.util.Optional;

/**
 * The server answered, but not with a result: an API error ({@code "status":"error"} with an {@code errorType} and
 * message) or a response that is not an API response at all ({@link UnexpectedResponseException}). Carries the HTTP
 * status, the error type, the server's own message and the request (method and URL without query or credentials).
 * Subclasses exist per error type, so callers can catch exactly what they handle.
 *
 * <pre>{@code
 * try {
 *     client.query("sum(");
 * } catch (PrometheusApiException.BadDataException e) {
 *     e.status();          // 400
 *     e.serverMessage();   // "1:5: parse error: unclosed left parenthesis"
 * }
 * }</pre>
 */
public class PrometheusApiException extends QueryException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String wireErrorType;
    private final String serverMessage;
    private final String request;
    private final transient List<String> warnings;

    /**
     * @param status the HTTP status
     * @param errorType the error type, or {@code null} when the server sent none or an unknown one
     * @param wireErrorType the {@code errorType} text as sent, or {@code ""}
     * @param serverMessage the server's message ({@code error}), or a description of the response
     * @param request method and redacted URL, e.g. {@code POST http://127.0.0.1:9090/api/v1/query}
     * @param warnings warnings that came with the error
     */
    protected PrometheusApiException(int status, ErrorType errorType, String wireErrorType, String serverMessage,
            String request, List<String> warnings, Throwable cause) {
        super(errorType, message(status, wireErrorType, serverMessage, request), cause);
        this.status = status;
        this.wireErrorType = wireErrorType;
        this.serverMessage = serverMessage;
        this.request = request;
        this.warnings = List.copyOf(warnings);
    }

    private static String message(int status, String type, String msg, String request) {
        return (type.isEmpty() ? "" : type + ": ") + msg + " (HTTP " + status + " from " + request + ")";
    }

    /**
     * @return the exception for an API error response, of the subclass matching its {@code errorType}
     */
    public static PrometheusApiException of(int status, String wireErrorType, String serverMessage, String request,
            List<String> warnings) {
        String type = wireErrorType == null ? "" : wireErrorType;
        String msg = serverMessage == null ? "" : serverMessage;
        Optional<ErrorType> known = ErrorType.fromWire(type);
        if (known.isEmpty()) {
            return new PrometheusApiException(status, null, type, msg, request, warnings, null);
        }
        return switch (known.get()) {
            case BAD_DATA -> new BadDataException(status, type, msg, request, warnings);
            case EXECUTION -> new QueryExecutionException(status, type, msg, request, warnings);
            case TIMEOUT -> new QueryTimeoutException(status, ErrorType.TIMEOUT, type, msg, request, warnings);
            case CANCELED -> new QueryTimeoutException(status, ErrorType.CANCELED, type, msg, request, warnings);
            case INTERNAL -> new InternalServerException(status, type, msg, request, warnings);
            case UNAVAILABLE -> new UnavailableException(status, type, msg, request, warnings);
            case NOT_FOUND -> new NotFoundException(status, type, msg, request, warnings);
            case NOT_ACCEPTABLE -> new PrometheusApiException(status, ErrorType.NOT_ACCEPTABLE, type, msg, request,
                    warnings, null);
        };
    }

    /** @return the HTTP status. */
    public int status() {
        return status;
    }

    /** @return the {@code errorType} exactly as the server sent it, {@code ""} when there was none. */
    public String wireErrorType() {
        return wireErrorType;
    }

    /** @return the server's message (its {@code error} field), or a description of a non-API response. */
    public String serverMessage() {
        return serverMessage;
    }

    /** @return the request: method and URL without query string or credentials. */
    public String request() {
        return request;
    }

    /** @return warnings sent along with the error. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * {@code bad_data}: the request is wrong (PromQL parse error, bad time, step or matcher). Never retried.
     *
     * <pre>{@code
     * catch (PrometheusApiException.BadDataException e) { ... }
     * }</pre>
     */
    public static final class BadDataException extends PrometheusApiException {
        private static final long serialVersionUID = 1L;

        BadDataException(int status, String type, String msg, String request, List<String> warnings) {
            super(status, ErrorType.BAD_DATA, type, msg, request, warnings, null);
        }
    }

    /**
     * {@code execution}: the query failed while running (many-to-many matching, too many samples; behind some
     * proxies also a timeout). Never retried.
     *
     * <pre>{@code
     * catch (PrometheusApiException.QueryExecutionException e) { ... }
     * }</pre>
     */
    public static final class QueryExecutionException extends PrometheusApiException {
        private static final long serialVersionUID = 1L;

        QueryExecutionException(int status, String type, String msg, String request, List<String> warnings) {
            super(status, ErrorType.EXECUTION, type, msg, request, warnings, null);
        }

        /** @return whether the message says the query timed out (Prometheus reports some timeouts this way). */
        public boolean isTimeout() {
            String m = serverMessage().toLowerCase(java.util.Locale.ROOT);
            return m.contains("timeout") || m.contains("timed out") || m.contains("deadline exceeded");
        }
    }

    /**
     * {@code timeout} or {@code canceled}: the query ran out of time or was canceled on the server.
     *
     * <pre>{@code
     * catch (PrometheusApiException.QueryTimeoutException e) { e.errorType(); }
     * }</pre>
     */
    public static final class QueryTimeoutException extends PrometheusApiException {
        private static final long serialVersionUID = 1L;

        QueryTimeoutException(int status, ErrorType t, String type, String msg, String request, List<String> w) {
            super(status, t, type, msg, request, w, null);
        }
    }

    /**
     * {@code internal}: the server failed.
     *
     * <pre>{@code
     * catch (PrometheusApiException.InternalServerException e) { ... }
     * }</pre>
     */
    public static final class InternalServerException extends PrometheusApiException {
        private static final long serialVersionUID = 1L;

        InternalServerException(int status, String type, String msg, String request, List<String> warnings) {
            super(status, ErrorType.INTERNAL, type, msg, request, warnings, null);
        }
    }

    /**
     * {@code unavailable}: the server or endpoint is not available (e.g. the admin API is disabled).
     *
     * <pre>{@code
     * catch (PrometheusApiException.UnavailableException e) { ... }
     * }</pre>
     */
    public static final class UnavailableException extends PrometheusApiException {
        private static final long serialVersionUID = 1L;

        UnavailableException(int status, String type, String msg, String request, List<String> warnings) {
            super(status, ErrorType.UNAVAILABLE, type, msg, request, warnings, null);
        }
    }

    /**
     * {@code not_found}: the resource does not exist.
     *
     * <pre>{@code
     * catch (PrometheusApiException.NotFoundException e) { ... }
     * }</pre>
     */
    public static final class NotFoundException extends PrometheusApiException {
        private static final long serialVersionUID = 1L;

        NotFoundException(int status, String type, String msg, String request, List<String> warnings) {
            super(status, ErrorType.NOT_FOUND, type, msg, request, warnings, null);
        }
    }

    /**
     * The response is not a Prometheus API response: HTML from a proxy, a plain-text 404 or 405, an empty body,
     * malformed or truncated JSON. {@link #serverMessage()} describes it and quotes a short excerpt.
     *
     * <pre>{@code
     * catch (PrometheusApiException.UnexpectedResponseException e) {
     *     e.status();    // 502
     *     e.excerpt();   // "502 Bad Gateway nginx"
     * }
     * }</pre>
     */
    public static final class UnexpectedResponseException extends PrometheusApiException {
        private static final long serialVersionUID = 1L;

        private final String excerpt;

        /** @param description what is wrong @param excerpt a short redacted excerpt of the body */
        public UnexpectedResponseException(int status, String description, String excerpt, String request,
                Throwable cause) {
            super(status, null, "", description + (excerpt.isEmpty() ? "" : ": " + excerpt), request, List.of(),
                    cause);
            this.excerpt = excerpt;
        }

        /** @return a short, single-line, redacted excerpt of the body. */
        public String excerpt() {
            return excerpt;
        }
    }
}
