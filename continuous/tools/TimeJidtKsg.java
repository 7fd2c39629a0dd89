import infodynamics.measures.continuous.kraskov.MutualInfoCalculatorMultiVariateKraskov1;

/**
 * Times JIDT's KSG algorithm 1 (MutualInfoCalculatorMultiVariateKraskov1, k = 3, its defaults otherwise: max-norm,
 * NORMALISE=true, NOISE_LEVEL_TO_ADD=1e-8) on KsgBenchmark's data: KsgBenchmark.sample(n, 0.5), splitmix64
 * uniforms through Box-Muller, regenerated here as time_sklearn_ksg.py does. Each call constructs, initialises,
 * sets the observations and computes the average, as a user's call would; the first calls run while the JIT
 * compiles JIDT, so the best of the calls is reported, with the estimate (the same data as ours give 0.1444).
 * Run by bench_ksg_peers.sh; by hand:
 *   java -cp JIDT_CLASSES continuous/tools/TimeJidtKsg.java N THREADS [CALLS]     (CALLS default 5)
 */
public class TimeJidtKsg {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String threads = args[1];
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        double[][] xy = sample(n, 0.5);
        double best = Double.POSITIVE_INFINITY;
        double mi = Double.NaN;
        for (int c = 0; c < calls; c++) {
            long t0 = System.nanoTime();
            MutualInfoCalculatorMultiVariateKraskov1 ksg = new MutualInfoCalculatorMultiVariateKraskov1();
            ksg.setProperty("k", "3");
            ksg.setProperty("NUM_THREADS", threads);
            ksg.initialise(1, 1);
            ksg.setObservations(xy[0], xy[1]);
            mi = ksg.computeAverageLocalOfObservations();
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        System.out.printf("n = %d: JIDT KSG1, %s thread(s), best of %d calls %.3f s, mi = %.15g%n", n, threads,
                calls, best, mi);
    }

    static double[][] sample(int n, double rho) {
        double[] x = new double[n];
        double[] y = new double[n];
        long state = 20261206L;
        for (int i = 0; i < n; i++) {
            state += 0x9E3779B97F4A7C15L;
            double u1 = (mix(state) >>> 11) * 0x1.0p-53;
            state += 0x9E3779B97F4A7C15L;
            double u2 = (mix(state) >>> 11) * 0x1.0p-53;
            double r = Math.sqrt(-2 * Math.log1p(-u1));
            x[i] = r * Math.cos(2 * Math.PI * u2);
            y[i] = rho * x[i] + Math.sqrt(1 - rho * rho) * r * Math.sin(2 * Math.PI * u2);
        }
        return new double[][] {x, y};
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
