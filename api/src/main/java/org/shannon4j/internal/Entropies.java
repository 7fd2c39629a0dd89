package org.shannon4j.internal;

/**
 * Entropy from the two sums every entropy path reduces to, written once for the distributions and the
 * dependence family.
 */
public final class Entropies {

    private Entropies() {
    }

    /**
     * H = ln S − T/S in nats, clamped at 0: the entropy of the normalised weights wᵢ/S given S = Σ wᵢ and
     * T = Σ wᵢ·ln wᵢ (wᵢ probabilities, counts or a rescaled vector). Exactly
     * {@code Math.max(0.0, Math.log(s) - t / s)}, so every caller gets the bits it got before.
     *
     * @param s the sum of the weights (&gt; 0)
     * @param t the sum of wᵢ·ln wᵢ
     * @return the entropy in nats, ≥ 0
     */
    public static double fromSums(double s, double t) {
        return Math.max(0.0, Math.log(s) - t / s);
    }
}
