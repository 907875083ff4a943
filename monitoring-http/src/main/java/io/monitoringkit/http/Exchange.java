package io.monitoringkit.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One logical request with its retries, run blocking or asynchronously. As a future, cancelling it cancels the
 * call in flight and any scheduled retry.
 *
 * @param <T> the handler's result type
 */
final class Exchange<T> extends CompletableFuture<T> implements Callback {
    private final HttpTransport transport;
    private final Request request;
    private final boolean retryable;
    private final ResponseHandler<T> handler;
    private final RetryPolicy policy;
    private final long startNanos = System.nanoTime();
    private int attempt;
    private volatile Call call;
    private IOException firstFailure;

    /** Creates an exchange; nothing is sent yet. */
    Exchange(HttpTransport transport, Request request, boolean idempotent, ResponseHandler<T> handler) {
        this.transport = transport;
        this.request = request;
        this.policy = transport.retryPolicy();
        this.retryable = idempotent || policy.retryNonIdempotent();
        this.handler = handler;
    }

    // ---------------- blocking ----------------

    /** Runs all attempts on the calling thread. */
    T runBlocking() throws IOException {
        while (true) {
            attempt++;
            Call c = transport.okHttpClient().newCall(transport.decorate(request));
            call = c;
            long delay;
            try (Response response = c.execute()) {
                delay = retryDelay(response);
                if (delay < 0) {
                    return handler.handle(response);
                }
                transport.log(transport.describe(request) + ": HTTP " + response.code() + ", retrying in " + delay
                        + " ms (attempt " + (attempt + 1) + " of " + policy.maxAttempts() + ")");
            } catch (IOException e) {
                delay = retryDelay(e, c.isCanceled());
                if (delay < 0) {
                    throw failure(e);
                }
                transport.log(transport.describe(request) + ": " + e + ", retrying in " + delay + " ms (attempt "
                        + (attempt + 1) + " of " + policy.maxAttempts() + ")");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(delay);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                InterruptedIOException iio = new InterruptedIOException(transport.describe(request)
                        + ": interrupted while waiting to retry");
                iio.initCause(ie);
                throw iio;
            }
        }
    }

    // ---------------- async ----------------

    /** Sends the first attempt. */
    void start() {
        if (isDone()) {
            return;
        }
        attempt++;
        Call c = transport.okHttpClient().newCall(transport.decorate(request));
        call = c;
        c.enqueue(this);
    }

    @Override
    public void onFailure(Call c, IOException e) {
        if (isDone()) {
            return;
        }
        long delay = retryDelay(e, c.isCanceled());
        if (delay < 0) {
            completeExceptionally(failure(e));
        } else {
            transport.log(transport.describe(request) + ": " + e + ", retrying in " + delay + " ms");
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(this::start);
        }
    }

    @Override
    public void onResponse(Call c, Response response) {
        try (response) {
            if (isDone()) {
                return;
            }
            long delay = retryDelay(response);
            if (delay >= 0) {
                transport.log(transport.describe(request) + ": HTTP " + response.code() + ", retrying in " + delay
                        + " ms");
                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(this::start);
                return;
            }
            complete(handler.handle(response));
        } catch (IOException e) {
            onFailure(c, e);
        } catch (RuntimeException | Error e) {
            completeExceptionally(e);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Call c = call;
        if (c != null) {
            c.cancel();
        }
        return cancelled;
    }

    // ---------------- policy ----------------

    /** @return the delay before the next attempt, or -1 to hand this response to the handler */
    private long retryDelay(Response response) {
        if (!retryable || !policy.retryStatuses().contains(response.code())) {
            return -1;
        }
        long retryAfter = retryAfterMillis(response.header("Retry-After"));
        long delay = Math.max(nextBackoff(), retryAfter);
        return withinBudget(delay) ? delay : -1;
    }

    /** @return the delay before the next attempt, or -1 to give up with {@code e} */
    private long retryDelay(IOException e, boolean canceled) {
        if (firstFailure == null) {
            firstFailure = e;
        } else if (firstFailure != e) {
            firstFailure.addSuppressed(e);
        }
        if (canceled || isCancelled() || !retryable || !policy.retryConnectionFailures()) {
            return -1;
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                && !"timeout".equals(e.getMessage())) {
            return -1;
        }
        long delay = nextBackoff();
        return withinBudget(delay) ? delay : -1;
    }

    private long nextBackoff() {
        return policy.backoffMillis(attempt, ThreadLocalRandom.current().nextDouble());
    }

    private boolean withinBudget(long delayMillis) {
        if (attempt >= policy.maxAttempts()) {
            return false;
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        return elapsed + delayMillis < policy.deadline().toMillis();
    }

    private HttpTransportException failure(IOException last) {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        String msg = transport.describe(request) + " failed after " + attempt + (attempt == 1 ? " attempt" : " attempts")
                + " in " + elapsed + " ms: " + transport.redact(String.valueOf(last.getMessage() == null
                        ? last.getClass().getSimpleName() : last.getClass().getSimpleName() + ": " + last.getMessage()));
        return new HttpTransportException(msg, attempt, last);
    }

    /** Parses Retry-After as delta-seconds or an HTTP date; -1 when absent or unreadable. */
    static long retryAfterMillis(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String v = value.strip();
        try {
            return Math.max(0, Math.multiplyExact(Long.parseLong(v), 1000L));
        } catch (NumberFormatException | ArithmeticException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis());
            } catch (RuntimeException e2) {
                return -1;
            }
        }
    }
}
