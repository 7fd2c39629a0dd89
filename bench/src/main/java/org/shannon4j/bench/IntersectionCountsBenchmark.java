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
 * The {@code intersectionCounts} kernel alone, called on the backend's {@link Kernels} directly, in the feature
 * selection engine's shapes: {@code xSets} level bitsets of a candidate against {@code zSets} level bitsets of
 * (selected feature, target), each of {@code words} 64-bit words (1563 words: 100k rows; 15625: 1M rows; 784 and
 * 7816: one target class's segment of 100k and 1M rows, the engine's calls since bitsets are split by class),
 * random one-hot levels (each row in exactly one set of each family). Scores are ns per call; the work per call
 * is xSets·zSets·words/8 AND + POPCNT + ADD of 512-bit vectors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class IntersectionCountsBenchmark {

    /** A backend name ({@link BackendProvider#name()}). */
    @Param({"scalar", "simd"})
    public String backend;

    /** Words per bitset (64 rows each). */
    @Param({"784", "1563", "7816", "15625"})
    public int words;

    /** Bitsets of the first family (a candidate's levels minus one). */
    @Param({"9"})
    public int xSets;

    /** Bitsets of the second family (levels of selected feature × target, minus one). */
    @Param({"19", "9"})
    public int zSets;

    private Kernels kernels;
    private long[] x;
    private long[] z;
    private long[] counts;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = BackendKernels.of(backend);
        SplittableRandom random = new SplittableRandom(48);
        x = oneHot(random, xSets, words);
        z = oneHot(random, zSets, words);
        counts = new long[xSets * zSets];
    }

    /** {@code sets} bitsets of {@code words} words; each row is in one of sets + 1 levels (the last not stored). */
    private static long[] oneHot(SplittableRandom random, int sets, int words) {
        long[] bits = new long[sets * words];
        for (int row = 0; row < 64 * words; row++) {
            int level = random.nextInt(sets + 1);
            if (level < sets) {
                bits[level * words + row / 64] |= 1L << row;
            }
        }
        return bits;
    }

    /** One joint table, added into the same counts every call (the sums stay far from overflow). */
    @Benchmark
    public long[] intersectionCounts() {
        kernels.intersectionCounts(x, 0, xSets, z, 0, zSets, words, counts);
        return counts;
    }
}
