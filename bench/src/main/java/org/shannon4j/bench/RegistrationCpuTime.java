package org.shannon4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.shannon4j.Shannon;
import org.shannon4j.continuous.registration.OutOfRange;
import org.shannon4j.continuous.registration.Registration;

/**
 * CPU time per voxel of {@link RegistrationBenchmark}'s case (two 1e7-voxel float images, 256 × 256 bins) for a loaded
 * machine where wall times mislead: the calling thread's CPU time on 1 thread, the process CPU time on more. Public
 * API only, so the same class runs against an older build (put this class first on the class path). Prints the best
 * and the median of the timed calls, in ns per voxel.
 *
 * <pre>{@code
 * java --add-modules=jdk.incubator.vector -cp cli/target/shannon4j-cli.jar \
 *     org.shannon4j.bench.RegistrationCpuTime BACKEND THREADS given|measured [WARMUP] [REPS]
 * }</pre>
 */
public final class RegistrationCpuTime {

    private RegistrationCpuTime() {
    }

    public static void main(String[] args) {
        String backend = args[0];
        int threads = Integer.parseInt(args[1]);
        boolean given = args[2].equals("given");
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        float[][] images = RegistrationBenchmark.images(RegistrationBenchmark.VOXELS);
        Registration reg = Registration.of(Shannon.get(backend).withParallelism(threads).context());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] t = new double[reps];
        double mi = 0;
        for (int r = -warmup; r < reps; r++) {
            long c0 = threads == 1 ? mx.getCurrentThreadCpuTime() : os.getProcessCpuTime();
            mi = given ? reg.measures(images[0], images[1], 256, 0, 200, 0, 200, OutOfRange.CLAMP).mutualInformation()
                    : reg.measures(images[0], images[1], 256).mutualInformation();
            long c1 = threads == 1 ? mx.getCurrentThreadCpuTime() : os.getProcessCpuTime();
            if (r >= 0) {
                t[r] = (c1 - c0) / (double) RegistrationBenchmark.VOXELS;
            }
        }
        java.util.Arrays.sort(t);
        System.out.printf("%s threads=%d %s mi=%.12f cpu ns/voxel best=%.3f median=%.3f%n", backend, threads,
                args[2], mi, t[0], t[reps / 2]);
    }
}
