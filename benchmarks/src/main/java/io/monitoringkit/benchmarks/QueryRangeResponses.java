package io.monitoringkit.benchmarks;

import io.monitoringkit.client.PrometheusJson;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Generates query_range responses in Prometheus' exact JSON format: {@code series} series of {@code samples}
 * samples, 15 s apart, with the label sets of node-exporter-like metrics and a realistic mix of values (counter
 * integers, rates with 16-17 significant digits, gauges, the odd NaN and +Inf), formatted as Prometheus formats them.
 */
public final class QueryRangeResponses {
    private QueryRangeResponses() {
    }

    /** @return the response body as UTF-8 bytes. */
    public static byte[] generate(int series, int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(series * (samples * 28 + 200));
        sb.append("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        long start = 1_700_000_000L;
        for (int s = 0; s < series; s++) {
            if (s > 0) {
                sb.append(',');
            }
            sb.append("{\"metric\":{\"__name__\":\"node_cpu_seconds_total\",\"cpu\":\"").append(s % 64)
                    .append("\",\"instance\":\"host-").append(s / 64).append(".example.com:9100\",\"job\":\"node\","
                            + "\"mode\":\"").append(MODES[s % MODES.length]).append("\"},\"values\":[");
            int kind = s % 4;
            double counter = r.nextInt(1_000_000);
            for (int i = 0; i < samples; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                double v;
                switch (kind) {
                    case 0 -> v = counter += r.nextInt(100);                 // counter: integers
                    case 1 -> v = r.nextInt(1000) / 60.0;                    // rate: long decimals
                    case 2 -> v = Math.round(r.nextDouble() * 1e4) / 100.0;   // gauge: two decimals
                    default -> v = r.nextInt(500) == 0 ? Double.NaN : r.nextDouble() * 1e-3;
                }
                sb.append('[').append(start + 15L * i).append(",\"").append(PrometheusJson.formatValue(v))
                        .append("\"]");
            }
            sb.append("]}");
        }
        sb.append("]}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] MODES = {"idle", "user", "system", "iowait", "irq", "softirq", "steal", "nice"};
}
