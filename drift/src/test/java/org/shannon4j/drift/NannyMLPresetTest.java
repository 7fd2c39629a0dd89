package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shannon4j.Shannon;

/** The NannyML preset's rules on hand-checked values, and its bad input. */
class NannyMLPresetTest {

    private static final Drift DRIFT = Drift.of(Shannon.get().context());

    private static void fails(Executable call, String... parts) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + message + "' lacks '" + p + "'");
        }
    }

    private static double[] range(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    @Test
    void leftoverBinTakesCurrentValuesOutsideTheReference() {
        // reference 0..99: Doane edges span [0, 99]; half the current lies above them
        double[] ref = range(100);
        double[] cur = new double[100];
        for (int i = 0; i < 100; i++) {
            cur[i] = i < 50 ? 2 * i : 1000 + i;
        }
        DriftResult r = DRIFT.numeric(DriftPreset.NANNYML, DriftMethod.HELLINGER, ref, cur, 0.2);
        assertTrue(r.value() > 0.5, r::toString);
        assertTrue(r.drift());
        // a current ±∞ is outside the edges too: the same value as a far finite one
        double[] inf = cur.clone();
        inf[99] = Double.POSITIVE_INFINITY;
        inf[98] = Double.NEGATIVE_INFINITY;
        double[] far = cur.clone();
        far[99] = 1e300;
        far[98] = -1e300;
        for (DriftMethod m : new DriftMethod[] {DriftMethod.JENSENSHANNON, DriftMethod.HELLINGER,
                DriftMethod.KOLMOGOROV_SMIRNOV}) {
            assertEquals(DRIFT.numeric(DriftPreset.NANNYML, m, ref, far, 1).value(),
                    DRIFT.numeric(DriftPreset.NANNYML, m, ref, inf, 1).value(), m.toString());
        }
    }

    @Test
    void identicalColumnsAndTheStrictDecision() {
        double[] ref = range(1000);
        DriftResult r = DRIFT.numeric(DriftPreset.NANNYML, DriftMethod.KOLMOGOROV_SMIRNOV, ref, ref, 0.0);
        assertEquals(0.0, r.value());
        assertFalse(r.drift()); // NannyML alerts on value > threshold: 0 > 0 is no drift
        assertEquals(0.0, DRIFT.numeric(DriftPreset.NANNYML, DriftMethod.WASSERSTEIN, ref, ref, 0.0).value());
    }

    @Test
    void constantReferenceIsBinnedAsNumpyDoes() {
        // Doane of a constant: one bin [c − 0.5, c + 0.5]; a current value in it shares it, others are leftover
        double[] ref = new double[50];
        java.util.Arrays.fill(ref, 3.0);
        double[] cur = {3.2, 3.4, 5.0, 1.0};
        DriftResult r = DRIFT.numeric(DriftPreset.NANNYML, DriftMethod.HELLINGER, ref, cur, 0.1);
        // shares (1) vs (0.5, leftover 0.5): √((1 − √0.5)² + 0.5) / √2
        double want = Math.sqrt(Math.pow(1 - Math.sqrt(0.5), 2) + 0.5) / Math.sqrt(2);
        assertEquals(want, r.value(), 1e-15);
        assertEquals(0.0, DRIFT.defaultThreshold(DriftPreset.NANNYML, DriftMethod.HELLINGER, ref));
        // the binned KS of a constant reference fails in NannyML (np.histogram with equal edges)
        double[] big = new double[10_000];
        java.util.Arrays.fill(big, 1.0);
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, DriftMethod.KOLMOGOROV_SMIRNOV, big, cur, 0.1),
                "reference is constant");
        // the binned Wasserstein has its range [c − 0.5, c + 0.5], as np.histogram(bins=10000)
        assertTrue(DRIFT.numeric(DriftPreset.NANNYML, DriftMethod.WASSERSTEIN, big, cur, 0.1).drift());
    }

    @Test
    void badInput() {
        double[] ok = range(20);
        DriftMethod js = DriftMethod.JENSENSHANNON;
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, js, new double[0], ok), "reference is empty");
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, js, ok, new double[0]), "current is empty");
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, js, new double[] {Double.NaN, Double.NaN}, ok),
                "reference has only NaN (2 values");
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, js, ok, new double[] {Double.NaN}, 0.1),
                "current has only NaN");
        double[] inf = ok.clone();
        inf[7] = Double.NEGATIVE_INFINITY;
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, js, inf, ok), "reference[7] = -Infinity");
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, DriftMethod.WASSERSTEIN, ok, inf, 0.1),
                "current[7] = -Infinity", "Wasserstein");
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, js, range(9), ok), "reference has 9 rows", "pass a threshold");
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, DriftMethod.PSI, ok, ok), "method = PSI",
                "jensen_shannon");
        fails(() -> DRIFT.numeric(DriftPreset.EVIDENTLY, DriftMethod.L_INFINITY, ok, ok),
                "method = L_INFINITY", "EVIDENTLY");
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, js, ok, ok, Double.NaN), "threshold = NaN");
        fails(() -> DriftMethod.JENSENSHANNON.defaultThreshold(DriftPreset.NANNYML), "computed from the reference");
        for (DriftMethod m : DriftMethod.values()) {
            if (m.numericIn(DriftPreset.NANNYML)) {
                fails(() -> DRIFT.numeric(DriftPreset.NANNYML, m, new double[0], ok), "reference is empty");
                fails(() -> DRIFT.numeric(DriftPreset.NANNYML, m, ok, new double[] {Double.NaN}), "current has only NaN");
                fails(() -> DRIFT.numeric(DriftPreset.NANNYML, m, inf, ok, 0.1), "reference[7] = -Infinity");
            }
        }
        // a reference of 9 rows works with a given threshold
        assertEquals(0.0, DRIFT.numeric(DriftPreset.NANNYML, js, range(9), range(9), 0.1).value());
    }

    @Test
    void evidentlyDefaultMethodChoice() {
        assertEquals(DriftMethod.KOLMOGOROV_SMIRNOV, DriftMethod.evidentlyDefault(false, 1000, 6));
        assertEquals(DriftMethod.CHI_SQUARE, DriftMethod.evidentlyDefault(false, 1000, 5));
        assertEquals(DriftMethod.Z, DriftMethod.evidentlyDefault(false, 10, 2));
        assertEquals(DriftMethod.WASSERSTEIN, DriftMethod.evidentlyDefault(false, 1001, 6));
        assertEquals(DriftMethod.JENSENSHANNON, DriftMethod.evidentlyDefault(false, 1001, 5));
        assertEquals(DriftMethod.CHI_SQUARE, DriftMethod.evidentlyDefault(true, 1000, 3));
        assertEquals(DriftMethod.Z, DriftMethod.evidentlyDefault(true, 1000, 1));
        assertEquals(DriftMethod.JENSENSHANNON, DriftMethod.evidentlyDefault(true, 1001, 2));
        fails(() -> DriftMethod.evidentlyDefault(true, 0, 2), "referenceRows = 0");
    }

    @Test
    void namesOfBothTools() {
        assertEquals(DriftMethod.JENSENSHANNON, DriftMethod.named("jensen_shannon"));
        assertEquals(DriftMethod.JENSENSHANNON, DriftMethod.named("jensenshannon"));
        assertEquals(DriftMethod.KOLMOGOROV_SMIRNOV, DriftMethod.named("Kolmogorov_Smirnov"));
        assertEquals("jensen_shannon", DriftMethod.JENSENSHANNON.toolName(DriftPreset.NANNYML));
        assertEquals("jensenshannon", DriftMethod.JENSENSHANNON.toolName(DriftPreset.EVIDENTLY));
        fails(() -> DriftMethod.named("ks2"), "ks2", "kolmogorov_smirnov");
    }
}
