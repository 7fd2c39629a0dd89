package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.MAX;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.LossMath;

import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

/**
 * Vector loops of the softmax cross-entropy with class-index targets (the hot case: no label smoothing, no
 * gradient; weights and the ignore index are handled). Everything else — smoothing, gradients, probability
 * targets, the binary losses, log loss — runs the reference loops of {@link LossMath}.
 *
 * <p>Two shapes, both computing per row m = max z, S' = Σ_{c ≠ argmax} exp(z_c − m) (lanes equal to m add 1 to
 * a tie count instead, so S' = Σ_{z_c &lt; m} + ties − 1 exactly as in {@link LossMath}) and
 * ℓ = w[y]·((m − z_y) + log1p(S')), in double for float input too:
 * <ul>
 *   <li><b>Few classes</b> (≤ {@value #SMALL_CLASSES}): a per-row vector would waste lanes and spend its time
 *       in horizontal reductions. Instead a block of {@value #BLOCK_ROWS} rows is transposed (scalar, widening
 *       float) into a per-thread class-major scratch, so that each lane holds one row: the max, the exp sum,
 *       the log1p and the loss are then lane-wise over contiguous loads, with no reduction per row. Leftover
 *       rows (fewer than a block) go to {@link LossMath}.</li>
 *   <li><b>Many classes</b>: per row, a vector max loop and a vector exp-sum loop, reduced once per row;
 *       the tail of a row beyond the lane multiple is scalar.</li>
 * </ul>
 * The exponential and log1p are the JDK's {@code lanewise(EXP)}/{@code lanewise(LOG1P)} (SVML-backed on x64),
 * named once below ({@link #EXP}, {@link #LOG1P}) so that our own vector exp/log can replace them in one place.
 * Validity is fused: a NaN or +∞ logit, or a row of only −∞, makes that row's log1p(S') NaN; an accumulator
 * of log1p(S') over the contributing lanes turns NaN, and the block reports it (ignored rows are masked out).
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

    /** Per-thread scratch: [0] transposed logits, [1] z_y, [2] w[y], [3] row losses. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {
            new double[BLOCK_ROWS * SMALL_CLASSES], new double[BLOCK_ROWS], new double[BLOCK_ROWS],
            new double[BLOCK_ROWS]});

    private SimdLossKernels() {
    }

    /** Index into the out[] of {@link #blockLanes}: loss sum, weight sum, count, validity accumulator. */
    private static final int B_SUM = 0;
    private static final int B_W = 1;
    private static final int B_COUNT = 2;
    private static final int B_CHECK = 3;

    static double softmaxCrossEntropy(double[] zd, float[] zf, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] w, double[] outD, float[] outF,
                                      int rowOffset, double[] aux) {
        double sum = 0, sumC = 0, wSum = 0, count = 0;
        boolean valid = true;
        int done = 0;
        if (classes <= SMALL_CLASSES) {
            double[][] s = SCRATCH.get();
            double[] t = s[0], zy = s[1], wy = s[2], losses = s[3];
            double[] blk = aux; // reused as the block's 4 outputs
            for (; done + BLOCK_ROWS <= rows; done += BLOCK_ROWS) {
                boolean targetsOk = zd != null
                        ? transpose(zd, offset + done * classes, classes, targets, targetOffset + done, ignoreIndex,
                        w, t, zy, wy)
                        : transpose(zf, offset + done * classes, classes, targets, targetOffset + done, ignoreIndex,
                        w, t, zy, wy);
                blockLanes(t, classes, zy, wy, losses, blk);
                valid &= targetsOk & blk[B_CHECK] == blk[B_CHECK];
                double l = blk[B_SUM];
                double u = sum + l;
                sumC += sumError(sum, l, u);
                sum = u;
                wSum += blk[B_W];
                count += blk[B_COUNT];
                if (outD != null) {
                    System.arraycopy(losses, 0, outD, rowOffset + done, BLOCK_ROWS);
                } else if (outF != null) {
                    for (int j = 0; j < BLOCK_ROWS; j++) {
                        outF[rowOffset + done + j] = (float) losses[j];
                    }
                }
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
                double m, lnS, zyv;
                if (zd != null) {
                    m = rowMax(zd, base, classes);
                    lnS = Math.log1p(shiftedExpSum(zd, base, classes, m));
                    zyv = zd[base + y];
                } else {
                    m = rowMax(zf, base, classes);
                    lnS = Math.log1p(shiftedExpSum(zf, base, classes, m));
                    zyv = zf[base + y];
                }
                valid &= lnS == lnS;
                double wyv = w == null ? 1.0 : w[y];
                double loss = wyv > 0 ? wyv * ((m - zyv) + lnS) : 0.0;
                if (outD != null) {
                    outD[rowOffset + done] = loss;
                } else if (outF != null) {
                    outF[rowOffset + done] = (float) loss;
                }
                double u = sum + loss;
                sumC += sumError(sum, loss, u);
                sum = u;
                wSum += wyv;
                count++;
            }
        }
        if (done < rows) {
            int r0 = done;
            int n = rows - r0;
            double l = zd != null
                    ? LossMath.softmaxCrossEntropy(zd, offset + r0 * classes, n, classes, targets, targetOffset + r0,
                    ignoreIndex, w, 0.0, outD, rowOffset + r0, null, 0, 1.0, aux)
                    : LossMath.softmaxCrossEntropy(zf, offset + r0 * classes, n, classes, targets, targetOffset + r0,
                    ignoreIndex, w, 0.0, outF, rowOffset + r0, null, 0, 1.0, aux);
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

    // ------------------------------------------------------------------------------------- few classes

    /**
     * Transposes BLOCK_ROWS rows into t[c·BLOCK_ROWS + j] and gathers z_y and w[y] (0 for ignored rows, whose
     * logits are copied but masked out later). Returns false if a target is out of range.
     */
    private static boolean transpose(double[] z, int base, int classes, int[] targets, int tOff, int ignoreIndex,
                                     double[] w, double[] t, double[] zy, double[] wy) {
        boolean ok = true;
        for (int j = 0; j < BLOCK_ROWS; j++) {
            int rb = base + j * classes;
            for (int c = 0; c < classes; c++) {
                t[c * BLOCK_ROWS + j] = z[rb + c];
            }
            int y = targets[tOff + j];
            if (y >= 0 && y < classes && y != ignoreIndex) {
                zy[j] = z[rb + y];
                wy[j] = w == null ? 1.0 : w[y];
            } else {
                ok &= y == ignoreIndex;
                zy[j] = 0;
                wy[j] = -1; // marks "not contributing"
            }
        }
        return ok;
    }

    private static boolean transpose(float[] z, int base, int classes, int[] targets, int tOff, int ignoreIndex,
                                     double[] w, double[] t, double[] zy, double[] wy) {
        boolean ok = true;
        for (int j = 0; j < BLOCK_ROWS; j++) {
            int rb = base + j * classes;
            for (int c = 0; c < classes; c++) {
                t[c * BLOCK_ROWS + j] = z[rb + c];
            }
            int y = targets[tOff + j];
            if (y >= 0 && y < classes && y != ignoreIndex) {
                zy[j] = z[rb + y];
                wy[j] = w == null ? 1.0 : w[y];
            } else {
                ok &= y == ignoreIndex;
                zy[j] = 0;
                wy[j] = -1;
            }
        }
        return ok;
    }

    /**
     * One transposed block, lane = row: writes the weighted row losses to {@code losses} and the block's loss
     * sum, weight sum, count and validity accumulator (NaN if a contributing row is invalid) to {@code out}.
     */
    private static void blockLanes(double[] t, int classes, double[] zy, double[] wy, double[] losses,
                                   double[] out) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector sum = zero, wsum = zero, cnt = zero, check = zero;
        for (int j = 0; j < BLOCK_ROWS; j += DL) {
            DoubleVector m = DoubleVector.fromArray(D, t, j);
            for (int c = 1; c < classes; c++) {
                DoubleVector x = DoubleVector.fromArray(D, t, c * BLOCK_ROWS + j);
                m = m.blend(x, x.compare(GT, m));
            }
            DoubleVector s = zero, ties = zero;
            for (int c = 0; c < classes; c++) {
                DoubleVector d = DoubleVector.fromArray(D, t, c * BLOCK_ROWS + j).sub(m);
                VectorMask<Double> tie = d.compare(EQ, 0.0);
                s = s.add(d.lanewise(EXP), tie.not());
                ties = ties.add(one, tie);
            }
            // ties − 1 is an exact small integer (0 unless the maximum is tied): add it last, never 1 + s − 1.
            DoubleVector lnS = s.add(ties.sub(one)).lanewise(LOG1P);
            DoubleVector wv = DoubleVector.fromArray(D, wy, j);
            VectorMask<Double> active = wv.compare(VectorOperators.GE, 0.0);
            VectorMask<Double> positive = wv.compare(GT, 0.0);
            DoubleVector loss = zero.blend(m.sub(DoubleVector.fromArray(D, zy, j)).add(lnS).mul(wv), positive);
            loss.intoArray(losses, j);
            sum = sum.add(loss);
            wsum = wsum.add(wv, active);
            cnt = cnt.add(one, active);
            check = check.add(lnS, active);
        }
        out[B_SUM] = sum.reduceLanes(ADD);
        out[B_W] = wsum.reduceLanes(ADD);
        out[B_COUNT] = cnt.reduceLanes(ADD);
        out[B_CHECK] = check.reduceLanes(ADD);
    }

    // ------------------------------------------------------------------------------------- many classes

    private static double rowMax(double[] z, int base, int classes) {
        DoubleVector m0 = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY), m1 = m0;
        int c = 0;
        for (; c <= classes - 2 * DL; c += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, z, base + c);
            DoubleVector y = DoubleVector.fromArray(D, z, base + c + DL);
            m0 = m0.blend(x, x.compare(GT, m0));
            m1 = m1.blend(y, y.compare(GT, m1));
        }
        double m = m0.lanewise(MAX, m1).reduceLanes(MAX);
        for (; c < classes; c++) {
            double a = z[base + c];
            m = a > m ? a : m;
        }
        return m;
    }

    private static double rowMax(float[] z, int base, int classes) {
        FloatVector m0 = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        int c = 0;
        for (; c <= classes - FL; c += FL) {
            FloatVector x = FloatVector.fromArray(F, z, base + c);
            m0 = m0.blend(x, x.compare(GT, m0));
        }
        double m = m0.reduceLanes(MAX);
        for (; c < classes; c++) {
            double a = z[base + c];
            m = a > m ? a : m;
        }
        return m;
    }

    private static double shiftedExpSum(double[] z, int base, int classes, double m) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector mv = DoubleVector.broadcast(D, m);
        DoubleVector s0 = zero, s1 = zero, ties = zero;
        int c = 0;
        for (; c <= classes - 2 * DL; c += 2 * DL) {
            DoubleVector d0 = DoubleVector.fromArray(D, z, base + c).sub(mv);
            DoubleVector d1 = DoubleVector.fromArray(D, z, base + c + DL).sub(mv);
            VectorMask<Double> t0 = d0.compare(EQ, 0.0);
            VectorMask<Double> t1 = d1.compare(EQ, 0.0);
            s0 = s0.add(d0.lanewise(EXP), t0.not());
            s1 = s1.add(d1.lanewise(EXP), t1.not());
            ties = ties.add(one, t0).add(one, t1);
        }
        double s = s0.add(s1).reduceLanes(ADD);
        double tieCount = ties.reduceLanes(ADD);
        for (; c < classes; c++) {
            double d = z[base + c] - m;
            if (d == 0) {
                tieCount++;
            } else {
                s += Math.exp(d);
            }
        }
        return s + (tieCount - 1);
    }

    private static double shiftedExpSum(float[] z, int base, int classes, double m) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector mv = DoubleVector.broadcast(D, m);
        DoubleVector s0 = zero, s1 = zero, ties = zero;
        int c = 0;
        for (; c <= classes - FL; c += FL) {
            FloatVector x = FloatVector.fromArray(F, z, base + c);
            DoubleVector d0 = ((DoubleVector) x.convert(F2D, 0)).sub(mv);
            DoubleVector d1 = ((DoubleVector) x.convert(F2D, 1)).sub(mv);
            VectorMask<Double> t0 = d0.compare(EQ, 0.0);
            VectorMask<Double> t1 = d1.compare(EQ, 0.0);
            s0 = s0.add(d0.lanewise(EXP), t0.not());
            s1 = s1.add(d1.lanewise(EXP), t1.not());
            ties = ties.add(one, t0).add(one, t1);
        }
        double s = s0.add(s1).reduceLanes(ADD);
        double tieCount = ties.reduceLanes(ADD);
        for (; c < classes; c++) {
            double d = z[base + c] - m;
            if (d == 0) {
                tieCount++;
            } else {
                s += Math.exp(d);
            }
        }
        return s + (tieCount - 1);
    }
}
