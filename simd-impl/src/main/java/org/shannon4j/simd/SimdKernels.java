package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.OR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.BlockedKernels;
import org.shannon4j.spi.LossMath;

/**
 * Vector-API block loops with the preferred species; {@link BlockedKernels} walks the blocks, keeps the
 * compensated totals, handles tails and recomputes non-finite KL/JS blocks exactly.
 *
 * <p>Each block method is pure vector code — two vector accumulators per quantity, one {@code reduceLanes} at
 * its end. Zero leading factors are excluded with a masked add (or masked multiply), so {@code 0·ln 0} never
 * reaches a sum; validity is the OR of the raw sign bits (see {@code noNegatives}). Float entropy takes its
 * logs from {@link FloatLog}; float cross-entropy uses the JDK's float {@code LOG} (one-signed terms, float
 * precision is enough); float KL and JS widen to double first, because their terms cancel when p ≈ q.
 *
 * <p>Rule: no method of ours takes or returns a vector. C2 stops inlining when a compilation reaches its
 * node-count cutoff, which vector-heavy loops do; a helper of ours that is then left out-of-line boxes every
 * vector it receives or returns (kB per call, 10-50× slower). Only the JDK's {@code @ForceInline} vector
 * methods are exempt, so conversions and constants are written inline, and each block is its own method so
 * that each compilation stays small.
 */
final class SimdKernels extends BlockedKernels {

    static final SimdKernels INSTANCE = new SimdKernels();

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();
    /** Elements per block: a multiple of every lane count, so blocks split only at the tail. */
    static final int BLOCK = 1024;
    /** Per-thread scratch for one block of float logs (4 kB, stays in L1). */
    private static final ThreadLocal<float[]> FLOAT_LOGS = ThreadLocal.withInitial(() -> new float[BLOCK]);

    private SimdKernels() {
    }

    @Override
    protected int blockLength() {
        return BLOCK;
    }

    @Override
    protected int laneMultiple(boolean float32) {
        return float32 ? FL : DL;
    }

    @Override
    protected boolean pairBlock(int kind, double[] p, double[] q, int from, int to, int shift, double c,
                                double[] out) {
        return switch (kind) {
            case CROSS -> xLogYBlock(p, q, from, to, shift, out);
            case KL -> klBlock(p, q, from, to, shift, out);
            default -> jsBlock(p, q, from, to, shift, c, out);
        };
    }

    @Override
    protected boolean pairBlock(int kind, float[] p, float[] q, int from, int to, int shift, double c,
                                double[] out) {
        return switch (kind) {
            case CROSS -> xLogYBlock(p, q, from, to, shift, out);
            case KL -> klBlock(p, q, from, to, shift, out);
            default -> jsBlock(p, q, from, to, shift, c, out);
        };
    }

    // ------------------------------------------------------------------------------------------------ blocks
    // Each block method covers [from, to), a multiple of its lane count, and returns false if an element is negative.

