package org.shannon4j.drift;

/**
 * What the binning and counting methods do with NaN, +∞ and −∞ in the data.
 */
public enum NonFinite {
    /** A non-finite value is an error: {@link IllegalArgumentException} naming the argument, the index and the value. */
    REJECT,
    /**
     * Non-finite values are left out, as if the caller had passed {@code a[np.isfinite(a)]} to numpy (and as
     * Evidently does before binning). For counting this is exactly {@code np.histogram}'s behaviour with given
     * edges: NaN and ±∞ fall in no bin.
     */
    DROP
}
