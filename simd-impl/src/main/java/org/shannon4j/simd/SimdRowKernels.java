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

import org.shannon4j.spi.Parallelism;
import org.shannon4j.spi.RowMath;

/**
 * Vector loops of the row measures ({@link org.shannon4j.spi.RowKernels}).
 *
 * <p><b>Entropy and KL: blocks of rows</b> ({@link #block}), any row length. The logs of a block's elements are
 * one flat pass of {@link DoubleLog#loop} (its row kinds store each element's term p·ln p, resp. p·ln(p/q)), with
 * contiguous loads and nothing transposed; a scalar pass then sums each row's terms and entries left to right,
 * four rows interleaved; a row's own log (ln S, resp. ln(Sq/S)) is a short series when its argument is within
 * 2^-20 of 1 (normalised rows) and the same vector log otherwise. Blocks hold at most {@value #BLOCK_ROWS} rows
 * (fewer for long rows, a long row in chunks), aligned with the parts of a parallel call, so whether a row goes
 * to the reference never depends on the thread count. A block with a lane the vector log cannot take, a sign
 * bit, or a row sum out of range goes to the reference loops of {@link RowMath}, which also decide validity.
 *
 * <p><b>JS: transposed groups</b> ({@link #groups}, at most {@value #MAX_CLASSES} classes): one lane per row, a
 * group of as many rows as lanes read by gathers with the constant index map j·classes, so row sums, the
 * Σ w·ln r terms and the final expression run lane-wise with no reduction per row. Longer rows, the leftover rows
 * of fewer than a group, any group with a lane the log does not cover, and 128-bit vectors (C2 on x86 compiles no
 * 2-lane long masks, see {@link SimdKernels#SCALAR_DOUBLE_LANES}; the blocks follow the flat kernels' choice,
 * {@link SimdKernels#OWN_DOUBLE}) run the reference. The log there is {@link DoubleLog}'s (table plus polynomial,
 * no division, ≤ 2 ulp), written out in the one class loop — a helper taking a vector would box, see
 * {@link SimdLossKernels}.
 *
 * <p>Either way a row's value has the same bits on every JIT tier, every call and every thread count.
 */
final class SimdRowKernels {

