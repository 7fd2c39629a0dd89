package org.shannon4j.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.shannon4j.Shannon;
import org.shannon4j.loss.LossOptions;
import org.shannon4j.loss.Reduction;
import org.shannon4j.loss.SoftmaxLossOptions;

/**
 * The battery of {@link LossDeterminismTest}, run in a forked JVM: every loss result (and a digest of the
 * per-element outputs and gradients) of every supported backend as raw bits, one line per result. With argument
 * {@code repeat} it runs the battery that many times and prints the first run, then fails (exit 2) if a later run
 * differs from it — so a C2-warmed JVM checks itself too.
 */
public final class LossDeterminismProgram {

    private LossDeterminismProgram() {
    }

    public static void main(String[] args) {
        int repeat = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<String> first = battery();
        for (int i = 1; i < repeat; i++) {
            List<String> again = battery();
            if (!again.equals(first)) {
                for (int j = 0; j < first.size(); j++) {
                    if (!first.get(j).equals(again.get(j))) {
                        System.out.println("run " + i + " differs: " + first.get(j) + " -> " + again.get(j));
                        break;
                    }
                }
                System.exit(2);
            }
        }
        first.forEach(System.out::println);
    }

    static List<String> battery() {
        List<String> out = new ArrayList<>();
        for (String backend : List.of("scalar", "simd")) {
            Shannon s;
            try {
                s = Shannon.get(backend);
            } catch (IllegalArgumentException unsupported) {
                out.add(backend + " unsupported");
                continue;
            }
            softmax(s, backend, out);
            binary(s, backend, out);
        }
        return out;
    }

    private static void record(List<String> out, String what, double v) {
        out.add(what + " " + Long.toHexString(Double.doubleToRawLongBits(v)));
    }

    /** Order-dependent digest of an output array (every element's bits count). */
    private static double digest(double[] a) {
        double h = 0;
        for (double x : a) {
            h = h * 0.75 + x;
        }
        return h;
    }

    private static double digest(float[] a) {
        double h = 0;
        for (float x : a) {
            h = h * 0.75 + x;
        }
        return h;
    }

