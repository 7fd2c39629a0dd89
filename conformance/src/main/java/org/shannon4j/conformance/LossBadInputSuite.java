package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;
import org.shannon4j.loss.LossOptions;
import org.shannon4j.loss.Reduction;
import org.shannon4j.loss.SoftmaxLossOptions;

/**
 * Every public loss method, on every backend, rejects bad input with the documented exception and a message
 * naming the argument, the index and the value. Bad values are planted in the first row, past the first SIMD
 * row block (row 70), in the last row (the scalar tail) and in the many-classes path; bad arguments (null,
 * ranges, shapes, options) are checked for every overload family.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LossBadInputSuite {

    protected Stream<Shannon> backends() {
        return ConformanceBackends.supported();
    }

    Stream<Arguments> plantings() {
        List<Arguments> all = new ArrayList<>();
        backends().forEach(s -> {
            for (int classes : new int[] {3, 10, 40}) {
                for (int row : new int[] {0, 70, 130}) {
                    for (boolean f : new boolean[] {false, true}) {
                        all.add(Arguments.of(Named.of(s.backendName(), s), classes, row,
                                Named.of(f ? "float" : "double", f)));
                    }
                }
            }
        });
        return all.stream();
    }

    static final int ROWS = 131;

    static double[] logits(int classes) {
        double[] z = new double[ROWS * classes];
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.sin(i) * 3;
        }
        return z;
    }

    static int[] targets(int classes) {
        int[] y = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            y[r] = (r * 7) % classes;
        }
        return y;
    }

    static double softmax(Shannon s, double[] z, int classes, int[] y, boolean f, SoftmaxLossOptions o) {
        return f ? s.losses().softmaxCrossEntropy(TestData.toFloat(z), ROWS, classes, y, o)
                : s.losses().softmaxCrossEntropy(z, ROWS, classes, y, o);
    }

    static void expect(Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(message), () -> "message \"" + e.getMessage() + "\" should contain \""
                + message + "\"");
    }

    @ParameterizedTest(name = "{0}: C={1} row {2} {3}")
    @MethodSource("plantings")
    void badSoftmaxEntriesAreNamed(Shannon s, int classes, int row, boolean f) {
        SoftmaxLossOptions o = SoftmaxLossOptions.defaults();
        int c = classes - 1;
        int i = row * classes + c;
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] z = logits(classes);
            z[i] = bad;
            String shown = f ? Float.toString((float) bad) : Double.toString(bad);
            expect(() -> softmax(s, z, classes, targets(classes), f, o),
                    "logits[" + i + "] = " + shown + " (row " + row + ", class " + c + ")");
            // The same value in an ignored row is not read.
            int[] y = targets(classes);
            y[row] = -100;
            double v = softmax(s, z, classes, y, f, o);
            assertTrue(Double.isFinite(v), "ignored row must not be validated: " + v);
        }
        // +∞ at the row's own target class: S = Σ exp(z_c − ∞) = 0 must not turn it into a loss of 0.
        int target = targets(classes)[row];
        int at = row * classes + target;
        double[] zt = logits(classes);
        zt[at] = Double.POSITIVE_INFINITY;
        expect(() -> softmax(s, zt, classes, targets(classes), f, o),
                "logits[" + at + "] = Infinity (row " + row + ", class " + target + ")");
        double[] z = logits(classes);
        for (int k = 0; k < classes; k++) {
            z[row * classes + k] = Double.NEGATIVE_INFINITY;
        }
        expect(() -> softmax(s, z, classes, targets(classes), f, o), "logits row " + row);
        for (int badTarget : new int[] {classes, -1, -101, Integer.MAX_VALUE}) {
            int[] y = targets(classes);
            y[row] = badTarget;
            expect(() -> softmax(s, logits(classes), classes, y, f, o), "targets[" + row + "] = " + badTarget
                    + ": class indices must be in [0, " + classes + ")");
        }
        // Probability targets.
        double[] q = new double[ROWS * classes];
        for (int r = 0; r < ROWS; r++) {
            q[r * classes + r % classes] = 1;
        }
        q[i] = -0.5;
        expect(() -> {
            if (f) {
                s.losses().softmaxCrossEntropy(TestData.toFloat(logits(classes)), ROWS, classes, TestData.toFloat(q), o);
            } else {
                s.losses().softmaxCrossEntropy(logits(classes), ROWS, classes, q, o);
            }
        }, "targets[" + i + "] = -0.5 (row " + row + ", class " + c + "): probability targets must be finite and >= 0");
        // Log loss on the same shape.
        double[] p = new double[ROWS * classes];
        for (int k = 0; k < p.length; k++) {
            p[k] = 1.0 / classes;
        }
        p[i] = Double.NaN;
        expect(() -> {
            Shannon lax = s.withNormalization(Normalization.NORMALIZE);
            if (f) {
                lax.losses().logLoss(targets(classes), TestData.toFloat(p), ROWS, classes);
            } else {
                lax.losses().logLoss(targets(classes), p, ROWS, classes);
            }
        }, "probs[" + i + "] = NaN (row " + row + ", class " + c + "): probabilities must not be NaN");
    }

    Stream<Arguments> binaryPlantings() {
        List<Arguments> all = new ArrayList<>();
        backends().forEach(s -> {
            for (int at : new int[] {0, 17, 1000, 1029}) {
                for (boolean f : new boolean[] {false, true}) {
                    all.add(Arguments.of(Named.of(s.backendName(), s), at, Named.of(f ? "float" : "double", f)));
                }
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: at {1} {2}")
    @MethodSource("binaryPlantings")
    void badBinaryEntriesAreNamed(Shannon s, int at, boolean f) {
        int n = 1030;
        double[] y = new double[n], p = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            p[i] = 0.25 + 0.5 * (i % 3) / 3;
        }
        double[][] cases = {{Double.NaN, 0.5}, {1.5, 0.5}, {-0.25, 0.5}, {1, Double.NaN}, {1, -0.5}, {1, 1.25}};
        for (double[] bad : cases) {
            double[] yy = y.clone(), pp = p.clone();
            yy[at] = bad[0];
            pp[at] = bad[1];
            boolean targetBad = !(bad[0] >= 0 && bad[0] <= 1);
            String shown = targetBad ? (f ? Float.toString((float) bad[0]) : Double.toString(bad[0]))
                    : (f ? Float.toString((float) bad[1]) : Double.toString(bad[1]));
            String msg = (targetBad ? "targets[" : "probs[") + at + "] = " + shown;
            expect(() -> {
                if (f) {
                    s.losses().binaryCrossEntropy(TestData.toFloat(yy), TestData.toFloat(pp));
                } else {
                    s.losses().binaryCrossEntropy(yy, pp);
                }
            }, msg);
            if (targetBad || Double.isNaN(bad[1])) {
                String lmsg = (targetBad ? "targets[" : "logits[") + at + "] = " + shown;
                expect(() -> {
                    if (f) {
                        s.losses().binaryCrossEntropyWithLogits(TestData.toFloat(yy), TestData.toFloat(pp));
                    } else {
                        s.losses().binaryCrossEntropyWithLogits(yy, pp);
                    }
                }, lmsg);
            }
        }
    }

    Stream<Shannon> backendStream() {
        return backends();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backendStream")
    void badArgumentsAreRejected(Shannon s) {
        double[] z = {0, 1, 2, 3, 4, 5};
        float[] zf = {0, 1, 2, 3, 4, 5};
        int[] y = {0, 1};
        double[] q = {1, 0, 0, 0, 1, 0};
        SoftmaxLossOptions o = SoftmaxLossOptions.defaults();
        LossOptions lo = LossOptions.defaults();
        // Nulls name the argument.
        assertNpe(() -> s.losses().softmaxCrossEntropy((double[]) null, 2, 3, y), "logits");
        assertNpe(() -> s.losses().softmaxCrossEntropy(z, 2, 3, (int[]) null), "targets");
        assertNpe(() -> s.losses().softmaxCrossEntropy(zf, 2, 3, (int[]) null), "targets");
        assertNpe(() -> s.losses().softmaxCrossEntropy(z, 2, 3, y, null), "options");
        assertNpe(() -> s.losses().softmaxCrossEntropy(z, 2, 3, (double[]) null), "targets");
        assertNpe(() -> s.losses().softmaxCrossEntropy(z, 0, 2, 3, y, 0, o.reduction(Reduction.NONE), null, 0), "out");
        assertNpe(() -> s.losses().softmaxCrossEntropyGradient(z, 0, 2, 3, y, 0, o, null, 0), "grad");
        assertNpe(() -> s.losses().binaryCrossEntropy(null, new double[1]), "targets");
        assertNpe(() -> s.losses().binaryCrossEntropy(new double[1], null), "probs");
        assertNpe(() -> s.losses().binaryCrossEntropyWithLogits(new float[1], null), "logits");
        assertNpe(() -> s.losses().logLoss(null, new double[2], 1, 2), "targets");
        assertNpe(() -> s.losses().logLoss(new int[1], (double[]) null, 1, 2), "probs");
        assertNpe(() -> s.losses().binaryCrossEntropy(new double[1], 0, new double[1], 0, 1, lo.reduction(Reduction.NONE),
                null, 0), "out");
        // Shapes.
        expect(() -> s.losses().softmaxCrossEntropy(z, 2, 2, y), "logits.length = 6 but rows × classes = 2 × 2 = 4");
        expect(() -> s.losses().softmaxCrossEntropy(z, 3, 2, y), "targets.length = 2 but rows = 3");
        expect(() -> s.losses().softmaxCrossEntropy(z, 2, 3, new double[5]), "targets.length = 5 but rows × classes");
        expect(() -> s.losses().softmaxCrossEntropy(z, -1, 3, y), "rows = -1");
        expect(() -> s.losses().softmaxCrossEntropy(z, 2, 0, y), "classes = 0");
        expect(() -> s.losses().softmaxCrossEntropy(z, 65536, 65536, y), "exceeds the maximum array length");
        expect(() -> s.losses().binaryCrossEntropy(new double[2], new double[3]), "probs.length = 3 but targets.length = 2");
        expect(() -> s.losses().logLoss(new int[2], new double[5], 2, 2), "probs.length = 5");
        expect(() -> s.losses().softmaxCrossEntropy(z, 2, 3, y, o.weights(new double[] {1, 2})),
                "weights.length = 2 but classes = 3");
        // Ranges.
        assertThrows(IndexOutOfBoundsException.class, () -> s.losses().softmaxCrossEntropy(z, 1, 2, 3, y, 0, o, null, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.losses().softmaxCrossEntropy(z, -1, 2, 3, y, 0, o, null, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.losses().softmaxCrossEntropy(z, 0, 2, 3, y, 1, o, null, 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> s.losses().softmaxCrossEntropy(z, 0, 2, 3, y, 0, o, new double[2], 1));
        assertThrows(IndexOutOfBoundsException.class,
                () -> s.losses().softmaxCrossEntropyGradient(z, 0, 2, 3, y, 0, o, new double[5], 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> s.losses().softmaxCrossEntropy(z, 0, 2, 3, q, 1, o, null, 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> s.losses().binaryCrossEntropy(new double[3], 2, new double[3], 0, 2, lo, null, 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> s.losses().logLoss(new int[2], 0, new double[4], 1, 2, 2, lo, null, 0));
        // Options are validated when built.
        expect(() -> o.weights(new double[] {1, -0.5}), "weights[1] = -0.5: class weights must be finite and >= 0");
        expect(() -> o.weights(new double[] {Double.NaN}), "weights[0] = NaN");
        expect(() -> o.labelSmoothing(1.5), "labelSmoothing = 1.5");
        expect(() -> o.labelSmoothing(Double.NaN), "labelSmoothing = NaN");
        expect(() -> lo.clip(0.5), "clip epsilon = 0.5");
        expect(() -> lo.clip(-1e-9), "clip epsilon = -1.0E-9");
        expect(() -> lo.posWeight(-1), "posWeight = -1.0");
        assertThrows(NullPointerException.class, () -> o.reduction(null));
        assertThrows(NullPointerException.class, () -> lo.reduction(null));
        // Log loss rows must sum to 1 under REQUIRE.
        expect(() -> s.losses().logLoss(new int[] {0, 1}, new double[] {0.5, 0.5, 0.3, 0.3}, 2, 2),
                "probs row 1 sums to 0.6");
        assertEquals(-Math.log(0.5), s.withNormalization(Normalization.NORMALIZE)
                .losses().logLoss(new int[] {0, 1}, new double[] {0.5, 0.5, 0.3, 0.3}, 2, 2), 1e-15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void badWeightsAreNamed(Shannon s) {
        double[] y = new double[40], p = new double[40], w = new double[40];
        java.util.Arrays.fill(p, 0.5);
        java.util.Arrays.fill(w, 1.0);
        for (double bad : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            for (int at : new int[] {0, 17, 39}) {
                double[] ww = w.clone();
                ww[at] = bad;
                String m = "weights[" + at + "] = " + bad + ": weights must be finite and >= 0";
                expect(() -> s.losses().binaryCrossEntropy(y, p, ww, LossOptions.defaults()), m);
                expect(() -> s.losses().binaryCrossEntropyWithLogits(y, p, ww, LossOptions.defaults()), m);
                float[] wf = TestData.toFloat(ww);
                expect(() -> s.losses().binaryCrossEntropy(TestData.toFloat(y), TestData.toFloat(p), wf,
                        LossOptions.defaults()), "weights[" + at + "] = " + (float) bad);
                if (at < 10) {
                    double[] probs = new double[20];
                    for (int r = 0; r < 10; r++) {
                        probs[2 * r] = 1;
                    }
                    expect(() -> s.losses().logLoss(new int[10], probs, 10, 2, java.util.Arrays.copyOf(ww, 10),
                            LossOptions.defaults()), "sampleWeights[" + at + "] = " + bad);
                }
            }
        }
        expect(() -> s.losses().binaryCrossEntropy(y, p, new double[39], LossOptions.defaults()),
                "weights.length = 39 but targets.length = 40");
        expect(() -> s.losses().binaryCrossEntropyWithLogits(y, p, new double[41], LossOptions.defaults()),
                "weights.length = 41 but targets.length = 40");
        expect(() -> s.losses().logLoss(new int[2], new double[] {1, 0, 1, 0}, 2, 2, new double[3], LossOptions.defaults()),
                "sampleWeights.length = 3 but rows = 2");
        expect(() -> s.losses().binaryCrossEntropy(y, p, null, LossOptions.defaults(), new double[3]),
                "out.length = 3 but targets.length = 40");
    }

    static void assertNpe(Executable call, String name) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(name), () -> "NPE message \""
                + e.getMessage() + "\" should name " + name);
    }

    /**
     * Every target's class weight 0 with label smoothing (an audit against PyTorch, which gives NaN): the sum is
     * not 0, the weight sum is, so the mean has no value; SUM is still the sum.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void smoothedMeanOverZeroTargetWeightsIsAnError(Shannon s) {
        double[] logits = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        int[] targets = {0, 0, 1};
        SoftmaxLossOptions o = SoftmaxLossOptions.defaults().weights(new double[] {0, 0, 1}).labelSmoothing(0.3);
        double sum = s.losses().softmaxCrossEntropy(logits, 3, 3, targets, o.reduction(Reduction.SUM));
        assertTrue(sum > 0.12 && sum < 0.123, "sum " + sum);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.losses().softmaxCrossEntropy(logits, 3, 3, targets, o));
        assertTrue(e.getMessage().startsWith("weights sums to 0 over the targets"), e.getMessage());
        // no smoothing: every term is weighted 0, a mean over nothing, 0
        assertEquals(0.0, s.losses().softmaxCrossEntropy(logits, 3, 3, targets, o.labelSmoothing(0)));
    }

    @Test
    void emptyBatchesAreZeroNotNaN() {
        backends().forEach(s -> {
            assertEquals(0.0, s.losses().softmaxCrossEntropy(new double[0], 0, 10, new int[0]));
            assertEquals(0.0, s.losses().binaryCrossEntropy(new float[0], new float[0]));
            assertEquals(0.0, s.losses().logLoss(new int[0], new double[0], 0, 3));
            assertEquals(0, s.losses().softmaxCrossEntropyResult(new double[6], 0, 2, 3, new int[] {-100, -100}, 0,
                    SoftmaxLossOptions.defaults(), null, 0).count());
        });
    }
}
