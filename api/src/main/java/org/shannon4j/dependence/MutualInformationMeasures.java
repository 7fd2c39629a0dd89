package org.shannon4j.dependence;

import static org.shannon4j.spi.Kernels.SUM_P;

import org.shannon4j.Normalization;
import org.shannon4j.counts.TripleCounts;
import org.shannon4j.internal.Checks;
import org.shannon4j.internal.Entropies;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Terms;

/**
 * The mutual-information family, written once over a {@link CountTable} (labels, contingency counts) or a joint
 * pmf. Everything reduces to four sums: S (N, or Σp), T = Σ nᵢⱼ·ln nᵢⱼ, Tx = Σ aᵢ·ln aᵢ, Ty = Σ bⱼ·ln bⱼ
 * (aᵢ row sums, bⱼ column sums), from which, in nats,
 * <pre>
 * H(X) = ln S − Tx/S     H(Y) = ln S − Ty/S     H(X,Y) = ln S − T/S
 * I(X;Y) = (T − Tx − Ty)/S + ln S     H(X|Y) = (Ty − T)/S     VI = (Tx + Ty − 2T)/S
 * </pre>
 * X is the first variable: the first label array, the rows of a table or pmf (so H(X|Y) is H(rows | cols)).
 * Each difference is formed from the sums directly (not from rounded entropies), and results that are ≥ 0 in
 * exact arithmetic are clamped at 0 (MI also at min(H(X), H(Y))). Every method here is in nats; {@link Dependence}
 * converts to its context's unit.
 */
final class MutualInformationMeasures {

    /** The measures that are one formula of the four sums (see the class comment). */
    private enum FromSums { MI, JOINT, CONDITIONAL, VI }

    private static final ThreadLocal<double[][]> PMF_SCRATCH = ThreadLocal.withInitial(() -> new double[2][16]);
    private static final ThreadLocal<double[]> AUX = ThreadLocal.withInitial(() -> new double[Kernels.AUX_LENGTH]);

    private MutualInformationMeasures() {
    }

    // ------------------------------------------------------------------------------------------ from the sums

    private static double fromSums(FromSums measure, double s, double t, double tx, double ty) {
        return switch (measure) {
            case MI -> PlugInSums.mutualInformation(s, t, tx, ty);
            case JOINT -> Entropies.fromSums(s, t);
            case CONDITIONAL -> Math.max(0.0, (ty - t) / s);
            case VI -> Math.max(0.0, (tx + ty - 2 * t) / s);
        };
    }

    /**
     * Whether one side has a single non-empty category (and the other more): I(X;Y) is then exactly 0, while the
     * sums give a rounding residue that NMI would divide by an entropy that is itself a residue (8.9e-9 for a
     * one-column pmf). Both sides single is the perfect match (NMI, AMI = 1), handled before.
     */
    private static boolean oneSided(double nonEmptyRows, double nonEmptyCols) {
        return nonEmptyRows == 1 || nonEmptyCols == 1;
    }

    /** I(X;Y) of a count table. */
    static double mutualInformation(Kernels k, CountTable table) {
        return ofTable(k, table, FromSums.MI);
    }

    /** H(X,Y) of a count table. */
    static double jointEntropy(Kernels k, CountTable table) {
        return ofTable(k, table, FromSums.JOINT);
    }

    /** H(X|Y) = H(rows | cols) of a count table. */
    static double conditionalEntropy(Kernels k, CountTable table) {
        return ofTable(k, table, FromSums.CONDITIONAL);
    }

    /** VI = H(X|Y) + H(Y|X) of a count table. */
    static double variationOfInformation(Kernels k, CountTable table) {
        return ofTable(k, table, FromSums.VI);
    }

    private static double ofTable(Kernels k, CountTable table, FromSums measure) {
        if (measure == FromSums.MI && oneSided(table.nonEmptyRows, table.nonEmptyCols)) {
            return 0.0;
        }
        double t = table.jointNLogN(k);
        double tx = k.nLogN(table.rows, 0, table.rowLength);
        double ty = k.nLogN(table.cols, 0, table.colLength);
        return fromSums(measure, table.n, t, tx, ty);
    }

    static double nmi(Kernels k, CountTable table, NmiAverage average) {
        if (table.nonEmptyRows == 1 && table.nonEmptyCols == 1) {
            return 1.0;
        }
        if (oneSided(table.nonEmptyRows, table.nonEmptyCols)) {
            return 0.0;
        }
        double s = table.n;
        double t = table.jointNLogN(k);
        double tx = k.nLogN(table.rows, 0, table.rowLength);
        double ty = k.nLogN(table.cols, 0, table.colLength);
        return nmi(s, t, tx, ty, average);
    }

    private static double nmi(double s, double t, double tx, double ty, NmiAverage average) {
        double mi = fromSums(FromSums.MI, s, t, tx, ty);
        if (mi == 0) {
            return 0.0;
        }
        return Math.min(1.0, mi / marginalMean(s, t, tx, ty, average));
    }