    @Override
    protected boolean sumBlock(double[] a, int from, int to, double[] out) {
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, a, i);
            DoubleVector y = DoubleVector.fromArray(D, a, i + DL);
            s0 = s0.add(x);
            s1 = s1.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, a, i);
            s0 = s0.add(x);
            signs = signs.or(x.viewAsIntegralLanes());
        }
        out[OUT_A] = 0;
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(a, from, to);
    }

    @Override
    protected boolean sumBlock(float[] a, int from, int to, double[] out) {
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
        IntVector signs = IntVector.zero(I);
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            s0 = s0.add((DoubleVector) x.convert(F2D, 0));
            s1 = s1.add((DoubleVector) x.convert(F2D, 1));
            signs = signs.or(x.viewAsIntegralLanes());
        }
        out[OUT_A] = 0;
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(a, from, to);
    }

    @Override
    protected boolean xLogXBlock(double[] p, int from, int to, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, s0 = t0, s1 = t0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, p, i + DL);
            s0 = s0.add(x);
            s1 = s1.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            t0 = t0.add(x.mul(x.lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(y.mul(y.lanewise(LOG)), y.compare(GT, 0.0));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            s0 = s0.add(x);
            signs = signs.or(x.viewAsIntegralLanes());
            t0 = t0.add(x.mul(x.lanewise(LOG)), x.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, from, to);
    }

    /**
     * Float entropy: the logs of the block come from {@link FloatLog} (inline polynomial, measured faster than
     * the library call) through the per-thread {@code logs} scratch, then one pass widens and accumulates.
     * Zero lanes keep x itself (= 0) under the masked multiply, so 0·ln 0 never appears.
     */
    @Override
    protected boolean xLogXBlock(float[] p, int from, int to, double[] out) {
        float[] logs = FLOAT_LOGS.get();
        FloatLog.logInto(p, from, to, logs, 0);
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, s0 = t0, s1 = t0;
        IntVector signs = IntVector.zero(I);
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, p, i);
            signs = signs.or(x.viewAsIntegralLanes());
            FloatVector term = x.mul(FloatVector.fromArray(F, logs, i - from), x.compare(GT, 0f));
            s0 = s0.add((DoubleVector) x.convert(F2D, 0));
            s1 = s1.add((DoubleVector) x.convert(F2D, 1));
            t0 = t0.add((DoubleVector) term.convert(F2D, 0));
            t1 = t1.add((DoubleVector) term.convert(F2D, 1));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, from, to);
    }

    private static boolean xLogYBlock(double[] p, double[] q, int from, int to, int shift, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            DoubleVector x2 = DoubleVector.fromArray(D, p, i + DL);
            DoubleVector y2 = DoubleVector.fromArray(D, q, i + DL + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            p1 = p1.add(x2);
            q1 = q1.add(y2);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes()).or(x2.viewAsIntegralLanes()).or(y2.viewAsIntegralLanes());
            t0 = t0.add(x.mul(y.lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(x2.mul(y2.lanewise(LOG)), x2.compare(GT, 0.0));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            t0 = t0.add(x.mul(y.lanewise(LOG)), x.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean xLogYBlock(float[] p, float[] q, int from, int to, int shift, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        IntVector signs = IntVector.zero(I);
        FloatVector zero = FloatVector.zero(F);
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, p, i);
            FloatVector y = FloatVector.fromArray(F, q, i + shift);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            FloatVector term = zero.blend(x.mul(y.lanewise(LOG)), x.compare(GT, 0f));
            p0 = p0.add((DoubleVector) x.convert(F2D, 0));
            p1 = p1.add((DoubleVector) x.convert(F2D, 1));
            q0 = q0.add((DoubleVector) y.convert(F2D, 0));
            q1 = q1.add((DoubleVector) y.convert(F2D, 1));
            t0 = t0.add((DoubleVector) term.convert(F2D, 0));
            t1 = t1.add((DoubleVector) term.convert(F2D, 1));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean klBlock(double[] p, double[] q, int from, int to, int shift, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            DoubleVector x2 = DoubleVector.fromArray(D, p, i + DL);
            DoubleVector y2 = DoubleVector.fromArray(D, q, i + DL + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            p1 = p1.add(x2);
            q1 = q1.add(y2);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes()).or(x2.viewAsIntegralLanes()).or(y2.viewAsIntegralLanes());
            t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(x2.mul(x2.div(y2).lanewise(LOG)), x2.compare(GT, 0.0));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean klBlock(float[] p, float[] q, int from, int to, int shift, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        IntVector signs = IntVector.zero(I);
        for (int i = from; i < to; i += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            signs = signs.or(xf.viewAsIntegralLanes()).or(yf.viewAsIntegralLanes());
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1), y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            p0 = p0.add(x);
            p1 = p1.add(x2);
            q0 = q0.add(y);
            q1 = q1.add(y2);
            t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(x2.mul(x2.div(y2).lanewise(LOG)), x2.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean jsBlock(double[] p, double[] q, int from, int to, int shift, double c, double[] out) {
        DoubleVector a0 = DoubleVector.zero(D), b0 = a0, p0 = a0, q0 = a0;
        LongVector signs = LongVector.zero(L);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        for (int i = from; i < to; i += DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            DoubleVector cy = y.mul(cv);
            DoubleVector scale = two.div(x.add(cy)); // 2/m, shared by both halves
            a0 = a0.add(x.mul(x.mul(scale).lanewise(LOG)), x.compare(GT, 0.0));
            b0 = b0.add(y.mul(cy.mul(scale).lanewise(LOG)), y.compare(GT, 0.0));
        }
        out[OUT_A] = a0.reduceLanes(ADD);
        out[OUT_B] = b0.reduceLanes(ADD);
        out[OUT_P] = p0.reduceLanes(ADD);
        out[OUT_Q] = q0.reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean jsBlock(float[] p, float[] q, int from, int to, int shift, double c, double[] out) {
        DoubleVector a0 = DoubleVector.zero(D), b0 = a0, p0 = a0, q0 = a0;
        IntVector signs = IntVector.zero(I);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        for (int i = from; i < to; i += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            signs = signs.or(xf.viewAsIntegralLanes()).or(yf.viewAsIntegralLanes());
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1), y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            p0 = p0.add(x).add(x2);
            q0 = q0.add(y).add(y2);
            DoubleVector cy = y.mul(cv), cy2 = y2.mul(cv);
            DoubleVector scale = two.div(x.add(cy)), scale2 = two.div(x2.add(cy2));
            a0 = a0.add(x.mul(x.mul(scale).lanewise(LOG)), x.compare(GT, 0.0))
                    .add(x2.mul(x2.mul(scale2).lanewise(LOG)), x2.compare(GT, 0.0));
            b0 = b0.add(y.mul(cy.mul(scale).lanewise(LOG)), y.compare(GT, 0.0))
                    .add(y2.mul(cy2.mul(scale2).lanewise(LOG)), y2.compare(GT, 0.0));
        }
        out[OUT_A] = a0.reduceLanes(ADD);
        out[OUT_B] = b0.reduceLanes(ADD);
        out[OUT_P] = p0.reduceLanes(ADD);
        out[OUT_Q] = q0.reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    // Validity without vector min: Java's lanewise MIN has Math.min's NaN and -0.0 rules, several instructions
    // per use on x86. NaN and infinities already show in the sums, so only negatives need catching: the
    // blocks OR the raw bits, and only when a sign bit shows up (a negative, or a valid -0.0) is the block
    // re-read exactly here.

    private static boolean noNegatives(double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean noNegatives(double[] p, double[] q, int from, int to, int shift) {
        return noNegatives(p, from, to) && noNegatives(q, from + shift, to + shift);
    }

    private static boolean noNegatives(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean noNegatives(float[] p, float[] q, int from, int to, int shift) {
        return noNegatives(p, from, to) && noNegatives(q, from + shift, to + shift);
    }
    // ------------------------------------------------------------------------------------------------------
    // Losses (issue 4): softmax cross-entropy with class-index targets (no smoothing, no gradient) and the
    // binary losses' sums (no per-element output) in SimdLossKernels; every other loss and option runs the
    // reference loops of LossMath.
    // ------------------------------------------------------------------------------------------------------

    @Override
    public double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] classWeights, double smoothing,
                                      double[] rowLosses, int rowOffset, double[] grad, int gradOffset,
                                      double gradScale, double[] aux) {
        if (smoothing == 0 && grad == null) {
            return SimdLossKernels.softmaxCrossEntropy(logits, null, offset, rows, classes, targets, targetOffset,
                    ignoreIndex, classWeights, rowLosses, null, rowOffset, aux);
        }
        return LossMath.softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, ignoreIndex,
                classWeights, smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    @Override
    public double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] classWeights, double smoothing,
                                      float[] rowLosses, int rowOffset, float[] grad, int gradOffset,
                                      double gradScale, double[] aux) {
        if (smoothing == 0 && grad == null) {
            return SimdLossKernels.softmaxCrossEntropy(null, logits, offset, rows, classes, targets, targetOffset,
                    ignoreIndex, classWeights, null, rowLosses, rowOffset, aux);
        }
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
    public double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset, int length,
                                     double eps, double[] losses, int lossOffset) {
        if (losses == null) {
            return SimdLossKernels.binaryCrossEntropy(targets, targetOffset, probs, probOffset, length, eps);
        }
        return LossMath.binaryCrossEntropy(targets, targetOffset, probs, probOffset, length, eps, losses,
                lossOffset);
    }

    @Override
    public double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset, int length,
                                     double eps, float[] losses, int lossOffset) {
        if (losses == null) {
            return SimdLossKernels.binaryCrossEntropy(targets, targetOffset, probs, probOffset, length, eps);
        }
        return LossMath.binaryCrossEntropy(targets, targetOffset, probs, probOffset, length, eps, losses,
                lossOffset);
    }

    @Override
    public double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
                                               int length, double posWeight, double[] losses, int lossOffset) {
        if (losses == null) {
            return SimdLossKernels.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, length,
                    posWeight);
        }
        return LossMath.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, length, posWeight,
                losses, lossOffset);
    }

    @Override
    public double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
                                               int length, double posWeight, float[] losses, int lossOffset) {
        if (losses == null) {
            return SimdLossKernels.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, length,
                    posWeight);
        }
        return LossMath.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, length, posWeight,
                losses, lossOffset);
    }

    @Override
    public double logLoss(double[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
                          double eps, double[] rowLosses, int rowOffset, double[] aux) {
        return LossMath.logLoss(probs, offset, rows, classes, targets, targetOffset, eps, rowLosses, rowOffset, aux);
    }

    @Override
    public double logLoss(float[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
                          double eps, float[] rowLosses, int rowOffset, double[] aux) {
        return LossMath.logLoss(probs, offset, rows, classes, targets, targetOffset, eps, rowLosses, rowOffset, aux);
    }
}
