package org.shannon4j.conformance.property;

import static org.junit.jupiter.api.Assertions.fail;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.shannon4j.Shannon;

/**
 * The property layer over the distribution measures (entropy, cross-entropy, KL, JS divergence and distance;
 * double and float; whole arrays, offset ranges, memory segments of every layout and byte order; both
 * policies and every unit) on every backend. Per measure:
 * <ol>
 *   <li>{@code ...AgreesWithScalar}: each backend and the scalar reference give values within twice the
 *       documented bound, or both reject with an IllegalArgumentException blaming the same argument and index
 *       — the one the contract names; a valid input never gives NaN;</li>
 *   <li>{@code ...RepeatsBits}: the same call twice on the same handle gives the same bits;</li>
 *   <li>{@code ...MatchesExactReference}: valid input gives the double-double reference within the documented
 *       bound (+∞ exactly when the contract says so), on every backend, never an exception;</li>
 *   <li>{@code ...IsSymmetric} (JS; the squared Hellinger distance must be symmetric to the bit): swapping p and q gives the same value within the bound; whether the
 *       bits are the same too is collected as a statistic, not asserted.</li>
 * </ol>
 */
class DistributionProperties {

    @Provide
    Arbitrary<DistCase> cases() {
        return DistCase.arbitrary();
    }

    // ------------------------------------------------------------------------------------------ (1) agreement

    @Property
    void entropyAgreesWithScalar(@ForAll("cases") DistCase c) {
        agree(c, DistMeasure.ENTROPY);
    }

    @Property
    void crossEntropyAgreesWithScalar(@ForAll("cases") DistCase c) {
        agree(c, DistMeasure.CROSS_ENTROPY);
    }

    @Property
    void klDivergenceAgreesWithScalar(@ForAll("cases") DistCase c) {
        agree(c, DistMeasure.KL);
    }

    @Property
    void jsDivergenceAgreesWithScalar(@ForAll("cases") DistCase c) {
        agree(c, DistMeasure.JS);
    }

    @Property
    void jsDistanceAgreesWithScalar(@ForAll("cases") DistCase c) {
        agree(c, DistMeasure.JS_DISTANCE);
    }

    @Property
    void squaredHellingerAgreesWithScalar(@ForAll("cases") DistCase c) {
        agree(c, DistMeasure.HELLINGER);
    }

    // ------------------------------------------------------------------------------------------ (2) repeat

    @Property
    void entropyRepeatsBits(@ForAll("cases") DistCase c) {
        repeat(c, DistMeasure.ENTROPY);
    }

    @Property
    void crossEntropyRepeatsBits(@ForAll("cases") DistCase c) {
        repeat(c, DistMeasure.CROSS_ENTROPY);
    }

    @Property
    void klDivergenceRepeatsBits(@ForAll("cases") DistCase c) {
        repeat(c, DistMeasure.KL);
    }

    @Property
    void jsDivergenceRepeatsBits(@ForAll("cases") DistCase c) {
        repeat(c, DistMeasure.JS);
    }

    @Property
    void jsDistanceRepeatsBits(@ForAll("cases") DistCase c) {
        repeat(c, DistMeasure.JS_DISTANCE);
    }

    @Property
    void squaredHellingerRepeatsBits(@ForAll("cases") DistCase c) {
        repeat(c, DistMeasure.HELLINGER);
    }

    // ------------------------------------------------------------------------------------------ (3) reference

    @Property
    void entropyMatchesExactReference(@ForAll("cases") DistCase c) {
        reference(c, DistMeasure.ENTROPY);
    }

    @Property
    void crossEntropyMatchesExactReference(@ForAll("cases") DistCase c) {
        reference(c, DistMeasure.CROSS_ENTROPY);
    }

    @Property
    void klDivergenceMatchesExactReference(@ForAll("cases") DistCase c) {
        reference(c, DistMeasure.KL);
    }

    @Property
    void jsDivergenceMatchesExactReference(@ForAll("cases") DistCase c) {
        reference(c, DistMeasure.JS);
    }

