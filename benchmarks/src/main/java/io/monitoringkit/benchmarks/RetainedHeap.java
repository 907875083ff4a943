package io.monitoringkit.benchmarks;

import io.monitoringkit.client.PrometheusJson;
import io.monitoringkit.query.QueryResult;
import java.io.ByteArrayInputStream;

/**
 * Measures the heap a decoded 10,000 x 360 query_range result retains, per sample: heap in use after a full GC with
 * the result alive, minus before. Run with a fixed heap:
 * {@code java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.monitoringkit.benchmarks.RetainedHeap}.
 */
public final class RetainedHeap {
    private RetainedHeap() {
    }

    /** Prints bytes retained per sample (target: at most 20). */
    public static void main(String[] args) {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 360;
        byte[] body = QueryRangeResponses.generate(series, samples, 42);
        PrometheusJson.readQueryResponse(new ByteArrayInputStream(body)); // warm up
        long before = used();
        QueryResult.Matrix m = (QueryResult.Matrix) PrometheusJson.readQueryResponse(new ByteArrayInputStream(body));
        long after = used();
        long count = m.sampleCount();
        System.out.printf("body %.1f MB, %d series, %d samples, retained %.1f MB = %.2f bytes/sample%n",
                body.length / 1e6, m.size(), count, (after - before) / 1e6, (after - before) / (double) count);
        if (m.size() != series) {
            throw new AssertionError("decoded " + m.size() + " series");
        }
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
