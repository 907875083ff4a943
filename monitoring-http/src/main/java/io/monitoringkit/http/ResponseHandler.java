package io.monitoringkit.http;

import java.io.IOException;
import okhttp3.Response;

/**
 * Turns a response into a result. Runs inside {@link HttpTransport}'s retry loop: an {@link IOException} thrown
 * while reading the body (a connection dropped mid-body) counts as a connection failure and may be retried, so
 * decoders must report malformed content with an unchecked exception instead. The transport closes the response.
 *
 * <pre>{@code
 * ResponseHandler<String> text = response -> response.body().string();
 * }</pre>
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ResponseHandler<T> {
    /** @return the result; @throws IOException when reading the body fails */
    T handle(Response response) throws IOException;
}
