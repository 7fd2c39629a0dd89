package org.shannon4j.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shannon4j.Shannon;
import org.shannon4j.continuous.Ksg;

/**
 * KSG mutual information, 1-D × 1-D, k = 3, on a bivariate Gaussian with ρ = 0.5 drawn by {@link #sample}, which
 * {@code continuous/tools/time_sklearn_ksg.py} reproduces bit for bit to time scikit-learn's
 * {@code mutual_info_regression} on the same data. Scores are ms per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class KsgBenchmark {

    /** Number of points. */
    @Param({"100000", "1000000"})
    public int size;

    /** Threads of the handle. */
    @Param({"1", "2"})
    public int threads;

    /** The neighbour. */
    @Param({"3"})
    public int k;

    private Ksg ksg;
    private double[] x;
    private double[] y;

    @Setup(Level.Trial)
    public void setUp() {
        ksg = Ksg.of(Shannon.get().withParallelism(threads).context());
        double[][] xy = sample(size, 0.5);
        x = xy[0];
        y = xy[1];
        if (!Double.isFinite(mutualInformation())) {
            throw new IllegalStateException("non-finite KSG estimate");
        }
    }

    @Benchmark
    public double mutualInformation() {
        return ksg.mutualInformation(x, y, k);
    }

    /**
     * n points of a bivariate Gaussian with correlation ρ: splitmix64 uniforms (53 bits) through Box–Muller, so
     * that a few lines of Python give the same doubles (up to the last bits of log, cos and sqrt, which do not
     * change the timing). Public for {@code continuous/tools/TimeJidtKsg.java}, which times JIDT on them.
     */
    public static double[][] sample(int n, double rho) {
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
