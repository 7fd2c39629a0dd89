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

    /**
     * Whether the run uses the SIMD backend's A/B switch to the JDK's vector LOG, whose bits depend on the JIT
     * tier (interpreted lanes call Math.log, C2 an intrinsic): two calls then agree to rounding, not to the bit.
     */
    private static final boolean JDK_VECTOR_LOG = "jdk".equalsIgnoreCase(System.getProperty("shannon4j.simd.log"));

    private static void sameBits(String what, double expected, double actual) {
        if (JDK_VECTOR_LOG) {
            near(what + " (JDK vector log: to rounding)", expected, actual, 1e-13 * Math.abs(expected));
            return;
        }
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
        Assumptions.assumeFalse(s.backendName().equals("simd") && JDK_VECTOR_LOG, "-Dshannon4j.simd.log=jdk");
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

    // ------------------------------------------------------------------------------- found by the property layer

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** |actual − expected| ≤ tol, with the message. */
    private static void near(String what, double expected, double actual, double tol) {
        if (actual != expected && !(Math.abs(actual - expected) <= tol)) {
            fail(what + ": expected " + expected + " ± " + tol + " but got " + actual);
        }
    }

    /**
     * A float entry near 8.5e37 is valid under NORMALIZE, but its term p·ln p (or p·ln q) is beyond the float range:
     * a backend computing float-lane terms must not report it as an overflow, in any lane; under REQUIRE the sum is
     * the cause to report.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void hugeFloatEntriesAreValidUnderNormalize(Shannon s) {
        Shannon h = s.withNormalization(Normalization.NORMALIZE);
        float huge = Float.intBitsToFloat(0x7e7fffff); // 8.5070587E37
        for (int n : LENGTHS) {
            for (int j = 0; j < n; j++) {
                float[] p = new float[n];
                Arrays.fill(p, 1f / 16);
                p[j] = huge;
                float[] q = new float[n];
                Arrays.fill(q, 1f / n);
                double[] pd = widen(p);
                double[] qd = widen(q);
                String at = "n=" + n + " p[" + j + "] = " + huge;
                double entropy = h.entropy(pd);
                near("entropy(float) " + at, entropy, h.entropy(p), 1e-6 * entropy + 1e-14);
                double cross = h.crossEntropy(pd, qd);
                near("crossEntropy(float) " + at, cross, h.crossEntropy(p, q), 1e-6 * cross + 1e-14);
                near("crossEntropy(float, swapped) " + at, h.crossEntropy(qd, pd), h.crossEntropy(q, p),
                        1e-6 * h.crossEntropy(qd, pd) + 1e-14);
                near("entropy(float segment) " + at, entropy, h.entropy(seg(p), ValueLayout.JAVA_FLOAT),
                        1e-6 * entropy + 1e-14);
                IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> s.entropy(p), "REQUIRE " + at);
                if (!e.getMessage().startsWith("p sums to")) {
                    fail("REQUIRE entropy(float) " + at + ": expected \"p sums to ...\" but got " + e.getMessage());
                }
            }
        }
    }

    /**
     * Under NORMALIZE the measures are those of the normalised vectors, also when a sum is subnormal: integer
     * vectors times Double.MIN_VALUE (exact) give the measures of the integer vectors themselves. Their terms
     * p·ln p are subnormal and keep a few bits (entropy({MIN_VALUE, MIN_VALUE}) was 0.253, not ln 2); Jensen–Shannon
     * rejected them ("the sum of p overflows": Σp/Σq overflowed).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void subnormalSumsGiveTheMeasuresOfTheNormalisedVectors(Shannon s) {
        Shannon h = s.withNormalization(Normalization.NORMALIZE);
        double min = Double.MIN_VALUE;
        near("entropy({MIN_VALUE, MIN_VALUE})", Math.log(2), h.entropy(new double[] {min, min}), 1e-15);
        near("entropy({7.9e-323})", 0, h.entropy(new double[] {16 * min}), 1e-15);
        near("jsDivergence({10}, {7.9e-323})", 0, h.jsDivergence(new double[] {10}, new double[] {16 * min}), 1e-15);
        near("jsDivergence({1}, {MIN_VALUE})", 0, h.jsDivergence(new double[] {1}, new double[] {min}), 1e-15);
        near("jsDivergence({MIN_NORMAL/2, 0}, {MIN_VALUE, 0.5})", Math.log(2), h.jsDivergence(
                new double[] {Double.MIN_NORMAL / 2, 0}, new double[] {min, 0.5}), 1e-15);
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n : LENGTHS) {
            for (int trial = 0; trial < 3; trial++) {
                double[] a = new double[n];
                double[] b = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = rnd.nextInt(trial == 0 ? 4 : 1000); // zeros too
                    b[i] = 1 + rnd.nextInt(1000);
                }
                a[rnd.nextInt(n)] += 1;
                double[] ta = a.clone();
                double[] tb = b.clone();
                for (int i = 0; i < n; i++) {
                    ta[i] *= min;
                    tb[i] *= trial == 2 ? 1 : min; // one subnormal sum, one normal
                }
                String at = "n=" + n + " trial " + trial;
                double tol = 1e-14;
                near("entropy " + at, h.entropy(a), h.entropy(ta), tol);
                near("crossEntropy " + at, h.crossEntropy(a, b), h.crossEntropy(ta, tb), tol);
                near("crossEntropy(q, p) " + at, h.crossEntropy(b, a), h.crossEntropy(tb, ta), tol);
                near("klDivergence " + at, h.klDivergence(a, b), h.klDivergence(ta, tb), tol);
                near("klDivergence(q, p) " + at, h.klDivergence(b, a), h.klDivergence(tb, ta), tol);
                near("jsDivergence " + at, h.jsDivergence(a, b), h.jsDivergence(ta, tb), tol);
                near("entropy(segment) " + at, h.entropy(a), h.entropy(seg(ta), ValueLayout.JAVA_DOUBLE), tol);
                near("jsDivergence(segment) " + at, h.jsDivergence(a, b),
                        h.jsDivergence(seg(ta), seg(tb), ValueLayout.JAVA_DOUBLE), tol);
                sameBits("jsDivergence symmetric " + at, h.jsDivergence(ta, tb), h.jsDivergence(tb, ta));
            }
        }
    }

    /**
     * Jensen–Shannon under NORMALIZE is computed for any input whose sums fit, in either order: with Σp near the
     * double maximum the ratio Σp/Σq overflowed, and (p, q) was rejected while (q, p) gave ln 2.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void jensenShannonTakesSumsNearTheDoubleMaximum(Shannon s) {
        Shannon h = s.withNormalization(Normalization.NORMALIZE);
        double max = Double.MAX_VALUE;
        double[][][] cases = {
            {{max, 0.5}, {0, 0.5}},
            {{max / 2, max / 2}, {0.25, 0.75}},
            {{max / 4, 0}, {1e-300, 1e-300}},
            {{max / 2, max / 4}, {Double.MIN_VALUE, 3 * Double.MIN_VALUE}},
        };
        for (int c = 0; c < cases.length; c++) {
            double[] p = cases[c][0];
            double[] q = cases[c][1];
            double pq = h.jsDivergence(p, q);
            double qp = h.jsDivergence(q, p);
            sameBits("jsDivergence symmetric, case " + c, pq, qp);
            // the same measures from the normalised vectors, computed with sums of ordinary size
            double[] pn = {p[0] / (p[0] + p[1]), p[1] / (p[0] + p[1])};
            double[] qn = {q[0] / (q[0] + q[1]), q[1] / (q[0] + q[1])};
            near("jsDivergence case " + c, h.jsDivergence(pn, qn), pq, 1e-15);
        }
        near("jsDivergence({MAX_VALUE, 0.5}, {0, 0.5})", Math.log(2), h.jsDivergence(cases[0][0], cases[0][1]), 1e-15);
        // A sum that overflows does not hide a bad entry of the other argument: bad entries are named first.
        double[] overflowing = {max, max / 4};
        double[] bad = {Double.NaN, 0.5};
        for (boolean swap : new boolean[] {false, true}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> h.jsDivergence(swap ? bad : overflowing, swap ? overflowing : bad));
            String expected = (swap ? "p" : "q") + "[0] = NaN";
            if (!e.getMessage().startsWith(expected)) {
                fail("jsDivergence, swap " + swap + ": expected \"" + expected + "...\" but got " + e.getMessage());
            }
        }
    }

    /**
     * REQUIRE decides on the sum of the input, not on the backend's rounding of it: p is built so that its exact
     * sum lies a few ulps inside or outside the tolerance — one large entry at a random index (it absorbs the
     * adjustment) among small ones with full mantissas, so that each addition to a large partial sum rounds and
     * sums in different orders differ by many ulps. Each backend must accept or reject as the exact sum says,
     * so all decide alike (an outside run found a SIMD sum that passed where the scalar one failed).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void requireDecidesOnTheExactSumAtTheTolerance(Shannon s) {
        Shannon h = s.withNormalization(Normalization.REQUIRE);
        Shannon parallel = h.withParallelism(2);
        int[] lengths = {5, 100, 255, 256, 300, 1000, 2982, 10_000, 300_000};
        int[] gaps = {-16, -4, -2, 2, 4, 16}; // the exact |Σ − 1| − tolerance, in units of 2^-52
        for (int n : lengths) {
            double tolerance = Normalization.sumTolerance(n, false);
            double[] u = uniform(n);
            for (int seed = 0; seed < (n > 100_000 ? 1 : 4); seed++) {
                SplittableRandom random = new SplittableRandom(31L * n + seed);
                double[] p = new double[n];
                int large = random.nextInt(n);
                for (int i = 0; i < n; i++) {
                    p[i] = i == large ? 0 : seed % 2 == 0 ? 1e-3 / n * (1 + random.nextDouble())
                            : Math.exp(-20 * random.nextDouble()) / (10.0 * n);
                }
                java.math.BigDecimal rest = exactSum(p);
                for (int gap : gaps) {
                    for (boolean below : new boolean[] {false, true}) {
                        java.math.BigDecimal off = new java.math.BigDecimal(tolerance)
                                .add(new java.math.BigDecimal(Math.scalb((double) gap, -52)));
                        java.math.BigDecimal target = below ? java.math.BigDecimal.ONE.subtract(off)
                                : java.math.BigDecimal.ONE.add(off);
                        p[large] = target.subtract(rest).doubleValue(); // exact Σ within 2^-54 of target
                        java.math.BigDecimal exact = rest.add(new java.math.BigDecimal(p[large]));
                        boolean valid = exact.subtract(java.math.BigDecimal.ONE).abs()
                                .compareTo(new java.math.BigDecimal(tolerance)) <= 0;
                        String what = "n " + n + ", seed " + seed + ", Σ − 1 = "
                                + exact.subtract(java.math.BigDecimal.ONE).doubleValue() + ", tolerance " + tolerance;
                        decides(what + ": entropy", valid, "p", () -> h.entropy(p));
                        decides(what + ": entropy of a segment", valid, "p",
                                () -> h.entropy(MemorySegment.ofArray(p), ValueLayout.JAVA_DOUBLE));
                        decides(what + ": KL(p, u)", valid, "p", () -> h.klDivergence(p, u));
                        decides(what + ": KL(u, q)", valid, "q", () -> h.klDivergence(u, p));
                        decides(what + ": squared Hellinger(u, q)", valid, "q",
                                () -> h.squaredHellingerDistance(u, p));
                        decides(what + ": JS(p, u) on 2 threads", valid, "p", () -> parallel.jsDivergence(p, u));
                    }
                }
            }
        }
    }

    /**
     * Cross-entropy terms that are +∞ (p near the double maximum, ln q &gt; 0) and −∞ (p &gt; 0 meeting q = 0)
     * add to NaN: an outside run's random case got an internal error instead of an answer. The answer is +∞ for
     * the normalised input under NORMALIZE (some p &gt; 0 meets q = 0; the huge term is finite once p is
     * divided by its sum), and the sum's rejection under REQUIRE; the same in one pass and in chunks on two
     * threads (where the two terms fall into different chunks).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.TrustConformanceSuite#backends")
    void termsOfBothInfinitiesGiveTheAnswerNotAnInternalError(Shannon s) {
        double huge = 4.4942328371557893E307;
        double[] p = {huge, 2.0E-323, 3.0E-323, 1.5E-323};
        double[] q = {402.8411933238319, 0.0, 188.3845908967339, 311.5549853684167};
        Shannon normalize = s.withNormalization(Normalization.NORMALIZE);
        Shannon require = s.withNormalization(Normalization.REQUIRE);
        assertEquals(Double.POSITIVE_INFINITY, normalize.crossEntropy(p, q));
        assertEquals(Double.POSITIVE_INFINITY, normalize.crossEntropy(MemorySegment.ofArray(p), MemorySegment.ofArray(q),
                ValueLayout.JAVA_DOUBLE));
        assertEquals(Double.POSITIVE_INFINITY, normalize.klDivergence(p, q));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> require.crossEntropy(p, q));
        if (!e.getMessage().startsWith("p sums to 4.4942328371557893E307")) {
            fail("REQUIRE: expected the sum's rejection but got " + e.getMessage());
        }
        int n = 300_000;
        double[] bigP = new double[n];
        double[] bigQ = new double[n];
        Arrays.fill(bigP, 1e-3);
        Arrays.fill(bigQ, 1.0);
        bigP[5] = huge;
        bigQ[5] = 1000;
        bigQ[n - 7] = 0.0;
        for (Shannon h : new Shannon[] {normalize, normalize.withParallelism(2),
                normalize.withParallelism(2).withDeterministicParallelism(true)}) {
            assertEquals(Double.POSITIVE_INFINITY, h.crossEntropy(bigP, bigQ), "crossEntropy, n = " + n);
            assertEquals(Double.POSITIVE_INFINITY, h.klDivergence(bigP, bigQ), "klDivergence, n = " + n);
        }
        // without the zero in q the huge term is a genuine overflow of the unnormalised input: named as such
        bigQ[n - 7] = 1.0;
        IllegalArgumentException overflow = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> normalize.withParallelism(2).crossEntropy(bigP, bigQ));
        if (!overflow.getMessage().contains("overflow")) {
            fail("expected the terms' overflow but got " + overflow.getMessage());
        }
    }

    private static java.math.BigDecimal exactSum(double[] p) {
        java.math.BigDecimal s = java.math.BigDecimal.ZERO;
        for (double x : p) {
            s = s.add(new java.math.BigDecimal(x));
        }
        return s;
    }

    private static void decides(String what, boolean valid, String blamed, java.util.function.DoubleSupplier call) {
        try {
            double v = call.getAsDouble();
            if (!valid) {
                fail(what + ": expected a rejection of " + blamed + " but got " + v);
            }
        } catch (IllegalArgumentException e) {
            if (valid || !e.getMessage().startsWith(blamed + " sums to ")) {
                fail(what + ": " + (valid ? "expected a value" : "expected \"" + blamed + " sums to ...\"")
                        + " but got " + e.getMessage());
            }
        }
    }
}
