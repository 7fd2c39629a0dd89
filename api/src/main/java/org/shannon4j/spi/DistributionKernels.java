package org.shannon4j.spi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The distribution kernels: Σ p, Σ p·ln p, Σ p·ln q, Σ p·ln(p/q) and the two Jensen–Shannon halves, over
 * {@code double[]}, {@code float[]} and {@link MemorySegment} ranges, in natural log. They follow the contract
 * written on {@link Kernels}. Every method's default is the reference: the array methods run the plain-Java
 * block loops of {@link BlockedKernels} (blocks of 256 elements, four accumulators, block sums added into
 * compensated totals; a fixed order of operations, so results are reproducible bit for bit), and the segment
 * methods copy blocks into per-thread arrays and call the array methods of the same object.
 *
 * <p>The sums written to {@code aux[SUM_P]} and {@code aux[SUM_Q]} must be within (min(n, 256) + 8)·2^-53·Σ
 * of the exact sum of the n entries, as adding blocks of at most 256 entries in any order and the block sums
 * with compensation gives: the REQUIRE check relies on it to make the same decision on every backend (it
 * re-adds the input itself only when a sum is that close to the tolerance).
 *
 * <p>Where a new kernel goes: one default method in its family interface, implemented by the reference code;
 * a backend overrides it only where it vectorises it; the conformance suite picks it up.
 */
public interface DistributionKernels {

    /** Minimum length of the {@code aux} arrays passed to the methods below. */
    int AUX_LENGTH = 4;
    /** {@code aux} index of Σ p. */
    int SUM_P = 0;
    /** {@code aux} index of Σ q. */
    int SUM_Q = 1;
    /** {@code aux} index of the second Jensen–Shannon half. */
    int JS_Q_TERMS = 2;


    /**
     * Σ a[i], also written to {@code aux[SUM_P]}; NaN if an element is NaN, negative or infinite.
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum; NaN for invalid input
     */
    default double sum(double[] a, int offset, int length, double[] aux) {
        return ReferenceKernels.INSTANCE.sum(a, offset, length, aux);
    }

    /**
     * Σ a[i] accumulated in double, also written to {@code aux[SUM_P]}; NaN if an element is invalid.
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum; NaN for invalid input
     */
    default double sum(float[] a, int offset, int length, double[] aux) {
        return ReferenceKernels.INSTANCE.sum(a, offset, length, aux);
    }

    /**
     * Σ p·ln p with 0·ln 0 = 0. Writes Σ p to {@code aux[SUM_P]}.
     *
     * @param p the probability vector p
     * @param offset index of the first element read
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogX(double[] p, int offset, int length, double[] aux) {
        return ReferenceKernels.INSTANCE.xLogX(p, offset, length, aux);
    }

    /**
     * Float input, double accumulation; otherwise as {@link #xLogX(double[], int, int, double[])}.
     *
     * @param p the probability vector p
     * @param offset index of the first element read
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogX(float[] p, int offset, int length, double[] aux) {
        return ReferenceKernels.INSTANCE.xLogX(p, offset, length, aux);
    }

    /**
     * Σ p·ln q with terms where p = 0 equal to 0. Writes Σ p and Σ q to {@code aux[SUM_P]}, {@code aux[SUM_Q]}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return ReferenceKernels.INSTANCE.xLogY(p, pOffset, q, qOffset, length, aux);
    }

    /**
     * Float input, double accumulation.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return ReferenceKernels.INSTANCE.xLogY(p, pOffset, q, qOffset, length, aux);
    }

    /**
     * Σ p·ln(p/q) with terms where p = 0 equal to 0 and p &gt; 0, q = 0 giving +∞. The ratio is formed before
     * the log (one rounding, so terms stay accurate when p ≈ q); where p/q over- or underflows, the term is
     * computed as p·(ln p − ln q). Writes Σ p and Σ q to {@code aux[SUM_P]}, {@code aux[SUM_Q]}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogXOverY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return ReferenceKernels.INSTANCE.xLogXOverY(p, pOffset, q, qOffset, length, aux);
    }

    /**
     * Float input, double accumulation.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogXOverY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return ReferenceKernels.INSTANCE.xLogXOverY(p, pOffset, q, qOffset, length, aux);
    }

    /**
     * The two halves of the Jensen–Shannon divergence for a given ratio {@code c} of the sums:
     * returns A = Σ p·ln(2p/(p + c·q)) and writes B = Σ q·ln(2c·q/(p + c·q)) to {@code aux[JS_Q_TERMS]}, Σ p to
     * {@code aux[SUM_P]} and Σ q to {@code aux[SUM_Q]} (terms with a zero leading factor are 0). With
     * c = Σp/Σq the divergence of the normalised vectors is exactly (A/Σp + B/Σq)/2.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param c the mixture ratio Σp/Σq
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return A, the p half; NaN for invalid input
     */
    default double jensenShannonTerms(double[] p, int pOffset, double[] q, int qOffset, int length, double c,
            double[] aux) {
        return ReferenceKernels.INSTANCE.jensenShannonTerms(p, pOffset, q, qOffset, length, c, aux);
    }

