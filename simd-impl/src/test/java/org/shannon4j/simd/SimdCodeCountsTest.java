package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.shannon4j.spi.KernelMath;

/**
 * {@link SimdCodeCounts} (both loops, whatever the CPU's masks) and the byte codes of {@link SimdEqualWidthBins}
 * against the reference loops: every bin count from 1 to 60 (one pass, several, the reference beyond), lengths
 * around the {@value SimdCodeCounts#FLUSH} vector accumulation, a column of one code (every lane of one accumulator adds one per vector, the case the
 * flush exists for), and values on, just beside and outside the edges, NaN and ±∞.
 */
class SimdCodeCountsTest {

    private static final int VECTOR = Species.B.length();

    @Test
    void countsAsTheReferenceForEveryBinCountAndLength() {
        SplittableRandom rnd = new SplittableRandom(11);
        int flush = SimdCodeCounts.FLUSH * VECTOR;
        int[] lengths = {0, 1, VECTOR - 1, VECTOR, 3 * VECTOR + 5, flush - 1, flush, flush + VECTOR + 3, 3 * flush + 7};
        for (int bins = 1; bins <= 60; bins++) {
            for (int length : lengths) {
                byte[] codes = new byte[length + 9];
                for (int i = 0; i < codes.length; i++) {
                    // mostly bins, some codes beyond them (255 among them), skewed to the low slots
                    codes[i] = (byte) (rnd.nextInt(5) == 0 ? rnd.nextInt(256) : rnd.nextInt(1 + rnd.nextInt(bins)));
                }
                check(codes, 4, length, bins);
            }
        }
    }

    @Test
    void oneCodeInEveryLaneForManyVectors() {
        for (int bins : new int[] {1, 24, 25, 48}) {
            byte[] codes = new byte[5 * SimdCodeCounts.FLUSH * VECTOR + 3];
            java.util.Arrays.fill(codes, (byte) (bins - 1));
            check(codes, 0, codes.length, bins);
            java.util.Arrays.fill(codes, (byte) 0);
            check(codes, 1, codes.length - 1, bins);
        }
    }

    private static void check(byte[] codes, int offset, int length, int bins) {
        long[] expected = new long[bins + 3];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = 1000 + i;
        }
        int skipped = KernelMath.countCodes(codes, offset, offset + length, bins, expected);
        for (boolean maskRegisters : new boolean[] {false, true}) {
            long[] counts = new long[bins + 3];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = 1000 + i; // added into; the slots past the bins stay
            }
            String loop = (maskRegisters ? "masked adds, " : "true counts, ") + bins + " bins, " + length;
            assertEquals(skipped, SimdCodeCounts.count(codes, offset, length, bins, counts, maskRegisters), loop);
            assertArrayEquals(expected, counts, loop + " codes");
        }
    }

    /**
     * The byte loop's margin shortcut: values packed around every edge (within a few thousand ulps, where the guess
     * and the computed edges disagree by rounding) over ranges far from zero and of every width, so that δ ranges
     * from tiny to past the 1/4 where the shortcut is off; every code must be the reference's.
     */
    @Test
    void valuesBesideTheEdgesGetTheReferenceCodesAtAnyOffset() {
        SplittableRandom rnd = new SplittableRandom(13);
        double[][] ranges = {{-3.25, 7.5}, {1e6, 1e6 + 10}, {-1e15, -1e15 + 4096}, {1e-300, 3e-300},
            {123456.789, 123456.7891}, {-7, 1e-9}, {0.1, 0.3}, {1e300, 1.7e308}};
        long shortcut = 0;
        for (double[] range : ranges) {
            for (int bins : new int[] {1, 3, 10, 24, 97, 255}) {
                double first = range[0];
                double last = range[1];
                double step = (last - first) / bins;
                double[] edges = new double[bins + 1];
                for (int k = 0; k < bins; k++) {
                    edges[k] = k * step + first;
                }
                edges[bins] = last;
                int n = 1 << 14;
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    double e = edges[rnd.nextInt(bins + 1)];
                    int ulps = rnd.nextInt(4) == 0 ? rnd.nextInt(4096) - 2048 : rnd.nextInt(9) - 4;
                    double x = e + ulps * Math.ulp(e);
                    v[i] = rnd.nextInt(5) == 0 ? first + rnd.nextDouble() * (last - first) : x;
                }
                int[] ints = new int[n];
                KernelMath.equalWidthBins(v, 0, edges, bins, ints, 0, n);
                byte[] bytes = new byte[n];
                SimdEqualWidthBins.bins(v, 0, n, edges, bins, bytes);
                for (int i = 0; i < n; i++) {
                    int at = i;
                    assertEquals((byte) ints[i], bytes[i], () -> "v = " + v[at] + " in " + bins + " bins over ["
                            + first + ", " + last + "]");
                    shortcut += ints[i] >= 0 ? 1 : 0;
                }
            }
        }
        assertTrue(shortcut > 100_000, "few proven codes: " + shortcut);
    }

    @Test
    void byteCodesAreTheIntCodesNarrowed() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int bins : new int[] {1, 2, 7, 24, 100, 255}) {
            double first = -3.25;
            double last = 7.5;
            double step = (last - first) / bins;
            double[] edges = new double[bins + 1];
            for (int k = 0; k < bins; k++) {
                edges[k] = k * step + first;
            }
            edges[bins] = last;
            for (int length : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 1000, 1003}) {
                double[] v = new double[length + 3];
                for (int i = 0; i < v.length; i++) {
                    double e = edges[rnd.nextInt(bins + 1)];
                    v[i] = switch (rnd.nextInt(9)) {
                        case 0 -> e;
                        case 1 -> Math.nextDown(e);
                        case 2 -> Math.nextUp(e);
                        case 3 -> Double.NaN;
                        case 4 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                        case 5 -> rnd.nextDouble(-1e300, 1e300);
                        case 6 -> rnd.nextBoolean() ? -0.0 : 0.0;
                        default -> rnd.nextDouble(first - 1, last + 1);
                    };
                }
                int[] ints = new int[length];
                KernelMath.equalWidthBins(v, 2, edges, bins, ints, 0, length);
                byte[] expected = new byte[length + 4];
                byte[] bytes = new byte[length + 4];
                java.util.Arrays.fill(expected, (byte) 0x33);
                java.util.Arrays.fill(bytes, (byte) 0x33);
                for (int i = 0; i < length; i++) {
                    expected[i] = (byte) ints[i];
                }
                SimdEqualWidthBins.bins(v, 2, length, edges, bins, bytes);
                assertArrayEquals(expected, bytes, bins + " bins, " + length + " values");
            }
        }
    }
}
