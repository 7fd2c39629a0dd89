package org.shannon4j.dependence;

/** ln Γ and the χ² upper tail, in plain double arithmetic (JDK only). */
final class SpecialFunctions {

    private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {
    }

    /**
     * ln Γ(x) for x &gt; 0. For x ≥ 12, Stirling's series to the x⁻¹³ term (truncation below 1e-17 relative to
     * the result); below, Γ(x) = Γ(x + m)/(x(x+1)…(x+m−1)) shifts the argument up. Accuracy against
     * scipy.special.gammaln (checked in the tests): a few ulp of max(1, |ln Γ(x)|).
     */
    static double lgamma(double x) {
        if (!(x > 0)) {
            return x == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (x == 1 || x == 2) {
            return 0.0;
        }
        if (x < 12) {
            double product = 1;
            double z = x;
            while (z < 12) {
                product *= z;
                z += 1;
            }
            return stirling(z) - Math.log(product);
        }
        return stirling(x);
    }

    private static double stirling(double x) {
        return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + stirlingSeries(x);
    }

    /** ln Γ(x) − ((x − ½)·ln x − x + ½·ln 2π) for x ≥ 12: the Bernoulli terms B₂ₖ/(2k(2k−1)x^(2k−1)), k = 1..7. */
    private static double stirlingSeries(double x) {
        double r = 1 / x;
        double r2 = r * r;
        return r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680
                + r2 * (1.0 / 1188 + r2 * (-691.0 / 360360 + r2 * (1.0 / 156)))))));
    }

    /** The χ² survival function P(χ²_df ≥ x), as exp of {@link #logChiSquaredSurvival} (0.0 once that underflows). */
    static double chiSquaredSurvival(double x, double df) {
        return Math.exp(logChiSquaredSurvival(x, df));
    }

    /**
     * ln P(χ²_df ≥ x) = ln Q(df/2, x/2), finite for every finite x and df &gt; 0 however small the probability
     * (the probability itself is below the double range from x ≈ 1.5e3 at df = 1): 0 for x ≤ 0, −∞ for
     * df ≤ 0 and x &gt; 0. Accuracy, against mpmath at 50 digits over df = 1..1e4 and x from 1e-6 to 1e7
     * ({@code api/src/test/fixtures/log_chi2_sf.py}, tested in SpecialFunctionsTest): relative error of ln p
     * within 256·2⁻⁵²·max(1, |ln(1 − p)|) — 5.7e-14 unless p is close to 1, where ln p ≈ −(1 − p) carries the
     * relative error of 1 − p (a few ulp of |ln(1 − p)|); observed 77 of those units.
     */
    static double logChiSquaredSurvival(double x, double df) {
        if (!(x > 0)) {
            return 0.0;
        }
        if (!(df > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        return logUpperGamma(0.5 * df, 0.5 * x);
    }

    /**
     * ln Q(a, x), Q the regularised upper incomplete gamma function, for a &gt; 0, x &gt; 0. Both branches work
     * from ln(x^a·e^(−x)/Γ(a)) (see {@link #logPrefix}), never from the prefix itself, so nothing underflows:
     * for x &lt; a + 1 the series of P = 1 − Q (Q ≥ 0.08 there, so log1p(−P) loses at most a digit); otherwise
     * ln of Lentz's continued fraction for Q/prefix, which for x ≫ a converges in a few terms to the
     * asymptotic 1/(x − a + 1 − …).
     */
    static double logUpperGamma(double a, double x) {
        double logPrefix = logPrefix(a, x);
        if (x < a + 1) {
            // P(a, x) = x^a e^-x / Γ(a) · Σ x^n / (a(a+1)…(a+n))
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 1_000_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (term < sum * 1e-17) {
                    break;
                }
            }
            return Math.log1p(-Math.min(1.0, sum * Math.exp(logPrefix)));
        }
        // Q(a, x) = x^a e^-x / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …)), modified Lentz
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1_000_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return logPrefix + Math.log(h);
    }

    /**
     * ln(x^a·e^(−x)/Γ(a)). For a ≥ 12 as −a·(t − ln(1 + t)) + ½·ln(a/2π) − (Stirling series of a), t = (x − a)/a:
     * the two large terms a·ln x − x and ln Γ(a) (each up to ~1e5 at a = 5e3) cancel analytically instead of in
     * rounding, which would cost an absolute error of ~1e-11 in ln p near x = a. Below 12 the direct formula's
     * terms are small or dominated by x.
     */
    private static double logPrefix(double a, double x) {
        if (a < 12) {
            return a * Math.log(x) - x - lgamma(a);
        }
        return -a * log1pmxNegated(x, a) + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingSeries(a);
    }

    /**
     * t − ln(1 + t) ≥ 0 for t = (x − a)/a, x, a &gt; 0, with a series instead of the cancelling difference
     * for |t| &lt; 1/4; elsewhere ln(x/a) rather than log1p(t) keeps the logarithm exact for x near 0.
     */
    static double log1pmxNegated(double x, double a) {
        double t = (x - a) / a;
        if (Math.abs(t) >= 0.25) {
            return t - Math.log(x / a);
        }
        // Σ_{k≥2} (−t)^k / k: |t| < 1/4, so 27 terms reach 1e-17 relative
        double power = t * t;
        double sum = 0;
        for (int k = 2; k < 60; k++) {
            double term = power / k;
            sum += term;
            if (Math.abs(term) < 1e-17 * sum) {
                break;
            }
            power *= -t;
        }
        return sum;
    }

    // ------------------------------------------------------------------------------------------ polygamma
    // Digamma differences and trigamma (the NSB estimator's prior weight and posterior means). Each shifts its
    // argument up to x ≥ 12 with the recurrences ψ(x) = ψ(x+1) − 1/x, ψ₁(x) = ψ₁(x+1) + 1/x² and then sums the
    // asymptotic series to the B₁₄ (ψ₁: B₁₆) term, whose truncation at x = 12 is below 1e-17 relative. The
    // differences that would cancel (ψ(b + d) − ψ(b) for large b, K·ψ₁(Kβ+1) − ψ₁(β+1) for large β) have their
    // own forms, exact in d and free of the cancellation.

    /** Bernoulli numbers B₂, B₄, …, B₁₆. */
    private static final double[] BERNOULLI = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730,
            7.0 / 6, -3617.0 / 510};
    private static final double ASYMPTOTIC = 12;

    /** ψ₁(x) = dψ(x)/dx for x &gt; 0 (NaN otherwise); a few ulp. */
    static double trigamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        double shift = 0;
        while (x < ASYMPTOTIC) {
            shift += 1 / (x * x);
            x += 1;
        }
        double r = 1 / x;
        double u = r * r;
        double series = 0;
        for (int k = 8; k >= 1; k--) {
            series = (series + BERNOULLI[k - 1]) * u;
        }
        return shift + r + 0.5 * u + series * r;
    }

    /**
     * ψ(b + d) − ψ(b) for b &gt; 0, d ≥ 0, with d given separately so that nothing cancels: below 12 both
     * arguments move up together (ψ(b+d) − ψ(b) = ψ(b+1+d) − ψ(b+1) + d/(b(b+d))), then
     * ln(y/x) = log1p(d/x), 1/(2x) − 1/(2y) = d/(2xy) and each x^(−2k) − y^(−2k) is formed with the factor
     * d(x + y)/(x²y²). Relative error a few ulp whatever the sizes of b and d.
     */
    static double digammaDifference(double b, double d) {
        if (!(b > 0) || !(d >= 0)) {
            return Double.NaN;
        }
        if (d == 0) {
            return 0.0;
        }
        double sum = 0;
        double x = b;
        while (x < ASYMPTOTIC) {
            sum += d / (x * (x + d));
            x += 1;
        }
        double y = x + d;
        double u = 1 / (x * x);
        double v = 1 / (y * y);
        double uv = d * (x + y) * u * v; // u − v
        // Σ_k B₂ₖ/(2k)·(uᵏ − vᵏ), uᵏ − vᵏ = (u − v)·Σ_{j<k} uʲ v^(k−1−j)
        double series = 0;
        double h = 1; // complete homogeneous sum of degree k − 1 in u, v
        double uPower = 1;
        for (int k = 1; k <= 7; k++) {
            series += BERNOULLI[k - 1] / (2 * k) * h;
            uPower *= u;
            h = h * v + uPower;
        }
        return sum + Math.log1p(d / x) + d / (2 * x * y) + uv * series;
    }

    /**
     * ln Γ(x + n) − ln Γ(x) − n·ln x = Σ_{j&lt;n} ln(1 + j/x) for x &gt; 0 and an integer n ≥ 0: the log rising
     * factorial without its n·ln x, which grows without bound as x → ∞ while this tends to n(n−1)/(2x). For
     * x ≥ 12, Stirling's series gives x·φ(n/x) − ½·log1p(n/x) + s(x + n) − s(x) with φ(r) = (1+r)·log1p(r) − r
     * (a series for r &lt; 0.1) and s the Stirling correction; below 12, the first terms are summed directly.
     * Absolute error a few ulp of max(value, n/x).
     */
    static double logRisingExcess(double x, double n) {
        if (n <= 1) {
            return 0.0; // ln(1 + 0/x): exactly 0, which the Stirling form would give only to rounding
        }
        if (x < ASYMPTOTIC) {
            int shift = (int) Math.ceil(ASYMPTOTIC - x);
            double sum = 0;
            int direct = (int) Math.min(n, shift);
            for (int j = 1; j < direct; j++) {
                sum += Math.log1p(j / x);
            }
            if (n <= shift) {
                return sum;
            }
            return sum + (n - shift) * Math.log1p(shift / x) + logRisingExcess(x + shift, n - shift);
        }
        double r = n / x;
        double phi;
        if (r < 0.1) {
            // (1+r)·ln(1+r) − r = Σ_{k≥2} (−r)ᵏ/(k(k−1))
            phi = 0;
            double power = r * r;
            for (int k = 2; k <= 20; k++) {
                phi += power / (k * (k - 1.0));
                power *= -r;
            }
        } else {
            phi = (1 + r) * Math.log1p(r) - r;
        }
        double y = x + n;
        double corrections = -n / (12 * x * y) + stirlingTail(y) - stirlingTail(x);
        return x * phi - 0.5 * Math.log1p(r) + corrections;
    }

    /** Stirling's correction s(z) without its first term 1/(12z): Σ_{k=2..7} B₂ₖ/(2k(2k−1)·z^(2k−1)). */
    private static double stirlingTail(double z) {
        double r = 1 / z;
        double u = r * r;
        double series = 0;
        for (int k = 7; k >= 2; k--) {
            series = (series + BERNOULLI[k - 1] / (2 * k * (2 * k - 1.0))) * u;
        }
        return series * r;
    }

    /**
     * K·ψ₁(Kβ + 1) − ψ₁(β + 1) for K ≥ 2, β &gt; 0: dξ/dβ, the derivative of the prior mean entropy
     * ξ(β) = ψ(Kβ + 1) − ψ(β + 1) of a symmetric Dirichlet(β) over K cells (the NSB prior weight). For β ≥ 12
     * the two ~1/β leading terms cancel exactly and the rest is summed as
     * (1 − 1/K)/(2β²) + Σ_k B₂ₖ·(K^(−2k) − 1)/β^(2k+1), free of cancellation (a few ulp); below, directly, where
     * the two terms cancel by up to ~20× just below 12 (relative error up to ~5e-14).
     */
    static double priorEntropySlope(double k, double beta) {
        if (beta < ASYMPTOTIC) {
            return k * trigamma(k * beta + 1) - trigamma(beta + 1);
        }
        double r = 1 / beta;
        double u = r * r;
        double kk = 1 / (k * k);
        double kPower = 1;
        double series = 0;
        double uPower = r;
        for (int j = 1; j <= 8; j++) {
            kPower *= kk;
            uPower *= u;
            series += BERNOULLI[j - 1] * (kPower - 1) * uPower;
        }
        return (1 - 1 / k) * 0.5 * u + series;
    }
}
