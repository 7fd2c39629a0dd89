package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;

/**
 * Every public distribution method, on every backend, rejects bad input with the documented exception and a
 * message naming the argument, the index and the value. Bad values are planted in the vector body, in the
 * tail, past the first block, and in q where p = 0 (a lane a kernel masks out of the sum and could forget to
 * validate).
 */
public abstract class BadInputSuite {

    /** One public method, as a function of (handle, p, q); entropy ignores q. */
    interface DoubleCall {
        double apply(Shannon s, double[] p, double[] q);
    }

    interface FloatCall {
        double apply(Shannon s, float[] p, float[] q);
    }

    record Method(String name, boolean usesQ, DoubleCall onDouble, DoubleCall onDoubleRange, FloatCall onFloat,
                  FloatCall onFloatRange) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Method> METHODS = List.of(
            new Method("entropy", false, (s, p, q) -> s.entropy(p), (s, p, q) -> s.entropy(p, 1, p.length - 1),
                    (s, p, q) -> s.entropy(p), (s, p, q) -> s.entropy(p, 1, p.length - 1)),
            new Method("crossEntropy", true, Shannon::crossEntropy,
                    (s, p, q) -> s.crossEntropy(p, 1, q, 1, p.length - 1), Shannon::crossEntropy,
                    (s, p, q) -> s.crossEntropy(p, 1, q, 1, p.length - 1)),
            new Method("klDivergence", true, Shannon::klDivergence,
                    (s, p, q) -> s.klDivergence(p, 1, q, 1, p.length - 1), Shannon::klDivergence,
                    (s, p, q) -> s.klDivergence(p, 1, q, 1, p.length - 1)),
            new Method("jsDivergence", true, Shannon::jsDivergence,
                    (s, p, q) -> s.jsDivergence(p, 1, q, 1, p.length - 1), Shannon::jsDivergence,
                    (s, p, q) -> s.jsDivergence(p, 1, q, 1, p.length - 1)),
            new Method("jsDistance", true, Shannon::jsDistance,
                    (s, p, q) -> s.jsDistance(p, 1, q, 1, p.length - 1), Shannon::jsDistance,
                    (s, p, q) -> s.jsDistance(p, 1, q, 1, p.length - 1)));

    static Stream<Arguments> backendsAndMethods() {
        List<Arguments> all = new ArrayList<>();
        ConformanceBackends.supported().forEach(s -> {
            for (Normalization policy : Normalization.values()) {
                Shannon h = s.withNormalization(policy);
                for (Method m : METHODS) {
                    all.add(Arguments.of(Named.of(s.backendName() + "/" + policy, h), m));
                }
            }
        });
        return all.stream();
    }

