package io.monitoringkit.test.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the names closest to a misspelt one, for failure messages ("nearest matches: ...").
 *
 * <pre>{@code
 * Nearest.matches("http_request_total", List.of("http_requests_total", "up")); // [http_requests_total]
 * }</pre>
 */
public final class Nearest {
    private static final int MAX = 3;

    private Nearest() {
    }

    /**
     * @return up to three candidates within an edit distance of a third of {@code name}'s length (at least 2), or
     *     sharing a prefix or containing each other, closest first
     */
    public static List<String> matches(String name, Collection<String> candidates) {
        int limit = Math.max(2, name.length() / 3);
        return candidates.stream()
                .distinct()
                .filter(c -> !c.equals(name))
                .filter(c -> distance(name, c) <= limit || (!name.isEmpty() && (c.contains(name) || name.contains(c))))
                .sorted(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c))
                .limit(MAX)
                .toList();
    }

    /** @return the Levenshtein distance of {@code a} and {@code b}. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
