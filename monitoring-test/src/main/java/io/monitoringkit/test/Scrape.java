package io.monitoringkit.test;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One scrape of a {@code /metrics} endpoint: fetched with the {@code Accept} header Prometheus sends (OpenMetrics
 * preferred, text format 0.0.4 as fallback), parsed in the format the target answered with, and assertable with
 * {@link MonitoringAssertions#assertThat(Scrape)}.
 *
 * <pre>{@code
 * Scrape before = Scrape.of("http://127.0.0.1:" + port + "/metrics");
 * app.handleOneRequest();
 * assertThat(Scrape.of(before.uri()))
 *         .hasIncreasedBy(before.exposition(), "requests_total", Labels.of("path", "/"), 1);
 * }</pre>
 *
 * @param uri         the scraped URL
 * @param format      the format the target answered with
 * @param contentType the response's {@code Content-Type}, empty when it sent none
 * @param exposition  the parsed body
 * @param time        when the response arrived
 */
public record Scrape(URI uri, ExpositionFormat format, String contentType, Exposition exposition, Instant time) {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Checks that no component is null. */
    public Scrape {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(exposition, "exposition");
        Objects.requireNonNull(time, "time");
    }

    /** Scrapes {@code url}; see {@link #of(URI)}. */
    public static Scrape of(String url) {
        return of(URI.create(Objects.requireNonNull(url, "url")));
    }

    /**
     * Scrapes {@code uri} once (10 s timeout).
     *
     * @throws UncheckedIOException when the target cannot be reached or answers other than HTTP 200
     * @throws io.monitoringkit.exposition.ExpositionParseException when the body is malformed
     */
    public static Scrape of(URI uri) {
        Objects.requireNonNull(uri, "uri");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", ExpositionFormat.acceptHeader()).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scrape " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException("interrupted while scraping " + uri, new IOException(e));
        }
        if (response.statusCode() != 200) {
            String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
            throw new UncheckedIOException(new IOException("scrape of " + uri + " answered HTTP "
                    + response.statusCode() + (body.isEmpty() ? "" : ": " + abbreviate(body))));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        ExpositionFormat format = ExpositionFormat.detect(contentType.isEmpty() ? null : contentType);
        return new Scrape(uri, format, contentType, ExpositionParser.parse(response.body(), format), Instant.now());
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
