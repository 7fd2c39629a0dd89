package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shannon4j.Shannon;

/**
 * {@link SpacingEntropy} on generated samples with special values planted at random places (±0.0, subnormals,
 * ±MIN_NORMAL, values near ±1e300, and NaN or ±∞ in some cases): every backend gives the same bits (their sorts are
 * the only backend step), a second call too, and every failure is an {@link IllegalArgumentException} naming a
 * value, the same one on every backend; lengths cross the SIMD backend's radix-sort threshold (4096).
 */
class SpacingEntropyPropertiesTest {

    record Sample(long seed, int length, int kind, int specials, int method, int window) {
    }

    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        -0x1p-1030, 1e300, -1e300, 1e-300};
    private static final double[] NON_FINITE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Provide
    Arbitrary<Sample> samples() {
        return Combinators.combine(Arbitraries.longs(),
                Arbitraries.oneOf(Arbitraries.integers().between(3, 300), Arbitraries.integers().between(4090, 4100),
                        Arbitraries.integers().between(4100, 9000)),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, SpacingMethod.values().length - 1),
                Arbitraries.integers().between(0, 5))
                .as(Sample::new);
    }

    @Property(tries = 60)
    void backendsAgreeToTheBitAndFailAlike(@ForAll("samples") Sample s) {
        SplittableRandom rnd = new SplittableRandom(s.seed());
        double[] x = new double[s.length()];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (s.kind()) {
                case 0 -> rnd.nextGaussian();
                case 1 -> rnd.nextDouble();
                case 2 -> Math.tan(Math.PI * (rnd.nextDouble() - 0.5)); // Cauchy
                case 3 -> Math.rint(rnd.nextGaussian() * 20); // ties
                default -> Math.scalb(rnd.nextGaussian(), rnd.nextInt(-1070, 1020)); // every scale
            };
        }
        for (int p = 0; p < s.specials(); p++) {
            double[] from = s.specials() == 12 ? NON_FINITE : SPECIAL;
            x[rnd.nextInt(x.length)] = from[rnd.nextInt(from.length)];
        }
        double[] copy = x.clone();
        SpacingMethod method = SpacingMethod.values()[s.method()];
        String reference = null;
        for (String backend : JidtFixtures.backends()) {
            SpacingEntropy h = SpacingEntropy.of(Shannon.get(backend).context()).withMethod(method);
            if (s.window() > 0 && s.window() * 2 < x.length) {
                h = h.withWindow(s.window());
            }
            String outcome = outcome(h, x);
            assertEquals(outcome, outcome(h, x), backend + " " + s + ": a second call");
            if (reference == null) {
                reference = outcome;
            } else {
                assertEquals(reference, outcome, backend + " " + s);
            }
        }
        assertTrue(java.util.Arrays.equals(copy, x), "the input was changed");
    }

    /** The estimate's bits, or the error's message. */
    private static String outcome(SpacingEntropy h, double[] x) {
        try {
            double v = h.entropy(x);
            if (!Double.isFinite(v)) {
                fail("a non-finite estimate " + v);
            }
            return Long.toHexString(Double.doubleToRawLongBits(v));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (!m.startsWith("values[") && !m.startsWith("window = ")) {
                fail("an error that names no value: " + m);
            }
            return m;
        }
    }
}
