package io.monitoringkit.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Synthetic shoppers: a few threads sending real HTTP requests to the service in a realistic mix — browsing the
 * catalog, looking at products (some unknown: 404), checking out (some invalid: 400) and health checks — each
 * thread on a kept-alive connection. The demo {@link #release releases} each step's requests and
 * {@link #awaitIdle waits} until they are answered before it scrapes, so every scrape sees exactly the requests
 * of the service time before it, however fast the machine is. {@link #close()} stops and joins every thread.
 *
 * <pre>{@code
 * try (Traffic traffic = Traffic.start(service.url(), 4, 42)) {
 *     traffic.release(75);                          // 15 s of service time at 5 requests per second
 *     traffic.awaitIdle(Duration.ofSeconds(5));
 *     traffic.sent();                               // 75
 * }
 * }</pre>
 */
public final class Traffic implements AutoCloseable {

    /**
     * One request of the mix.
     *
     * @param method HTTP method
     * @param path   path (for {@code /products/{id}} a concrete id)
     * @param body   request body, empty for none
     */
    record Request(String method, String path, String body) {
    }

    private final URI base;
    private final List<Thread> threads = new ArrayList<>();
    private final Semaphore permits = new Semaphore(0);
    private final AtomicLong outstanding = new AtomicLong();
    private final Object idle = new Object();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    private Traffic(URI base) {
        this.base = base;
    }

    /**
     * Starts {@code threadCount} threads sending requests to {@code base} as they are released, choosing them
     * with a random generator seeded with {@code seed}.
     */
    public static Traffic start(URI base, int threadCount, long seed) {
        if (threadCount < 1) {
            throw new IllegalArgumentException(threadCount + ": at least one thread is needed");
        }
        Traffic t = new Traffic(base);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < threadCount; i++) {
            SplittableRandom random = seeds.split();
            Thread thread = new Thread(() -> t.run(random), "demo-traffic-" + i);
            thread.setDaemon(true);
            t.threads.add(thread);
        }
        t.threads.forEach(Thread::start);
        return t;
    }

    /** Lets the threads send {@code n} more requests. */
    public void release(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(n + ": cannot release a negative number of requests");
        }
        outstanding.addAndGet(n);
        permits.release(n);
    }

    /**
     * Waits until every released request is answered, at most {@code timeout}.
     *
     * @return whether all were answered
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (outstanding.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    idle.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Requests answered so far (whatever the status). */
    public long sent() {
        return sent.get();
    }

    /** Requests that got no HTTP answer (connection errors). */
    public long failed() {
        return failed.get();
    }

    /** A request of the mix, chosen with {@code random}. */
    static Request next(SplittableRandom random) {
        int r = random.nextInt(1000);
        if (r < 300) {
            return new Request("GET", "/products", "");
        }
        if (r < 750) {
            // 3% of product views ask for a product that does not exist: a 404, the client's error, not the SLO's
            String id = random.nextInt(100) < 3 ? "p-404" : "p-" + (1 + random.nextInt(3));
            return new Request("GET", "/products/" + id, "");
        }
        if (r < 950) {
            // 4% of checkouts are invalid (quantity 0): a 400
            int quantity = random.nextInt(100) < 4 ? 0 : 1 + random.nextInt(3);
            return new Request("POST", "/checkout",
                    "{\"product\":\"p-" + (1 + random.nextInt(3)) + "\",\"quantity\":" + quantity + "}");
        }
        return new Request("GET", "/health", "");
    }

    private void run(SplittableRandom random) {
        while (running) {
            try {
                if (!permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                send(next(random));
            } finally {
                if (outstanding.decrementAndGet() == 0) {
                    synchronized (idle) {
                        idle.notifyAll();
                    }
                }
            }
        }
    }

    private void send(Request request) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) base.resolve(request.path()).toURL().openConnection();
            c.setRequestMethod(request.method());
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            if (!request.body().isEmpty()) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(request.body().getBytes(StandardCharsets.UTF_8));
                }
            }
            int code = c.getResponseCode();
            try (InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    in.readAllBytes();   // read to the end so the connection is reused
                }
            }
            sent.incrementAndGet();
        } catch (IOException e) {
            failed.incrementAndGet();
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** Stops sending and waits for every thread to end. */
    @Override
    public void close() {
        running = false;
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join(5000);
                    if (t.isAlive()) {
                        t.interrupt();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
