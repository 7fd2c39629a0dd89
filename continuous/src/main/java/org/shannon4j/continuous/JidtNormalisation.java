package org.shannon4j.continuous;

/**
 * JIDT's {@code NORMALISE=true} (its default), as its calculators' {@code finaliseAddObservations} do it through
 * {@code MatrixUtils.means}, {@code stdDevs} and {@code normalise}: each column's plain sum over the rows divided by
 * N, the sample standard deviation (N − 1), then (v − mean) / std, or only v − mean where 1/std is infinite (a
 * constant column). Noise, if any, comes after it.
 */
final class JidtNormalisation {

    private JidtNormalisation() {
    }

    /**
     * Normalises the columns of {@code v} (N rows of {@code dims} values, row-major) in place.
     *
     * @param name the argument's name, for errors
     * @throws IllegalArgumentException where a column's sum or sum of squares overflows (JIDT would go on with ±∞
     *                                  or NaN)
     */
    static void columns(String name, double[] v, int dims, int n) {
        for (int c = 0; c < dims; c++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += v[r * dims + c];
            }
            double mean = sum / n;
            double squares = 0;
            for (int r = 0; r < n; r++) {
                double d = v[r * dims + c] - mean;
                squares += d * d;
            }
            if (!Double.isFinite(mean) || !Double.isFinite(squares)) {
                int at = largest(v, dims, n, c);
                throw new IllegalArgumentException(name + "[" + at + "]" + (dims == 1 ? "" : "[" + c + "]") + " = "
                        + v[at * dims + c]
                        + ": JIDT's normalisation of column " + c + " overflows (" + (Double.isFinite(mean)
                        ? "sum of squares" : "sum") + " beyond the double range): scale the values down or turn the"
                        + " normalisation off");
            }
            double std = Math.sqrt(squares / (double) (n - 1));
            boolean divide = !Double.isInfinite(1.0 / std);
            for (int r = 0; r < n; r++) {
                double d = v[r * dims + c] - mean;
                v[r * dims + c] = divide ? d / std : d;
            }
        }
    }

    private static int largest(double[] v, int dims, int n, int c) {
        int at = 0;
        for (int r = 1; r < n; r++) {
            if (Math.abs(v[r * dims + c]) > Math.abs(v[at * dims + c])) {
                at = r;
            }
        }
        return at;
    }
}
