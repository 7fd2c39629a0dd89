package org.shannon4j.continuous;

import java.util.Objects;

/** Checks and copies of multivariate samples into row-major arrays. */
final class Samples {

    private Samples() {
    }

    /** rows × dims as one row-major copy; every row the same length ≥ 1, every value finite. */
    static double[] flatten(String name, double[][] rows) {
        Objects.requireNonNull(rows, name + " must not be null");
        if (rows.length == 0) {
            throw new IllegalArgumentException(name + ".length = 0: no samples");
        }
        Objects.requireNonNull(rows[0], name + "[0] must not be null");
        int d = rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(name + "[0].length = 0: a sample needs at least one dimension");
        }
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            if (r == null) {
                throw new IllegalArgumentException(name + "[" + i + "] = null: a sample is missing");
            }
            if (r.length != d) {
                throw new IllegalArgumentException(name + "[" + i + "].length = " + r.length + " but " + name
                        + "[0].length = " + d + ": every sample needs the same dimension");
            }
            for (int c = 0; c < d; c++) {
                if (!Double.isFinite(r[c])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + c + "] = " + r[c]
                            + ": values must be finite");
                }
            }
            System.arraycopy(r, 0, out, i * d, d);
        }
        return out;
    }

    /** The number of rows of a row-major array of {@code dims} columns, after checking it and its values. */
    static int rows(String name, double[] flat, int dims) {
        Objects.requireNonNull(flat, name + " must not be null");
        if (dims < 1) {
            throw new IllegalArgumentException(name + " dims = " + dims + ": must be >= 1");
        }
        if (flat.length % dims != 0) {
            throw new IllegalArgumentException(name + ".length = " + flat.length + " is not a multiple of dims = "
                    + dims);
        }
        for (int i = 0; i < flat.length; i++) {
            if (!Double.isFinite(flat[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + flat[i] + " (row " + i / dims
                        + ", column " + i % dims + "): values must be finite");
            }
        }
        return flat.length / dims;
    }

    /** Rejects a NaN or ±∞ in a 1-D sample, naming its index and value. */
    static void checkFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v[i] + ": values must be finite");
            }
        }
    }

    /** The index of the first value of largest magnitude (an error names it when a sum over v overflows). */
    static int largestMagnitude(double[] v) {
        int at = 0;
        for (int i = 1; i < v.length; i++) {
            at = Math.abs(v[i]) > Math.abs(v[at]) ? i : at;
        }
        return at;
    }

    static void checkSameLength(String a, int na, String b, int nb) {
        if (na != nb) {
            throw new IllegalArgumentException(a + " has " + na + " samples and " + b + " has " + nb
                    + ": the samples must be paired");
        }
    }

    static void checkK(int k, int n, String name) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + ": must be >= 1");
        }
        if (n <= k) {
            throw new IllegalArgumentException(name + " has " + n + " samples for k = " + k
                    + ": a k-NN estimate needs at least k + 1");
        }
    }
}
