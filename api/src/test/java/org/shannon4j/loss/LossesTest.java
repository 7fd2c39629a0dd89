package org.shannon4j.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;

/** The loss formulas, reductions, units and options above the kernels, on the naive test backend. */
class LossesTest {

    private final Shannon s = Shannon.get("naive");
    private static final double LN08 = -Math.log(0.8);

    @Test
    void blogExampleTrueOnePredictedPointEight() {
        assertEquals(0.2231435513142097, LN08, 1e-16);
        assertEquals(LN08, s.losses().binaryCrossEntropy(new double[] {1}, new double[] {0.8}), 1e-16);
        assertEquals(LN08, s.losses().binaryCrossEntropy(new float[] {1}, new float[] {0.8f}), 1e-7);
        assertEquals(LN08, s.losses().softmaxCrossEntropy(new double[] {0, Math.log(4)}, 1, 2, new int[] {1}), 1e-15);
        assertEquals(LN08, s.losses().logLoss(new int[] {0}, new double[] {0.8, 0.2}, 1, 2), 1e-16);
        assertEquals(LN08, s.losses().binaryCrossEntropyWithLogits(new double[] {1}, new double[] {Math.log(4)}), 1e-15);
        assertEquals(LN08 / Math.log(2), s.withUnit(InfoUnit.BITS).losses().binaryCrossEntropy(new double[] {1},
                new double[] {0.8}), 1e-15);
    }

