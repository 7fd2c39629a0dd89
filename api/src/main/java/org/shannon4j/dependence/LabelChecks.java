package org.shannon4j.dependence;

/** Argument checks of the label-array methods (the mutual-information family). */
final class LabelChecks {

    private LabelChecks() {
    }

    static int length(String name, int[] a) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return a.length;
    }

    static void range(String name, int[] a, int offset, int length) {
        bounds(name, a, offset, length);
        if (length == 0) {
            throw new IllegalArgumentException(name + " is empty: at least one sample is needed");
        }
    }

    /** The range lies in the array (it may be empty). */
    static void bounds(String name, int[] a, int offset, int length) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (offset < 0 || length < 0 || offset > a.length - length) {
            throw new IndexOutOfBoundsException(name + ": offset " + offset + " and length " + length
                    + " do not fit in " + name + ".length = " + a.length);
        }
    }

    /** Both label arrays whole: same length, at least one sample. Returns the length. */
    static int pair(String xName, int[] x, String yName, int[] y) {
        int n = length(xName, x);
        int m = length(yName, y);
        if (n != m) {
            throw new IllegalArgumentException(xName + ".length = " + n + " but " + yName + ".length = " + m
                    + ": the label arrays must be paired sample by sample");
        }
        if (n == 0) {
            throw new IllegalArgumentException(xName + " and " + yName + " are empty: at least one sample is needed");
        }
        return n;
    }

    /** Three label arrays whole (x, y and the condition z): same length, at least one sample. Returns the length. */
    static int triple(String xName, int[] x, String yName, int[] y, String zName, int[] z) {
        int n = length(xName, x);
        int m = length(yName, y);
        int l = length(zName, z);
        if (n != m) {
            return pair(xName, x, yName, y); // throws, naming the pair that differs
        }
        if (n != l) {
            throw new IllegalArgumentException(xName + ".length = " + n + " but " + zName + ".length = " + l
                    + ": the label arrays must be paired sample by sample");
        }
        if (n == 0) {
            throw new IllegalArgumentException(xName + ", " + yName + " and " + zName
                    + " are empty: at least one sample is needed");
        }
        return n;
    }
}