    /** The denominator of NMI and AMI: the {@code average} of H(X), H(Y) (and H(X,Y) for JOINT). */
    private static double marginalMean(double s, double t, double tx, double ty, NmiAverage average) {
        return average.of(Entropies.fromSums(s, tx), Entropies.fromSums(s, ty), Entropies.fromSums(s, t));
    }

    static double ami(Kernels k, CountTable table, NmiAverage average) {
        if (table.nonEmptyRows == 1 && table.nonEmptyCols == 1) {
            return 1.0;
        }
        if (oneSided(table.nonEmptyRows, table.nonEmptyCols)) {
            return 0.0; // I = E[I] = 0 exactly (every permutation gives the same table): scikit-learn's 0/ε
        }
        double s = table.n;
        double t = table.jointNLogN(k);
        double tx = k.nLogN(table.rows, 0, table.rowLength);
        double ty = k.nLogN(table.cols, 0, table.colLength);
        double mi = fromSums(FromSums.MI, s, t, tx, ty);
        double emi = expectedMi(table);
        double denominator = marginalMean(s, t, tx, ty, average) - emi;
        double eps = Math.ulp(1.0);
        denominator = denominator < 0 ? Math.min(denominator, -eps) : Math.max(denominator, eps);
        return (mi - emi) / denominator;
    }

    /** E[I] of a table's marginals in nats (the permutation model; see {@link ExpectedMutualInformation}). */
    static double expectedMi(CountTable table) {
        return ExpectedMutualInformation.of(table.rows, table.rowLength, table.cols, table.colLength, table.n);
    }

    /**
     * The frequencies of the distinct values of {@code labels[offset ..+length)} (range checked, length ≥ 1) in
     * increasing label order, none zero (the counts of {@link CountTable#labelCounts}, as ints): a dense count
     * when the range is small, dense codes sorted by label otherwise.
     */
    static int[] labelCounts(Kernels k, int[] labels, int offset, int length) {
        long mm = k.minMax(labels, offset, length);
        int min = (int) (mm >> 32);
        long range = (long) (int) mm - min + 1;
        if (!CountTable.denseFits(range, 1, length)) {
            return ints(CountTable.labelCounts(k, labels, offset, length).counts());
        }
        int[] table = new int[(int) range];
        k.count(labels, offset, min, length, table);
        int m = 0;
        for (int v : table) {
            if (v != 0) {
                table[m++] = v;
            }
        }
        return java.util.Arrays.copyOf(table, m);
    }

    /** Counts of a public table as ints when they all fit (as label counting gives them), else the longs. */
    static Object intsIfFit(long[] counts) {
        for (long c : counts) {
            if (c > Integer.MAX_VALUE) {
                return counts;
            }
        }
        return ints(counts);
    }

    private static int[] ints(long[] counts) {
        int[] a = new int[counts.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (int) counts[i];
        }
        return a;
    }

    private static double nLogN(Kernels k, long[] counts) {
        Object c = intsIfFit(counts);
        return c instanceof int[] a ? k.nLogN(a, 0, a.length) : k.nLogN(counts, 0, counts.length);
    }

    // ------------------------------------------------------------------------------------------ conditional MI

    /**
     * I(X;Y|Z) = (T_xyz + T_z − T_xz − T_yz)/N in nats from a non-empty table, each T = Σ n·ln n over the
     * table's cells in its canonical order (so label arrays, counted into the table first, give the same bits).
     */
    static double conditionalMutualInformation(Kernels k, TripleCounts counts) {
        double txyz = nLogN(k, counts.cellCounts());
        double txz = nLogN(k, counts.xz().cellCounts());
        double tyz = nLogN(k, counts.yz().cellCounts());
        long[] z = counts.z().counts();
        double tz = k.nLogN(z, 0, z.length);
        return conditionalMutualInformation(txyz, tz, txz, tyz, counts.total());
    }

    private static double conditionalMutualInformation(double txyz, double tz, double txz, double tyz, long n) {
        return PlugInSums.conditionalMutualInformation(n, txyz, tz, txz, tyz);
    }

