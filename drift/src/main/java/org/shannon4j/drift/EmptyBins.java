package org.shannon4j.drift;

/**
 * What a histogram's empty bins become before a measure that divides by a share or takes its log (PSI, KL):
 * a named policy, applied by {@link #apply(double[])} to one histogram's shares. Immutable.
 *
 * <ul>
 *   <li>{@link #NONE}: zeros stay zeros; PSI and KL are then +∞ where one side is empty and the other not.</li>
 *   <li>{@link #epsilon(double)}: every zero share becomes ε (the others are kept; nothing is renormalised).</li>
 *   <li>{@link #EVIDENTLY}: Evidently 0.7's rule ({@code get_binned_data} in
 *       {@code evidently/legacy/calculations/stattests/utils.py}, argument {@code feel_zeroes=True}): with m the
 *       smallest non-zero share of that histogram, every zero share becomes m / 10⁶ if m ≤ 10⁻⁴, else 10⁻⁴. Each
 *       histogram gets its own fill, and the shares are not renormalised (Evidently's PSI uses them as they are;
 *       its KL, scipy's {@code entropy}, renormalises them).</li>
 * </ul>
 * NannyML's leftover bin for current values outside the reference's edges is a binning rule, not a fill, and
 * comes with the NannyML preset.
 */
public final class EmptyBins {

    /** Empty bins stay empty. */
    public static final EmptyBins NONE = new EmptyBins(0, false);
    /** Evidently 0.7's fill: min(non-zero share) / 10⁶ if that minimum is ≤ 10⁻⁴, else 10⁻⁴. */
    public static final EmptyBins EVIDENTLY = new EmptyBins(0, true);

    private final double epsilon;
    private final boolean evidently;

    private EmptyBins(double epsilon, boolean evidently) {
        this.epsilon = epsilon;
        this.evidently = evidently;
    }

    /**
     * Every empty bin gets the share {@code epsilon}.
     *
     * @param epsilon the share of an empty bin, finite and &gt; 0
     * @return the policy
     * @throws IllegalArgumentException if epsilon is not finite and positive
     */
    public static EmptyBins epsilon(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon = " + epsilon + ": must be finite and > 0");
        }
        return new EmptyBins(epsilon, false);
    }

    /**
     * The shares with the empty bins filled by this policy; a new array ({@code shares} itself is not changed).
     *
     * @param shares one histogram's shares, finite and ≥ 0, at least one &gt; 0
     * @return the filled shares
     * @throws IllegalArgumentException naming the index and value of a negative or non-finite share, or if all
     *     shares are 0
     */
    public double[] apply(double[] shares) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < shares.length; i++) {
            double s = shares[i];
            if (!(s >= 0) || s == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("shares[" + i + "] = " + s + ": shares must be finite and >= 0");
            }
            if (s > 0 && s < min) {
                min = s;
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("shares has no non-zero share (length " + shares.length
                    + "): an empty histogram");
        }
        double[] out = shares.clone();
        if (this == NONE) {
            return out;
        }
        // Evidently: min(nonzero) / 10**6 if min(nonzero) <= 0.0001 else 0.0001
        double fill = evidently ? (min <= 0.0001 ? min / 1e6 : 0.0001) : epsilon;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                out[i] = fill;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return this == NONE ? "NONE" : evidently ? "EVIDENTLY" : "epsilon(" + epsilon + ")";
    }
}
