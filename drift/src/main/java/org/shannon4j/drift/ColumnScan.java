package org.shannon4j.drift;

import org.shannon4j.spi.CountingKernels;
import org.shannon4j.spi.KernelMath;

/**
 * One pass over a column for what the binning rules read of it: the number of finite values, their min and max
 * (NaN and ±∞ skipped, nothing copied). Immutable.
 *
 * @param finite number of finite values
 * @param min smallest finite value (+∞ when there is none)
 * @param max largest finite value (−∞ when there is none)
 */
record ColumnScan(long finite, double min, double max) {

    static ColumnScan of(double[] a) {
        return of(a, null);
    }

    /**
     * As {@link #of(double[])}, the first pass by the backend's vectorised {@link CountingKernels#minMaxKeys}
     * when kernels are given: the least and greatest order keys lie strictly between those of −∞ and +∞
     * exactly when every value is finite (NaN keys lie beyond them), and are then the min and max (−0.0 before
     * 0.0, as Math.min orders them).
     */
    static ColumnScan of(double[] a, CountingKernels kernels) {
        int len = a.length;
        if (kernels != null && len > 0) {
            long[] keys = new long[2];
            kernels.minMaxKeys(a, 0, len, keys);
            if (keys[0] > NEGATIVE_INFINITY_KEY && keys[1] < POSITIVE_INFINITY_KEY) {
                return new ColumnScan(len, KernelMath.doubleOfKey(keys[0]), KernelMath.doubleOfKey(keys[1]));
            }
            return scanNonFinite(a);
        }
        // Math.min/max propagate NaN and keep ±∞: finite results prove every value finite; the branchy scan runs
        // only for columns with NaN or ±∞.
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            lo = Math.min(lo, a[i]);
            hi = Math.max(hi, a[i]);
        }
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            return new ColumnScan(len, lo, hi);
        }
        return scanNonFinite(a);
    }

    private static final long NEGATIVE_INFINITY_KEY = KernelMath.doubleKey(Double.NEGATIVE_INFINITY);
    private static final long POSITIVE_INFINITY_KEY = KernelMath.doubleKey(Double.POSITIVE_INFINITY);

    /** The branchy scan, for columns with NaN or ±∞. */
    private static ColumnScan scanNonFinite(double[] a) {
        int len = a.length;
        long n = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            double v = a[i];
            if (Double.isFinite(v)) {
                n++;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new ColumnScan(n, lo, hi);
    }

    /** The scan of two columns together (their concatenation, never built). */
    ColumnScan with(ColumnScan other) {
        return new ColumnScan(finite + other.finite, Math.min(min, other.min), Math.max(max, other.max));
    }
}
