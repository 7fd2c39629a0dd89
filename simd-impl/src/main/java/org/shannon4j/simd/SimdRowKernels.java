package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.L2D;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.UGE;
import static jdk.incubator.vector.VectorOperators.ULT;
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
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
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
        /** The gathers' index map: lane j reads row j. */
        final int[] map = new int[GL];
    }

    /** The gathered loop's shape: {@link Species}' (so the 128-bit test knob reaches it), with its log tables. */
    private static final VectorSpecies<Double> G = Species.D;
    private static final VectorSpecies<Long> L = Species.L;
    private static final VectorSpecies<Float> FH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(G.vectorBitSize() / 2));
    private static final int GL = G.length();
    /** Two double lanes: C2 compiles no 2-lane long masks on x86 (see SimdKernels.SCALAR_DOUBLE_LANES). */
    private static final boolean GATHER = GL >= 4 && DoubleLog.SUPPORTED;
    private static final long MIN_NORMAL_BITS = 0x0010000000000000L;
    private static final long INF_BITS = 0x7ff0000000000000L;

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
        if (kind != JS && GATHER && classes <= RowBlock.MAX_CLASSES) {
            return gathered(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out, outOffset);
        }
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

    /**
     * Entropy and KL with one lane per row read by gathers (lane j of a group of DL rows reads row j's class c
     * through the constant index map j·classes): no transposed copy. Groups the vector loop declines go to the
     * reference one group at a time.
     */
    private static double gathered(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                                   int qOffset, int rows, int classes, double scale, double[] out, int outOffset) {
        Scratch sc = SCRATCH.get();
        for (int j = 0; j < GL; j++) {
            sc.map[j] = j * classes;
        }
        sc.lanes[0] = 0;
        double maxError = 0;
        int r = 0;
        while (r + GL <= rows) {
            r = groups(kind == KL, pd, pf, pOffset, qd, qf, qOffset, r, rows, classes, scale, out, outOffset,
                    sc.map, sc.lanes);
            if (r + GL <= rows) {
                double e = reference(kind, pd, pf, pOffset + r * classes, qd, qf, qOffset + r * classes, GL,
                        classes, scale, out, outOffset + r);
                if (e != e) {
                    return Double.NaN;
                }
                maxError = Math.max(maxError, e);
                r += GL;
            }
        }
        maxError = Math.max(maxError, sc.lanes[0]);
        if (r < rows) {
            double e = reference(kind, pd, pf, pOffset + r * classes, qd, qf, qOffset + r * classes, rows - r,
                    classes, scale, out, outOffset + r);
            maxError = e != e ? e : Math.max(maxError, e);
        }
        return maxError;
    }

    /**
     * Groups of GL rows from row {@code from} while they are on the fast path; returns the first row of the
     * group it declined, or the first row after the last full group. A group is declined if a lane holds a
     * negative (or −0.0) entry, a log argument that is not a normal double under a positive weight (a
     * subnormal entry; for KL a ratio p/q off the normal range, so also p &gt; 0 = q), or a row sum outside
     * [MIN_NORMAL, HUGE] (KL: Sq in [MIN_NORMAL, ∞)), which also catches NaN and ∞ entries.
     *
     * <p>Class loop c = 0 … classes: the last iteration's argument is the row's own log (Sp for the entropy,
     * Sq/Sp for KL) with weight 0, blended in arithmetically (x·w + S·(1 − w), w a scalar 1 or 0: no vector
     * chosen by a condition), so the loop has one copy of {@link DoubleLog}'s log (table plus polynomial, no
     * division; same constants). Sums run left to right per lane, as the reference's do. err[0] receives
     * max |S − 1| over the groups done.
     */
    private static int groups(boolean kl, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                              int qOffset, int from, int rows, int classes, double scale, double[] out,
                              int outOffset, int[] map, double[] err) {
        boolean wide = pf != null;
        LongVector invcLo = LongVector.fromArray(L, DoubleLog.INVC_BITS, 0);
        LongVector invcHi = LongVector.fromArray(L, DoubleLog.INVC_BITS, 16 - GL);
        LongVector logcLo = LongVector.fromArray(L, DoubleLog.LOGC_BITS, 0);
        LongVector logcHi = LongVector.fromArray(L, DoubleLog.LOGC_BITS, 16 - GL);
        DoubleVector minusOne = DoubleVector.broadcast(G, -1.0), one = DoubleVector.broadcast(G, 1.0);
        DoubleVector ln2 = DoubleVector.broadcast(G, DoubleLog.LN2);
        DoubleVector p0 = DoubleVector.broadcast(G, DoubleLog.P0), p1 = DoubleVector.broadcast(G, DoubleLog.P1);
        DoubleVector p2 = DoubleVector.broadcast(G, DoubleLog.P2), p3 = DoubleVector.broadcast(G, DoubleLog.P3);
        DoubleVector p4 = DoubleVector.broadcast(G, DoubleLog.P4), p5 = DoubleVector.broadcast(G, DoubleLog.P5);
        DoubleVector p6 = DoubleVector.broadcast(G, DoubleLog.P6), p7 = DoubleVector.broadcast(G, DoubleLog.P7);
        DoubleVector zero = DoubleVector.zero(G);
        DoubleVector err0 = zero;
        int r = from;
        for (; r + GL <= rows; r += GL) {
            int pb = pOffset + r * classes, qb = qOffset + r * classes;
            DoubleVector sp = zero, sq = zero, acc = zero, last = zero;
            LongVector signs = LongVector.zero(L);
            boolean special = false;
            for (int c = 0; c <= classes; c++) {
                double w = c < classes ? 1.0 : 0.0;
                int cc = Math.min(c, classes - 1);
                DoubleVector xg, yg = zero;
                if (wide) {
                    xg = (DoubleVector) FloatVector.fromArray(FH, pf, pb + cc, map, 0).convertShape(F2D, G, 0);
                    if (kl) {
                        yg = (DoubleVector) FloatVector.fromArray(FH, qf, qb + cc, map, 0).convertShape(F2D, G, 0);
                    }
                } else {
                    xg = DoubleVector.fromArray(G, pd, pb + cc, map, 0);
                    if (kl) {
                        yg = DoubleVector.fromArray(G, qd, qb + cc, map, 0);
                    }
                }
                DoubleVector xw = xg.mul(w), u;
                signs = signs.or(xg.viewAsIntegralLanes());
                LongVector bu;
                if (kl) {
                    DoubleVector yw = yg.mul(w);
                    signs = signs.or(yg.viewAsIntegralLanes());
                    DoubleVector x = sq.mul(1.0 - w).add(xw), y = sp.mul(1.0 - w).add(yw);
                    sp = sp.add(xw);
                    sq = sq.add(yw);
                    u = x.div(y);
                    bu = u.viewAsIntegralLanes();
                    special |= bu.sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS)
                            .and(x.viewAsIntegralLanes().compare(GT, 0L)).anyTrue();
                } else {
                    u = sp.mul(1.0 - w).add(xw);
                    sp = sp.add(xw);
                    bu = u.viewAsIntegralLanes();
                    special |= bu.sub(1).compare(ULT, MIN_NORMAL_BITS - 1).anyTrue();
                }
                // ---- ln u: DoubleLog's algorithm and constants
                LongVector m = bu.sub(DoubleLog.OFF);
                LongVector k = m.lanewise(ASHR, 52);
                LongVector idx = m.lanewise(LSHR, 48).and(15);
                DoubleVector z = bu.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes().reinterpretAsDoubles();
                DoubleVector kd = (DoubleVector) k.convert(L2D, 0);
                LongVector invcBits, logcBits;
                if (GL == 8) {
                    invcBits = idx.selectFrom(invcLo, invcHi);
                    logcBits = idx.selectFrom(logcLo, logcHi);
                } else {
                    invcBits = idx.selectFrom(LongVector.fromArray(L, DoubleLog.INVC_BITS, 0),
                            LongVector.fromArray(L, DoubleLog.INVC_BITS, GL));
                    logcBits = idx.selectFrom(LongVector.fromArray(L, DoubleLog.LOGC_BITS, 0),
                            LongVector.fromArray(L, DoubleLog.LOGC_BITS, GL));
                    for (int pair = 2 * GL; pair < 16; pair += 2 * GL) {
                        VectorMask<Long> here = idx.compare(GE, pair);
                        invcBits = invcBits.blend(idx.selectFrom(LongVector.fromArray(L, DoubleLog.INVC_BITS, pair),
                                LongVector.fromArray(L, DoubleLog.INVC_BITS, pair + GL)), here);
                        logcBits = logcBits.blend(idx.selectFrom(LongVector.fromArray(L, DoubleLog.LOGC_BITS, pair),
                                LongVector.fromArray(L, DoubleLog.LOGC_BITS, pair + GL)), here);
                    }
                }
                DoubleVector invc = invcBits.viewAsFloatingLanes().reinterpretAsDoubles();
                DoubleVector logc = logcBits.viewAsFloatingLanes().reinterpretAsDoubles();
                DoubleVector rr = z.fma(invc, minusOne);
                DoubleVector poly = rr.fma(p7, p6).fma(rr, p5).fma(rr, p4).fma(rr, p3).fma(rr, p2).fma(rr, p1)
                        .fma(rr, p0);
                last = kd.fma(ln2, logc).add(rr.mul(rr).fma(poly, rr));
                acc = xw.fma(last, acc); // p > 0 = q made u = ∞ above: such a group is declined
            }
            boolean sumsOk = sp.compare(GE, Double.MIN_NORMAL).and(sp.compare(LE, RowMath.HUGE)).allTrue()
                    && (!kl || sq.compare(GE, Double.MIN_NORMAL).and(sq.compare(LT, INF)).allTrue());
            if (special || !sumsOk || signs.compare(LT, 0L).anyTrue()) {
                break;
            }
            // entropy ln S − T/S; KL U/Sp + ln(Sq/Sp)
            DoubleVector v = kl ? acc.div(sp).add(last) : last.sub(acc.div(sp));
            v.blend(0.0, v.compare(LT, 0.0)).mul(scale).intoArray(out, outOffset + r);
            err0 = err0.lanewise(MAX, sp.sub(one).lanewise(ABS));
            if (kl) {
                err0 = err0.lanewise(MAX, sq.sub(one).lanewise(ABS));
            }
        }
        double e = err[0];
        for (int j = 0; j < GL; j++) {
            e = Math.max(e, err0.lane(j));
        }
        err[0] = e;
        return r;
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
