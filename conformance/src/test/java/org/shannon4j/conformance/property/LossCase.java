package org.shannon4j.conformance.property;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.loss.LossOptions;
import org.shannon4j.loss.Reduction;
import org.shannon4j.loss.SoftmaxLossOptions;

/**
 * One generated loss input: a rows × classes matrix of logits (ordinary values ±4, or ±1e4) and of probabilities
 * (normalised rows), class-index targets (some ignored, rarely out of range), probability targets, binary targets
 * and probabilities, with 0..3 special values from the pool planted in each; the options (weights with zeros,
 * ignore index, label smoothing, clipping, posWeight, every reduction), the policy and the unit.
 */
record LossCase(boolean float32, int rows, int classes, double[] logits, double[] probs, int[] targets,
                double[] softTargets, double[] binaryTargets, double[] binaryProbs, SoftmaxLossOptions softmaxOptions,
                LossOptions options, Normalization policy, InfoUnit unit, int offset, boolean clean, String how) {

    static Arbitrary<LossCase> arbitrary() {
        Arbitrary<int[]> dims = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                        Tuple.of(8, Arbitraries.integers().between(1, 20)),
                        Tuple.of(1, Arbitraries.integers().between(60, 140))),
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(1, 40)),
                        Tuple.of(1, Arbitraries.integers().between(90, 110))))
                .as((r, c) -> new int[] {r, c});
        Arbitrary<int[]> choices = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(6);
        return Combinators.combine(Arbitraries.of(false, true), dims, Arbitraries.longs(), DistCase.plants(),
                choices, Arbitraries.of(Normalization.values()), Arbitraries.of(InfoUnit.values()),
                Arbitraries.integers().between(0, 9)).as(LossCase::build);
    }

    private static LossCase build(boolean float32, int[] dims, long seed, List<DistCase.Plant> plants, int[] ch,
                                  Normalization policy, InfoUnit unit, int offset) {
        int rows = dims[0];
        int classes = dims[1];
        int n = rows * classes;
        SplittableRandom rnd = new SplittableRandom(seed);
        double scale = ch[0] % 4 == 3 ? 1e4 : 4;
        double[] logits = new double[n];
        for (int i = 0; i < n; i++) {
            logits[i] = (rnd.nextDouble() * 2 - 1) * scale;
        }
        int ignore = ch[1] % 3 == 2 ? 0 : SoftmaxLossOptions.DEFAULT_IGNORE_INDEX;
        int[] targets = new int[rows];
        for (int r = 0; r < rows; r++) {
            int u = rnd.nextInt(40);
            targets[r] = u == 0 ? SoftmaxLossOptions.DEFAULT_IGNORE_INDEX : u == 1 && ch[1] % 5 == 4 ? classes
                    : rnd.nextInt(classes);
        }
        double[] probs = rowsNormalised(rnd, rows, classes, ch[2] % 3 == 0);
        double[] softTargets = rowsNormalised(rnd, rows, classes, true);
        double[] binaryTargets = new double[n];
        double[] binaryProbs = new double[n];
        for (int i = 0; i < n; i++) {
            binaryTargets[i] = ch[3] % 2 == 0 ? rnd.nextInt(2) : rnd.nextDouble();
            binaryProbs[i] = rnd.nextDouble();
        }
        for (DistCase.Plant pl : plants) {
            if (n == 0) {
                break;
            }
            double v = float32 ? Values.FLOAT_POOL[pl.value() % Values.FLOAT_POOL.length]
                    : Values.DOUBLE_POOL[pl.value()];
            int i = pl.lane() % n;
            switch (pl.value() % 5) {
                case 0 -> logits[i] = v;
                case 1 -> probs[i] = v;
                case 2 -> softTargets[i] = v;
                case 3 -> binaryTargets[i] = v;
                default -> binaryProbs[i] = v;
            }
        }
        if (float32) {
            for (double[] a : List.of(logits, probs, softTargets, binaryTargets, binaryProbs)) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) a[i];
                }
            }
        }
        double[] weights = null;
        if (ch[4] % 3 == 1) {
            weights = new double[classes];
            for (int c = 0; c < classes; c++) {
                weights[c] = c % 5 == 4 ? 0 : rnd.nextDouble() * 3;
            }
        }
        Reduction reduction = Reduction.values()[ch[5] % Reduction.values().length];
        double smoothing = new double[] {0, 0, 0.1, 1.0}[ch[4] % 4];
        SoftmaxLossOptions so = SoftmaxLossOptions.defaults().weights(weights).ignoreIndex(ignore)
                .labelSmoothing(smoothing).reduction(reduction);
        LossOptions lo = LossOptions.defaults().reduction(reduction);
        lo = switch (ch[2] % 4) {
            case 1 -> lo.clip(1e-7);
            case 2 -> lo.clipToTypeEpsilon();
            default -> lo;
        };
        if (ch[3] % 3 == 2) {
            lo = lo.posWeight(2.5);
        }
        String how = "seed " + seed + ", plants " + plants + ", choices " + Arrays.toString(ch);
        return new LossCase(float32, rows, classes, logits, probs, targets, softTargets, binaryTargets, binaryProbs,
                so, lo, policy, unit, offset, plants.isEmpty(), how);
    }

    /** Rows of random positive values (a tenth zeros if asked) divided by their sum. */
    private static double[] rowsNormalised(SplittableRandom rnd, int rows, int classes, boolean zeros) {
        double[] a = new double[rows * classes];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < classes; c++) {
                double v = zeros && rnd.nextInt(10) == 0 ? 0 : rnd.nextDouble() + 1e-3;
                a[r * classes + c] = v;
                s += v;
            }
            for (int c = 0; c < classes; c++) {
                a[r * classes + c] = s > 0 ? a[r * classes + c] / s : 1.0 / classes;
            }
        }
        return a;
    }

    static float[] f(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }

    static double[] shifted(double[] a, int off) {
        double[] out = new double[off + a.length + 2];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(a, 0, out, off, a.length);
        return out;
    }

    static int[] shifted(int[] a, int off) {
        int[] out = new int[off + a.length + 2];
        Arrays.fill(out, Integer.MIN_VALUE);
        System.arraycopy(a, 0, out, off, a.length);
        return out;
    }

    @Override
    public String toString() {
        return rows + "x" + classes + (float32 ? " float" : " double") + " " + policy + " " + unit + " offset " + offset
                + " " + softmaxOptions + " " + options + " (" + how + ")"
                + "\n  logits = " + show(logits) + "\n  targets = " + Arrays.toString(targets)
                + "\n  probs = " + show(probs) + "\n  softTargets = " + show(softTargets)
                + "\n  binaryTargets = " + show(binaryTargets) + "\n  binaryProbs = " + show(binaryProbs);
    }

    private String show(double[] a) {
        return float32 ? Values.show(f(a)) : Values.show(a);
    }
}
