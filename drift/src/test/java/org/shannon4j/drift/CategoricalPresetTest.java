package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shannon4j.Shannon;

/** Category counting, the presets' unseen-category rules on hand-checked values, and bad input. */
class CategoricalPresetTest {

    private static final Drift DRIFT = Drift.of(Shannon.get().context());

    private static void fails(Executable call, String... parts) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + message + "' lacks '" + p + "'");
        }
    }

    @Test
    void countsWithMissingAndOneSidedCategories() {
        CategoryCounts k = CategoryCounts.of(new String[] {"b", "a", null, "a"}, new String[] {"c", null, null, "a"});
        assertArrayEquals(new String[] {"a", "b", "c"}, k.categories());
        assertArrayEquals(new long[] {2, 1, 0}, k.reference());
        assertArrayEquals(new long[] {1, 0, 1}, k.current());
        assertEquals(1, k.referenceMissing());
        assertEquals(2, k.currentMissing());
        assertEquals(3, k.referenceSize());
        assertEquals(2, k.currentSize());
    }

    @Test
    void unseenCategoriesPerTool() {
        String[] ref = {"a", "a", "b", "b"};
        String[] cur = {"a", "b", "c", "d"};
        // NannyML L∞: the union, each unseen category on its own: max(|.5 − .25|, |.5 − .25|, .25, .25)
        assertEquals(0.25, DRIFT.categorical(DriftPreset.NANNYML, DriftMethod.L_INFINITY, ref, cur, 0.1).value());
        // NannyML Hellinger: c and d pooled in one leftover bin of share 0.5 whose reference share is 0
        double want = Math.sqrt(2 * Math.pow(Math.sqrt(0.5) - Math.sqrt(0.25), 2) + 0.5) / Math.sqrt(2);
        assertEquals(want, DRIFT.categorical(DriftPreset.NANNYML, DriftMethod.HELLINGER, ref, cur, 0.1).value(),
                1e-15);
        // Evidently Hellinger: each category its own bin, √(1 − Σ √(r·c))
        double ev = Math.sqrt(1 - 2 * Math.sqrt(0.5 * 0.25));
        DriftResult e = DRIFT.categorical(DriftPreset.EVIDENTLY, DriftMethod.HELLINGER, ref, cur);
        assertEquals(ev, e.value(), 1e-15);
        assertEquals(0.1, e.threshold());
        assertTrue(e.drift());
        assertTrue(Double.isNaN(e.pValue()));
    }

    @Test
    void chiSquareOfOneCategoryIsNoDrift() {
        String[] one = {"k", "k", "k"};
        String[] ten = {"k", "k", "k", "k", "k", "k", "k", "k", "k", "k"};
        DriftResult r = DRIFT.categorical(DriftPreset.NANNYML, DriftMethod.CHI_SQUARE, ten, one);
        assertEquals(0.0, r.value());
        assertEquals(1.0, r.pValue());
        assertEquals(0.05, r.threshold());
        assertFalse(r.drift());
        // a given threshold is the p-value's
        String[] other = {"k", "m", "m", "m", "m", "m"};
        DriftResult s = DRIFT.categorical(DriftPreset.NANNYML, DriftMethod.CHI_SQUARE, one, other, 0.999);
        assertTrue(s.pValue() > 0.05 && s.pValue() < 0.999, s::toString);
        assertTrue(s.drift(), s::toString);
        DriftResult d = DRIFT.categorical(DriftPreset.NANNYML, DriftMethod.CHI_SQUARE, ten, other);
        assertEquals(d.pValue() < 0.05, d.drift(), d::toString);
        // NannyML's fit chunks the reference for chi2 too, and fails below 10 rows (ChunkerException)
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DRIFT.categorical(DriftPreset.NANNYML, DriftMethod.CHI_SQUARE, one, other));
        assertTrue(e.getMessage().startsWith("reference has 3 rows: NannyML's default threshold"), e::getMessage);
    }

    @Test
    void evidentlyTestsOnOneCategory() {
        String[] one = {"k", "k", "k"};
        // scipy's chisquare gives NaN for 0 degrees of freedom: one category shared by both columns is no drift
        DriftResult c = DRIFT.categorical(DriftPreset.EVIDENTLY, DriftMethod.CHI_SQUARE, one, one);
        assertEquals(1.0, c.value());
        assertEquals(0.05, c.threshold());
        assertFalse(c.drift());
        // Evidently's Z test special case: both columns one and the same value
        assertEquals(1.0, DRIFT.categorical(DriftPreset.EVIDENTLY, DriftMethod.Z, one, new String[] {"k"}).value());
        // a category the reference lacks: chi-square statistic +inf, p = 0
        assertEquals(0.0, DRIFT.categorical(DriftPreset.EVIDENTLY, DriftMethod.CHI_SQUARE, one,
                new String[] {"k", "new"}).value());
    }

    @Test
    void badInput() {
        String[] ok = {"a", "b", "a", "c", "a", "b", "a", "c", "a", "b"};
        for (DriftPreset preset : DriftPreset.values()) {
            for (DriftMethod m : DriftMethod.values()) {
                if (!m.categoricalIn(preset)) {
                    fails(() -> DRIFT.categorical(preset, m, ok, ok), "method = " + m, "not a categorical method");
                    continue;
                }
                fails(() -> DRIFT.categorical(preset, m, new String[0], ok, 0.1), "reference is empty");
                fails(() -> DRIFT.categorical(preset, m, ok, new String[0], 0.1), "current is empty");
                fails(() -> DRIFT.categorical(preset, m, new String[] {null, null}, ok, 0.1),
                        "reference has only missing values (2 nulls");
                fails(() -> DRIFT.categorical(preset, m, ok, new String[] {null}, 0.1),
                        "current has only missing values (1 nulls");
                fails(() -> DRIFT.categorical(preset, m, ok, ok, Double.NaN), "threshold = NaN");
                assertThrows(NullPointerException.class, () -> DRIFT.categorical(preset, m, null, ok, 0.1));
            }
        }
        fails(() -> DRIFT.categorical(DriftPreset.NANNYML, DriftMethod.L_INFINITY, new String[] {"a", "b"}, ok),
                "reference has 2 rows", "pass a threshold");
        fails(() -> DRIFT.categorical(DriftPreset.EVIDENTLY, DriftMethod.WASSERSTEIN, ok, ok), "WASSERSTEIN");
        fails(() -> DRIFT.numeric(DriftPreset.NANNYML, DriftMethod.L_INFINITY, new double[] {1}, new double[] {1}),
                "not a numeric method");
    }
}
