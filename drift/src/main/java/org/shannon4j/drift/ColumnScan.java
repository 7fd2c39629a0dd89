package org.shannon4j.drift;

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
        int len = a.length;
        // Math.min/max propagate NaN and keep ±∞: finite results prove every value finite. This loop is a plain
        // min/max reduction the JIT vectorises; the branchy one below runs only for columns with NaN or ±∞.
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            lo = Math.min(lo, a[i]);
            hi = Math.max(hi, a[i]);
        }
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            return new ColumnScan(len, lo, hi);
        }
        long n = 0;
        lo = Double.POSITIVE_INFINITY;
        hi = Double.NEGATIVE_INFINITY;
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
