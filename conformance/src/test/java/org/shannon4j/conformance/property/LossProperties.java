package org.shannon4j.conformance.property;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shannon4j.Shannon;
import org.shannon4j.conformance.property.Agreement.Call;

/**
 * The property layer over the losses on every backend: softmax cross-entropy with class-index and probability
 * targets (whole and offset forms, per-row outputs, gradients; weights, ignore index, label smoothing, every
 * reduction), binary cross-entropy from probabilities and from logits (clipping, posWeight), and log loss under
 * both policies; float and double; every unit.
 *
 * <p>Tolerances (LossConformanceSuite, the Shannon Javadoc): reduced losses and double per-row outputs within
 * 2·1e-13 relative of each other (each backend is within 1e-13 of the reference), float per-row outputs within
 * 2·2⁻²³ relative, gradient entries within 2·1e-14 absolute (in nats; divided by the unit's size).
 */
class LossProperties {

    private static final double RELATIVE = 2e-13;

    @Provide
    Arbitrary<LossCase> cases() {
        return LossCase.arbitrary();
    }

    @Property
    void softmaxWithClassTargetsAgreesWithScalar(@ForAll("cases") LossCase c) {
        Agreement.agree(softmaxIndexCalls(c));
    }

    @Property
    void softmaxWithProbabilityTargetsAgreesWithScalar(@ForAll("cases") LossCase c) {
        Agreement.agree(softmaxProbsCalls(c));
    }

    @Property
    void binaryCrossEntropyAgreesWithScalar(@ForAll("cases") LossCase c) {
        Agreement.agree(binaryCalls(c));
    }

    @Property
    void logLossAgreesWithScalar(@ForAll("cases") LossCase c) {
        Agreement.agree(logLossCalls(c));
    }

    @Property
    void lossesRepeatBits(@ForAll("cases") LossCase c) {
        List<Call> all = new ArrayList<>(softmaxIndexCalls(c));
        all.addAll(softmaxProbsCalls(c));
        all.addAll(binaryCalls(c));
        all.addAll(logLossCalls(c));
        Agreement.repeat(all);
    }

    // ------------------------------------------------------------------------------------------ calls

    /** The reduced loss, per-row outputs (first, middle, last row) and gradient entries, double or float. */
    static List<Call> softmaxIndexCalls(LossCase c) {
        int r = c.rows();
        int k = c.classes();
        int off = c.offset();
        int[] t = LossCase.shifted(c.targets(), off);
        List<Call> calls = new ArrayList<>();
        boolean valid = c.clean() && validTargets(c) && !smoothedMeanOverZeroWeights(c);
        if (c.float32()) {
            float[] z = LossCase.f(c.logits());
            float[] zs = LossCase.f(LossCase.shifted(c.logits(), off));
            if (c.softmaxOptions().reduction() != org.shannon4j.loss.Reduction.NONE) {
                calls.add(call("softmax(index, float)", s -> s.losses().softmaxCrossEntropy(z, r, k, c.targets(),
                        c.softmaxOptions()), valid));
            }
            outputs(calls, "softmax(index, float, offset)", r, k, valid, true,
                    (s, out) -> s.losses().softmaxCrossEntropy(zs, off, r, k, t, off, c.softmaxOptions(), (float[]) out, 1),
                    (s, grad) -> s.losses().softmaxCrossEntropyGradient(zs, off, r, k, t, off, c.softmaxOptions(),
                            (float[]) grad, 1));
        } else {
            double[] z = c.logits();
            double[] zs = LossCase.shifted(z, off);
            if (c.softmaxOptions().reduction() != org.shannon4j.loss.Reduction.NONE) {
                calls.add(call("softmax(index)", s -> s.losses().softmaxCrossEntropy(z, r, k, c.targets(), c.softmaxOptions()),
                        valid));
            }
            outputs(calls, "softmax(index, offset)", r, k, valid, false,
                    (s, out) -> s.losses().softmaxCrossEntropy(zs, off, r, k, t, off, c.softmaxOptions(), (double[]) out, 1),
                    (s, grad) -> s.losses().softmaxCrossEntropyGradient(zs, off, r, k, t, off, c.softmaxOptions(),
                            (double[]) grad, 1));
        }
        return withUnit(calls, c);
    }

