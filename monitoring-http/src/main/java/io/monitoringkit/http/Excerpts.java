package io.monitoringkit.http;

import java.util.regex.Pattern;

/**
 * Short single-line excerpts of response bodies for error messages.
 *
 * <pre>{@code
 * Excerpts.excerpt("<html><body><h1>502 Bad Gateway</h1></body></html>", 100);   // "502 Bad Gateway"
 * }</pre>
 */
public final class Excerpts {
    private static final Pattern TAGS = Pattern.compile("<(script|style)[^>]*>.*?</\\1>|<[^>]*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Excerpts() {
    }

    /**
     * @return {@code body} on one line: HTML tags dropped when it looks like HTML, whitespace collapsed, cut at
     *         {@code max} characters with a trailing {@code "..."}
     */
    public static String excerpt(String body, int max) {
        if (body == null) {
            return "";
        }
        String s = body;
        String head = s.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")
                || head.startsWith("<head") || head.startsWith("<body")) {
            s = TAGS.matcher(s).replaceAll(" ");
        }
        s = SPACE.matcher(s).replaceAll(" ").strip();
        if (s.length() > max) {
            s = s.substring(0, Math.max(0, max)) + "...";
        }
        return s;
    }

    /** @return the URL text without {@code user:password@}. */
    public static String stripUserInfo(String url) {
        return url.replaceAll("(?<=://)[^/@]*@", "");
    }
}
