package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;
import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.LossMath;

/**
 * Vector loops of the softmax cross-entropy with class-index targets (the hot case: no label smoothing, no
 * gradient; weights and the ignore index are handled) and of the binary cross-entropies (from probabilities and
 * from logits, with per-element weights and outputs). Everything else — smoothing, gradients, probability
 * targets, log loss — runs the reference loops of {@link LossMath}.
 *
 * <p><b>Same bits on every JIT tier.</b> The exponentials and logs are {@link LaneMath}'s (IEEE operations only)
 * and every sum has a fixed order (vector accumulators added lane by lane, first to last), so a result does not
 * change when the interpreter's Vector-API fallback gives way to C1 or C2 code ({@code LossDeterminismTest}).
 * The loops work in per-thread L1 blocks: arguments are written to a scratch block, LaneMath maps it in place,
 * and a last pass combines — the price of keeping the math in array-to-array functions (see {@link SimdKernels}:
 * a method of ours that takes a vector boxes it when not inlined).
 *
 * <p><b>Shift by the target logit.</b> −ln softmax(z)_y = ln Σ_c exp(z_c − z_y) = log1p(S) with
 * S = Σ_{c ≠ y} exp(z_c − z_y): one pass, no row maximum, and as exact as the max-shifted form — S is a sum of
 * positive terms each within an ulp, and log1p keeps a small loss exact when the target dominates. The only
 * failure is overflow, exp(z_c − z_y) = ∞ when another logit exceeds the target's by more than 709: then S (or
 * a NaN from −∞ − (−∞), NaN and ±∞ logits) is not finite, and that block (or row) is recomputed by the
 * max-shifted reference loop of {@link LossMath}, which also decides validity. So the fast path only has to prove
 * "S finite for every contributing row".
 *
 * <p>Two shapes, in double for float input too:
 * <ul>
 *   <li><b>Few classes</b> (≤ {@value #SMALL_CLASSES}): a block of {@value #BLOCK_ROWS} rows is transposed
 *       (scalar, widening float, subtracting z_y) into a class-major scratch, so that one exp pass covers the
 *       whole block contiguously and each lane of the class sums holds one row; the log1p runs over the block's
 *       S values. Leftover rows (fewer than a block) go to {@link LossMath}.</li>
 *   <li><b>Many classes</b>: per row, z_c − z_y into a scratch row, exp in place, the target's own term set to 0,
 *       a fixed-order sum.</li>
 * </ul>
 */
final class SimdLossKernels {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    /** Float vectors of half the bit size: DL floats, widened to one double vector. */
    private static final VectorSpecies<Float> FH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

    /** Up to this many classes, rows go lane-wise through the transposed block. */
    static final int SMALL_CLASSES = 32;
    /** Rows per transposed block: a multiple of every lane count; BLOCK_ROWS × SMALL_CLASSES doubles = 16 kB. */
    static final int BLOCK_ROWS = 64;
    /** Elements per block of the binary losses. */
    static final int BINARY_BLOCK = 1024;

    /** Per-thread scratch, see {@link Scratch}. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread blocks (plain arrays: no vector is ever stored here). */
    private static final class Scratch {
        final double[] t = new double[BLOCK_ROWS * SMALL_CLASSES];
        final double[] s = new double[BLOCK_ROWS];
        final double[] wy = new double[BLOCK_ROWS];
        final int[] y = new int[BLOCK_ROWS];
        final double[] losses = new double[BLOCK_ROWS];
        final double[] a = new double[BINARY_BLOCK];
        final double[] b = new double[BINARY_BLOCK];
        double[] row = new double[256];

        double[] row(int n) {
            if (row.length < n) {
                row = new double[Math.max(n, 2 * row.length)];
            }
            return row;
        }
    }

    private SimdLossKernels() {
    }

    // ------------------------------------------------------------------------------------- softmax

