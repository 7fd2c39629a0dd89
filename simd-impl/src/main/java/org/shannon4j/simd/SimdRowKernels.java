package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.L2D;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static org.shannon4j.simd.LaneMath.LG1;
import static org.shannon4j.simd.LaneMath.LG2;
import static org.shannon4j.simd.LaneMath.LG3;
import static org.shannon4j.simd.LaneMath.LG4;
import static org.shannon4j.simd.LaneMath.LG5;
import static org.shannon4j.simd.LaneMath.LG6;
import static org.shannon4j.simd.LaneMath.LG7;
import static org.shannon4j.simd.LaneMath.LN2_HI;
import static org.shannon4j.simd.LaneMath.LN2_LO;
import static org.shannon4j.simd.LaneMath.SQRT_HALF_BITS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.RowMath;

/**
 * Vector loops of the row measures ({@link org.shannon4j.spi.RowKernels}) for short rows: a block of
 * {@link RowBlock#ROWS} rows of at most {@link RowBlock#MAX_CLASSES} classes is transposed ({@link RowBlock}, the
 * engine the softmax cross-entropy uses too) so that one lane holds one row; the row sums, the Σ w·ln r terms and
 * the final expression run lane-wise with no reduction per row. Longer rows, the leftover rows of fewer than a
 * block, and any block with a lane the polynomial log does not cover (a negative, NaN, infinite or subnormal
 * entry, a ratio outside the normal range, a row sum of 0 or ∞) run the reference loops of {@link RowMath}, which
 * also decide validity.
 *
 * <p>One log per element pair (ln x for the entropy, ln(p/q) for KL, ln(a/m) and ln(b/m) for JS) plus one per row
 * for the normalisation (ln S, ln(Sq/Sp)): the row's extra log runs as one more iteration of the class loop over
 * a scratch row holding that argument, so each loop has one copy of the log expression. The log is
 * {@link LaneMath}'s (fdlibm's, IEEE operations only, ≤ 1 ulp) written out in the loop — the reason is in
 * {@link SimdLossKernels}: a helper taking a vector would box — so a row's value has the same bits on every JIT
 * tier and every call; sums run left to right per lane, as the reference does.
 */
final class SimdRowKernels {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int B = RowBlock.ROWS;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double LN2 = Math.log(2);

    /** Per-thread blocks (plain arrays). */
    private static final class Scratch {
        /** p's block, one extra class row for the row's own log argument. */
        final double[] p = new double[B * (RowBlock.MAX_CLASSES + 1)];
        final double[] q = new double[B * (RowBlock.MAX_CLASSES + 1)];
        /** Row sums. */
        final double[] sp = new double[B];
        final double[] sq = new double[B];
        /** Lanes the block could not take (count), then max |S − 1|. */
        final double[] lanes = new double[2 * DL];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final int ENTROPY = 0;
    private static final int KL = 1;
    private static final int JS = 2;

    private SimdRowKernels() {
    }

    static double entropy(double[] pd, float[] pf, int offset, int rows, int classes, double scale, double[] out,
                          int outOffset) {
        return rows(ENTROPY, pd, pf, offset, null, null, 0, rows, classes, scale, out, outOffset);
    }

    static double divergence(boolean js, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                             int qOffset, int rows, int classes, double scale, double[] out, int outOffset) {
        return rows(js ? JS : KL, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out, outOffset);
    }

