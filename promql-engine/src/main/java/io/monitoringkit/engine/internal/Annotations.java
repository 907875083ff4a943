package io.monitoringkit.engine.internal;

import io.monitoringkit.promql.Expr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings and infos collected during evaluation, deduplicated by message like Prometheus' annotations, each
 * remembering the expression it is about. Rendered with a query text, every message ends with the position of
 * that expression ({@code (line:column)}), as Prometheus 3.x' API does. The AST carries no source positions, so
 * the position is found by locating the expression's canonical text in the query; when it cannot be found the
 * position is left out.
 */
public final class Annotations {

    private static final class Entry {
        final boolean warning;
        final String message;
        final Expr node;
        // histogram_quantile monotonicity details, merged across steps
        boolean monotonicity;
        long minTs;
        long maxTs;
        double minBucket;
        double maxBucket;
        double maxDiff;
        int count;

        Entry(boolean warning, String message, Expr node) {
            this.warning = warning;
            this.message = message;
            this.node = node;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    void warn(String message, Expr node) {
        entries.putIfAbsent("PromQL warning: " + message, new Entry(true, "PromQL warning: " + message, node));
    }

    void info(String message, Expr node) {
        entries.putIfAbsent("PromQL info: " + message, new Entry(false, "PromQL info: " + message, node));
    }

    void monotonicity(String metricName, Expr node, long ts, double minBucket, double maxBucket, double maxDiff) {
        String msg = "PromQL info: input to histogram_quantile needed to be fixed for monotonicity (see "
                + "https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)"
                + (metricName.isEmpty() ? "" : " for metric name \"" + metricName + "\"");
        Entry e = entries.get(msg);
        if (e == null) {
            e = new Entry(false, msg, node);
            e.monotonicity = true;
            e.minTs = ts;
            e.maxTs = ts;
            e.minBucket = minBucket;
            e.maxBucket = maxBucket;
            e.maxDiff = maxDiff;
            entries.put(msg, e);
            return;
        }
        e.minTs = Math.min(e.minTs, ts);
        e.maxTs = Math.max(e.maxTs, ts);
        e.minBucket = Math.min(e.minBucket, minBucket);
        e.maxBucket = Math.max(e.maxBucket, maxBucket);
        e.maxDiff = Math.max(e.maxDiff, maxDiff);
        e.count++;
    }

    /** @return the warnings without positions. */
    public List<String> warnings() {
        return render(true, null);
    }

    /** @return the infos without positions. */
    public List<String> infos() {
        return render(false, null);
    }

    /** @return the warnings, each ending with the position in {@code query} of the expression it is about. */
    public List<String> warnings(String query) {
        return render(true, query);
    }

    /** @return the infos, each ending with the position in {@code query} of the expression it is about. */
    public List<String> infos(String query) {
        return render(false, query);
    }

    private List<String> render(boolean warnings, String query) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.warning != warnings) {
                continue;
            }
            if (query == null) {
                out.add(e.message);
                continue;
            }
            String pos = position(query, e.node);
            String msg = e.message;
            if (e.monotonicity) {
                msg = msg + ", from buckets " + GoFormat.g(e.minBucket) + " to " + GoFormat.g(e.maxBucket)
                        + ", with a max diff of " + GoFormat.g2(e.maxDiff) + ", over " + (e.count + 1)
                        + " samples from " + Instant.ofEpochSecond(Math.floorDiv(e.minTs, 1000L)) + " to "
                        + Instant.ofEpochSecond(Math.floorDiv(e.maxTs, 1000L));
            }
            out.add(pos == null ? msg : msg + " (" + pos + ")");
        }
        return out;
    }

    /** @return "line:column" of {@code node}'s canonical text in {@code query}, or null. */
    static String position(String query, Expr node) {
        if (node == null) {
            return null;
        }
        String text;
        try {
            text = node.toPromQL();
        } catch (RuntimeException e) {
            return null;
        }
        int at = query.indexOf(text);
        if (at < 0) {
            return null;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (query.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (at - lineStart + 1);
    }
}
