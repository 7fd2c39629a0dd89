package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Shannon;

/**
 * Continuous × discrete MI and feature scoring against their peers, on every backend: scikit-learn 1.2's
 * {@code _compute_mi_cd}, {@code mutual_info_regression} and {@code mutual_info_classif} (with its noise off, and on
 * with the standard normals of {@code RandomState(12345)} passed in) on the data of
 * continuous/tools/generate_sklearn_mixed.py (a singleton label, a two-member label, ties, an independent pair, the
 * bundled diabetes, iris and wine sets with discrete columns), and JIDT's
 * {@code MutualInfoCalculatorMultiVariateWithDiscreteKraskov} on continuous/tools/GenerateJidtMixed.java's data.
 * Held to 1e-12 of the terms' magnitude, as in {@link MultivariateKsgJidtTest}.
 */
class KsgMixedPeersTest {

    private static final double TOL = 1e-12;

    @ParameterizedTest
    @MethodSource("org.shannon4j.continuous.JidtFixtures#backends")
    void matchesScikitLearn(String backend) {
        JidtFixtures fx = new JidtFixtures("sklearn_mixed.txt.gz", false);
        Shannon handle = Shannon.get(backend);
        KsgMixed mixed = KsgMixed.of(handle.context());
        FeatureScoring scoring = FeatureScoring.of(handle.context());
        Map<String, double[]> scores = new HashMap<>();
        int checked = 0;
        for (JidtFixtures.Case c : fx.cases) {
            String[] f = c.fields();
            JidtFixtures.Data d = c.data();
            int n = d.x().length;
            int k = Integer.parseInt(f[2]);
            String what = String.join(" ", f);
            double ours;
            if (f[1].equals("cd")) {
                ours = mixed.withClipAtZero(f[3].equals("clipped")).mutualInformation(d.x(), labels(d.y()), k);
            } else {
                String key = String.join(" ", f[0], f[1], f[2], f[3], f[4]);
                double[] s = scores.computeIfAbsent(key, z -> score(scoring, d, f));
                ours = s[Integer.parseInt(f[5])];
            }
            assertEquals(c.value(), ours, TOL * JidtFixtures.terms(n, k), what);
            checked++;
        }
        assertTrue(checked >= 130, "only " + checked + " scikit-learn values");
    }

    private static double[] score(FeatureScoring scoring, JidtFixtures.Data d, String[] f) {
        int k = Integer.parseInt(f[2]);
        boolean noise = f[3].equals("1");
        boolean[] mask = null;
        if (!f[4].equals("none")) {
            mask = new boolean[f[4].length()];
            for (int j = 0; j < mask.length; j++) {
                mask[j] = f[4].charAt(j) == '1';
            }
        }
        int n = d.x().length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = d.y()[i][0];
        }
        if (f[1].equals("regression")) {
            int p = d.z()[0].length - 1;
            double[][] xNoise = new double[n][];
            double[] yNoise = new double[n];
            for (int i = 0; i < n; i++) {
                xNoise[i] = java.util.Arrays.copyOf(d.z()[i], p);
                yNoise[i] = d.z()[i][p];
            }
            return noise ? scoring.mutualInfoRegression(d.x(), y, k, mask, xNoise, yNoise)
                    : scoring.mutualInfoRegression(d.x(), y, k, mask, null, null);
        }
        return scoring.mutualInfoClassif(d.x(), labels(d.y()), k, mask, noise ? d.z() : null);
    }

    @ParameterizedTest
    @MethodSource("org.shannon4j.continuous.JidtFixtures#backends")
    void matchesJidtAndDiffersFromScikitLearnByTheLabelTerm(String backend) {
        JidtFixtures fx = new JidtFixtures("jidt_mixed.txt.gz", true);
        Shannon handle = Shannon.get(backend);
        KsgMixed jidt = KsgMixed.of(handle.context()).withConvention(MixedConvention.JIDT);
        KsgMixed sklearn = KsgMixed.of(handle.context());
        int checked = 0;
        for (JidtFixtures.Case c : fx.cases) {
            String[] f = c.fields();
            JidtFixtures.Data d = c.data();
            int n = d.x().length;
            int k = Integer.parseInt(f[3]);
            int[] labels = labels(d.y());
            double ours = jidt.mutualInformation(d.x(), labels, k);
            assertEquals(c.value(), ours, TOL * JidtFixtures.terms(n, k), String.join(" ", f));
            // untied data: JIDT − scikit-learn = Σ_c N_c / (N (N_c − 1))
            Map<Integer, Integer> counts = new HashMap<>();
            for (int l : labels) {
                counts.merge(l, 1, Integer::sum);
            }
            double gap = 0;
            for (int nc : counts.values()) {
                gap += nc / ((double) n * (nc - 1));
            }
            assertEquals(gap, ours - sklearn.mutualInformation(d.x(), labels, k), TOL * JidtFixtures.terms(n, k),
                    String.join(" ", f));
            checked++;
        }
        assertTrue(checked >= 16, "only " + checked + " JIDT values");
    }

    private static int[] labels(double[][] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i][0];
        }
        return out;
    }
}
