package io.monitoringkit.query;

import java.util.Optional;

/**
 * Thrown by a {@link QueryApi} when a query or lookup fails. Implementations throw subclasses carrying more detail
 * (the HTTP client adds the status and the server's body), but callers that only need the kind of failure can
 * catch this one.
 *
 * <pre>{@code
 * try {
 *     api.query("sum(");
 * } catch (QueryException e) {
 *     e.errorType();      // Optional[BAD_DATA]
 *     e.getMessage();     // "bad_data: 1:5: parse error: ..."
 * }
 * }</pre>
 */
public class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorType errorType;

    /**
     * @param errorType the API error type, or {@code null} for failures that have none (transport errors)
     * @param message the complete message
     * @param cause the cause, may be {@code null}
     */
    public QueryException(ErrorType errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    /** Creates an exception of the given type with message {@code "errorType: reason"}. */
    public QueryException(ErrorType errorType, String reason) {
        this(errorType, errorType.wireName() + ": " + reason, null);
    }

    /** @return the API error type, empty for transport failures and responses that are not API responses. */
    public Optional<ErrorType> errorType() {
        return Optional.ofNullable(errorType);
    }
}
