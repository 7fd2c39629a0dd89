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
 * Vector loops of the row measures ({@link org.shannon4j.spi.RowKernels}) for short rows (at most
 * {@value #MAX_CLASSES} classes): one lane per row, a group of as many rows as lanes read by gathers with the
 * constant index map j·classes (no transposed copy: the scalar transpose into a block cost more than the
 * arithmetic), so row sums, the Σ w·ln r terms and the final expression run lane-wise with no reduction per row.
 * Longer rows, the leftover rows of fewer than a group, any group with a lane the log does not cover (see
 * {@link #groups}), and 128-bit vectors (C2 on x86 compiles no 2-lane long masks, see
 * {@link SimdKernels#SCALAR_DOUBLE_LANES}) run the reference loops of {@link RowMath}, which also decide validity.
 *
 * <p>The log is {@link DoubleLog}'s (table plus polynomial, no division, ≤ 2 ulp), written out in the one class
 * loop — a helper taking a vector would box, see {@link SimdLossKernels} — so a row's value has the same bits on
 * every JIT tier and every call; sums run left to right per lane, as the reference's do.
 */
final class SimdRowKernels {

    /** Rows longer than this run the reference (and JS keeps a group's rows in L1 scratch of this size). */
    static final int MAX_CLASSES = 32;

    /** The vector shape: {@link Species}' (so the test knob reaches it), the one of DoubleLog's tables. */
    private static final VectorSpecies<Double> G = Species.D;
    private static final VectorSpecies<Long> L = Species.L;
    private static final VectorSpecies<Float> FH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(G.vectorBitSize() / 2));
    private static final int GL = G.length();
    /** Two double lanes: C2 compiles no 2-lane long masks on x86 (see SimdKernels.SCALAR_DOUBLE_LANES). */
    private static final boolean GATHER = GL >= 4 && DoubleLog.SUPPORTED;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double LN2 = Math.log(2);
    private static final long MIN_NORMAL_BITS = 0x0010000000000000L;
    private static final long INF_BITS = 0x7ff0000000000000L;

    /** Per-thread scratch (plain arrays: no vector is stored). */
    private static final class Scratch {
        /** JS: a group's gathered p and q rows, class-major. */
        final double[] p = new double[MAX_CLASSES * GL];
        final double[] q = new double[MAX_CLASSES * GL];
        /** max |S − 1| of the groups done. */
        final double[] lanes = new double[1];
        /** The gathers' index map: lane j reads row j. */
        final int[] map = new int[GL];
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
        if (GATHER && classes <= MAX_CLASSES) {
            return gathered(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out, outOffset);
        }
        return reference(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out, outOffset);
    }

    /** The measure in groups of GL rows; the groups the vector loop declines go to the reference one at a time. */
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
            r = groups(kind, pd, pf, pOffset, qd, qf, qOffset, r, rows, classes, scale, out, outOffset,
                    sc.map, sc.p, sc.q, sc.lanes);
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
    private static int groups(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                              int qOffset, int from, int rows, int classes, double scale, double[] out,
                              int outOffset, int[] map, double[] tp, double[] tq, double[] err) {
        boolean wide = pf != null, kl = kind == KL, js = kind == JS, hasQ = kind != ENTROPY;
        int visits = js ? 2 * classes : classes + 1;
        DoubleVector half = DoubleVector.broadcast(G, 0.5);
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
            DoubleVector isp = one, isq = one;
            if (js) {
                // JS normalises first: the sums in a pass of their own
                for (int c = 0; c < classes; c++) {
                    DoubleVector xg = wide
                            ? (DoubleVector) FloatVector.fromArray(FH, pf, pb + c, map, 0).convertShape(F2D, G, 0)
                            : DoubleVector.fromArray(G, pd, pb + c, map, 0);
                    DoubleVector yg = wide
                            ? (DoubleVector) FloatVector.fromArray(FH, qf, qb + c, map, 0).convertShape(F2D, G, 0)
                            : DoubleVector.fromArray(G, qd, qb + c, map, 0);
                    sp = sp.add(xg);
                    sq = sq.add(yg);
                    xg.intoArray(tp, c * GL);
                    yg.intoArray(tq, c * GL);
                }
                // reciprocals once per row: a = x·(1/Sp) rounds twice, well inside the bound
                isp = one.div(sp);
                isq = one.div(sq);
            }
            for (int i = 0; i < visits; i++) {
                int c = js ? i >> 1 : i;
                double w = c < classes ? 1.0 : 0.0;
                int cc = Math.min(c, classes - 1);
                DoubleVector xg, yg = zero;
                if (js) {
                    // JS visits each class twice: the pass above kept the gathered rows
                    xg = DoubleVector.fromArray(G, tp, cc * GL);
                    yg = DoubleVector.fromArray(G, tq, cc * GL);
                } else if (wide) {
                    xg = (DoubleVector) FloatVector.fromArray(FH, pf, pb + cc, map, 0).convertShape(F2D, G, 0);
                    if (hasQ) {
                        yg = (DoubleVector) FloatVector.fromArray(FH, qf, qb + cc, map, 0).convertShape(F2D, G, 0);
                    }
                } else {
                    xg = DoubleVector.fromArray(G, pd, pb + cc, map, 0);
                    if (hasQ) {
                        yg = DoubleVector.fromArray(G, qd, qb + cc, map, 0);
                    }
                }
                DoubleVector xw = xg.mul(w), u;
                signs = signs.or(xg.viewAsIntegralLanes());
                LongVector bu;
                if (js) {
                    // visit i of class c: the a half (i even) or the b half, m = a/2 + b/2
                    signs = signs.or(yg.viewAsIntegralLanes());
                    double wa = 1 - (i & 1);
                    DoubleVector a = xg.mul(isp), b = yg.mul(isq);
                    xw = a.mul(wa).add(b.mul(1.0 - wa));
                    u = xw.div(a.mul(half).add(b.mul(half)));
                    bu = u.viewAsIntegralLanes();
                    special |= bu.sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS)
                            .and(xw.viewAsIntegralLanes().compare(GT, 0L)).anyTrue();
                } else if (kl) {
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
            // (JS normalises first, so only the entropy and KL need Sp ≤ HUGE; JS's bound is the same test)
            boolean sumsOk = sp.compare(GE, Double.MIN_NORMAL).and(sp.compare(LE, js ? Double.MAX_VALUE : RowMath.HUGE))
                    .allTrue() && (!hasQ || sq.compare(GE, Double.MIN_NORMAL).and(sq.compare(LT, INF)).allTrue());
            if (special || !sumsOk || signs.compare(LT, 0L).anyTrue()) {
                break;
            }
            // entropy ln S − T/S; KL U/Sp + ln(Sq/Sp); JS (Σ a·ln(a/m) + Σ b·ln(b/m))/2 clamped to [0, ln 2]
            DoubleVector v = js ? acc.mul(half) : kl ? acc.div(sp).add(last) : last.sub(acc.div(sp));
            v = v.blend(0.0, v.compare(LT, 0.0));
            v.blend(LN2, v.compare(GT, js ? LN2 : INF)).mul(scale).intoArray(out, outOffset + r);
            err0 = err0.lanewise(MAX, sp.sub(one).lanewise(ABS));
            if (hasQ) {
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
}
