package io.monitoringkit.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code errorType} values of the Prometheus HTTP API, which every {@link QueryApi} implementation reports
 * through {@link QueryException#errorType()}.
 *
 * <pre>{@code
 * ErrorType.fromWire("bad_data");   // Optional[BAD_DATA]
 * ErrorType.EXECUTION.wireName();   // "execution"
 * }</pre>
 */
public enum ErrorType {
    /** The request was malformed: a PromQL parse error, a bad time or step. HTTP 400. */
    BAD_DATA("bad_data"),
    /** The query failed while running, e.g. many-to-many matching. HTTP 422. */
    EXECUTION("execution"),
    /** The query ran past its timeout. HTTP 503 (or 422 behind some proxies). */
    TIMEOUT("timeout"),
    /** The query was canceled. HTTP 503. */
    CANCELED("canceled"),
    /** An internal server error. HTTP 500. */
    INTERNAL("internal"),
    /** The server or the endpoint is not available, e.g. the admin API is disabled. HTTP 503. */
    UNAVAILABLE("unavailable"),
    /** The resource does not exist. HTTP 404. */
    NOT_FOUND("not_found"),
    /** The server cannot produce the requested representation. HTTP 406. */
    NOT_ACCEPTABLE("not_acceptable");

    private final String wireName;

    ErrorType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name as Prometheus writes it in {@code errorType}. */
    public String wireName() {
        return wireName;
    }

    /** @return the constant for a wire name, or empty when it is not one Prometheus defines. */
    public static Optional<ErrorType> fromWire(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
