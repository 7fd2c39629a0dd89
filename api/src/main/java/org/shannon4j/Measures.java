package org.shannon4j;

import static org.shannon4j.spi.Kernels.JS_Q_TERMS;
import static org.shannon4j.spi.Kernels.SUM_P;
import static org.shannon4j.spi.Kernels.SUM_Q;

import java.lang.foreign.ValueLayout;

import org.shannon4j.internal.Checks;
import org.shannon4j.internal.Entropies;
import org.shannon4j.internal.Passes;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;
import org.shannon4j.spi.Terms;

/**
 * The distribution measures, written once for every input: double[], float[] or a MemorySegment (passed as
 * Object with a null {@code layout} for arrays, the segment's element layout otherwise; only {@link Passes}
 * dispatches on the type and on the {@link Parallelism}). Each runs one kernel pass, validates its outcome,
 * and turns the sums into the value for the normalised inputs, in nats. Ranges are checked by the caller.
 */
final class Measures {

    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[Kernels.AUX_LENGTH]);
    private static final double LN2 = Math.log(2.0);

    private Measures() {
    }

    /** Per-thread buffer for the kernels' auxiliary sums, so that measures allocate nothing per call. */
    private static double[] scratch() {
        return SCRATCH.get();
    }

    /** H(p/S) = ln S − T/S with T = Σ p·ln p, S = Σ p. */
    static double entropy(Kernels k, Normalization policy, Object p, int offset, int length) {
        return entropy(k, Parallelism.SEQUENTIAL, policy, p, offset, length, null);
    }

    static double entropy(Kernels k, Parallelism par, Normalization policy, Object p, long offset, long length,
                          ValueLayout layout) {
        double[] aux = scratch();
        double t = Passes.run(k, par, Terms.X_LOG_X, p, offset, null, 0, length, layout, 1.0, aux);
        double s = aux[SUM_P];
        if (Double.isNaN(t) || !(s < Double.POSITIVE_INFINITY)) {
            throw Checks.invalid("p", p, offset, length, layout);
        }
        // The sum first: under REQUIRE a sum far from 1 is the cause to report, whatever the terms did.
        Checks.sum("p", s, p, offset, length, layout, Passes.float32(p, layout), policy);
        if (Double.isInfinite(t)) {
            throw Checks.termsOverflow("p·ln p", Terms.X_LOG_X, "p", p, offset, null, 0, length, layout, 1.0);
        }
        if (s < Rescaled.TINY) {
            return Rescaled.entropy(p, offset, length, layout, s);
        }
        return Entropies.fromSums(s, t);
    }

    /** H(p/Sp, q/Sq) = −V/Sp + ln Sq with V = Σ p·ln q. */
    static double crossEntropy(Kernels k, Normalization policy, Object p, int pOffset, Object q, int qOffset,
                               int length) {
        return crossEntropy(k, Parallelism.SEQUENTIAL, policy, p, pOffset, q, qOffset, length, null);
    }

    static double crossEntropy(Kernels k, Parallelism par, Normalization policy, Object p, long pOffset, Object q,
                               long qOffset, long length, ValueLayout layout) {
        double[] aux = scratch();
        double v = Passes.run(k, par, Terms.CROSS, p, pOffset, q, qOffset, length, layout, 1.0, aux);
        checkPair(policy, v, aux, p, pOffset, q, qOffset, length, layout);
        if (!(Math.abs(v) < Double.POSITIVE_INFINITY)) {
            return infiniteOrOverflow(v, Terms.CROSS, "p·ln q", p, pOffset, q, qOffset, length, layout);
        }
        if (aux[SUM_P] < Rescaled.TINY || aux[SUM_Q] < Rescaled.TINY
                || (aux[SUM_P] < Rescaled.FLOAT_TINY && Passes.float32(p, layout))) {
            return Rescaled.pair(Terms.CROSS, p, pOffset, q, qOffset, length, layout, aux[SUM_P], aux[SUM_Q]);
        }
        return Math.max(0.0, Math.log(aux[SUM_Q]) - v / aux[SUM_P]);
    }

    /**
     * KL(p/Sp ‖ q/Sq) = U/Sp + ln(Sq/Sp) with U = Σ p·ln(p/q). The log of the ratio, not ln Sq − ln Sp, keeps the
     * normalisation's share of the error within one rounding of Sq/Sp.
     */
    static double klDivergence(Kernels k, Normalization policy, Object p, int pOffset, Object q, int qOffset,
                               int length) {
        return klDivergence(k, Parallelism.SEQUENTIAL, policy, p, pOffset, q, qOffset, length, null);
    }

    static double klDivergence(Kernels k, Parallelism par, Normalization policy, Object p, long pOffset, Object q,
                               long qOffset, long length, ValueLayout layout) {
        double[] aux = scratch();
        double u = Passes.run(k, par, Terms.KL, p, pOffset, q, qOffset, length, layout, 1.0, aux);
        checkPair(policy, u, aux, p, pOffset, q, qOffset, length, layout);
        if (!(Math.abs(u) < Double.POSITIVE_INFINITY)) {
            return infiniteOrOverflow(u, Terms.KL, "p·ln(p/q)", p, pOffset, q, qOffset, length, layout);
        }
        double sp = aux[SUM_P];
        if (sp < Rescaled.TINY || aux[SUM_Q] < Rescaled.TINY) {
            return Rescaled.pair(Terms.KL, p, pOffset, q, qOffset, length, layout, sp, aux[SUM_Q]);
        }
        double ratio = aux[SUM_Q] / sp;
        // Σq near the double maximum over Σp just below 1 overflows the ratio (then +∞ or a finite value by the
        // rounding of Σp): the difference of the logs then, whose extra rounding is far below the terms' size.
        double lnRatio = ratio < Double.POSITIVE_INFINITY && ratio >= Double.MIN_NORMAL ? Math.log(ratio)
                : Math.log(aux[SUM_Q]) - Math.log(sp);
        return Math.max(0.0, u / sp + lnRatio);
    }

    /**
     * JS = (A/Sp + B/Sq)/2 from the kernel's halves computed with mixture ratio c. With c = Sp/Sq it is exact;
     * NORMALIZE and float input therefore run a sum pass first. Under REQUIRE double input runs the kernel once
     * with c = 1, and the same expression is the first-order correction for Sp, Sq ≠ 1 (JS of (a·p, b·q) is
     * homogeneous of degree 1 with ∂/∂a = A/2 at a = b = 1), off by O(tolerance²) ≈ 1e-24; float's tolerance
     * (≈ 1e-4) would leave 1e-8.
     */
    static double jsDivergence(Kernels k, Normalization policy, Object p, int pOffset, Object q, int qOffset,
                               int length) {
        return jsDivergence(k, Parallelism.SEQUENTIAL, policy, p, pOffset, q, qOffset, length, null);
    }

    static double jsDivergence(Kernels k, Parallelism par, Normalization policy, Object p, long pOffset, Object q,
                               long qOffset, long length, ValueLayout layout) {
        double[] aux = scratch();
        double c = 1.0;
        double sp = 0;
        double sq = 0;
        String pName = "p";
        String qName = "q";
        // Float input under REQUIRE may sum to 1 ± 1e-4 (the float tolerance), where the one-pass first-order
        // correction below is off by about (Σp/Σq − 1)², far above the bound: it is summed first, as NORMALIZE is.
        boolean summedFirst = policy == Normalization.NORMALIZE || Passes.float32(p, layout);
        if (summedFirst) {
            sumBoth(k, par, policy, p, pOffset, q, qOffset, length, layout, aux);
            sp = aux[SUM_P];
            sq = aux[SUM_Q];
            if (sq > sp) {
                // JS is symmetric, but c = Sp/Sq is not: take the input with the larger sum first, so that
                // JS(p, q) and JS(q, p) run the same pass and give the same bits. (With Sp = Sq, c = 1 and the
                // pass is symmetric already: swapping p and q swaps its two halves, computed alike.)
                Object t = p;
                p = q;
                q = t;
                long o = pOffset;
                pOffset = qOffset;
                qOffset = o;
                double s = sp;
                sp = sq;
                sq = s;
                pName = "q";
                qName = "p";
            }
            c = sp / sq;
            if (sq < Rescaled.TINY || c == Double.POSITIVE_INFINITY || sp > Rescaled.HUGE) {
                // Subnormal q terms keep a few bits, an overflowing c made every mixture infinite, and with the
                // larger sum near the double maximum a mixture p + c·q (up to 2·Σp) overflows.
                return Math.min(Math.max(0.0, Rescaled.jsDivergence(p, pOffset, q, qOffset, length, layout, sp, sq)),
                        LN2);
            }
        }
        double a = Passes.run(k, par, Terms.JS, p, pOffset, q, qOffset, length, layout, c, aux);
        if (!summedFirst) {
            checkPair(policy, a, aux, p, pOffset, q, qOffset, length, layout);
            sp = aux[SUM_P];
            sq = aux[SUM_Q];
        }
        if (Double.isNaN(a) || Double.isNaN(aux[JS_Q_TERMS])) { // bounded terms: NaN only from invalid input
            throw Checks.invalid(pName, p, pOffset, qName, q, qOffset, length, layout);
        }
        if (Double.isInfinite(a) || Double.isInfinite(aux[JS_Q_TERMS])) {
            // Each term is bounded by its weight·ln 2 (the kernels take overflowing ratios from halves), so only
            // a sum of terms near the double maximum can get here; the clamp below would hide it as ln 2.
            throw Checks.termsOverflow("of Jensen–Shannon", Terms.JS, pName, p, pOffset, q, qOffset, length, layout, c);
        }
        double js = 0.5 * (a / sp + aux[JS_Q_TERMS] / sq);
        return Math.min(Math.max(0.0, js), LN2);
    }

    /**
     * Squared Hellinger distance H² = ½·Σ (√(p/Sp) − √(q/Sq))² = D/(2·Sp), D = Σ (√p − c·√q)² with c = √Sp/√Sq,
     * in [0, 1]. A sum pass per input comes first under both policies, so the normalisation is exact (a
     * one-pass correction would cost relative accuracy exactly where H² is small). The input with the larger sum
     * goes first, so H²(p, q) and H²(q, p) run the same pass and give the same bits.
     */
    static double squaredHellinger(Kernels k, Parallelism par, Normalization policy, Object p, long pOffset,
                                   Object q, long qOffset, long length, ValueLayout layout) {
        double[] aux = scratch();
        sumBoth(k, par, policy, p, pOffset, q, qOffset, length, layout, aux);
        double sp = aux[SUM_P];
        double sq = aux[SUM_Q];
        return sq > sp ? squaredHellinger(k, par, q, qOffset, p, pOffset, length, layout, sq, sp, aux)
                : squaredHellinger(k, par, p, pOffset, q, qOffset, length, layout, sp, sq, aux);
    }

    /** H² of a pair whose first input has the larger (or equal) sum. */
    private static double squaredHellinger(Kernels k, Parallelism par, Object p, long pOffset, Object q, long qOffset,
                                           long length, ValueLayout layout, double sp, double sq, double[] aux) {
        if (sq < Rescaled.TINY || sp > Rescaled.HUGE) {
            return Math.min(1.0, Rescaled.squaredHellinger(p, pOffset, q, qOffset, length, layout, sp, sq));
        }
        double c = Math.sqrt(sp) / Math.sqrt(sq);
        double d = Passes.run(k, par, Terms.HELLINGER, p, pOffset, q, qOffset, length, layout, c, aux);
        if (!(d < Double.POSITIVE_INFINITY)) {
            // The sum passes saw every entry finite and >= 0 and both sums in range, so D <= 2·Sp is finite.
            throw Checks.invalid("p", p, pOffset, "q", q, qOffset, length, layout);
        }
        return Math.min(1.0, d / (2 * sp));
    }

    /**
     * Σp and Σq by one sum pass each, into {@code aux[SUM_P]} and {@code aux[SUM_Q]}: bad entries of p, then of
     * q, are reported before any overflowing sum (as every other measure reports them), then both sums are
     * checked against the policy.
     */
    private static void sumBoth(Kernels k, Parallelism par, Normalization policy, Object p, long pOffset, Object q,
                                long qOffset, long length, ValueLayout layout, double[] aux) {
        double sp = Passes.run(k, par, Terms.SUM, p, pOffset, null, 0, length, layout, 1.0, aux);
        double sq = sp < Double.POSITIVE_INFINITY
                ? Passes.run(k, par, Terms.SUM, q, qOffset, null, 0, length, layout, 1.0, aux) : sp;
        if (!(sq < Double.POSITIVE_INFINITY)) {
            throw Checks.invalid("p", p, pOffset, "q", q, qOffset, length, layout);
        }
        checkSums(policy, p, pOffset, q, qOffset, layout, length, sp, sq);
        aux[SUM_P] = sp;
        aux[SUM_Q] = sq;
    }

    /**
     * Validates a two-input pass: its result and both sums, then both sums against the policy. A NaN result from
     * valid input is left to the caller (cross-entropy and KL only, see {@link #infiniteOrOverflow}): the terms
     * held +∞ and −∞, one where p &gt; 0 meets q = 0 and one overflowing where p is near the double maximum; the
     * sums, which a chunked pass does not keep then, are taken again to check the policy.
     */
    private static void checkPair(Normalization policy, double result, double[] aux, Object p, long pOffset,
                                  Object q, long qOffset, long length, ValueLayout layout) {
        double sp = aux[SUM_P];
        double sq = aux[SUM_Q];
        if (Double.isNaN(result) || !(sp < Double.POSITIVE_INFINITY) || !(sq < Double.POSITIVE_INFINITY)) {
            if (!Double.isNaN(result)) {
                throw Checks.invalid("p", p, pOffset, "q", q, qOffset, length, layout);
            }
            IllegalArgumentException bad = Checks.badPair("p", p, pOffset, "q", q, qOffset, length, layout);
            if (bad != null) {
                throw bad;
            }
            sp = Checks.indexOrderSum(p, pOffset, length, layout);
            sq = Checks.indexOrderSum(q, qOffset, length, layout);
            aux[SUM_P] = sp;
            aux[SUM_Q] = sq;
        }
        checkSums(policy, p, pOffset, q, qOffset, layout, length, sp, sq);
    }

    /**
     * The value or exception of a cross-entropy or KL pass whose terms did not add to a finite number (±∞, or NaN
     * from both): +∞ when some p &gt; 0 meets q = 0 (and the sum did not overflow the other way, which only
     * happens alongside), else the terms overflowed: the input must be scaled down.
     */
    private static double infiniteOrOverflow(double terms, int kind, String what, Object p, long pOffset, Object q,
                                             long qOffset, long length, ValueLayout layout) {
        boolean towardInfinity = Double.isNaN(terms) || (kind == Terms.CROSS ? terms < 0 : terms > 0);
        if (towardInfinity && Checks.positiveOverZero(p, pOffset, q, qOffset, length, layout)) {
            return Double.POSITIVE_INFINITY; // some p > 0 where q = 0
        }
        throw Checks.termsOverflow(what, kind, "p", p, pOffset, q, qOffset, length, layout, 1.0);
    }

    private static void checkSums(Normalization policy, Object p, long pOffset, Object q, long qOffset,
                                  ValueLayout layout, long length, double sp, double sq) {
        boolean float32 = Passes.float32(p, layout);
        Checks.sum("p", sp, p, pOffset, length, layout, float32, policy);
        Checks.sum("q", sq, q, qOffset, length, layout, float32, policy);
    }
}
