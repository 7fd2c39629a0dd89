package org.shannon4j.scalar;

import org.shannon4j.spi.BlockedKernels;
import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.LossMath;

/**
 * Plain-Java block loops: blocks of {@value #BLOCK} elements with four independent accumulators (so the adds
 * pipeline and each partial sum holds at most 64 terms); {@link BlockedKernels} adds the block sums into
 * compensated totals. The order of operations is fixed, so results are bit-for-bit reproducible.
 *
 * <p>Float input is widened block by block into a per-thread scratch and summed by the double loops, so a
 * float vector gives exactly the result of its widened double copy.
 *
 * <p>Validity is fused: each block folds {@code x >= 0} over its elements (false for NaN and negatives);
 * an infinite element makes the block sum infinite.
 *
 * <p>Public and extensible so that a faster backend can reuse the loops it does not vectorise (as netlib's
 * {@code VectorBLAS extends JavaBLAS}): the SIMD backend extends this class and overrides only its vector
 * loops; everything it does not override runs exactly this reference code.
 */
public class ScalarKernels extends BlockedKernels {

    static final int BLOCK = 256;

    /** For {@link ScalarBackendProvider} and for backends that extend this one. */
    protected ScalarKernels() {
    }

    /** Per-thread scratch for widened float blocks: one per operand. */
    private static final ThreadLocal<double[][]> WIDENED = ThreadLocal.withInitial(() -> new double[2][BLOCK]);

    @Override
    protected int blockLength() {
        return BLOCK;
    }

    @Override
    protected int laneMultiple(boolean float32) {
        return 1;
    }

    private static double[] widen(float[] a, int from, int to, double[] into) {
        for (int i = from; i < to; i++) {
            into[i - from] = a[i];
        }
        return into;
    }

