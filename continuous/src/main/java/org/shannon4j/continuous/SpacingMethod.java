package org.shannon4j.continuous;

/**
 * The spacing estimators of differential entropy that scipy's {@code scipy.stats.differential_entropy} offers (its
 * {@code method} argument), each as scipy 1.10 computes it; see {@link SpacingEntropy}.
 */
public enum SpacingMethod {
    /** scipy's {@code 'auto'}: {@link #VAN_ES} for n ≤ 10, {@link #EBRAHIMI} for n ≤ 1000, else {@link #VASICEK}. */
    AUTO,
    /** Vasicek (1976): the mean of ln(n/(2m) · (X₍ᵢ₊ₘ₎ − X₍ᵢ₋ₘ₎)), the order statistics clamped at both ends. */
    VASICEK,
    /** van Es (1992): Σ ln((n+1)/m · (X₍ᵢ₊ₘ₎ − X₍ᵢ₎)) / (n − m) + Σ_{k=m..n} 1/k + ln m − ln(n + 1). */
    VAN_ES,
    /** Ebrahimi, Pflughoeft and Soofi (1994): Vasicek's spacings with weights cᵢ that shrink at both ends. */
    EBRAHIMI,
    /** Correa (1995): a local linear regression of the order statistics over windows of 2m + 1. */
    CORREA;

    /** scipy's choice for {@code 'auto'} at n values. */
    SpacingMethod resolve(int n) {
        if (this != AUTO) {
            return this;
        }
        return n <= 10 ? VAN_ES : n <= 1000 ? EBRAHIMI : VASICEK;
    }
}
