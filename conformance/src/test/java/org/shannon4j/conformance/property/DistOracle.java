package org.shannon4j.conformance.property;

import org.shannon4j.Normalization;
import org.shannon4j.conformance.DoubleDouble;
import org.shannon4j.conformance.ExactReference;

/**
 * What the documented contract says one call must give, worked out independently of the library: the first bad
 * entry (p before q) it must name, a sum it must reject, or a value — +∞ exactly when cross-entropy or KL has
 * some p &gt; 0 where q = 0 (−0.0 included) — with the documented bound around the double-double reference.
 *
 * <p>Bounds (Shannon's class Javadoc; the ones DistributionConformanceSuite checks): double entropy and
 * cross-entropy 1e-13·|ref| + 80ε; float entropy and cross-entropy 1e-6·|ref| + 80ε; KL and JS
 * 1e-13·Σ|termᵢ| + 80ε (the absolute part: the rounding of Σp, up to 128 elements a partial sum; KL 160ε, the
 * rounding of Σp and Σq); NORMALIZE adds 16ε·(1 + |ln Σp| + |ln Σq|) (float entropy and cross-entropy
 * 4e-7·(|ln Σp| + |ln Σq|), their logs being float logs of unnormalised values). Entries from 1e300 up are
 * outside the documented accuracy domain: there only "a value, or a rejection blaming an overflow or a sum".
 */
final class DistOracle {

    static final double EPS = Math.ulp(1.0);

    enum Kind { VALID, HUGE, INVALID }

    /** The expectation; {@code blame} lists the acceptable blames when INVALID. */
    record Expectation(Kind kind, java.util.Set<String> blames, boolean infinite, double reference, double tolerance) {
    }

    private DistOracle() {
    }

    static Expectation expect(DistCase c, DistMeasure m, boolean swap) {
        double[] a = swap ? c.q : c.p;
        double[] b = swap ? c.p : c.q;
        boolean two = m.twoArguments();
        int badA = firstBad(a);
        if (badA >= 0) {
            return invalid("p[" + c.reportedIndex(badA, !swap) + "]");
        }
        int badB = two ? firstBad(b) : -1;
        if (badB >= 0) {
            return invalid("q[" + c.reportedIndex(badB, swap) + "]");
        }
        if (a.length == 0) {
            return invalid("p: is empty");
        }
        boolean huge = max(a) >= 1e300 || (two && max(b) >= 1e300);
        if (huge) {
            // An all-zero vector is rejected as such before any overflow (q = {0}, p = {4.5e307} included).
            java.util.Set<String> blames = new java.util.HashSet<>(java.util.Set.of("overflow", "p: sums to", "q: sums to"));
            if (max(a) == 0) {
                blames.add("p: is all zeros");
            }
            if (two && max(b) == 0) {
                blames.add("q: is all zeros");
            }
            return new Expectation(Kind.HUGE, blames, false, Double.NaN, Double.NaN);
        }
        double sa = sum(a).doubleValue();
        double sb = two ? sum(b).doubleValue() : 1;
        java.util.Set<String> sumBlames = new java.util.HashSet<>();
        boolean surelyBad = false;
        for (int k = 0; k < (two ? 2 : 1); k++) {
            double s = k == 0 ? sa : sb;
            String name = k == 0 ? "p" : "q";
            if (s == 0) {
                sumBlames.add(name + ": is all zeros");
                surelyBad = true;
            } else if (c.shape.policy() == Normalization.REQUIRE) {
                double tol = Normalization.sumTolerance(a.length, c.shape.float32());
                double off = Math.abs(s - 1);
                // REQUIRE decides on the exact sum (every backend alike); only within a few ulps of the
                // tolerance may the rounding of the compensated re-sum decide either way.
                double margin = 4 * Math.ulp(Math.max(1.0, s));
                if (off > tol - margin) {
                    sumBlames.add(name + ": sums to");
                    surelyBad |= off > tol + margin;
                }
            }
        }
        if (surelyBad) {
            return new Expectation(Kind.INVALID, sumBlames, false, Double.NaN, Double.NaN);
        }
        if (!sumBlames.isEmpty()) {
            return new Expectation(Kind.HUGE, sumBlames, false, Double.NaN, Double.NaN); // either outcome
        }
        boolean infinite = false;
        if (m == DistMeasure.CROSS_ENTROPY || m == DistMeasure.KL) {
            for (int i = 0; i < a.length; i++) {
                infinite |= a[i] > 0 && b[i] == 0;
            }
        }
        double[] ref = reference(c, m, a, b, sa, sb);
        return new Expectation(Kind.VALID, java.util.Set.of(), infinite, ref[0], ref[1]);
    }

