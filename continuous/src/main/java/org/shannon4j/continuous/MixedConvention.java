package org.shannon4j.continuous;

/**
 * How {@link KsgMixed} turns the neighbour counts of Ross's continuous × discrete estimator into a number. Both
 * take, for each point i of label c, the distance ε(i) to its k-th nearest other point of the same label and count
 * the points of any label near i; on untied data they differ by exactly Σ_c N_c / (N (N_c − 1)).
 */
public enum MixedConvention {
    /**
     * scikit-learn 1.2's {@code _compute_mi_cd} (before its {@code max(0, mi)}): points whose label occurs once are
     * dropped (N is the number kept); k_i = min(k, N_c − 1); m_i counts the kept points, i itself included, within
     * nextafter(ε, 0) (so strictly within ε when ε &gt; 0, the duplicates when ε = 0);
     * I = ψ(N) + ⟨ψ(k_i)⟩ − ⟨ψ(N_c)⟩ − ⟨ψ(m_i)⟩. For a 1-D sample the distances are scikit-learn's Euclidean ones
     * as it computes them: squares of rounded differences, and on a label its NearestNeighbors searches by brute
     * force (k_i ≥ N_c // 2) the expansion (c_i² − 2·c_i·c_j) + c_j², each step rounded.
     */
    SKLEARN,
    /**
     * JIDT's {@code MutualInfoCalculatorMultiVariateWithDiscreteKraskov} (NORMALISE=false, or true with
     * {@link KsgMixed#withJidtNormalisation}; no noise): every label must occur more than k times; n_x counts the
     * other points within or on ε (max-norm); I = ψ(k) + ψ(N) − ⟨ψ(n_x) + ψ(N_c − 1)⟩. Two differences from JIDT: ψ
     * is exact (JIDT truncates Euler's constant for arguments below 10,000: from N = 10,000 on this is δ·(1 − f_nx −
     * f_label) above JIDT's, δ = 6.490e-8, f the shares of points whose arguments reach 10,000), and n_x is a
     * brute-force scan's count (JIDT's k-d tree misses a point at exactly ε in a subtree it skips, on gridded or tied
     * data).
     */
    JIDT
}
