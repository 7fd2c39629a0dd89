package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.LossMath;

/**
 * Vector loops of the softmax cross-entropy with class-index targets (the hot case: no label smoothing, no
 * gradient; weights and the ignore index are handled) and of the binary cross-entropy sums (from probabilities
 * and from logits, without per-element output; see the section at the end). Everything else — smoothing,
 * gradients, probability targets, per-element outputs of the binary losses, log loss — runs the reference loops
 * of {@link LossMath}.
 *
 * <p><b>Shift by the target logit.</b> −ln softmax(z)_y = ln Σ_c exp(z_c − z_y) = log1p(S) with
 * S = Σ_{c ≠ y} exp(z_c − z_y): one pass, no row maximum, and as exact as the max-shifted form — S is a sum of
 * positive terms each within an ulp or two, and log1p keeps a small loss exact when the target dominates
 * (x/((1+x)·log1p x) ≤ 1, so a relative error δ of S moves the loss by at most δ relatively). The only failure
 * is overflow, exp(z_c − z_y) = ∞ when another logit exceeds the target's by more than 709: then S (or a NaN
 * from −∞ − (−∞), NaN and ±∞ logits) is not finite, and that block (or row) is recomputed by the max-shifted
 * reference loop of {@link LossMath}, which also decides validity and names nothing itself. So the fast path
 * only has to prove "S finite for every contributing row".
 *
 * <p>Two shapes, in double for float input too:
 * <ul>
 *   <li><b>Few classes</b> (≤ {@value #SMALL_CLASSES}): per-row vectors would waste lanes and spend their
 *       time in horizontal reductions. A block of {@value #BLOCK_ROWS} rows is transposed (scalar, widening
 *       float) into a per-thread class-major scratch, so that each lane holds one row: the shifted exp sum, the
 *       log1p and the loss are lane-wise over contiguous loads with no reduction per row. Leftover rows (fewer
 *       than a block) go to {@link LossMath}. Tried and not kept (C = 10, loaded 2-core AVX-512 machine, min of
 *       interleaved runs in separate JVMs): gathering each class's logits of DL rows with
 *       {@code fromArray(D, z, base, rowIndex, 0)} instead of transposing (with the same one-accumulator loop it
 *       only matched the old two-accumulator transposed loop, so ~15% slower than this one; one 16-float gather
 *       for two double vectors was slower still), our
 *       {@link DoubleExp} polynomial fused into {@link #blockLanes} (no faster than the JDK exp, with the
 *       16-entry table or an 8-entry one), and JDK LOG plus a first-order correction instead of LOG1P (equal).
 *       Rough split by removing pieces (in-cache, noisy): transposition ~0.6–0.8 ns/logit, exp ~0.7, the
 *       rest ~0.4.</li>
 *   <li><b>Many classes</b>: per row, one vector exp-sum loop over the classes before and after the target's
 *       vector, the target's own vector handled in scalar code, reduced once per row.</li>
 * </ul>
 * The exponential and log1p are the JDK's {@code lanewise(EXP)}/{@code lanewise(LOG1P)} (SVML-backed on x64),
 * named once below ({@link #EXP}, {@link #LOG1P}) so that our own vector exp/log can replace them in one place.
 *
 * <p>Same rule as {@link SimdKernels}: no method here takes or returns a vector.
 */
final class SimdLossKernels {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();

    /** The vector exponential used by every loop here (swap point for our own implementation). */
    private static final VectorOperators.Unary EXP = VectorOperators.EXP;
    /** The vector log1p used by every loop here (swap point for our own implementation). */
    private static final VectorOperators.Unary LOG1P = VectorOperators.LOG1P;

    /** Up to this many classes, rows go lane-wise through the transposed block. */
    static final int SMALL_CLASSES = 32;
    /** Rows per transposed block: a multiple of every lane count; BLOCK_ROWS × SMALL_CLASSES doubles = 16 kB. */
    static final int BLOCK_ROWS = 64;

