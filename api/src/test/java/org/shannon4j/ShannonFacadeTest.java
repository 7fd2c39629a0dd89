package org.shannon4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The measures' formulas above the kernels, on the naive test backend, with hand-computed values. */
class ShannonFacadeTest {

    private final Shannon s = Shannon.get("naive");

    @Test
    void handlesAreImmutableVariants() {
        Shannon bits = s.withUnit(InfoUnit.BITS);
        assertNotSame(s, bits);
        assertEquals(InfoUnit.NATS, s.unit());
        assertEquals(InfoUnit.BITS, bits.unit());
        assertSame(bits, bits.withUnit(InfoUnit.BITS));
        Shannon lax = bits.withNormalization(Normalization.NORMALIZE);
        assertEquals(Normalization.REQUIRE, bits.normalization());
        assertEquals(Normalization.NORMALIZE, lax.normalization());
        assertEquals(InfoUnit.BITS, lax.unit());
        assertEquals("Shannon[backend=naive, unit=BITS, normalization=NORMALIZE]", lax.toString());
        assertThrows(NullPointerException.class, () -> s.withUnit(null));
        assertThrows(NullPointerException.class, () -> s.withNormalization(null));
    }

    @Test
    void handComputedValues() {
        double[] p = {0.5, 0.25, 0.25};
        double[] q = {0.25, 0.25, 0.5};
        assertEquals(1.5, s.withUnit(InfoUnit.BITS).entropy(p), 1e-15);
        assertEquals(1.5 * Math.log(2), s.entropy(p), 1e-15);
        assertEquals(1.5 * Math.log(2) / Math.log(10), s.withUnit(InfoUnit.BANS).entropy(p), 1e-15);
        // KL(p||q) = 0.5 ln 2 + 0 + 0.25 ln 0.5 = 0.25 ln 2; CE = H + KL.
        assertEquals(0.25 * Math.log(2), s.klDivergence(p, q), 1e-15);
        assertEquals(1.75 * Math.log(2), s.crossEntropy(p, q), 1e-15);
        assertEquals(0.25, s.withUnit(InfoUnit.BITS).klDivergence(p, q), 1e-15);
        // JS of disjoint supports is exactly 1 bit; the distance is its square root.
        Shannon bits = s.withUnit(InfoUnit.BITS);
        assertEquals(1.0, bits.jsDivergence(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
        assertEquals(1.0, bits.jsDistance(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
        // The blog example: the binary distribution (0.8, 0.2) against the true label 1.
        assertEquals(0.2231435513142097, s.crossEntropy(new double[] {1, 0}, new double[] {0.8, 0.2}), 1e-15);
        assertEquals(0.32192809488736235, bits.crossEntropy(new double[] {1, 0}, new double[] {0.8, 0.2}), 1e-15);
    }

    @Test
    void normalisationIsExactForUnnormalisedInput() {
        Shannon lax = s.withNormalization(Normalization.NORMALIZE);
        double[] counts = {2, 1, 1};
        double[] other = {1, 1, 2};
        assertEquals(s.entropy(new double[] {0.5, 0.25, 0.25}), lax.entropy(counts), 1e-15);
        assertEquals(0.25 * Math.log(2), lax.klDivergence(counts, other), 1e-15);
        assertEquals(1.75 * Math.log(2), lax.crossEntropy(counts, other), 1e-15);
        // Different totals: JS needs the exact mixture ratio, not a first-order correction.
        double[] scaledOther = {1000, 1000, 2000};
        assertEquals(s.jsDivergence(new double[] {0.5, 0.25, 0.25}, new double[] {0.25, 0.25, 0.5}),
                lax.jsDivergence(counts, scaledOther), 1e-15);
        float[] fc = {2, 1, 1};
        assertEquals(1.5, lax.withUnit(InfoUnit.BITS).entropy(fc), 1e-15);
    }

    @Test
    void infinitiesAreResultsNotErrors() {
        assertEquals(Double.POSITIVE_INFINITY, s.klDivergence(new double[] {0.5, 0.5}, new double[] {1, 0}));
        assertEquals(Double.POSITIVE_INFINITY, s.crossEntropy(new double[] {0.5, 0.5}, new double[] {1, 0}));
        assertEquals(Double.POSITIVE_INFINITY, s.withUnit(InfoUnit.BITS).klDivergence(new float[] {0.5f, 0.5f},
                new float[] {1, 0}));
        assertEquals(0.0, s.klDivergence(new double[] {1, 0}, new double[] {1, 0}), "0 ln(0/0) = 0");
    }

    @Test
    void toleranceFormulaIsTheDocumentedOne() {
        assertEquals(16 * Math.ulp(1.0) * 10, Normalization.sumTolerance(100, false), 0);
        assertEquals(16 * Math.ulp(1.0f) * 1000, Normalization.sumTolerance(1_000_000, true), 1e-18);
        assertEquals(16 * Math.ulp(1.0), Normalization.sumTolerance(0, false), 0);
        assertTrue(InfoUnit.BITS.fromNats(Math.log(2)) == 1.0);
        assertEquals(Math.log(10), InfoUnit.BANS.toNats(1.0), 0);
    }

    /** A closed or another thread's segment is named, not left to the JDK's "Already closed". */
    @org.junit.jupiter.api.Test
    void closedAndConfinedSegmentsAreNamed() throws Exception {
        java.lang.foreign.MemorySegment open = java.lang.foreign.MemorySegment.ofArray(new double[] {0.5, 0.5});
        java.lang.foreign.MemorySegment closed;
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            closed = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 0.5, 0.5);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.klDivergence(open, closed, java.lang.foreign.ValueLayout.JAVA_DOUBLE));
        assertEquals("q: the segment's arena is closed", e.getMessage());
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment mine = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_DOUBLE,
                    0.5, 0.5);
            Throwable[] thrown = new Throwable[1];
            Thread other = new Thread(() -> {
                try {
                    s.entropy(mine, java.lang.foreign.ValueLayout.JAVA_DOUBLE);
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            other.start();
            other.join();
            assertEquals(WrongThreadException.class, thrown[0].getClass());
            org.junit.jupiter.api.Assertions.assertTrue(thrown[0].getMessage().startsWith("p: the segment is"
                    + " confined to another thread"), thrown[0].getMessage());
        }
    }
}
