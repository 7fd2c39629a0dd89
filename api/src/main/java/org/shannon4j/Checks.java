package org.shannon4j;

/**
 * Argument checks and the messages of every rejection. The happy path only checks ranges here; the values
 * themselves are validated inside the kernel pass, and the re-scans below run only after a kernel has
 * reported invalid input, to name the first bad element.
 */
final class Checks {

    private Checks() {
    }

    static void range(String name, double[] a, int offset, int length) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        range(name, a.length, offset, length);
    }

    static void range(String name, float[] a, int offset, int length) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        range(name, a.length, offset, length);
    }

    private static void range(String name, int arrayLength, int offset, int length) {
        if (offset < 0 || length < 0 || offset > arrayLength - length) {
            throw new IndexOutOfBoundsException(name + ": offset " + offset + " and length " + length
                    + " do not fit in " + name + ".length = " + arrayLength);
        }
        if (length == 0) {
            throw new IllegalArgumentException(name + " is empty: a distribution needs at least one entry");
        }
    }

    static void sameLength(String p, int pLength, String q, int qLength) {
        if (pLength != qLength) {
            throw new IllegalArgumentException(p + ".length = " + pLength + " but " + q + ".length = " + qLength
                    + ": both distributions must have the same support");
        }
    }

    static int length(String name, double[] a) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return a.length;
    }

    static int length(String name, float[] a) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return a.length;
    }

    /** {@link #invalid} for two inputs: names the first bad entry of p, else of q, else reports overflow. */
    static IllegalArgumentException invalid(String pName, Object p, int pOffset, String qName, Object q,
                                            int qOffset, int length) {
        IllegalArgumentException inP = invalid(pName, p, pOffset, length);
        if (inP.getMessage().startsWith(pName + "[")) {
            return inP;
        }
        IllegalArgumentException inQ = invalid(qName, q, qOffset, length);
        return inQ.getMessage().startsWith(qName + "[") ? inQ : inP;
    }

    /**
     * Called when a kernel returned NaN or a non-finite sum: throws for the first entry that is NaN, negative
     * or infinite; if every entry is valid, the sum overflowed.
     */
    static IllegalArgumentException invalid(String name, Object array, int offset, int length) {
        if (array instanceof double[] a) {
            for (int i = offset; i < offset + length; i++) {
                if (!(a[i] >= 0 && a[i] < Double.POSITIVE_INFINITY)) {
                    return badEntry(name, i, Double.toString(a[i]), a[i]);
                }
            }
        } else if (array instanceof float[] a) {
            for (int i = offset; i < offset + length; i++) {
                if (!(a[i] >= 0 && a[i] < Float.POSITIVE_INFINITY)) {
                    return badEntry(name, i, Float.toString(a[i]), a[i]);
                }
            }
        }
        return new IllegalArgumentException("the sum of " + name + "[" + offset + ".." + (offset + length)
                + ") overflows the double range: scale the input down");
    }

    private static IllegalArgumentException badEntry(String name, int index, String shown, double value) {
        String why = Double.isNaN(value) ? "probabilities must not be NaN"
                : Double.isInfinite(value) ? "probabilities must be finite"
                : "probabilities must be >= 0";
        return new IllegalArgumentException(name + "[" + index + "] = " + shown + ": " + why);
    }

    /** Checks Σ{@code name} against the policy; the sum is known finite and ≥ 0 here. */
    static void sum(String name, double sum, int length, boolean float32, Normalization policy) {
        if (sum == 0) {
            throw new IllegalArgumentException(name + " is all zeros: it is not a distribution (sum = 0)");
        }
        if (policy == Normalization.REQUIRE) {
            double tolerance = Normalization.sumTolerance(length, float32);
            if (!(Math.abs(sum - 1) <= tolerance)) {
                throw new IllegalArgumentException(name + " sums to " + sum + ", not 1 (|sum - 1| = "
                        + Math.abs(sum - 1) + " > tolerance " + tolerance + " for " + length
                        + (float32 ? " float" : " double") + " entries); normalise it, or use"
                        + " Shannon.withNormalization(Normalization.NORMALIZE) to divide by the sum");
            }
        }
    }
}
