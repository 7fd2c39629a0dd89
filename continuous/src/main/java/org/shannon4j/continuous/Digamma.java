package org.shannon4j.continuous;

/**
 * ψ of the positive integers the k-NN estimators need (ψ(N), ψ(k), ψ(n_x + 1)), to an ulp or two: below
 * {@link #TABLE}, −γ + H_{m−1} with the full Euler–Mascheroni constant (JIDT truncates it) and the harmonic number
 * summed with compensation (the recurrence ψ(x) = ψ(x + 1) − 1/x up to the asymptotic range would cancel: ψ(1)
 * came out 5 ulp off that way); from {@link #TABLE} on, the asymptotic series to the B₁₄ term, whose truncation
 * error there is far below an ulp.
 */
final class Digamma {

    /** Bernoulli numbers B₂, B₄, …, B₁₄. */
    private static final double[] BERNOULLI = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730,
            7.0 / 6};
    private static final double EULER_GAMMA = 0.57721566490153286061;
    private static final int TABLE = 256;
    private static final double[] SMALL = new double[TABLE];

    static {
        double h = 0; // H_{m−1} = h + c
        double c = 0;
        for (int m = 1; m < TABLE; m++) {
            SMALL[m] = (h - EULER_GAMMA) + c;
            double term = 1.0 / m;
            double t = h + term;
            c += h >= term ? (h - t) + term : (term - t) + h;
            h = t;
        }
    }

    private Digamma() {
    }

    /** ψ(m) for an integer m ≥ 1. */
    static double of(int m) {
        return m < TABLE ? SMALL[m] : asymptotic(m);
    }

    /** cephes' EULER, as scipy's {@code psi} subtracts it. */
    private static final double CEPHES_EULER = 0.577215664901532860606512090082402431;
    /** cephes' psi_asy coefficients, highest power first (polevl's order). */
    private static final double[] CEPHES_A = {8.33333333333333333333E-2, -2.10927960927960927961E-2,
            7.57575757575757575758E-3, -4.16666666666666666667E-3, 3.96825396825396825397E-3,
            -8.33333333333333333333E-3, 8.33333333333333333333E-2};

    /**
     * ψ(m) for an integer m ≥ 1 as scipy's {@code scipy.special.digamma} (cephes {@code psi}) computes it, for the
     * scikit-learn forms: H_{m−1} − γ summed plainly up to m = 10, then ln m − 1/(2m) − z·A(z), z = 1/m², by
     * Horner's rule. Its logarithm is Java's, which rounds a rare argument the other way from glibc's.
     */
    static double scipy(int m) {
        if (m <= 10) {
            double y = 0.0;
            for (int i = 1; i < m; i++) {
                y += 1.0 / i;
            }
            return y - CEPHES_EULER;
        }
        double x = m;
        double z = 1.0 / (x * x);
        double p = CEPHES_A[0];
        for (int i = 1; i < CEPHES_A.length; i++) {
            p = p * z + CEPHES_A[i];
        }
        return Math.log(x) - (0.5 / x) - z * p;
    }

    /** ln x − 1/(2x) − Σₖ B₂ₖ/(2k·x²ᵏ), for x ≥ {@link #TABLE}. */
    private static double asymptotic(double x) {
        double u = 1 / (x * x);
        double series = 0;
        for (int k = BERNOULLI.length; k >= 1; k--) {
            series = (series + BERNOULLI[k - 1] / (2 * k)) * u;
        }
        return Math.log(x) - 0.5 / x - series;
    }
}
