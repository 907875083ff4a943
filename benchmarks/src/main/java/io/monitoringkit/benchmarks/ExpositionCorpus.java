package io.monitoringkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A generated, realistic exposition of about 50 MB (counters, gauges, histograms and summaries with several
 * labels, a few escapes and timestamps), written once in both text formats and cached under
 * {@code benchmarks/target/}.
 *
 * <pre>{@code
 * byte[] text = Files.readAllBytes(ExpositionCorpus.textFormat());
 * }</pre>
 */
public final class ExpositionCorpus {

    /** The target size in bytes of each generated file. */
    public static final long TARGET_BYTES = 50L * 1024 * 1024;

    private ExpositionCorpus() {
    }

    /** @return the cached text format 0.0.4 file, generated on first use. */
    public static Path textFormat() {
        return generated("exposition-50mb.txt", false);
    }

    /** @return the cached OpenMetrics file with the same content, generated on first use. */
    public static Path openMetrics() {
        return generated("exposition-50mb.om.txt", true);
    }

    private static Path generated(String file, boolean om) {
        Path dir = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "target") : Path.of("target");
        Path path = dir.resolve(file);
        if (Files.exists(path)) {
            return path;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file, ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(w, om);
            }
            Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(BufferedWriter w, boolean om) throws IOException {
        Random r = new Random(42);
        String[] methods = {"GET", "POST", "PUT", "DELETE"};
        String[] codes = {"200", "201", "204", "301", "400", "404", "500", "503"};
        String[] les = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};
        long written = 0;
        int family = 0;
        while (written < TARGET_BYTES) {
            StringBuilder sb = new StringBuilder(64 * 1024);
            String base = "app_" + family + "_requests";
            // counter
            String counterFamily = om ? base : base + "_total";
            sb.append("# HELP ").append(counterFamily).append(" Requests served, by \\\\ method and code.\n");
            sb.append("# TYPE ").append(counterFamily).append(" counter\n");
            for (int p = 0; p < 8; p++) {
                for (String m : methods) {
                    for (int c = 0; c < 4; c++) {
                        sb.append(base).append("_total{method=\"").append(m).append("\",code=\"")
                                .append(codes[(p + c) % codes.length]).append("\",path=\"/api/v1/items/")
                                .append(p).append("\",instance=\"10.0.").append(family % 256).append(".")
                                .append(p).append(":8080\"} ").append(r.nextInt(1_000_000));
                        if ((p + c) % 5 == 0) {
                            sb.append(om ? " 1700000000.123" : " 1700000000123");
                        }
                        sb.append('\n');
                    }
                }
            }
            // gauge
            String gauge = "app_" + family + "_temperature_celsius";
            sb.append("# HELP ").append(gauge).append(" Temperature.\n# TYPE ").append(gauge).append(" gauge\n");
            for (int i = 0; i < 16; i++) {
                sb.append(gauge).append("{sensor=\"s").append(i).append("\",room=\"r\\\"").append(i % 3)
                        .append("\\\"\"} ").append(r.nextGaussian() * 30).append('\n');
            }
            // histogram
            String hist = "app_" + family + "_latency_seconds";
            sb.append("# HELP ").append(hist).append(" Latency.\n# TYPE ").append(hist).append(" histogram\n");
            for (String m : methods) {
                long cum = 0;
                for (String le : les) {
                    cum += r.nextInt(1000);
                    sb.append(hist).append("_bucket{method=\"").append(m).append("\",le=\"").append(le).append("\"} ")
                            .append(cum).append('\n');
                }
                sb.append(hist).append("_count{method=\"").append(m).append("\"} ").append(cum).append('\n');
                sb.append(hist).append("_sum{method=\"").append(m).append("\"} ").append(cum * 0.137).append('\n');
            }
            // summary
            String sum = "app_" + family + "_payload_bytes";
            sb.append("# HELP ").append(sum).append(" Payload sizes.\n# TYPE ").append(sum).append(" summary\n");
            for (String q : new String[] {"0.5", "0.9", "0.99"}) {
                sb.append(sum).append("{quantile=\"").append(q).append("\"} ").append(r.nextInt(100_000)).append('\n');
            }
            sb.append(sum).append("_count 12345\n").append(sum).append("_sum 9.87654321E8\n");
            w.append(sb);
            written += sb.length();
            family++;
        }
        if (om) {
            w.append("# EOF\n");
        }
    }
}