    /** Per-thread scratch: [0] transposed logits, [1] z_y, [2] w[y] (−1: not contributing), [3] y, [4] losses. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {
            new double[BLOCK_ROWS * SMALL_CLASSES], new double[BLOCK_ROWS], new double[BLOCK_ROWS],
            new double[BLOCK_ROWS], new double[BLOCK_ROWS]});

    /** Indices into the out[] of {@link #blockLanes}: loss sum, weight sum, count, Σ S (finite iff all are). */
    private static final int B_SUM = 0;
    private static final int B_W = 1;
    private static final int B_COUNT = 2;
    private static final int B_CHECK = 3;

    private SimdLossKernels() {
    }

    static double softmaxCrossEntropy(double[] zd, float[] zf, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] w, double[] outD, float[] outF,
                                      int rowOffset, double[] aux) {
        double sum = 0, sumC = 0, wSum = 0, count = 0;
        boolean valid = true;
        int done = 0;
        if (classes <= SMALL_CLASSES) {
            double[][] s = SCRATCH.get();
            double[] t = s[0], zy = s[1], wy = s[2], yd = s[3], losses = s[4];
            for (; done + BLOCK_ROWS <= rows; done += BLOCK_ROWS) {
                boolean targetsOk = zd != null
                        ? transpose(zd, offset + done * classes, classes, targets, targetOffset + done, ignoreIndex,
                        w, t, zy, wy, yd)
                        : transpose(zf, offset + done * classes, classes, targets, targetOffset + done, ignoreIndex,
                        w, t, zy, wy, yd);
                double l;
                double bw, bc;
                if (targetsOk) {
                    blockLanes(t, classes, zy, wy, yd, losses, aux);
                }
                if (targetsOk && Math.abs(aux[B_CHECK]) < Double.POSITIVE_INFINITY) {
                    l = aux[B_SUM];
                    bw = aux[B_W];
                    bc = aux[B_COUNT];
                    if (outD != null) {
                        System.arraycopy(losses, 0, outD, rowOffset + done, BLOCK_ROWS);
                    } else if (outF != null) {
                        for (int j = 0; j < BLOCK_ROWS; j++) {
                            outF[rowOffset + done + j] = (float) losses[j];
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
                // A target logit of +∞ gives S = Σ exp(z_c − ∞) = 0, a silent loss of 0: the reference rejects it.
                double shifted = !((zd != null ? zd[base + y] : zf[base + y]) < Double.POSITIVE_INFINITY)
                        ? Double.POSITIVE_INFINITY
                        : zd != null ? targetShiftedSum(zd, base, classes, y) : targetShiftedSum(zf, base, classes, y);
                double wyv = w == null ? 1.0 : w[y];
                double loss;
                if (shifted < Double.POSITIVE_INFINITY) {
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

    // ------------------------------------------------------------------------------------- few classes

    /**
     * Transposes BLOCK_ROWS rows into t[c·BLOCK_ROWS + j] and gathers z_y, w[y] (−1 for ignored rows, whose
     * logits are copied but masked out later) and y. Returns false if a target is out of range or its logit is
     * +∞ (the reference then decides, and rejects it).
     */
    private static boolean transpose(double[] z, int base, int classes, int[] targets, int tOff, int ignoreIndex,
                                     double[] w, double[] t, double[] zy, double[] wy, double[] yd) {
        boolean ok = true;
        for (int j = 0; j < BLOCK_ROWS; j++) {
            int rb = base + j * classes;
            for (int c = 0; c < classes; c++) {
                t[c * BLOCK_ROWS + j] = z[rb + c];
            }
            int y = targets[tOff + j];
            if (y >= 0 && y < classes && y != ignoreIndex) {
                zy[j] = z[rb + y];
                ok &= zy[j] < Double.POSITIVE_INFINITY; // S = Σ exp(z_c − ∞) = 0 would hide it: the reference rejects
                wy[j] = w == null ? 1.0 : w[y];
                yd[j] = y;
            } else {
                ok &= y == ignoreIndex;
                zy[j] = 0;
                wy[j] = -1;
                yd[j] = -1;
            }
        }
        return ok;
    }

    private static boolean transpose(float[] z, int base, int classes, int[] targets, int tOff, int ignoreIndex,
                                     double[] w, double[] t, double[] zy, double[] wy, double[] yd) {
        boolean ok = true;
        for (int j = 0; j < BLOCK_ROWS; j++) {
            int rb = base + j * classes;
            for (int c = 0; c < classes; c++) {
                t[c * BLOCK_ROWS + j] = z[rb + c];
            }
            int y = targets[tOff + j];
            if (y >= 0 && y < classes && y != ignoreIndex) {
                zy[j] = z[rb + y];
                ok &= zy[j] < Double.POSITIVE_INFINITY; // S = Σ exp(z_c − ∞) = 0 would hide it: the reference rejects
                wy[j] = w == null ? 1.0 : w[y];
                yd[j] = y;
            } else {
                ok &= y == ignoreIndex;
                zy[j] = 0;
                wy[j] = -1;
                yd[j] = -1;
            }
        }
        return ok;
    }

    /**
     * One transposed block, lane = row: S = Σ_{c ≠ y} exp(z_c − z_y), loss = w[y]·log1p(S). Writes the weighted
     * row losses to {@code losses} and the block's loss sum, weight sum, count and Σ S over the contributing
     * lanes (not finite if any S is not) to {@code out}.
     */
    private static void blockLanes(double[] t, int classes, double[] zy, double[] wy, double[] yd,
                                   double[] losses, double[] out) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector sum = zero, wsum = zero, cnt = zero, check = zero;
        for (int j = 0; j < BLOCK_ROWS; j += DL) {
            DoubleVector shift = DoubleVector.fromArray(D, zy, j);
            DoubleVector y = DoubleVector.fromArray(D, yd, j);
            // One accumulator and one exp per iteration: the 2-way unrolled form (two accumulators) measured
            // 15–25% slower at C = 10 (interleaved A/B in separate JVMs, 1e4 and 1e6 rows, double and float).
            DoubleVector s = zero;
            for (int c = 0; c < classes; c++) {
                DoubleVector e = DoubleVector.fromArray(D, t, c * BLOCK_ROWS + j).sub(shift).lanewise(EXP);
                s = s.add(e, y.compare(EQ, (double) c).not());
            }
            DoubleVector wv = DoubleVector.fromArray(D, wy, j);
            VectorMask<Double> active = wv.compare(GE, 0.0);
            DoubleVector loss = zero.blend(s.lanewise(LOG1P).mul(wv), wv.compare(GT, 0.0));
            loss.intoArray(losses, j);
            sum = sum.add(loss);
            wsum = wsum.add(wv, active);
            cnt = cnt.add(one, active);
            check = check.add(s, active);
        }
        out[B_SUM] = sum.reduceLanes(ADD);
        out[B_W] = wsum.reduceLanes(ADD);
        out[B_COUNT] = cnt.reduceLanes(ADD);
        out[B_CHECK] = check.reduceLanes(ADD);
    }

    // ------------------------------------------------------------------------------------- many classes

    /** Σ_{c ≠ y} exp(z_c − z_y) over the row: vector loops around the target's vector, which is scalar. */
    private static double targetShiftedSum(double[] z, int base, int classes, int y) {
        double zy = z[base + y];
        int yFrom = y / DL * DL;
        int yTo = Math.min(classes, yFrom + DL);
        double s = expSum(z, base, 0, yFrom, zy) + expSum(z, base, yTo, classes, zy);
        for (int c = yFrom; c < yTo; c++) {
            if (c != y) {
                s += Math.exp(z[base + c] - zy);
            }
        }
        return s;
    }

    private static double targetShiftedSum(float[] z, int base, int classes, int y) {
        double zy = z[base + y];
        int yFrom = y / FL * FL;
        int yTo = Math.min(classes, yFrom + FL);
        double s = expSum(z, base, 0, yFrom, zy) + expSum(z, base, yTo, classes, zy);
        for (int c = yFrom; c < yTo; c++) {
            if (c != y) {
                s += Math.exp(z[base + c] - zy);
            }
        }
        return s;
    }

    /** Σ exp(z_c − shift) for c in [from, to): vector loop, scalar tail. */
    private static double expSum(double[] z, int base, int from, int to, double shift) {
        DoubleVector sv = DoubleVector.broadcast(D, shift);
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
        int c = from;
        for (; c <= to - 2 * DL; c += 2 * DL) {
            s0 = s0.add(DoubleVector.fromArray(D, z, base + c).sub(sv).lanewise(EXP));
            s1 = s1.add(DoubleVector.fromArray(D, z, base + c + DL).sub(sv).lanewise(EXP));
        }
        if (c <= to - DL) {
            s0 = s0.add(DoubleVector.fromArray(D, z, base + c).sub(sv).lanewise(EXP));
            c += DL;
        }
        double s = s0.add(s1).reduceLanes(ADD);
        for (; c < to; c++) {
            s += Math.exp(z[base + c] - shift);
        }
        return s;
    }

    private static double expSum(float[] z, int base, int from, int to, double shift) {
        DoubleVector sv = DoubleVector.broadcast(D, shift);
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
        int c = from;
        for (; c <= to - FL; c += FL) {
            FloatVector x = FloatVector.fromArray(F, z, base + c);
            s0 = s0.add(((DoubleVector) x.convert(F2D, 0)).sub(sv).lanewise(EXP));
            s1 = s1.add(((DoubleVector) x.convert(F2D, 1)).sub(sv).lanewise(EXP));
        }
        double s = s0.add(s1).reduceLanes(ADD);
        for (; c < to; c++) {
            s += Math.exp(z[base + c] - shift);
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------ binary losses
    // Sums only (per-element outputs go to LossMath). Blocks of BINARY_BLOCK elements with vector accumulators,
    // reduced once per block and added into a compensated total; the tail is scalar (LossMath's terms).
    // Terms with a zero factor are masked out of the sum (0·ln 0 and 0·∞ never reach it); validity is an OR of
    // "outside [0, 1]" masks (false for NaN compares too), checked once per block.

    static final int BINARY_BLOCK = 1024;
    private static final VectorOperators.Unary LOG = VectorOperators.LOG;

    static double binaryCrossEntropy(double[] y, int yo, double[] p, int po, int n, double eps) {
        double sum = 0, sumC = 0;
        int vecEnd = n / DL * DL;
        for (int from = 0; from < vecEnd; from += BINARY_BLOCK) {
            double b = bceBlock(y, yo, p, po, from, Math.min(vecEnd, from + BINARY_BLOCK), eps);
            if (b != b) {
                return Double.NaN;
            }
            double u = sum + b;
            sumC += sumError(sum, b, u);
            sum = u;
        }
        for (int i = vecEnd; i < n; i++) {
            double yy = y[yo + i], pp = p[po + i];
            if (!(yy >= 0 && yy <= 1 && pp >= 0 && pp <= 1)) {
                return Double.NaN;
            }
            double l = LossMath.bceTerm(yy, pp, eps);
            double u = sum + l;
            sumC += sumError(sum, l, u);
            sum = u;
        }
        return compensated(sum, sumC);
    }

    private static double bceBlock(double[] y, int yo, double[] p, int po, int from, int to, double eps) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector lo = DoubleVector.broadcast(D, eps);
        DoubleVector hi = DoubleVector.broadcast(D, 1 - eps);
        DoubleVector s = zero;
        DoubleVector bad = zero; // count of invalid lanes (a loop-carried mask would box)
        for (int i = from; i < to; i += DL) {
            DoubleVector yv = DoubleVector.fromArray(D, y, yo + i);
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            bad = bad.add(one, yv.compare(GE, 0.0).and(yv.compare(VectorOperators.LE, 1.0))
                    .and(pv.compare(GE, 0.0)).and(pv.compare(VectorOperators.LE, 1.0)).not());
            if (eps > 0) {
                pv = pv.blend(lo, pv.compare(VectorOperators.LT, lo)).blend(hi, pv.compare(GT, hi));
            }
            DoubleVector a = yv.mul(pv.lanewise(LOG));
            DoubleVector b = one.sub(yv).mul(pv.neg().lanewise(LOG1P));
            s = s.sub(a, yv.compare(GT, 0.0)).sub(b, yv.compare(VectorOperators.LT, 1.0));
        }
        return bad.reduceLanes(ADD) > 0 ? Double.NaN : s.reduceLanes(ADD);
    }

    static double binaryCrossEntropy(float[] y, int yo, float[] p, int po, int n, double eps) {
        double sum = 0, sumC = 0;
        int vecEnd = n / FL * FL;
        for (int from = 0; from < vecEnd; from += BINARY_BLOCK) {
            double b = bceBlock(y, yo, p, po, from, Math.min(vecEnd, from + BINARY_BLOCK), eps);
            if (b != b) {
                return Double.NaN;
            }
            double u = sum + b;
            sumC += sumError(sum, b, u);
            sum = u;
        }
        for (int i = vecEnd; i < n; i++) {
            double yy = y[yo + i], pp = p[po + i];
            if (!(yy >= 0 && yy <= 1 && pp >= 0 && pp <= 1)) {
                return Double.NaN;
            }
            double l = LossMath.bceTerm(yy, pp, eps);
            double u = sum + l;
            sumC += sumError(sum, l, u);
            sum = u;
        }
        return compensated(sum, sumC);
    }

    private static double bceBlock(float[] y, int yo, float[] p, int po, int from, int to, double eps) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector lo = DoubleVector.broadcast(D, eps);
        DoubleVector hi = DoubleVector.broadcast(D, 1 - eps);
        DoubleVector s = zero;
        DoubleVector bad = zero; // count of invalid lanes (a loop-carried mask would box)
        for (int i = from; i < to; i += FL) {
            FloatVector yf = FloatVector.fromArray(F, y, yo + i);
            FloatVector pf = FloatVector.fromArray(F, p, po + i);
            for (int part = 0; part < 2; part++) {
                DoubleVector yv = (DoubleVector) yf.convert(F2D, part);
                DoubleVector pv = (DoubleVector) pf.convert(F2D, part);
                bad = bad.add(one, yv.compare(GE, 0.0).and(yv.compare(VectorOperators.LE, 1.0))
                        .and(pv.compare(GE, 0.0)).and(pv.compare(VectorOperators.LE, 1.0)).not());
                if (eps > 0) {
                    pv = pv.blend(lo, pv.compare(VectorOperators.LT, lo)).blend(hi, pv.compare(GT, hi));
                }
                DoubleVector a = yv.mul(pv.lanewise(LOG));
                DoubleVector b = one.sub(yv).mul(pv.neg().lanewise(LOG1P));
                s = s.sub(a, yv.compare(GT, 0.0)).sub(b, yv.compare(VectorOperators.LT, 1.0));
            }
        }
        return bad.reduceLanes(ADD) > 0 ? Double.NaN : s.reduceLanes(ADD);
    }

    static double binaryCrossEntropyWithLogits(double[] y, int yo, double[] x, int xo, int n, double posWeight) {
        double sum = 0, sumC = 0;
        int vecEnd = n / DL * DL;
        for (int from = 0; from < vecEnd; from += BINARY_BLOCK) {
            double b = bcelBlock(y, yo, x, xo, from, Math.min(vecEnd, from + BINARY_BLOCK), posWeight);
            if (b != b) {
                return Double.NaN;
            }
            double u = sum + b;
            sumC += sumError(sum, b, u);
            sum = u;
        }
        for (int i = vecEnd; i < n; i++) {
            double yy = y[yo + i], xx = x[xo + i];
            if (!(yy >= 0 && yy <= 1 && xx == xx)) {
                return Double.NaN;
            }
            double l = LossMath.bceLogitsTerm(yy, xx, posWeight);
            double u = sum + l;
            sumC += sumError(sum, l, u);
            sum = u;
        }
        return compensated(sum, sumC);
    }

    /** posWeight·y·softplus(−x) + (1 − y)·softplus(x) with softplus(±x) = max(±x, 0) + log1p(exp(−|x|)). */
    private static double bcelBlock(double[] y, int yo, double[] x, int xo, int from, int to, double posWeight) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector pw = DoubleVector.broadcast(D, posWeight);
        DoubleVector s = zero;
        DoubleVector bad = zero; // count of invalid lanes (a loop-carried mask would box)
        for (int i = from; i < to; i += DL) {
            DoubleVector yv = DoubleVector.fromArray(D, y, yo + i);
            DoubleVector xv = DoubleVector.fromArray(D, x, xo + i);
            bad = bad.add(one, yv.compare(GE, 0.0).and(yv.compare(VectorOperators.LE, 1.0))
                    .and(xv.compare(EQ, xv)).not());
            DoubleVector l = xv.abs().neg().lanewise(EXP).lanewise(LOG1P);
            VectorMask<Double> pos = xv.compare(GT, 0.0);
            DoubleVector spPos = l.add(xv, pos);            // softplus(x)
            DoubleVector spNeg = l.sub(xv, pos.not());      // softplus(−x)
            DoubleVector py = pw.mul(yv);
            s = s.add(py.mul(spNeg), py.compare(GT, 0.0)).add(one.sub(yv).mul(spPos), yv.compare(VectorOperators.LT, 1.0));
        }
        return bad.reduceLanes(ADD) > 0 ? Double.NaN : s.reduceLanes(ADD);
    }

    static double binaryCrossEntropyWithLogits(float[] y, int yo, float[] x, int xo, int n, double posWeight) {
        double sum = 0, sumC = 0;
        int vecEnd = n / FL * FL;
        for (int from = 0; from < vecEnd; from += BINARY_BLOCK) {
            double b = bcelBlock(y, yo, x, xo, from, Math.min(vecEnd, from + BINARY_BLOCK), posWeight);
            if (b != b) {
                return Double.NaN;
            }
            double u = sum + b;
            sumC += sumError(sum, b, u);
            sum = u;
        }
        for (int i = vecEnd; i < n; i++) {
            double yy = y[yo + i], xx = x[xo + i];
            if (!(yy >= 0 && yy <= 1 && xx == xx)) {
                return Double.NaN;
            }
            double l = LossMath.bceLogitsTerm(yy, xx, posWeight);
            double u = sum + l;
            sumC += sumError(sum, l, u);
            sum = u;
        }
        return compensated(sum, sumC);
    }

    private static double bcelBlock(float[] y, int yo, float[] x, int xo, int from, int to, double posWeight) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector pw = DoubleVector.broadcast(D, posWeight);
        DoubleVector s = zero;
        DoubleVector bad = zero; // count of invalid lanes (a loop-carried mask would box)
        for (int i = from; i < to; i += FL) {
            FloatVector yf = FloatVector.fromArray(F, y, yo + i);
            FloatVector xf = FloatVector.fromArray(F, x, xo + i);
            for (int part = 0; part < 2; part++) {
                DoubleVector yv = (DoubleVector) yf.convert(F2D, part);
                DoubleVector xv = (DoubleVector) xf.convert(F2D, part);
                bad = bad.add(one, yv.compare(GE, 0.0).and(yv.compare(VectorOperators.LE, 1.0))
                        .and(xv.compare(EQ, xv)).not());
                DoubleVector l = xv.abs().neg().lanewise(EXP).lanewise(LOG1P);
                VectorMask<Double> pos = xv.compare(GT, 0.0);
                DoubleVector spPos = l.add(xv, pos);
                DoubleVector spNeg = l.sub(xv, pos.not());
                DoubleVector py = pw.mul(yv);
                s = s.add(py.mul(spNeg), py.compare(GT, 0.0)).add(one.sub(yv).mul(spPos), yv.compare(VectorOperators.LT, 1.0));
            }
        }
        return bad.reduceLanes(ADD) > 0 ? Double.NaN : s.reduceLanes(ADD);
    }
}