    /**
     * Float input, double accumulation.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param c the mixture ratio Σp/Σq
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return A, the p half; NaN for invalid input
     */
    default double jensenShannonTerms(float[] p, int pOffset, float[] q, int qOffset, int length, double c,
            double[] aux) {
        return ReferenceKernels.INSTANCE.jensenShannonTerms(p, pOffset, q, qOffset, length, c, aux);
    }

    /**
     * Σ (√p − c·√q)², the Hellinger terms with q's roots scaled by {@code c} (a measure passes c = √(Σp/Σq), so
     * that the sum divided by 2·Σp is the squared Hellinger distance of the normalised vectors), each term as
     * {@link KernelMath#hellinger}. Writes Σ p to {@code aux[SUM_P]} and Σ q to {@code aux[SUM_Q]}; NaN if an
     * element of p or q is NaN or negative.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param c the scale of q's roots (finite, &gt; 0)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the terms; NaN for invalid input
     */
    default double hellingerTerms(double[] p, int pOffset, double[] q, int qOffset, int length, double c,
            double[] aux) {
        return ReferenceKernels.INSTANCE.hellingerTerms(p, pOffset, q, qOffset, length, c, aux);
    }

    /**
     * Float input, double accumulation.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param length number of elements read
     * @param c the scale of q's roots (finite, &gt; 0)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the terms; NaN for invalid input
     */
    default double hellingerTerms(float[] p, int pOffset, float[] q, int qOffset, int length, double c,
            double[] aux) {
        return ReferenceKernels.INSTANCE.hellingerTerms(p, pOffset, q, qOffset, length, c, aux);
    }

    // ------------------------------------------------------------------------------------------------------
    // MemorySegment inputs (off-heap, memory-mapped, more than 2^31 elements)
    // ------------------------------------------------------------------------------------------------------
    // Offsets and counts are in elements (long); the layout is a ValueLayout.OfDouble or ValueLayout.OfFloat of
    // any byte order. Callers have checked that the range lies inside the segment, that count >= 1, that the
    // segment's alignment satisfies the layout and that it is accessible from the calling thread. The results
    // and aux contents are those of the array methods. The default implementations copy the segment block by
    // block (SegmentWalk.BLOCK elements) into per-thread arrays and call the array methods above, adding the
    // block results into compensated totals: every backend gets segment support, with the array kernels'
    // accuracy, written once. A backend that can read segments directly (native code) may override them.

    /**
     * Σ a over {@code a[offset .. offset+count)} read with {@code layout}; as {@link #sum(double[], int, int, double[])}.
     *
     * @param a the values
     * @param layout the element layout (type, byte order, alignment)
     * @param offset index of the first element read
     * @param count number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum; NaN for invalid input
     */
    default double sum(MemorySegment a, ValueLayout layout, long offset, long count, double[] aux) {
        return SegmentWalk.single(this, Terms.SUM, a, layout, offset, count, aux);
    }

    /**
     * Σ p·ln p over a segment range; as {@link #xLogX(double[], int, int, double[])}.
     *
     * @param p the probability vector p
     * @param layout the element layout (type, byte order, alignment)
     * @param offset index of the first element read
     * @param count number of elements read
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogX(MemorySegment p, ValueLayout layout, long offset, long count, double[] aux) {
        return SegmentWalk.single(this, Terms.X_LOG_X, p, layout, offset, count, aux);
    }

    /**
     * Σ p·ln q over two segment ranges; as {@link #xLogY(double[], int, double[], int, int, double[])}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogY(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count, ValueLayout layout,
            double[] aux) {
        return SegmentWalk.pair(this, Terms.CROSS, p, pOffset, q, qOffset, count, layout, 1.0, aux);
    }

    /**
     * Σ p·ln(p/q) over two segment ranges; as {@link #xLogXOverY(double[], int, double[], int, int, double[])}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum (or term); NaN for invalid input
     */
    default double xLogXOverY(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
            ValueLayout layout, double[] aux) {
        return SegmentWalk.pair(this, Terms.KL, p, pOffset, q, qOffset, count, layout, 1.0, aux);
    }

    /**
     * The Jensen–Shannon halves over two segment ranges; as {@link #jensenShannonTerms(double[], int, double[], int, int, double, double[])}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @param c the mixture ratio Σp/Σq
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return A, the p half; NaN for invalid input
     */
    default double jensenShannonTerms(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
            ValueLayout layout, double c, double[] aux) {
        return SegmentWalk.pair(this, Terms.JS, p, pOffset, q, qOffset, count, layout, c, aux);
    }

    /**
     * Segment form of {@link #hellingerTerms(double[], int, double[], int, int, double, double[])}.
     *
     * @param p the probability vector p
     * @param pOffset index of the first element of p
     * @param q the probability vector q
     * @param qOffset index of the first element of q
     * @param count number of elements read
     * @param layout the element layout (type, byte order, alignment)
     * @param c the scale of q's roots (finite, &gt; 0)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the terms; NaN for invalid input
     */
    default double hellingerTerms(MemorySegment p, long pOffset, MemorySegment q, long qOffset, long count,
            ValueLayout layout, double c, double[] aux) {
        return SegmentWalk.pair(this, Terms.HELLINGER, p, pOffset, q, qOffset, count, layout, c, aux);
    }
}