    static void assertMessage(IllegalArgumentException e, String expected) {
        assertTrue(e.getMessage().contains(expected), () -> "message \"" + e.getMessage() + "\" should contain \""
                + expected + "\"");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.shannon4j.conformance.BadInputSuite#backendsAndMethods")
    void badEntriesAreNamedWithIndexAndValue(Shannon s, Method m) {
        int n = 2100; // past the first block of every bundled backend, with a tail
        double[] bads = {Double.NaN, -0.25, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MIN_VALUE};
        String[] shown = {"NaN", "-0.25", "Infinity", "-Infinity", "-4.9E-324"};
        String[] why = {"must not be NaN", "must be >= 0", "must be finite", "must be finite", "must be >= 0"};
        for (int where : new int[] {1, 9, 17, 1500, n - 1}) {
            for (int b = 0; b < bads.length; b++) {
                for (boolean inQ : m.usesQ() ? new boolean[] {false, true} : new boolean[] {false}) {
                    double[] p = TestData.dirichlet(new SplittableRandom(where), n, 1.0, 0.0);
                    double[] q = TestData.dirichlet(new SplittableRandom(where + 1), n, 1.0, 0.0);
                    if (inQ) {
                        p[where] = 0; // the term is masked out of the sum: validation must still see q
                        q[where] = bads[b];
                    } else {
                        p[where] = bads[b];
                    }
                    String name = inQ ? "q" : "p";
                    String expected = name + "[" + where + "] = " + shown[b] + ": probabilities " + why[b];
                    assertMessage(assertThrows(IllegalArgumentException.class, () -> m.onDouble().apply(s, p, q)),
                            expected);
                    assertMessage(assertThrows(IllegalArgumentException.class,
                            () -> m.onDoubleRange().apply(s, p, q)), expected);
                    if (bads[b] == -Double.MIN_VALUE) {
                        continue; // rounds to -0.0f as a float, which is a valid zero
                    }
                    float[] pf = TestData.toFloat(p);
                    float[] qf = TestData.toFloat(q);
                    String expectedF = name + "[" + where + "] = " + (float) bads[b] + ": probabilities " + why[b];
                    assertMessage(assertThrows(IllegalArgumentException.class, () -> m.onFloat().apply(s, pf, qf)),
                            expectedF);
                    assertMessage(assertThrows(IllegalArgumentException.class,
                            () -> m.onFloatRange().apply(s, pf, qf)), expectedF);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.shannon4j.conformance.BadInputSuite#backendsAndMethods")
    void shapesNullsAndRanges(Shannon s, Method m) {
        double[] p = {0.5, 0.5};
        double[] q = {0.25, 0.75};
        float[] pf = {0.5f, 0.5f};
        float[] qf = {0.25f, 0.75f};
        NullPointerException npe = assertThrows(NullPointerException.class, () -> m.onDouble().apply(s, null, q));
        assertEquals("p must not be null", npe.getMessage());
        npe = assertThrows(NullPointerException.class, () -> m.onFloat().apply(s, null, qf));
        assertEquals("p must not be null", npe.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> m.onDouble().apply(s, new double[0], new double[0]));
        assertMessage(empty, "p is empty");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> m.onFloat().apply(s, new float[0], new float[0])), "p is empty");
        // Range of length 0 through the offset form (length = p.length - 1 = 0).
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> m.onDoubleRange().apply(s, new double[] {1}, new double[] {1})), "is empty");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> m.onDouble().apply(s, new double[] {0, 0, 0}, new double[] {0.2, 0.3, 0.5})), "p is all zeros");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> m.onFloat().apply(s, new float[] {0, 0}, new float[] {0.5f, 0.5f})), "p is all zeros");
        if (m.usesQ()) {
            npe = assertThrows(NullPointerException.class, () -> m.onDouble().apply(s, p, null));
            assertEquals("q must not be null", npe.getMessage());
            npe = assertThrows(NullPointerException.class, () -> m.onFloat().apply(s, pf, null));
            assertEquals("q must not be null", npe.getMessage());
            assertMessage(assertThrows(IllegalArgumentException.class,
                    () -> m.onDouble().apply(s, new double[] {0.2, 0.3, 0.5}, new double[] {0.25, 0.25, 0.25, 0.25})),
                    "p.length = 3 but q.length = 4");
            assertMessage(assertThrows(IllegalArgumentException.class,
                    () -> m.onFloat().apply(s, new float[] {0.5f, 0.5f}, new float[] {1f})),
                    "p.length = 2 but q.length = 1");
            assertMessage(assertThrows(IllegalArgumentException.class,
                    () -> m.onDouble().apply(s, p, new double[] {0, 0})), "q is all zeros");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.DistributionConformanceSuite#backends")
    void rangesOutsideTheArray(Shannon s) {
        double[] p = {0.5, 0.5};
        float[] f = {0.5f, 0.5f};
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> s.entropy(p, 1, 2));
        assertEquals("p: offset 1 and length 2 do not fit in p.length = 2", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> s.entropy(p, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.entropy(f, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> s.entropy(p, 0, -1));
        e = assertThrows(IndexOutOfBoundsException.class, () -> s.klDivergence(p, 0, new double[] {1}, 0, 2));
        assertEquals("q: offset 0 and length 2 do not fit in q.length = 1", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> s.crossEntropy(f, 0, f, 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> s.jsDivergence(p, Integer.MAX_VALUE, p, 0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> s.jsDistance(f, 0, f, 0, Integer.MAX_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.DistributionConformanceSuite#backends")
    void requirePolicyRejectsUnnormalisedAndNormalizeAcceptsIt(Shannon s) {
        double[] counts = {3, 0, 5, 2};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.entropy(counts));
        assertMessage(e, "p sums to 10.0, not 1");
        assertMessage(e, "Normalization.NORMALIZE");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> s.klDivergence(new double[] {0.5, 0.5}, new double[] {0.5, 0.6})), "q sums to 1.1");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> s.jsDivergence(new float[] {0.5f, 0.5f}, new float[] {0.5f, 0.6f})), "q sums to");
        Shannon normalize = s.withNormalization(Normalization.NORMALIZE);
        assertEquals(Normalization.NORMALIZE, normalize.normalization());
        double h = normalize.entropy(counts);
        double expected = -(0.3 * Math.log(0.3) + 0.5 * Math.log(0.5) + 0.2 * Math.log(0.2));
        assertEquals(expected, h, 1e-15);
        // Within the tolerance is accepted: one rounding per entry off 1.
        double tol = Normalization.sumTolerance(3, false);
        double[] almost = {0.5, 0.25, 0.25 + tol / 2};
        assertEquals(1.0397207708399179, s.entropy(almost), 1e-13);
        double[] beyond = {0.5, 0.25, 0.25 + 2 * tol};
        assertThrows(IllegalArgumentException.class, () -> s.entropy(beyond));
    }
}
