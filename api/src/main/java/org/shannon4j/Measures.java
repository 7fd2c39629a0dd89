package org.shannon4j;

import static org.shannon4j.spi.Kernels.JS_Q_TERMS;
import static org.shannon4j.spi.Kernels.SUM_P;
import static org.shannon4j.spi.Kernels.SUM_Q;

import org.shannon4j.spi.Kernels;

/**
 * The distribution measures, written once for double[] and float[] inputs (passed as Object; only the kernel
 * call dispatches on the type). Each runs one kernel pass, validates its outcome, and turns the sums into the
 * value for the normalised inputs, in nats. Ranges are checked by the caller.
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
        double[] aux = scratch();
        double t = p instanceof double[] d ? k.xLogX(d, offset, length, aux) : k.xLogX((float[]) p, offset, length, aux);
        double s = aux[SUM_P];
        if (!(Math.abs(t) < Double.POSITIVE_INFINITY) || !(s < Double.POSITIVE_INFINITY)) {
            throw Checks.invalid("p", p, offset, length);
        }
        Checks.sum("p", s, length, p instanceof float[], policy);
        return Math.max(0.0, Math.log(s) - t / s);
    }

    /** H(p/Sp, q/Sq) = −V/Sp + ln Sq with V = Σ p·ln q. */
    static double crossEntropy(Kernels k, Normalization policy, Object p, int pOffset, Object q, int qOffset,
                               int length) {
        double[] aux = scratch();
        double v = p instanceof double[] d
                ? k.xLogY(d, pOffset, (double[]) q, qOffset, length, aux)
                : k.xLogY((float[]) p, pOffset, (float[]) q, qOffset, length, aux);
        checkPair(policy, v, aux, p, pOffset, q, qOffset, length);
        if (v == Double.NEGATIVE_INFINITY) {
            return Double.POSITIVE_INFINITY; // some p > 0 where q = 0
        }
        return Math.max(0.0, Math.log(aux[SUM_Q]) - v / aux[SUM_P]);
    }

    /**
     * KL(p/Sp ‖ q/Sq) = U/Sp + ln(Sq/Sp) with U = Σ p·ln(p/q). The log of the ratio, not ln Sq − ln Sp, keeps the
     * normalisation's share of the error within one rounding of Sq/Sp.
     */
    static double klDivergence(Kernels k, Normalization policy, Object p, int pOffset, Object q, int qOffset,
                               int length) {
        double[] aux = scratch();
        double u = p instanceof double[] d
                ? k.xLogXOverY(d, pOffset, (double[]) q, qOffset, length, aux)
                : k.xLogXOverY((float[]) p, pOffset, (float[]) q, qOffset, length, aux);
        checkPair(policy, u, aux, p, pOffset, q, qOffset, length);
        if (u == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY; // some p > 0 where q = 0
        }
        double sp = aux[SUM_P];
        return Math.max(0.0, u / sp + Math.log(aux[SUM_Q] / sp));
    }

    /**
     * JS = (A/Sp + B/Sq)/2 from the kernel's halves computed with mixture ratio c. With c = Sp/Sq it is exact;
     * NORMALIZE therefore runs a sum pass first. Under REQUIRE the kernel runs once with c = 1 and the same
     * expression is the first-order correction for Sp, Sq ≠ 1 (JS of (a·p, b·q) is homogeneous of degree 1
     * with ∂/∂a = A/2 at a = b = 1), off by O(tolerance²) ≈ 1e-24.
     */
    static double jsDivergence(Kernels k, Normalization policy, Object p, int pOffset, Object q, int qOffset,
                               int length) {
        double[] aux = scratch();
        boolean isDouble = p instanceof double[];
        double c = 1.0;
        double sp = 0;
        double sq = 0;
        if (policy == Normalization.NORMALIZE) {
            sp = isDouble ? k.sum((double[]) p, pOffset, length, aux) : k.sum((float[]) p, pOffset, length, aux);
            if (!(sp < Double.POSITIVE_INFINITY)) {
                throw Checks.invalid("p", p, pOffset, length);
            }
            sq = isDouble ? k.sum((double[]) q, qOffset, length, aux) : k.sum((float[]) q, qOffset, length, aux);
            if (!(sq < Double.POSITIVE_INFINITY)) {
                throw Checks.invalid("q", q, qOffset, length);
            }
            Checks.sum("p", sp, length, !isDouble, policy);
            Checks.sum("q", sq, length, !isDouble, policy);
            c = sp / sq;
        }
        double a = isDouble
                ? k.jensenShannonTerms((double[]) p, pOffset, (double[]) q, qOffset, length, c, aux)
                : k.jensenShannonTerms((float[]) p, pOffset, (float[]) q, qOffset, length, c, aux);
        if (policy == Normalization.REQUIRE) {
            checkPair(policy, a, aux, p, pOffset, q, qOffset, length);
            sp = aux[SUM_P];
            sq = aux[SUM_Q];
        } else if (Double.isNaN(a) || Double.isNaN(aux[JS_Q_TERMS])) {
            throw Checks.invalid("p", p, pOffset, "q", q, qOffset, length);
        }
        double js = 0.5 * (a / sp + aux[JS_Q_TERMS] / sq);
        return Math.min(Math.max(0.0, js), LN2);
    }

    /** Validates a two-input pass: its result and both sums, then both sums against the policy. */
    private static void checkPair(Normalization policy, double result, double[] aux, Object p, int pOffset,
                                  Object q, int qOffset, int length) {
        double sp = aux[SUM_P];
        double sq = aux[SUM_Q];
        if (Double.isNaN(result) || !(sp < Double.POSITIVE_INFINITY) || !(sq < Double.POSITIVE_INFINITY)) {
            throw Checks.invalid("p", p, pOffset, "q", q, qOffset, length);
        }
        boolean float32 = p instanceof float[];
        Checks.sum("p", sp, length, float32, policy);
        Checks.sum("q", sq, length, float32, policy);
    }
}
