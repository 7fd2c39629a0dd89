package org.shannon4j.continuous.registration;

import org.shannon4j.spi.KernelMath;

/**
 * The edges of one image's bins, as numpy's {@code histogramdd} makes them: {@code np.linspace(min, max, bins + 1)}
 * (edge k = k·step + min with step = (max − min)/bins, two roundings, no fused multiply-add; the last edge is max
 * itself; k/bins·(max − min) + min when step underflows to 0). Well-conditioned edges (strictly increasing, bin width
 * ≥ 2⁻⁴⁰ of the larger |end|) go to the backend's fused kernel; others (ranges a few ulps wide) are binned here by
 * numpy's own binary search.
 */
final class Axis {

    final int bins;
    final double[] edges;
    final boolean wellConditioned;
    private final double scale;
    /** CLAMP's np.clip bounds: the range as given (before numpy widens an empty one by ½ each side). */
    private final double clipLo;
    private final double clipHi;
    /**
     * A given range of one value (numpy widens its edges by ½ each side): the edges then hold values that CLAMP
     * moves to that value and REJECT refuses, so those policies cannot count by the edges alone.
     */
    final boolean pinned;

    Axis(int bins, double min, double max) {
        this(bins, min, max, min, max);
    }

    Axis(int bins, double min, double max, double clipLo, double clipHi) {
        this.bins = bins;
        this.clipLo = clipLo;
        this.clipHi = clipHi;
        this.pinned = clipLo == clipHi;
        double delta = max - min;
        double step = delta / bins;
        edges = new double[bins + 1];
        for (int k = 0; k < bins; k++) {
            edges[k] = step == 0 ? (k / (double) bins) * delta + min : k * step + min;
        }
        edges[bins] = max;
        scale = bins / delta;
        boolean increasing = true;
        for (int k = 0; k < bins; k++) {
            increasing &= edges[k] < edges[k + 1];
        }
        wellConditioned = increasing && Double.isFinite(scale)
                && step >= 0x1p-40 * Math.max(Math.abs(min), Math.abs(max));
    }

    /** The bin of v: 0 .. bins − 1, or −1 / bins outside (and −1 for NaN). */
    int bin(double v) {
        if (wellConditioned) {
            return KernelMath.histogramBin(v, edges, bins, scale);
        }
        // np.searchsorted(edges, v, side='right'): the number of edges <= v; a value on the last edge moves left
        int lo = 0;
        int hi = bins + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (v == edges[bins] ? lo - 1 : lo) - 1;
    }

    /** The range as given (or measured), for messages: numpy widens an empty one only for its edges. */
    String range() {
        return "[" + clipLo + ", " + clipHi + "]";
    }

    /**
     * The bin of v under a policy: {@link #bin} but on a pinned axis, where CLAMP puts every finite value in the
     * bin of the one value and REJECT finds every other value outside (−1).
     */
    int bin(double v, OutOfRange outside) {
        if (!pinned || outside == OutOfRange.IGNORE || v == clipLo) {
            return bin(v);
        }
        return outside == OutOfRange.CLAMP && Double.isFinite(v) ? bin(clipLo) : -1;
    }

    /**
     * The bin of a finite value under CLAMP: the bin of np.clip(v, min, max). Clamping the value, not the bin: where
     * a range a few ulps wide makes several edges equal, numpy puts a value clipped to min in the last of the bins
     * that start there.
     */
    int clampedBin(double v) {
        return bin(Math.min(Math.max(v, clipLo), clipHi));
    }
}
