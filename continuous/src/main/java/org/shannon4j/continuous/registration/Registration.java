package org.shannon4j.continuous.registration;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.shannon4j.Shannon;
import org.shannon4j.dependence.PlugInSums;
import org.shannon4j.spi.Context;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * Image-registration similarity of two intensity arrays (voxels in the same order, equal length) from their joint
 * histogram: mutual information, Studholme's normalised mutual information and the entropy correlation coefficient.
 * Immutable and thread-safe; built from a handle's context, whose backend, unit and threads it uses:
 *
 * <pre>{@code
 * Registration reg = Registration.of(Shannon.get().context());
 * double mi  = reg.mutualInformation(fixed, moving, 256);            // nats, ranges measured
 * double nmi = reg.normalizedMutualInformation(fixed, moving, 256);  // unitless, in [1, 2]
 * }</pre>
 *
 * <h2>Binning (numpy's {@code histogram2d}, bit for bit)</h2>
 * Each image has {@code bins} bins over [min, max]: a given range, or the image's measured minimum and maximum
 * (a range with min = max becomes [min − ½, max + ½], as numpy). The edges are
 * {@code np.linspace(min, max, bins + 1)}; value v is in bin k when edge k ≤ v &lt; edge k+1, and v = max is in the
 * last bin: {@code np.histogram2d(a, b, bins=bins, range=[[aMin, aMax], [bMin, bMax]])} counts the same cells.
 * The bin is found by the arithmetic candidate ⌊(v − min)·bins/(max − min)⌋ settled by comparing v with the two
 * edges around it, so values on an edge or one ulp off it land where numpy's {@code searchsorted} puts them
 * (ranges only a few ulps wide are binned by that search itself). float values are compared as the doubles they
 * are (numpy ≥ 2 does the same; numpy 1.x differs in one case: with a float32 sample and a given max that is not
 * a float, its "value on the last edge" test compares in float32, so a value equal to (float) max but below max
 * leaves the last bin for the one before it). Values outside a given range follow an explicit {@link OutOfRange}
 * policy; {@link OutOfRange#IGNORE} is numpy's. NaN and ±∞ are errors.
 *
 * <h2>Measures</h2>
 * From the joint counts c (n pairs counted) through Σ c·ln c sums ({@link PlugInSums}): H(A), H(B), H(A,B) plug-in
 * entropies, I = H(A) + H(B) − H(A,B) in the context's unit; NMI = (H(A) + H(B))/H(A,B) and
 * ECC = 2·I/(H(A) + H(B)), unitless, with NMI = 1 and ECC = 0 when the denominators are 0 (constant images).
 * Rows of the joint histogram are the bins of a, columns those of b.
 *
 * <h2>Speed and threads</h2>
 * One fused pass bins both values and counts the pair ({@link org.shannon4j.spi.CountingKernels#binPairs}, the
 * backend's kernel). Long inputs are split into contiguous parts over the context's threads, each counting into
 * its own table; the integer tables are added, so results do not depend on the thread count. A measured range
 * costs one more pass (min and max).
 */
public final class Registration {

    /** Cells of the joint table: bins ≤ 4096 keeps it ≤ 64 MB of ints. */
    private static final int MAX_BINS = 4096;
    /** Pairs inside in a row, after one outside, before the kernel takes over again. */
    private static final int RESTART_RUN = 256;

    private final Context context;

    private Registration(Context context) {
        this.context = context;
    }

    /**
     * The registration measures of a context: its backend's kernels, its unit, its threads.
     *
     * @param context a handle's context ({@link Shannon#context()})
     * @return the registration measures of that context
     */
    public static Registration of(Context context) {
        Objects.requireNonNull(context, "context must not be null");
        return new Registration(context);
    }

    /**
     * The context this family was built from.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }

    // ------------------------------------------------------------------------------------------------------
    // Measures
    // ------------------------------------------------------------------------------------------------------

    /**
     * Mutual information of the joint histogram with {@code bins} bins per image over each image's measured range,
     * in the context's unit.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return I(A;B) ≥ 0
     * @throws IllegalArgumentException on empty or mismatched arrays, a bad bin count, or a NaN or infinite value
     */
    public double mutualInformation(float[] a, float[] b, int bins) {
        return measures(a, b, bins).mutualInformation();
    }

    /**
     * As {@link #mutualInformation(float[], float[], int)} for double images.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return I(A;B) ≥ 0
     */
    public double mutualInformation(double[] a, double[] b, int bins) {
        return measures(a, b, bins).mutualInformation();
    }

    /**
     * Studholme's normalised mutual information (H(A) + H(B))/H(A,B) over each image's measured range, unitless.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return NMI in [1, 2] (1 when both images are constant)
     */
    public double normalizedMutualInformation(float[] a, float[] b, int bins) {
        return measures(a, b, bins).normalizedMutualInformation();
    }

    /**
     * As {@link #normalizedMutualInformation(float[], float[], int)} for double images.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return NMI in [1, 2]
     */
    public double normalizedMutualInformation(double[] a, double[] b, int bins) {
        return measures(a, b, bins).normalizedMutualInformation();
    }

    /**
     * The entropy correlation coefficient 2·I(A;B)/(H(A) + H(B)) over each image's measured range, unitless.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return ECC in [0, 1] (0 when both images are constant)
     */
    public double entropyCorrelationCoefficient(float[] a, float[] b, int bins) {
        return measures(a, b, bins).entropyCorrelationCoefficient();
    }

    /**
     * As {@link #entropyCorrelationCoefficient(float[], float[], int)} for double images.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return ECC in [0, 1]
     */
    public double entropyCorrelationCoefficient(double[] a, double[] b, int bins) {
        return measures(a, b, bins).entropyCorrelationCoefficient();
    }

    /**
     * Every measure of the joint histogram over each image's measured range.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return the measures
     */
    public HistogramMutualInformation measures(float[] a, float[] b, int bins) {
        return measures(jointHistogram(a, b, bins), bins);
    }

    /**
     * As {@link #measures(float[], float[], int)} for double images.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return the measures
     */
    public HistogramMutualInformation measures(double[] a, double[] b, int bins) {
        return measures(jointHistogram(a, b, bins), bins);
    }

    /**
     * Every measure of the joint histogram over given ranges.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param aMin lower end of a's range (finite)
     * @param aMax upper end of a's range (finite, ≥ aMin; = aMin means [aMin − ½, aMin + ½])
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return the measures
     * @throws IllegalArgumentException on a bad range, no pair inside the ranges, or as
     *     {@link #mutualInformation(float[], float[], int)}
     */
    public HistogramMutualInformation measures(float[] a, float[] b, int bins, double aMin, double aMax,
                                               double bMin, double bMax, OutOfRange outside) {
        return measures(jointHistogram(a, b, bins, aMin, aMax, bMin, bMax, outside), bins);
    }

    /**
     * As {@link #measures(float[], float[], int, double, double, double, double, OutOfRange)} for double images.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param aMin lower end of a's range
     * @param aMax upper end of a's range
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return the measures
     */
    public HistogramMutualInformation measures(double[] a, double[] b, int bins, double aMin, double aMax,
                                               double bMin, double bMax, OutOfRange outside) {
        return measures(jointHistogram(a, b, bins, aMin, aMax, bMin, bMax, outside), bins);
    }

    // ------------------------------------------------------------------------------------------------------
    // Joint histograms
    // ------------------------------------------------------------------------------------------------------

    /**
     * The joint histogram over each image's measured range: {@code np.histogram2d(a, b, bins)[0]} as ints,
     * row-major, a's bins the rows.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return bins × bins counts
     */
    public int[] jointHistogram(float[] a, float[] b, int bins) {
        checkPair(a == null ? null : a.length, b == null ? null : b.length, bins);
        long ra = Ranges.minMax(a, "a");
        long rb = Ranges.minMax(b, "b");
        return count(a.length, givenAxis(bins, a[lo(ra)], a[hi(ra)], "a"),
                givenAxis(bins, b[lo(rb)], b[hi(rb)], "b"), OutOfRange.IGNORE,
                i -> a[i], i -> b[i], (ax, bx, from, len, t) -> context.kernels().binPairs(a, from, b, from, len,
                        ax.edges, bx.edges, bins, t));
    }

    /**
     * As {@link #jointHistogram(float[], float[], int)} for double images.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @return bins × bins counts
     */
    public int[] jointHistogram(double[] a, double[] b, int bins) {
        checkPair(a == null ? null : a.length, b == null ? null : b.length, bins);
        long ra = Ranges.minMax(a, "a");
        long rb = Ranges.minMax(b, "b");
        return count(a.length, givenAxis(bins, a[lo(ra)], a[hi(ra)], "a"),
                givenAxis(bins, b[lo(rb)], b[hi(rb)], "b"), OutOfRange.IGNORE,
                i -> a[i], i -> b[i], (ax, bx, from, len, t) -> context.kernels().binPairs(a, from, b, from, len,
                        ax.edges, bx.edges, bins, t));
    }

    /**
     * The joint histogram over given ranges: with {@link OutOfRange#IGNORE},
     * {@code np.histogram2d(a, b, bins, range=[[aMin, aMax], [bMin, bMax]])[0]} as ints, row-major, a's bins the
     * rows.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param aMin lower end of a's range
     * @param aMax upper end of a's range
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return bins × bins counts
     */
    public int[] jointHistogram(float[] a, float[] b, int bins, double aMin, double aMax, double bMin,
                                double bMax, OutOfRange outside) {
        checkPair(a == null ? null : a.length, b == null ? null : b.length, bins);
        return count(a.length, givenAxis(bins, aMin, aMax, "a"), givenAxis(bins, bMin, bMax, "b"),
                Objects.requireNonNull(outside, "outside must not be null"), i -> a[i], i -> b[i],
                (ax, bx, from, len, t) -> context.kernels().binPairs(a, from, b, from, len, ax.edges, bx.edges,
                        bins, t));
    }

    /**
     * As {@link #jointHistogram(float[], float[], int, double, double, double, double, OutOfRange)} for double
     * images.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param aMin lower end of a's range
     * @param aMax upper end of a's range
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return bins × bins counts
     */
    public int[] jointHistogram(double[] a, double[] b, int bins, double aMin, double aMax, double bMin,
                                double bMax, OutOfRange outside) {
        checkPair(a == null ? null : a.length, b == null ? null : b.length, bins);
        return count(a.length, givenAxis(bins, aMin, aMax, "a"), givenAxis(bins, bMin, bMax, "b"),
                Objects.requireNonNull(outside, "outside must not be null"), i -> a[i], i -> b[i],
                (ax, bx, from, len, t) -> context.kernels().binPairs(a, from, b, from, len, ax.edges, bx.edges,
                        bins, t));
    }

    // ------------------------------------------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------------------------------------------

    /** Value i of an image, as a double. */
    @FunctionalInterface
    private interface Values {
        double get(int i);
    }

    /** The backend's fused kernel on pairs [from, from + length). */
    @FunctionalInterface
    private interface PairKernel {
        int count(Axis a, Axis b, int from, int length, int[] table);
    }

    private HistogramMutualInformation measures(int[] table, int bins) {
        Kernels k = context.kernels();
        long[] rows = new long[bins];
        long[] cols = new long[bins];
        long n = 0;
        for (int x = 0; x < bins; x++) {
            long r = 0;
            for (int y = 0; y < bins; y++) {
                int c = table[x * bins + y];
                r += c;
                cols[y] += c;
            }
            rows[x] = r;
            n += r;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no pair of a and b is inside the ranges (OutOfRange.IGNORE dropped "
                    + "every pair)");
        }
        double tJoint = k.nLogN(table, 0, table.length);
        double tA = k.nLogN(rows, 0, bins);
        double tB = k.nLogN(cols, 0, bins);
        double hA = PlugInSums.entropy(n, tA);
        double hB = PlugInSums.entropy(n, tB);
        double hAB = PlugInSums.entropy(n, tJoint);
        double mi = PlugInSums.mutualInformation(n, tJoint, tA, tB);
        double nmi = hAB == 0 ? 1.0 : (hA + hB) / hAB;
        double ecc = hA + hB == 0 ? 0.0 : 2 * mi / (hA + hB);
        var unit = context.unit();
        return new HistogramMutualInformation(unit.fromNats(mi), nmi, ecc, unit.fromNats(hA), unit.fromNats(hB),
                unit.fromNats(hAB), n);
    }

    /**
     * Counts every pair into one table: contiguous parts over the context's threads, each counting into its own
     * table through the kernel, which stops at a pair outside a range; that pair is handled here by the policy.
     * A bad pair is recorded per part and the lowest index reported, so the error does not depend on threads.
     */
    private int[] count(int n, Axis ax, Axis bx, OutOfRange outside, Values va, Values vb, PairKernel kernel) {
        int bins = ax.bins;
        int cells = bins * bins;
        Parallelism par = context.parallelism();
        int parts = par.threads() > 1 && n >= Parallelism.MIN_SPLIT ? par.threads() : 1;
        int per = n / parts;
        long[] bad = new long[parts];
        Arrays.fill(bad, Long.MAX_VALUE);
        boolean fast = ax.wellConditioned && bx.wellConditioned;
        List<int[]> tables = par.forEachPart(parts, parts - 1, () -> new int[cells], (table, part) -> {
            int pos = part * per;
            int to = part == parts - 1 ? n : pos + per;
            while (pos < to) {
                int p = pos + (fast ? kernel.count(ax, bx, pos, to - pos, table)
                        : countInside(ax, bx, va, vb, pos, to, table));
                // pairs here from the one outside until RESTART_RUN in a row are inside: restarting the kernel at
                // every pair of a stretch outside the range costs its set-up per pair
                int run = 0;
                for (pos = p; pos < to && run < RESTART_RUN; pos++) {
                    double u = va.get(pos);
                    double v = vb.get(pos);
                    int x = ax.bin(u);
                    int y = bx.bin(v);
                    if ((x | y) >= 0 && x < bins && y < bins) {
                        table[x * bins + y]++;
                        run++;
                        continue;
                    }
                    if (!Double.isFinite(u) || !Double.isFinite(v) || outside == OutOfRange.REJECT) {
                        bad[part] = pos;
                        return;
                    }
                    if (outside == OutOfRange.CLAMP) {
                        table[ax.clampedBin(u) * bins + bx.clampedBin(v)]++;
                    }
                    run = 0;
                }
            }
        });
        long first = Long.MAX_VALUE;
        for (long p : bad) {
            first = Math.min(first, p);
        }
        if (first != Long.MAX_VALUE) {
            throw badPair((int) first, ax, bx, va, vb);
        }
        int[] sum = tables.get(0);
        for (int t = 1; t < tables.size(); t++) {
            int[] other = tables.get(t);
            for (int c = 0; c < cells; c++) {
                sum[c] += other[c];
            }
        }
        return sum;
    }

    /** The kernel's contract for ill-conditioned edges: pairs counted until the first one outside. */
    private static int countInside(Axis ax, Axis bx, Values va, Values vb, int from, int to, int[] table) {
        int bins = ax.bins;
        for (int i = from; i < to; i++) {
            int x = ax.bin(va.get(i));
            int y = bx.bin(vb.get(i));
            if ((x | y) < 0 || x >= bins || y >= bins) {
                return i - from;
            }
            table[x * bins + y]++;
        }
        return to - from;
    }

    private static IllegalArgumentException badPair(int i, Axis ax, Axis bx, Values va, Values vb) {
        double u = va.get(i);
        if (!Double.isFinite(u)) {
            return new IllegalArgumentException("a[" + i + "] = " + u + ": values must be finite");
        }
        double v = vb.get(i);
        if (!Double.isFinite(v)) {
            return new IllegalArgumentException("b[" + i + "] = " + v + ": values must be finite");
        }
        int x = ax.bin(u);
        if (x < 0 || x >= ax.bins) {
            return new IllegalArgumentException("a[" + i + "] = " + u + " is outside the range [" + ax.edges[0] + ", "
                    + ax.edges[ax.bins] + "] (OutOfRange.REJECT)");
        }
        return new IllegalArgumentException("b[" + i + "] = " + v + " is outside the range [" + bx.edges[0] + ", "
                + bx.edges[bx.bins] + "] (OutOfRange.REJECT)");
    }

    private static void checkPair(Integer aLength, Integer bLength, int bins) {
        if (aLength == null) {
            throw new NullPointerException("a must not be null");
        }
        if (bLength == null) {
            throw new NullPointerException("b must not be null");
        }
        if (!aLength.equals(bLength)) {
            throw new IllegalArgumentException("a.length = " + aLength + " but b.length = " + bLength
                    + ": the images must have the same number of voxels");
        }
        if (aLength == 0) {
            throw new IllegalArgumentException("a and b are empty");
        }
        if (bins < 2 || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins = " + bins + ": must be in 2.." + MAX_BINS);
        }
    }

    private static Axis givenAxis(int bins, double min, double max, String name) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("range of " + name + " [" + min + ", " + max + "] is not finite");
        }
        if (min > max) {
            throw new IllegalArgumentException("range of " + name + " [" + min + ", " + max + "]: min > max");
        }
        if (min == max) { // numpy's _get_outer_edges
            min -= 0.5;
            max += 0.5;
        }
        if (!Double.isFinite(max - min)) {
            throw new IllegalArgumentException("range of " + name + " [" + min + ", " + max + "] is wider than the "
                    + "largest double");
        }
        return new Axis(bins, min, max);
    }

    private static int lo(long packed) {
        return (int) (packed >> 32);
    }

    private static int hi(long packed) {
        return (int) packed;
    }
}
