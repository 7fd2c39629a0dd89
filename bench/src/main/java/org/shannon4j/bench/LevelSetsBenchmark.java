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
 * The {@code levelSets} kernel alone, called on the backend's {@link Kernels} directly, in the feature selection
 * engine's shapes: a byte column of {@code rows} rows with sets + 1 uniformly drawn levels, turned into the bitsets
 * of its first {@code sets} levels (9: a 10-level column; 32: the widest column with bitsets; 64: the widest Z).
 * Scores are ns per call (divide by rows for ns/row); the bits are ORed into the same words every call, so the
 * stores are those of a first call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class LevelSetsBenchmark {

    /** A backend name ({@link BackendProvider#name()}); scalar runs the reference loop. */
    @Param({"scalar", "simd"})
    public String backend;

    /** Rows of the column. */
    @Param({"100000", "1000000"})
    public int rows;

    /** Bitsets written (the column has one level more). */
    @Param({"9", "32", "64"})
    public int sets;

    private Kernels kernels;
    private byte[] codes;
    private long[] bits;
    private int words;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = BackendKernels.of(backend);
        SplittableRandom random = new SplittableRandom(49);
        codes = new byte[rows];
        for (int r = 0; r < rows; r++) {
            codes[r] = (byte) random.nextInt(sets + 1);
        }
        words = Math.ceilDiv(rows, 64);
        bits = new long[sets * words];
    }

    /** The bitsets of one column. */
    @Benchmark
    public long[] levelSets() {
        kernels.levelSets(codes, 0, rows, sets, bits, 0, words);
        return bits;
    }
}
