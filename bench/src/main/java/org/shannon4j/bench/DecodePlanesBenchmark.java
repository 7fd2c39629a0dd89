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
 * The {@code decodePlanes} kernel alone, in the feature selection engine's shape: a 10-level column's 9 level sets
 * decoded from 4 bit planes of {@code words} words (784: one class's segment of 100,000 rows with a binary
 * target). {@code columns} distinct columns are decoded in turn, one per call: 1 keeps the planes in L1, 1000 (50
 * MB of planes at 1563 words) makes every call read its planes from memory, as a selection step does. Scores are
 * ns per call, each writing sets·words words.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DecodePlanesBenchmark {

    /** A backend name ({@link BackendProvider#name()}). */
    @Param({"scalar", "simd"})
    public String backend;

    /** Words per plane and set (64 rows each). */
    @Param({"784"})
    public int words;

    /** Level sets decoded (stored levels: levels − 1). */
    @Param({"9"})
    public int sets;

    /** Distinct columns decoded in turn. */
    @Param({"1", "1000"})
    public int columns;

    private Kernels kernels;
    private int planeCount;
    private long[][] planes;
    private long[] out;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = BackendKernels.of(backend);
        planeCount = 32 - Integer.numberOfLeadingZeros(sets);
        SplittableRandom random = new SplittableRandom(49);
        planes = new long[columns][planeCount * words];
        for (long[] column : planes) {
            for (int row = 0; row < 64 * words; row++) {
                int code = random.nextInt(sets + 1);
                for (int q = 0; q < planeCount; q++) {
                    if ((code >>> q & 1) != 0) {
                        column[q * words + row / 64] |= 1L << row;
                    }
                }
            }
        }
        out = new long[sets * words];
    }

    /** One column's sets. */
    @Benchmark
    public long[] decodePlanes() {
        long[] column = planes[next];
        next = next + 1 == columns ? 0 : next + 1;
        kernels.decodePlanes(column, 0, planeCount, sets, words, out, 0);
        return out;
    }
}