    static List<Call> softmaxProbsCalls(LossCase c) {
        int r = c.rows();
        int k = c.classes();
        int off = c.offset();
        List<Call> calls = new ArrayList<>();
        boolean valid = c.clean();
        if (c.float32()) {
            float[] zs = LossCase.f(LossCase.shifted(c.logits(), off));
            float[] qs = LossCase.f(LossCase.shifted(c.softTargets(), off));
            outputs(calls, "softmax(probabilities, float, offset)", r, k, valid, true,
                    (s, out) -> s.losses().softmaxCrossEntropy(zs, off, r, k, qs, off, c.softmaxOptions(), (float[]) out, 1),
                    (s, grad) -> s.losses().softmaxCrossEntropyGradient(zs, off, r, k, qs, off, c.softmaxOptions(),
                            (float[]) grad, 1));
        } else {
            double[] zs = LossCase.shifted(c.logits(), off);
            double[] qs = LossCase.shifted(c.softTargets(), off);
            if (c.softmaxOptions().reduction() != org.shannon4j.loss.Reduction.NONE) {
                calls.add(call("softmax(probabilities)", s -> s.losses().softmaxCrossEntropy(c.logits(), r, k, c.softTargets(),
                        c.softmaxOptions()), valid));
            }
            outputs(calls, "softmax(probabilities, offset)", r, k, valid, false,
                    (s, out) -> s.losses().softmaxCrossEntropy(zs, off, r, k, qs, off, c.softmaxOptions(), (double[]) out, 1),
                    (s, grad) -> s.losses().softmaxCrossEntropyGradient(zs, off, r, k, qs, off, c.softmaxOptions(),
                            (double[]) grad, 1));
        }
        return withUnit(calls, c);
    }

    static List<Call> binaryCalls(LossCase c) {
        int n = c.rows() * c.classes();
        int off = c.offset();
        List<Call> calls = new ArrayList<>();
        boolean valid = c.clean();
        if (c.float32()) {
            float[] y = LossCase.f(LossCase.shifted(c.binaryTargets(), off));
            float[] p = LossCase.f(LossCase.shifted(c.binaryProbs(), off));
            float[] x = LossCase.f(LossCase.shifted(c.logits(), off));
            outputs(calls, "BCE(float)", n, 1, valid, true,
                    (s, out) -> s.losses().binaryCrossEntropy(y, off, p, off, n, c.options(), (float[]) out, 1), null);
            outputs(calls, "BCEWithLogits(float)", n, 1, valid, true,
                    (s, out) -> s.losses().binaryCrossEntropyWithLogits(y, off, x, off, n, c.options(), (float[]) out, 1), null);
        } else {
            double[] y = LossCase.shifted(c.binaryTargets(), off);
            double[] p = LossCase.shifted(c.binaryProbs(), off);
            double[] x = LossCase.shifted(c.logits(), off);
            outputs(calls, "BCE", n, 1, valid, false,
                    (s, out) -> s.losses().binaryCrossEntropy(y, off, p, off, n, c.options(), (double[]) out, 1), null);
            outputs(calls, "BCEWithLogits", n, 1, valid, false,
                    (s, out) -> s.losses().binaryCrossEntropyWithLogits(y, off, x, off, n, c.options(), (double[]) out, 1),
                    null);
        }
        return withUnit(calls, c);
    }

