package io.monitoringkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A companion to {@link QueryRangeDecodeBenchmark} for shared, loaded machines: runs the three decoders
 * interleaved (A, B, C, A, B, C, ...) and reports the median <em>CPU time of the decoding thread</em> per
 * operation, which other processes' load does not inflate the way it inflates wall-clock time. GC threads' CPU is
 * not counted there, which favours the allocation-heavy readTree baseline, so it also reports the process CPU of
 * each decode including a full GC of its garbage.
 * Run: {@code java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar io.monitoringkit.benchmarks.DecodeCpuTime}.
 */
public final class DecodeCpuTime {
    private DecodeCpuTime() {
    }

    /** Prints median CPU ms per decode and the ratios. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        QueryRangeDecodeBenchmark b = new QueryRangeDecodeBenchmark();
        b.series = 10_000;
        b.samples = 360;
        b.generate();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly "
                + "is dangerous.");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[][] cpu = new long[3][rounds];
        long[][] processCpu = new long[3][rounds];
        for (int r = -2; r < rounds; r++) { // two warm-up rounds
            for (int k = 0; k < 3; k++) {
                System.gc(); // each decode starts from a clean heap and pays for its own garbage below
                long p0 = os.getProcessCpuTime();
                long t0 = mx.getCurrentThreadCpuTime();
                switch (k) {
                    case 0 -> bh.consume(b.streamingDecoder());
                    case 1 -> bh.consume(b.readTreeBaseline());
                    default -> b.tokenScanFloor(bh);
                }
                long t = mx.getCurrentThreadCpuTime() - t0;
                System.gc(); // collect this decode's garbage, counted in its process CPU
                long p = os.getProcessCpuTime() - p0;
                if (r >= 0) {
                    cpu[k][r] = t;
                    processCpu[k][r] = p;
                }
            }
        }
        double ours = median(cpu[0]);
        double tree = median(cpu[1]);
        double floor = median(cpu[2]);
        System.out.printf("median thread CPU per decode of 10,000 x 360 (%.1f MB): streamingDecoder %.0f ms, "
                + "readTreeBaseline %.0f ms, tokenScanFloor %.0f ms%n", b.body.length / 1e6, ours, tree, floor);
        System.out.printf("readTree / ours = %.2fx (target >= 3), ours / floor = %.2fx (target <= 1.5)%n",
                tree / ours, ours / floor);
        double pOurs = median(processCpu[0]);
        double pTree = median(processCpu[1]);
        double pFloor = median(processCpu[2]);
        System.out.printf("median process CPU per decode incl. GC: streamingDecoder %.0f ms, readTreeBaseline %.0f ms,"
                + " tokenScanFloor %.0f ms%n", pOurs, pTree, pFloor);
        System.out.printf("readTree / ours = %.2fx, ours / floor = %.2fx%n", pTree / pOurs, pOurs / pFloor);
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
