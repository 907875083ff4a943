package io.monitoringkit.test;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A scrape job of one target: its job name and its {@code /metrics} URL, given directly or by a supplier that is
 * asked again before each test (so an application started after the extension is picked up).
 *
 * <pre>{@code
 * ScrapeTarget.of("checkout", () -> "http://127.0.0.1:" + app.port() + "/metrics");
 * }</pre>
 *
 * @param job the job name ({@code job} label)
 * @param url supplies the URL; may throw while the application is not started yet
 */
public record ScrapeTarget(String job, Supplier<String> url) {
    /** Checks the job name and that no component is null. */
    public ScrapeTarget {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(url, "url");
        if (job.isBlank()) {
            throw new IllegalArgumentException("\"" + job + "\" is not a valid job name: must not be blank");
        }
    }

    /** @return a target at a fixed URL */
    public static ScrapeTarget of(String job, String url) {
        Objects.requireNonNull(url, "url");
        return new ScrapeTarget(job, () -> url);
    }

    /** @return a target whose URL {@code url} supplies */
    public static ScrapeTarget of(String job, Supplier<String> url) {
        return new ScrapeTarget(job, url);
    }

    /**
     * Resolves the URL.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL with a host and without a query
     */
    URI resolve() {
        String s = url.get();
        if (s == null) {
            throw new IllegalStateException("the URL supplier of job \"" + job + "\" returned null");
        }
        URI uri = URI.create(s);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("\"" + s + "\" is not a valid target URL for job \"" + job
                    + "\": must be http(s)://host:port/path");
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException("\"" + s + "\" is not a valid target URL for job \"" + job
                    + "\": query parameters are not supported");
        }
        return uri;
    }
}
