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
import org.shannon4j.Shannon;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.dependence.NmiAverage;

/**
 * Mutual information from paired label arrays (n = {@code size}, labels uniform in [0, k), y equal to x for a
 * third of the samples so the table is not flat), per backend, and adjusted mutual information at k = 100,
 * n = 1e6 (the target, ≤ 60 ms; scikit-learn takes seconds). Scores are ns per call: divide
 * {@code mutualInformation} by {@code size} for ns per sample. Inputs are generated once per trial (fixed seed).
 * Each benchmark has its own state, so AMI is measured once per backend, not once per {@code k} and {@code size}.
 * {@code python3 bench/tools/python_baseline_mi.py} times numpy/scikit-learn on the same shapes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MutualInformationBenchmark {

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

    /** Label arrays of n = {@code size} samples over {@code k} labels a side. */
    @State(Scope.Benchmark)
    public static class Labels {

        /** A backend name for {@link Shannon#get(String)}. */
        @Param({"scalar", "simd"})
        public String backend;

        /** Number of samples n. */
        @Param({"10000000"})
        public int size;

        /** Number of distinct labels on each side. */
        @Param({"10", "100", "1000"})
        public int k;

        /** {@link Shannon#withParallelism(int)}: the dense pair count splits over this many threads. */
        @Param({"1"})
        public int threads;

        Shannon shannon;
        int[] x;
        int[] y;

        @Setup(Level.Trial)
        public void setUp() {
            shannon = Shannon.get(backend).withParallelism(threads);
            int[][] xy = labels(size, k, 42);
            x = xy[0];
            y = xy[1];
        }
    }

    /** The AMI target's inputs: n = 1e6, k = 100 a side. */
    @State(Scope.Benchmark)
    public static class AmiLabels {

        /** A backend name for {@link Shannon#get(String)}. */
        @Param({"scalar", "simd"})
        public String backend;

        Shannon shannon;
        int[] x;
        int[] y;

        @Setup(Level.Trial)
        public void setUp() {
            shannon = Shannon.get(backend);
            int[][] xy = labels(1_000_000, 100, 43);
            x = xy[0];
            y = xy[1];
        }
    }

    /** I(X;Y) in nats from the label arrays: range and count scatter (one fused pass), Σ n·ln n over the table. */
    @Benchmark
    public double mutualInformation(Labels s) {
        return s.shannon.dependence().mutualInformation(s.x, s.y);
    }

    /**
     * The public table of the same labels ({@link org.shannon4j.dependence.Dependence#countPairs}): the same dense count as
     * {@link #mutualInformation}, then the non-empty cells turned into the table (O(k²) for k labels a side).
     */
    @Benchmark
    public PairCounts countPairs(Labels s) {
        return s.shannon.dependence().countPairs(s.x, s.y);
    }

    /** AMI (arithmetic average) at n = 1e6 with k = 100 on each side. */
    @Benchmark
    public double adjustedMutualInformation(AmiLabels s) {
        return s.shannon.dependence().adjustedMutualInformation(s.x, s.y, NmiAverage.ARITHMETIC);
    }
}