    /**
     * The allocating per-row forms check the shape before they allocate (a rows of 2·10^8 with 12 logits ran out of
     * memory) and name a null options argument.
     */
    @Test
    void perRowFormsCheckBeforeAllocating() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.losses()
                .softmaxCrossEntropyPerRow(new double[12], 200_000_000, 4, new int[3], SoftmaxLossOptions.defaults()));
        assertEquals("logits.length = 12 but rows × classes = 200000000 × 4 = 800000000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.losses().logLossPerRow(new int[3], new float[12],
                Integer.MAX_VALUE, 4, null, LossOptions.defaults()));
        assertEquals("probs: rows × classes = 2147483647 × 4 exceeds the maximum array length", e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> s.losses()
                .binaryCrossEntropyPerElement(new double[] {1}, new double[] {0.5}, null, null));
        assertEquals("options must not be null", n.getMessage());
    }

    /** The plug-in formulas name a count that is not positive, or a NaN sum, instead of returning NaN. */
    @Test
    void plugInSumsRejectWhatNoTableHas() {
        assertEquals(Math.log(2), org.shannon4j.dependence.PlugInSums.entropy(2, 0), 1e-15);
        e(() -> org.shannon4j.dependence.PlugInSums.entropy(-1, 0), "n = -1.0: the total count must be positive");
        e(() -> org.shannon4j.dependence.PlugInSums.mutualInformation(Double.NaN, 0, 0, 0), "n = NaN");
        e(() -> org.shannon4j.dependence.PlugInSums.conditionalMutualInformation(0, 0, 0, 0, 0), "n = 0.0");
        e(() -> org.shannon4j.dependence.PlugInSums.mutualInformation(4, Double.NaN, 0, 0), "a sum T is NaN");
    }

    private static void e(org.junit.jupiter.api.function.Executable call, String start) {
        String m = assertThrows(IllegalArgumentException.class, call).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(m.startsWith(start), m);
    }

    @Test
    void weightedMeanIgnoreIndexAndReductions() {
        double[] z = {0, Math.log(4), 0, 0, 5, 5};           // row losses: -ln 0.8, ln 2, (ignored)
        int[] y = {1, 0, -100};
        double[] w = {3, 0.5};
        SoftmaxLossOptions o = SoftmaxLossOptions.defaults().weights(w);
        double l0 = 0.5 * LN08, l1 = 3 * Math.log(2);
        assertEquals((l0 + l1) / 3.5, s.losses().softmaxCrossEntropy(z, 3, 2, y, o), 1e-15);
        assertEquals((l0 + l1) / 2, s.losses().softmaxCrossEntropy(z, 3, 2, y, o.reduction(Reduction.MEAN_BY_COUNT)), 1e-15);
        assertEquals(l0 + l1, s.losses().softmaxCrossEntropy(z, 3, 2, y, o.reduction(Reduction.SUM)), 1e-15);
        double[] out = new double[4];
        assertEquals(l0 + l1, s.losses().softmaxCrossEntropy(z, 0, 3, 2, y, 0, o.reduction(Reduction.NONE), out, 1), 1e-15);
        assertEquals(0, out[0]);
        assertEquals(l0, out[1], 1e-15);
        assertEquals(l1, out[2], 1e-15);
        assertEquals(0, out[3]);
        LossResult r = s.losses().softmaxCrossEntropyResult(z, 0, 3, 2, y, 0, o, null, 0);
        assertEquals(2, r.count());
        assertEquals(3.5, r.weightSum());
        assertEquals(l0 + l1, r.sum(), 1e-15);
        // Every target ignored: 0 and count 0, not NaN.
        LossResult none = s.losses().softmaxCrossEntropyResult(z, 0, 3, 2, new int[] {-100, -100, -100}, 0, o, null, 0);
        assertEquals(0.0, none.value());
        assertEquals(0, none.count());
    }

    @Test
    void labelSmoothingWithWeightsDividesBySumOfTargetWeights() {
        double[] z = {1, 2, 3};
        double[] w = {1, 2, 4};
        double eps = 0.3;
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double smooth = 0;
        for (int c = 0; c < 3; c++) {
            smooth += w[c] * (lse - z[c]);
        }
        double loss = (1 - eps) * w[0] * (lse - 1) + eps / 3 * smooth;
        SoftmaxLossOptions o = SoftmaxLossOptions.defaults().weights(w).labelSmoothing(eps);
        assertEquals(loss / w[0], s.losses().softmaxCrossEntropy(z, 1, 3, new int[] {0}, o), 1e-14);
    }

    @Test
    void gradientIsSoftmaxMinusOneHotOverTheMean() {
        double[] z = {1, 2, 3, 0, 0, 0};
        double[] g = new double[6];
        s.losses().softmaxCrossEntropyGradient(z, 0, 2, 3, new int[] {2, 0}, 0, SoftmaxLossOptions.defaults(), g, 0);
        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals((Math.exp(3) / e - 1) / 2, g[2], 1e-15);
        assertEquals(Math.exp(1) / e / 2, g[0], 1e-15);
        assertEquals((1.0 / 3 - 1) / 2, g[3], 1e-15);
        double[] gb = new double[6];
        s.withUnit(InfoUnit.BITS).losses().softmaxCrossEntropyGradient(z, 0, 2, 3, new int[] {2, 0}, 0,
                SoftmaxLossOptions.defaults(), gb, 0);
        assertEquals(g[2] / Math.log(2), gb[2], 1e-15);
    }

    @Test
    void binaryEdgesAndOptions() {
        assertEquals(Double.POSITIVE_INFINITY, s.losses().binaryCrossEntropy(new double[] {1}, new double[] {0}));
        assertEquals(0.0, s.losses().binaryCrossEntropy(new double[] {0, 1}, new double[] {0, 1}));
        assertEquals(-Math.log(1e-7) / 1, s.losses().binaryCrossEntropy(new double[] {1}, new double[] {0},
                LossOptions.defaults().clip(1e-7)), 1e-12);
        assertEquals(-Math.log(0x1p-23), s.losses().binaryCrossEntropy(new float[] {1}, new float[] {0},
                LossOptions.defaults().clipToTypeEpsilon()), 1e-12);
        // pos_weight multiplies only the positive term: y = 1, x = 0 gives 2·ln 2.
        assertEquals(2 * Math.log(2), s.losses().binaryCrossEntropyWithLogits(new double[] {1}, new double[] {0},
                LossOptions.defaults().posWeight(2)), 1e-15);
        assertEquals(Math.log(2), s.losses().binaryCrossEntropyWithLogits(new double[] {0}, new double[] {0},
                LossOptions.defaults().posWeight(2)), 1e-15);
        assertEquals(1e4, s.losses().binaryCrossEntropyWithLogits(new double[] {0}, new double[] {1e4}), 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> s.losses().binaryCrossEntropy(new double[] {1}, new double[] {1.5}));
    }

    @Test
    void logLossNormalisesOnlyWhenAsked() {
        double[] p = {2, 6, 1, 1};
        Shannon lax = s.withNormalization(Normalization.NORMALIZE);
        assertEquals((-Math.log(0.75) - Math.log(0.5)) / 2, lax.losses().logLoss(new int[] {1, 0}, p, 2, 2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> s.losses().logLoss(new int[] {1, 0}, p, 2, 2));
        assertEquals(Double.POSITIVE_INFINITY, s.losses().logLoss(new int[] {1}, new double[] {1, 0}, 1, 2));
    }
}
