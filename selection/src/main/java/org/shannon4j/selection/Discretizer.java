package org.shannon4j.selection;

import java.util.Arrays;

/**
 * Turns continuous columns into {@link DiscreteColumns}. Codes are numpy's {@code np.digitize(x, edges)} (right
 * = false): the number of inner edges ≤ x, so a value on an edge goes to the upper bin. The edges:
 * <ul>
 *   <li>{@link #equalWidth(int) equal width}: exactly numpy's {@code np.linspace(min, max, bins + 1)[1:-1]}
 *       (edge i = i·((max − min)/bins) + min, computed as numpy computes it), bins levels; a constant column is
 *       one level (code 0, where numpy's digitize would give bins − 1 everywhere: the same partition);</li>
 *   <li>{@link #equalFrequency(int) equal frequency}: the quantiles {@code np.quantile(x, np.linspace(0, 1, bins
 *       + 1)[1:-1])} (numpy's default linear interpolation) with duplicate edges dropped ({@code np.unique}), so
 *       tied values always share a bin and a column with heavy ties gets fewer levels (unique edges + 1) rather
 *       than empty bins;</li>
 *   <li>{@link #edges(double...) given edges}: the same inner edges for every column, strictly increasing,
 *       edges.length + 1 levels.</li>
 * </ul>
 * Values must be finite. NaN is an error by default ({@link MissingValues#ERROR}) or gets its own level
 * ({@link MissingValues#OWN_LEVEL}: the level after the bins, only in columns that hold a NaN; edges are computed
 * from the other values). Immutable.
 */
public final class Discretizer {

    private enum Kind { WIDTH, FREQUENCY, EDGES }

    private final Kind kind;
    private final int bins;
    private final double[] edges;
    private final MissingValues missing;

    private Discretizer(Kind kind, int bins, double[] edges, MissingValues missing) {
        this.kind = kind;
        this.bins = bins;
        this.edges = edges;
        this.missing = missing;
    }

    /**
     * Equal-width bins between each column's minimum and maximum.
     *
     * @param bins the number of bins (≥ 1)
     * @return the discretiser
     * @throws IllegalArgumentException if bins &lt; 1
     */
    public static Discretizer equalWidth(int bins) {
        return new Discretizer(Kind.WIDTH, checkBins(bins), null, MissingValues.ERROR);
    }

    /**
     * Equal-frequency bins: each column's quantiles as edges, duplicates dropped.
     *
     * @param bins the number of bins (≥ 1)
     * @return the discretiser
     * @throws IllegalArgumentException if bins &lt; 1
     */
    public static Discretizer equalFrequency(int bins) {
        return new Discretizer(Kind.FREQUENCY, checkBins(bins), null, MissingValues.ERROR);
    }

