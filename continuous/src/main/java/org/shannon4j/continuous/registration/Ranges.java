package org.shannon4j.continuous.registration;

/**
 * The measured range of an image: the indices of its minimum and maximum, packed as {@code (lo << 32) | hi}, in
 * one pass that also rejects NaN and ±∞ (naming the index). One loop per element type: a shared loop over a
 * functional accessor would be megamorphic and several times slower per voxel.
 */
final class Ranges {

    private Ranges() {
    }

    static long minMax(float[] a, String name) {
        return minMax(a, a.length, name, 0);
    }

    /** As {@link #minMax(float[], String)} over a[0 .. length), naming a bad value's index as base + i. */
    static long minMax(float[] a, int length, String name, long base) {
        int lo = 0;
        int hi = 0;
        float min = a[0];
        float max = min;
        for (int i = 0; i < length; i++) {
            float x = a[i];
            if (!(x - x == 0)) {
                throw notFinite(name, base + i, x);
            }
            if (x < min) {
                min = x;
                lo = i;
            } else if (x > max) {
                max = x;
                hi = i;
            }
        }
        return ((long) lo << 32) | (hi & 0xFFFFFFFFL);
    }

    static long minMax(double[] a, String name) {
        return minMax(a, a.length, name, 0);
    }

    /** As {@link #minMax(double[], String)} over a[0 .. length), naming a bad value's index as base + i. */
    static long minMax(double[] a, int length, String name, long base) {
        int lo = 0;
        int hi = 0;
        double min = a[0];
        double max = min;
        for (int i = 0; i < length; i++) {
            double x = a[i];
            if (!(x - x == 0)) {
                throw notFinite(name, base + i, x);
            }
            if (x < min) {
                min = x;
                lo = i;
            } else if (x > max) {
                max = x;
                hi = i;
            }
        }
        return ((long) lo << 32) | (hi & 0xFFFFFFFFL);
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
