package org.shannon4j.loss;

import static org.shannon4j.spi.Kernels.LOSS_COUNT;
import static org.shannon4j.spi.Kernels.LOSS_ROW_SUM_ERROR;
import static org.shannon4j.spi.Kernels.LOSS_WEIGHT_SUM;

import java.util.Objects;

import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * The cross-entropy losses, written once for double[] and float[] inputs (passed as Object; only the kernel call
 * dispatches on the type): argument checks, one kernel pass, the reduction, the unit, and — only after the
 * kernel has reported invalid input — the re-scan that names the first bad element. {@link Losses} holds only
 * the public overloads: a new loss is one static method here plus its overloads there.
 *
 * <p>The primitive-returning methods allocate nothing: the kernels write the weight sum and count into a
 * per-thread scratch array that is read before the method returns. {@link #softmaxResult} gives the caller those
 * numbers directly, in a {@link LossResult} built from its own scratch array.
 */
final class LossMeasures {

    /** Kernel scratch (weight sum, count, row-sum error); filled and read within one call, never across calls. */
    private static final ThreadLocal<double[]> AUX = ThreadLocal.withInitial(() -> new double[Kernels.AUX_LENGTH]);

    private LossMeasures() {
    }

    // ------------------------------------------------------------------------------------------------ checks

    static int length(String name, Object a) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return a instanceof double[] d ? d.length : a instanceof float[] f ? f.length : ((int[]) a).length;
    }

    /** Checks offset and length against the array (length 0 allowed: an empty batch). */
    static void range(String name, Object a, int offset, long length) {
        int n = length(name, a);
        if (offset < 0 || length < 0 || offset > n - length) {
            throw new IndexOutOfBoundsException(name + ": offset " + offset + " and length " + length
                    + " do not fit in " + name + ".length = " + n);
        }
    }

    /** rows × classes, checked: rows ≥ 0, classes ≥ 1, product within int. */
    static int matrixLength(String name, int rows, int classes) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows = " + rows + ": must be >= 0");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes = " + classes + ": must be >= 1");
        }
        long n = (long) rows * classes;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": rows × classes = " + rows + " × " + classes
                    + " exceeds the maximum array length");
        }
        return (int) n;
    }

    /** For the whole-array forms: the array must be exactly rows × classes long. */
    static void exactMatrix(String name, Object a, int rows, int classes) {
        int n = length(name, a);
        int expected = matrixLength(name, rows, classes);
        if (n != expected) {
            throw new IllegalArgumentException(name + ".length = " + n + " but rows × classes = " + rows + " × "
                    + classes + " = " + expected);
        }
    }

    static void exactLength(String name, Object a, int expected, String what) {
        int n = length(name, a);
        if (n != expected) {
            throw new IllegalArgumentException(name + ".length = " + n + " but " + what + " = " + expected);
        }
    }

    /** For the whole-array forms: optional arrays (weights, out), when given, are exactly {@code expected} long. */
    private static void exactLengthIfGiven(String name, Object a, int expected, String what) {
        if (a != null) {
            exactLength(name, a, expected, what);
        }
    }

    private static void checkOut(Reduction reduction, String name, Object out, int outOffset, long length) {
        if (out == null) {
            if (reduction == Reduction.NONE) {
                throw new NullPointerException(name + " must not be null with Reduction.NONE: the per-element"
                        + " losses are written there");
            }
            return;
        }
        range(name, out, outOffset, length);
    }

    /** The denominator of the reduction: 1 for NONE and SUM, else what the mean divides by. */
    private static double denominator(Reduction reduction, boolean meanByWeight, double weightSum, double count) {
        return switch (reduction) {
            case NONE, SUM -> 1;
            case MEAN -> meanByWeight ? weightSum : count;
            case MEAN_BY_WEIGHT -> weightSum;
            case MEAN_BY_COUNT -> count;
        };
    }

    /**
     * sum / by; a mean over nothing (by = 0, and so sum = 0) is 0. Dividing by 1 (NONE, SUM) returns {@code sum} to
     * the bit. A non-zero sum over a weight sum of 0 has no mean: label smoothing weighs every class, so with the
     * targets' class weights all 0 the sum is not (PyTorch returns NaN there).
     */
    private static double divide(double sum, double by) {
        if (by == 0 && sum != 0) {
            throw new IllegalArgumentException("weights sums to 0 over the targets (every target's class weight is "
                    + "0) while label smoothing, which weighs the other classes, makes the loss sum " + sum + ": the "
                    + "weighted mean has no value (PyTorch: NaN); use Reduction.SUM or MEAN_BY_COUNT");
        }
        return by == 0 ? 0.0 : sum / by;
    }

    /** Multiplies out[from ..+length) by f (unit conversion of per-element outputs, gradient means). */
    private static void scale(Object out, int from, int length, double f) {
        if (out == null || f == 1) {
            return;
        }
        if (out instanceof double[] d) {
            for (int i = from; i < from + length; i++) {
                d[i] *= f;
            }
        } else {
            float[] a = (float[]) out;
            for (int i = from; i < from + length; i++) {
                a[i] = (float) (a[i] * f);
            }
        }
    }

    private static double at(Object a, int i) {
        return a instanceof double[] d ? d[i] : ((float[]) a)[i];
    }

    private static String show(Object a, int i) {
        return a instanceof double[] d ? Double.toString(d[i]) : Float.toString(((float[]) a)[i]);
    }

    /**
     * The reduced loss in the unit, from the kernel's sum in nats and the weight sum and count it left in
     * {@code aux}; scales the per-element outputs to the unit and the gradient by the unit and the mean.
     */
    private static double finish(InfoUnit unit, Reduction reduction, boolean meanByWeight, double sumNats,
                                 double[] aux, Object out, int outOffset, int outLength, Object grad,
                                 int gradOffset, int gradLength) {
        double f = 1 / unit.natsPerUnit();
        double sum = unit.fromNats(sumNats);
        scale(out, outOffset, outLength, f);
        double d = denominator(reduction, meanByWeight, aux[LOSS_WEIGHT_SUM], aux[LOSS_COUNT]);
        if (grad != null) {
            scale(grad, gradOffset, gradLength, (d == 0 ? 1 : 1 / d) * f);
        }
        return divide(sum, d);
    }

    // --------------------------------------------------------- softmax: class indices or probability targets

    /**
     * Softmax cross-entropy; {@code targets} is an int[] of class indices or a double[]/float[] rows × classes
     * matrix of probabilities (the type of the logits). Class indices reduce MEAN by the weight sum, probability
     * targets by the row count (PyTorch).
     */
    static double softmax(Kernels k, Parallelism par, InfoUnit unit, Object logits, int offset, int rows,
                          int classes, Object targets, int targetOffset, SoftmaxLossOptions o, Object out,
                          int outOffset, Object grad, int gradOffset) {
        double[] aux = AUX.get();
        double s = softmaxSum(k, par, logits, offset, rows, classes, targets, targetOffset, o, out, outOffset, grad,
                gradOffset, aux);
        return finish(unit, o.reduction(), targets instanceof int[], s, aux, out, outOffset, rows, grad, gradOffset,
                rows * classes);
    }

    /** As {@link #softmax} without a gradient, with the sum, weight sum and count; allocates the result. */
    static LossResult softmaxResult(Kernels k, Parallelism par, InfoUnit unit, Object logits, int offset, int rows,
                                    int classes, Object targets, int targetOffset, SoftmaxLossOptions o, Object out,
                                    int outOffset) {
        double[] aux = new double[Kernels.AUX_LENGTH];
        double s = softmaxSum(k, par, logits, offset, rows, classes, targets, targetOffset, o, out, outOffset, null,
                0, aux);
        double value = finish(unit, o.reduction(), targets instanceof int[], s, aux, out, outOffset, rows, null, 0,
                0);
        return new LossResult(value, unit.fromNats(s), aux[LOSS_WEIGHT_SUM], (long) aux[LOSS_COUNT]);
    }

    /** The whole-array softmax forms: logits rows × classes, targets rows (indices) or rows × classes, out rows. */
    static double softmax(Kernels k, Parallelism par, InfoUnit unit, Object logits, int rows, int classes,
                          Object targets, SoftmaxLossOptions o, Object out) {
        exactMatrix("logits", logits, rows, classes);
        if (targets instanceof int[] || targets == null) {
            exactLength("targets", targets, rows, "rows");
        } else {
            exactMatrix("targets", targets, rows, classes);
        }
        exactLengthIfGiven("out", out, rows, "rows");
        return softmax(k, par, unit, logits, 0, rows, classes, targets, 0, o, out, 0, null, 0);
    }

    /** Checks, one kernel pass, and the re-scan on NaN: the sum in nats; weight sum and count are left in aux. */
    private static double softmaxSum(Kernels k, Parallelism par, Object logits, int offset, int rows, int classes,
                                     Object targets, int targetOffset, SoftmaxLossOptions o, Object out,
                                     int outOffset, Object grad, int gradOffset, double[] aux) {
        Objects.requireNonNull(o, "options must not be null");
        boolean indices = targets instanceof int[];
        int n = matrixLength("logits", rows, classes);
        range("logits", logits, offset, n);
        range("targets", targets, targetOffset, indices ? rows : n);
        checkOut(grad == null ? o.reduction() : Reduction.SUM, "out", out, outOffset, rows);
        if (grad != null) {
            range("grad", grad, gradOffset, n);
        }
        double[] w = o.weightsArray();
        if (w != null && w.length != classes) {
            throw new IllegalArgumentException("weights.length = " + w.length + " but classes = " + classes
                    + ": one weight per class");
        }
        double s = !par.splits(n)
                ? softmaxCall(k, logits, offset, rows, classes, targets, targetOffset, o, w, out, outOffset, grad,
                        gradOffset, aux)
                : softmaxParts(k, par, logits, offset, rows, classes, targets, targetOffset, o, w, out, outOffset,
                        grad, gradOffset, aux);
        if (Double.isNaN(s)) {
            throw indices
                    ? invalidSoftmax(logits, offset, rows, classes, (int[]) targets, targetOffset, o.ignoreIndex(),
                            null, 0)
                    : invalidSoftmax(logits, offset, rows, classes, null, 0, 0, targets, targetOffset);
        }
        return s;
    }

    /** One kernel call on rows [0, rows) of the given ranges. */
    private static double softmaxCall(Kernels k, Object logits, int offset, int rows, int classes, Object targets,
                                      int targetOffset, SoftmaxLossOptions o, double[] w, Object out, int outOffset,
                                      Object grad, int gradOffset, double[] aux) {
        if (targets instanceof int[] y) {
            return logits instanceof double[] d
                    ? k.softmaxCrossEntropy(d, offset, rows, classes, y, targetOffset, o.ignoreIndex(), w,
                            o.labelSmoothing(), (double[]) out, outOffset, (double[]) grad, gradOffset, 1.0, aux)
                    : k.softmaxCrossEntropy((float[]) logits, offset, rows, classes, y, targetOffset,
                            o.ignoreIndex(), w, o.labelSmoothing(), (float[]) out, outOffset, (float[]) grad,
                            gradOffset, 1.0, aux);
        }
        return logits instanceof double[] d
                ? k.softmaxCrossEntropyProbs(d, offset, rows, classes, (double[]) targets, targetOffset, w,
                        o.labelSmoothing(), (double[]) out, outOffset, (double[]) grad, gradOffset, 1.0, aux)
                : k.softmaxCrossEntropyProbs((float[]) logits, offset, rows, classes, (float[]) targets,
                        targetOffset, w, o.labelSmoothing(), (float[]) out, outOffset, (float[]) grad,
                        gradOffset, 1.0, aux);
    }

    /**
     * The kernel on parts of whole rows over the threads, as the distribution measures' chunks: parts of about
     * {@link Parallelism#chunkLength} elements rounded up to a multiple of {@link Parallelism#ROW_ALIGN} rows (so
     * every backend's blocks of rows fall as in one call, and per-row losses and gradients keep their bits), part
     * sums added in part order with compensated summation. The sum may differ from one call's in the last bits,
     * as chunked sums do; with deterministic parallelism the parts have a fixed length and the result is the same
     * for any thread count. NaN if any part saw invalid input (the caller then names the first bad element).
     */
    private static double softmaxParts(Kernels k, Parallelism par, Object logits, int offset, int rows, int classes,
                                       Object targets, int targetOffset, SoftmaxLossOptions o, double[] w, Object out,
                                       int outOffset, Object grad, int gradOffset, double[] aux) {
        long partRows = par.partRows(rows, classes, Parallelism.ROW_ALIGN);
        int parts = (int) Math.ceilDiv(rows, partRows);
        if (parts == 1) {
            return softmaxCall(k, logits, offset, rows, classes, targets, targetOffset, o, w, out, outOffset, grad,
                    gradOffset, aux);
        }
        boolean indices = targets instanceof int[];
        double[] results = new double[3 * parts]; // per part: loss sum, weight sum, count
        par.forEachPart(parts, par.threads() - 1, () -> new double[Kernels.AUX_LENGTH], (partAux, i) -> {
            int from = (int) (i * partRows);
            int count = (int) Math.min(partRows, rows - from);
            int skip = from * classes;
            results[3 * i] = softmaxCall(k, logits, offset + skip, count, classes, targets,
                    targetOffset + (indices ? from : skip), o, w, out, outOffset + from, grad, gradOffset + skip,
                    partAux);
            results[3 * i + 1] = partAux[LOSS_WEIGHT_SUM];
            results[3 * i + 2] = partAux[LOSS_COUNT];
        });
        double sum = 0, sumC = 0, weights = 0, weightsC = 0, count = 0;
        for (int i = 0; i < parts; i++) {
            double r = results[3 * i];
            if (r != r) {
                return Double.NaN;
            }
            double t = sum + r;
            sumC += KernelMath.sumError(sum, r, t);
            sum = t;
            double x = results[3 * i + 1];
            t = weights + x;
            weightsC += KernelMath.sumError(weights, x, t);
            weights = t;
            count += results[3 * i + 2];
        }
        aux[LOSS_WEIGHT_SUM] = KernelMath.compensated(weights, weightsC);
        aux[LOSS_COUNT] = count;
        return KernelMath.compensated(sum, sumC);
    }

    /** Names the first bad target or logit (of a contributing row). */
    static IllegalArgumentException invalidSoftmax(Object logits, int offset, int rows, int classes, int[] targets,
                                                   int targetOffset, int ignoreIndex, Object probTargets,
                                                   int probOffset) {
        for (int r = 0; r < rows; r++) {
            if (targets != null) {
                int y = targets[targetOffset + r];
                if (y == ignoreIndex) {
                    continue;
                }
                if (y < 0 || y >= classes) {
                    return new IllegalArgumentException("targets[" + (targetOffset + r) + "] = " + y
                            + ": class indices must be in [0, " + classes + ") or equal the ignore index "
                            + ignoreIndex);
                }
            } else {
                for (int c = 0; c < classes; c++) {
                    int i = probOffset + r * classes + c;
                    double q = at(probTargets, i);
                    if (!(q >= 0 && q < Double.POSITIVE_INFINITY)) {
                        return new IllegalArgumentException("targets[" + i + "] = " + show(probTargets, i)
                                + " (row " + r + ", class " + c + "): probability targets must be finite and >= 0");
                    }
                }
            }
            boolean allMinusInf = true;
            for (int c = 0; c < classes; c++) {
                int i = offset + r * classes + c;
                double z = at(logits, i);
                if (Double.isNaN(z) || z == Double.POSITIVE_INFINITY) {
                    return new IllegalArgumentException("logits[" + i + "] = " + show(logits, i) + " (row " + r
                            + ", class " + c + "): logits must not be " + (Double.isNaN(z) ? "NaN" : "+Infinity"));
                }
                allMinusInf &= z == Double.NEGATIVE_INFINITY;
            }
            if (allMinusInf) {
                return new IllegalArgumentException("logits row " + r + " (logits[" + (offset + r * classes) + ".."
                        + (offset + (r + 1) * classes) + ")) is all -Infinity: its softmax is undefined");
            }
        }
        return new IllegalArgumentException("invalid softmax cross-entropy input (the backend reported NaN but no"
                + " bad element was found)");
    }

    // ------------------------------------------------------------------------------------------ binary losses

    /**
     * The whole-array binary forms: {@code second} (probabilities or logits), {@code weights} and {@code out},
     * when given, are as long as {@code targets}.
     */
    static double binary(Kernels k, InfoUnit unit, boolean withLogits, Object targets, Object second,
                         Object weights, LossOptions o, Object out) {
        int n = length("targets", targets);
        exactLength(withLogits ? "logits" : "probs", second, n, "targets.length");
        exactLengthIfGiven("weights", weights, n, "targets.length");
        exactLengthIfGiven("out", out, n, "targets.length");
        return binary(k, unit, withLogits, targets, 0, second, 0, weights, 0, n, o, out, 0);
    }

    static double binary(Kernels k, InfoUnit unit, boolean withLogits, Object targets, int targetOffset,
                         Object second, int secondOffset, Object weights, int weightOffset, int length,
                         LossOptions o, Object out, int outOffset) {
        Objects.requireNonNull(o, "options must not be null");
        String secondName = withLogits ? "logits" : "probs";
        range("targets", targets, targetOffset, length);
        range(secondName, second, secondOffset, length);
        if (weights != null) {
            range("weights", weights, weightOffset, length);
        }
        checkOut(o.reduction(), "out", out, outOffset, length);
        boolean isFloat = targets instanceof float[];
        double[] aux = AUX.get();
        double s;
        if (withLogits) {
            s = isFloat ? k.binaryCrossEntropyWithLogits((float[]) targets, targetOffset, (float[]) second,
                    secondOffset, (float[]) weights, weightOffset, length, o.posWeight(), (float[]) out, outOffset,
                    aux)
                    : k.binaryCrossEntropyWithLogits((double[]) targets, targetOffset, (double[]) second,
                    secondOffset, (double[]) weights, weightOffset, length, o.posWeight(), (double[]) out,
                    outOffset, aux);
        } else {
            double eps = o.clipEpsilon(isFloat);
            s = isFloat ? k.binaryCrossEntropy((float[]) targets, targetOffset, (float[]) second, secondOffset,
                    (float[]) weights, weightOffset, length, eps, (float[]) out, outOffset, aux)
                    : k.binaryCrossEntropy((double[]) targets, targetOffset, (double[]) second, secondOffset,
                    (double[]) weights, weightOffset, length, eps, (double[]) out, outOffset, aux);
        }
        if (Double.isNaN(s)) {
            throw invalidBinary(withLogits, targets, targetOffset, second, secondOffset, weights, weightOffset,
                    length);
        }
        return finish(unit, o.reduction(), false, s, aux, out, outOffset, length, null, 0, 0);
    }

    /** Names a weight that is negative, NaN or infinite, or returns null. */
    private static IllegalArgumentException badWeight(String name, Object weights, int i) {
        if (weights == null) {
            return null;
        }
        double w = at(weights, i);
        if (w >= 0 && w < Double.POSITIVE_INFINITY) {
            return null;
        }
        return new IllegalArgumentException(name + "[" + i + "] = " + show(weights, i)
                + ": weights must be finite and >= 0");
    }

    static IllegalArgumentException invalidBinary(boolean withLogits, Object targets, int targetOffset,
                                                  Object second, int secondOffset, Object weights,
                                                  int weightOffset, int length) {
        for (int i = 0; i < length; i++) {
            IllegalArgumentException w = badWeight("weights", weights, weightOffset + i);
            if (w != null) {
                return w;
            }
            double y = at(targets, targetOffset + i);
            if (!(y >= 0 && y <= 1)) {
                return new IllegalArgumentException("targets[" + (targetOffset + i) + "] = "
                        + show(targets, targetOffset + i) + ": targets must be in [0, 1]");
            }
            double x = at(second, secondOffset + i);
            if (withLogits ? Double.isNaN(x) : !(x >= 0 && x <= 1)) {
                return new IllegalArgumentException((withLogits ? "logits[" : "probs[") + (secondOffset + i) + "] = "
                        + show(second, secondOffset + i) + (withLogits ? ": logits must not be NaN"
                        : ": probabilities must be in [0, 1]"));
            }
        }
        return new IllegalArgumentException("invalid binary cross-entropy input (the backend reported NaN but no"
                + " bad element was found)");
    }

    // ---------------------------------------------------------------------------------------------- log loss

    /** The whole-array log-loss forms: probs rows × classes; targets, weights and out (when given) rows long. */
    static double logLoss(Kernels k, InfoUnit unit, Normalization policy, int[] targets, Object probs, int rows,
                          int classes, Object weights, LossOptions o, Object out) {
        exactMatrix("probs", probs, rows, classes);
        exactLength("targets", targets, rows, "rows");
        exactLengthIfGiven("sampleWeights", weights, rows, "rows");
        exactLengthIfGiven("out", out, rows, "rows");
        return logLoss(k, unit, policy, targets, 0, probs, 0, rows, classes, weights, 0, o, out, 0);
    }

    static double logLoss(Kernels k, InfoUnit unit, Normalization policy, int[] targets, int targetOffset,
                          Object probs, int offset, int rows, int classes, Object weights, int weightOffset,
                          LossOptions o, Object out, int outOffset) {
        Objects.requireNonNull(o, "options must not be null");
        int n = matrixLength("probs", rows, classes);
        range("probs", probs, offset, n);
        range("targets", targets, targetOffset, rows);
        if (weights != null) {
            range("sampleWeights", weights, weightOffset, rows);
        }
        checkOut(o.reduction(), "out", out, outOffset, rows);
        boolean isFloat = probs instanceof float[];
        double[] aux = AUX.get();
        double eps = o.clipEpsilon(isFloat);
        double s = isFloat ? k.logLoss((float[]) probs, offset, rows, classes, targets, targetOffset,
                (float[]) weights, weightOffset, eps, (float[]) out, outOffset, aux)
                : k.logLoss((double[]) probs, offset, rows, classes, targets, targetOffset, (double[]) weights,
                weightOffset, eps, (double[]) out, outOffset, aux);
        if (Double.isNaN(s)) {
            throw invalidLogLoss(targets, targetOffset, probs, offset, rows, classes, weights, weightOffset);
        }
        if (policy == Normalization.REQUIRE) {
            double tolerance = Normalization.sumTolerance(classes, isFloat);
            if (!(aux[LOSS_ROW_SUM_ERROR] <= tolerance)) {
                throw rowSumError(probs, offset, rows, classes, tolerance, isFloat);
            }
        }
        return finish(unit, o.reduction(), true, s, aux, out, outOffset, rows, null, 0, 0);
    }

    private static IllegalArgumentException rowSumError(Object probs, int offset, int rows, int classes,
                                                        double tolerance, boolean isFloat) {
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < classes; c++) {
                s += at(probs, offset + r * classes + c);
            }
            if (!(Math.abs(s - 1) <= tolerance)) {
                return new IllegalArgumentException("probs row " + r + " sums to " + s + ", not 1 (|sum - 1| = "
                        + Math.abs(s - 1) + " > tolerance " + tolerance + " for " + classes
                        + (isFloat ? " float" : " double") + " entries); normalise it, or use"
                        + " Shannon.withNormalization(Normalization.NORMALIZE) to divide each row by its sum"
                        + " (scikit-learn's behaviour)");
            }
        }
        return new IllegalArgumentException("probs rows do not sum to 1 within " + tolerance);
    }

    static IllegalArgumentException invalidLogLoss(int[] targets, int targetOffset, Object probs, int offset,
                                                   int rows, int classes, Object weights, int weightOffset) {
        for (int r = 0; r < rows; r++) {
            IllegalArgumentException w = badWeight("sampleWeights", weights, weightOffset + r);
            if (w != null) {
                return w;
            }
            int y = targets[targetOffset + r];
            if (y < 0 || y >= classes) {
                return new IllegalArgumentException("targets[" + (targetOffset + r) + "] = " + y
                        + ": class indices must be in [0, " + classes + ")");
            }
            double s = 0;
            for (int c = 0; c < classes; c++) {
                int i = offset + r * classes + c;
                double p = at(probs, i);
                if (!(p >= 0 && p < Double.POSITIVE_INFINITY)) {
                    return new IllegalArgumentException("probs[" + i + "] = " + show(probs, i) + " (row " + r
                            + ", class " + c + "): probabilities must " + (Double.isNaN(p) ? "not be NaN"
                            : p < 0 ? "be >= 0" : "be finite"));
                }
                s += p;
            }
            if (s == 0) {
                return new IllegalArgumentException("probs row " + r + " is all zeros: it is not a distribution");
            }
        }
        return new IllegalArgumentException("invalid log-loss input (the backend reported NaN but no bad element"
                + " was found)");
    }
}
