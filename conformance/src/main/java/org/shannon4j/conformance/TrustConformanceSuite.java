package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;

/**
 * Properties an outside probe found broken (issues 12 and 17), held for every backend: −0.0 is a zero by
 * value in every lane of every kernel (as q: +∞ for cross-entropy and KL where p &gt; 0; as p: a zero weight),
 * Jensen–Shannon is symmetric to the bit, and the same input gives the same bits on every call of one JVM
 * (before and after the JIT compiles the kernels; {@code DeterminismForkTest} also compares cold JVMs).
 * Extend this class in a test to certify a backend.
 */
public abstract class TrustConformanceSuite {

    static Stream<Arguments> backends() {
        return ConformanceBackends.supported().map(s -> Arguments.of(Named.of(s.backendName(), s)));
    }

    /** Lengths that put the planted lane in every lane of the widest species, in blocks and in the tail. */
    private static final int[] LENGTHS = {1, 2, 7, 8, 16, 17, 33, 64, 67};

    private static double[] uniform(int n) {
        double[] p = new double[n];
        Arrays.fill(p, 1.0 / n);
        return p;
    }

    /** p uniform except that p[j] is moved to p[(j + 1) % n] and p[j] becomes {@code zero} (±0.0). */
    private static double[] withZeroAt(int n, int j, double zero) {
        double[] p = uniform(n);
        if (n > 1) {
            p[(j + 1) % n] += p[j];
        }
        p[j] = zero;
        return p;
    }

    private static float[] f(double[] a) {
        return TestData.toFloat(a);
    }

    private static MemorySegment seg(double[] a) {
        return MemorySegment.ofArray(a);
    }

    private static MemorySegment seg(float[] a) {
        return MemorySegment.ofArray(a);
    }

    private static void sameBits(String what, double expected, double actual) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            fail(what + ": expected the bits of " + expected + " but got " + actual);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void negativeZeroInQUnderPositivePIsInfiniteInEveryLane(Shannon s) {
        double inf = Double.POSITIVE_INFINITY;
        for (int n : LENGTHS) {
            if (n == 1) {
                continue; // q = {-0.0} is all zeros: rejected, not infinite
            }
            double[] p = uniform(n);
            float[] pf = f(p);
            for (int j = 0; j < n; j++) {
                double[] q = withZeroAt(n, j, -0.0);
                float[] qf = f(q);
                String at = "n=" + n + " q[" + j + "] = -0.0";
                assertEquals(inf, s.crossEntropy(p, q), "crossEntropy " + at);
                assertEquals(inf, s.klDivergence(p, q), "klDivergence " + at);
                assertEquals(inf, s.crossEntropy(pf, qf), "crossEntropy(float) " + at);
                assertEquals(inf, s.klDivergence(pf, qf), "klDivergence(float) " + at);
                assertEquals(inf, s.crossEntropy(seg(p), seg(q), ValueLayout.JAVA_DOUBLE), "crossEntropy(segment) " + at);
                assertEquals(inf, s.klDivergence(seg(p), seg(q), ValueLayout.JAVA_DOUBLE), "klDivergence(segment) " + at);
                assertEquals(inf, s.crossEntropy(seg(pf), seg(qf), ValueLayout.JAVA_FLOAT), "crossEntropy(float segment) " + at);
                assertEquals(inf, s.klDivergence(seg(pf), seg(qf), ValueLayout.JAVA_FLOAT), "klDivergence(float segment) " + at);
                double[] qPlus = withZeroAt(n, j, 0.0);
                sameBits("jsDivergence " + at, s.jsDivergence(p, qPlus), s.jsDivergence(p, q));
                sameBits("jsDivergence(float) " + at, s.jsDivergence(pf, f(qPlus)), s.jsDivergence(pf, qf));
            }
        }
    }

