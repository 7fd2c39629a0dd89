package org.shannon4j.continuous.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Parallelism;

/**
 * byte and short images (through lookup tables) and memory segments (through the array kernels, a chunk at a
 * time) count exactly what the double arrays of the same values count, under every range and policy.
 */
class RegistrationIntegerAndSegmentTest {

    private static Registration[] regs(String backend) {
        var ctx = Shannon.get(backend).context();
        return new Registration[] {Registration.of(ctx),
            Registration.of(ctx.withParallelism(Parallelism.of(2, null, false)))};
    }

    /** Ranges with values on edges, values outside on both sides, a degenerate range and a few-ulp one. */
    private static final double[][] RANGES = {
        {0, 255, -128, 127}, {10, 200, -50, 60}, {-3.5, 99.25, 0, 1000}, {7, 7, 0, 65535}, {40, Math.nextUp(40.0),
            -1, 1}};

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void bytesAndShortsAreTheirDoubles(String backend) {
        SplittableRandom rnd = new SplittableRandom(16);
        for (Registration r : regs(backend)) {
            for (int n : new int[] {1, 37, 3000}) {
                byte[] a8 = new byte[n];
                byte[] b8 = new byte[n];
                short[] a16 = new short[n];
                short[] b16 = new short[n];
                for (int i = 0; i < n; i++) {
                    a8[i] = (byte) rnd.nextInt(256);
                    b8[i] = (byte) (a8[i] + rnd.nextInt(9) - 4);
                    a16[i] = (short) (rnd.nextBoolean() ? rnd.nextInt(65536) : rnd.nextInt(300) - 100);
                    b16[i] = (short) (a16[i] / 3 + rnd.nextInt(50));
                }
                for (Signedness s : Signedness.values()) {
                    double[] da8 = doubles(a8, s);
                    double[] db8 = doubles(b8, s);
                    double[] da16 = doubles(a16, s);
                    double[] db16 = doubles(b16, s);
                    for (int bins : new int[] {2, 50, 256}) {
                        String what = "n " + n + " " + s + " bins " + bins;
                        assertArrayEquals(r.jointHistogram(da8, db8, bins), r.jointHistogram(a8, b8, bins, s), what);
                        assertEquals(r.measures(da8, db8, bins), r.measures(a8, b8, bins, s), what);
                        assertArrayEquals(r.jointHistogram(da16, db16, bins), r.jointHistogram(a16, b16, bins, s),
                                what);
                        assertEquals(r.measures(da16, db16, bins), r.measures(a16, b16, bins, s), what);
                        for (double[] g : RANGES) {
                            for (OutOfRange o : OutOfRange.values()) {
                                sameOutcome(() -> r.jointHistogram(da8, db8, bins, g[0], g[1], g[2], g[3], o),
                                        () -> r.jointHistogram(a8, b8, bins, s, g[0], g[1], g[2], g[3], o));
                                sameOutcome(() -> r.jointHistogram(da16, db16, bins, g[0], g[1], g[2], g[3], o),
                                        () -> r.jointHistogram(a16, b16, bins, s, g[0], g[1], g[2], g[3], o));
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void largeShortsOnTwoThreads(String backend) {
        SplittableRandom rnd = new SplittableRandom(17);
        int n = (int) Parallelism.MIN_SPLIT * 2 + 5;
        short[] a = new short[n];
        short[] b = new short[n];
        for (int i = 0; i < n; i++) {
            a[i] = (short) rnd.nextInt(65536);
            b[i] = (short) (a[i] / 7 + rnd.nextInt(50));
        }
        double[] da = doubles(a, Signedness.UNSIGNED);
        double[] db = doubles(b, Signedness.UNSIGNED);
        for (Registration r : regs(backend)) {
            assertArrayEquals(r.jointHistogram(da, db, 256), r.jointHistogram(a, b, 256, Signedness.UNSIGNED));
            assertArrayEquals(r.jointHistogram(da, db, 64, 100, 60000, 0, 5000, OutOfRange.IGNORE),
                    r.jointHistogram(a, b, 64, Signedness.UNSIGNED, 100, 60000, 0, 5000, OutOfRange.IGNORE));
        }
    }

    /**
     * Absurd thread counts: parts are bounded by the input (at least 2^17 voxels each), not by the threads (65,536
     * threads took 19 s on 2^18 voxels, Integer.MAX_VALUE threads a NegativeArraySizeException).
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void threadCountsBeyondTheWork(String backend) {
        int n = (int) Parallelism.MIN_SPLIT + 99;
        try (Arena arena = Arena.ofShared()) {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = Math.sin(i * 1e-3);
                b[i] = Math.cos(i * 7e-4);
            }
            MemorySegment sa = TestSegments.of(arena, ValueLayout.JAVA_DOUBLE, a);
            MemorySegment sb = TestSegments.of(arena, ValueLayout.JAVA_DOUBLE, b);
            Registration one = Registration.of(Shannon.get(backend).context());
            for (int threads : new int[] {1 << 16, Integer.MAX_VALUE}) {
                Registration many = Registration.of(Shannon.get(backend).withParallelism(threads).context());
                assertEquals(one.measures(sa, sb, ValueLayout.JAVA_DOUBLE, 16),
                        many.measures(sa, sb, ValueLayout.JAVA_DOUBLE, 16), "threads " + threads);
                assertArrayEquals(one.jointHistogram(a, b, 16), many.jointHistogram(a, b, 16), "threads " + threads);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void segmentsAreTheirArrays(String backend) {
        SplittableRandom rnd = new SplittableRandom(300);
        try (Arena arena = Arena.ofShared()) {
            for (Registration r : regs(backend)) {
                for (int n : new int[] {1, (1 << 16) + 3, (int) Parallelism.MIN_SPLIT * 2 + 12345}) {
                    double[] a = new double[n];
                    double[] b = new double[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = Math.sin(i * 1e-3) * 100 + rnd.nextGaussian();
                        b[i] = i % 7 == 0 ? 25 : a[i] * 0.5 + rnd.nextGaussian() * 3; // 25: on an edge below
                    }
                    float[] fa = new float[n];
                    float[] fb = new float[n];
                    for (int i = 0; i < n; i++) {
                        fa[i] = (float) a[i];
                        fb[i] = (float) b[i];
                    }
                    for (ValueLayout layout : new ValueLayout[] {ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_FLOAT,
                        ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN),
                        ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN)}) {
                        boolean isFloat = layout instanceof ValueLayout.OfFloat;
                        MemorySegment sa = TestSegments.of(arena, layout, a);
                        MemorySegment sb = TestSegments.of(arena, layout, b);
                        for (int bins : new int[] {2, 16, 256}) {
                            String what = "n " + n + " " + layout + " bins " + bins;
                            int[] want = isFloat ? r.jointHistogram(fa, fb, bins) : r.jointHistogram(a, b, bins);
                            assertArrayEquals(longs(want), r.jointHistogram(sa, sb, layout, bins), what);
                            assertEquals(isFloat ? r.measures(fa, fb, bins) : r.measures(a, b, bins),
                                    r.measures(sa, sb, layout, bins), what);
                            // many pairs outside: each restarts the kernel, so a small table keeps this quick
                            for (OutOfRange o : bins == 16 ? OutOfRange.values() : new OutOfRange[0]) {
                                sameOutcome(() -> longs(isFloat ? r.jointHistogram(fa, fb, bins, -50, 50, 0, 25, o)
                                                : r.jointHistogram(a, b, bins, -50, 50, 0, 25, o)),
                                        () -> r.jointHistogram(sa, sb, layout, bins, -50, 50, 0, 25, o));
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void segmentErrorsNameTheVoxel(String backend) {
        try (Arena arena = Arena.ofConfined()) { // confined: counted on this thread whatever the context's
            for (Registration r : regs(backend)) {
                int n = (int) Parallelism.MIN_SPLIT * 2 + 99;
                MemorySegment a = arena.allocate(ValueLayout.JAVA_DOUBLE, n);
                MemorySegment b = arena.allocate(ValueLayout.JAVA_DOUBLE, n);
                a.setAtIndex(ValueLayout.JAVA_DOUBLE, n - 5, 70);
                a.setAtIndex(ValueLayout.JAVA_DOUBLE, (1 << 14) * 3 + 17, 60);
                assertEquals("a[" + ((1 << 14) * 3 + 17) + "] = 60.0 is outside the range [0.0, 1.0] "
                        + "(OutOfRange.REJECT)", message(() -> r.measures(a, b, ValueLayout.JAVA_DOUBLE, 8, 0, 1, 0,
                        1, OutOfRange.REJECT)));
                b.setAtIndex(ValueLayout.JAVA_DOUBLE, (1 << 14) * 5 + 1, Double.NaN);
                assertEquals("b[" + ((1 << 14) * 5 + 1) + "] = NaN: values must be finite",
                        message(() -> r.measures(a, b, ValueLayout.JAVA_DOUBLE, 8)));
                assertEquals("b[" + ((1 << 14) * 5 + 1) + "] = NaN: values must be finite",
                        message(() -> r.measures(a, b, ValueLayout.JAVA_DOUBLE, 8, 0, 100, 0, 1, OutOfRange.CLAMP)));
                assertEquals("a.byteSize() = 12 but b.byteSize() = 8: the images must have the same number of voxels",
                        message(() -> r.measures(arena.allocate(12), arena.allocate(8), ValueLayout.JAVA_FLOAT, 4)));
                assertEquals("a.byteSize() = 6 is not a multiple of f4's 4 bytes",
                        message(() -> r.measures(arena.allocate(6), arena.allocate(6), ValueLayout.JAVA_FLOAT, 4)));
                assertEquals("a and b are empty", message(() -> r.measures(MemorySegment.NULL, MemorySegment.NULL,
                        ValueLayout.JAVA_DOUBLE, 4)));
                assertEquals("layout = i4: must be a float or double layout",
                        message(() -> r.measures(a, b, ValueLayout.JAVA_INT, 4)));
                assertEquals("bins = 1: must be in 2..4096",
                        message(() -> r.measures(a, b, ValueLayout.JAVA_DOUBLE, 1)));
            }
        }
    }

    private static void sameOutcome(java.util.function.Supplier<Object> want, java.util.function.Supplier<Object> got) {
        Object w;
        try {
            w = want.get();
        } catch (IllegalArgumentException e) {
            assertEquals(e.getMessage(), assertThrows(IllegalArgumentException.class, got::get).getMessage());
            return;
        }
        Object g = got.get();
        if (w instanceof int[] wi) {
            assertArrayEquals(wi, (int[]) g);
        } else {
            assertArrayEquals((long[]) w, (long[]) g);
        }
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    private static long[] longs(int[] t) {
        long[] l = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            l[i] = t[i];
        }
        return l;
    }

    private static double[] doubles(byte[] v, Signedness s) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = s == Signedness.UNSIGNED ? Byte.toUnsignedInt(v[i]) : v[i];
        }
        return d;
    }

    private static double[] doubles(short[] v, Signedness s) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = s == Signedness.UNSIGNED ? Short.toUnsignedInt(v[i]) : v[i];
        }
        return d;
    }
}
