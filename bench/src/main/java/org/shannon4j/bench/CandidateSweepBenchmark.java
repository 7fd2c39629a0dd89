package org.shannon4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.BIT_COUNT;
import static jdk.incubator.vector.VectorOperators.XOR;

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
 * less memory traffic for some decoding work; {@code sweepFused} decodes in registers inside the count instead
 * (tiles of 2 candidate sets × all 9 selected sets, no scratch), and the {@code hot*} twins repeat the first
 * candidate. Scores are ns per step; divide by {@code candidates} for ns per candidate. {@link #main} runs the
 * variants interleaved (round-robin) for a shared, noisy machine, and the sweeps also split over two threads.
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
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        int half = b.candidates / 2;
        long[] mine = new long[SETS * SETS];
        long[] theirs = new long[SETS * SETS];
        String[] names = {"hot", "sweep", "hotPlanes", "sweepPlanes", "hotFused", "sweepFused", "sweep2t",
            "sweepFused2t"};
        Runnable[] runs = {b::hot, b::sweep, b::hotPlanes, b::sweepPlanes, b::hotFused, b::sweepFused,
            () -> twoThreads(other, () -> b.sweep(0, half, mine), () -> b.sweep(half, b.candidates, theirs)),
            () -> twoThreads(other, () -> b.fused(false, 0, half, mine),
                    () -> b.fused(false, half, b.candidates, theirs))};
        Interleaved.time(names, runs, rounds, 1e6, "ms per step of 1000 candidates");
    }

    /** Runs mine on this thread and theirs on other, and waits for both. */
    private static void twoThreads(java.util.concurrent.ExecutorService other, Runnable mine, Runnable theirs) {
        java.util.concurrent.Future<?> f = other.submit(theirs);
        mine.run();
        try {
            f.get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final int LL = L.length();

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
        return planes(false);
    }

    /** sweepPlanes with the first candidate's planes every time (in cache: the decode and count work alone). */
    @Benchmark
    public long[] hotPlanes() {
        return planes(true);
    }

    private long[] planes(boolean hot) {
        for (int j = 0; j < candidates; j++) {
            long[] p = planes[hot ? 0 : j];
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

    /**
     * Cells of set a and a + 1 (decoded in registers from the 4 planes at pOff + k·WORDS) against the 9 sets
     * of z at zOff + b·WORDS over WORDS words: the decode fused into the count, no scratch.
     */
    private static void fused2x9(long[] p, int pOff, long[] z, int zOff, long[] counts, int a) {
        long m1 = (a & 2) != 0 ? 0 : -1L, m2 = (a & 4) != 0 ? 0 : -1L, m3 = (a & 8) != 0 ? 0 : -1L;
        LongVector c00 = LongVector.zero(L), c01 = LongVector.zero(L), c02 = LongVector.zero(L), c03 = LongVector.zero(L), c04 = LongVector.zero(L), c05 = LongVector.zero(L), c06 = LongVector.zero(L), c07 = LongVector.zero(L), c08 = LongVector.zero(L);
        LongVector c10 = LongVector.zero(L), c11 = LongVector.zero(L), c12 = LongVector.zero(L), c13 = LongVector.zero(L), c14 = LongVector.zero(L), c15 = LongVector.zero(L), c16 = LongVector.zero(L), c17 = LongVector.zero(L), c18 = LongVector.zero(L);
        for (int w = 0; w < WORDS; w += LL) {
            LongVector p0 = LongVector.fromArray(L, p, pOff + w);
            LongVector common = LongVector.fromArray(L, p, pOff + WORDS + w).lanewise(XOR, m1)
                    .and(LongVector.fromArray(L, p, pOff + 2 * WORDS + w).lanewise(XOR, m2))
                    .and(LongVector.fromArray(L, p, pOff + 3 * WORDS + w).lanewise(XOR, m3));
            LongVector x0 = common.and(p0.not());
            LongVector x1 = common.and(p0);
            LongVector y0 = LongVector.fromArray(L, z, zOff + 0 * WORDS + w);
            c00 = c00.add(x0.and(y0).lanewise(BIT_COUNT));
            c10 = c10.add(x1.and(y0).lanewise(BIT_COUNT));
            LongVector y1 = LongVector.fromArray(L, z, zOff + 1 * WORDS + w);
            c01 = c01.add(x0.and(y1).lanewise(BIT_COUNT));
            c11 = c11.add(x1.and(y1).lanewise(BIT_COUNT));
            LongVector y2 = LongVector.fromArray(L, z, zOff + 2 * WORDS + w);
            c02 = c02.add(x0.and(y2).lanewise(BIT_COUNT));
            c12 = c12.add(x1.and(y2).lanewise(BIT_COUNT));
            LongVector y3 = LongVector.fromArray(L, z, zOff + 3 * WORDS + w);
            c03 = c03.add(x0.and(y3).lanewise(BIT_COUNT));
            c13 = c13.add(x1.and(y3).lanewise(BIT_COUNT));
            LongVector y4 = LongVector.fromArray(L, z, zOff + 4 * WORDS + w);
            c04 = c04.add(x0.and(y4).lanewise(BIT_COUNT));
            c14 = c14.add(x1.and(y4).lanewise(BIT_COUNT));
            LongVector y5 = LongVector.fromArray(L, z, zOff + 5 * WORDS + w);
            c05 = c05.add(x0.and(y5).lanewise(BIT_COUNT));
            c15 = c15.add(x1.and(y5).lanewise(BIT_COUNT));
            LongVector y6 = LongVector.fromArray(L, z, zOff + 6 * WORDS + w);
            c06 = c06.add(x0.and(y6).lanewise(BIT_COUNT));
            c16 = c16.add(x1.and(y6).lanewise(BIT_COUNT));
            LongVector y7 = LongVector.fromArray(L, z, zOff + 7 * WORDS + w);
            c07 = c07.add(x0.and(y7).lanewise(BIT_COUNT));
            c17 = c17.add(x1.and(y7).lanewise(BIT_COUNT));
            LongVector y8 = LongVector.fromArray(L, z, zOff + 8 * WORDS + w);
            c08 = c08.add(x0.and(y8).lanewise(BIT_COUNT));
            c18 = c18.add(x1.and(y8).lanewise(BIT_COUNT));
        }
        counts[(a + 0) * 9 + 0] += c00.reduceLanes(ADD);
        counts[(a + 0) * 9 + 1] += c01.reduceLanes(ADD);
        counts[(a + 0) * 9 + 2] += c02.reduceLanes(ADD);
        counts[(a + 0) * 9 + 3] += c03.reduceLanes(ADD);
        counts[(a + 0) * 9 + 4] += c04.reduceLanes(ADD);
        counts[(a + 0) * 9 + 5] += c05.reduceLanes(ADD);
        counts[(a + 0) * 9 + 6] += c06.reduceLanes(ADD);
        counts[(a + 0) * 9 + 7] += c07.reduceLanes(ADD);
        counts[(a + 0) * 9 + 8] += c08.reduceLanes(ADD);
        counts[(a + 1) * 9 + 0] += c10.reduceLanes(ADD);
        counts[(a + 1) * 9 + 1] += c11.reduceLanes(ADD);
        counts[(a + 1) * 9 + 2] += c12.reduceLanes(ADD);
        counts[(a + 1) * 9 + 3] += c13.reduceLanes(ADD);
        counts[(a + 1) * 9 + 4] += c14.reduceLanes(ADD);
        counts[(a + 1) * 9 + 5] += c15.reduceLanes(ADD);
        counts[(a + 1) * 9 + 6] += c16.reduceLanes(ADD);
        counts[(a + 1) * 9 + 7] += c17.reduceLanes(ADD);
        counts[(a + 1) * 9 + 8] += c18.reduceLanes(ADD);
    }

    /**
     * Cells of set a (decoded in registers from the 4 planes at pOff + k·WORDS) against the 9 sets
     * of z at zOff + b·WORDS over WORDS words: the decode fused into the count, no scratch.
     */
    private static void fused1x9(long[] p, int pOff, long[] z, int zOff, long[] counts, int a) {
        long m1 = (a & 2) != 0 ? 0 : -1L, m2 = (a & 4) != 0 ? 0 : -1L, m3 = (a & 8) != 0 ? 0 : -1L;
        long m0 = (a & 1) != 0 ? 0 : -1L;
        LongVector c00 = LongVector.zero(L), c01 = LongVector.zero(L), c02 = LongVector.zero(L), c03 = LongVector.zero(L), c04 = LongVector.zero(L), c05 = LongVector.zero(L), c06 = LongVector.zero(L), c07 = LongVector.zero(L), c08 = LongVector.zero(L);
        for (int w = 0; w < WORDS; w += LL) {
            LongVector p0 = LongVector.fromArray(L, p, pOff + w);
            LongVector common = LongVector.fromArray(L, p, pOff + WORDS + w).lanewise(XOR, m1)
                    .and(LongVector.fromArray(L, p, pOff + 2 * WORDS + w).lanewise(XOR, m2))
                    .and(LongVector.fromArray(L, p, pOff + 3 * WORDS + w).lanewise(XOR, m3));
            LongVector x0 = common.and(p0.lanewise(XOR, m0));
            LongVector y0 = LongVector.fromArray(L, z, zOff + 0 * WORDS + w);
            c00 = c00.add(x0.and(y0).lanewise(BIT_COUNT));
            LongVector y1 = LongVector.fromArray(L, z, zOff + 1 * WORDS + w);
            c01 = c01.add(x0.and(y1).lanewise(BIT_COUNT));
            LongVector y2 = LongVector.fromArray(L, z, zOff + 2 * WORDS + w);
            c02 = c02.add(x0.and(y2).lanewise(BIT_COUNT));
            LongVector y3 = LongVector.fromArray(L, z, zOff + 3 * WORDS + w);
            c03 = c03.add(x0.and(y3).lanewise(BIT_COUNT));
            LongVector y4 = LongVector.fromArray(L, z, zOff + 4 * WORDS + w);
            c04 = c04.add(x0.and(y4).lanewise(BIT_COUNT));
            LongVector y5 = LongVector.fromArray(L, z, zOff + 5 * WORDS + w);
            c05 = c05.add(x0.and(y5).lanewise(BIT_COUNT));
            LongVector y6 = LongVector.fromArray(L, z, zOff + 6 * WORDS + w);
            c06 = c06.add(x0.and(y6).lanewise(BIT_COUNT));
            LongVector y7 = LongVector.fromArray(L, z, zOff + 7 * WORDS + w);
            c07 = c07.add(x0.and(y7).lanewise(BIT_COUNT));
            LongVector y8 = LongVector.fromArray(L, z, zOff + 8 * WORDS + w);
            c08 = c08.add(x0.and(y8).lanewise(BIT_COUNT));
        }
        counts[(a + 0) * 9 + 0] += c00.reduceLanes(ADD);
        counts[(a + 0) * 9 + 1] += c01.reduceLanes(ADD);
        counts[(a + 0) * 9 + 2] += c02.reduceLanes(ADD);
        counts[(a + 0) * 9 + 3] += c03.reduceLanes(ADD);
        counts[(a + 0) * 9 + 4] += c04.reduceLanes(ADD);
        counts[(a + 0) * 9 + 5] += c05.reduceLanes(ADD);
        counts[(a + 0) * 9 + 6] += c06.reduceLanes(ADD);
        counts[(a + 0) * 9 + 7] += c07.reduceLanes(ADD);
        counts[(a + 0) * 9 + 8] += c08.reduceLanes(ADD);
    }

    /** sweepPlanes with the decode fused into the count (fused2x9, fused1x9). */
    private long[] fused(boolean hot) {
        return fused(hot, 0, candidates, counts);
    }

    /** Candidates [from, to) of {@link #fused(boolean)} into the given counts. */
    long[] fused(boolean hot, int from, int to, long[] counts) {
        for (int j = from; j < to; j++) {
            long[] p = planes[hot ? 0 : j];
            for (int g = 0; g < CLASSES; g++) {
                java.util.Arrays.fill(counts, 0L);
                int pOff = 4 * g * WORDS;
                int zOff = SETS * g * WORDS;
                for (int a = 0; a < 8; a += 2) {
                    fused2x9(p, pOff, z, zOff, counts, a);
                }
                fused1x9(p, pOff, z, zOff, counts, 8);
            }
        }
        return counts;
    }

    @Benchmark
    public long[] sweepFused() {
        return fused(false);
    }

    @Benchmark
    public long[] hotFused() {
        return fused(true);
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
                long[] c = new long[SETS * SETS];
                for (int r = 0; r < 8; r += 2) {
                    fused2x9(planes[j], 4 * g * WORDS, z, SETS * g * WORDS, c, r);
                }
                fused1x9(planes[j], 4 * g * WORDS, z, SETS * g * WORDS, c, 8);
                if (!java.util.Arrays.equals(a, c)) {
                    throw new AssertionError("fused planes differ from sets: candidate " + j + " class " + g);
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
        return sweep(0, candidates, counts);
    }

    /** Candidates [from, to) of {@link #sweep()} into the given counts. */
    long[] sweep(int from, int to, long[] counts) {
        for (int j = from; j < to; j++) {
            one(x[j], counts);
        }
        return counts;
    }

    @Benchmark
    public long[] hot() {
        for (int j = 0; j < candidates; j++) {
            one(x[0], counts);
        }
        return counts;
    }

    private void one(long[] sets, long[] counts) {
        for (int g = 0; g < CLASSES; g++) {
            java.util.Arrays.fill(counts, 0L);
            kernels.intersectionCounts(sets, SETS * g * WORDS, SETS, z, SETS * g * WORDS, SETS, WORDS, counts);
        }
    }
}
