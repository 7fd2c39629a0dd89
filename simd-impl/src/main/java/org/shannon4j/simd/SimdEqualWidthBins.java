package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.D2B;
import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.D2I;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2I;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2B;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;

/**
 * {@link org.shannon4j.spi.CountingKernels#equalWidthBins} in double lanes, lane for lane the reference's
 * {@link KernelMath#equalWidthBin}: the same two roundings of the guess (v − first)·scale, the same clamp, the floor
 * taken exactly (round to nearest by adding 2<sup>52</sup>, then one down where that rounded up), and the bin's
 * bounds recomputed as g·step + first with the multiply and the add rounded apart (the Vector API never fuses
 * them). The bounds test rejects whatever the guess got wrong, so no error analysis is needed: a lane is either
 * proven or −1.
 */
final class SimdEqualWidthBins {

    private static final VectorSpecies<Double> D = Species.D;
    private static final int DL = D.length();
    /** Int lanes as many as double lanes (half the bits). */
    private static final VectorSpecies<Integer> IH =
            VectorSpecies.of(int.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    /** Float lanes as many as the double lanes (half the bits), for the byte loop's test ({@link #TRUNCATING}). */
    private static final VectorSpecies<Float> FH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    /** Bytes per byte store: the 64-bit shape, whatever the double lanes. */
    private static final int BYTE_STORE = 8;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    /** δ of the byte loop's margin in units of 2<sup>−53</sup>·(bins + M·scale): twice the rounding bound. */
    private static final double MARGIN_ULPS = 16;
    /** 2<sup>52</sup>: adding and subtracting it rounds a non-negative double below 2<sup>51</sup> to an integer. */
    private static final double MAGIC = 0x1p52;
    /**
     * The byte loop's test on the guess rounded to float lanes and its floor by truncation to int lanes and back
     * (four double lanes, AVX2 and its like): faster there than the 2<sup>52</sup> rounding, whose extra subtract
     * and two range compares the single compare y &lt; bins − δ' replaces, the float lanes fill half-width vectors,
     * and the int lanes are packed to bytes without a second conversion ({@code docs/performance-notes.md}).
     * Unmeasured with 8 lanes, which keep the rounding.
     */
    static final boolean TRUNCATING = DL == 4;

    private SimdEqualWidthBins() {
    }

    static void bins(double[] values, int offset, int length, double[] edges, int bins, int[] out) {
        double first = edges[0];
        double width = edges[bins] - first;
        double step = width / bins;
        double scale = bins / width;
        double top = Math.nextUp(edges[bins]);
        double lastBin = bins - 1;
        double count = bins;
        int n = D.loopBound(length);
        for (int i = 0; i < n; i += DL) {
            DoubleVector v = DoubleVector.fromArray(D, values, offset + i);
            DoubleVector x = v.sub(first).mul(scale);
            // (int) x < bins ? (int) x : bins − 1, then ≥ 0: NaN and x ≥ bins to the last bin, x < 0 to 0
            DoubleVector c = x.blend(lastBin, x.compare(LT, count).not());
            c = c.blend(0.0, c.compare(LT, 0.0));
            DoubleVector r = c.add(MAGIC).sub(MAGIC);
            DoubleVector g = r.sub(1.0, r.compare(GT, c));
            DoubleVector g1 = g.add(1.0);
            DoubleVector lo = g.mul(step).add(first);
            DoubleVector hi = g1.mul(step).add(first).blend(top, g1.compare(EQ, count));
            VectorMask<Double> ok = lo.compare(LE, v).and(v.compare(LT, hi));
            DoubleVector bin = g.blend(-1.0, ok.not());
            ((IntVector) bin.convertShape(D2I, IH, 0)).intoArray(out, i);
        }
        KernelMath.equalWidthBins(values, offset, edges, bins, out, n, length);
    }

    /**
     * The byte codes of {@link org.shannon4j.spi.CountingKernels#equalWidthBins(double[], int, int, double[], int,
     * byte[])}, lane for lane those of the int codes (255 for −1). The loop is its own copy of the int one: sharing
     * it behind a loop-invariant choice of output made both about 30% slower. A byte store writes {@value
     * #BYTE_STORE} bytes (a 64-bit vector, the narrowest shape), of which the first {@code DL} are this vector's and
     * the rest zeros that the next store or the tail overwrites, so the stores stop {@value #BYTE_STORE} bytes
     * before the end.
     *
     * <p>Most vectors skip the bounds: when every lane's guess x = (v − first)·scale (the same two roundings) is
     * more than δ from the integers and within [0, bins), its floor r is the bin and the bounds test would pass, so
     * r is stored as it is. With u = 2<sup>−53</sup> and M = max(|first|, |last|): x is within 4.1u·bins of the
     * exact (v − first)·bins/(last − first), and an edge g·step + first (two roundings of the product, one of the
     * sum, step rounded) within 3.01u·W + 1.01u·M of its exact value, 3.01u·bins + 1.01u·M·scale in x's units; δ
     * = 16u·(bins + M·scale) is more than twice their sum, so v lies strictly between the two computed edges (or
     * below last, for the last bin). The floor is r = x − 0.5 rounded to an integer, checked by f = x − r in (δ,
     * 1 − δ), which is exact whenever it passes (Sterbenz, or r = 0). Edges where δ ≥ 1/4 (a range tiny against
     * its offset) always take the bounds. A vector with a lane outside the margin takes the bounds as the int loop
     * does, so the codes stay those of the reference lane for lane.
     *
     * <p>With {@link #TRUNCATING} the test runs on x rounded to a float, y (half the vector width: one instruction
     * per operation on x86 without AVX-512, where a 256-bit one is two), with the floor r = (int) y: |y − x| ≤
     * 2<sup>−24</sup>·bins for the x that can pass, so the float margin δ' = δ + 2<sup>−23</sup>·bins (its float
     * rounded up, and 1 − δ' and bins − δ' rounded down) has room for it, and f = y − r in (δ', 1 − δ') with y
     * &lt; bins − δ' gives x − r in (δ, 1 − δ) and x &lt; bins − δ. f is exact (Sterbenz, or r = 0); f &gt; δ'
     * fails for y &lt; 0 (truncation rounds up there, so f ≤ 0) and for NaN, and y beyond the int range fails the
     * last test, so a vector that passes has the floor of x, within the margins above. δ' is below δ + 2<sup>−15</sup>
     * at 255 bins: few more lanes fall in it.
     */
    static void bins(double[] values, int offset, int length, double[] edges, int bins, byte[] out) {
        double first = edges[0];
        double width = edges[bins] - first;
        double step = width / bins;
        double scale = bins / width;
        double top = Math.nextUp(edges[bins]);
        double lastBin = bins - 1;
        double count = bins;
        double delta = MARGIN_ULPS * 0x1p-53 * (bins + Math.max(Math.abs(first), Math.abs(edges[bins])) * scale);
        boolean margins = delta < 0.25; // false for NaN and ∞ too (a degenerate scale)
        double below = 1.0 - delta;
        float deltaF = Math.nextUp((float) (delta + 0x1p-23 * count));
        float belowF = Math.nextDown((float) (1.0 - deltaF));
        float beforeEndF = Math.nextDown((float) (count - deltaF));
        int i = 0;
        for (; i <= length - BYTE_STORE; i += DL) {
            DoubleVector v = DoubleVector.fromArray(D, values, offset + i);
            DoubleVector x = v.sub(first).mul(scale);
            if (TRUNCATING) {
                FloatVector y = (FloatVector) x.convertShape(D2F, FH, 0);
                IntVector t = (IntVector) y.convert(F2I, 0);
                FloatVector f = y.sub((FloatVector) t.convert(I2F, 0));
                if (margins && f.compare(GT, deltaF).and(f.compare(LT, belowF)).and(y.compare(LT, beforeEndF))
                        .allTrue()) {
                    ((ByteVector) t.convertShape(I2B, B8, 0)).intoArray(out, i);
                    continue;
                }
            } else {
                DoubleVector near = x.sub(0.5).add(MAGIC).sub(MAGIC);
                DoubleVector f = x.sub(near);
                if (margins && f.compare(GT, delta).and(f.compare(LT, below)).and(near.compare(GE, 0.0))
                        .and(near.compare(LE, lastBin)).allTrue()) {
                    // each branch stores its own vector: one merged from two branches boxes (see SimdRowKernels)
                    ((ByteVector) near.convertShape(D2B, B8, 0)).intoArray(out, i);
                    continue;
                }
            }
            // (int) x < bins ? (int) x : bins − 1, then ≥ 0: NaN and x ≥ bins to the last bin, x < 0 to 0
            DoubleVector c = x.blend(lastBin, x.compare(LT, count).not());
            c = c.blend(0.0, c.compare(LT, 0.0));
            DoubleVector r = c.add(MAGIC).sub(MAGIC);
            DoubleVector g = r.sub(1.0, r.compare(GT, c));
            DoubleVector g1 = g.add(1.0);
            DoubleVector lo = g.mul(step).add(first);
            DoubleVector hi = g1.mul(step).add(first).blend(top, g1.compare(EQ, count));
            VectorMask<Double> ok = lo.compare(LE, v).and(v.compare(LT, hi));
            DoubleVector bin = g.blend(255.0, ok.not());
            ((ByteVector) bin.convertShape(D2B, B8, 0)).intoArray(out, i);
        }
        KernelMath.equalWidthBins(values, offset, edges, bins, out, i, length);
    }
}