    /** The probe's inputs: p = {0.125 ×8}, q = {−0.0, 0.25, 0.125 ×6}; n = 1000 with q[37] = −0.0. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void negativeZeroInQReportedCases(Shannon s) {
        double[] p = uniform(8);
        double[] q = {-0.0, 0.25, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125};
        assertEquals(Double.POSITIVE_INFINITY, s.crossEntropy(p, q));
        assertEquals(Double.POSITIVE_INFINITY, s.crossEntropy(f(p), f(q)));
        double[] p1000 = uniform(1000);
        double[] q1000 = withZeroAt(1000, 37, -0.0);
        assertEquals(Double.POSITIVE_INFINITY, s.crossEntropy(p1000, q1000));
        assertEquals(Double.POSITIVE_INFINITY, s.crossEntropy(f(p1000), f(q1000)));
        assertEquals(Double.POSITIVE_INFINITY, s.klDivergence(p1000, q1000));
        assertEquals(Double.POSITIVE_INFINITY, s.klDivergence(f(p1000), f(q1000)));
        for (Normalization policy : Normalization.values()) {
            Shannon h = s.withNormalization(policy);
            double[] a = {0.5, 0.5};
            double[] b = {1, -0.0};
            assertEquals(Double.POSITIVE_INFINITY, h.klDivergence(a, b), policy + " KL({0.5, 0.5} || {1, -0.0})");
            assertEquals(Double.POSITIVE_INFINITY, h.klDivergence(f(a), f(b)), policy + " float KL");
            assertEquals(Double.POSITIVE_INFINITY, h.klDivergence(seg(a), seg(b), ValueLayout.JAVA_DOUBLE));
            assertEquals(Double.POSITIVE_INFINITY, h.klDivergence(seg(f(a)), seg(f(b)), ValueLayout.JAVA_FLOAT));
            assertEquals(Double.POSITIVE_INFINITY, h.crossEntropy(a, b), policy + " CE");
        }
    }

    /** −0.0 as p is a zero weight: every measure gives the bits of +0.0 in its place, in every lane. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void negativeZeroInPIsAZeroWeightInEveryLane(Shannon s) {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int n : LENGTHS) {
            if (n == 1) {
                continue;
            }
            double[] q = TestData.dirichlet(rnd, n, 1.0, 0.0);
            float[] qf = f(q);
            for (int j = 0; j < n; j++) {
                double[] plus = withZeroAt(n, j, 0.0);
                double[] minus = withZeroAt(n, j, -0.0);
                String at = "n=" + n + " p[" + j + "] = -0.0";
                sameBits("entropy " + at, s.entropy(plus), s.entropy(minus));
                sameBits("crossEntropy " + at, s.crossEntropy(plus, q), s.crossEntropy(minus, q));
                sameBits("klDivergence " + at, s.klDivergence(plus, q), s.klDivergence(minus, q));
                sameBits("jsDivergence " + at, s.jsDivergence(plus, q), s.jsDivergence(minus, q));
                sameBits("entropy(float) " + at, s.entropy(f(plus)), s.entropy(f(minus)));
                sameBits("crossEntropy(float) " + at, s.crossEntropy(f(plus), qf), s.crossEntropy(f(minus), qf));
                sameBits("klDivergence(float) " + at, s.klDivergence(f(plus), qf), s.klDivergence(f(minus), qf));
                sameBits("jsDivergence(float) " + at, s.jsDivergence(f(plus), qf), s.jsDivergence(f(minus), qf));
                sameBits("entropy(segment) " + at, s.entropy(seg(plus), ValueLayout.JAVA_DOUBLE),
                        s.entropy(seg(minus), ValueLayout.JAVA_DOUBLE));
                // both zero: q = p with -0.0 where p has +0.0
                sameBits("KL(p, p') " + at, s.klDivergence(plus, plus), s.klDivergence(plus, minus));
            }
        }
    }

    /** JS(p, q) and JS(q, p) to the bit, for both policies, arrays, floats and segments (issue 17). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void jensenShannonIsSymmetricToTheBit(Shannon s) {
        SplittableRandom rnd = new SplittableRandom(41);
        Shannon normalize = s.withNormalization(Normalization.NORMALIZE);
        for (int n : new int[] {2, 9, 31, 64, 100, 1000, 1029}) {
            for (int trial = 0; trial < 4; trial++) {
                double[] p = TestData.dirichlet(rnd, n, 0.5, trial == 3 ? 0.3 : 0.0);
                double[] q = TestData.dirichlet(rnd, n, 2.0, 0.0);
                String at = "n=" + n + " trial " + trial;
                sameBits("jsDivergence " + at, s.jsDivergence(p, q), s.jsDivergence(q, p));
                sameBits("jsDistance " + at, s.jsDistance(p, q), s.jsDistance(q, p));
                sameBits("jsDivergence(float) " + at, s.jsDivergence(f(p), f(q)), s.jsDivergence(f(q), f(p)));
                sameBits("jsDistance(float) " + at, s.jsDistance(f(p), f(q)), s.jsDistance(f(q), f(p)));
                sameBits("jsDivergence(segment) " + at, s.jsDivergence(seg(p), seg(q), ValueLayout.JAVA_DOUBLE),
                        s.jsDivergence(seg(q), seg(p), ValueLayout.JAVA_DOUBLE));
                double[] up = DistributionConformanceSuite.scaled(p, 3.0 + trial);
                double[] uq = DistributionConformanceSuite.scaled(q, 0.7);
                sameBits("NORMALIZE jsDivergence " + at, normalize.jsDivergence(up, uq), normalize.jsDivergence(uq, up));
                sameBits("NORMALIZE jsDistance " + at, normalize.jsDistance(up, uq), normalize.jsDistance(uq, up));
                sameBits("NORMALIZE jsDivergence(float) " + at, normalize.jsDivergence(f(up), f(uq)),
                        normalize.jsDivergence(f(uq), f(up)));
                sameBits("NORMALIZE jsDivergence(float segment) " + at,
                        normalize.jsDivergence(seg(f(up)), seg(f(uq)), ValueLayout.JAVA_FLOAT),
                        normalize.jsDivergence(seg(f(uq)), seg(f(up)), ValueLayout.JAVA_FLOAT));
            }
        }
    }

    /**
     * The same input gives the same bits on every call: {@link DeterminismBattery} computed once (likely
     * interpreted or C1 code on a fresh JVM) and then {@value #REPEATS} more times, by which time C2 has compiled
     * the kernels.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void sameBitsOnEveryCall(Shannon s) {
        // The bundled SIMD backend's A/B switch to the JDK's vector LOG is documented as not tier-independent.
        Assumptions.assumeFalse(s.backendName().equals("simd")
                && "jdk".equalsIgnoreCase(System.getProperty("shannon4j.simd.log")), "-Dshannon4j.simd.log=jdk");
        DeterminismBattery battery = new DeterminismBattery(s, false);
        long[] first = battery.run();
        for (int call = 1; call <= REPEATS; call++) {
            long[] again = battery.run();
            for (int i = 0; i < first.length; i++) {
                if (first[i] != again[i]) {
                    fail("call " + call + ": " + battery.name(i) + " was " + Double.longBitsToDouble(first[i])
                            + " on the first call and is " + Double.longBitsToDouble(again[i]));
                }
            }
        }
    }

    static final int REPEATS = 400;
}
