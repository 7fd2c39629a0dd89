package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;

/**
 * Issue 6 ("Scale") on every backend: {@link MemorySegment} inputs (heap, native, mapped; double and float;
 * offsets; byte order; long indices beyond 2³¹) give the array results, bad segment input is named by its long
 * index, and the parallel modes keep the sequential accuracy (any thread count) or are bit-identical
 * (deterministic mode, any thread count, any run). Extend this class in a test to certify a backend.
 *
 * <h2>Tolerances</h2>
 * Segments are read by the array kernels on blocks of 2048 elements copied out of the segment, and the block
 * results are added with compensated summation: up to 2048 elements the segment result is the array result
 * bit for bit; beyond, only the order of adding block totals differs, a few ulp of Σ|termᵢ|, so the
 * comparison allows 1e-15·Σ|termᵢ| + 4ε (ε = 2^-52; Σ|termᵢ| from the exact reference, which for entropy is
 * the value itself). Parallel chunks differ from the sequential pass the same way (compensated chunk totals),
 * so the same tolerance applies; both are far inside the 1e-13 bounds the class comment of {@code Shannon}
 * promises, which {@link DistributionConformanceSuite} checks against the exact reference.
 *
 * <p>Two exceptions. Float entropy and cross-entropy may use float-precision vector logs whose last bit depends
 * on whether the JIT has compiled the loop yet (the Vector API's interpreted fallback and the compiled
 * intrinsic round differently), so consecutive calls on the same input can differ within the documented float
 * bound, 1e-6 relative: those forms are compared with that bound. For the same reason, the bit-for-bit checks
 * (one block; deterministic mode) run on the scalar backend, whose {@code Math.log} is the same in every
 * compilation tier, and on other backends only after their results have settled (see {@link #settled}).
 */
public abstract class ScaleConformanceSuite {

    static final double EPS = Math.ulp(1.0);
    static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    /** Lengths around the segment walk's block (2048) and beyond; 1 and a few tails. */
    static final int[] LENGTHS = {1, 5, 63, 1000, 2047, 2048, 2049, 4099, 10_007, 100_003};

