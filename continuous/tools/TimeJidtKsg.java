import infodynamics.measures.continuous.kraskov.MutualInfoCalculatorMultiVariateKraskov1;
import org.shannon4j.bench.KsgBenchmark;

/**
 * Times JIDT's KSG algorithm 1 (MutualInfoCalculatorMultiVariateKraskov1, k = 3, its defaults otherwise: max-norm,
 * NORMALISE=true, NOISE_LEVEL_TO_ADD=1e-8) on KsgBenchmark's data: KsgBenchmark.sample(n, 0.5), splitmix64
 * uniforms through Box-Muller, taken from the bench classes in the CLI jar. Each call constructs, initialises,
 * sets the observations and computes the average, as a user's call would; the first calls run while the JIT
 * compiles JIDT, so the best of the calls is reported, with the estimate (the same data as ours give 0.1444).
 * Run by bench_ksg_peers.sh; by hand:
 *   java -cp JIDT_CLASSES:cli/target/shannon4j-cli.jar continuous/tools/TimeJidtKsg.java N THREADS [CALLS]
 * (CALLS default 5).
 */
public class TimeJidtKsg {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String threads = args[1];
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        double[][] xy = KsgBenchmark.sample(n, 0.5);
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
}