    @Property
    void jsDistanceMatchesExactReference(@ForAll("cases") DistCase c) {
        reference(c, DistMeasure.JS_DISTANCE);
    }

    @Property
    void squaredHellingerMatchesExactReference(@ForAll("cases") DistCase c) {
        reference(c, DistMeasure.HELLINGER);
    }

    // ------------------------------------------------------------------------------------------ (4) symmetry

    @Property
    void jsDivergenceIsSymmetric(@ForAll("cases") DistCase c) {
        symmetric(c, DistMeasure.JS);
    }

    @Property
    void jsDistanceIsSymmetric(@ForAll("cases") DistCase c) {
        symmetric(c, DistMeasure.JS_DISTANCE);
    }

    /** The squared Hellinger distance promises more than JS: (q, p) gives the bits of (p, q), on every backend. */
    @Property
    void squaredHellingerIsSymmetricToTheBit(@ForAll("cases") DistCase c) {
        for (Shannon s : Backends.ALL) {
            Outcome pq = Outcome.of(() -> c.call(s, DistMeasure.HELLINGER, false));
            Outcome qp = Outcome.of(() -> c.call(s, DistMeasure.HELLINGER, true));
            if (pq.isValue() != qp.isValue() || (pq.isValue() && !pq.sameBits(qp))) {
                fail("squared Hellinger on " + s.backendName() + ": (p, q) gives " + pq + ", (q, p) " + qp);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ checks

    static void agree(DistCase c, DistMeasure m) {
        DistOracle.Expectation e = DistOracle.expect(c, m, false);
        Statistics.label("input").collect(e.kind());
        Outcome ref = Outcome.of(() -> c.call(Backends.REFERENCE, m, false));
        contract(Backends.REFERENCE, m, e, ref);
        for (Shannon s : Backends.OTHERS) {
            Outcome o = Outcome.of(() -> c.call(s, m, false));
            contract(s, m, e, o);
            if (ref.isValue() && o.isValue()) {
                double tol = 2 * tolerance(c, m, e);
                double r = m == DistMeasure.JS_DISTANCE ? ref.value() * ref.value() : ref.value();
                if (!DistOracle.near(m, o.value(), r, tol) && !(m == DistMeasure.JS_DISTANCE
                        && o.value() == ref.value())) {
                    fail(m + ": " + s.backendName() + " gives " + o + " but scalar " + ref + " (tolerance " + tol
                            + (m == DistMeasure.JS_DISTANCE ? " on the square" : "") + ")");
                }
            } else if (ref.isRejection() && o.isRejection()) {
                if (!ref.rejection().equals(o.rejection())) {
                    fail(m + ": " + s.backendName() + " rejects " + o + " but scalar " + ref);
                }
            } else {
                fail(m + ": " + s.backendName() + " gives " + o + " but scalar " + ref);
            }
        }
    }

    /** The contract check of one outcome: no stray exception, no NaN, the right blame, +∞ only where due. */
    static void contract(Shannon s, DistMeasure m, DistOracle.Expectation e, Outcome o) {
        String who = m + " on " + s.backendName() + ": ";
        if (o.error() != null && !o.isRejection()) {
            fail(who + "unexpected " + o, o.error());
        }
        if (o.isValue() && Double.isNaN(o.value())) {
            fail(who + "NaN result (expected " + e.kind() + " " + e.blames() + ")");
        }
        switch (e.kind()) {
            case INVALID -> {
                if (!o.isRejection() || !e.blames().contains(o.rejection())) {
                    fail(who + "expected a rejection blaming " + e.blames() + " but got " + o);
                }
            }
            case HUGE -> {
                if (o.isRejection() && !e.blames().contains(o.rejection())) {
                    fail(who + "expected a value or a rejection blaming " + e.blames() + " but got " + o);
                }
            }
            case VALID -> {
                if (!o.isValue()) {
                    fail(who + "valid input rejected: " + o + " (reference " + Values.show(e.reference()) + ")");
                }
                if (e.infinite() != (o.value() == Double.POSITIVE_INFINITY)) {
                    fail(who + (e.infinite() ? "expected +Infinity (some p > 0 where q = 0) but got " + o
                            : "unexpected " + o + " (reference " + Values.show(e.reference()) + ")"));
                }
            }
        }
    }

    /** The documented bound for a valid input; for other inputs the bound of the same input scaled into range. */
    private static double tolerance(DistCase c, DistMeasure m, DistOracle.Expectation e) {
        if (e.kind() == DistOracle.Kind.VALID) {
            return e.tolerance();
        }
        double[] a = scaledDown(c.p);
        double[] b = scaledDown(c.q);
        double sa = java.util.Arrays.stream(a).sum();
        double sb = java.util.Arrays.stream(b).sum();
        if (!(sa > 0 && sb > 0 && sa < Double.POSITIVE_INFINITY && sb < Double.POSITIVE_INFINITY)) {
            return 1e-12; // no reference to scale a bound by (only relevant when both backends return a value)
        }
        return DistOracle.reference(c, m, a, b, sa, sb)[1];
    }

    /** Finite non-negative entries only, scaled by 2^-64 when some entry reaches 1e300 (the others as they are). */
    private static double[] scaledDown(double[] a) {
        double max = 0;
        for (double x : a) {
            max = Math.max(max, x >= 0 && x < Double.POSITIVE_INFINITY ? x : 0);
        }
        double f = max >= 1e300 ? 0x1p-64 : 1;
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] >= 0 && a[i] < Double.POSITIVE_INFINITY ? a[i] * f : 0;
        }
        return out;
    }

    static void repeat(DistCase c, DistMeasure m) {
        for (Shannon s : Backends.ALL) {
            Outcome first = Outcome.of(() -> c.call(s, m, false));
            Outcome second = Outcome.of(() -> c.call(s, m, false));
            if (!first.sameBits(second)) {
                fail(m + " on " + s.backendName() + ": first call " + first + " [" + Values.hex(first.value())
                        + "], second " + second + " [" + Values.hex(second.value()) + "]");
            }
        }
    }

    static void reference(DistCase c, DistMeasure m) {
        DistOracle.Expectation e = DistOracle.expect(c, m, false);
        Statistics.label("input").collect(e.kind());
        if (e.kind() != DistOracle.Kind.VALID) {
            return;
        }
        for (Shannon s : Backends.ALL) {
            Outcome o = Outcome.of(() -> c.call(s, m, false));
            contract(s, m, e, o);
            if (!DistOracle.near(m, o.value(), e.reference(), e.tolerance())) {
                fail(m + " on " + s.backendName() + ": " + o + " but the exact reference is "
                        + Values.show(e.reference()) + (m == DistMeasure.JS_DISTANCE ? " (for its square)" : "")
                        + ", |error| > " + e.tolerance());
            }
        }
    }

    static void symmetric(DistCase c, DistMeasure m) {
        DistOracle.Expectation e = DistOracle.expect(c, m, false);
        for (Shannon s : Backends.ALL) {
            Outcome pq = Outcome.of(() -> c.call(s, m, false));
            Outcome qp = Outcome.of(() -> c.call(s, m, true));
            if (pq.isValue() && qp.isValue()) {
                double tol = 2 * (e.kind() == DistOracle.Kind.VALID ? e.tolerance() : tolerance(c, m, e));
                double x = m == DistMeasure.JS_DISTANCE ? pq.value() * pq.value() : pq.value();
                if (!DistOracle.near(m, qp.value(), x, tol) && pq.value() != qp.value()) {
                    fail(m + " on " + s.backendName() + ": (p, q) gives " + pq + ", (q, p) " + qp + " (tolerance "
                            + tol + ")");
                }
                Statistics.label(s.backendName() + " bit-symmetric").collect(pq.sameBits(qp));
            } else if (pq.isValue() != qp.isValue() || (pq.error() != null) != (qp.error() != null)) {
                fail(m + " on " + s.backendName() + ": (p, q) gives " + pq + ", (q, p) " + qp);
            }
        }
    }
}
