package org.shannon4j;

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
        double r = 1 / x;
        double r2 = r * r;
        // Bernoulli terms B_2k / (2k(2k−1) x^(2k−1)), k = 1..7
        double series = r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680
                + r2 * (1.0 / 1188 + r2 * (-691.0 / 360360 + r2 * (1.0 / 156)))))));
        return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + series;
    }

    /**
     * The χ² survival function P(χ²_df ≥ x) = Q(df/2, x/2), the regularised upper incomplete gamma function
     * (series for x &lt; a + 1, Lentz's continued fraction otherwise; relative accuracy about 1e-14).
     */
    static double chiSquaredSurvival(double x, double df) {
        if (!(x > 0)) {
            return 1.0;
        }
        if (df <= 0) {
            return 0.0;
        }
        return upperGamma(0.5 * df, 0.5 * x);
    }

    static double upperGamma(double a, double x) {
        double logPrefix = a * Math.log(x) - x - lgamma(a);
        if (x < a + 1) {
            // P(a, x) = x^a e^-x / Γ(a+1) · Σ x^n / ((a+1)…(a+n))
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 100_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-17) {
                    break;
                }
            }
            return Math.max(0.0, 1 - sum * Math.exp(logPrefix));
        }
        // Q(a, x) = x^a e^-x / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …)), modified Lentz
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++) {
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
        return Math.exp(logPrefix) * h;
    }
}