    /** JS rows longer than this run the reference (JS keeps a group's rows in L1 scratch of this size). */
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
    /** Entropy and KL in blocks of rows through {@link DoubleLog#loop}, wherever the flat log kernels take it. */
    private static final boolean BLOCKS = SimdKernels.OWN_DOUBLE;
    /**
     * Rows per block at most: a divisor of {@link Parallelism#ROW_ALIGN}, so that a row's block, and with it
     * whether it goes to the reference, does not depend on where a part of the rows starts.
     */
    static final int BLOCK_ROWS = 64;
    /**
     * The rows' own logs ln S (KL: ln(Sq/S)) within this of 1 are d − d²/2 + d³/3 with d = S − 1 (exact there):
     * the next term is below 2^-60 of d, so the sum is within an ulp or so, as the vector log is, and a row of
     * normalised probabilities needs no log of its own.
     */
    private static final double NEAR_ONE = 0x1p-20;
    /** Elements whose logs a block holds (a multiple of 8); longer rows are blocks of one row, in chunks. */
    static final int BLOCK_ELEMENTS = 2048;
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
        /** A block's element logs, and a chunk copied to a length of a multiple of 8. */
        final double[] logs = new double[BLOCK_ELEMENTS];
        final double[] padP = new double[BLOCK_ELEMENTS];
        final double[] padQ = new double[BLOCK_ELEMENTS];
        /** Per row of a block: S, Sq, T, the row's own log argument and its log. */
        final double[] rowS = new double[BLOCK_ROWS];
        final double[] rowQ = new double[BLOCK_ROWS];
        final double[] rowT = new double[BLOCK_ROWS];
        final double[] rowArg = new double[BLOCK_ROWS];
        final double[] rowLn = new double[BLOCK_ROWS];
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
        if (BLOCKS && kind != JS) {
            return blocked(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out, outOffset);
        }
        if (GATHER && classes <= MAX_CLASSES) {
            return gathered(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out, outOffset);
        }
        return reference(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out, outOffset);
    }

    /**
     * The entropy or KL of blocks of whole rows (see the class comment); a block the vector log or the row sums
     * decline goes to the reference whole.
     */
    private static double blocked(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                                  int qOffset, int rows, int classes, double scale, double[] out, int outOffset) {
        Scratch sc = SCRATCH.get();
        int blockRows = BLOCK_ROWS;
        while (blockRows > 1 && blockRows * classes > BLOCK_ELEMENTS) {
            blockRows >>= 1;
        }
        double maxError = 0;
        for (int r = 0; r < rows; r += blockRows) {
            int n = Math.min(blockRows, rows - r);
            int skip = r * classes;
            double e = block(kind == KL, pd, pf, pOffset + skip, qd, qf, qOffset + skip, n, classes, scale, out,
                    outOffset + r, sc);
            if (e < 0) {
                e = reference(kind, pd, pf, pOffset + skip, qd, qf, qOffset + skip, n, classes, scale, out,
                        outOffset + r);
                if (e != e) {
                    return Double.NaN;
                }
            }
            maxError = Math.max(maxError, e);
        }
        return maxError;
    }

    /**
     * One block of n rows from p[pb], q[qb]: the logs of its elements by {@link DoubleLog#loop} (one flat pass per
     * chunk of at most BLOCK_ELEMENTS; float input, or a chunk of a length off a multiple of 8, is first copied to
     * scratch as doubles, padded with ones), then per row, left to right, S = Σ p, (KL: Sq = Σ q) and
     * T = Σ fma(p, ln u, ·), four rows at a time (four independent chains: one row's sums are a chain of latencies);
     * then the logs of the rows' own arguments (S, resp. Sq/S) by the same vector log, and out = scale·(ln S − T/S),
     * resp. scale·(T/S + ln(Sq/S)), negative results as 0: the arithmetic of the transposed groups, row by row.
     * Nothing is written to out unless the block is accepted. Returns max |S − 1| (and |Sq − 1|), or −1 to decline:
     * a lane the vector log cannot take under a positive weight, a sign bit set (−0.0 too: the reference takes it),
     * a row sum outside [MIN_NORMAL, HUGE] (Sq: [MIN_NORMAL, ∞)) or a ratio Sq/S off the normal range.
     */
    private static double block(boolean kl, double[] pd, float[] pf, int pb, double[] qd, float[] qf, int qb, int n,
                                int classes, double scale, double[] out, int o, Scratch sc) {
        double[] rs = sc.rowS, rq = sc.rowQ, rt = sc.rowT, logs = sc.logs;
        int len = n * classes; // one chunk unless n == 1
        for (int c0 = 0; c0 < len; c0 += BLOCK_ELEMENTS) {
            int m = Math.min(BLOCK_ELEMENTS, len - c0);
            double[] p = pd, q = qd;
            int pAt = pb + c0, qAt = qb + c0;
            if (pd == null || (m & 7) != 0) {
                p = sc.padP;
                q = sc.padQ;
                widen(pd, pf, pAt, m, p);
                if (kl) {
                    widen(qd, qf, qAt, m, q);
                }
                pAt = 0;
                qAt = 0;
            }
            int m8 = (m + 7) & ~7;
            if (!DoubleLog.loop(kl ? DoubleLog.ROW_KL : DoubleLog.ROW_X, p, q, null, null, pAt, pAt + m8, qAt - pAt,
                    1.0, logs)) {
                return -1;
            }
            if (n == 1) { // a chunk of one row
                double s = c0 == 0 ? 0 : rs[0], sq = c0 == 0 ? 0 : rq[0], t = c0 == 0 ? 0 : rt[0];
                for (int e = 0; e < m; e++) {
                    double x = p[pAt + e];
                    s += x;
                    t += logs[e];
                    if (kl) {
                        sq += q[qAt + e];
                    }
                }
                rs[0] = s;
                rq[0] = sq;
                rt[0] = t;
                continue;
            }
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                int e0 = i * classes, e1 = e0 + classes, e2 = e1 + classes, e3 = e2 + classes;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
                double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
                for (int c = 0; c < classes; c++) {
                    double x0 = p[pAt + e0 + c], x1 = p[pAt + e1 + c], x2 = p[pAt + e2 + c], x3 = p[pAt + e3 + c];
                    s0 += x0;
                    s1 += x1;
                    s2 += x2;
                    s3 += x3;
                    t0 += logs[e0 + c];
                    t1 += logs[e1 + c];
                    t2 += logs[e2 + c];
                    t3 += logs[e3 + c];
                    if (kl) {
                        q0 += q[qAt + e0 + c];
                        q1 += q[qAt + e1 + c];
                        q2 += q[qAt + e2 + c];
                        q3 += q[qAt + e3 + c];
                    }
                }
                rs[i] = s0;
                rs[i + 1] = s1;
                rs[i + 2] = s2;
                rs[i + 3] = s3;
                rt[i] = t0;
                rt[i + 1] = t1;
                rt[i + 2] = t2;
                rt[i + 3] = t3;
                rq[i] = q0;
                rq[i + 1] = q1;
                rq[i + 2] = q2;
                rq[i + 3] = q3;
            }
            for (; i < n; i++) {
                int e0 = i * classes;
                double s = 0, sq = 0, t = 0;
                for (int c = 0; c < classes; c++) {
                    double x = p[pAt + e0 + c];
                    s += x;
                    t += logs[e0 + c];
                    if (kl) {
                        sq += q[qAt + e0 + c];
                    }
                }
                rs[i] = s;
                rq[i] = sq;
                rt[i] = t;
            }
        }
        double[] arg = sc.rowArg, ln = sc.rowLn;
        boolean far = false;
        for (int i = 0; i < n; i++) {
            double s = rs[i];
            if (!(s >= Double.MIN_NORMAL && s <= RowMath.HUGE)) {
                return -1;
            }
            double a = s;
            if (kl) {
                double sq = rq[i];
                a = sq / s;
                if (!(sq >= Double.MIN_NORMAL && sq < INF && a >= Double.MIN_NORMAL && a <= Double.MAX_VALUE)) {
                    return -1;
                }
            }
            arg[i] = a;
            double d = a - 1; // exact near 1 (Sterbenz)
            if (Math.abs(d) <= NEAR_ONE) {
                ln[i] = d - d * d * (0.5 - d * (1.0 / 3));
            } else {
                far = true;
            }
        }
        if (far) { // rows that are not normalised: the vector log for all, kept where the series is not used
            int n8 = (n + 7) & ~7;
            for (int i = n; i < n8; i++) {
                arg[i] = 1;
            }
            double[] vl = sc.padP;
            DoubleLog.logInto(arg, 0, n8, vl, 0); // normal arguments: the vector log's own lanes
            for (int i = 0; i < n; i++) {
                if (!(Math.abs(arg[i] - 1) <= NEAR_ONE)) {
                    ln[i] = vl[i];
                }
            }
        }
        double e = 0;
        for (int i = 0; i < n; i++) {
            double v = kl ? rt[i] / rs[i] + ln[i] : ln[i] - rt[i] / rs[i];
            out[o + i] = (v < 0 ? 0.0 : v) * scale;
            e = Math.max(e, Math.abs(rs[i] - 1));
            if (kl) {
                e = Math.max(e, Math.abs(rq[i] - 1));
            }
        }
        return e;
    }

    /** m elements of d (or f) from {@code at} into t[0, m) as doubles, then ones up to a multiple of 8. */
    private static void widen(double[] d, float[] f, int at, int m, double[] t) {
        if (d != null) {
            System.arraycopy(d, at, t, 0, m);
        } else {
            for (int i = 0; i < m; i++) {
                t[i] = f[at + i];
            }
        }
        for (int i = m, m8 = (m + 7) & ~7; i < m8; i++) {
            t[i] = 1;
        }
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