    private static void softmax(Shannon s, String b, List<String> out) {
        int[][] shapes = {{130, 10}, {67, 3}, {70, 33}, {9, 200}};
        for (int[] shape : shapes) {
            int rows = shape[0], classes = shape[1];
            SplittableRandom r = new SplittableRandom(rows * 31L + classes);
            double[] z = new double[rows * classes];
            float[] zf = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = r.nextGaussian() * 4;
                zf[i] = (float) z[i];
            }
            int[] y = new int[rows];
            for (int i = 0; i < rows; i++) {
                y[i] = i % 11 == 5 ? -100 : r.nextInt(classes);
            }
            double[] q = new double[z.length];
            float[] qf = new float[z.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = r.nextDouble();
                qf[i] = (float) q[i];
            }
            double[] w = new double[classes];
            for (int c = 0; c < classes; c++) {
                w[c] = 0.25 + r.nextDouble();
            }
            String at = b + " softmax " + rows + "x" + classes;
            SoftmaxLossOptions plain = SoftmaxLossOptions.defaults();
            SoftmaxLossOptions weighted = plain.weights(w);
            SoftmaxLossOptions smooth = weighted.labelSmoothing(0.1);
            double[] rowOut = new double[rows];
            float[] rowOutF = new float[rows];
            double[] grad = new double[z.length];
            float[] gradF = new float[z.length];
            record(out, at + " index", s.losses().softmaxCrossEntropy(z, rows, classes, y));
            record(out, at + " index float", s.losses().softmaxCrossEntropy(zf, rows, classes, y));
            record(out, at + " index weighted", s.losses().softmaxCrossEntropy(z, 0, rows, classes, y, 0,
                    weighted.reduction(Reduction.NONE), rowOut, 0));
            record(out, at + " index weighted rows", digest(rowOut));
            record(out, at + " index weighted float", s.losses().softmaxCrossEntropy(zf, 0, rows, classes, y, 0,
                    weighted.reduction(Reduction.NONE), rowOutF, 0));
            record(out, at + " index weighted float rows", digest(rowOutF));
            record(out, at + " index smoothing", s.losses().softmaxCrossEntropy(z, rows, classes, y, smooth));
            record(out, at + " index gradient", s.losses().softmaxCrossEntropyGradient(z, 0, rows, classes, y, 0, smooth,
                    grad, 0));
            record(out, at + " index gradient values", digest(grad));
            record(out, at + " index gradient float", s.losses().softmaxCrossEntropyGradient(zf, 0, rows, classes, y, 0,
                    plain, gradF, 0));
            record(out, at + " index gradient float values", digest(gradF));
            record(out, at + " probs", s.losses().softmaxCrossEntropy(z, rows, classes, q, smooth));
            record(out, at + " probs float", s.losses().softmaxCrossEntropy(zf, rows, classes, qf, weighted));
            record(out, at + " probs gradient", s.losses().softmaxCrossEntropyGradient(z, 0, rows, classes, q, 0, smooth,
                    grad, 0));
            record(out, at + " probs gradient values", digest(grad));
        }
    }

    private static void binary(Shannon s, String b, List<String> out) {
        for (int n : new int[] {1, 37, 1000, 2051}) {
            SplittableRandom r = new SplittableRandom(n);
            double[] y = new double[n], p = new double[n], x = new double[n];
            float[] yf = new float[n], pf = new float[n], xf = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 3 == 0 ? r.nextDouble() : r.nextInt(2);
                // a subnormal p and |x| > 708 send their block to the scalar terms on the SIMD backend
                p[i] = i % 17 == 3 ? 1e-300 : i % 701 == 600 ? 1e-310 : r.nextDouble();
                x[i] = i % 503 == 400 ? -800 : r.nextGaussian() * (i % 5 == 0 ? 40 : 3);
                yf[i] = (float) y[i];
                pf[i] = (float) p[i];
                xf[i] = (float) x[i];
            }
            String at = b + " binary n=" + n;
            double[] e = new double[n];
            float[] ef = new float[n];
            LossOptions none = LossOptions.defaults().reduction(Reduction.NONE);
            record(out, at + " bce", s.losses().binaryCrossEntropy(y, p));
            record(out, at + " bce float", s.losses().binaryCrossEntropy(yf, pf));
            record(out, at + " bce clipped", s.losses().binaryCrossEntropy(y, p, LossOptions.defaults().clip(1e-7)));
            record(out, at + " bce elements", s.losses().binaryCrossEntropy(y, 0, p, 0, n, none, e, 0));
            record(out, at + " bce elements values", digest(e));
            record(out, at + " logits", s.losses().binaryCrossEntropyWithLogits(y, x));
            record(out, at + " logits float", s.losses().binaryCrossEntropyWithLogits(yf, xf));
            record(out, at + " logits posWeight", s.losses().binaryCrossEntropyWithLogits(y, x,
                    LossOptions.defaults().posWeight(2.5)));
            record(out, at + " logits float elements", s.losses().binaryCrossEntropyWithLogits(yf, 0, xf, 0, n, none, ef, 0));
            record(out, at + " logits float elements values", digest(ef));
            // log loss: rows of 4 classes built from the probabilities
            int rows = n, classes = 4;
            double[] pm = new double[rows * classes];
            float[] pmf = new float[pm.length];
            int[] t = new int[rows];
            for (int i = 0; i < rows; i++) {
                double a = 0.05 + r.nextDouble(), bb = 0.05 + r.nextDouble(), c = r.nextDouble(), d = r.nextDouble();
                double sum = a + bb + c + d;
                pm[i * 4] = a / sum;
                pm[i * 4 + 1] = bb / sum;
                pm[i * 4 + 2] = c / sum;
                pm[i * 4 + 3] = 1 - (a / sum + bb / sum + c / sum);
                for (int k = 0; k < 4; k++) {
                    pmf[i * 4 + k] = (float) pm[i * 4 + k];
                }
                t[i] = r.nextInt(classes);
            }
            record(out, at + " logLoss", s.withNormalization(org.shannon4j.Normalization.NORMALIZE)
                    .losses().logLoss(t, pm, rows, classes));
            record(out, at + " logLoss float", s.withNormalization(org.shannon4j.Normalization.NORMALIZE)
                    .losses().logLoss(t, pmf, rows, classes));
        }
    }
}