    static double softmaxCrossEntropy(double[] zd, float[] zf, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] w, double[] outD, float[] outF,
                                      int rowOffset, double[] aux) {
        double sum = 0, sumC = 0, wSum = 0, count = 0;
        boolean valid = true;
        int done = 0;
        Scratch sc = SCRATCH.get();
        if (classes <= SMALL_CLASSES) {
            for (; done + BLOCK_ROWS <= rows; done += BLOCK_ROWS) {
                double l = Double.NaN;
                boolean fast = (zd != null
                        ? transpose(zd, null, offset + done * classes, classes, targets, targetOffset + done,
                        ignoreIndex, w, sc)
                        : transpose(null, zf, offset + done * classes, classes, targets, targetOffset + done,
                        ignoreIndex, w, sc))
                        && (l = blockLosses(sc, classes, aux)) == l;
                double bw, bc;
                if (fast) {
                    bw = aux[Kernels.LOSS_WEIGHT_SUM];
                    bc = aux[Kernels.LOSS_COUNT];
                    if (outD != null) {
                        System.arraycopy(sc.losses, 0, outD, rowOffset + done, BLOCK_ROWS);
                    } else if (outF != null) {
                        for (int j = 0; j < BLOCK_ROWS; j++) {
                            outF[rowOffset + done + j] = (float) sc.losses[j];
                        }
                    }
                } else {
                    // Overflow of the target shift, a non-finite logit or a bad target: the reference decides.
                    l = reference(zd, zf, offset, done, BLOCK_ROWS, classes, targets, targetOffset, ignoreIndex, w,
                            outD, outF, rowOffset, aux);
                    bw = aux[Kernels.LOSS_WEIGHT_SUM];
                    bc = aux[Kernels.LOSS_COUNT];
                }
                valid &= l == l;
                double u = sum + l;
                sumC += sumError(sum, l, u);
                sum = u;
                wSum += bw;
                count += bc;
            }
        } else {
            double[] row = sc.row(classes);
            for (; done < rows; done++) {
                int y = targets[targetOffset + done];
                if (y == ignoreIndex || y < 0 || y >= classes) {
                    valid &= y == ignoreIndex;
                    if (outD != null) {
                        outD[rowOffset + done] = 0;
                    } else if (outF != null) {
                        outF[rowOffset + done] = 0;
                    }
                    continue;
                }
                int base = offset + done * classes;
                double zy = zd != null ? zd[base + y] : zf[base + y];
                if (zd != null) {
                    for (int c = 0; c < classes; c++) {
                        row[c] = zd[base + c] - zy;
                    }
                } else {
                    for (int c = 0; c < classes; c++) {
                        row[c] = zf[base + c] - zy;
                    }
                }
                LaneMath.exp(row, 0, classes, row, 0);
                row[y] = 0;
                double shifted = LaneMath.sum(row, 0, classes);
                double wyv = w == null ? 1.0 : w[y];
                double loss;
                if (shifted < Double.POSITIVE_INFINITY && zy < Double.POSITIVE_INFINITY) {
                    loss = wyv > 0 ? wyv * Math.log1p(shifted) : 0.0;
                    if (outD != null) {
                        outD[rowOffset + done] = loss;
                    } else if (outF != null) {
                        outF[rowOffset + done] = (float) loss;
                    }
                } else {
                    loss = reference(zd, zf, offset, done, 1, classes, targets, targetOffset, ignoreIndex, w, outD,
                            outF, rowOffset, aux);
                    valid &= loss == loss;
                }
                double u = sum + loss;
                sumC += sumError(sum, loss, u);
                sum = u;
                wSum += wyv;
                count++;
            }
        }
        if (done < rows) {
            double l = reference(zd, zf, offset, done, rows - done, classes, targets, targetOffset, ignoreIndex, w,
                    outD, outF, rowOffset, aux);
            valid &= l == l;
            double u = sum + l;
            sumC += sumError(sum, l, u);
            sum = u;
            wSum += aux[Kernels.LOSS_WEIGHT_SUM];
            count += aux[Kernels.LOSS_COUNT];
        }
        aux[Kernels.LOSS_WEIGHT_SUM] = wSum;
        aux[Kernels.LOSS_COUNT] = count;
        return valid ? compensated(sum, sumC) : Double.NaN;
    }

    /** The reference loop on rows [r0, r0 + n); writes weight sum and count to aux. */
    private static double reference(double[] zd, float[] zf, int offset, int r0, int n, int classes, int[] targets,
                                    int targetOffset, int ignoreIndex, double[] w, double[] outD, float[] outF,
                                    int rowOffset, double[] aux) {
        return zd != null
                ? LossMath.softmaxCrossEntropy(zd, offset + r0 * classes, n, classes, targets, targetOffset + r0,
                ignoreIndex, w, 0.0, outD, rowOffset + r0, null, 0, 1.0, aux)
                : LossMath.softmaxCrossEntropy(zf, offset + r0 * classes, n, classes, targets, targetOffset + r0,
                ignoreIndex, w, 0.0, outF, rowOffset + r0, null, 0, 1.0, aux);
    }

    /**
     * Transposes BLOCK_ROWS rows into t[c·BLOCK_ROWS + j] = z_c − z_y, with w[y] (−1: ignored row, whose shifted
     * values are z_c and are never used) and y. Returns false if a target is out of range or a target logit is
     * NaN or +∞ (which the shift would hide).
     */
    private static boolean transpose(double[] zd, float[] zf, int base, int classes, int[] targets, int tOff,
                                     int ignoreIndex, double[] w, Scratch sc) {
        double[] t = sc.t;
        boolean ok = true;
        for (int j = 0; j < BLOCK_ROWS; j++) {
            int rb = base + j * classes;
            int y = targets[tOff + j];
            double zy = 0;
            if (y >= 0 && y < classes && y != ignoreIndex) {
                zy = zd != null ? zd[rb + y] : zf[rb + y];
                ok &= zy < Double.POSITIVE_INFINITY;
                sc.wy[j] = w == null ? 1.0 : w[y];
                sc.y[j] = y;
            } else {
                ok &= y == ignoreIndex;
                sc.wy[j] = -1;
                sc.y[j] = -1;
            }
            if (zd != null) {
                for (int c = 0; c < classes; c++) {
                    t[c * BLOCK_ROWS + j] = zd[rb + c] - zy;
                }
            } else {
                for (int c = 0; c < classes; c++) {
                    t[c * BLOCK_ROWS + j] = zf[rb + c] - zy;
                }
            }
        }
        return ok;
    }

    /**
     * The transposed block's weighted row losses w[y]·log1p(S) into sc.losses (0 for ignored rows and zero
     * weights), their sum returned and the weight sum and count written to aux; NaN if a contributing row's S
     * is not finite (the caller then runs the reference).
     */
    private static double blockLosses(Scratch sc, int classes, double[] aux) {
        double[] t = sc.t, s = sc.s;
        LaneMath.exp(t, 0, classes * BLOCK_ROWS, t, 0);
        for (int j = 0; j < BLOCK_ROWS; j++) {
            if (sc.y[j] >= 0) {
                t[sc.y[j] * BLOCK_ROWS + j] = 0; // exp(z_y − z_y) is not part of S
            }
        }
        classSums(t, classes, s);
        for (int j = 0; j < BLOCK_ROWS; j++) {
            if (sc.wy[j] >= 0 && !(s[j] < Double.POSITIVE_INFINITY)) {
                return Double.NaN;
            }
        }
        LaneMath.log1p(s, 0, BLOCK_ROWS, sc.losses, 0);
        double sum = 0, wSum = 0, count = 0;
        for (int j = 0; j < BLOCK_ROWS; j++) {
            double wj = sc.wy[j];
            double l = wj > 0 ? wj * sc.losses[j] : 0.0;
            sc.losses[j] = l;
            sum += l;
            if (wj >= 0) {
                wSum += wj;
                count++;
            }
        }
        aux[Kernels.LOSS_WEIGHT_SUM] = wSum;
        aux[Kernels.LOSS_COUNT] = count;
        return sum;
    }

    /**
     * s[j] = Σ_c t[c·BLOCK_ROWS + j], classes in order. A method of its own: inlined into blockLosses next to
     * LaneMath's loops, this vector loop went past C2's inlining budget and boxed (18 MB per call at 1e4 × 10).
     */
    private static void classSums(double[] t, int classes, double[] s) {
        for (int j = 0; j < BLOCK_ROWS; j += DL) {
            DoubleVector acc = DoubleVector.fromArray(D, t, j);
            for (int c = 1; c < classes; c++) {
                acc = acc.add(DoubleVector.fromArray(D, t, c * BLOCK_ROWS + j));
            }
            acc.intoArray(s, j);
        }
    }

    // ------------------------------------------------------------------------------------------ binary losses
    // Blocks of BINARY_BLOCK elements: pass 1 (vector) checks the block and writes the log arguments to two
    // scratch arrays, pass 2 maps them with LaneMath, pass 3 (vector) combines them into the weighted terms,
    // written to the output if there is one and summed in a fixed order. The tail of fewer than a vector is
    // scalar (LossMath's terms). Terms with a zero factor are masked out (0·ln 0 and 0·∞ never reach a sum).

    /**
     * Binary cross-entropy from probabilities ({@code logits == false}: second = p, clipped to [eps, 1 − eps]
     * when eps &gt; 0) or from logits (second = x, weight {@code c} = posWeight on the positive term), double
     * ({@code yd, sd, wd, outD}) or float ({@code yf, sf, wf, outF}) input, weights optional. Writes Σ weights
     * and n to aux. NaN if an element or weight is invalid.
     */
    static double binary(boolean logits, double[] yd, float[] yf, int yo, double[] sd, float[] sf, int so,
                         double[] wd, float[] wf, int wo, int n, double c, double[] outD, float[] outF, int oo,
                         double[] aux) {
        boolean wide = yf != null;
        boolean weighted = wd != null || wf != null;
        Scratch sc = SCRATCH.get();
        double sum = 0, sumC = 0, wSum = 0;
        int vecEnd = n / DL * DL;
        for (int from = 0; from < vecEnd; from += BINARY_BLOCK) {
            int to = Math.min(vecEnd, from + BINARY_BLOCK);
            if (!arguments(logits, wide, yd, yf, yo, sd, sf, so, from, to, c, sc)) {
                return Double.NaN;
            }
            int len = to - from;
            if (logits) {
                LaneMath.exp(sc.a, 0, len, sc.a, 0);
                LaneMath.log1p(sc.a, 0, len, sc.a, 0);
            } else {
                LaneMath.log(sc.a, 0, len, sc.a, 0);
                LaneMath.log1p(sc.b, 0, len, sc.b, 0);
            }
            double blockW = combine(logits, wide, yd, yf, yo, sd, sf, so, wd, wf, wo, from, to, c, sc);
            if (blockW != blockW) {
                return Double.NaN;
            }
            double b = LaneMath.sum(sc.a, 0, len);
            if (outD != null) {
                System.arraycopy(sc.a, 0, outD, oo + from, len);
            } else if (outF != null) {
                for (int i = 0; i < len; i++) {
                    outF[oo + from + i] = (float) sc.a[i];
                }
            }
            double u = sum + b;
            sumC += sumError(sum, b, u);
            sum = u;
            wSum += blockW;
        }
        for (int i = vecEnd; i < n; i++) {
            double yy = wide ? yf[yo + i] : yd[yo + i];
            double xx = wide ? sf[so + i] : sd[so + i];
            double ww = !weighted ? 1.0 : wide ? wf[wo + i] : wd[wo + i];
            if (!(yy >= 0 && yy <= 1 && (logits ? xx == xx : xx >= 0 && xx <= 1)
                    && ww >= 0 && ww < Double.POSITIVE_INFINITY)) {
                return Double.NaN;
            }
            double l = logits ? LossMath.bceLogitsTerm(yy, xx, c) : LossMath.bceTerm(yy, xx, c);
            l = ww > 0 ? ww * l : 0.0;
            if (outD != null) {
                outD[oo + i] = l;
            } else if (outF != null) {
                outF[oo + i] = (float) l;
            }
            double u = sum + l;
            sumC += sumError(sum, l, u);
            sum = u;
            wSum += ww;
        }
        aux[Kernels.LOSS_WEIGHT_SUM] = weighted ? wSum : n;
        aux[Kernels.LOSS_COUNT] = n;
        return compensated(sum, sumC);
    }

    /**
     * Pass 1: false if a target or second input in [from, to) is invalid; else the log arguments at block index
     * i − from: a = p (clipped) and b = −p, or a = −|x|.
     */
    private static boolean arguments(boolean logits, boolean wide, double[] yd, float[] yf, int yo, double[] sd,
                                     float[] sf, int so, int from, int to, double eps, Scratch sc) {
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector lo = DoubleVector.broadcast(D, eps);
        DoubleVector hi = DoubleVector.broadcast(D, 1 - eps);
        DoubleVector bad = DoubleVector.zero(D); // count of invalid lanes (a loop-carried mask would box)
        for (int i = from; i < to; i += DL) {
            DoubleVector yv = wide ? (DoubleVector) FloatVector.fromArray(FH, yf, yo + i).convertShape(F2D, D, 0)
                    : DoubleVector.fromArray(D, yd, yo + i);
            DoubleVector v = wide ? (DoubleVector) FloatVector.fromArray(FH, sf, so + i).convertShape(F2D, D, 0)
                    : DoubleVector.fromArray(D, sd, so + i);
            VectorMask<Double> ok = yv.compare(GE, 0.0).and(yv.compare(LE, 1.0));
            if (logits) {
                ok = ok.and(v.compare(jdk.incubator.vector.VectorOperators.EQ, v));
                v.abs().neg().intoArray(sc.a, i - from);
            } else {
                ok = ok.and(v.compare(GE, 0.0)).and(v.compare(LE, 1.0));
                if (eps > 0) {
                    v = v.blend(lo, v.compare(LT, lo)).blend(hi, v.compare(GT, hi));
                }
                v.intoArray(sc.a, i - from);
                v.neg().intoArray(sc.b, i - from);
            }
            bad = bad.add(one, ok.not());
        }
        for (int j = 0; j < DL; j++) {
            if (bad.lane(j) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Pass 3: the weighted terms into sc.a (from a = ln p, b = log1p(−p), or a = log1p(e^−|x|)); returns the
     * block's weight sum, NaN if a weight is negative, NaN or infinite.
     */
    private static double combine(boolean logits, boolean wide, double[] yd, float[] yf, int yo, double[] sd,
                                  float[] sf, int so, double[] wd, float[] wf, int wo, int from, int to, double c,
                                  Scratch sc) {
        boolean weighted = wd != null || wf != null;
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector pw = DoubleVector.broadcast(D, c);
        DoubleVector ws = zero, bad = zero;
        for (int i = from; i < to; i += DL) {
            int k = i - from;
            DoubleVector yv = wide ? (DoubleVector) FloatVector.fromArray(FH, yf, yo + i).convertShape(F2D, D, 0)
                    : DoubleVector.fromArray(D, yd, yo + i);
            DoubleVector a = DoubleVector.fromArray(D, sc.a, k);
            DoubleVector term;
            if (logits) {
                DoubleVector x = wide ? (DoubleVector) FloatVector.fromArray(FH, sf, so + i).convertShape(F2D, D, 0)
                        : DoubleVector.fromArray(D, sd, so + i);
                VectorMask<Double> pos = x.compare(GT, 0.0);
                DoubleVector spPos = a.add(x, pos);         // softplus(x)
                DoubleVector spNeg = a.sub(x, pos.not());   // softplus(−x)
                DoubleVector py = pw.mul(yv);
                term = zero.add(py.mul(spNeg), py.compare(GT, 0.0))
                        .add(one.sub(yv).mul(spPos), yv.compare(LT, 1.0));
            } else {
                DoubleVector b = DoubleVector.fromArray(D, sc.b, k);
                term = zero.sub(yv.mul(a), yv.compare(GT, 0.0)).sub(one.sub(yv).mul(b), yv.compare(LT, 1.0));
            }
            if (weighted) {
                DoubleVector w = wide ? (DoubleVector) FloatVector.fromArray(FH, wf, wo + i).convertShape(F2D, D, 0)
                        : DoubleVector.fromArray(D, wd, wo + i);
                bad = bad.add(one, w.compare(GE, 0.0).and(w.compare(LT, Double.POSITIVE_INFINITY)).not());
                term = zero.blend(term.mul(w), w.compare(GT, 0.0));
                ws = ws.add(w);
            }
            term.intoArray(sc.a, k);
        }
        if (!weighted) {
            return to - from;
        }
        double total = 0;
        for (int j = 0; j < DL; j++) {
            if (bad.lane(j) > 0) {
                return Double.NaN;
            }
            total += ws.lane(j);
        }
        return total;
    }
}
