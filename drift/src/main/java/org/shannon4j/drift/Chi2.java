package org.shannon4j.drift;

/**
 * The chi-square distribution's survival function, for the p-values of the chi-square tests: Q(k/2, x/2), the
 * regularised upper incomplete gamma function, by its series (x &lt; a + 1) or its continued fraction (modified
 * Lentz), with ln Γ from a Lanczos sum (g = 607/128, 15 terms, as in Boost and Godfrey's table: about 1e-15
 * relative). scipy's {@code chi2.sf} (Cephes' {@code igamc}) computes the same function by the same expansions
 * within a few ulps for the sizes met here; the prefactor exp(a·ln x − x − ln Γ(a)) loses ~|a·ln x − x|·1e-16
 * relative, so deep-tail p-values of huge statistics agree to that, not to the last digit.
 */
final class Chi2 {

    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;
    private static final double LANCZOS_G = 607.0 / 128.0;
    private static final double[] LANCZOS = {
        0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
        -0.49191381609762019978, .33994649984811888699e-4, .46523628927048575665e-4, -.98374475304879564677e-4,
        .15808870322491248884e-3, -.21026444172410488319e-3, .21743961811521264320e-3, -.16431810653676389022e-3,
        .84418223983852743293e-4, -.26190838401581408670e-4, .36899182659531622704e-5,
    };
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private Chi2() {
    }

    /**
     * P(X ≥ x) for X chi-square with {@code dof} degrees of freedom (scipy's {@code chi2.sf(x, dof)}).
     *
     * @param x the statistic, ≥ 0 (+∞ gives 0)
     * @param dof the degrees of freedom, ≥ 1
     * @return the p-value
     */
    static double sf(double x, int dof) {
        if (!(x >= 0) || dof < 1) {
            throw new IllegalArgumentException("x = " + x + ", dof = " + dof + ": need x >= 0 and dof >= 1");
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return upperGamma(0.5 * dof, 0.5 * x);
    }

    /**
     * Φ(x), the standard normal CDF, as Cephes' {@code ndtr} (scipy's {@code norm.cdf}) composes it: with z =
     * |x|/√2, 0.5 + 0.5·erf(x/√2) for z &lt; √½, else 0.5·erfc(z), subtracted from 1 for x &gt; 0; erf and erfc
     * are P(½, z²) and Q(½, z²).
     */
    static double normalCdf(double x) {
        double t = x * Math.sqrt(0.5);
        double z = Math.abs(t);
        if (z < Math.sqrt(0.5)) {
            double erf = z == 0 ? 0 : 1 - upperGamma(0.5, z * z);
            return 0.5 + 0.5 * Math.copySign(erf, t);
        }
        double y = 0.5 * upperGamma(0.5, z * z);
        return t > 0 ? 1.0 - y : y;
    }

    /** Q(a, x) = Γ(a, x) / Γ(a), a &gt; 0, x ≥ 0. */
    static double upperGamma(double a, double x) {
        if (x == 0) {
            return 1;
        }
        double logPrefactor = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1) {
            // series for P(a, x) = e^{−x} x^a / Γ(a + 1) · Σ x^n / ((a + 1)…(a + n))
            double term = 1.0 / a;
            double sum = term;
            for (int n = 1; n < 100_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * EPS) {
                    break;
                }
            }
            return 1 - sum * Math.exp(logPrefactor);
        }
        // continued fraction for Q(a, x) (modified Lentz)
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                break;
            }
        }
        return Math.exp(logPrefactor) * h;
    }

    /** ln Γ(a) for a &gt; 0 (Lanczos). */
    static double logGamma(double a) {
        if (a < 0.5) {
            // reflection keeps the Lanczos sum in its accurate range
            return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
        }
        double z = a - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + LANCZOS_G + 0.5;
        return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