    private static double rows(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf, int qOffset,
                               int rows, int classes, double scale, double[] out, int outOffset) {
        int done = 0;
        double maxError = 0;
        if (classes <= RowBlock.MAX_CLASSES) {
            Scratch sc = SCRATCH.get();
            for (; done + B <= rows; done += B) {
                int pb = pOffset + done * classes, qb = qOffset + done * classes;
                if (pd != null) {
                    RowBlock.transpose(pd, pb, classes, sc.p);
                } else {
                    RowBlock.transpose(pf, pb, classes, sc.p);
                }
                if (kind != ENTROPY) {
                    if (qd != null) {
                        RowBlock.transpose(qd, qb, classes, sc.q);
                    } else {
                        RowBlock.transpose(qf, qb, classes, sc.q);
                    }
                }
                sums(sc.p, classes, sc.sp);
                if (kind != ENTROPY) {
                    sums(sc.q, classes, sc.sq);
                }
                boolean taken = switch (kind) {
                    case ENTROPY -> entropyBlock(sc.p, sc.sp, classes, scale, out, outOffset + done, sc.lanes);
                    case KL -> klBlock(sc.p, sc.q, sc.sp, sc.sq, classes, scale, out, outOffset + done, sc.lanes);
                    default -> jsBlock(sc.p, sc.q, sc.sp, sc.sq, classes, scale, out, outOffset + done, sc.lanes);
                };
                double e;
                if (taken) {
                    e = 0;
                    for (int j = DL; j < 2 * DL; j++) {
                        e = Math.max(e, sc.lanes[j]);
                    }
                } else {
                    e = reference(kind, pd, pf, pb, qd, qf, qb, B, classes, scale, out, outOffset + done);
                }
                if (e != e) {
                    return Double.NaN;
                }
                maxError = Math.max(maxError, e);
            }
        }
        if (done < rows) {
            double e = reference(kind, pd, pf, pOffset + done * classes, qd, qf, qOffset + done * classes,
                    rows - done, classes, scale, out, outOffset + done);
            maxError = e != e ? e : Math.max(maxError, e);
        }
        return maxError;
    }

    private static double reference(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                                    int qOffset, int rows, int classes, double scale, double[] out, int outOffset) {
        return kind == ENTROPY ? RowMath.rowEntropy(pd, pf, pOffset, rows, classes, scale, out, outOffset)
                : RowMath.rowDivergence(kind == JS, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out,
                outOffset);
    }

    /** Row sums of a block, left to right per lane (the reference's order). */
    private static void sums(double[] t, int classes, double[] s) {
        for (int j = 0; j < B; j += DL) {
            DoubleVector acc = DoubleVector.zero(D);
            for (int c = 0; c < classes; c++) {
                acc = acc.add(DoubleVector.fromArray(D, t, c * B + j));
            }
            acc.intoArray(s, j);
        }
    }

    /**
     * H = ln S − T/S lane-wise, T = Σ x·ln x (0 for x = 0). The class loop runs once more over row
     * {@code classes} of t, set to S, with weight 0 there (a finite term times 0): its log is ln S. Returns false (the block goes to the
     * reference) if a lane holds an entry that is neither 0 nor normal and finite, or a sum that is not.
     */
    private static boolean entropyBlock(double[] t, double[] s, int classes, double scale, double[] out, int o,
                                        double[] lanes) {
        System.arraycopy(s, 0, t, classes * B, B);
        DoubleVector zero = DoubleVector.zero(D), one = DoubleVector.broadcast(D, 1.0);
        DoubleVector off = zero, err = zero;
        for (int j = 0; j < B; j += DL) {
            DoubleVector h = zero, last = zero;
            for (int c = 0; c <= classes; c++) {
                double weight = c < classes ? 1.0 : 0.0; // a scalar: no vector or mask chosen by a condition
                DoubleVector x = DoubleVector.fromArray(D, t, c * B + j);
                VectorMask<Double> normal = x.compare(GE, Double.MIN_NORMAL).and(x.compare(LT, INF));
                off = off.add(one, normal.or(x.compare(EQ, 0.0)).not());
                DoubleVector u = x.blend(one, normal.not());
                // ln u, LaneMath.log
                LongVector b = u.viewAsIntegralLanes(), k = b.sub(SQRT_HALF_BITS).lanewise(ASHR, 52);
                DoubleVector f = ((DoubleVector) b.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes()).sub(one);
                DoubleVector kf = (DoubleVector) k.convert(L2D, 0), hf = f.mul(f).mul(0.5);
                DoubleVector sf = f.div(f.add(2.0)), z = sf.mul(sf), z2 = z.mul(z);
                DoubleVector rr = z2.mul(LG7).add(z.fma(LG6, LG5)).fma(z2, z.fma(LG4, LG3))
                        .fma(z2, z.fma(LG2, LG1)).mul(z);
                last = kf.mul(LN2_HI).sub(hf.sub(sf.fma(hf.add(rr), kf.mul(LN2_LO))).sub(f));
                h = h.add(x.mul(weight).mul(last)); // x·0 first: S·ln S may overflow
            }
            DoubleVector sv = DoubleVector.fromArray(D, s, j);
            // a sum above HUGE may have overflowed x·ln x: the reference measures such rows normalised
            off = off.add(one, sv.compare(GE, Double.MIN_NORMAL).and(sv.compare(LE, RowMath.HUGE)).not());
            DoubleVector v = last.sub(h.div(sv));
            v.blend(0.0, v.compare(LT, 0.0)).mul(scale).intoArray(out, o + j);
            err = err.lanewise(MAX, sv.sub(one).lanewise(ABS));
        }
        off.intoArray(lanes, 0);
        err.intoArray(lanes, DL);
        return noneOff(lanes);
    }

