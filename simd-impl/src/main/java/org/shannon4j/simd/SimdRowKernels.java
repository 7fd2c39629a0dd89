package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.L2I;
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
import static org.shannon4j.simd.LaneMath.SHIFT;
import static org.shannon4j.simd.LaneMath.SHIFT_BITS;
import static org.shannon4j.simd.LaneMath.SQRT_HALF_BITS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
    private static final VectorSpecies<Integer> IH =
            VectorSpecies.of(int.class, VectorShape.forBitSize(G.vectorBitSize() / 2));
    /** Two double lanes: C2 compiles no 2-lane long masks on x86 (see SimdKernels.SCALAR_DOUBLE_LANES). */
    private static final boolean GATHER = GL >= 4 && DoubleLog.SUPPORTED;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double LN2 = Math.log(2);
    private static final long MIN_NORMAL_BITS = 0x0010000000000000L;
    private static final int U = 0;
    private static final int W = GL;
    private static final int ISP = 2 * GL;
    private static final int ISQ = 3 * GL;
    private static final int SP = 4 * GL;
    private static final int SQ = 5 * GL;
    private static final int ACC = 6 * GL;
    private static final long INF_BITS = 0x7ff0000000000000L;

    /** Per-thread scratch (plain arrays: no vector is stored). */
    private static final class Scratch {
        /** A group's gathered p and q rows, class-major, and the row's own log argument after them. */
        final double[] p = new double[(MAX_CLASSES + 1) * GL];
        final double[] q = new double[(MAX_CLASSES + 1) * GL];
        /** One vector each at U, W, ISP, ISQ, SP, SQ, ACC. */
        final double[] tmp = new double[7 * GL];
        /** max |S − 1| of the groups done. */
        final double[] lanes = new double[1];
        /** The gathers' index map: lane j reads row j. */
        final int[] map = new int[GL];
        /** The log table's index map when it is read with gathers ({@link DoubleLog#GATHERS}). */
        final int[] logMap = new int[GL];
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
                    sc.map, sc.logMap, sc.p, sc.q, sc.tmp, sc.lanes);
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
                              int outOffset, int[] map, int[] logMap, double[] tp, double[] tq, double[] tmp,
                              double[] err) {
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
        double e = err[0];
        int r = from;
        for (; r + GL <= rows; r += GL) {
            int pb = pOffset + r * classes, qb = qOffset + r * classes;
            // the sum over classes lives in tmp, not in a loop-carried vector: with several measures' profiles
            // C2 boxed that vector at the loop's phi (about one 72-byte box per group of rows)
            zero.intoArray(tmp, ACC);
            boolean special = false;
            // Gathered once into L1 (each branch stores its own vector: no vector merged from two branches,
            // which boxes under a profile that has seen both), row `classes` the row's own log argument.
            // sums and signs in the gathers (no vector merged from two branches here: see gather)
            boolean signsOk = gather(pd, pf, pb, classes, map, tp, tmp, SP)
                    & (!hasQ || gather(qd, qf, qb, classes, map, tq, tmp, SQ));
            DoubleVector spIn = DoubleVector.fromArray(G, tmp, SP);
            if (js) {
                // reciprocals once per row: a = x·(1/Sp) rounds twice, well inside the bound
                one.div(spIn).intoArray(tmp, ISP);
                one.div(DoubleVector.fromArray(G, tmp, SQ)).intoArray(tmp, ISQ);
            } else if (kl) {
                DoubleVector.fromArray(G, tmp, SQ).intoArray(tp, classes * GL); // ln(Sq/Sp) with weight 0
                spIn.intoArray(tq, classes * GL);
            } else {
                spIn.intoArray(tp, classes * GL); // ln Sp with weight 0
            }
            for (int i = 0; i < visits; i++) {
                int c = js ? i >> 1 : i;
                double w = c < classes ? 1.0 : 0.0;
                DoubleVector x = DoubleVector.fromArray(G, tp, c * GL);
                // u and its weight through tmp, for the reason above
                if (js) {
                    // visit i of class c: the a half (i even) or the b half, m = a/2 + b/2
                    DoubleVector y = DoubleVector.fromArray(G, tq, c * GL);
                    double wa = 1 - (i & 1);
                    DoubleVector a = x.mul(DoubleVector.fromArray(G, tmp, ISP));
                    DoubleVector b = y.mul(DoubleVector.fromArray(G, tmp, ISQ));
                    DoubleVector xw = a.mul(wa).add(b.mul(1.0 - wa));
                    DoubleVector u = xw.div(a.mul(half).add(b.mul(half)));
                    special |= u.viewAsIntegralLanes().sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS)
                            .and(xw.viewAsIntegralLanes().compare(GT, 0L)).anyTrue();
                    u.intoArray(tmp, U);
                    xw.intoArray(tmp, W);
                } else if (kl) {
                    DoubleVector u = x.div(DoubleVector.fromArray(G, tq, c * GL));
                    special |= u.viewAsIntegralLanes().sub(MIN_NORMAL_BITS).compare(UGE, INF_BITS - MIN_NORMAL_BITS)
                            .and(x.viewAsIntegralLanes().compare(GT, 0L)).anyTrue();
                    u.intoArray(tmp, U);
                    x.mul(w).intoArray(tmp, W);
                } else {
                    special |= x.viewAsIntegralLanes().sub(1).compare(ULT, MIN_NORMAL_BITS - 1).anyTrue();
                    x.intoArray(tmp, U);
                    x.mul(w).intoArray(tmp, W);
                }
                LongVector bu = DoubleVector.fromArray(G, tmp, U).viewAsIntegralLanes();
                // ---- ln u: DoubleLog's algorithm and constants
                LongVector m = bu.sub(DoubleLog.OFF);
                LongVector k = m.lanewise(ASHR, 52);
                LongVector idx = m.lanewise(LSHR, 48).and(15);
                DoubleVector z = bu.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes().reinterpretAsDoubles();
                DoubleVector kd = k.add(SHIFT_BITS).viewAsFloatingLanes().sub(SHIFT);
                LongVector invcBits, logcBits;
                if (GL == 8) {
                    invcBits = idx.selectFrom(invcLo, invcHi);
                    logcBits = idx.selectFrom(logcLo, logcHi);
                } else if (DoubleLog.GATHERS) {
                    ((IntVector) idx.convertShape(L2I, IH, 0)).intoArray(logMap, 0);
                    invcBits = LongVector.fromArray(L, DoubleLog.INVC_BITS, 0, logMap, 0);
                    logcBits = LongVector.fromArray(L, DoubleLog.LOGC_BITS, 0, logMap, 0);
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
                DoubleVector r2 = rr.mul(rr);
                DoubleVector poly = r2.mul(r2).fma(r2.fma(rr.fma(p7, p6), rr.fma(p5, p4)),
                        r2.fma(rr.fma(p3, p2), rr.fma(p1, p0)));
                DoubleVector l = kd.fma(ln2, logc).add(r2.fma(poly, rr));
                l.intoArray(tmp, U); // the last one is the row's own log (a loop-carried vector boxed)
                // p > 0 = q made u = ∞ above: such a group is declined
                DoubleVector.fromArray(G, tmp, W).fma(l, DoubleVector.fromArray(G, tmp, ACC)).intoArray(tmp, ACC);
            }
            DoubleVector acc = DoubleVector.fromArray(G, tmp, ACC);
            DoubleVector sp = DoubleVector.fromArray(G, tmp, SP);
            // (JS normalises first, so only the entropy and KL need Sp ≤ HUGE; JS's bound is the same test)
            boolean sumsOk = sp.compare(GE, Double.MIN_NORMAL).and(sp.compare(LE, js ? Double.MAX_VALUE : RowMath.HUGE))
                    .allTrue() && (!hasQ || DoubleVector.fromArray(G, tmp, SQ).compare(GE, Double.MIN_NORMAL)
                    .and(DoubleVector.fromArray(G, tmp, SQ).compare(LT, INF)).allTrue());
            if (special || !sumsOk || !signsOk) {
                break;
            }
            // entropy ln S − T/S; KL U/Sp + ln(Sq/Sp); JS (Σ a·ln(a/m) + Σ b·ln(b/m))/2 clamped to [0, ln 2]
            DoubleVector last = DoubleVector.fromArray(G, tmp, U);
            if (js) {
                acc.mul(half).intoArray(tmp, U);
            } else if (kl) {
                acc.div(sp).add(last).intoArray(tmp, U);
            } else {
                last.sub(acc.div(sp)).intoArray(tmp, U);
            }
            DoubleVector v = DoubleVector.fromArray(G, tmp, U);
            v = v.blend(0.0, v.compare(LT, 0.0));
            v.blend(LN2, v.compare(GT, js ? LN2 : INF)).mul(scale).intoArray(out, outOffset + r);
            for (int j = 0; j < GL; j++) {
                e = Math.max(e, Math.abs(tmp[SP + j] - 1));
                if (hasQ) {
                    e = Math.max(e, Math.abs(tmp[SQ + j] - 1));
                }
            }
        }
        err[0] = e;
        return r;
    }

    /**
     * Rows [base, base + GL·classes) of d (or f, widened) into t[c·GL + j], by gathers, their sums (left to
     * right) into sums[sumOffset ..]; false if an entry has its sign bit set (−0.0 too: the reference takes it).
     * Array to array, in a method of its own: with the gathers of both element types and the optional q sums in
     * the measure's loop, one JVM running several measures boxed vectors (90–200 MB per call).
     */
    private static boolean gather(double[] d, float[] f, int base, int classes, int[] map, double[] t,
                                  double[] sums, int sumOffset) {
        if (f != null) {
            for (int c = 0; c < classes; c++) {
                ((DoubleVector) FloatVector.fromArray(FH, f, base + c, map, 0).convertShape(F2D, G, 0))
                        .intoArray(t, c * GL);
            }
        } else {
            for (int c = 0; c < classes; c++) {
                DoubleVector.fromArray(G, d, base + c, map, 0).intoArray(t, c * GL);
            }
        }
        DoubleVector s = DoubleVector.zero(G);
        LongVector signs = LongVector.zero(L);
        for (int c = 0; c < classes; c++) {
            DoubleVector x = DoubleVector.fromArray(G, t, c * GL);
            s = s.add(x);
            signs = signs.or(x.viewAsIntegralLanes());
        }
        s.intoArray(sums, sumOffset);
        return !signs.compare(LT, 0L).anyTrue();
    }

    private static double reference(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                                    int qOffset, int rows, int classes, double scale, double[] out, int outOffset) {
        return kind == ENTROPY ? RowMath.rowEntropy(pd, pf, pOffset, rows, classes, scale, out, outOffset)
                : RowMath.rowDivergence(kind == JS, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out,
                outOffset);
    }
}
