package org.shannon4j.simd;

import org.shannon4j.spi.Parallelism;
import org.shannon4j.spi.RowMath;

/**
 * Vector loops of the row measures ({@link org.shannon4j.spi.RowKernels}): blocks of whole rows, any row length.
 * The terms of a block's elements (p·ln p, p·ln(p/q), or JS's two halves) are flat passes of {@link DoubleLog#loop}
 * over contiguous scratch or input, no gathers and nothing transposed; scalar passes then sum each row left to
 * right, four rows interleaved (one row's sum is a chain of latencies). The entropy's and KL's own log of a row
 * (ln S, resp. ln(Sq/S)) is a short series when its argument is within 2^-20 of 1 (normalised rows) and the same
 * vector log otherwise; JS takes a = p/Sp and b = q/Sq, so its sums come first. Blocks hold at most
 * {@value #BLOCK_ROWS} rows (fewer for long rows; a long row in chunks of {@value #BLOCK_ELEMENTS}), aligned with
 * the parts of a parallel call, so whether a row goes to the reference never depends on the thread count. A
 * block with a lane the vector log cannot take, a sign bit, or a row sum out of range goes to the reference loops
 * of {@link RowMath}, which also decide validity; so do all rows where the flat kernels do not run the vector log
 * ({@link #BLOCKS}). A row's value has the same bits on every JIT tier, every call and every thread count.
 */
final class SimdRowKernels {

    /**
     * Blocks of rows through {@link DoubleLog#loop} wherever the flat log kernels take it (not at two double lanes:
     * C2 on x86 compiles no 2-lane long masks, see {@link SimdKernels#SCALAR_DOUBLE_LANES}; not with the JDK's log).
     */
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
    /** Per-thread scratch (plain arrays: no vector is stored). */
    private static final class Scratch {
        /** A block's element logs, and a chunk copied to a length of a multiple of 8. */
        final double[] logs = new double[BLOCK_ELEMENTS];
        final double[] padP = new double[BLOCK_ELEMENTS];
        final double[] padQ = new double[BLOCK_ELEMENTS];
        /** JS: the q half's terms. */
        final double[] logsQ = new double[BLOCK_ELEMENTS];
        /** Per row of a block: S, Sq, T (JS: Ha), the row's own log argument (JS: Hb) and its log. */
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
        if (BLOCKS) {
            return blocked(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out, outOffset);
        }
        return reference(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out, outOffset);
    }

