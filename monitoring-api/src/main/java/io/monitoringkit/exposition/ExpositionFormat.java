package io.monitoringkit.exposition;

import java.util.Locale;
import java.util.Optional;

/**
 * The two text exposition formats, with content negotiation helpers.
 *
 * <pre>{@code
 * request.header("Accept", ExpositionFormat.acceptHeader());
 * ExpositionFormat f = ExpositionFormat.detect(response.header("Content-Type"));
 * Exposition e = ExpositionParser.parse(response.body().bytes(), f);
 * }</pre>
 */
public enum ExpositionFormat {
    /** The Prometheus text format, version 0.0.4. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics 1.0.0, text. */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private static final String ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    /** @return the {@code Content-Type} a server sends with this format. */
    public String contentType() {
        return contentType;
    }

    /**
     * @return the {@code Accept} header value a scraper sends to prefer OpenMetrics and fall back to the text
     *     format, as Prometheus does.
     */
    public static String acceptHeader() {
        return ACCEPT;
    }

    /**
     * The format a {@code Content-Type} names, strictly: {@code application/openmetrics-text} (versions 1.0.0 and
     * 0.0.1, or none) or {@code text/plain} (version 0.0.4 or none). Parameters and case are handled as in RFC 9110.
     *
     * @return the format, or empty for any other media type or version
     */
    public static Optional<ExpositionFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";");
        String media = parts[0].trim().toLowerCase(Locale.ROOT);
        String version = "";
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("version")) {
                version = unquote(p.substring(eq + 1).trim());
            }
        }
        if (media.equals("application/openmetrics-text")
                && (version.isEmpty() || version.equals("1.0.0") || version.equals("0.0.1"))) {
            return Optional.of(OPENMETRICS);
        }
        if (media.equals("text/plain") && (version.isEmpty() || version.equals("0.0.4"))) {
            return Optional.of(PROMETHEUS_TEXT);
        }
        return Optional.empty();
    }

    /**
     * The format to parse a response with, as Prometheus chooses it: OpenMetrics for
     * {@code application/openmetrics-text}, the text format for anything else (including a missing header).
     */
    public static ExpositionFormat detect(String contentType) {
        return fromContentType(contentType).orElse(
                contentType != null && contentType.trim().toLowerCase(Locale.ROOT)
                        .startsWith("application/openmetrics-text") ? OPENMETRICS : PROMETHEUS_TEXT);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
