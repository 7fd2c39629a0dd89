package org.shannon4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.shannon4j.Shannon;
import org.shannon4j.continuous.Ksg;

/**
 * CPU time of KSG 1-D × 1-D on {@link KsgBenchmark#sample}'s data, for a loaded machine where wall times mislead:
 * the calling thread's CPU time for 1 thread, the process CPU time (all threads, including the JIT's and the GC's)
 * and the wall time for more. Prints the best and the median of the timed calls after the warm-up calls.
 *
 * <pre>{@code
 * java -cp api/target/classes:scalar-impl/target/classes:continuous/target/classes:bench/target/classes \
 *     org.shannon4j.bench.KsgCpuTime SIZE THREADS [WARMUP] [REPS] [K]
 * }</pre>
 */
public final class KsgCpuTime {

    private KsgCpuTime() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int k = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        double[][] xy = KsgBenchmark.sample(size, 0.5);
        Ksg ksg = Ksg.of(Shannon.get().withParallelism(threads).context());
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double mi = 0;
        for (int r = 0; r < warmup; r++) {
            mi += ksg.mutualInformation(xy[0], xy[1], k);
        }
        long[] cpu = new long[reps];
        long[] wall = new long[reps];
        double value = 0;
        for (int r = 0; r < reps; r++) {
            long c0 = threads == 1 ? bean.getCurrentThreadCpuTime() : os.getProcessCpuTime();
            long w0 = System.nanoTime();
            value = ksg.mutualInformation(xy[0], xy[1], k);
            wall[r] = System.nanoTime() - w0;
            cpu[r] = (threads == 1 ? bean.getCurrentThreadCpuTime() : os.getProcessCpuTime()) - c0;
        }
        java.util.Arrays.sort(cpu);
        java.util.Arrays.sort(wall);
        System.out.printf("n=%d threads=%d k=%d mi=%.17g  %s CPU ms: best %.1f median %.1f  wall ms: best %.1f "
                        + "median %.1f%n", size, threads, k, value, threads == 1 ? "thread" : "process",
                cpu[0] / 1e6, cpu[reps / 2] / 1e6, wall[0] / 1e6, wall[reps / 2] / 1e6);
        if (Double.isNaN(mi)) {
            throw new IllegalStateException();
        }
    }
}
