package io.monitoringkit.metrics.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The names nearest to a misspelt one, for "did you mean" hints: first those within a small edit distance
 * (Levenshtein, a swap of two neighbours counting once; at most a third of the name's length, at least 2), then
 * those made of the same {@code _}-separated words plus or minus some ({@code http_requests_total} and
 * {@code http_server_requests_total}); at most {@code limit} names.
 *
 * <pre>{@code
 * Nearest.names("http_request_total", List.of("http_requests_total", "up"), 3);   // [http_requests_total]
 * }</pre>
 */
public final class Nearest {

    private Nearest() {
    }

    /** @return the nearest candidates, closest first, ties by name. */
    public static List<String> names(String name, Collection<String> candidates, int limit) {
        int max = Math.max(2, name.length() / 3);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            if (Math.abs(c.length() - name.length()) > max) {
                continue;
            }
            int d = distance(name, c, max);
            if (d <= max) {
                scored.add(new Scored(c, d));
            }
        }
        if (scored.size() < limit) {
            java.util.Set<String> words = words(name);
            for (String c : candidates) {
                java.util.Set<String> other = words(c);
                if (!c.equals(name) && words.size() > 1 && other.size() > 1
                        && (other.containsAll(words) || words.containsAll(other))
                        && scored.stream().noneMatch(s -> s.name().equals(c))) {
                    scored.add(new Scored(c, max + 1 + Math.abs(other.size() - words.size())));
                }
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(limit).map(Scored::name).toList();
    }

    private static java.util.Set<String> words(String name) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String w : name.split("[_:]")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** @return the optimal-string-alignment distance, or {@code max + 1} once it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
