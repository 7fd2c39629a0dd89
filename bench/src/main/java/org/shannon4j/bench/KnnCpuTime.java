package org.shannon4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

import org.shannon4j.Shannon;
import org.shannon4j.continuous.FeatureScoring;
import org.shannon4j.continuous.KozachenkoLeonenko;
import org.shannon4j.continuous.Ksg;
import org.shannon4j.continuous.KsgAlgorithm;
import org.shannon4j.continuous.MultivariateKsg;

/**
 * CPU time of the multivariate k-NN estimators on seeded Gaussian data, for a loaded machine where wall times
 * mislead (the calling thread's CPU time for 1 thread, the process CPU time for more). Public API only, so the same
 * class runs against an older build's classes. Prints the value and the best and median of the timed calls.
 *
 * <pre>{@code
 * java -cp api/target/classes:scalar-impl/target/classes:continuous/target/classes:bench/target/classes \
 *     org.shannon4j.bench.KnnCpuTime CASE SIZE THREADS [WARMUP] [REPS]
 * }</pre>
 *
 * CASE: {@code mi2} (KSG1, X and Y 1-D, k = 4), {@code mi4} (KSG1, X and Y 2-D), {@code cmi3} (KSG1, X, Y, Z 1-D),
 * {@code kl3} (Kozachenko–Leonenko, 3-D, Euclidean, k = 3), {@code classif} (mutual_info_classif, 10 columns,
 * 3 labels, k = 3).
 */
public final class KnnCpuTime {

    private KnnCpuTime() {
    }

    public static void main(String[] args) {
        String kase = args[0];
        int n = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        var context = Shannon.get().withParallelism(threads).context();
        MultivariateKsg ksg = Ksg.of(context).multivariate(KsgAlgorithm.KSG1);
        Random r = new Random(1);
        double[][] a = gaussian(r, n, 10);
        java.util.function.DoubleSupplier call = switch (kase) {
            case "mi2" -> {
                double[] x = column(a, 0, 1);
                double[] y = mix(a, 1, 1);
                yield () -> ksg.mutualInformation(x, 1, y, 1, 4);
            }
            case "mi4" -> {
                double[] x = column(a, 0, 2);
                double[] y = mix(a, 2, 2);
                yield () -> ksg.mutualInformation(x, 2, y, 2, 4);
            }
            case "cmi3" -> {
                double[] x = column(a, 0, 1);
                double[] y = mix(a, 1, 1);
                double[] z = column(a, 2, 1);
                yield () -> ksg.conditionalMutualInformation(x, 1, y, 1, z, 1, 4);
            }
            case "kl3" -> {
                double[] x = column(a, 0, 3);
                KozachenkoLeonenko kl = KozachenkoLeonenko.of(context);
                yield () -> kl.entropy(x, 3, 3);
            }
            case "classif" -> {
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = (a[i][0] + a[i][3] > 0 ? 1 : 0) + (a[i][5] > 1 ? 1 : 0);
                }
                FeatureScoring fs = FeatureScoring.of(context);
                yield () -> fs.mutualInfoClassif(a, labels, 3)[0];
            }
            default -> throw new IllegalArgumentException("CASE = " + kase + ": mi2, mi4, cmi3, kl3 or classif");
        };
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double check = 0;
        for (int i = 0; i < warmup; i++) {
            check += call.getAsDouble();
        }
        long[] cpu = new long[reps];
        double value = 0;
        for (int i = 0; i < reps; i++) {
            long c0 = threads == 1 ? bean.getCurrentThreadCpuTime() : os.getProcessCpuTime();
            value = call.getAsDouble();
            cpu[i] = (threads == 1 ? bean.getCurrentThreadCpuTime() : os.getProcessCpuTime()) - c0;
        }
        java.util.Arrays.sort(cpu);
        System.out.printf("%s n=%d threads=%d value=%.17g  %s CPU ms: best %.1f median %.1f%n", kase, n, threads,
                value, threads == 1 ? "thread" : "process", cpu[0] / 1e6, cpu[reps / 2] / 1e6);
        if (Double.isNaN(check)) {
            throw new IllegalStateException();
        }
    }

    private static double[][] gaussian(Random r, int n, int d) {
        double[][] a = new double[n][d];
        for (double[] row : a) {
            for (int c = 0; c < d; c++) {
                row[c] = r.nextGaussian();
            }
        }
        return a;
    }

    /** Columns from … from + d − 1 of a, row-major. */
    private static double[] column(double[][] a, int from, int d) {
        double[] out = new double[a.length * d];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], from, out, i * d, d);
        }
        return out;
    }

    /** d columns correlated with the first ones: a[·][c] + a[·][c + 4]. */
    private static double[] mix(double[][] a, int first, int d) {
        double[] out = new double[a.length * d];
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < d; c++) {
                out[i * d + c] = a[i][c] + 0.8 * a[i][first + c + 4];
            }
        }
        return out;
    }
}
