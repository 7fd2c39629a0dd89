package org.shannon4j.spi;

/**
 * Exact-semantics scalar terms shared by every backend: the scalar backend's loops call them, vector
 * backends use them for tails and for the rare lanes where the fast vector formula over- or underflows.
 * Keeping one definition means every backend agrees on zeros, infinities and extreme ratios.
 */
public final class KernelMath {

    private KernelMath() {
    }

    /**
     * p·ln p, 0 for p = 0 (and for anything not &gt; 0: validity is checked separately by the kernels).
     *
     * @param p the p entry
     * @return the sum (or term); NaN for invalid input
     */
    public static double xLogX(double p) {
        return p > 0 ? p * Math.log(p) : 0.0;
    }

    /**
     * p·ln q, 0 for p = 0, −∞ for p &gt; 0 and q = 0 (also −0.0: Math.log(−0.0) is −∞).
     *
     * @param p the p entry
     * @param q the q entry
     * @return the term
     */
    public static double xLogY(double p, double q) {
        return p > 0 ? p * Math.log(q) : 0.0;
    }

    /**
     * p·ln(p/q), 0 for p = 0, +∞ for p &gt; 0 and q = 0 (also −0.0); falls back to ln p − ln q
     * when p/q leaves the range.
     *
     * @param p the p entry
     * @param q the q entry
     * @return the term
     */
    public static double xLogXOverY(double p, double q) {
        if (!(p > 0)) {
            return 0.0;
        }
        if (q == 0) { // by value: p/(−0.0) is −∞, whose log is NaN
            return Double.POSITIVE_INFINITY;
        }
        double r = p / q;
        if ((r == 0.0 || r == Double.POSITIVE_INFINITY) && q > 0) {
            return p * (Math.log(p) - Math.log(q));
        }
        return p * Math.log(r);
    }

    /**
     * One Jensen–Shannon term w·ln(2x/m), 0 for w = 0: with m = p + c·q, (w, x) = (p, p) gives the p half and
     * (w, x) = (q, c·q) the q half. Falls back to ln(2x) − ln m when the ratio underflows; the callers keep 2x
     * and m finite (see {@link #jensenShannonP}).
     *
     * @param w the leading weight
     * @param x the numerator argument (p, or c·q)
     * @param m the mixture p + c·q
     * @return the term
     */
    public static double jensenShannonTerm(double w, double x, double m) {
        if (!(w > 0)) {
            return 0.0;
        }
        double r = 2 * x / m;
        if (r == 0.0) {
            return w * (Math.log(2 * x) - Math.log(m));
        }
        return w * Math.log(r);
    }

    /**
     * The p half of a Jensen–Shannon term with mixture ratio c: p·ln(2p/(p + c·q)). When 2p or m overflows
     * (values near the double maximum under NORMALIZE) the same ratio is taken from halves, (p/2)/(m/2), which
     * cannot: without that, ln(∞) made the term infinite and the measure silently ln 2.
     *
     * @param p the p entry
     * @param q the q entry
     * @param c the mixture ratio Σp/Σq
     * @return the term
     */
    public static double jensenShannonP(double p, double q, double c) {
        double m = p + c * q;
        if (m < Double.POSITIVE_INFINITY && 2 * p < Double.POSITIVE_INFINITY) {
            return jensenShannonTerm(p, p, m);
        }
        double halfP = 0.5 * p;
        return jensenShannonTerm(p, halfP, halfP + (0.5 * c) * q);
    }

    /**
     * The q half of a Jensen–Shannon term with mixture ratio c: q·ln(2c·q/(p + c·q)); overflow as for p.
     *
     * @param p the p entry
     * @param q the q entry
     * @param c the mixture ratio Σp/Σq
     * @return the term
     */
    public static double jensenShannonQ(double p, double q, double c) {
        double cq = c * q;
        double m = p + cq;
        if (m < Double.POSITIVE_INFINITY && 2 * cq < Double.POSITIVE_INFINITY) {
            return jensenShannonTerm(q, cq, m);
        }
        double halfCq = (0.5 * c) * q;
        return jensenShannonTerm(q, halfCq, 0.5 * p + halfCq);
    }

