package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;

/** The histogram and sample measures on hand-checked values, the empty-bin policies, and bad input. */
class DriftMeasuresTest {

    private static final Drift NATS = Drift.of(Shannon.get().context());
    private static final Drift COUNTS = Drift.of(Shannon.get().withNormalization(Normalization.NORMALIZE).context());

    private static void fails(Executable call, String... parts) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + message + "' lacks '" + p + "'");
        }
    }

    @Test
    void histogramMeasures() {
        double[] p = {0.5, 0.25, 0.25};
        double[] q = {0.25, 0.25, 0.5};
        double psi = 0.25 * Math.log(2) + 0 - 0.25 * Math.log(0.5);
        assertEquals(psi, NATS.psi(p, q), 1e-16);
        assertEquals(NATS.klDivergence(p, q) + NATS.klDivergence(q, p), NATS.psi(p, q), 1e-15);
        assertEquals(psi / Math.log(2), Drift.of(Shannon.get().withUnit(InfoUnit.BITS).context()).psi(p, q), 1e-15);
        assertEquals(0.25, NATS.totalVariation(p, q), 0);
        assertEquals(0.25, NATS.lInfinity(p, q), 0);
        assertEquals(0.25, COUNTS.totalVariation(new double[] {2, 1, 1}, new double[] {1, 1, 2}), 0);
        // scipy.spatial.distance.jensenshannon([2, 1, 1], [1, 1, 2], base) normalises whatever the policy
        double js = NATS.jsDivergence(p, q);
        assertEquals(Math.sqrt(js), NATS.jsDistance(new double[] {2, 1, 1}, new double[] {1, 1, 2}, Math.E), 1e-15);
        assertEquals(Math.sqrt(js / Math.log(2)), NATS.jsDistance(p, q, 2), 1e-15);
        assertEquals(Math.sqrt(1 - 2 * Math.sqrt(0.125) - 0.25), NATS.hellingerDistance(p, q), 1e-15);
        // one-sided empty bin: PSI is infinite without a fill, 0 where both are empty
        assertEquals(Double.POSITIVE_INFINITY, NATS.psi(new double[] {1, 0}, new double[] {0.5, 0.5}));
        assertEquals(0.0, NATS.psi(new double[] {1, 0}, new double[] {1, 0}));
    }

    @Test
    void emptyBinPolicies() {
        double[] shares = {0.5, 0.0, 0.49995, 0.00005};
        assertArrayEquals(shares, EmptyBins.NONE.apply(shares));
        assertArrayEquals(new double[] {0.5, 0.00005 / 1e6, 0.49995, 0.00005}, EmptyBins.EVIDENTLY.apply(shares));
        assertArrayEquals(new double[] {0.75, 0.0001, 0.25}, EmptyBins.EVIDENTLY.apply(new double[] {0.75, 0, 0.25}));
        assertArrayEquals(new double[] {0.75, 1e-3, 0.25}, EmptyBins.epsilon(1e-3).apply(new double[] {0.75, 0, 0.25}));
        assertEquals(0.0, shares[1]); // not changed in place
        fails(() -> EmptyBins.epsilon(0), "epsilon = 0.0");
        fails(() -> EmptyBins.EVIDENTLY.apply(new double[] {0, 0}), "no non-zero share");
        fails(() -> EmptyBins.EVIDENTLY.apply(new double[] {0.5, -0.5}), "shares[1] = -0.5");
    }

    @Test
    void wasserstein() {
        // scipy.stats.wasserstein_distance([0, 1, 3], [5, 6, 8]) = 5; ([0, 1], [0, 0, 1, 1, 1]) = 0.1
        assertEquals(5.0, Drift.wasserstein(new double[] {3, 0, 1}, new double[] {5, 8, 6}), 0);
        assertEquals(0.1, Drift.wasserstein(new double[] {0, 1}, new double[] {1, 0, 1, 0, 1}), 1e-16);
        assertEquals(0.0, Drift.wasserstein(new double[] {2, 2}, new double[] {2}), 0);
        // Evidently divides by max(std(reference), 0.001): a constant reference by 0.001
        assertEquals(1000.0, Drift.wassersteinNormed(new double[] {4, 4, 4}, new double[] {5}), 1e-12);
        // std([0, 2]) = 1 (ddof = 0)
        assertEquals(0.5, Drift.wassersteinNormed(new double[] {0, 2}, new double[] {0.5, 2.5}), 0);
    }

    @Test
    void badHistograms() {
        fails(() -> NATS.psi(new double[0], new double[0]), "p is empty");
        fails(() -> NATS.psi(new double[] {1}, new double[] {0.5, 0.5}), "p has 1 bins and q has 2");
        fails(() -> NATS.psi(new double[] {0.5, 0.5}, new double[] {0.5, Double.NaN}), "q[1] = NaN");
        fails(() -> NATS.totalVariation(new double[] {2, 1}, new double[] {0.5, 0.5}), "p sums to 3.0",
                "NORMALIZE");
        fails(() -> NATS.lInfinity(new double[] {0.5, 0.5}, new double[] {0, 0}), "q sums to 0.0");
        fails(() -> NATS.jsDistance(new double[] {1}, new double[] {1}, 1), "base = 1.0");
        fails(() -> NATS.klDivergence(new double[] {0.5, 0.5}, new double[] {-0.5, 1.5}), "q[0] = -0.5");
        fails(() -> Drift.shares(new long[] {3, -1}), "counts[1] = -1");
    }

    @Test
    void badSamplesAndColumns() {
        fails(() -> Drift.wasserstein(new double[0], new double[] {1}), "u is empty");
        fails(() -> Drift.wasserstein(new double[] {1}, new double[] {1, Double.NaN}), "v[1] = NaN");
        fails(() -> Drift.wassersteinNormed(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}),
                "reference[0] = Infinity");
        for (DriftMethod m : DriftMethod.values()) {
            if (!m.numericIn(DriftPreset.EVIDENTLY)) {
                continue;
            }
            fails(() -> NATS.numeric(DriftPreset.EVIDENTLY, m, new double[0], new double[] {1}), "reference is empty");
            fails(() -> NATS.numeric(DriftPreset.EVIDENTLY, m, new double[] {1, 2}, new double[0]), "current is empty");
            fails(() -> NATS.numeric(DriftPreset.EVIDENTLY, m, new double[] {1, 2},
                    new double[] {Double.NaN, Double.NEGATIVE_INFINITY}), "current has no finite value");
            fails(() -> NATS.numeric(DriftPreset.EVIDENTLY, m, new double[] {Double.NaN}, new double[] {1}),
                    "reference has no finite value");
        }
        fails(() -> NATS.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI, new double[] {1}, new double[] {1},
                Double.NaN), "threshold = NaN");
        fails(() -> DriftMethod.named("k-s"), "name = \"k-s\"", "psi, kl_div", "ks");
        // Evidently's KS above 10,000 values: scipy's asymptotic kstwo.sf(1.0, round(10001/10002) = 1) = 0
        org.junit.jupiter.api.Assertions.assertEquals(0.0, NATS.numeric(DriftPreset.EVIDENTLY,
                DriftMethod.KOLMOGOROV_SMIRNOV, new double[10_001], new double[] {1}).value());
    }

    @Test
    void decisionIsAtLeastTheThreshold() {
        double[] ref = {0, 1};
        double[] cur = {0.5, 2.5};
        // normed Wasserstein is exactly 0.5 here: drift at threshold 0.5 (>=), not above it
        assertTrue(NATS.numeric(DriftPreset.EVIDENTLY, DriftMethod.WASSERSTEIN, new double[] {0, 2}, cur, 0.5).drift());
        assertEquals(0.1, DriftMethod.PSI.defaultThreshold(DriftPreset.EVIDENTLY));
        assertEquals(DriftMethod.KL_DIV, DriftMethod.named("KL_div"));
        assertEquals(0.0, NATS.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI, ref, ref).value());
    }
}