    /** {reference in the case's unit, tolerance in the unit}; for JS distance both are for its square (JS). */
    static double[] reference(DistCase c, DistMeasure m, double[] a0, double[] b0, double sa, double sb) {
        int n = a0.length;
        // The measures are those of the normalised vectors, so scaling a vector by a power of two changes nothing
        // but keeps the double-double reference away from subnormals (whose halves and logs it cannot take).
        double[] a = scaledUp(a0);
        double[] b = scaledUp(b0);
        ExactReference.Value v;
        try {
            v = exact(m, a, b);
        } catch (IllegalArgumentException spanTooWide) {
            // The double-double reference cannot halve a normalised entry near the smallest subnormal (JS's m):
            // entries 2^900 below the largest, whose terms are far below every bound, are dropped.
            v = exact(m, flushTiny(a), flushTiny(b));
        }
        if (m == DistMeasure.HELLINGER) {
            // Unitless. Each term's difference √p − c·√q carries an absolute error of a few ε·√p, hence
            // a multiple of ε·√H² over all terms (Cauchy–Schwarz), besides the relative error of the sums.
            double h2 = v.value();
            return new double[] {h2, 1e-13 * h2 + 80 * EPS * Math.sqrt(h2) + 80 * EPS};
        }
        boolean oneSign = m == DistMeasure.ENTROPY || m == DistMeasure.CROSS_ENTROPY;
        boolean f = c.shape.float32();
        double lnA = Math.abs(Math.log(sa));
        double lnB = m.twoArguments() ? Math.abs(Math.log(sb)) : 0;
        // KL's ln(Σq/Σp) takes the rounding of both sums: 160ε
        double tol = oneSign ? (f ? 1e-6 : 1e-13) * Math.abs(v.value()) + 80 * EPS
                : 1e-13 * v.magnitude() + (m == DistMeasure.KL ? 160 : 80) * EPS;
        if (c.shape.policy() == Normalization.NORMALIZE) {
            tol += 16 * EPS * (1 + lnA + lnB) + (f && oneSign ? 4e-7 * (lnA + lnB) : 0);
        }
        double per = c.shape.unit().natsPerUnit();
        return new double[] {v.value() / per, tol / per};
    }

    private static ExactReference.Value exact(DistMeasure m, double[] a, double[] b) {
        int n = a.length;
        return switch (m) {
            case ENTROPY -> ExactReference.entropy(a, 0, n);
            case CROSS_ENTROPY -> ExactReference.crossEntropy(a, 0, b, 0, n);
            case KL -> ExactReference.klDivergence(a, 0, b, 0, n);
            case JS, JS_DISTANCE -> ExactReference.jsDivergence(a, 0, b, 0, n);
            case HELLINGER -> ExactReference.squaredHellinger(a, 0, b, 0, n);
        };
    }

    /** Entries below 2^-900 of the largest set to 0: their normalised terms (below 1e-268) change nothing here. */
    private static double[] flushTiny(double[] a) {
        double limit = max(a) * 0x1p-900;
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] < limit ? 0 : out[i];
        }
        return out;
    }

    private static double[] scaledUp(double[] a) {
        if (max(a) >= 1e100) {
            return a;
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * 0x1p600;
        }
        return out;
    }

    private static Expectation invalid(String blame) {
        return new Expectation(Kind.INVALID, java.util.Set.of(blame), false, Double.NaN, Double.NaN);
    }

    private static int firstBad(double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] >= 0 && a[i] < Double.POSITIVE_INFINITY)) {
                return i;
            }
        }
        return -1;
    }

    private static double max(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static DoubleDouble sum(double[] a) {
        DoubleDouble s = DoubleDouble.ZERO;
        for (double x : a) {
            s = s.add(x);
        }
        return s;
    }

    /** Whether {@code actual} (a JS distance when {@code m} is one: compared as its square) is within tol of ref. */
    static boolean near(DistMeasure m, double actual, double ref, double tol) {
        if (Double.isInfinite(ref) || Double.isInfinite(actual)) {
            return actual == ref;
        }
        double x = m == DistMeasure.JS_DISTANCE ? actual * actual : actual;
        return Math.abs(x - ref) <= tol + 4 * Math.ulp(Math.max(Math.abs(x), Math.abs(ref)));
    }
}
