package org.shannon4j.bench;

/** Command-line sizes, shared by {@code compare} and {@code report}. */
public final class Sizes {

    private Sizes() {
    }

    /** Accepts 1000, 1_000_000 and 1e6; rejects anything that is not a whole number in [1, 2^31 − 9]. */
    public static int parse(String s) {
        double d;
        try {
            d = Double.parseDouble(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sizes: '" + s + "' is not a number");
        }
        if (!(d >= 1 && d <= Integer.MAX_VALUE - 8) || d != Math.rint(d)) {
            throw new IllegalArgumentException("--sizes: " + s + " is not a whole number in [1, 2^31 - 9]");
        }
        return (int) d;
    }
}
