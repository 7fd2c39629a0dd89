package org.shannon4j.bench;

import java.util.SplittableRandom;
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
import org.shannon4j.NmiAverage;
import org.shannon4j.Shannon;

/**
 * Mutual information from paired label arrays (n = {@code size}, labels uniform in [0, k), y equal to x for a
 * third of the samples so the table is not flat), per backend, and adjusted mutual information at k = 100,
 * n = 1e6 (the target, ≤ 60 ms; scikit-learn takes seconds). Scores are ns per call: divide
 * {@code mutualInformation} by {@code size} for ns per sample. Inputs are generated once per trial (fixed seed).
 * {@code python3 bench/tools/python_baseline_mi.py} times numpy/scikit-learn on the same shapes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MutualInformationBenchmark {

    /** A backend name for {@link Shannon#get(String)}. */
    @Param({"scalar", "simd"})
    public String backend;

    /** Number of samples n for {@link #mutualInformation}. */
    @Param({"10000000"})
    public int size;

    /** Number of distinct labels on each side for {@link #mutualInformation}. */
    @Param({"10", "100", "1000"})
    public int k;

    private Shannon shannon;
    private int[] x;
    private int[] y;
    private int[] amiX;
    private int[] amiY;

    static int[][] labels(int n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(k);
            y[i] = random.nextInt(3) == 0 ? x[i] : random.nextInt(k);
        }
        return new int[][] {x, y};
    }

    @Setup(Level.Trial)
    public void setUp() {
        shannon = Shannon.get(backend);
        int[][] xy = labels(size, k, 42);
        x = xy[0];
        y = xy[1];
        int[][] ami = labels(1_000_000, 100, 43);
        amiX = ami[0];
        amiY = ami[1];
    }

    /** I(X;Y) in nats from the label arrays: range pass, count scatter, Σ n·ln n over the table. */
    @Benchmark
    public double mutualInformation() {
        return shannon.mutualInformation(x, y);
    }

    /** AMI (arithmetic average) at n = 1e6 with k = 100 on each side (independent of {@code size} and {@code k}). */
    @Benchmark
    public double adjustedMutualInformation() {
        return shannon.adjustedMutualInformation(amiX, amiY, NmiAverage.ARITHMETIC);
    }
}
