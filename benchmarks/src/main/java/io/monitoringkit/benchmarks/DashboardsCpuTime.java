package io.monitoringkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.monitoringkit.grafana.Dashboards;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The {@link DashboardsBenchmark} workloads timed in thread CPU time, for machines too busy for wall-clock JMH
 * numbers to mean much: median CPU milliseconds per operation after warm-up.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.monitoringkit.benchmarks.DashboardsCpuTime 7
 * }</pre>
 */
public final class DashboardsCpuTime {
    private DashboardsCpuTime() {
    }

    interface Op {
        Object run() throws Exception;
    }

    static double medianCpuMillis(Op op, int rounds) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            Object sink = op.run();
            ms[i] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
            if (sink == null) {
                throw new IllegalStateException();
            }
        }
        java.util.Arrays.sort(ms);
        return ms[rounds / 2];
    }

    /** Runs each workload: warm-up, then {@code args[0]} (default 7) measured rounds. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        DashboardsBenchmark b = new DashboardsBenchmark();
        b.setup();
        ObjectMapper mapper = new ObjectMapper();
        Op[] ops = {b::build1000DashboardsOf20PanelsAndSerialize, b::readAndWrite250Panels,
            b::baselineJacksonTreeRoundTrip250Panels, b::lint250Panels};
        String[] names = {"build+serialize 1000 dashboards x 20 panels", "read+write 250-panel dashboard",
            "baseline: Jackson tree round trip, same JSON", "lint 250-panel dashboard (incl. read)"};
        for (int i = 0; i < ops.length; i++) {
            int warm = i == 0 ? 3 : 30;
            for (int w = 0; w < warm; w++) {
                ops[i].run();
            }
            int n = i == 0 ? rounds : rounds * 10;
            System.out.printf("%-48s %10.2f ms CPU (median of %d)%n", names[i], medianCpuMillis(ops[i], n), n);
        }
        System.out.println("250-panel JSON: " + Dashboards.write(Dashboards.read(
                mapper.writeValueAsString(mapper.readTree(Dashboards.write(b.dashboard("x", 250)))))).length()
                + " characters");
    }
}
