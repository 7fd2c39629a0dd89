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
 * Mattes MI of byte and short images (either signedness) has the bits of the float form of the values converted to
 * float, as ITK converts pixels to its real type; segment images those of the array form of the same values.
 */
class MattesIntegerAndSegmentTest {

    private static final int N = 5000;
    private static final int P = 2;

    private static Registration reg(String backend) {
        return Registration.of(Shannon.get(backend).context().withParallelism(Parallelism.of(2, null, false)));
    }

    /** Per-voxel terms of the derivative, the same for every case. */
    private static final double[] TERM = terms(new SplittableRandom(10));

    private static double[] terms(SplittableRandom rnd) {
        double[] t = new double[N * P];
        for (int i = 0; i < t.length; i++) {
            t[i] = rnd.nextDouble(-3, 3);
        }
        return t;
    }

    private static void same(MattesMutualInformation want, MattesMutualInformation got, String what) {
        assertEquals(Double.doubleToRawLongBits(want.mutualInformation()),
                Double.doubleToRawLongBits(got.mutualInformation()), what);
        assertArrayEquals(want.derivative(), got.derivative(), 0.0, what);
        assertEquals(want.points(), got.points(), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void integerImagesAreTheirFloats(String backend) {
        double[] term = TERM;
        SplittableRandom rnd = new SplittableRandom(11);
        Registration r = reg(backend);
        for (Signedness sign : Signedness.values()) {
            byte[] fb = new byte[N];
            byte[] mb = new byte[N];
            short[] fs = new short[N];
            short[] ms = new short[N];
            for (int i = 0; i < N; i++) {
                // correlated, spanning the sign bit so that signedness changes the values
                fb[i] = (byte) (i * 7 / 100 + rnd.nextInt(-20, 20));
                mb[i] = (byte) (fb[i] + rnd.nextInt(-40, 40));
                fs[i] = (short) (i * 31 + rnd.nextInt(-3000, 3000));
                ms[i] = (short) (fs[i] * 3 + rnd.nextInt(-9000, 9000));
            }
            int byteMask = sign == Signedness.UNSIGNED ? 0xFF : -1;
            int shortMask = sign == Signedness.UNSIGNED ? 0xFFFF : -1;
            float[] ffb = new float[N];
            float[] fmb = new float[N];
            float[] ffs = new float[N];
            float[] fms = new float[N];
            for (int i = 0; i < N; i++) {
                ffb[i] = fb[i] & byteMask;
                fmb[i] = mb[i] & byteMask;
                ffs[i] = fs[i] & shortMask;
                fms[i] = ms[i] & shortMask;
            }
            for (int bins : new int[] {5, 32, 50}) {
                String what = backend + " " + sign + " bins " + bins;
                same(r.mattes(ffb, fmb, bins, term, P), r.mattes(fb, mb, bins, sign, term, P), what + " bytes");
                same(r.mattes(ffs, fms, bins, term, P), r.mattes(fs, ms, bins, sign, term, P), what + " shorts");
                assertEquals(r.mattesMutualInformation(ffb, fmb, bins), r.mattesMutualInformation(fb, mb, bins, sign));
                assertEquals(r.mattesMutualInformation(ffs, fms, bins), r.mattesMutualInformation(fs, ms, bins, sign));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void segmentImagesAreTheirArrays(String backend) {
        SplittableRandom rnd = new SplittableRandom(12);
        double[] term = TERM;
        Registration r = reg(backend);
        double[] fd = new double[N];
        double[] md = new double[N];
        float[] ff = new float[N];
        float[] mf = new float[N];
        for (int i = 0; i < N; i++) {
            fd[i] = Math.sin(i / 50.0) * 100 + rnd.nextGaussian();
            md[i] = fd[i] * 0.5 + rnd.nextGaussian() * 10;
            ff[i] = (float) fd[i];
            mf[i] = (float) md[i];
        }
        ValueLayout[] layouts = {ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_DOUBLE,
            ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN)};
        for (ValueLayout layout : layouts) {
            boolean isFloat = layout.carrier() == float.class;
            for (boolean shared : new boolean[] {false, true}) {
                try (Arena arena = shared ? Arena.ofShared() : Arena.ofConfined()) {
                    MemorySegment a = TestSegments.of(arena, layout, fd);
                    MemorySegment b = TestSegments.of(arena, layout, md);
                    String what = backend + " " + layout + (shared ? " shared" : " confined");
                    MattesMutualInformation want = isFloat ? r.mattes(ff, mf, 40, term, P)
                            : r.mattes(fd, md, 40, term, P);
                    same(want, r.mattes(a, b, layout, 40, term, P), what);
                    assertEquals(want.mutualInformation(), r.mattesMutualInformation(a, b, layout, 40), what);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void badInput(String backend) {
        byte[] a = {1, 2, 3};
        Registration r = reg(backend);
        assertEquals("fixed.length = 3 but moving.length = 2: the images must have the same number of voxels",
                assertThrows(IllegalArgumentException.class,
                        () -> r.mattesMutualInformation(a, new byte[2], 8, Signedness.SIGNED)).getMessage());
        assertThrows(NullPointerException.class, () -> r.mattesMutualInformation(a, a, 8, null));
        assertEquals("bins = 4: must be in 5..4096 (Mattes MI pads two bins on each side)",
                assertThrows(IllegalArgumentException.class,
                        () -> r.mattesMutualInformation(new short[] {1, 2}, new short[] {1, 2}, 4,
                                Signedness.UNSIGNED)).getMessage());
        assertEquals("moving is constant (every value is 7.0): Mattes MI needs a range to size its bins",
                assertThrows(IllegalArgumentException.class,
                        () -> r.mattesMutualInformation(a, new byte[] {7, 7, 7}, 8, Signedness.SIGNED)).getMessage());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(12);
            MemorySegment t = arena.allocate(8);
            assertEquals("fixed.byteSize() = 12 but moving.byteSize() = 8: the images must have the same number of "
                    + "voxels", assertThrows(IllegalArgumentException.class,
                            () -> r.mattesMutualInformation(s, t, ValueLayout.JAVA_FLOAT, 8)).getMessage());
            assertEquals("fixed.byteSize() = 12 is not a multiple of " + ValueLayout.JAVA_DOUBLE + "'s 8 bytes",
                    assertThrows(IllegalArgumentException.class,
                            () -> r.mattesMutualInformation(s, s, ValueLayout.JAVA_DOUBLE, 8)).getMessage());
            s.setAtIndex(ValueLayout.JAVA_FLOAT, 2, Float.NaN);
            assertEquals("fixed[2] = NaN: values must be finite", assertThrows(IllegalArgumentException.class,
                    () -> r.mattesMutualInformation(s, s, ValueLayout.JAVA_FLOAT, 8)).getMessage());
        }
    }
}