    /**
     * One Hellinger term (√p − c·√q)²: 0 where p = c²q (−0.0 counts as 0), and the square of a difference of
     * correctly rounded roots, so every backend that takes the roots and the difference in this order gets
     * the same term.
     *
     * @param p the p entry (≥ 0)
     * @param q the q entry (≥ 0)
     * @param c the scale of q's root
     * @return the term
     */
    public static double hellinger(double p, double q, double c) {
        double d = Math.sqrt(p) - c * Math.sqrt(q);
        return d * d;
    }

    /**
     * The rounding error of {@code s = a + b} (Fast2Sum/Neumaier): add it to a compensation term to keep the
     * outer sum over block partials exact to about one ulp.
     *
     * @param a the first addend (or the entry checked)
     * @param b the second addend
     * @param s the rounded sum a + b
     * @return the rounding error
     */
    public static double sumError(double a, double b, double s) {
        return Math.abs(a) >= Math.abs(b) ? (a - s) + b : (b - s) + a;
    }

    /**
     * The compensated total {@code sum + compensation}, except that an infinite sum stays infinite: its
     * compensation term is NaN ((a − ∞) + ∞), and an infinite term (p &gt; 0 where q = 0) is a real result.
     *
     * @param sum the plain sum
     * @param compensation its accumulated rounding error
     * @return the total
     */
    public static double compensated(double sum, double compensation) {
        return Math.abs(sum) < Double.POSITIVE_INFINITY ? sum + compensation : sum;
    }

    /**
     * The number of bits set in both word ranges: Σ_{w &lt; length} popcount(x[xFrom + w] &amp; z[zFrom + w]) (one
     * cell of {@link CountingKernels#intersectionCounts}, and its tail words in vector backends).
     *
     * @param x the first bitset's words
     * @param xFrom index of the first word of x read
     * @param z the second bitset's words
     * @param zFrom index of the first word of z read
     * @param length number of words read from each
     * @return the number of common bits
     */
    public static long intersectionCount(long[] x, int xFrom, long[] z, int zFrom, int length) {
        long c = 0;
        for (int w = 0; w < length; w++) {
            c += Long.bitCount(x[xFrom + w] & z[zFrom + w]);
        }
        return c;
    }

    /**
     * True when {@code a} is a valid probability-like entry: finite and ≥ 0.
     *
     * @param a the first addend (or the entry checked)
     * @return whether finite and ≥ 0
     */
    public static boolean isValidEntry(double a) {
        return a >= 0 && a < Double.POSITIVE_INFINITY;
    }

    /**
     * The bin of v among uniform edges, as numpy's {@code histogramdd} decides it: the largest k with
     * {@code edges[k] <= v} (so bins are half-open), except that {@code v == edges[bins]} is in the last bin;
     * −1 below {@code edges[0]}, {@code bins} above {@code edges[bins]}, −1 for NaN. The candidate
     * ⌊(v − edges[0])·scale⌋ is moved by at most one bin by comparing v with the edges themselves, which is exact
     * when the candidate is within one bin of the answer: the caller guarantees it by passing only well-conditioned
     * edges (see {@link CountingKernels#binPairs(double[], int, double[], int, int, double[], double[], int, int[])}).
     *
     * @param v the value
     * @param edges the bins + 1 increasing edges
     * @param bins number of bins
     * @param scale bins / (edges[bins] − edges[0])
     * @return the bin, −1 or bins outside
     */
    public static int histogramBin(double v, double[] edges, int bins, double scale) {
        double t = (v - edges[0]) * scale;
        int c = t > 0 ? (t < bins ? (int) t : bins - 1) : 0; // NaN: 0, then below
        if (c + 1 < bins ? v >= edges[c + 1] : v > edges[bins]) {
            return c + 1;
        }
        return v >= edges[c] ? c : c - 1;
    }

    /**
     * The reference loop of {@link CountingKernels#equalWidthBins} over codes [from, to) (value i is
     * {@code a[offset + i]}), also a vector kernel's tail.
     *
     * @param a the values
     * @param offset index of value 0
     * @param aEdges the edges (first and last read)
     * @param bins number of bins
     * @param codes receives the bins (or −1)
     * @param from first code written
     * @param to end of the codes written
     */
    public static void equalWidthBins(double[] a, int offset, double[] aEdges, int bins, int[] codes, int from,
            int to) {
        double first = aEdges[0];
        double last = aEdges[bins];
        double step = (last - first) / bins;
        double scale = bins / (last - first);
        // v ≤ last is v < nextUp(last) for every v (+∞ too: nextUp(MAX_VALUE) is +∞, and ∞ < ∞ is false)
        double top = Math.nextUp(last);
        for (int i = from; i < to; i++) {
            codes[i] = equalWidthBin(a[offset + i], first, top, step, scale, bins);
        }
    }