    @Override
    protected boolean sumBlock(double[] a, int from, int to, double[] out) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        boolean valid = true;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
            s0 += a0;
            s1 += a1;
            s2 += a2;
            s3 += a3;
            valid &= a0 >= 0 & a1 >= 0 & a2 >= 0 & a3 >= 0;
        }
        for (; i < to; i++) {
            s0 += a[i];
            valid &= a[i] >= 0;
        }
        out[OUT_A] = 0;
        out[OUT_P] = (s0 + s1) + (s2 + s3);
        return valid;
    }

    @Override
    protected boolean sumBlock(float[] a, int from, int to, double[] out) {
        return sumBlock(widen(a, from, to, WIDENED.get()[0]), 0, to - from, out);
    }

    @Override
    protected boolean xLogXBlock(double[] p, int from, int to, double[] out) {
        double t0 = 0, t1 = 0, t2 = 0, t3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        boolean valid = true;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double a0 = p[i], a1 = p[i + 1], a2 = p[i + 2], a3 = p[i + 3];
            t0 += KernelMath.xLogX(a0);
            t1 += KernelMath.xLogX(a1);
            t2 += KernelMath.xLogX(a2);
            t3 += KernelMath.xLogX(a3);
            s0 += a0;
            s1 += a1;
            s2 += a2;
            s3 += a3;
            valid &= a0 >= 0 & a1 >= 0 & a2 >= 0 & a3 >= 0;
        }
        for (; i < to; i++) {
            t0 += KernelMath.xLogX(p[i]);
            s0 += p[i];
            valid &= p[i] >= 0;
        }
        out[OUT_A] = (t0 + t1) + (t2 + t3);
        out[OUT_P] = (s0 + s1) + (s2 + s3);
        return valid;
    }

    @Override
    protected boolean xLogXBlock(float[] p, int from, int to, double[] out) {
        return xLogXBlock(widen(p, from, to, WIDENED.get()[0]), 0, to - from, out);
    }

    // The pair term is picked by an int that is constant for the whole call; the log dominates the cost.
    @Override
    protected boolean pairBlock(int kind, double[] p, double[] q, int from, int to, int shift, double c,
                                double[] out) {
        double a0 = 0, a1 = 0, b0 = 0, b1 = 0, p0 = 0, p1 = 0, q0 = 0, q1 = 0;
        boolean valid = true;
        int i = from;
        for (; i + 1 < to; i += 2) {
            double x0 = p[i], x1 = p[i + 1], y0 = q[i + shift], y1 = q[i + 1 + shift];
            a0 += termA(kind, x0, y0, c);
            a1 += termA(kind, x1, y1, c);
            b0 += termB(kind, x0, y0, c);
            b1 += termB(kind, x1, y1, c);
            p0 += x0;
            p1 += x1;
            q0 += y0;
            q1 += y1;
            valid &= x0 >= 0 & x1 >= 0 & y0 >= 0 & y1 >= 0;
        }
        for (; i < to; i++) {
            double x = p[i], y = q[i + shift];
            a0 += termA(kind, x, y, c);
            b0 += termB(kind, x, y, c);
            p0 += x;
            q0 += y;
            valid &= x >= 0 & y >= 0;
        }
        out[OUT_A] = a0 + a1;
        out[OUT_B] = b0 + b1;
        out[OUT_P] = p0 + p1;
        out[OUT_Q] = q0 + q1;
        return valid;
    }

    @Override
    protected boolean pairBlock(int kind, float[] p, float[] q, int from, int to, int shift, double c,
                                double[] out) {
        double[][] scratch = WIDENED.get();
        return pairBlock(kind, widen(p, from, to, scratch[0]), widen(q, from + shift, to + shift, scratch[1]),
                0, to - from, 0, c, out);
    }

    // ------------------------------------------------------------------------------------------------------
    // Mutual information family: label counting and Σ n·ln n (loops in Counting)
    // ------------------------------------------------------------------------------------------------------

    @Override
    public long minMax(int[] a, int offset, int length) {
        return Counting.minMax(a, offset, length);
    }

    @Override
    public void count(int[] a, int offset, int min, int length, int[] table) {
        Counting.count(a, offset, min, length, table);
    }

    @Override
    public void countPairs(int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols, int length,
                           int[] table) {
        Counting.countPairs(x, xOffset, xMin, y, yOffset, yMin, cols, length, table);
    }

    @Override
    public int denseCodes(int[] a, int offset, int length, int[] codes) {
        return Counting.denseCodes(a, offset, length, codes);
    }

    @Override
    public int densePairCodes(int[] x, int xOffset, int[] y, int yOffset, int length, int[] codes) {
        return Counting.densePairCodes(x, xOffset, y, yOffset, length, codes);
    }

    @Override
    public double nLogN(int[] counts, int offset, int length) {
        return Counting.nLogN(counts, offset, length);
    }

    @Override
    public double nLogN(long[] counts, int offset, int length) {
        return Counting.nLogN(counts, offset, length);
    }

    // ------------------------------------------------------------------------------------------------------
    // Losses (issue 4): the reference loops of LossMath (shared with vector backends for what they do not
    // vectorise), called directly: row-wise scalar code with Math.exp/log1p, two accumulators per row,
    // Neumaier-compensated row sums.
    // ------------------------------------------------------------------------------------------------------

    @Override
    public double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] classWeights, double smoothing,
                                      double[] rowLosses, int rowOffset, double[] grad, int gradOffset,
                                      double gradScale, double[] aux) {
        return LossMath.softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, ignoreIndex,
                classWeights, smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    @Override
    public double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] classWeights, double smoothing,
                                      float[] rowLosses, int rowOffset, float[] grad, int gradOffset,
                                      double gradScale, double[] aux) {
        return LossMath.softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, ignoreIndex,
                classWeights, smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    @Override
    public double softmaxCrossEntropyProbs(double[] logits, int offset, int rows, int classes, double[] targets,
                                           int targetOffset, double[] classWeights, double smoothing,
                                           double[] rowLosses, int rowOffset, double[] grad, int gradOffset,
                                           double gradScale, double[] aux) {
        return LossMath.softmaxCrossEntropyProbs(logits, offset, rows, classes, targets, targetOffset, classWeights,
                smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    @Override
    public double softmaxCrossEntropyProbs(float[] logits, int offset, int rows, int classes, float[] targets,
                                           int targetOffset, double[] classWeights, double smoothing,
                                           float[] rowLosses, int rowOffset, float[] grad, int gradOffset,
                                           double gradScale, double[] aux) {
        return LossMath.softmaxCrossEntropyProbs(logits, offset, rows, classes, targets, targetOffset, classWeights,
                smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    @Override
    public double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset,
                                     double[] weights, int weightOffset, int length, double eps, double[] losses,
                                     int lossOffset, double[] aux) {
        return LossMath.binaryCrossEntropy(targets, targetOffset, probs, probOffset, weights, weightOffset, length,
                eps, losses, lossOffset, aux);
    }

    @Override
    public double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset,
                                     float[] weights, int weightOffset, int length, double eps, float[] losses,
                                     int lossOffset, double[] aux) {
        return LossMath.binaryCrossEntropy(targets, targetOffset, probs, probOffset, weights, weightOffset, length,
                eps, losses, lossOffset, aux);
    }

    @Override
    public double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
                                               double[] weights, int weightOffset, int length, double posWeight,
                                               double[] losses, int lossOffset, double[] aux) {
        return LossMath.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, weights,
                weightOffset, length, posWeight, losses, lossOffset, aux);
    }

    @Override
    public double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
                                               float[] weights, int weightOffset, int length, double posWeight,
                                               float[] losses, int lossOffset, double[] aux) {
        return LossMath.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, weights,
                weightOffset, length, posWeight, losses, lossOffset, aux);
    }

    @Override
    public double logLoss(double[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
                          double[] sampleWeights, int weightOffset, double eps, double[] rowLosses, int rowOffset,
                          double[] aux) {
        return LossMath.logLoss(probs, offset, rows, classes, targets, targetOffset, sampleWeights, weightOffset,
                eps, rowLosses, rowOffset, aux);
    }

    @Override
    public double logLoss(float[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
                          float[] sampleWeights, int weightOffset, double eps, float[] rowLosses, int rowOffset,
                          double[] aux) {
        return LossMath.logLoss(probs, offset, rows, classes, targets, targetOffset, sampleWeights, weightOffset,
                eps, rowLosses, rowOffset, aux);
    }
}
