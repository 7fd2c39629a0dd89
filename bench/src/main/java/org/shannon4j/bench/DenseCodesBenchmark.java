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
import org.shannon4j.spi.BackendProvider;
import org.shannon4j.spi.Kernels;

/**
 * The hashed dense-code kernels alone ({@code denseCodes}, {@code densePairCodes}), called on the backend's
 * {@link Kernels} directly: n = {@code size} labels drawn from {@code k} distinct ints spread over the int range,
 * y equal to x for a third of the samples (as {@link MutualInformationBenchmark}). These are the wide-label path
 * of the mutual-information family; the dense path never hashes. Scores are ns per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DenseCodesBenchmark {

    /** A backend name ({@link BackendProvider#name()}). */
    @Param({"scalar", "simd"})
    public String backend;

    /** Number of samples n. */
    @Param({"1000000"})
    public int size;

    /** Number of distinct labels on each side. */
    @Param({"1000", "100000"})
    public int k;

    private Kernels kernels;
    private int[] x;
    private int[] y;
    private int[] codes;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = BackendKernels.named(backend);
        int[][] xy = MutualInformationBenchmark.labels(size, k, 46);
        SplittableRandom random = new SplittableRandom(47);
        int[] spread = new int[k];
        for (int i = 0; i < k; i++) {
            spread[i] = random.nextInt();
        }
        x = xy[0];
        y = xy[1];
        for (int i = 0; i < size; i++) {
            x[i] = spread[x[i]];
            y[i] = spread[y[i]];
        }
        codes = new int[size];
    }

    /** Dense codes of one label array: about k distinct keys. */
    @Benchmark
    public int denseCodes() {
        return kernels.denseCodes(x, 0, size, codes);
    }

    /** Dense codes of the label pairs: up to min(n, k²) distinct 64-bit keys. */
    @Benchmark
    public int densePairCodes() {
        return kernels.densePairCodes(x, 0, y, 0, size, codes);
    }
}