    /**
     * KL = U/Sp + ln(Sq/Sp) lane-wise, U = Σ x·ln(x/y) (0 for x = 0, +∞ for x &gt; 0 = y); the extra iteration
     * reads x = Sq, y = Sp with weight 0 (a block with a zero or infinite sum goes to the reference). Lanes off the polynomial's domain send the block to the reference.
     */
    private static boolean klBlock(double[] p, double[] q, double[] sp, double[] sq, int classes, double scale,
                                   double[] out, int o, double[] lanes) {
        // the extra iteration's x/y is Sq/Sp (its weight is 0)
        System.arraycopy(sq, 0, p, classes * B, B);
        System.arraycopy(sp, 0, q, classes * B, B);
        DoubleVector zero = DoubleVector.zero(D), one = DoubleVector.broadcast(D, 1.0);
        DoubleVector off = zero, err = zero;
        for (int j = 0; j < B; j += DL) {
            DoubleVector u = zero, last = zero;
            for (int c = 0; c <= classes; c++) {
                double weight = c < classes ? 1.0 : 0.0; // a scalar: no vector or mask chosen by a condition
                DoubleVector x = DoubleVector.fromArray(D, p, c * B + j);
                DoubleVector y = DoubleVector.fromArray(D, q, c * B + j);
                VectorMask<Double> valid = x.compare(GE, 0.0).and(x.compare(LT, INF)).and(y.compare(GE, 0.0))
                        .and(y.compare(LT, INF));
                VectorMask<Double> pos = x.compare(GT, 0.0), qZero = y.compare(EQ, 0.0);
                DoubleVector r = x.div(y);
                VectorMask<Double> normal = r.compare(GE, Double.MIN_NORMAL).and(r.compare(LT, INF));
                off = off.add(one, valid.not().or(pos.and(normal.not()).and(qZero.not())));
                DoubleVector a = r.blend(one, normal.not());
                // ln a, LaneMath.log
                LongVector b = a.viewAsIntegralLanes(), k = b.sub(SQRT_HALF_BITS).lanewise(ASHR, 52);
                DoubleVector f = ((DoubleVector) b.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes()).sub(one);
                DoubleVector kf = (DoubleVector) k.convert(L2D, 0), hf = f.mul(f).mul(0.5);
                DoubleVector sf = f.div(f.add(2.0)), z = sf.mul(sf), z2 = z.mul(z);
                DoubleVector rr = z2.mul(LG7).add(z.fma(LG6, LG5)).fma(z2, z.fma(LG4, LG3))
                        .fma(z2, z.fma(LG2, LG1)).mul(z);
                last = kf.mul(LN2_HI).sub(hf.sub(sf.fma(hf.add(rr), kf.mul(LN2_LO))).sub(f));
                u = u.add(x.mul(weight).mul(last.blend(INF, pos.and(qZero))));
            }
            DoubleVector spv = DoubleVector.fromArray(D, sp, j), sqv = DoubleVector.fromArray(D, sq, j);
            VectorMask<Double> sumsOk = spv.compare(GE, Double.MIN_NORMAL).and(spv.compare(LE, RowMath.HUGE))
                    .and(sqv.compare(GE, Double.MIN_NORMAL)).and(sqv.compare(LT, INF));
            off = off.add(one, sumsOk.not());
            DoubleVector v = u.div(spv).add(last);
            v.blend(0.0, v.compare(LT, 0.0)).mul(scale).intoArray(out, o + j);
            err = err.lanewise(MAX, spv.sub(one).lanewise(ABS)).lanewise(MAX, sqv.sub(one).lanewise(ABS));
        }
        off.intoArray(lanes, 0);
        err.intoArray(lanes, DL);
        return noneOff(lanes);
    }

