package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;

/**
 * The fused bin + joint-histogram kernel ({@link org.shannon4j.spi.CountingKernels#binPairs}) in double lanes.
 *
 * <p>Bins are the reference's, bit for bit, without a gather: the candidate ⌊(v − e₀)·scale⌋ (clamped as the
 * reference clamps it) is settled by comparing v with its two edges, and those edges are recomputed in the lanes
 * as numpy's {@code linspace} computes them, k·step + e₀ (a multiply and an add, two roundings: the Vector API
 * never fuses them). That is only the reference when the caller's edges are exactly those numbers, so each call
 * first checks them and otherwise runs the reference. The last edge is e_bins itself, and "v &gt; e_bins" is
 * "v ≥ nextUp(e_bins)". NaN has candidate 0 and fails both comparisons: bin −1, outside, as in the reference.
 *
 * <p>The vector pass writes cell indices of a block into a small int buffer, and a scalar loop adds the ones.
 * Repeated cells (flat image regions) make each increment wait for the previous store to the same cell; past a
 * prefix counted directly into the caller's table, cells go to {@link #WAYS} interleaved sub-tables (voxel lane
 * j to slot j mod 4 of its cell), merged into the table at the end: equal neighbours then hit different slots.
 * The prefix keeps the sub-table allocation rare when the caller restarts the kernel after each out-of-range pair.
 */
final class SimdBinPairs {

