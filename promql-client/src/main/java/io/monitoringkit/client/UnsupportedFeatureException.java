package io.monitoringkit.client;

import io.monitoringkit.query.QueryException;

/**
 * A request used a parameter the server's version does not know. Prometheus silently ignores unknown parameters,
 * so the client refuses instead of returning a result that looks right but is not (see {@link ServerFeatures}).
 *
 * <pre>{@code
 * catch (UnsupportedFeatureException e) {
 *     e.getMessage();   // "lookback_delta needs Prometheus 2.43.0 or later; the server is 2.42.0"
 * }
 * }</pre>
 */
public final class UnsupportedFeatureException extends QueryException {
    private static final long serialVersionUID = 1L;

    /** @param message what is unsupported and why */
    public UnsupportedFeatureException(String message) {
        super(null, message, null);
    }
}