    /** A thread pool with more threads than this machine has cores, to exercise 1..8 helper threads. */
    static final ExecutorService POOL = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "scale-suite");
        t.setDaemon(true);
        return t;
    });

    static Stream<Arguments> backends() {
        return ConformanceBackends.supported().map(s -> Arguments.of(Named.of(s.backendName(), s)));
    }

    static Stream<Arguments> backendsAndLengths() {
        List<Arguments> all = new ArrayList<>();
        ConformanceBackends.supported().forEach(s -> {
            for (int n : LENGTHS) {
                all.add(Arguments.of(Named.of(s.backendName(), s), n));
            }
        });
        return all.stream();
    }

    // ------------------------------------------------------------------------------------------- measures

    interface ArrayD {
        double apply(Shannon s, double[] p, double[] q);
    }

    interface ArrayF {
        double apply(Shannon s, float[] p, float[] q);
    }

    interface SegmentD {
        double apply(Shannon s, MemorySegment p, long pOffset, MemorySegment q, long qOffset, long n,
                     ValueLayout.OfDouble layout);
    }

    interface SegmentF {
        double apply(Shannon s, MemorySegment p, long pOffset, MemorySegment q, long qOffset, long n,
                     ValueLayout.OfFloat layout);
    }

    interface WholeD {
        double apply(Shannon s, MemorySegment p, MemorySegment q, ValueLayout.OfDouble layout);
    }

    interface WholeF {
        double apply(Shannon s, MemorySegment p, MemorySegment q, ValueLayout.OfFloat layout);
    }

    /** One public measure in each of its input forms; entropy ignores q. */
    record Measure(String name, boolean usesQ, ArrayD arrayD, ArrayF arrayF, WholeD wholeD, WholeF wholeF,
                   SegmentD rangeD, SegmentF rangeF) {
        @Override
        public String toString() {
            return name;
        }

        /**
         * Σ|termᵢ| of this measure for normalised p, q: the scale of its error bound. Plain double arithmetic
         * is plenty for a tolerance (the exact reference would take seconds at n = 1e6).
         */
        double magnitude(double[] p, double[] q) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                double x = p[i];
                double y = q[i];
                double m = (x + y) / 2;
                sum += switch (name) {
                    case "entropy" -> x > 0 ? -x * Math.log(x) : 0;
                    case "crossEntropy" -> x > 0 ? -x * Math.log(y) : 0;
                    case "klDivergence" -> x > 0 ? Math.abs(x * Math.log(x / y)) : 0;
                    default -> (x > 0 ? Math.abs(x * Math.log(x / m)) : 0) + (y > 0 ? Math.abs(y * Math.log(y / m)) : 0);
                };
            }
            // √JS moves by ΔJS/(2√JS): the suites' random pairs have JS ≫ 0.01, so twice ΔJS's scale is ample.
            return name.equals("jsDistance") ? 2 * sum : sum;
        }
    }

    static final List<Measure> MEASURES = List.of(
            new Measure("entropy", false, (s, p, q) -> s.entropy(p), (s, p, q) -> s.entropy(p),
                    (s, p, q, l) -> s.entropy(p, l), (s, p, q, l) -> s.entropy(p, l),
                    (s, p, po, q, qo, n, l) -> s.entropy(p, po, n, l), (s, p, po, q, qo, n, l) -> s.entropy(p, po, n, l)),
            new Measure("crossEntropy", true, Shannon::crossEntropy, Shannon::crossEntropy,
                    Shannon::crossEntropy, Shannon::crossEntropy, Shannon::crossEntropy, Shannon::crossEntropy),
            new Measure("klDivergence", true, Shannon::klDivergence, Shannon::klDivergence,
                    Shannon::klDivergence, Shannon::klDivergence, Shannon::klDivergence, Shannon::klDivergence),
            new Measure("jsDivergence", true, Shannon::jsDivergence, Shannon::jsDivergence,
                    Shannon::jsDivergence, Shannon::jsDivergence, Shannon::jsDivergence, Shannon::jsDivergence),
            new Measure("jsDistance", true, Shannon::jsDistance, Shannon::jsDistance,
                    Shannon::jsDistance, Shannon::jsDistance, Shannon::jsDistance, Shannon::jsDistance));

    // ------------------------------------------------------------------------------------------- segments

    /** A native copy of {@code a} placed after {@code pad} elements of garbage (NaN) and followed by more. */
    static MemorySegment nativeCopy(Arena arena, double[] a, int pad) {
        MemorySegment s = arena.allocate((a.length + pad + 3L) * Double.BYTES, Double.BYTES);
        for (long i = 0; i < a.length + pad + 3L; i++) {
            s.setAtIndex(D, i, Double.NaN);
        }
        MemorySegment.copy(a, 0, s, D, (long) pad * Double.BYTES, a.length);
        return s;
    }

    static MemorySegment nativeCopy(Arena arena, float[] a, int pad) {
        MemorySegment s = arena.allocate((a.length + pad + 3L) * Float.BYTES, Float.BYTES);
        for (long i = 0; i < a.length + pad + 3L; i++) {
            s.setAtIndex(F, i, -1f);
        }
        MemorySegment.copy(a, 0, s, F, (long) pad * Float.BYTES, a.length);
        return s;
    }

    /** Big-endian bytes of {@code a}, 3 bytes into a byte[] (so unaligned as well): read with an unaligned BE layout. */
    static MemorySegment bigEndianBytes(double[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * Double.BYTES + 3).order(ByteOrder.BIG_ENDIAN);
        b.position(3);
        for (double x : a) {
            b.putDouble(x);
        }
        return MemorySegment.ofArray(b.array()).asSlice(3);
    }

    static void close(String what, double actual, double expected, double tolerance) {
        if (Double.isInfinite(expected) || Double.isNaN(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        if (!(Math.abs(actual - expected) <= tolerance)) {
            fail(what + ": expected " + expected + " but got " + actual + " (|diff| = "
                    + Math.abs(actual - expected) + " > " + tolerance + ")");
        }
    }

    /** Extra tolerance of a float input's result: 1e-6 relative where float logs are allowed (see the class comment). */
    static double floatTol(Measure m, double value) {
        return m.name().equals("entropy") || m.name().equals("crossEntropy") ? 1e-6 * Math.abs(value)
                : 1e-15 * Math.abs(value);
    }

    /**
     * Calls {@code forms} until two consecutive calls agree bit for bit (at most 200 calls): the backend's
     * loops are then compiled, so later calls round the same way.
     */
    static double[] settled(Supplier<double[]> forms) {
        double[] last = forms.get();
        for (int i = 0; i < 200; i++) {
            double[] next = forms.get();
            if (java.util.Arrays.equals(last, next)) {
                return next;
            }
            last = next;
        }
        return last;
    }

    static double[] pair(SplittableRandom rnd, int n, double alpha) {
        return TestData.dirichlet(rnd, n, alpha, 0.1);
    }

    // ---------------------------------------------------------------------------------------------- tests

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("org.shannon4j.conformance.ScaleConformanceSuite#backendsAndLengths")
    void segmentsGiveTheArrayResults(Shannon s, int n) {
        SplittableRandom rnd = new SplittableRandom(4242L * n);
        double[] p = pair(rnd, n, 0.5);
        double[] q = TestData.dirichlet(rnd, n, 1.0, 0.0);
        float[] pf = TestData.toFloat(p);
        float[] qf = TestData.toFloat(q);
        Shannon lax = s.withNormalization(Normalization.NORMALIZE);
        double[] cp = DistributionConformanceSuite.scaled(p, 37.5);
        double[] cq = DistributionConformanceSuite.scaled(q, 0.01);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment np = nativeCopy(arena, p, 3);
            MemorySegment nq = nativeCopy(arena, q, 5);
            MemorySegment npf = nativeCopy(arena, pf, 7);
            MemorySegment nqf = nativeCopy(arena, qf, 1);
            MemorySegment ncp = nativeCopy(arena, cp, 0).asSlice(0, (long) n * Double.BYTES);
            MemorySegment ncq = nativeCopy(arena, cq, 0).asSlice(0, (long) n * Double.BYTES);
            for (Measure m : MEASURES) {
                double tol = 1e-15 * m.magnitude(p, q) + 4 * EPS;
                String at = m + " n=" + n;
                double expected = m.arrayD().apply(s, p, q);
                double expectedF = m.arrayF().apply(s, pf, qf);
                double[] doubles = {
                    m.wholeD().apply(s, MemorySegment.ofArray(p), MemorySegment.ofArray(q), D),
                    m.rangeD().apply(s, np, 3, nq, 5, n, D),
                    m.rangeD().apply(s, MemorySegment.ofArray(DistributionConformanceSuite.embed(p, 2)), 2,
                            MemorySegment.ofArray(DistributionConformanceSuite.embed(q, 4)), 4, n, D),
                    m.wholeD().apply(s, bigEndianBytes(p), bigEndianBytes(q),
                            ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN)),
                };
                String[] what = {"heap", "native range", "heap range", "big-endian unaligned"};
                boolean exact = n <= 2048 && s.backendName().equals("scalar");
                for (int i = 0; i < doubles.length; i++) {
                    if (exact) {
                        assertEquals(expected, doubles[i], at + " " + what[i] + ": one block is the array kernel");
                    }
                    close(at + " " + what[i], doubles[i], expected, tol);
                }
                double[] floats = {
                    m.wholeF().apply(s, MemorySegment.ofArray(pf), MemorySegment.ofArray(qf), F),
                    m.rangeF().apply(s, npf, 7, nqf, 1, n, F),
                };
                for (int i = 0; i < floats.length; i++) {
                    if (exact) {
                        assertEquals(expectedF, floats[i], at + " float " + what[i]);
                    }
                    close(at + " float " + what[i], floats[i], expectedF, tol + floatTol(m, expectedF));
                }
                close(at + " NORMALIZE native", m.wholeD().apply(lax, ncp, ncq, D), m.arrayD().apply(lax, cp, cq),
                        tol + 16 * EPS * (1 + Math.log(37.5) + Math.abs(Math.log(0.01))));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.ScaleConformanceSuite#backends")
    void badSegmentEntriesAreNamedLikeArrayEntries(Shannon s) {
        int n = 5000;
        SplittableRandom rnd = new SplittableRandom(99);
        for (int bad : new int[] {0, 17, 2047, 2048, 2049, 4100, n - 1}) {
            for (double value : new double[] {-0.25, Double.NaN, Double.POSITIVE_INFINITY}) {
                for (boolean inQ : new boolean[] {false, true}) {
                    double[] p = TestData.dirichlet(rnd, n, 1.0, 0.0);
                    double[] q = TestData.dirichlet(rnd, n, 1.0, 0.0);
                    (inQ ? q : p)[bad] = value;
                    float[] pf = TestData.toFloat(p);
                    float[] qf = TestData.toFloat(q);
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment np = nativeCopy(arena, p, 0).asSlice(0, (long) n * Double.BYTES);
                        MemorySegment nq = nativeCopy(arena, q, 0).asSlice(0, (long) n * Double.BYTES);
                        MemorySegment npf = nativeCopy(arena, pf, 2);
                        MemorySegment nqf = nativeCopy(arena, qf, 2);
                        for (Measure m : MEASURES) {
                            if (inQ && !m.usesQ()) {
                                continue;
                            }
                            String at = m + " bad " + (inQ ? "q" : "p") + "[" + bad + "] = " + value;
                            String expected = message(() -> m.arrayD().apply(s, p, q));
                            assertTrue(expected.startsWith((inQ ? "q" : "p") + "[" + bad + "] = "), at + ": " + expected);
                            assertEquals(expected, message(() -> m.wholeD().apply(s, np, nq, D)), at);
                            assertEquals(message(() -> m.arrayF().apply(s, pf, qf)).replace("[" + bad + "]",
                                    "[" + (bad + 2) + "]"), message(() -> m.rangeF().apply(s, npf, 2, nqf, 2, n, F)),
                                    at + " float range");
                        }
                    }
                }
            }
        }
    }

    static String message(Supplier<Double> call) {
        return assertThrows(IllegalArgumentException.class, call::get).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.ScaleConformanceSuite#backends")
    void segmentArgumentsAreChecked(Shannon s) {
        double[] p = {0.5, 0.25, 0.25};
        MemorySegment ok = MemorySegment.ofArray(p);
        for (Measure m : MEASURES) {
            String at = m.name();
            assertEquals("p must not be null", assertThrows(NullPointerException.class,
                    () -> m.wholeD().apply(s, null, ok, D)).getMessage(), at);
            if (m.usesQ()) {
                assertEquals("q must not be null", assertThrows(NullPointerException.class,
                        () -> m.wholeD().apply(s, ok, null, D)).getMessage(), at);
                assertTrue(assertThrows(IllegalArgumentException.class, () -> m.wholeD().apply(s, ok,
                        MemorySegment.ofArray(new double[] {0.5, 0.5}), D)).getMessage()
                        .contains("p has 3 elements but q has 2"), at);
            }
            assertThrows(NullPointerException.class, () -> m.wholeD().apply(s, ok, ok, null), at);
            // A byte size that is not a whole number of elements.
            MemorySegment ragged = MemorySegment.ofArray(new byte[20]);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> m.wholeD().apply(s, ragged, ragged,
                    ValueLayout.JAVA_DOUBLE_UNALIGNED)).getMessage()
                    .contains("not a multiple of the element size 8 of double unaligned:"), at);
            // Layouts are named as users know them, "d8" or "F4%1" would be the JDK's own names.
            java.nio.ByteOrder other = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN
                    ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN;
            MemorySegment raggedF = MemorySegment.ofArray(new byte[22]);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> m.wholeF().apply(s, raggedF, raggedF,
                    ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(other))).getMessage()
                    .contains("element size 4 of float " + (other == java.nio.ByteOrder.BIG_ENDIAN ? "big-endian"
                            : "little-endian") + " unaligned:"), at);
            // A byte[] segment cannot satisfy JAVA_DOUBLE's 8-byte alignment: the message names the way out ...
            MemorySegment bytes = MemorySegment.ofArray(new byte[24]);
            bytes.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, 1.0);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> m.wholeD().apply(s, bytes, bytes, D))
                    .getMessage().contains("aligned to 1 bytes but double requires 8: use ValueLayout.JAVA_DOUBLE_UNALIGNED"),
                    at);
            // ... which works.
            assertEquals(m.arrayD().apply(s, new double[] {1, 0, 0}, new double[] {1, 0, 0}),
                    m.wholeD().apply(s, bytes, bytes, ValueLayout.JAVA_DOUBLE_UNALIGNED), at);
            // Ranges: outside, negative, empty.
            Executable outside = () -> m.rangeD().apply(s, ok, 1, ok, 0, 3, D);
            assertTrue(assertThrows(IndexOutOfBoundsException.class, outside).getMessage()
                    .startsWith("p: offset 1 and count 3 do not fit in the 3 elements of p (double, byteSize 24)"), at);
            assertThrows(IndexOutOfBoundsException.class, () -> m.rangeD().apply(s, ok, -1, ok, 0, 2, D), at);
            assertThrows(IndexOutOfBoundsException.class,
                    () -> m.rangeD().apply(s, ok, 0, ok, 0, Long.MAX_VALUE, D), at);
            assertThrows(IndexOutOfBoundsException.class,
                    () -> m.rangeF().apply(s, MemorySegment.ofArray(new float[4]), 3L << 31, ok, 0, 1, F), at);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> m.rangeD().apply(s, ok, 1, ok, 1, 0, D))
                    .getMessage().contains("empty"), at);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> m.wholeD().apply(s,
                    MemorySegment.ofArray(new double[0]), MemorySegment.ofArray(new double[0]), D))
                    .getMessage().contains("empty"), at);
            // Closed segments throw as any access to them does.
            Arena arena = Arena.ofShared();
            MemorySegment gone = arena.allocate(24, 8);
            arena.close();
            assertThrows(IllegalStateException.class, () -> m.wholeD().apply(s, gone, gone, D), at);
        }
    }

    /**
     * Long offsets and long indices in messages, cheaply: a sparse file of 2³¹ + 8192 floats (8 GiB that take
     * no disk space), mapped, with a few values written beyond index 2³¹; only those pages are ever read.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.ScaleConformanceSuite#backends")
    void longOffsetsInAMappedSparseFile(Shannon s) throws IOException {
        long base = (1L << 31) + 100;
        long elements = (1L << 31) + 8192;
        Path file = Files.createTempFile("shannon4j-sparse", ".f32");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE);
             Arena arena = Arena.ofShared()) {
            float[] p = {0.125f, 0f, 0.375f, 0.25f, 0.25f};
            float[] q = {0.25f, 0.25f, 0.25f, 0.125f, 0.125f};
            ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.nativeOrder());
            for (float x : p) {
                b.putFloat(x);
            }
            for (float x : q) {
                b.putFloat(x);
            }
            b.flip();
            ch.write(b, base * Float.BYTES);
            ch.truncate(elements * Float.BYTES);
            ch.write(ByteBuffer.allocate(4), elements * Float.BYTES - 4); // extends the file to its full length
            MemorySegment map = ch.map(FileChannel.MapMode.READ_WRITE, 0, elements * Float.BYTES, arena);
            assertEquals(elements, map.byteSize() / Float.BYTES);
            for (Measure m : MEASURES) {
                double expected = m.arrayF().apply(s, p, q);
                assertEquals(expected, m.rangeF().apply(s, map, base, map, base + 5, 5, F), m + " at 2^31 + 100");
                assertEquals(expected, m.rangeF().apply(s.withParallelism(2).withDeterministicParallelism(true), map,
                        base, map, base + 5, 5, F), m + " at 2^31 + 100, parallel handle");
            }
            map.setAtIndex(F, base + 2, -0.25f);
            for (Measure m : MEASURES) {
                assertEquals("p[" + (base + 2) + "] = -0.25: probabilities must be >= 0",
                        message(() -> m.rangeF().apply(s, map, base, map, base + 5, 5, F)), m.name());
            }
            map.setAtIndex(F, base + 2, 0.375f);
            map.setAtIndex(F, base + 9, Float.NaN);
            assertEquals("q[" + (base + 9) + "] = NaN: probabilities must not be NaN",
                    message(() -> s.klDivergence(map, base, map, base + 5, 5, F)));
            assertThrows(IndexOutOfBoundsException.class, () -> s.entropy(map, elements - 4, 5, F));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ------------------------------------------------------------------------------------------- parallel

    /** Every input form of a measure over one (p, q) of length n, on handle s. */
    static double[] allForms(Shannon s, Measure m, double[] p, double[] q, float[] pf, float[] qf,
                             MemorySegment sp, MemorySegment sq) {
        return new double[] {
            m.arrayD().apply(s, p, q),
            m.arrayF().apply(s, pf, qf),
            m.wholeD().apply(s, sp, sq, D),
        };
    }

    static final String[] FORMS = {"double[]", "float[]", "native segment"};

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.ScaleConformanceSuite#backends")
    void parallelResultsStayWithinTheSequentialBound(Shannon s) {
        int n = 1_000_003;
        SplittableRandom rnd = new SplittableRandom(6);
        double[] p = pair(rnd, n, 0.3);
        double[] q = TestData.dirichlet(rnd, n, 1.0, 0.0);
        float[] pf = TestData.toFloat(p);
        float[] qf = TestData.toFloat(q);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment sp = nativeCopy(arena, p, 0).asSlice(0, (long) n * Double.BYTES);
            MemorySegment sq = nativeCopy(arena, q, 0).asSlice(0, (long) n * Double.BYTES);
            for (Measure m : MEASURES) {
                double tol = 1e-15 * m.magnitude(p, q) + 4 * EPS;
                double[] sequential = allForms(s, m, p, q, pf, qf, sp, sq);
                for (int threads : new int[] {1, 2, 3, 4, 8}) {
                    Shannon par = s.withParallelism(threads, POOL);
                    double[] got = allForms(par, m, p, q, pf, qf, sp, sq);
                    for (int f = 0; f < got.length; f++) {
                        close(m + " " + FORMS[f] + " threads=" + threads, got[f], sequential[f],
                                tol + (f == 1 ? floatTol(m, sequential[f]) : 0));
                    }
                }
                double[] common = allForms(s.withParallelism(2), m, p, q, pf, qf, sp, sq);
                for (int f = 0; f < common.length; f++) {
                    close(m + " " + FORMS[f] + " common pool", common[f], sequential[f],
                            tol + (f == 1 ? floatTol(m, sequential[f]) : 0));
                }
                Shannon lax = s.withNormalization(Normalization.NORMALIZE);
                close(m + " NORMALIZE 3 threads", m.arrayD().apply(lax.withParallelism(3, POOL), p, q),
                        m.arrayD().apply(lax, p, q), tol);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.ScaleConformanceSuite#backends")
    void deterministicModeIsBitIdenticalForEveryThreadCount(Shannon s) {
        int n = 1_000_003;
        SplittableRandom rnd = new SplittableRandom(8);
        double[] p = pair(rnd, n, 0.3);
        double[] q = TestData.dirichlet(rnd, n, 1.0, 0.0);
        float[] pf = TestData.toFloat(p);
        float[] qf = TestData.toFloat(q);
        Shannon det = s.withDeterministicParallelism(true);
        assertTrue(det.isDeterministicParallelism());
        try (Arena shared = Arena.ofShared(); Arena confined = Arena.ofConfined()) {
            MemorySegment sp = nativeCopy(shared, p, 0).asSlice(0, (long) n * Double.BYTES);
            MemorySegment sq = nativeCopy(shared, q, 0).asSlice(0, (long) n * Double.BYTES);
            MemorySegment cp = nativeCopy(confined, p, 0).asSlice(0, (long) n * Double.BYTES);
            MemorySegment cq = nativeCopy(confined, q, 0).asSlice(0, (long) n * Double.BYTES);
            // The scalar backend must be bit-identical at once. Another backend gets up to 3 attempts, each
            // after its results have settled: a JIT tier change between two calls changes vector-log rounding
            // (see the class comment), while a real dependence on the thread count fails every attempt.
            int attempts = s.backendName().equals("scalar") ? 1 : 3;
            for (Measure m : MEASURES) {
                for (Normalization policy : Normalization.values()) {
                    Shannon base = det.withNormalization(policy);
                    String mismatch = null;
                    for (int attempt = 0; attempt < attempts; attempt++) {
                        mismatch = deterministicMismatch(m, base, p, q, pf, qf, sp, sq, cp, cq);
                        if (mismatch == null) {
                            break;
                        }
                    }
                    if (mismatch != null) {
                        fail(m + " " + policy + ": " + mismatch);
                    }
                }
            }
        }
        // Inputs of at most one chunk give the sequential result.
        double[] small = TestData.dirichlet(rnd, 1 << 18, 1.0, 0.0);
        assertEquals(s.entropy(small), det.withParallelism(4, POOL).entropy(small));
    }

    /** Null if every thread count (and a confined segment) gives the settled result bit for bit, else what differed. */
    static String deterministicMismatch(Measure m, Shannon base, double[] p, double[] q, float[] pf, float[] qf,
                                        MemorySegment sp, MemorySegment sq, MemorySegment cp, MemorySegment cq) {
        double[] first = settled(() -> allForms(base, m, p, q, pf, qf, sp, sq));
        for (int threads : new int[] {1, 2, 3, 5, 8}) {
            for (int run = threads == 2 ? 0 : 1; run < 2; run++) {
                Shannon par = run == 1 ? base.withParallelism(threads, POOL) : base.withParallelism(threads);
                double[] got = allForms(par, m, p, q, pf, qf, sp, sq);
                for (int f = 0; f < got.length; f++) {
                    if (Double.doubleToRawLongBits(first[f]) != Double.doubleToRawLongBits(got[f])) {
                        return FORMS[f] + " threads=" + threads + (run == 1 ? " pool" : " common pool")
                                + ": expected " + first[f] + " but got " + got[f];
                    }
                }
            }
        }
        // A confined arena's segment is read by the calling thread alone, with the same chunks.
        double confined = m.wholeD().apply(base.withParallelism(4, POOL), cp, cq, D);
        return Double.doubleToRawLongBits(first[2]) == Double.doubleToRawLongBits(confined) ? null
                : "confined segment: expected " + first[2] + " but got " + confined;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.ScaleConformanceSuite#backends")
    void parallelBadInputIsNamedByItsGlobalIndex(Shannon s) {
        int n = 600_000;
        SplittableRandom rnd = new SplittableRandom(10);
        for (int bad : new int[] {3, 587_654}) {
            double[] p = TestData.dirichlet(rnd, n, 1.0, 0.0);
            double[] q = TestData.dirichlet(rnd, n, 1.0, 0.0);
            q[bad] = -0.25;
            p[n - bad] = Double.NaN;
            double[] valid = TestData.dirichlet(rnd, n, 1.0, 0.0);
            try (Arena arena = Arena.ofShared()) {
                MemorySegment sp = nativeCopy(arena, p, 0).asSlice(0, (long) n * Double.BYTES);
                MemorySegment sq = nativeCopy(arena, q, 0).asSlice(0, (long) n * Double.BYTES);
                MemorySegment sv = nativeCopy(arena, valid, 0).asSlice(0, (long) n * Double.BYTES);
                for (Shannon par : new Shannon[] {s.withParallelism(2, POOL), s.withParallelism(5, POOL),
                        s.withParallelism(3).withDeterministicParallelism(true)}) {
                    String pBad = "p[" + (n - bad) + "] = NaN: probabilities must not be NaN";
                    String qBad = "q[" + bad + "] = -0.25: probabilities must be >= 0";
                    assertEquals(pBad, message(() -> par.klDivergence(p, q)), par.toString());
                    assertEquals(pBad, message(() -> par.entropy(sp, D)), par.toString());
                    assertEquals(qBad, message(() -> par.jsDivergence(sv, sq, D)), par.toString());
                    assertEquals(qBad, message(() -> par.withNormalization(Normalization.NORMALIZE)
                            .jsDivergence(valid, q)), par.toString() + " NORMALIZE (sum pass)");
                    assertEquals(qBad, message(() -> par.crossEntropy(valid, 0, q, 0, n)), par.toString());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.ScaleConformanceSuite#backends")
    void tasksFailuresAndRefusalsReachTheCaller(Shannon s) {
        int n = 600_000;
        double[] p = TestData.dirichlet(new SplittableRandom(12), n, 1.0, 0.0);
        double expected = s.entropy(p);
        // An executor that refuses every task: the calling thread does all the work.
        Shannon refused = s.withParallelism(4, r -> {
            throw new RejectedExecutionException("full");
        });
        close("refusing executor", refused.entropy(p), expected, 1e-15 * expected + 4 * EPS);
        // A segment closed before the call: the access error reaches the caller, whichever thread saw it.
        Arena arena = Arena.ofShared();
        MemorySegment gone = nativeCopy(arena, p, 0);
        arena.close();
        assertThrows(IllegalStateException.class, () -> s.withParallelism(4, POOL).entropy(gone, 0, n, D));
        assertThrows(IllegalArgumentException.class, () -> s.withParallelism(0));
        assertThrows(NullPointerException.class, () -> s.withParallelism(2, null));
        assertEquals(1, s.parallelism());
        assertEquals(3, s.withParallelism(3).parallelism());
    }
}
