package org.shannon4j.continuous;

/**
 * The two KSG estimators of Kraskov, Stögbauer and Grassberger 2004 in JIDT's form
 * ({@code MutualInfoCalculatorMultiVariateKraskov1/2} and {@code ConditionalMutualInfoCalculatorMultiVariateKraskov1/2}),
 * for variables of any dimension with the max-norm (the joint distance is the largest of the variables' distances).
 * Every count excludes the point itself.
 */
public enum KsgAlgorithm {
    /**
     * Algorithm 1. ε(i) is the joint distance to the k-th nearest other point; marginal counts are strict (&lt; ε):
     * I = ψ(k) + ψ(N) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩, and conditionally (Frenzel–Pompe)
     * I(X;Y|Z) = ψ(k) + ⟨ψ(n_z + 1) − ψ(n_xz + 1) − ψ(n_yz + 1)⟩ with n_xz counting points within ε in both X and Z.
     * On untied data it equals {@link KsgConvention#KRASKOV} (and scikit-learn) for 1-D × 1-D. It is also R FNN's
     * {@code mutinfo(X, Y, k)} wherever ε &gt; 0 (FNN counts the point itself and takes ψ(n_x), the same number; at
     * ε = 0 FNN's count is 0 and its ψ(0) a NaN).
     */
    KSG1,
    /**
     * Algorithm 2. ε_x(i), ε_y(i) (and ε_z(i)) are the largest distances in each variable among the k nearest joint
     * neighbours; counts are non-strict (≤): I = ψ(k) − 1/k + ψ(N) − ⟨ψ(n_x) + ψ(n_y)⟩, and conditionally
     * I(X;Y|Z) = ψ(k) − 2/k + ⟨ψ(n_z) − ψ(n_xz) − ψ(n_yz)⟩ + ⟨1/n_xz⟩ + ⟨1/n_yz⟩ (JIDT's form). When several
     * points tie at the k-th joint distance, the ones with the lowest indices are taken as the k nearest; JIDT's
     * k-d tree may take others, which can change ε_x and ε_y: fixtures are on untied data. parmigene's
     * {@code knnmi} is this after its own standardisation and noise ({@link Ksg#parmigeneKnnmi}).
     */
    KSG2
}