    /**
     * Given inner edges, the same for every column: code = the number of edges ≤ x.
     *
     * @param edges finite, strictly increasing inner edges (may be empty: one level)
     * @return the discretiser
     * @throws IllegalArgumentException naming the edge that is not finite or not above the previous one
     */
    public static Discretizer edges(double... edges) {
        if (edges == null) {
            throw new NullPointerException("edges must not be null");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i])) {
                throw new IllegalArgumentException("edges[" + i + "] = " + edges[i] + ": edges must be finite");
            }
            if (i > 0 && !(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("edges[" + i + "] = " + edges[i] + " <= edges[" + (i - 1) + "] = "
                        + edges[i - 1] + ": edges must be strictly increasing");
            }
        }
        return new Discretizer(Kind.EDGES, edges.length + 1, edges.clone(), MissingValues.ERROR);
    }

    private static int checkBins(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins = " + bins + ": at least 1 bin is needed");
        }
        return bins;
    }

    /**
     * This discretiser with {@code policy} for NaN values.
     *
     * @param policy what a NaN becomes
     * @return the discretiser with that policy
     */
    public Discretizer withMissingValues(MissingValues policy) {
        if (policy == null) {
            throw new NullPointerException("policy must not be null");
        }
        return new Discretizer(kind, bins, edges, policy);
    }

    /**
     * The NaN policy.
     *
     * @return the policy
     */
    public MissingValues missingValues() {
        return missing;
    }

    /**
     * Discretises each column on its own (equal width and frequency: each its own edges).
     *
     * @param columns column-major values, {@code columns[c][row]}, all of the same length ≥ 1
     * @return the codes and level counts
     * @throws IllegalArgumentException for no column or row, ragged columns, an infinite value, or NaN under
     *                                  {@link MissingValues#ERROR} (naming the column, the row and the value); a
     *                                  column whose edges need a difference beyond the doubles (max − min for
     *                                  equal width with 2 or more bins, two neighbouring order statistics for equal
     *                                  frequency: numpy's edges become infinite there)
     */
    public DiscreteColumns discretize(double[][] columns) {
        if (columns == null) {
            throw new NullPointerException("columns must not be null");
        }
        if (columns.length == 0) {
            throw new IllegalArgumentException("columns is empty: at least one column is needed");
        }
        int rows = -1;
        int[][] codes = new int[columns.length][];
        int[] levels = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            double[] x = columns[c];
            if (x == null) {
                throw new NullPointerException("columns[" + c + "] must not be null");
            }
            if (rows < 0) {
                rows = x.length;
                if (rows == 0) {
                    throw new IllegalArgumentException("columns[0] is empty: at least one row is needed");
                }
            } else if (x.length != rows) {
                throw new IllegalArgumentException("columns[" + c + "].length = " + x.length
                        + " but columns[0].length = " + rows + ": ragged columns, every column needs the same rows");
            }
            codes[c] = new int[rows];
            levels[c] = column(c, x, codes[c]);
        }
        return DiscreteColumns.owned(codes, levels);
    }

    /** Codes of one column into {@code out}; returns its level count. */
    private int column(int c, double[] x, int[] out) {
        int finite = 0;
        boolean hasNaN = false;
        for (int r = 0; r < x.length; r++) {
            double v = x[r];
            if (Double.isNaN(v)) {
                if (missing == MissingValues.ERROR) {
                    throw new IllegalArgumentException("columns[" + c + "][" + r + "] = NaN (column " + c + ", row "
                            + r + "): missing values need MissingValues.OWN_LEVEL");
                }
                hasNaN = true;
            } else if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("columns[" + c + "][" + r + "] = " + v + " (column " + c + ", row "
                        + r + "): values must be finite");
            } else {
                finite++;
            }
        }
        double[] inner;
        if (finite == 0) {
            inner = new double[0];
        } else {
            inner = switch (kind) {
                case EDGES -> edges;
                case WIDTH -> widthEdges(c, x);
                case FREQUENCY -> quantileEdges(c, x, finite);
            };
        }
        int valueLevels = inner.length + 1;
        for (int r = 0; r < x.length; r++) {
            double v = x[r];
            out[r] = Double.isNaN(v) ? valueLevels : digitize(inner, v);
        }
        return valueLevels + (hasNaN ? 1 : 0);
    }

    /** numpy's linspace(min, max, bins + 1)[1:-1], or none for a constant column. */
    private double[] widthEdges(int c, double[] x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == max || bins == 1) {
            return new double[0];
        }
        double delta = max - min;
        if (Double.isInfinite(delta)) {
            throw new IllegalArgumentException("columns[" + c + "]: max − min = " + max + " − " + min
                    + " overflows a double, equal-width edges cannot be computed");
        }
        double step = delta / bins;
        double[] e = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            // numpy: y = arange(num) * step (or / div * delta when step underflows to 0), then y += start
            e[i - 1] = (step == 0 ? (double) i / bins * delta : i * step) + min;
        }
        return e;
    }

    /** numpy's unique(quantile(x, linspace(0, 1, bins + 1)[1:-1])) over the non-NaN values. */
    private double[] quantileEdges(int c, double[] x, int finite) {
        double[] s = new double[finite];
        int m = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s[m++] = v == 0 ? 0.0 : v; // -0.0 sorts below 0.0 in Java, equal in numpy
            }
        }
        Arrays.sort(s);
        double step = 1.0 / bins;
        double[] e = new double[bins - 1];
        int u = 0;
        for (int i = 1; i < bins; i++) {
            double q = i * step;
            double virtual = (finite - 1) * q;
            double lo = Math.floor(virtual);
            double value;
            if (virtual >= finite - 1) {
                value = s[finite - 1];
            } else {
                int p = (int) lo;
                double t = virtual - lo;
                double a = s[p];
                double b = s[p + 1];
                double diff = b - a;
                if (Double.isInfinite(diff)) { // numpy's edges become ±inf and out of order there
                    throw new IllegalArgumentException("columns[" + c + "]: the quantile between " + a + " and " + b
                            + " overflows a double (b − a), equal-frequency edges cannot be computed");
                }
                // numpy's _lerp: a + diff·t, or b − diff·(1 − t) where t ≥ 0.5
                value = t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
            }
            if (u == 0 || value > e[u - 1]) {
                e[u++] = value;
            }
        }
        return Arrays.copyOf(e, u);
    }

    /** The number of edges ≤ v (np.digitize with right = false over increasing edges). */
    private static int digitize(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case WIDTH -> "equalWidth(" + bins + ")";
            case FREQUENCY -> "equalFrequency(" + bins + ")";
            case EDGES -> "edges" + Arrays.toString(edges);
        };
        return "Discretizer[" + what + ", missing=" + missing + "]";
    }
}