    /**
     * The reference loop of {@link CountingKernels#equalWidthBins(double[], int, int, double[], int, byte[])} over
     * codes [from, to), also a vector kernel's tail: {@link #equalWidthBin}'s bin as a byte, 0xFF for −1.
     *
     * @param a the values
     * @param offset index of value 0
     * @param aEdges the edges (first and last read)
     * @param bins number of bins (at most 255)
     * @param binCodes receives the codes
     * @param from first code written
     * @param to end of the codes written
     */
    public static void equalWidthBins(double[] a, int offset, double[] aEdges, int bins, byte[] binCodes, int from,
            int to) {
        double first = aEdges[0];
        double last = aEdges[bins];
        double step = (last - first) / bins;
        double scale = bins / (last - first);
        double top = Math.nextUp(last);
        for (int i = from; i < to; i++) {
            binCodes[i] = (byte) equalWidthBin(a[offset + i], first, top, step, scale, bins);
        }
    }

    /**
     * The reference loop of {@link CountingKernels#countCodes} over codes[from, to), also a vector kernel's tail.
     *
     * @param codes the codes, unsigned
     * @param from index of the first code read
     * @param to end of the codes read
     * @param bins codes below this are counted
     * @param table the counts added into
     * @return the number of codes not below bins
     */
    public static int countCodes(byte[] codes, int from, int to, int bins, long[] table) {
        int skipped = 0;
        for (int i = from; i < to; i++) {
            int c = codes[i] & 0xFF;
            if (c < bins) {
                table[c]++;
            } else {
                skipped++;
            }
        }
        return skipped;
    }

    /**
     * One value of {@link CountingKernels#equalWidthBins}: its bin g among the edges k·step + first (k &lt; bins)
     * and last, or −1 when the guess ⌊(v − first)·scale⌋ (clamped to [0, bins − 1], bins − 1 for NaN) is not
     * proven by lo ≤ v &lt; hi.
     *
     * @param v the value
     * @param first the first edge
     * @param top nextUp(last): v ≤ last exactly when v &lt; top
     * @param step the edges' spacing
     * @param scale bins / (last − first)
     * @param bins number of bins
     * @return the bin, or −1
     */
    public static int equalWidthBin(double v, double first, double top, double step, double scale, int bins) {
        double x = (v - first) * scale;
        int g = x < bins ? (int) x : bins - 1;
        g = Math.max(g, 0);
        double lo = g * step + first;
        double hi = g + 1 < bins ? (g + 1) * step + first : top;
        return lo <= v && v < hi ? g : -1;
    }

    /**
     * The order-preserving int key of a float: its bits with the magnitude bits flipped when the sign is set
     * (sign-magnitude to two's complement), so that x &lt; y as floats exactly when key(x) &lt; key(y), and
     * −0.0 (key −1) sorts just below +0.0 (key 0), as {@link Math#min(float, float)} orders them. ±∞ have the
     * keys next to the extremes of the finite floats; NaNs lie beyond them (a NaN with the sign bit set below
     * −∞, one without above +∞).
     *
     * @param x the float
     * @return its key
     */
    public static int floatKey(float x) {
        int bits = Float.floatToRawIntBits(x);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    /**
     * The float of a {@link #floatKey} (the inverse map).
     *
     * @param key the key
     * @return the float whose key it is
     */
    public static float floatOfKey(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
    }

    /**
     * As {@link #floatKey} for doubles: the order-preserving long key.
     *
     * @param x the double
     * @return its key
     */
    public static long doubleKey(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits ^ ((bits >> 63) & 0x7FFFFFFFFFFFFFFFL);
    }

    /**
     * The double of a {@link #doubleKey} (the inverse map).
     *
     * @param key the key
     * @return the double whose key it is
     */
    public static double doubleOfKey(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & 0x7FFFFFFFFFFFFFFFL));
    }
}
