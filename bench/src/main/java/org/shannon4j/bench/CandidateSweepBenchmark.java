package org.shannon4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

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
import org.shannon4j.spi.Kernels;

/**
 * One selection step's counting at 100,000 rows, 10 levels, binary target, as the engine calls
 * {@code intersectionCounts}: each candidate's 9 level bitsets split by class (two segments of 784 words) against
 * the selected feature's 9 sets, the 81 cells per class. {@code sweep} walks {@code candidates} distinct
 * candidates (their sets come from L3 or memory, as in a real step: 112 kB each); {@code hot} repeats the first
 * candidate {@code candidates} times (its sets stay in L1/L2: the kernel's ALU-bound time). {@code sweepPlanes}
 * holds each candidate as 4 binary bit planes of its codes instead (50 kB: 4 bits a row against 9) and decodes
 * them block by block into an L1 scratch of one-hot sets ({@code decode}, 512-bit vectors) before the same kernel:
 * less memory traffic for some decoding work. Scores are ns per step; divide by {@code candidates} for ns per
 * candidate. {@link #main} runs the variants interleaved (round-robin) for a shared, noisy machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class CandidateSweepBenchmark {

    @Param({"simd"})
    public String backend;

    @Param({"1000"})
    public int candidates;

    /** Words of one class segment of a set (100,000 rows, two classes: 784). */
    static final int WORDS = 784;
    static final int SETS = 9;
    static final int CLASSES = 2;

    private Kernels kernels;
    private long[][] x;
    private long[] z;
    private long[] counts;
    /** Each candidate's codes as 4 bit planes per class segment: plane k of class g at (4·g + k)·WORDS. */
    private long[][] planes;
    /** The selected feature's sets in the blocked layout: (class g, block b) holds 9 sets of BLOCK words. */
    private long[] zBlocked;
    /** One block of a candidate's decoded sets: 9 × BLOCK words (L1). */
    private final long[] decoded = new long[SETS * BLOCK];
    /** Words per decode block (784 = 2 × 392). */
    static final int BLOCK = 392;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = BackendKernels.of(backend);
        SplittableRandom random = new SplittableRandom(14);
        x = new long[candidates][];
        for (int j = 0; j < candidates; j++) {
            x[j] = oneHot(random);
        }
        z = oneHot(random);
        counts = new long[SETS * SETS];
        planes = new long[candidates][];
        for (int j = 0; j < candidates; j++) {
            planes[j] = planesOf(x[j]);
        }
        zBlocked = new long[CLASSES * SETS * WORDS];
        for (int g = 0; g < CLASSES; g++) {
            for (int b = 0; b < WORDS / BLOCK; b++) {
                for (int a = 0; a < SETS; a++) {
                    System.arraycopy(z, SETS * g * WORDS + a * WORDS + b * BLOCK, zBlocked,
                            (g * (WORDS / BLOCK) + b) * SETS * BLOCK + a * BLOCK, BLOCK);
                }
            }
        }
        check();
    }

    /** The 4 binary planes of the codes whose one-hot sets (level 9 implied) are {@code sets}. */
    private static long[] planesOf(long[] sets) {
        long[] p = new long[CLASSES * 4 * WORDS];
        for (int g = 0; g < CLASSES; g++) {
            for (int a = 0; a < SETS; a++) {
                for (int i = 0; i < WORDS; i++) {
                    long bits = sets[SETS * g * WORDS + a * WORDS + i];
                    for (int k = 0; k < 4; k++) {
                        if ((a >> k & 1) != 0) {
                            p[(4 * g + k) * WORDS + i] |= bits;
                        }
                    }
                }
            }
            // level 9 (0b1001): the rows in no set
            for (int i = 0; i < WORDS; i++) {
                long any = 0;
                for (int a = 0; a < SETS; a++) {
                    any |= sets[SETS * g * WORDS + a * WORDS + i];
                }
                long nine = ~any;
                p[(4 * g) * WORDS + i] |= nine;
                p[(4 * g + 3) * WORDS + i] |= nine;
            }
        }
        return p;
    }

    /** The planes' decode alone (sweepPlanes less its counting). */
    @Benchmark
    public long[] decode() {
        for (int j = 0; j < candidates; j++) {
            for (int g = 0; g < CLASSES; g++) {
                for (int b = 0; b < WORDS / BLOCK; b++) {
                    decode(planes[j], 4 * g * WORDS + b * BLOCK, decoded);
                }
            }
        }
        return decoded;
    }

    /**
     * Interleaved A/B outside JMH for a shared, noisy machine: the variants run round-robin, one step each per
     * round, and the minimum and median per variant are printed (ms per step). Args: rounds (default 40).
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        CandidateSweepBenchmark b = new CandidateSweepBenchmark();
        b.backend = "simd";
        b.candidates = 1000;
        b.setUp();
        String[] names = {"hot", "sweep", "sweepPlanes", "decode"};
        Runnable[] runs = {b::hot, b::sweep, b::sweepPlanes, b::decode};
        Interleaved.time(names, runs, rounds, 1e6, "ms per step of 1000 candidates");
    }

    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    /**
     * Levels 0..8 of the codes in planes p (plane k at from + k·WORDS) over BLOCK words into out, set a at
     * a·BLOCK (level 9 = 0b1001 implied), with 512-bit vectors (BLOCK is a multiple of 8 words).
     */
    static void decode(long[] p, int from, long[] out) {
        for (int i = 0; i < BLOCK; i += L.length()) {
            var p0 = LongVector.fromArray(L, p, from + i);
            var p1 = LongVector.fromArray(L, p, from + WORDS + i);
            var p2 = LongVector.fromArray(L, p, from + 2 * WORDS + i);
            var p3 = LongVector.fromArray(L, p, from + 3 * WORDS + i);
            var n0 = p0.not();
            var n1 = p1.not();
            var l0 = n0.and(n1);
            var l1 = p0.and(n1);
            var l2 = p1.and(n0);
            var l3 = p0.and(p1);
            var h0 = p2.or(p3).not();
            var h1 = p2.and(p3.not());
            l0.and(h0).intoArray(out, i);
            l1.and(h0).intoArray(out, BLOCK + i);
            l2.and(h0).intoArray(out, 2 * BLOCK + i);
            l3.and(h0).intoArray(out, 3 * BLOCK + i);
            l0.and(h1).intoArray(out, 4 * BLOCK + i);
            l1.and(h1).intoArray(out, 5 * BLOCK + i);
            l2.and(h1).intoArray(out, 6 * BLOCK + i);
            l3.and(h1).intoArray(out, 7 * BLOCK + i);
            l0.and(p3).intoArray(out, 8 * BLOCK + i);
        }
    }

    @Benchmark
    public long[] sweepPlanes() {
        for (int j = 0; j < candidates; j++) {
            long[] p = planes[j];
            for (int g = 0; g < CLASSES; g++) {
                java.util.Arrays.fill(counts, 0L);
                for (int b = 0; b < WORDS / BLOCK; b++) {
                    decode(p, 4 * g * WORDS + b * BLOCK, decoded);
                    kernels.intersectionCounts(decoded, 0, SETS, zBlocked, (g * (WORDS / BLOCK) + b) * SETS * BLOCK,
                            SETS, BLOCK, counts);
                }
            }
        }
        return counts;
    }

    /** The decoded planes give the same table as the sets (checked once, not timed). */
    private void check() {
        for (int j = 0; j < Math.min(3, candidates); j++) {
            for (int g = 0; g < CLASSES; g++) {
                long[] a = new long[SETS * SETS];
                long[] b = new long[SETS * SETS];
                kernels.intersectionCounts(x[j], SETS * g * WORDS, SETS, z, SETS * g * WORDS, SETS, WORDS, a);
                for (int blk = 0; blk < WORDS / BLOCK; blk++) {
                    decode(planes[j], 4 * g * WORDS + blk * BLOCK, decoded);
                    kernels.intersectionCounts(decoded, 0, SETS, zBlocked,
                            (g * (WORDS / BLOCK) + blk) * SETS * BLOCK, SETS, BLOCK, b);
                }
                if (!java.util.Arrays.equals(a, b)) {
                    throw new AssertionError("planes differ from sets: candidate " + j + " class " + g);
                }
            }
        }
    }

    /** The class-split layout of PairCounts: class g's segment of set a at SETS·g·WORDS + a·WORDS. */
    private static long[] oneHot(SplittableRandom random) {
        long[] bits = new long[CLASSES * SETS * WORDS];
        for (int g = 0; g < CLASSES; g++) {
            for (int row = 0; row < 64 * WORDS; row++) {
                int level = random.nextInt(SETS + 1);
                if (level < SETS) {
                    bits[SETS * g * WORDS + level * WORDS + row / 64] |= 1L << row;
                }
            }
        }
        return bits;
    }

    @Benchmark
    public long[] sweep() {
        for (int j = 0; j < candidates; j++) {
            one(x[j]);
        }
        return counts;
    }

    @Benchmark
    public long[] hot() {
        for (int j = 0; j < candidates; j++) {
            one(x[0]);
        }
        return counts;
    }

    private void one(long[] sets) {
        for (int g = 0; g < CLASSES; g++) {
            java.util.Arrays.fill(counts, 0L);
            kernels.intersectionCounts(sets, SETS * g * WORDS, SETS, z, SETS * g * WORDS, SETS, WORDS, counts);
        }
    }
}
