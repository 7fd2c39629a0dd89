package org.shannon4j.continuous.registration;

/**
 * The measured range of an image, {min, max}, in one pass that also rejects NaN and ±∞ (naming the index). One loop per element type: a shared loop over a
 * functional accessor would be megamorphic and several times slower per voxel.
 */
final class Ranges {

    private Ranges() {
    }

    static double[] minMax(float[] a, String name) {
        return minMax(a, a.length, name, 0);
    }

    /**
     * As {@link #minMax(float[], String)} over a[0 .. length), naming a bad value's index as base + i. The loop
     * runs on order-preserving integer keys of the floats (sign-magnitude to two's complement), because C2
     * vectorises int min/max reductions but not float ones with Java's NaN and −0.0 rules; NaN and ±∞ have the
     * extreme keys, so one check after the loop finds them, and only then a second loop names the first.
     */
    static double[] minMax(float[] a, int length, String name, long base) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < length; i++) {
            int bits = Float.floatToRawIntBits(a[i]);
            int key = bits ^ ((bits >> 31) & 0x7FFFFFFF);
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        if (min <= NEGATIVE_INFINITY_KEY || max >= POSITIVE_INFINITY_KEY) {
            for (int k = 0; k < length; k++) {
                if (!Float.isFinite(a[k])) {
                    throw notFinite(name, base + k, a[k]);
                }
            }
        }
        return new double[] {floatOfKey(min), floatOfKey(max)};
    }

    private static final int POSITIVE_INFINITY_KEY = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
    private static final int NEGATIVE_INFINITY_KEY = ~POSITIVE_INFINITY_KEY; // the key of −∞; negative NaNs lie below it

    private static float floatOfKey(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
    }

    static double[] minMax(double[] a, String name) {
        return minMax(a, a.length, name, 0);
    }

    /** As {@link #minMax(float[], int, String, long)} for doubles. */
    static double[] minMax(double[] a, int length, String name, long base) {
        double min0 = a[0];
        double min1 = min0;
        double min2 = min0;
        double min3 = min0;
        double max0 = min0;
        double max1 = min0;
        double max2 = min0;
        double max3 = min0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            min0 = Math.min(min0, a[i]);
            max0 = Math.max(max0, a[i]);
            min1 = Math.min(min1, a[i + 1]);
            max1 = Math.max(max1, a[i + 1]);
            min2 = Math.min(min2, a[i + 2]);
            max2 = Math.max(max2, a[i + 2]);
            min3 = Math.min(min3, a[i + 3]);
            max3 = Math.max(max3, a[i + 3]);
        }
        for (; i < length; i++) {
            min0 = Math.min(min0, a[i]);
            max0 = Math.max(max0, a[i]);
        }
        double min = Math.min(Math.min(min0, min1), Math.min(min2, min3));
        double max = Math.max(Math.max(max0, max1), Math.max(max2, max3));
        if (!(Double.isFinite(min) && Double.isFinite(max))) {
            for (int k = 0; k < length; k++) {
                if (!Double.isFinite(a[k])) {
                    throw notFinite(name, base + k, a[k]);
                }
            }
        }
        return new double[] {min, max};
    }

    static IllegalArgumentException notFinite(String name, long i, double x) {
        return new IllegalArgumentException(name + "[" + i + "] = " + x + ": values must be finite");
    }

    /** The least and greatest value of a byte image read with a mask (0xFF: unsigned), packed (min << 32) | max. */
    static long valueRange(byte[] a, int mask) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (byte x : a) {
            int v = x & mask;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return ((long) min << 32) | (max & 0xFFFFFFFFL);
    }

    /** As {@link #valueRange(byte[], int)} for shorts (0xFFFF: unsigned). */
    static long valueRange(short[] a, int mask) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (short x : a) {
            int v = x & mask;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return ((long) min << 32) | (max & 0xFFFFFFFFL);
    }
}
