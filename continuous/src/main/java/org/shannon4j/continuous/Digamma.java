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