    /**
     * I(X;Y|Z) in nats of a dense table {@code counts[(x·yl + y)·zl + z]}: its marginals (x, z), (y, z) and z
     * summed here, then the formula of the sparse table above.
     */
    static double conditionalMutualInformation(Kernels k, int[] counts, int xl, int yl, int zl) {
        if (counts == null) {
            throw new NullPointerException("counts must not be null");
        }
        if (xl < 1 || yl < 1 || zl < 1) {
            throw new IllegalArgumentException("counts: xLevels = " + xl + ", yLevels = " + yl + " and zLevels = "
                    + zl + " must all be >= 1");
        }
        long cells = (long) xl * yl * zl;
        if (cells != counts.length) {
            throw new IllegalArgumentException("counts.length = " + counts.length + " but xLevels × yLevels × zLevels = "
                    + xl + " × " + yl + " × " + zl + " = " + cells + ": a dense table needs exactly that many entries");
        }
        long[] xz = new long[xl * zl];
        long[] yz = new long[yl * zl];
        long[] z = new long[zl];
        long n = 0;
        for (int x = 0, cell = 0; x < xl; x++) {
            for (int y = 0; y < yl; y++) {
                for (int c = 0; c < zl; c++, cell++) {
                    int v = counts[cell];
                    if (v < 0) {
                        throw new IllegalArgumentException("counts[" + cell + "] = " + v + " (x " + x + ", y " + y
                                + ", z " + c + "): counts must be >= 0");
                    }
                    xz[x * zl + c] += v;
                    yz[y * zl + c] += v;
                    z[c] += v;
                    n += v;
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("counts is all zeros: a contingency table needs at least one count");
        }
        return conditionalMutualInformation(k.nLogN(counts, 0, counts.length), k.nLogN(z, 0, zl),
                k.nLogN(xz, 0, xz.length), k.nLogN(yz, 0, yz.length), n);
    }

    // ------------------------------------------------------------------------------------------ joint pmf

    /**
     * The four sums of a row-major joint pmf (validated through the kernel, then against the policy), written
     * to {@code out[0..4)}: S, T, Tx, Ty, and the number of non-empty rows and columns to {@code out[4..6)}.
     */
    static void pmfSums(Kernels k, Normalization policy, double[] joint, int rows, int cols, double[] out) {
        if (joint == null) {
            throw new NullPointerException("joint must not be null");
        }
        CountTable.checkShape("joint", joint.length, rows, cols);
        double[] aux = AUX.get();
        double t = k.xLogX(joint, 0, joint.length, aux);
        double s = aux[SUM_P];
        if (Double.isNaN(t) || !(s < Double.POSITIVE_INFINITY)) {
            throw Checks.invalid("joint", joint, 0, joint.length);
        }
        if (Double.isInfinite(t)) {
            throw Checks.termsOverflow("p·ln p", Terms.X_LOG_X, "joint", joint, 0, null, 0, joint.length, null, 1.0);
        }
        Checks.sum("joint", s, joint, 0, joint.length, null, false, policy);
        double[][] scratch = PMF_SCRATCH.get();
        if (scratch[0].length < rows) {
            scratch[0] = new double[Math.max(rows, 2 * scratch[0].length)];
        }
        if (scratch[1].length < cols) {
            scratch[1] = new double[Math.max(cols, 2 * scratch[1].length)];
        }
        double[] r = scratch[0];
        double[] c = scratch[1];
        java.util.Arrays.fill(c, 0, cols, 0.0);
        for (int i = 0, cell = 0; i < rows; i++) {
            double sum = 0;
            for (int j = 0; j < cols; j++, cell++) {
                sum += joint[cell];
                c[j] += joint[cell];
            }
            r[i] = sum;
        }
        int nonEmptyRows = 0;
        for (int i = 0; i < rows; i++) {
            nonEmptyRows += r[i] > 0 ? 1 : 0;
        }
        int nonEmptyCols = 0;
        for (int j = 0; j < cols; j++) {
            nonEmptyCols += c[j] > 0 ? 1 : 0;
        }
        out[0] = s;
        out[1] = t;
        out[2] = k.xLogX(r, 0, rows, aux);
        out[3] = k.xLogX(c, 0, cols, aux);
        out[4] = nonEmptyRows;
        out[5] = nonEmptyCols;
    }

    /** I(X;Y) of a joint pmf. */
    static double mutualInformation(Kernels k, Normalization policy, double[] joint, int rows, int cols) {
        return ofPmf(k, policy, joint, rows, cols, FromSums.MI);
    }

    /** H(X,Y) of a joint pmf. */
    static double jointEntropy(Kernels k, Normalization policy, double[] joint, int rows, int cols) {
        return ofPmf(k, policy, joint, rows, cols, FromSums.JOINT);
    }

    /** H(X|Y) = H(rows | cols) of a joint pmf. */
    static double conditionalEntropy(Kernels k, Normalization policy, double[] joint, int rows, int cols) {
        return ofPmf(k, policy, joint, rows, cols, FromSums.CONDITIONAL);
    }

    /** VI of a joint pmf. */
    static double variationOfInformation(Kernels k, Normalization policy, double[] joint, int rows, int cols) {
        return ofPmf(k, policy, joint, rows, cols, FromSums.VI);
    }

    private static double ofPmf(Kernels k, Normalization policy, double[] joint, int rows, int cols,
                                FromSums measure) {
        double[] sums = new double[6];
        pmfSums(k, policy, joint, rows, cols, sums);
        if (measure == FromSums.MI && oneSided(sums[4], sums[5])) {
            return 0.0;
        }
        return fromSums(measure, sums[0], sums[1], sums[2], sums[3]);
    }

    static double nmiOfPmf(Kernels k, Normalization policy, double[] joint, int rows, int cols, NmiAverage average) {
        double[] sums = new double[6];
        pmfSums(k, policy, joint, rows, cols, sums);
        if (sums[4] == 1 && sums[5] == 1) {
            return 1.0;
        }
        if (oneSided(sums[4], sums[5])) {
            return 0.0;
        }
        return nmi(sums[0], sums[1], sums[2], sums[3], average);
    }
}
