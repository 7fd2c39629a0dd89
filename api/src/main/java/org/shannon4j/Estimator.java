package org.shannon4j;

/**
 * How an entropy (or mutual information) is estimated from counts n₁..n_K (N = Σ nₖ, m = number of nonzero
 * counts, K = number of cells including empty ones). The formulas are those documented by the R package
 * {@code entropy} (Hausser and Strimmer); the conformance suite checks them against golden values computed
 * independently from those published formulas.
 *
 * <p>For mutual information, the plug-in, shrinkage and Dirichlet estimators first estimate the joint
 * distribution over the r × c cells (K = r·c) and return the plug-in MI of that estimate, its marginals being
 * the sums of its rows and columns (R's {@code mi.plugin}, {@code mi.shrink}, {@code mi.Dirichlet}); Miller–Madow
 * and Chao–Shen, which correct entropies rather than distributions, return Ĥ(X) + Ĥ(Y) − Ĥ(X,Y) with each
 * entropy estimated by the estimator (R has no MI for them).
 */
public enum Estimator {
    /** Maximum likelihood ("plug-in", "empirical"): Ĥ = −Σ (nₖ/N)·ln(nₖ/N). Biased low. */
    PLUG_IN,
    /** Miller–Madow: plug-in + (m − 1)/(2N). */
    MILLER_MADOW,
    /**
     * Chao–Shen: coverage-adjusted Horvitz–Thompson. f₁ = number of singletons (set to N − 1 if f₁ = N),
     * C = 1 − f₁/N, pₖ = C·nₖ/N, Ĥ = −Σ pₖ·ln pₖ / (1 − (1 − pₖ)^N).
     */
    CHAO_SHEN,
    /**
     * James–Stein shrinkage towards the uniform target tₖ = 1/K: pₖ = λ·tₖ + (1 − λ)·nₖ/N with
     * λ = (1 − Σ uₖ²) / ((N − 1)·Σ (tₖ − uₖ)²), uₖ = nₖ/N, clipped to [0, 1] (λ = 1 when N ≤ 1 or Σ (tₖ − uₖ)² = 0);
     * Ĥ = −Σ pₖ·ln pₖ.
     */
    JAMES_STEIN,
    /** Dirichlet prior with pseudocount a = 1/2 per cell (Jeffreys, Krichevsky–Trofimov): pₖ = (nₖ + a)/(N + K·a). */
    JEFFREYS,
    /** Dirichlet pseudocount a = 1 (Laplace, Bayes–Laplace). */
    LAPLACE,
    /** Dirichlet pseudocount a = 1/K (Perks; R's "SG", Schurmann–Grassberger). */
    PERKS,
    /** Dirichlet pseudocount a = √N/K (minimax, Trybula). */
    MINIMAX;

    /** The Dirichlet pseudocount per cell for N samples over K cells, or NaN if this is not a Dirichlet estimator. */
    double pseudocount(double n, double cells) {
        return switch (this) {
            case JEFFREYS -> 0.5;
            case LAPLACE -> 1.0;
            case PERKS -> 1.0 / cells;
            case MINIMAX -> Math.sqrt(n) / cells;
            default -> Double.NaN;
        };
    }
}
