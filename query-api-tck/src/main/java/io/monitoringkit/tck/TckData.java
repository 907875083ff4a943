package io.monitoringkit.tck;

import java.time.Instant;

/**
 * The data set every {@link QueryApiCompatibilityKit} runs on: 10 minutes of samples every 15 seconds, from
 * {@link #T0} (2024-01-01T00:00:00Z) to {@code T0 + 600 s}, as OpenMetrics text with timestamps, so it can be
 * backfilled into a real Prometheus ({@code promtool tsdb create-blocks-from openmetrics}) or loaded into an
 * in-process engine. At sample {@code i} (time {@code T0 + 15 i}, {@code i = 0..40}):
 *
 * <ul>
 *   <li>{@code http_requests_total{job="api",instance="a",code="200"}} = {@code 10 i},
 *       {@code {job="api",instance="a",code="500"}} = {@code i},
 *       {@code {job="api",instance="b",code="200"}} = {@code 20 i},
 *       {@code {job="db",instance="c",code="200"}} = {@code 5 i} (counters);</li>
 *   <li>{@code up{job="api",instance="a"}} = 1, {@code {job="api",instance="b"}} = 0,
 *       {@code {job="db",instance="c"}} = 1;</li>
 *   <li>{@code temperature_celsius{room="kitchen"}} = 21.5, {@code {room="garage"}} = {@code i};</li>
 *   <li>the histogram {@code latency_seconds{job="api"}} with cumulative buckets {@code le="0.1"} = {@code 6 i},
 *       {@code "0.5"} = {@code 9 i}, {@code "1"} = {@code 10 i}, {@code "+Inf"} = {@code 10 i}; {@code _count} =
 *       {@code 10 i}, {@code _sum} = {@code 3 i}.</li>
 * </ul>
 *
 * <pre>{@code
 * String om = TckData.openMetrics();
 * Instant t = TckData.at(600);   // the last sample
 * }</pre>
 */
public final class TckData {

    /** 2024-01-01T00:00:00Z in Unix seconds; a multiple of 60, so subquery steps align with it. */
    public static final long T0 = 1_704_067_200L;

    /** Seconds between samples. */
    public static final int STEP_SECONDS = 15;

    /** Index of the last sample. */
    public static final int LAST = 40;

    private TckData() {
    }

    /** @return the instant {@code seconds} after {@link #T0}. */
    public static Instant at(double seconds) {
        return Instant.ofEpochMilli(Math.round((T0 + seconds) * 1000));
    }

    /** @return the data set as OpenMetrics text, every sample with its timestamp, ending in {@code # EOF}. */
    public static String openMetrics() {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("# TYPE http_requests counter\n");
        String[][] requests = {{"api", "a", "200", "10"}, {"api", "a", "500", "1"}, {"api", "b", "200", "20"},
            {"db", "c", "200", "5"}};
        for (String[] r : requests) {
            for (int i = 0; i <= LAST; i++) {
                sb.append("http_requests_total{job=\"").append(r[0]).append("\",instance=\"").append(r[1])
                        .append("\",code=\"").append(r[2]).append("\"} ").append(Integer.parseInt(r[3]) * i)
                        .append(' ').append(time(i)).append('\n');
            }
        }
        sb.append("# TYPE up gauge\n");
        String[][] ups = {{"api", "a", "1"}, {"api", "b", "0"}, {"db", "c", "1"}};
        for (String[] u : ups) {
            for (int i = 0; i <= LAST; i++) {
                sb.append("up{job=\"").append(u[0]).append("\",instance=\"").append(u[1]).append("\"} ")
                        .append(u[2]).append(' ').append(time(i)).append('\n');
            }
        }
        sb.append("# TYPE temperature_celsius gauge\n");
        for (int i = 0; i <= LAST; i++) {
            sb.append("temperature_celsius{room=\"kitchen\"} 21.5 ").append(time(i)).append('\n');
        }
        for (int i = 0; i <= LAST; i++) {
            sb.append("temperature_celsius{room=\"garage\"} ").append(i).append(' ').append(time(i)).append('\n');
        }
        sb.append("# TYPE latency_seconds histogram\n");
        for (int i = 0; i <= LAST; i++) {
            long t = time(i);
            sb.append("latency_seconds_bucket{job=\"api\",le=\"0.1\"} ").append(6 * i).append(' ').append(t).append('\n');
            sb.append("latency_seconds_bucket{job=\"api\",le=\"0.5\"} ").append(9 * i).append(' ').append(t).append('\n');
            sb.append("latency_seconds_bucket{job=\"api\",le=\"1.0\"} ").append(10 * i).append(' ').append(t).append('\n');
            sb.append("latency_seconds_bucket{job=\"api\",le=\"+Inf\"} ").append(10 * i).append(' ').append(t).append('\n');
            sb.append("latency_seconds_count{job=\"api\"} ").append(10 * i).append(' ').append(t).append('\n');
            sb.append("latency_seconds_sum{job=\"api\"} ").append(3 * i).append(' ').append(t).append('\n');
        }
        return sb.append("# EOF\n").toString();
    }

    private static long time(int i) {
        return T0 + (long) STEP_SECONDS * i;
    }
}
