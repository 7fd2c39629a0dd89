package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;
import org.shannon4j.loss.LossOptions;
import org.shannon4j.loss.LossResult;
import org.shannon4j.loss.Reduction;
import org.shannon4j.loss.SoftmaxLossOptions;

/**
 * Random-input conformance of the losses on every backend against an independent per-row reference: shapes
 * that cross every vector-path boundary (rows 0..200 around the SIMD row block of 64, classes 1..257 around the
 * small/large class switch at 32 and the lane counts), float and double, offsets, weights, ignored rows,
 * masked (−∞) classes, huge logits, label smoothing, gradients, every reduction and 1e5-row sums.
 *
 * <h2>Reference and tolerance</h2>
 * {@link #referenceRow}: m = max z, S' = Σ_{z_c &lt; m} exp(z_c − m) + (ties − 1), ℓ = Σ a_c·((m − z_c) +
 * log1p(S')) — each row to a few ulp (C exps summed in a row of at most 257 positive terms: ≤ 260 ulp
 * relative to S', which log1p maps into ≤ 260 ulp of ln S, a non-negative addend) — and rows summed in
 * double-double. Backends must be within {@value #RELATIVE}·|value| (+1e-300): ≥ 100× the reference's own
 * error, and what the Shannon Javadoc promises. Per-row outputs: the same bound for double, float rounding
 * (2⁻²³) for float outputs. Gradients: within {@value #GRAD_ABSOLUTE} absolutely of the reference
 * (each entry is a difference of two numbers ≤ 1, computed to a few ulp).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LossConformanceSuite {

    static final double RELATIVE = 1e-13;
    static final double GRAD_ABSOLUTE = 1e-14;

    protected Stream<Shannon> backends() {
        return ConformanceBackends.supported();
    }

    record Shape(int rows, int classes, String kind) {
        @Override
        public String toString() {
            return rows + "x" + classes + " " + kind;
        }
    }

    static List<Shape> shapes() {
        List<Shape> s = new ArrayList<>();
        int[] rows = {0, 1, 7, 63, 64, 65, 129, 200};
        int[] classes = {1, 2, 3, 8, 10, 16, 31, 32, 33, 100, 257};
        for (int r : rows) {
            for (int c : classes) {
                s.add(new Shape(r, c, "plain"));
            }
        }
        for (String kind : List.of("weights-ignore", "masked", "huge", "smoothing", "gradient", "probs",
                "probs-smoothing-gradient")) {
            for (int c : new int[] {3, 10, 33, 100}) {
                s.add(new Shape(130, c, kind));
            }
        }
        s.add(new Shape(100_000, 10, "plain"));
        s.add(new Shape(1_000, 1000, "plain"));
        return s;
    }

    Stream<Arguments> cases() {
        List<Shape> all = shapes();
        return backends().flatMap(b -> all.stream().flatMap(sh -> Stream.of(false, true).map(f ->
                Arguments.of(Named.of(b.backendName(), b), Named.of(sh.toString(), sh),
                        Named.of(f ? "float" : "double", f)))));
    }

    /** Generated input of one case; float cases hold float-representable values. */
    static final class Input {
        double[] z;
        int[] y;
        double[] q;
        double[] w;
        int ignore = -100;
        double smoothing;
    }

    static Input input(Shape sh, boolean float32, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Input in = new Input();
        int n = sh.rows() * sh.classes();
        in.z = new double[n];
        double scale = sh.kind().equals("huge") ? 1e4 : 4;
        for (int i = 0; i < n; i++) {
            in.z[i] = (rnd.nextDouble() * 2 - 1) * scale;
        }
        in.y = new int[sh.rows()];
        for (int r = 0; r < sh.rows(); r++) {
            in.y[r] = rnd.nextInt(sh.classes());
        }
        if (sh.kind().equals("weights-ignore")) {
            in.w = new double[sh.classes()];
            for (int c = 0; c < sh.classes(); c++) {
                in.w[c] = c % 5 == 4 ? 0 : rnd.nextDouble() * 3;
            }
            for (int r = 0; r < sh.rows(); r += 3) {
                in.y[r] = -100;
            }
        }
        if (sh.kind().equals("masked")) {
            for (int r = 0; r < sh.rows(); r++) {
                for (int c = 0; c < sh.classes(); c++) {
                    if (c != in.y[r] && rnd.nextInt(3) == 0) {
                        in.z[r * sh.classes() + c] = Double.NEGATIVE_INFINITY;
                    }
                }
            }
        }
        if (sh.kind().contains("smoothing")) {
            in.smoothing = 0.1;
            in.w = new double[sh.classes()];
            for (int c = 0; c < sh.classes(); c++) {
                in.w[c] = 0.5 + rnd.nextDouble();
            }
        }
        if (sh.kind().startsWith("probs")) {
            in.q = new double[n];
            for (int r = 0; r < sh.rows(); r++) {
                double[] d = TestData.dirichlet(rnd, sh.classes(), 0.5, 0.2);
                System.arraycopy(d, 0, in.q, r * sh.classes(), sh.classes());
            }
        }
        if (float32) {
            in.z = ExactReference.widen(TestData.toFloat(in.z));
            if (in.q != null) {
                in.q = ExactReference.widen(TestData.toFloat(in.q));
            }
        }
        return in;
    }

    /** The reference row loss and (optionally) gradient of the row (unscaled). */
    static double referenceRow(double[] z, int base, int classes, double[] a, double[] grad, int gBase) {
        double m = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            m = Math.max(m, z[base + c]);
        }
        double s = 0;
        int ties = 0;
        for (int c = 0; c < classes; c++) {
            if (z[base + c] == m) {
                ties++;
            } else {
                s += Math.exp(z[base + c] - m);
            }
        }
        double lnS = Math.log1p(s + (ties - 1));
        double loss = 0, bigA = 0;
        for (int c = 0; c < classes; c++) {
            if (a[c] > 0) {
                loss += a[c] * ((m - z[base + c]) + lnS);
                bigA += a[c];
            }
        }
        if (grad != null) {
            for (int c = 0; c < classes; c++) {
                grad[gBase + c] = bigA * Math.exp(z[base + c] - m - lnS) - a[c];
            }
        }
        return loss;
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("cases")
    void matchesReference(Shannon s, Shape sh, boolean float32) {
        Input in = input(sh, float32, 31L * sh.rows() + sh.classes() + sh.kind().hashCode());
        int rows = sh.rows(), classes = sh.classes();
        boolean probs = in.q != null;
        boolean gradient = sh.kind().contains("gradient");
        // Reference per row.
        double[] refRows = new double[rows];
        double[] refGrad = gradient ? new double[rows * classes] : null;
        DoubleDouble total = DoubleDouble.ZERO;
        double wSum = 0;
        long count = 0;
        double[] a = new double[classes];
        for (int r = 0; r < rows; r++) {
            double aSum = 0;
            if (!probs) {
                int y = in.y[r];
                if (y == in.ignore) {
                    continue;
                }
                for (int c = 0; c < classes; c++) {
                    double wc = in.w == null ? 1 : in.w[c];
                    a[c] = in.smoothing / classes * wc + (c == y ? (1 - in.smoothing) * wc : 0);
                }
                wSum += in.w == null ? 1 : in.w[y];
            } else {
                for (int c = 0; c < classes; c++) {
                    double wc = in.w == null ? 1 : in.w[c];
                    a[c] = wc * ((1 - in.smoothing) * in.q[r * classes + c] + in.smoothing / classes);
                    aSum += a[c];
                }
                wSum += aSum;
            }
            count++;
            refRows[r] = referenceRow(in.z, r * classes, classes, a, refGrad, r * classes);
            total = total.add(refRows[r]);
        }
        double sum = total.doubleValue();
        double expectedMean = probs ? (rows == 0 ? 0 : sum / rows) : (wSum == 0 ? 0 : sum / wSum);

        SoftmaxLossOptions o = SoftmaxLossOptions.defaults().weights(in.w).labelSmoothing(in.smoothing);
        int pad = 5;
        String where = s.backendName() + " " + sh + (float32 ? " float" : " double");
        // 1. MEAN through the whole-array form.
        double mean = call(s, in, rows, classes, float32, o, 0, null, null);
        close(where + " mean", expectedMean, mean, RELATIVE);
        // 2. NONE with offsets: per-row losses, result = sum.
        double[] outD = new double[rows + pad];
        float[] outF = new float[rows + pad];
        double none = call(s, in, rows, classes, float32, o.reduction(Reduction.NONE), pad, float32 ? outF : outD,
                null);
        close(where + " none", sum, none, RELATIVE);
        for (int r = 0; r < rows; r++) {
            double got = float32 ? outF[pad + r] : outD[pad + r];
            if (float32) {
                // float outputs: rounded to float (values below float's range become 0)
                assertTrue(Math.abs(got - refRows[r]) <= 0x1p-23 * Math.abs(refRows[r]) + Float.MIN_VALUE
                        || refRows[r] == got, where + " row " + r + ": expected " + refRows[r] + " got " + got);
            } else {
                close(where + " row " + r, refRows[r], got, RELATIVE);
            }
        }
        // 2b. NONE from the whole arrays, as a new array: the same bits as the offset form's output.
        if (float32) {
            float[] zf = TestData.toFloat(in.z);
            float[] per = probs ? s.losses().softmaxCrossEntropyPerRow(zf, rows, classes, TestData.toFloat(in.q), o)
                    : s.losses().softmaxCrossEntropyPerRow(zf, rows, classes, in.y, o);
            assertArrayEquals(java.util.Arrays.copyOfRange(outF, pad, pad + rows), per, where + " per row");
        } else {
            double[] per = probs ? s.losses().softmaxCrossEntropyPerRow(in.z, rows, classes, in.q, o)
                    : s.losses().softmaxCrossEntropyPerRow(in.z, rows, classes, in.y, o);
            assertArrayEquals(java.util.Arrays.copyOfRange(outD, pad, pad + rows), per, where + " per row");
        }
        // 3. SUM in bits.
        double bits = callUnit(s.withUnit(InfoUnit.BITS), in, rows, classes, float32, o.reduction(Reduction.SUM));
        close(where + " bits", sum / Math.log(2), bits, RELATIVE);
        // 4. MEAN_BY_COUNT and the result record.
        if (!probs) {
            LossResult res = float32
                    ? s.losses().softmaxCrossEntropyResult(TestData.toFloat(in.z), 0, rows, classes, in.y, 0,
                    o.reduction(Reduction.MEAN_BY_COUNT), null, 0)
                    : s.losses().softmaxCrossEntropyResult(in.z, 0, rows, classes, in.y, 0, o.reduction(Reduction.MEAN_BY_COUNT),
                    null, 0);
            assertEquals(count, res.count(), where);
            close(where + " weightSum", wSum, res.weightSum(), RELATIVE);
            close(where + " byCount", count == 0 ? 0 : sum / count, res.value(), RELATIVE);
        }
        // 5. Gradient of the mean.
        if (gradient) {
            double denom = probs ? rows : wSum;
            double[] gD = new double[rows * classes + pad];
            float[] gF = new float[rows * classes + pad];
            double g = float32
                    ? (probs ? s.losses().softmaxCrossEntropyGradient(pad(TestData.toFloat(in.z), pad), pad, rows, classes,
                    pad(TestData.toFloat(in.q), pad), pad, o, gF, pad)
                    : s.losses().softmaxCrossEntropyGradient(pad(TestData.toFloat(in.z), pad), pad, rows, classes, in.y, 0, o,
                    gF, pad))
                    : (probs ? s.losses().softmaxCrossEntropyGradient(pad(in.z, pad), pad, rows, classes, pad(in.q, pad), pad,
                    o, gD, pad)
                    : s.losses().softmaxCrossEntropyGradient(pad(in.z, pad), pad, rows, classes, in.y, 0, o, gD, pad));
            close(where + " gradient value", expectedMean, g, RELATIVE);
            for (int i = 0; i < rows * classes; i++) {
                double want = refGrad[i] / denom;
                double got = float32 ? gF[pad + i] : gD[pad + i];
                // float gradients are rounded to float, then scaled by 1/denominator in float: ≤ 1 float ulp.
                double tol = float32 ? GRAD_ABSOLUTE + 0x1p-23 * Math.abs(want) : GRAD_ABSOLUTE;
                assertTrue(Math.abs(got - want) <= tol, where + " grad[" + i + "]: expected " + want + " got " + got);
            }
        }
    }

    private static double call(Shannon s, Input in, int rows, int classes, boolean float32, SoftmaxLossOptions o,
                               int pad, Object out, Object grad) {
        if (in.q != null) {
            if (float32) {
                return out == null ? s.losses().softmaxCrossEntropy(TestData.toFloat(in.z), rows, classes,
                        TestData.toFloat(in.q), o)
                        : s.losses().softmaxCrossEntropy(pad(TestData.toFloat(in.z), pad), pad, rows, classes,
                        pad(TestData.toFloat(in.q), pad), pad, o, (float[]) out, pad);
            }
            return out == null ? s.losses().softmaxCrossEntropy(in.z, rows, classes, in.q, o)
                    : s.losses().softmaxCrossEntropy(pad(in.z, pad), pad, rows, classes, pad(in.q, pad), pad, o, (double[]) out,
                    pad);
        }
        if (float32) {
            return out == null ? s.losses().softmaxCrossEntropy(TestData.toFloat(in.z), rows, classes, in.y, o)
                    : s.losses().softmaxCrossEntropy(pad(TestData.toFloat(in.z), pad), pad, rows, classes, pad(in.y, pad), pad,
                    o, (float[]) out, pad);
        }
        return out == null ? s.losses().softmaxCrossEntropy(in.z, rows, classes, in.y, o)
                : s.losses().softmaxCrossEntropy(pad(in.z, pad), pad, rows, classes, pad(in.y, pad), pad, o, (double[]) out,
                pad);
    }

    private static double callUnit(Shannon s, Input in, int rows, int classes, boolean float32,
                                   SoftmaxLossOptions o) {
        return call(s, in, rows, classes, float32, o, 0, null, null);
    }

    static void close(String where, double expected, double actual, double relative) {
        if (Double.isInfinite(expected)) {
            assertEquals(expected, actual, where);
            return;
        }
        double tol = relative * Math.abs(expected) + 1e-300;
        assertTrue(Math.abs(actual - expected) <= tol, where + ": expected " + expected + " got " + actual
                + " (error " + Math.abs(actual - expected) + ", tolerance " + tol + ")");
    }

    static double[] pad(double[] a, int pad) {
        double[] p = new double[a.length + pad];
        System.arraycopy(a, 0, p, pad, a.length);
        return p;
    }

    static float[] pad(float[] a, int pad) {
        float[] p = new float[a.length + pad];
        System.arraycopy(a, 0, p, pad, a.length);
        return p;
    }

    static int[] pad(int[] a, int pad) {
        int[] p = new int[a.length + pad];
        System.arraycopy(a, 0, p, pad, a.length);
        return p;
    }

    // ------------------------------------------------------------------------------------ binary and log loss

    Stream<Arguments> binaryCases() {
        return backends().flatMap(b -> Stream.of(0, 1, 5, 16, 17, 100, 1025, 100_000).flatMap(n ->
                Stream.of(false, true).map(f -> Arguments.of(Named.of(b.backendName(), b), n,
                        Named.of(f ? "float" : "double", f)))));
    }

    @ParameterizedTest(name = "{0}: n={1} {2}")
    @MethodSource("binaryCases")
    void binaryAndLogLossMatchReference(Shannon s, int n, boolean float32) {
        SplittableRandom rnd = new SplittableRandom(n * 7L + (float32 ? 1 : 0));
        double[] y = new double[n], p = new double[n], x = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4 == 0 ? rnd.nextDouble() : rnd.nextInt(2);
            p[i] = rnd.nextDouble();
            x[i] = (rnd.nextDouble() * 2 - 1) * (i % 10 == 0 ? 1e3 : 8);
        }
        if (float32) {
            y = ExactReference.widen(TestData.toFloat(y));
            p = ExactReference.widen(TestData.toFloat(p));
            x = ExactReference.widen(TestData.toFloat(x));
        }
        DoubleDouble bce = DoubleDouble.ZERO, bcel = DoubleDouble.ZERO;
        double pw = 1.75;
        for (int i = 0; i < n; i++) {
            double a = y[i] > 0 ? -y[i] * Math.log(p[i]) : 0;
            double b = y[i] < 1 ? -(1 - y[i]) * Math.log1p(-p[i]) : 0;
            bce = bce.add(a + b);
            double spNeg = Math.max(-x[i], 0) + Math.log1p(Math.exp(-Math.abs(x[i])));
            double spPos = Math.max(x[i], 0) + Math.log1p(Math.exp(-Math.abs(x[i])));
            bcel = bcel.add((y[i] > 0 ? pw * y[i] * spNeg : 0) + (y[i] < 1 ? (1 - y[i]) * spPos : 0));
        }
        String where = s.backendName() + " n=" + n + (float32 ? " float" : " double");
        LossOptions sum = LossOptions.defaults().reduction(Reduction.SUM);
        double gotBce = float32 ? s.losses().binaryCrossEntropy(TestData.toFloat(y), TestData.toFloat(p), sum)
                : s.losses().binaryCrossEntropy(y, p, sum);
        close(where + " bce", bce.doubleValue(), gotBce, RELATIVE);
        double gotMean = float32 ? s.losses().binaryCrossEntropy(TestData.toFloat(y), TestData.toFloat(p))
                : s.losses().binaryCrossEntropy(y, p);
        close(where + " bce mean", n == 0 ? 0 : bce.doubleValue() / n, gotMean, RELATIVE);
        LossOptions lo = LossOptions.defaults().reduction(Reduction.SUM).posWeight(pw);
        double gotBcel = float32 ? s.losses().binaryCrossEntropyWithLogits(TestData.toFloat(y), TestData.toFloat(x), lo)
                : s.losses().binaryCrossEntropyWithLogits(y, x, lo);
        close(where + " bce logits", bcel.doubleValue(), gotBcel, RELATIVE);

        // Log loss on n/4 rows of 4 classes (NORMALIZE: rows are not normalised).
        int rows = n / 4;
        int[] t = new int[rows];
        DoubleDouble ll = DoubleDouble.ZERO;
        for (int r = 0; r < rows; r++) {
            t[r] = rnd.nextInt(4);
            double row = 0;
            for (int c = 0; c < 4; c++) {
                row += p[r * 4 + c];
            }
            ll = ll.add(-Math.log(p[r * 4 + t[r]] / row));
        }
        Shannon lax = s.withNormalization(Normalization.NORMALIZE);
        double[] probs = java.util.Arrays.copyOf(p, rows * 4);
        double gotLl = float32 ? lax.losses().logLoss(t, TestData.toFloat(probs), rows, 4, sum) : lax.losses().logLoss(t, probs, rows, 4, sum);
        // -ln(p/row) for the reference is computed by a division and a log: a few ulp per row.
        close(where + " log loss", ll.doubleValue(), gotLl, RELATIVE);
    }

    /**
     * Per-element weights (PyTorch's weight with pos_weight) and per-sample weights (scikit-learn's
     * sample_weight), zero weights among them, every reduction and the per-element outputs of the whole-array
     * forms, against a double-double reference.
     */
    @ParameterizedTest(name = "{0}: n={1} {2}")
    @MethodSource("binaryCases")
    void weightedBinaryAndLogLossMatchReference(Shannon s, int n, boolean float32) {
        SplittableRandom rnd = new SplittableRandom(n * 11L + (float32 ? 1 : 0));
        double[] y = new double[n], p = new double[n], x = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4 == 0 ? rnd.nextDouble() : rnd.nextInt(2);
            p[i] = i % 9 == 4 ? 0.0 : rnd.nextDouble();
            x[i] = (rnd.nextDouble() * 2 - 1) * (i % 10 == 0 ? 1e3 : 8);
            w[i] = i % 7 == 3 ? 0.0 : rnd.nextDouble() * 3;
            if (p[i] == 0.0) {
                w[i] = y[i] > 0 ? 0.0 : w[i]; // an infinite term only under a zero weight
            }
        }
        if (float32) {
            y = ExactReference.widen(TestData.toFloat(y));
            p = ExactReference.widen(TestData.toFloat(p));
            x = ExactReference.widen(TestData.toFloat(x));
            w = ExactReference.widen(TestData.toFloat(w));
        }
        double pw = 1.75;
        DoubleDouble bce = DoubleDouble.ZERO, bcel = DoubleDouble.ZERO, wSum = DoubleDouble.ZERO;
        double[] perBce = new double[n];
        for (int i = 0; i < n; i++) {
            double a = y[i] > 0 ? -y[i] * Math.log(p[i]) : 0;
            double b = y[i] < 1 ? -(1 - y[i]) * Math.log1p(-p[i]) : 0;
            perBce[i] = w[i] > 0 ? w[i] * (a + b) : 0;
            bce = bce.add(perBce[i]);
            double spNeg = Math.max(-x[i], 0) + Math.log1p(Math.exp(-Math.abs(x[i])));
            double spPos = Math.max(x[i], 0) + Math.log1p(Math.exp(-Math.abs(x[i])));
            double l = (y[i] > 0 ? pw * y[i] * spNeg : 0) + (y[i] < 1 ? (1 - y[i]) * spPos : 0);
            bcel = bcel.add(w[i] > 0 ? w[i] * l : 0);
            wSum = wSum.add(w[i]);
        }
        String where = s.backendName() + " weighted n=" + n + (float32 ? " float" : " double");
        float[] yf = TestData.toFloat(y), pf = TestData.toFloat(p), xf = TestData.toFloat(x), wf = TestData.toFloat(w);
        LossOptions mean = LossOptions.defaults();
        LossOptions byWeight = mean.reduction(Reduction.MEAN_BY_WEIGHT);
        close(where + " bce mean", n == 0 ? 0 : bce.doubleValue() / n, float32
                ? s.losses().binaryCrossEntropy(yf, pf, wf, mean) : s.losses().binaryCrossEntropy(y, p, w, mean), RELATIVE);
        double ws = wSum.doubleValue();
        close(where + " bce mean by weight", ws == 0 ? 0 : bce.doubleValue() / ws, float32
                ? s.losses().binaryCrossEntropy(yf, pf, wf, byWeight) : s.losses().binaryCrossEntropy(y, p, w, byWeight), RELATIVE);
        if (float32) {
            float[] per = s.losses().binaryCrossEntropyPerElement(yf, pf, wf, mean);
            for (int i = 0; i < n; i++) {
                close(where + " bce element " + i, (float) perBce[i], per[i], 0x1p-22);
            }
        } else {
            double[] per = s.losses().binaryCrossEntropyPerElement(y, p, w, mean);
            for (int i = 0; i < n; i++) {
                close(where + " bce element " + i, perBce[i], per[i], RELATIVE);
            }
        }
        LossOptions lo = LossOptions.defaults().reduction(Reduction.SUM).posWeight(pw);
        close(where + " bce logits", bcel.doubleValue(), float32 ? s.losses().binaryCrossEntropyWithLogits(yf, xf, wf, lo)
                : s.losses().binaryCrossEntropyWithLogits(y, x, w, lo), RELATIVE);

        int rows = n / 4;
        int[] t = new int[rows];
        double[] sw = java.util.Arrays.copyOf(w, rows);
        DoubleDouble ll = DoubleDouble.ZERO, swSum = DoubleDouble.ZERO;
        double[] probs = new double[rows * 4];
        for (int r = 0; r < rows; r++) {
            t[r] = rnd.nextInt(4);
            double row = 0;
            for (int c = 0; c < 4; c++) {
                probs[r * 4 + c] = 0.01 + p[r * 4 + c];
                row += probs[r * 4 + c];
            }
            ll = ll.add(sw[r] > 0 ? sw[r] * -Math.log(probs[r * 4 + t[r]] / row) : 0);
            swSum = swSum.add(sw[r]);
        }
        if (float32) {
            probs = ExactReference.widen(TestData.toFloat(probs));
        }
        Shannon lax = s.withNormalization(Normalization.NORMALIZE);
        double den = swSum.doubleValue();
        double got = float32 ? lax.losses().logLoss(t, TestData.toFloat(probs), rows, 4, TestData.toFloat(sw), mean)
                : lax.losses().logLoss(t, probs, rows, 4, sw, mean);
        // the reference rows above used the unrounded probabilities for float: compare float loosely
        close(where + " log loss", den == 0 ? 0 : ll.doubleValue() / den, got, float32 ? 1e-6 : RELATIVE);
    }

    Stream<Arguments> backendsAndTypes() {
        return backends().flatMap(b -> Stream.of(false, true).map(f -> Arguments.of(Named.of(b.backendName(), b),
                Named.of(f ? "float" : "double", f))));
    }

    /**
     * Softmax cross-entropy of at least 2^18 logits with more threads runs in parts of whole rows: per-row losses and
     * gradients keep the bits of one call (parts start at multiples of 64 rows, so every block of rows falls as
     * in one call), the reduced loss, weight sum and count agree with one call to rounding, deterministic
     * parallelism gives the same bits for 1, 2 and 3 threads, an executor that drops its tasks leaves the work to
     * the caller, and a bad logit or target in a late part is named as in one call. Class indices (with the
     * ignore index and class weights) and probability targets, few and many classes, double and float.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndTypes")
    void softmaxInPartsOfRows(Shannon s, boolean float32) {
        java.util.concurrent.Executor dropsEveryTask = task -> { };
        List<Shannon> parallel = List.of(s.withParallelism(2), s.withParallelism(3),
                s.withParallelism(4, dropsEveryTask));
        for (int classes : new int[] {10, 40}) {
            int rows = 300_000 / classes + 37;
            int n = rows * classes;
            SplittableRandom rnd = new SplittableRandom(classes + (float32 ? 1 : 0));
            double[] z = new double[n], q = new double[n], w = new double[classes];
            int[] y = new int[rows];
            for (int i = 0; i < n; i++) {
                z[i] = rnd.nextGaussian() * 3;
                q[i] = rnd.nextDouble();
            }
            for (int r = 0; r < rows; r++) {
                y[r] = r % 97 == 5 ? -100 : rnd.nextInt(classes);
                if (r % 64 == 63) {
                    z[r * classes + 1] = 800; // overflows the target shift: the block's reference recomputation
                }
            }
            for (int c = 0; c < classes; c++) {
                w[c] = 0.5 + c % 3;
            }
            SoftmaxLossOptions none = SoftmaxLossOptions.defaults().weights(w).labelSmoothing(0.05)
                    .reduction(Reduction.NONE);
            SoftmaxLossOptions plain = SoftmaxLossOptions.defaults().weights(w).reduction(Reduction.NONE);
            for (SoftmaxLossOptions o : List.of(plain, none)) {
                for (boolean probs : new boolean[] {false, true}) {
                    String where = s.backendName() + (float32 ? " float " : " double ") + classes + " classes "
                            + (probs ? "probabilities " : "indices ") + o;
                    SoftmaxRun one = SoftmaxRun.of(s, float32, probs, z, q, y, rows, classes, o);
                    for (Shannon par : parallel) {
                        SoftmaxRun got = SoftmaxRun.of(par, float32, probs, z, q, y, rows, classes, o);
                        assertArrayEquals(one.perRow(), got.perRow(), where + " " + par.parallelism()
                                + " threads: per-row losses");
                        assertArrayEquals(one.grad(), got.grad(), where + " " + par.parallelism() + " threads: gradient");
                        close(where + " sum", one.result().sum(), got.result().sum(), 1e-13);
                        close(where + " weight sum", one.result().weightSum(), got.result().weightSum(), 1e-13);
                        assertEquals(one.result().count(), got.result().count(), where);
                    }
                    SoftmaxRun det1 = SoftmaxRun.of(s.withDeterministicParallelism(true), float32, probs, z, q, y,
                            rows, classes, o);
                    for (int threads : new int[] {2, 3}) {
                        SoftmaxRun det = SoftmaxRun.of(s.withParallelism(threads).withDeterministicParallelism(true),
                                float32, probs, z, q, y, rows, classes, o);
                        assertEquals(det1.result(), det.result(), where + " deterministic, " + threads + " threads");
                        assertArrayEquals(det1.grad(), det.grad(), where + " deterministic gradient");
                    }
                }
            }
            int late = rows - 40;
            double[] badZ = z.clone();
            badZ[late * classes + 2] = Double.NaN;
            int[] badY = y.clone();
            badY[late] = classes;
            for (Shannon par : parallel) {
                for (boolean badTarget : new boolean[] {false, true}) {
                    double[] zz = badTarget ? z : badZ;
                    int[] yy = badTarget ? badY : y;
                    String expected = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                            () -> SoftmaxRun.of(s, float32, false, zz, q, yy, rows, classes, plain)).getMessage();
                    String got = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                            () -> SoftmaxRun.of(par, float32, false, zz, q, yy, rows, classes, plain)).getMessage();
                    assertEquals(expected, got);
                    assertTrue(expected.contains(badTarget ? "targets[" + late + "]" : "[" + (late * classes + 2) + "]"),
                            expected);
                }
            }
        }
    }

    /** Per-row losses (NONE), the sum's result, and the gradient of the sum, as doubles. */
    record SoftmaxRun(double[] perRow, LossResult result, double[] grad) {
        static SoftmaxRun of(Shannon s, boolean float32, boolean probs, double[] z, double[] q, int[] y, int rows,
                             int classes, SoftmaxLossOptions o) {
            int n = rows * classes;
            double[] perRow = new double[rows], grad = new double[n];
            LossResult result;
            SoftmaxLossOptions sum = o.reduction(Reduction.SUM);
            if (float32) {
                float[] zf = TestData.toFloat(z), qf = TestData.toFloat(q), out = new float[rows], g = new float[n];
                result = probs ? s.losses().softmaxCrossEntropyResult(zf, 0, rows, classes, qf, 0, o, out, 0)
                        : s.losses().softmaxCrossEntropyResult(zf, 0, rows, classes, y, 0, o, out, 0);
                if (probs) {
                    s.losses().softmaxCrossEntropyGradient(zf, 0, rows, classes, qf, 0, sum, g, 0);
                } else {
                    s.losses().softmaxCrossEntropyGradient(zf, 0, rows, classes, y, 0, sum, g, 0);
                }
                for (int r = 0; r < rows; r++) {
                    perRow[r] = out[r];
                }
                for (int i = 0; i < n; i++) {
                    grad[i] = g[i];
                }
            } else {
                result = probs ? s.losses().softmaxCrossEntropyResult(z, 0, rows, classes, q, 0, o, perRow, 0)
                        : s.losses().softmaxCrossEntropyResult(z, 0, rows, classes, y, 0, o, perRow, 0);
                if (probs) {
                    s.losses().softmaxCrossEntropyGradient(z, 0, rows, classes, q, 0, sum, grad, 0);
                } else {
                    s.losses().softmaxCrossEntropyGradient(z, 0, rows, classes, y, 0, sum, grad, 0);
                }
            }
            return new SoftmaxRun(perRow, result, grad);
        }
    }

    /** Zero factors and infinities at every position of a 64-element vector body (and its tail), every backend. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndTypes")
    void binaryEdgesInsideVectorBodies(Shannon s, boolean float32) {
        int n = 67;
        for (int at = 0; at < n; at++) {
            double[] y = new double[n], p = new double[n], x = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 3 == 0 ? 0 : 1;
                p[i] = y[i];                      // perfect predictions: every term 0 (0·ln 0 and 0·log1p(-1))
                x[i] = y[i] == 1 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            String where = s.backendName() + (float32 ? " float" : " double") + " at " + at;
            assertEquals(0.0, bce(s, y, p, float32), where);
            assertEquals(0.0, bcel(s, y, x, float32), where);
            p[at] = 1 - p[at];                    // one confident mistake: +Infinity, never clamped
            x[at] = -x[at];
            assertEquals(Double.POSITIVE_INFINITY, bce(s, y, p, float32), where);
            assertEquals(Double.POSITIVE_INFINITY, bcel(s, y, x, float32), where);
            assertEquals(-Math.log(1e-7) / n, float32 ? s.losses().binaryCrossEntropy(TestData.toFloat(y), TestData.toFloat(p),
                    LossOptions.defaults().clip(1e-7)) : s.losses().binaryCrossEntropy(y, p, LossOptions.defaults().clip(1e-7)),
                    1e-6 * Math.log(1e7) / n, where);
        }
    }

    private static double bce(Shannon s, double[] y, double[] p, boolean f) {
        return f ? s.losses().binaryCrossEntropy(TestData.toFloat(y), TestData.toFloat(p)) : s.losses().binaryCrossEntropy(y, p);
    }

    private static double bcel(Shannon s, double[] y, double[] x, boolean f) {
        return f ? s.losses().binaryCrossEntropyWithLogits(TestData.toFloat(y), TestData.toFloat(x))
                : s.losses().binaryCrossEntropyWithLogits(y, x);
    }
}