    private static final VectorSpecies<Double> D = Species.D;
    private static final int DL = D.length();
    /** Float and int lanes as many as double lanes (half the bits). */
    private static final VectorSpecies<Float> FH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> IH =
            VectorSpecies.of(int.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    /** Pairs per vector pass (then the scalar increments). */
    private static final int BLOCK = 512;
    /** Interleaved sub-tables past the prefix. */
    private static final int WAYS = 4;
    /** The sub-table slot of each lane, and the zero pattern of the direct prefix. */
    private static final double[] SLOTS = new double[DL];
    private static final double[] NO_SLOTS = new double[DL];
    /**
     * 2<sup>52</sup>: adding it rounds a double below 2<sup>51</sup> in magnitude to an integer (vector D2I, with
     * Java's NaN and overflow rules, costs several instructions), and a non-negative integer below 2<sup>32</sup>
     * plus it has that integer as its low 32 bits.
     */
    private static final double MAGIC = 0x1p52;

    static {
        for (int j = 0; j < DL; j++) {
            SLOTS[j] = j % WAYS;
        }
    }

    private SimdBinPairs() {
    }

    /** The kernel for float (fa) or double (da) values; the other array is null. */
    static int binPairs(float[] fa, double[] da, int aOffset, float[] fb, double[] db, int bOffset, int length,
                        double[] aEdges, double[] bEdges, int bins, int[] table) {
        if (length < 8 * bins || !linspace(aEdges, bins) || !linspace(bEdges, bins)) {
            return scalar(fa, da, aOffset, fb, db, bOffset, 0, length, aEdges, bEdges, bins, table, 1);
        }
        int cells = bins * bins;
        int prefix = (int) Math.min(length, 4L * WAYS * cells);
        long[] buffer = new long[BLOCK];
        int done = run(fa, da, aOffset, fb, db, bOffset, 0, prefix, aEdges, bEdges, bins, table, 1, NO_SLOTS,
                buffer);
        if (done < prefix || prefix == length) {
            return done;
        }
        int[] sub = new int[WAYS * cells];
        done = run(fa, da, aOffset, fb, db, bOffset, prefix, length, aEdges, bEdges, bins, sub, WAYS, SLOTS, buffer);
        for (int c = 0, s = 0; c < cells; c++, s += WAYS) {
            table[c] += (sub[s] + sub[s + 1]) + (sub[s + 2] + sub[s + 3]);
        }
        return done;
    }

    /**
     * Whether edges[k] = k·step + edges[0] for every k &lt; bins, step = (edges[bins] − edges[0])/bins, and the
     * candidate's scale and shift are finite (not so for a range of a few subnormals: the reference then).
     */
    private static boolean linspace(double[] edges, int bins) {
        double min = edges[0];
        double step = (edges[bins] - min) / bins;
        double scale = bins / (edges[bins] - min);
        boolean same = step > 0 && Double.isFinite(scale) && Double.isFinite(min * scale);
        for (int k = 0; k < bins; k++) {
            same &= edges[k] == k * step + min;
        }
        return same;
    }

    /** Pairs [from, to) into target (cell·ways + slot); the position of the first pair outside, or to. */
    private static int run(float[] fa, double[] da, int aOffset, float[] fb, double[] db, int bOffset, int from,
                           int to, double[] aEdges, double[] bEdges, int bins, int[] target, int ways,
                           double[] slots, long[] buffer) {
        int i = from;
        while (i < to) {
            int n = Math.min(BLOCK, to - i) / DL * DL;
            int inside = n == 0 ? 0 : block(fa, da, aOffset + i, fb, db, bOffset + i, n, aEdges, bEdges, bins, ways,
                    slots, buffer);
            for (int j = 0; j < inside; j++) {
                target[(int) buffer[j]]++;
            }
            i += inside;
            if (inside < n || n == 0) {
                // a lane outside, or the tail: the reference settles which pair (and counts those before it)
                int end = n == 0 ? to : i + DL;
                int p = scalar(fa, da, aOffset, fb, db, bOffset, i, end, aEdges, bEdges, bins, target, ways);
                if (p < end) {
                    return p;
                }
                i = end;
            }
        }
        return to;
    }

    /**
     * One vector pass over n pairs (a multiple of the lanes): cell·ways + slot of each into buffer, up to the
     * first group of lanes with a pair outside; returns the pairs written.
     */
    private static int block(float[] fa, double[] da, int aStart, float[] fb, double[] db, int bStart, int n,
                             double[] aEdges, double[] bEdges, int bins, int ways, double[] slots, long[] buffer) {
        double aMin = aEdges[0];
        double aScale = bins / (aEdges[bins] - aMin);
        double aShift = -(aMin * aScale) - 0.5;
        double aStep = (aEdges[bins] - aMin) / bins;
        double aLast = Math.nextUp(aEdges[bins]);
        double bMin = bEdges[0];
        double bScale = bins / (bEdges[bins] - bMin);
        double bShift = -(bMin * bScale) - 0.5;
        double bStep = (bEdges[bins] - bMin) / bins;
        double bLast = Math.nextUp(bEdges[bins]);
        double top = bins;
        DoubleVector last = DoubleVector.broadcast(D, bins - 1);
        DoubleVector slot = DoubleVector.fromArray(D, slots, 0).add(MAGIC);
        for (int j = 0; j < n; j += DL) {
            DoubleVector u = fa != null
                    ? (DoubleVector) FloatVector.fromArray(FH, fa, aStart + j).convertShape(F2D, D, 0)
                    : DoubleVector.fromArray(D, da, aStart + j);
            DoubleVector v = fb != null
                    ? (DoubleVector) FloatVector.fromArray(FH, fb, bStart + j).convertShape(F2D, D, 0)
                    : DoubleVector.fromArray(D, db, bStart + j);

            DoubleVector c = u.fma(aScale, aShift).add(MAGIC).sub(MAGIC);
            c = c.blend(last, c.compare(GT, top - 1));
            DoubleVector c1 = c.add(1.0);
            DoubleVector lo = c.mul(aStep).add(aMin);
            DoubleVector hi = c1.mul(aStep).add(aMin).blend(aLast, c1.compare(EQ, top));
            DoubleVector x = c.add(1.0, u.compare(GE, hi)).sub(1.0, u.compare(GE, lo).not());

            DoubleVector d = v.fma(bScale, bShift).add(MAGIC).sub(MAGIC);
            d = d.blend(last, d.compare(GT, top - 1));
            DoubleVector d1 = d.add(1.0);
            DoubleVector blo = d.mul(bStep).add(bMin);
            DoubleVector bhi = d1.mul(bStep).add(bMin).blend(bLast, d1.compare(EQ, top));
            DoubleVector y = d.add(1.0, v.compare(GE, bhi)).sub(1.0, v.compare(GE, blo).not());

            VectorMask<Double> inside = x.compare(GE, 0.0).and(x.compare(LT, top))
                    .and(y.compare(GE, 0.0)).and(y.compare(LT, top));
            if (!inside.allTrue()) {
                return j;
            }
            x.mul(top).add(y).mul(ways).add(slot).reinterpretAsLongs().intoArray(buffer, j);
        }
        return n;
    }

    /** The reference loop on pairs [from, to) into target (cell·ways); the first pair outside, or to. */
    private static int scalar(float[] fa, double[] da, int aOffset, float[] fb, double[] db, int bOffset, int from,
                              int to, double[] aEdges, double[] bEdges, int bins, int[] target, int ways) {
        double aScale = bins / (aEdges[bins] - aEdges[0]);
        double bScale = bins / (bEdges[bins] - bEdges[0]);
        for (int i = from; i < to; i++) {
            int x = KernelMath.histogramBin(fa != null ? fa[aOffset + i] : da[aOffset + i], aEdges, bins, aScale);
            int y = KernelMath.histogramBin(fb != null ? fb[bOffset + i] : db[bOffset + i], bEdges, bins, bScale);
            if ((x | y) < 0 || x >= bins || y >= bins) {
                return i;
            }
            target[(x * bins + y) * ways]++;
        }
        return to;
    }
}
