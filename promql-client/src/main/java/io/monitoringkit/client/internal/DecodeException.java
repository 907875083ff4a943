package io.monitoringkit.client.internal;

/** The body is JSON but not the shape the API documents. Unchecked, so the transport never retries it. */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was expected and what was found */
    public DecodeException(String message) {
        super(message);
    }
}