    static List<Call> logLossCalls(LossCase c) {
        int r = c.rows();
        int k = c.classes();
        int off = c.offset();
        int[] t = LossCase.shifted(c.targets(), off);
        List<Call> calls = new ArrayList<>();
        // log loss takes no ignore index: only class indices in range are valid
        boolean valid = false;
        if (c.float32()) {
            float[] p = LossCase.f(LossCase.shifted(c.probs(), off));
            outputs(calls, "logLoss(float)", r, 1, valid, true,
                    (s, out) -> s.losses().logLoss(t, off, p, off, r, k, c.options(), (float[]) out, 1), null);
        } else {
            double[] p = LossCase.shifted(c.probs(), off);
            outputs(calls, "logLoss", r, 1, valid, false,
                    (s, out) -> s.losses().logLoss(t, off, p, off, r, k, c.options(), (double[]) out, 1), null);
        }
        return calls.stream().map(k2 -> new Call(k2.name(),
                s -> k2.f().applyAsDouble(s.withNormalization(c.policy())), k2.tolerance(), k2.valid()))
                .map(k2 -> withUnit(List.of(k2), c).get(0)).toList();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A loss call that fills an output array ({@code float[]} or {@code double[]}) at offset 1. */
    interface Filling {
        double apply(Shannon s, Object out);
    }

    /**
     * The reduced value of {@code loss} and entries of its per-row output (first, middle, last of {@code rows});
     * and, if {@code gradient} is given, its value and three entries of the rows × classes gradient.
     */
    private static void outputs(List<Call> calls, String name, int rows, int classes, boolean valid, boolean float32,
                                Filling loss, Filling gradient) {
        calls.add(call(name, s -> loss.apply(s, buffer(float32, rows)), valid));
        for (int r : sample(rows)) {
            DoubleUnaryOperator tol = float32 ? Agreement.relative(2 * 0x1p-23, 1e-300)
                    : Agreement.relative(RELATIVE, 1e-300);
            calls.add(new Call(name + " out[" + r + "]", s -> {
                Object out = buffer(float32, rows);
                loss.apply(s, out);
                return entry(out, 1 + r);
            }, tol, valid));
        }
        if (gradient == null) {
            return;
        }
        calls.add(call(name + " gradient", s -> gradient.apply(s, buffer(float32, rows * classes)), valid));
        for (int i : sample(rows * classes)) {
            DoubleUnaryOperator tol = float32 ? Agreement.relative(2 * 0x1p-23, 2e-14) : Agreement.absolute(2e-14);
            calls.add(new Call(name + " grad[" + i + "]", s -> {
                Object grad = buffer(float32, rows * classes);
                gradient.apply(s, grad);
                return entry(grad, 1 + i);
            }, tol, valid));
        }
    }

    private static int[] sample(int n) {
        return n == 0 ? new int[0] : java.util.stream.IntStream.of(0, n / 2, n - 1).distinct().toArray();
    }

    private static Object buffer(boolean float32, int n) {
        return float32 ? new float[n + 2] : new double[n + 2];
    }

    private static double entry(Object a, int i) {
        return a instanceof float[] f ? f[i] : ((double[]) a)[i];
    }

    private static Call call(String name, ToDoubleFunction<Shannon> f, boolean valid) {
        return new Call(name, f, Agreement.relative(RELATIVE, 1e-300), valid);
    }

    /** Gradients scale with the unit too, so their absolute tolerance (in nats) is divided by its size. */
    private static List<Call> withUnit(List<Call> calls, LossCase c) {
        double per = c.unit().natsPerUnit();
        return calls.stream().map(k -> new Call(k.name(), s -> k.f().applyAsDouble(s.withUnit(c.unit())),
                v -> k.tolerance().applyAsDouble(v) / Math.min(1, per), k.valid())).toList();
    }

    /**
     * A weighted mean (class indices: MEAN, MEAN_BY_WEIGHT) with label smoothing where every counted target's class
     * weight is 0: the sum is not 0, the weight sum is, and the call is rejected ("weights sums to 0").
     */
    private static boolean smoothedMeanOverZeroWeights(LossCase c) {
        org.shannon4j.loss.SoftmaxLossOptions o = c.softmaxOptions();
        org.shannon4j.loss.Reduction red = o.reduction();
        double[] w = o.weights();
        if (w == null || o.labelSmoothing() == 0 || !(red == org.shannon4j.loss.Reduction.MEAN
                || red == org.shannon4j.loss.Reduction.MEAN_BY_WEIGHT)) {
            return false;
        }
        double sum = 0;
        for (int t : c.targets()) {
            if (t != o.ignoreIndex() && t >= 0 && t < c.classes()) {
                sum += w[t];
            }
        }
        return sum == 0;
    }

    private static boolean validTargets(LossCase c) {
        for (int t : c.targets()) {
            if (t != c.softmaxOptions().ignoreIndex() && (t < 0 || t >= c.classes())) {
                return false;
            }
        }
        return true;
    }
}
