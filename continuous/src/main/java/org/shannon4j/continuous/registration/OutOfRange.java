package org.shannon4j.continuous.registration;

/**
 * What happens to a value outside the histogram's range (only a given range can leave values outside: a measured
 * one holds them all). NaN and ±∞ are always errors, whatever the policy.
 */
public enum OutOfRange {
    /** The pair is not counted, as numpy's {@code histogram2d(a, b, bins, range=...)} drops it. */
    IGNORE,
    /** The value goes to the first or last bin: the histogram of {@code np.clip(a, min, max)}. */
    CLAMP,
    /** An {@link IllegalArgumentException} naming the argument, the index and the value. */
    REJECT
}
