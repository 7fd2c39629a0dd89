package org.shannon4j.rows;

import java.util.Objects;

import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.internal.Checks;
import org.shannon4j.spi.Context;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * Per-row measures of a model's outputs: the entropy of each row of an N × C probability matrix (prediction
 * uncertainty, active learning) and the KL or JS divergence between matching rows of two such matrices
 * (distillation, ensemble disagreement), one value per row, in the unit of the {@link Context} they are bound to
 * (nats by default). Obtain them from a handle, {@code Shannon.get().rows()}, or from any context with
 * {@link #of(Context)}; immutable and thread-safe.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Matrices are row-major: row r, class c is at {@code offset + r·classes + c}; whole-array forms require
 *       {@code length == rows × classes}. rows = 0 is allowed (nothing is written); classes must be ≥ 1.</li>
 *   <li>Every row is a distribution as for {@link org.shannon4j.Shannon#entropy(double[])}: entries finite and
 *       ≥ 0 (else {@link IllegalArgumentException} naming the argument, row, column and value); its sum follows
 *       the context's {@link Normalization}: {@link Normalization#REQUIRE} needs |sum − 1| ≤
 *       {@link Normalization#sumTolerance(int, boolean) sumTolerance(classes, float32)}, {@link Normalization#NORMALIZE}
 *       divides by it; an all-zero row is an error in both.</li>
 *   <li>The value of a row equals that of the distribution measure on that row (same expressions); float input
 *       is read as float and computed in double; outputs are double.</li>
 *   <li>Accuracy against an exact reference: entropy within 1e-13·(H + |ln S| + |Σ p·ln p|/S)
 *       + 2·ulp(S)/S with S the row sum — the rounding of S enters the one-pass normalisation ln S − Σ p·ln p/S
 *       absolutely, which only shows for a near-one-hot row (H ≈ 1e-22); KL and JS, whose terms
 *       cancel when p ≈ q, within 1e-13·Σ|term| absolutely (the bound the conformance suite checks on every
 *       backend). A backend gives the same bits on every call.</li>
 *   <li>The forms with {@code out} and offsets allocate nothing on one thread. With
 *       {@link org.shannon4j.Shannon#withParallelism(int) more threads}, a matrix of at least
 *       {@link Parallelism#MIN_SPLIT} elements is split into parts of whole rows (multiples of 64
 *       rows) over the context's threads, the calling thread included; every row has the same bits for any
 *       thread count.</li>
 * </ul>
 */
public final class RowMeasures {

    private static final int ENTROPY = 0;
    private static final int KL = 1;
    private static final int JS = 2;

    private final Context context;
    private final Kernels kernels;
    private final double scale;
    private final Normalization normalization;

    private RowMeasures(Context context) {
        this.context = context;
        this.kernels = context.kernels();
        this.scale = 1.0 / context.unit().natsPerUnit();
        this.normalization = context.normalization();
    }

    /**
     * The per-row measures bound to {@code context}: its backend, unit and policy.
     * {@link org.shannon4j.Shannon#rows()} returns the one of a handle.
     *
     * @param context the settings to use
     * @return the entry type bound to that context
     */
    public static RowMeasures of(Context context) {
        return new RowMeasures(Objects.requireNonNull(context, "context must not be null"));
    }

    /**
     * The settings this entry type is bound to.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }

    /**
     * The unit of every result.
     *
     * @return the context's unit
     */
    public InfoUnit unit() {
        return context.unit();
    }

    // ------------------------------------------------------------------------------------------ entropy

    /**
     * The Shannon entropy H(p_r) = −Σ_c p_rc·ln p_rc of each row (0·ln 0 = 0), in the context's unit, in a new
     * array.
     *
     * @param p row-major rows × classes probabilities; {@code p.length} must be {@code rows * classes}
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @return one entropy per row
     */
    public double[] entropy(double[] p, int rows, int classes) {
        wholeArray("p", Checks.length("p", p), rows, classes);
        double[] out = new double[rows];
        entropy(p, 0, rows, classes, out, 0);
        return out;
    }

    /**
     * As {@link #entropy(double[], int, int)} for float input (read as float, computed in double).
     *
     * @param p row-major rows × classes probabilities; {@code p.length} must be {@code rows * classes}
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @return one entropy per row
     */
    public double[] entropy(float[] p, int rows, int classes) {
        wholeArray("p", Checks.length("p", p), rows, classes);
        double[] out = new double[rows];
        entropy(p, 0, rows, classes, out, 0);
        return out;
    }

    /**
     * The entropy of each row of the rows × classes matrix at {@code p[offset ..]}, written to
     * {@code out[outOffset + r]} in the context's unit. Allocates nothing.
     *
     * @param p row-major probabilities
     * @param offset index of the first element read
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @param out receives one entropy per row
     * @param outOffset index in out of the first row's entropy
     */
    public void entropy(double[] p, int offset, int rows, int classes, double[] out, int outOffset) {
        if (shape("p", p == null ? -1 : p.length, offset, rows, classes, out, outOffset)) {
            double r = split(ENTROPY, p, null, offset, null, null, 0, rows, classes, out, outOffset);
            check(r, "p", p, offset, null, null, 0, rows, classes, false);
        }
    }

    /**
     * As {@link #entropy(double[], int, int, int, double[], int)} for float input.
     *
     * @param p row-major probabilities
     * @param offset index of the first element read
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @param out receives one entropy per row
     * @param outOffset index in out of the first row's entropy
     */
    public void entropy(float[] p, int offset, int rows, int classes, double[] out, int outOffset) {
        if (shape("p", p == null ? -1 : p.length, offset, rows, classes, out, outOffset)) {
            double r = split(ENTROPY, null, p, offset, null, null, 0, rows, classes, out, outOffset);
            check(r, "p", p, offset, null, null, 0, rows, classes, true);
        }
    }

    // ------------------------------------------------------------------------------------------ KL

    /**
     * KL(p_r ‖ q_r) = Σ_c p_rc·ln(p_rc / q_rc) of each pair of matching rows, in the context's unit, in a new
     * array; +∞ for a row where some p &gt; 0 meets q = 0.
     *
     * @param p row-major rows × classes probabilities; length {@code rows * classes}
     * @param q row-major rows × classes probabilities; length {@code rows * classes}
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @return one divergence per row
     */
    public double[] klDivergence(double[] p, double[] q, int rows, int classes) {
        wholeArray("p", Checks.length("p", p), rows, classes);
        wholeArray("q", Checks.length("q", q), rows, classes);
        double[] out = new double[rows];
        klDivergence(p, 0, q, 0, rows, classes, out, 0);
        return out;
    }

    /**
     * As {@link #klDivergence(double[], double[], int, int)} for float input.
     *
     * @param p row-major rows × classes probabilities; length {@code rows * classes}
     * @param q row-major rows × classes probabilities; length {@code rows * classes}
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @return one divergence per row
     */
    public double[] klDivergence(float[] p, float[] q, int rows, int classes) {
        wholeArray("p", Checks.length("p", p), rows, classes);
        wholeArray("q", Checks.length("q", q), rows, classes);
        double[] out = new double[rows];
        klDivergence(p, 0, q, 0, rows, classes, out, 0);
        return out;
    }

    /**
     * KL of each pair of matching rows of the matrices at {@code p[pOffset ..]} and {@code q[qOffset ..]},
     * written to {@code out[outOffset + r]} in the context's unit. Allocates nothing.
     *
     * @param p row-major probabilities
     * @param pOffset index of p's first element
     * @param q row-major probabilities
     * @param qOffset index of q's first element
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @param out receives one divergence per row
     * @param outOffset index in out of the first row's value
     */
    public void klDivergence(double[] p, int pOffset, double[] q, int qOffset, int rows, int classes,
                             double[] out, int outOffset) {
        if (shape("p", p == null ? -1 : p.length, pOffset, rows, classes, out, outOffset)
                & shape("q", q == null ? -1 : q.length, qOffset, rows, classes, out, outOffset)) {
            double r = split(KL, p, null, pOffset, q, null, qOffset, rows, classes, out, outOffset);
            check(r, "p", p, pOffset, "q", q, qOffset, rows, classes, false);
        }
    }

    /**
     * As {@link #klDivergence(double[], int, double[], int, int, int, double[], int)} for float input.
     *
     * @param p row-major probabilities
     * @param pOffset index of p's first element
     * @param q row-major probabilities
     * @param qOffset index of q's first element
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @param out receives one divergence per row
     * @param outOffset index in out of the first row's value
     */
    public void klDivergence(float[] p, int pOffset, float[] q, int qOffset, int rows, int classes,
                             double[] out, int outOffset) {
        if (shape("p", p == null ? -1 : p.length, pOffset, rows, classes, out, outOffset)
                & shape("q", q == null ? -1 : q.length, qOffset, rows, classes, out, outOffset)) {
            double r = split(KL, null, p, pOffset, null, q, qOffset, rows, classes, out, outOffset);
            check(r, "p", p, pOffset, "q", q, qOffset, rows, classes, true);
        }
    }

    // ------------------------------------------------------------------------------------------ JS

    /**
     * The Jensen–Shannon divergence JS(p_r, q_r) = ½·KL(p_r ‖ m) + ½·KL(q_r ‖ m), m = (p_r + q_r)/2, of each pair
     * of matching rows, in the context's unit (at most ln 2 nats = 1 bit), in a new array.
     *
     * @param p row-major rows × classes probabilities; length {@code rows * classes}
     * @param q row-major rows × classes probabilities; length {@code rows * classes}
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @return one divergence per row
     */
    public double[] jsDivergence(double[] p, double[] q, int rows, int classes) {
        wholeArray("p", Checks.length("p", p), rows, classes);
        wholeArray("q", Checks.length("q", q), rows, classes);
        double[] out = new double[rows];
        jsDivergence(p, 0, q, 0, rows, classes, out, 0);
        return out;
    }

    /**
     * As {@link #jsDivergence(double[], double[], int, int)} for float input.
     *
     * @param p row-major rows × classes probabilities; length {@code rows * classes}
     * @param q row-major rows × classes probabilities; length {@code rows * classes}
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @return one divergence per row
     */
    public double[] jsDivergence(float[] p, float[] q, int rows, int classes) {
        wholeArray("p", Checks.length("p", p), rows, classes);
        wholeArray("q", Checks.length("q", q), rows, classes);
        double[] out = new double[rows];
        jsDivergence(p, 0, q, 0, rows, classes, out, 0);
        return out;
    }

    /**
     * JS of each pair of matching rows, written to {@code out[outOffset + r]} in the context's unit. Allocates
     * nothing.
     *
     * @param p row-major probabilities
     * @param pOffset index of p's first element
     * @param q row-major probabilities
     * @param qOffset index of q's first element
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @param out receives one divergence per row
     * @param outOffset index in out of the first row's value
     */
    public void jsDivergence(double[] p, int pOffset, double[] q, int qOffset, int rows, int classes,
                             double[] out, int outOffset) {
        if (shape("p", p == null ? -1 : p.length, pOffset, rows, classes, out, outOffset)
                & shape("q", q == null ? -1 : q.length, qOffset, rows, classes, out, outOffset)) {
            double r = split(JS, p, null, pOffset, q, null, qOffset, rows, classes, out, outOffset);
            check(r, "p", p, pOffset, "q", q, qOffset, rows, classes, false);
        }
    }

    /**
     * As {@link #jsDivergence(double[], int, double[], int, int, int, double[], int)} for float input.
     *
     * @param p row-major probabilities
     * @param pOffset index of p's first element
     * @param q row-major probabilities
     * @param qOffset index of q's first element
     * @param rows number of rows (≥ 0)
     * @param classes number of classes (≥ 1)
     * @param out receives one divergence per row
     * @param outOffset index in out of the first row's value
     */
    public void jsDivergence(float[] p, int pOffset, float[] q, int qOffset, int rows, int classes,
                             double[] out, int outOffset) {
        if (shape("p", p == null ? -1 : p.length, pOffset, rows, classes, out, outOffset)
                & shape("q", q == null ? -1 : q.length, qOffset, rows, classes, out, outOffset)) {
            double r = split(JS, null, p, pOffset, null, q, qOffset, rows, classes, out, outOffset);
            check(r, "p", p, pOffset, "q", q, qOffset, rows, classes, true);
        }
    }

    // ------------------------------------------------------------------------------------------ parts

    /**
     * One kernel call, or (with more than one thread and at least {@link Parallelism#MIN_SPLIT} elements) parts of
     * whole rows over the context's threads. Part lengths are multiples of Parallelism.ROW_ALIGN rows, so every
     * backend's groups of rows (lanes, blocks) fall exactly as in one call: each row gets the same bits for any
     * thread count. Returns NaN if any part saw invalid input, else the largest row-sum error.
     */
    private double split(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf, int qOffset,
                         int rows, int classes, double[] out, int outOffset) {
        Parallelism par = context.parallelism();
        long n = (long) rows * classes;
        if (par.threads() == 1 || !par.splits(n)) {
            return kernel(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, out, outOffset);
        }
        long partRows = par.partRows(rows, classes, Parallelism.ROW_ALIGN);
        int parts = (int) Math.ceilDiv(rows, partRows);
        if (parts == 1) {
            return kernel(kind, pd, pf, pOffset, qd, qf, qOffset, rows, classes, out, outOffset);
        }
        double[] results = new double[parts];
        par.forEachPart(parts, par.threads() - 1, () -> Boolean.TRUE, (unused, i) -> {
            int from = (int) (i * partRows);
            int count = (int) Math.min(partRows, rows - from);
            int skip = from * classes;
            results[i] = kernel(kind, pd, pf, pOffset + skip, qd, qf, qOffset + skip, count, classes, out,
                    outOffset + from);
        });
        double maxError = 0;
        for (double r : results) {
            if (r != r) {
                return Double.NaN;
            }
            maxError = Math.max(maxError, r);
        }
        return maxError;
    }

    private double kernel(int kind, double[] pd, float[] pf, int pOffset, double[] qd, float[] qf, int qOffset,
                          int rows, int classes, double[] out, int outOffset) {
        if (pd != null) {
            return switch (kind) {
                case ENTROPY -> kernels.rowEntropy(pd, pOffset, rows, classes, scale, out, outOffset);
                case KL -> kernels.rowKlDivergence(pd, pOffset, qd, qOffset, rows, classes, scale, out, outOffset);
                default -> kernels.rowJsDivergence(pd, pOffset, qd, qOffset, rows, classes, scale, out, outOffset);
            };
        }
        return switch (kind) {
            case ENTROPY -> kernels.rowEntropy(pf, pOffset, rows, classes, scale, out, outOffset);
            case KL -> kernels.rowKlDivergence(pf, pOffset, qf, qOffset, rows, classes, scale, out, outOffset);
            default -> kernels.rowJsDivergence(pf, pOffset, qf, qOffset, rows, classes, scale, out, outOffset);
        };
    }

    // ------------------------------------------------------------------------------------------ checks

    private static void wholeArray(String name, int length, int rows, int classes) {
        Checks.matrix(rows, classes);
        if ((long) rows * classes != length) {
            throw new IllegalArgumentException(name + ".length = " + length + " is not rows × classes = " + rows
                    + " × " + classes + " = " + (long) rows * classes);
        }
    }

    /** Checks the ranges of one input and of out; false if there is nothing to do (rows = 0). */
    private static boolean shape(String name, int length, int offset, int rows, int classes, double[] out,
                                 int outOffset) {
        if (length < 0) {
            throw new NullPointerException(name + " must not be null");
        }
        Objects.requireNonNull(out, "out must not be null");
        Checks.matrix(rows, classes);
        long n = (long) rows * classes;
        if (offset < 0 || offset > length - n) {
            throw new IndexOutOfBoundsException(name + ": offset " + offset + " and rows × classes = " + rows + " × "
                    + classes + " do not fit in " + name + ".length = " + length);
        }
        if (outOffset < 0 || outOffset > out.length - rows) {
            throw new IndexOutOfBoundsException("out: offset " + outOffset + " and rows = " + rows
                    + " do not fit in out.length = " + out.length);
        }
        return rows > 0;
    }

    /**
     * Acts on a kernel's result: NaN means invalid input (re-scanned here to name it), a maximum row-sum error
     * beyond the tolerance under REQUIRE names the first row that is off.
     */
    private void check(double result, String pName, Object p, int pOffset, String qName, Object q, int qOffset,
                       int rows, int classes, boolean float32) {
        double tolerance = Normalization.sumTolerance(classes, float32);
        if (result == result && (normalization == Normalization.NORMALIZE || result <= tolerance)) {
            return;
        }
        RowChecks.throwFirstProblem(pName, p, pOffset, qName, q, qOffset, rows, classes,
                normalization == Normalization.REQUIRE ? tolerance : Double.POSITIVE_INFINITY, float32);
    }
}
