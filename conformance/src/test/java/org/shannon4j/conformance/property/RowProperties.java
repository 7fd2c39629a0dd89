package org.shannon4j.conformance.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;
import org.shannon4j.rows.RowMeasures;

/**
 * The property layer over the per-row measures on every backend: random N × C matrices (N across the SIMD block
 * of 64 rows, C across the lane counts and the 32-class limit) with special values from {@link Values}' pools
 * planted at random cells — so, over the tries, in every lane of a block and in the leftover rows — double and
 * float, both policies, nats and bits. Every backend must throw what the reference throws (same class and
 * message), or agree with it within the RowConformanceSuite bound (2·1e-13 of |value| + Σ|term| + 2 ulp of the
 * row sums, in nats, for both), give +∞ exactly where it does, and repeat its bits.
 */
class RowProperties {

    /** One generated case: shape, seed of the values, planted specials, type, policy, unit. */
    record RowCase(int rows, int classes, long seed, int plants, boolean float32, boolean normalize, boolean bits) {
    }

    @Provide
    Arbitrary<RowCase> cases() {
        return Combinators.combine(Arbitraries.integers().between(1, 200), Arbitraries.integers().between(1, 35),
                        Arbitraries.longs(), Arbitraries.integers().between(0, 3), Arbitraries.of(false, true),
                        Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as(RowCase::new);
    }

    /** p and q as doubles (float cases hold float values), rows renormalised, specials planted. */
    static double[][] matrices(RowCase c) {
        SplittableRandom rnd = new SplittableRandom(c.seed());
        int n = c.rows() * c.classes();
        double[][] m = new double[2][n];
        for (double[] a : m) {
            for (int r = 0; r < c.rows(); r++) {
                double s = 0;
                for (int k = 0; k < c.classes(); k++) {
                    double u = rnd.nextDouble();
                    a[r * c.classes() + k] = u < 0.15 ? 0.0 : -Math.log1p(-rnd.nextDouble());
                    s += a[r * c.classes() + k];
                }
                if (s == 0) {
                    a[r * c.classes()] = s = 1;
                }
                for (int k = 0; k < c.classes(); k++) {
                    double v = a[r * c.classes() + k] / s;
                    a[r * c.classes() + k] = c.float32() ? (float) v : v;
                }
            }
        }
        for (int i = 0; i < c.plants(); i++) {
            double[] a = m[rnd.nextInt(2)];
            a[rnd.nextInt(n)] = c.float32() ? Values.FLOAT_POOL[rnd.nextInt(Values.FLOAT_POOL.length)]
                    : Values.DOUBLE_POOL[rnd.nextInt(Values.DOUBLE_POOL.length)];
        }
        return m;
    }

    interface Run {
        void run(RowMeasures m, double[] out);
    }

    static Run run(String measure, RowCase c, double[] p, double[] q) {
        int rows = c.rows(), classes = c.classes();
        if (c.float32()) {
            float[] pf = new float[p.length + 1], qf = new float[q.length + 2];
            for (int i = 0; i < p.length; i++) {
                pf[i + 1] = (float) p[i];
                qf[i + 2] = (float) q[i];
            }
            return switch (measure) {
                case "entropy" -> (m, out) -> m.entropy(pf, 1, rows, classes, out, 1);
                case "kl" -> (m, out) -> m.klDivergence(pf, 1, qf, 2, rows, classes, out, 1);
                default -> (m, out) -> m.jsDivergence(pf, 1, qf, 2, rows, classes, out, 1);
            };
        }
        return switch (measure) {
            case "entropy" -> (m, out) -> m.entropy(p, 0, rows, classes, out, 1);
            case "kl" -> (m, out) -> m.klDivergence(p, 0, q, 0, rows, classes, out, 1);
            default -> (m, out) -> m.jsDivergence(p, 0, q, 0, rows, classes, out, 1);
        };
    }

    @Property
    void rowMeasuresAgreeWithReferenceOrThrowTheSame(@ForAll("cases") RowCase c) {
        double[][] m = matrices(c);
        double[] p = m[0], q = m[1];
        for (String measure : List.of("entropy", "kl", "js")) {
            Run run = run(measure, c, p, q);
            double[] expected = new double[c.rows() + 2];
            RuntimeException refError = null;
            try {
                run.run(configure(Backends.REFERENCE, c), expected);
            } catch (IllegalArgumentException e) {
                refError = e;
            }
            for (Shannon b : Backends.ALL) {
                double[] out = new double[c.rows() + 2];
                double[] again = new double[c.rows() + 2];
                RowMeasures rm = configure(b, c);
                if (refError != null) {
                    RuntimeException e = null;
                    try {
                        run.run(rm, out);
                    } catch (IllegalArgumentException thrown) {
                        e = thrown;
                    }
                    String where = b.backendName() + " " + measure + " " + c;
                    assertTrue(e != null, where + ": no exception, reference threw " + refError.getMessage());
                    assertEquals(refError.getMessage(), e.getMessage(), where);
                    continue;
                }
                run.run(rm, out);
                run.run(rm, again);
                assertArrayEquals(out, again, b.backendName() + " " + measure + ": not the same bits twice");
                double unit = c.bits() ? Math.log(2) : 1;
                for (int r = 0; r < c.rows(); r++) {
                    double e = expected[1 + r], a = out[1 + r];
                    String where = b.backendName() + " " + measure + " " + c + " row " + r;
                    if (Double.isInfinite(e) || Double.isInfinite(a)) {
                        assertEquals(e, a, where);
                        continue;
                    }
                    double bound = 2 * org.shannon4j.conformance.RowConformanceSuite.bound(measure, p,
                            measure.equals("entropy") ? null : q, r * c.classes(), c.classes(), e * unit) / unit;
                    assertTrue(Math.abs(a - e) <= bound, where + ": " + e + " vs " + a + " (bound " + bound + ")"
                            + " p=" + Arrays.toString(Arrays.copyOfRange(p, r * c.classes(), (r + 1) * c.classes())));
                }
            }
        }
    }

    private static RowMeasures configure(Shannon s, RowCase c) {
        return s.withNormalization(c.normalize() ? Normalization.NORMALIZE : Normalization.REQUIRE)
                .withUnit(c.bits() ? InfoUnit.BITS : InfoUnit.NATS).rows();
    }
}
