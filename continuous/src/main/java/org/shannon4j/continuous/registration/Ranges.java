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
        int lo = 0;
        int hi = 0;
        float min = a[0];
        float max = min;
        for (int i = 0; i < a.length; i++) {
            float x = a[i];
            if (!(x - x == 0)) {
                throw notFinite(name, i, x);
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
        int lo = 0;
        int hi = 0;
        double min = a[0];
        double max = min;
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            if (!(x - x == 0)) {
                throw notFinite(name, i, x);
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

    static IllegalArgumentException notFinite(String name, int i, double x) {
        return new IllegalArgumentException(name + "[" + i + "] = " + x + ": values must be finite");
    }
}