    /**
     * JS lane-wise over the normalised rows a = p/Sp, b = q/Sq, m = (a + b)/2: ½·(Σ a·ln(a/m) + Σ b·ln(b/m)),
     * each class visited twice (h = 0 for a, 1 for b) so the loop has one log. Entries and sums off the
     * polynomial's domain send the block to the reference.
     */
    private static boolean jsBlock(double[] p, double[] q, double[] sp, double[] sq, int classes, double scale,
                                   double[] out, int o, double[] lanes) {
        DoubleVector zero = DoubleVector.zero(D), one = DoubleVector.broadcast(D, 1.0), half = DoubleVector
                .broadcast(D, 0.5);
        DoubleVector off = zero, err = zero;
        for (int j = 0; j < B; j += DL) {
            DoubleVector spv = DoubleVector.fromArray(D, sp, j), sqv = DoubleVector.fromArray(D, sq, j);
            VectorMask<Double> sumsOk = spv.compare(GE, Double.MIN_NORMAL).and(spv.compare(LT, INF))
                    .and(sqv.compare(GE, Double.MIN_NORMAL)).and(sqv.compare(LT, INF));
            off = off.add(one, sumsOk.not());
            // reciprocals once per row: a = x·(1/Sp) rounds twice, well inside the bound, and saves two divisions
            // per visit
            DoubleVector ispv = one.div(spv), isqv = one.div(sqv);
            DoubleVector acc = zero;
            for (int i = 0; i < 2 * classes; i++) {
                int c = i >> 1;
                DoubleVector x = DoubleVector.fromArray(D, p, c * B + j);
                DoubleVector y = DoubleVector.fromArray(D, q, c * B + j);
                VectorMask<Double> valid = x.compare(GE, 0.0).and(x.compare(LT, INF)).and(y.compare(GE, 0.0))
                        .and(y.compare(LT, INF));
                DoubleVector a = x.mul(ispv), bq = y.mul(isqv), m = a.mul(half).add(bq.mul(half));
                double wa = (i & 1) == 0 ? 1.0 : 0.0; // scalars: no vector chosen by a condition
                DoubleVector w = a.mul(wa).add(bq.mul(1.0 - wa));
                DoubleVector r = w.div(m);
                VectorMask<Double> pos = w.compare(GT, 0.0);
                VectorMask<Double> normal = r.compare(GE, Double.MIN_NORMAL).and(r.compare(LT, INF));
                off = off.add(one, valid.not().or(pos.and(normal.not())));
                DoubleVector arg = r.blend(one, normal.not());
                // ln arg, LaneMath.log
                LongVector b = arg.viewAsIntegralLanes(), k = b.sub(SQRT_HALF_BITS).lanewise(ASHR, 52);
                DoubleVector f = ((DoubleVector) b.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes()).sub(one);
                DoubleVector kf = (DoubleVector) k.convert(L2D, 0), hf = f.mul(f).mul(0.5);
                DoubleVector sf = f.div(f.add(2.0)), z = sf.mul(sf), z2 = z.mul(z);
                DoubleVector rr = z2.mul(LG7).add(z.fma(LG6, LG5)).fma(z2, z.fma(LG4, LG3))
                        .fma(z2, z.fma(LG2, LG1)).mul(z);
                DoubleVector l = kf.mul(LN2_HI).sub(hf.sub(sf.fma(hf.add(rr), kf.mul(LN2_LO))).sub(f));
                acc = acc.add(w.mul(l));
            }
            DoubleVector v = acc.mul(half);
            v = v.blend(0.0, v.compare(LT, 0.0));
            v.blend(LN2, v.compare(GT, LN2)).mul(scale).intoArray(out, o + j);
            err = err.lanewise(MAX, spv.sub(one).lanewise(ABS)).lanewise(MAX, sqv.sub(one).lanewise(ABS));
        }
        off.intoArray(lanes, 0);
        err.intoArray(lanes, DL);
        return noneOff(lanes);
    }

    /** True if no lane was off the vector path (the counts stored in lanes[0, DL)). */
    private static boolean noneOff(double[] lanes) {
        double n = 0;
        for (int j = 0; j < DL; j++) {
            n += lanes[j];
        }
        return n == 0;
    }
}
