package org.shannon4j.spi;

/**
 * numpy's float64 sums to the bit, for the measure families that reproduce numpy-based peers exactly (drift's
 * bin-edge rules and Evidently's statistics, continuous's scikit-learn scaling): an ulp in a standard deviation
 * moves bin edges and tied neighbour distances, so a more accurate (compensated) sum would not do.
 */
public final class NumpySums {

    /** numpy's PW_BLOCKSIZE. */
    private static final int PW_BLOCKSIZE = 128;
    /**
     * numpy's default buffer size (np.getbufsize()): a reduction calls its inner loop on chunks of at most this many
     * elements and adds the chunks' sums in order, so the pairwise sum runs within each chunk only.
     */
    private static final int BUFSIZE = 8192;

    private NumpySums() {
    }

    /**
     * numpy's {@code pairwise_sum} for float64, the sum along a contiguous axis (eight accumulators within a block of
     * 128, halves above it).
     *
     * @param a   the values
     * @param off the first index
     * @param n   the number of values
     * @return their sum as numpy adds them
     */
    public static double pairwiseSum(double[] a, int off, int n) {
        if (n <= BUFSIZE) {
            return pairwise(a, off, n);
        }
        // np.add.reduce: the chunks' pairwise sums added in order (a 10,000-value sum of squares here is an ulp
        // away from one pairwise sum over all of them)
        double res = pairwise(a, off, BUFSIZE);
        for (int from = BUFSIZE; from < n; from += BUFSIZE) {
            res += pairwise(a, off + from, Math.min(BUFSIZE, n - from));
        }
        return res;
    }

    /** numpy's {@code pairwise_sum} itself, over one inner-loop call. */
    private static double pairwise(double[] a, int off, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            double r0 = a[off];
            double r1 = a[off + 1];
            double r2 = a[off + 2];
            double r3 = a[off + 3];
            double r4 = a[off + 4];
            double r5 = a[off + 5];
            double r6 = a[off + 6];
            double r7 = a[off + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[off + i];
                r1 += a[off + i + 1];
                r2 += a[off + i + 2];
                r3 += a[off + i + 3];
                r4 += a[off + i + 4];
                r5 += a[off + i + 5];
                r6 += a[off + i + 6];
                r7 += a[off + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
        }
    }

    /**
     * {@code np.std(x)} (ddof 0) of a contiguous array: mean by pairwise sum, then the pairwise sum of squared
     * deviations over n, square root.
     *
     * @param x the values, at least one
     * @return their population standard deviation as numpy computes it
     */
    public static double populationStd(double[] x) {
        int n = x.length;
        double mean = pairwiseSum(x, 0, n) / n;
        double[] block = new double[PW_BLOCKSIZE];
        double squares = 0;
        for (int from = 0; from < n; from += BUFSIZE) { // the chunks of pairwiseSum
            double chunk = pairwiseSumOfSquares(x, mean, from, Math.min(BUFSIZE, n - from), block);
            squares = from == 0 ? chunk : squares + chunk;
        }
        return Math.sqrt(squares / n);
    }

    /**
     * The pairwise sum of (x − mean)² without an array of squares: the same splits as {@link #pairwiseSum}, each
     * leaf block's squares made in {@code block} (PW_BLOCKSIZE long), so the sum is numpy's to the last bit.
     */
    private static double pairwiseSumOfSquares(double[] x, double mean, int off, int n, double[] block) {
        if (n <= PW_BLOCKSIZE) {
            for (int i = 0; i < n; i++) {
                double v = x[off + i] - mean;
                block[i] = v * v;
            }
            return pairwise(block, 0, n);
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSumOfSquares(x, mean, off, n2, block) + pairwiseSumOfSquares(x, mean, off + n2, n - n2, block);
    }
}