    /**
     * The measure in blocks of whole rows (see the class comment); a block the vector log or the row sums decline
     * goes to the reference whole.
     */
    private static double blocked(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                                  int qOffset, int rows, int classes, double scale, double[] out, int outOffset) {
        Scratch sc = SCRATCH.get();
        int blockRows = BLOCK_ROWS;
        while (blockRows > 1 && (long) blockRows * classes > BLOCK_ELEMENTS) {
            blockRows >>= 1;
        }
        double maxError = 0;
        for (int r = 0; r < rows; r += blockRows) {
            int n = Math.min(blockRows, rows - r);
            int skip = r * classes;
            double e = kind == JS
                    ? blockJs(pd, pf, pOffset + skip, qd, qf, qOffset + skip, n, classes, scale, out, outOffset + r, sc)
                    : block(kind == KL, pd, pf, pOffset + skip, qd, qf, qOffset + skip, n, classes, scale, out,
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
     * Entropy (KL) of one block of n rows from p[pb], q[qb]: the terms p·ln p (p·ln(p/q)) of its elements by
     * {@link DoubleLog#loop} (one flat pass per chunk of at most BLOCK_ELEMENTS; float input, or a chunk of a length
     * off a multiple of 8, is first copied to scratch as doubles, padded with ones), then per row, left to right,
     * S = Σ p, (KL: Sq = Σ q) and T = Σ terms ({@link #rowSums}); then the rows' own logs (see
     * {@link #NEAR_ONE}) and out = scale·(ln S − T/S), resp. scale·(T/S + ln(Sq/S)), negative results as 0.
     * Nothing is written to out unless the block is accepted. Returns max |S − 1| (and |Sq − 1|), or −1 to decline:
     * a lane the vector log cannot take under a positive weight, a sign bit set (−0.0 too: the reference takes it),
     * a row sum outside [TINY, HUGE] (Sq: [MIN_NORMAL, ∞)) or a ratio Sq/S off the normal range.
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
            rowSums(p, null, pAt, n, classes, rs); // the block's one chunk
            rowSums(logs, null, 0, n, classes, rt);
            if (kl) {
                rowSums(q, null, qAt, n, classes, rq);
            }
        }
        double[] arg = sc.rowArg, ln = sc.rowLn;
        boolean far = false;
        for (int i = 0; i < n; i++) {
            double s = rs[i];
            if (!(s >= RowMath.TINY && s <= RowMath.HUGE)) {
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
            // one class: the normalised row is {1}, its entropy and KL exactly 0 (the two parts only cancel)
            double v = classes == 1 ? 0.0 : kl ? rt[i] / rs[i] + ln[i] : ln[i] - rt[i] / rs[i];
            out[o + i] = (v < 0 ? 0.0 : v) * scale;
            e = Math.max(e, Math.abs(rs[i] - 1));
            if (kl) {
                e = Math.max(e, Math.abs(rq[i] - 1));
            }
        }
        return e;
    }

    /**
     * JS of one block of n rows: the row sums first (four rows interleaved), since the logs take a = p/Sp and
     * b = q/Sq (as a = p·(1/Sp): one division per row); then per chunk a and b into scratch, the terms
     * a·ln(2a/(a + b)) and b·ln(2b/(a + b)) by two flat passes of {@link DoubleLog#loop} (each with one division
     * per lane, as the flat JS kernel), their row sums Ha and Hb, and out = scale·min(max(0, (Ha + Hb)/2), ln 2).
     * Returns max |S − 1| over both sums, or −1 to decline as {@link #block} does (sums: Sp and Sq in
     * [MIN_NORMAL, ∞); a lane whose ratio is off the normal range under a positive weight, a sign bit).
     */
    private static double blockJs(double[] pd, float[] pf, int pb, double[] qd, float[] qf, int qb, int n,
                                  int classes, double scale, double[] out, int o, Scratch sc) {
        double[] rs = sc.rowS, rq = sc.rowQ, ha = sc.rowT, hb = sc.rowArg;
        rowSums(pd, pf, pb, n, classes, rs);
        rowSums(qd, qf, qb, n, classes, rq);
        for (int i = 0; i < n; i++) {
            if (!(rs[i] >= Double.MIN_NORMAL && rs[i] < INF && rq[i] >= Double.MIN_NORMAL && rq[i] < INF)) {
                return -1;
            }
            ha[i] = 0;
            hb[i] = 0;
        }
        double[] a = sc.padP, b = sc.padQ, ta = sc.logs, tb = sc.logsQ;
        int len = n * classes; // one chunk unless n == 1
        for (int c0 = 0; c0 < len; c0 += BLOCK_ELEMENTS) {
            int m = Math.min(BLOCK_ELEMENTS, len - c0);
            int first = c0 / classes, last = (c0 + m - 1) / classes;
            for (int i = first; i <= last; i++) {
                int from = Math.max(i * classes, c0), to = Math.min((i + 1) * classes, c0 + m);
                double ip = 1 / rs[i], iq = 1 / rq[i];
                for (int e = from; e < to; e++) {
                    a[e - c0] = (pd != null ? pd[pb + e] : pf[pb + e]) * ip;
                    b[e - c0] = (qd != null ? qd[qb + e] : qf[qb + e]) * iq;
                }
            }
            int m8 = (m + 7) & ~7;
            for (int e = m; e < m8; e++) {
                a[e] = 1;
                b[e] = 1;
            }
            if (!DoubleLog.loop(DoubleLog.ROW_JS, a, b, null, null, 0, m8, 0, 1.0, ta)
                    || !DoubleLog.loop(DoubleLog.ROW_JS_Q, a, b, null, null, 0, m8, 0, 1.0, tb)) {
                return -1;
            }
            if (n == 1) { // a chunk of one row
                double sa = ha[0], sb = hb[0];
                for (int e = 0; e < m; e++) {
                    sa += ta[e];
                    sb += tb[e];
                }
                ha[0] = sa;
                hb[0] = sb;
                continue;
            }
            rowSums(ta, null, 0, n, classes, ha); // the block's one chunk
            rowSums(tb, null, 0, n, classes, hb);
        }
        double e = 0;
        for (int i = 0; i < n; i++) {
            double v = Math.min(Math.max(0.0, 0.5 * (ha[i] + hb[i])), LN2);
            out[o + i] = v * scale;
            e = Math.max(e, Math.max(Math.abs(rs[i] - 1), Math.abs(rq[i] - 1)));
        }
        return e;
    }

    /**
     * The sums of n rows of {@code classes} entries of d (or f, widened) from {@code at}, each left to right, four
     * rows at a time (also the softmax cross-entropy's row sums, {@link SimdLossKernels}).
     */
    static void rowSums(double[] d, float[] f, int at, int n, int classes, double[] sums) {
        int i = 0;
        for (; i + 4 <= n; i += 4) { // four independent chains
            int e0 = at + i * classes, e1 = e0 + classes, e2 = e1 + classes, e3 = e2 + classes;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            if (d != null) {
                for (int c = 0; c < classes; c++) {
                    s0 += d[e0 + c];
                    s1 += d[e1 + c];
                    s2 += d[e2 + c];
                    s3 += d[e3 + c];
                }
            } else {
                for (int c = 0; c < classes; c++) {
                    s0 += f[e0 + c];
                    s1 += f[e1 + c];
                    s2 += f[e2 + c];
                    s3 += f[e3 + c];
                }
            }
            sums[i] = s0;
            sums[i + 1] = s1;
            sums[i + 2] = s2;
            sums[i + 3] = s3;
        }
        for (; i < n; i++) {
            int e0 = at + i * classes;
            double s = 0;
            for (int c = 0; c < classes; c++) {
                s += d != null ? d[e0 + c] : f[e0 + c];
            }
            sums[i] = s;
        }
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

    private static double reference(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf,
                                    int qOffset, int rows, int classes, double scale, double[] out, int outOffset) {
        return kind == ENTROPY ? RowMath.rowEntropy(pd, pf, pOffset, rows, classes, scale, out, outOffset)
                : RowMath.rowDivergence(kind == JS, pd, pf, pOffset, qd, qf, qOffset, rows, classes, scale, out,
                outOffset);
    }
}
