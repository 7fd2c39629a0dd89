package org.shannon4j.continuous.registration;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

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
 * are (numpy ≥ 2 does the same; numpy 1.x differs in one case: with a float32 sample and a max that is not a
 * float, its "value on the last edge" test compares in float32, so a value equal to (float) max but below max
 * leaves the last bin for the one before it, or the range when that is the last edge. The max is then a given one,
 * or a measured constant float image's v + ½ where |v| ≥ 2²³: numpy 1.x bins [1e8f, 1e8f, 1e8f] against
 * {0, 1, 2} as [1, 2, 0, 0], numpy 2 and this class as [0, 0, 1, 2]; the entropies are the same). Values outside a
 * given range follow an explicit {@link OutOfRange} policy; {@link OutOfRange#IGNORE} is numpy's. A given range
 * of one value m has numpy's edges m ± ½: IGNORE counts what they hold, CLAMP puts every value in m's bin (the
 * histogram of {@code np.clip(a, m, m)}), REJECT refuses any value but m. NaN and ±∞ are errors.
 *
 * <h2>Measures</h2>
 * From the joint counts c (n pairs counted) through Σ c·ln c sums ({@link PlugInSums}): H(A), H(B), H(A,B) plug-in
 * entropies, I = H(A) + H(B) − H(A,B) in the context's unit; NMI = (H(A) + H(B))/H(A,B) and
 * ECC = 2·I/(H(A) + H(B)), unitless, with NMI = 1 and ECC = 0 when the denominators are 0 (constant images).
 * Rows of the joint histogram are the bins of a, columns those of b.
 *
 * <h2>Speed and threads</h2>
 * One fused pass bins both values and counts the pair ({@link org.shannon4j.spi.CountingKernels#binPairs}, the
 * backend's kernel). Long inputs are split into contiguous parts (up to four per thread) that the context's threads
 * claim one at a time, each thread counting into its own table; the integer tables are added, so results do not
 * depend on the thread count. A measured range costs one more pass (min and max), split the same way.
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
    // Mattes mutual information (Parzen windows)
    // ------------------------------------------------------------------------------------------------------

    /**
     * Mattes mutual information (Mattes et al. 2003) as ITK's {@code MattesMutualInformationImageToImageMetricv4}
     * computes it with every voxel sampled and the identity transform: {@code bins} bins per image over each
     * image's measured range, two of them padding on each side, a cubic B-spline Parzen window for the moving
     * image and a box for the fixed image (see {@link #mattes(double[], double[], int, double[], int)}).
     * ITK's {@code GetValue()} is the negative of this, in nats.
     *
     * @param fixed the fixed image
     * @param moving the moving image, same length
     * @param bins bins per image, 5..4096 (ITK's minimum is 5: four are padding)
     * @return the Parzen-window MI in the context's unit
     * @throws IllegalArgumentException on empty or mismatched arrays, a bad bin count, a NaN or infinite value, or
     *     a constant image (its bin size would be 0)
     */
    public double mattesMutualInformation(double[] fixed, double[] moving, int bins) {
        return mattes(fixed, moving, bins, null, 0).mutualInformation();
    }

    /**
     * As {@link #mattesMutualInformation(double[], double[], int)} for float images (each value read as the
     * double it is, as ITK's {@code RealType} reads it).
     *
     * @param fixed the fixed image
     * @param moving the moving image, same length
     * @param bins bins per image, 5..4096
     * @return the Parzen-window MI in the context's unit
     */
    public double mattesMutualInformation(float[] fixed, float[] moving, int bins) {
        return mattes(fixed, moving, bins, null, 0).mutualInformation();
    }

    /**
     * Mattes mutual information and its derivative with respect to {@code parameters} parameters, given each
     * voxel's term ∂(moving intensity at the voxel)/∂μ: for a transform T(x; μ), the moving image's gradient
     * at the voxel times the transform's Jacobian, Σ_d ∇M[d]·∂T_d/∂μ (for a translation, the gradient itself).
     * The derivative composes those terms with the derivative of the moving image's B-spline window as ITK does
     * for a transform with global support: dMI/dμ = Σ_cells ∂p(f,m)/∂μ · ln(p(f,m)/p_M(m)) with
     * ∂p(f,m)/∂μ = −1/(binSize·n) Σ_voxels term·β³′. ITK's {@code GetDerivative()} is this, in nats (v4 metrics
     * return the negated gradient of their value −MI).
     *
     * <p>Matching ITK to the last bits means its order of operations, so this runs on one thread whatever the
     * context's parallelism (ITK itself differs in the last bits between work-unit counts).
     *
     * @param fixed the fixed image
     * @param moving the moving image, same length
     * @param bins bins per image, 5..4096
     * @param term per-voxel terms, row-major {@code term[i * parameters + μ]}, finite; null for the value alone
     * @param parameters the number of parameters (≥ 1 with terms; ignored without)
     * @return the MI and, with terms, its derivative, in the context's unit
     * @throws IllegalArgumentException as {@link #mattesMutualInformation(double[], double[], int)}, or when
     *     term's length is not n·parameters or a term is not finite
     */
    public MattesMutualInformation mattes(double[] fixed, double[] moving, int bins, double[] term,
                                          int parameters) {
        checkMattes(fixed == null ? null : fixed.length, moving == null ? null : moving.length, bins, term,
                parameters);
        double[] rf = Ranges.minMax(context, fixed, "fixed");
        double[] rm = Ranges.minMax(context, moving, "moving");
        return mattes(fixed.length, bins, i -> fixed[i], rf, i -> moving[i], rm, term, parameters);
    }

    /**
     * As {@link #mattes(double[], double[], int, double[], int)} for float images.
     *
     * @param fixed the fixed image
     * @param moving the moving image, same length
     * @param bins bins per image, 5..4096
     * @param term per-voxel terms, row-major, finite; null for the value alone
     * @param parameters the number of parameters
     * @return the MI and, with terms, its derivative, in the context's unit
     */
    public MattesMutualInformation mattes(float[] fixed, float[] moving, int bins, double[] term, int parameters) {
        checkMattes(fixed == null ? null : fixed.length, moving == null ? null : moving.length, bins, term,
                parameters);
        double[] rf = Ranges.minMax(context, fixed, "fixed");
        double[] rm = Ranges.minMax(context, moving, "moving");
        return mattes(fixed.length, bins, i -> fixed[i], rf, i -> moving[i], rm, term, parameters);
    }

    /**
     * Mattes mutual information of two byte images, the values read as {@code signedness} says: the same bits as
     * {@link #mattesMutualInformation(float[], float[], int)} of the values converted to float (exact), as ITK
     * converts an 8-bit image's pixels to its real type.
     *
     * @param fixed the fixed image
     * @param moving the moving image, same length
     * @param bins bins per image, 5..4096
     * @param signedness how the bits are read
     * @return the Parzen-window MI in the context's unit
     * @throws IllegalArgumentException as {@link #mattesMutualInformation(double[], double[], int)}
     */
    public double mattesMutualInformation(byte[] fixed, byte[] moving, int bins, Signedness signedness) {
        return mattes(fixed, moving, bins, signedness, null, 0).mutualInformation();
    }

    /**
     * As {@link #mattes(float[], float[], int, double[], int)} for byte images read as {@code signedness} says
     * (the same bits as the float form of the values converted to float).
     *
     * @param fixed the fixed image
     * @param moving the moving image, same length
     * @param bins bins per image, 5..4096
     * @param signedness how the bits are read
     * @param term per-voxel terms, row-major, finite; null for the value alone
     * @param parameters the number of parameters
     * @return the MI and, with terms, its derivative, in the context's unit
     */
    public MattesMutualInformation mattes(byte[] fixed, byte[] moving, int bins, Signedness signedness,
                                          double[] term, int parameters) {
        checkMattes(fixed == null ? null : fixed.length, moving == null ? null : moving.length, bins, term,
                parameters);
        int mask = mask(signedness, 0xFF);
        return mattesOfInts(fixed.length, bins, i -> fixed[i] & mask, Ranges.valueRange(fixed, mask),
                i -> moving[i] & mask, Ranges.valueRange(moving, mask), term, parameters);
    }

    /**
     * As {@link #mattesMutualInformation(byte[], byte[], int, Signedness)} for short images (16-bit CT, MR).
     *
     * @param fixed the fixed image
     * @param moving the moving image, same length
     * @param bins bins per image, 5..4096
     * @param signedness how the bits are read
     * @return the Parzen-window MI in the context's unit
     */
    public double mattesMutualInformation(short[] fixed, short[] moving, int bins, Signedness signedness) {
        return mattes(fixed, moving, bins, signedness, null, 0).mutualInformation();
    }

    /**
     * As {@link #mattes(byte[], byte[], int, Signedness, double[], int)} for short images.
     *
     * @param fixed the fixed image
     * @param moving the moving image, same length
     * @param bins bins per image, 5..4096
     * @param signedness how the bits are read
     * @param term per-voxel terms, row-major, finite; null for the value alone
     * @param parameters the number of parameters
     * @return the MI and, with terms, its derivative, in the context's unit
     */
    public MattesMutualInformation mattes(short[] fixed, short[] moving, int bins, Signedness signedness,
                                          double[] term, int parameters) {
        checkMattes(fixed == null ? null : fixed.length, moving == null ? null : moving.length, bins, term,
                parameters);
        int mask = mask(signedness, 0xFFFF);
        return mattesOfInts(fixed.length, bins, i -> fixed[i] & mask, Ranges.valueRange(fixed, mask),
                i -> moving[i] & mask, Ranges.valueRange(moving, mask), term, parameters);
    }

    /**
     * Mattes mutual information of two images in memory segments, read with {@code layout} ({@code JAVA_FLOAT}
     * or {@code JAVA_DOUBLE}, any byte order and alignment): the same bits as the float or double array form of
     * the same values. At most 2³¹ − 1 voxels (the computation runs on one thread in ITK's order).
     *
     * @param fixed the fixed image
     * @param moving the moving image, same byte size
     * @param layout a float or double value layout
     * @param bins bins per image, 5..4096
     * @return the Parzen-window MI in the context's unit
     * @throws IllegalArgumentException as {@link #mattesMutualInformation(double[], double[], int)}, or on a byte
     *     size that is not a whole number of voxels, another layout, or more than 2³¹ − 1 voxels
     */
    public double mattesMutualInformation(MemorySegment fixed, MemorySegment moving, ValueLayout layout,
                                          int bins) {
        return mattes(fixed, moving, layout, bins, null, 0).mutualInformation();
    }

    /**
     * As {@link #mattes(double[], double[], int, double[], int)} for segment images (see
     * {@link #mattesMutualInformation(MemorySegment, MemorySegment, ValueLayout, int)}).
     *
     * @param fixed the fixed image
     * @param moving the moving image, same byte size
     * @param layout a float or double value layout
     * @param bins bins per image, 5..4096
     * @param term per-voxel terms, row-major, finite; null for the value alone
     * @param parameters the number of parameters
     * @return the MI and, with terms, its derivative, in the context's unit
     */
    public MattesMutualInformation mattes(MemorySegment fixed, MemorySegment moving, ValueLayout layout, int bins,
                                          double[] term, int parameters) {
        long n = voxels(fixed, moving, layout, "fixed", "moving");
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("fixed has " + n + " voxels: Mattes MI takes at most "
                    + Integer.MAX_VALUE);
        }
        checkMattes((int) n, (int) n, bins, term, parameters);
        boolean shared = fixed.isAccessibleBy(ANY_OTHER_THREAD) && moving.isAccessibleBy(ANY_OTHER_THREAD);
        double[] rf = Ranges.minMax(context, fixed, layout, n, shared, "fixed");
        double[] rm = Ranges.minMax(context, moving, layout, n, shared, "moving");
        return mattes((int) n, bins, values(fixed, layout), rf, values(moving, layout), rm, term, parameters);
    }

    /** Voxel i of a segment read with a float or double layout. */
    private static Values values(MemorySegment s, ValueLayout layout) {
        return layout instanceof ValueLayout.OfFloat f ? i -> s.getAtIndex(f, i)
                : i -> s.getAtIndex((ValueLayout.OfDouble) layout, i);
    }

    /** Mattes MI of integer voxels, each image's range packed as {@link Ranges#valueRange} packs it. */
    private MattesMutualInformation mattesOfInts(int n, int bins, Values fixed, long fixedRange, Values moving,
                                                 long movingRange, double[] term, int parameters) {
        return mattes(n, bins, fixed, new double[] {lo(fixedRange), hi(fixedRange)}, moving,
                new double[] {lo(movingRange), hi(movingRange)}, term, parameters);
    }

    private MattesMutualInformation mattes(int n, int bins, Values fixed, double[] fixedRange, Values moving,
                                           double[] movingRange, double[] term, int parameters) {
        double fMin = fixedRange[0];
        double fMax = fixedRange[1];
        double mMin = movingRange[0];
        double mMax = movingRange[1];
        if (fMin == fMax) {
            throw new IllegalArgumentException("fixed is constant (every value is " + fMin + "): Mattes MI needs a "
                    + "range to size its bins");
        }
        if (mMin == mMax) {
            throw new IllegalArgumentException("moving is constant (every value is " + mMin + "): Mattes MI needs a "
                    + "range to size its bins");
        }
        checkBinSize("fixed", fMin, fMax, bins);
        checkBinSize("moving", mMin, mMax, bins);
        double[] r = Mattes.compute(n, bins, fixed, fMin, fMax, moving, mMin, mMax, term, parameters);
        var unit = context.unit();
        double[] derivative = new double[r.length - 1];
        for (int mu = 0; mu < derivative.length; mu++) {
            derivative[mu] = unit.fromNats(r[1 + mu]);
        }
        return new MattesMutualInformation(unit.fromNats(r[0]), derivative, n);
    }

    private static void checkMattes(Integer fixedLength, Integer movingLength, int bins, double[] term,
                                    int parameters) {
        if (fixedLength == null) {
            throw new NullPointerException("fixed must not be null");
        }
        if (movingLength == null) {
            throw new NullPointerException("moving must not be null");
        }
        if (!fixedLength.equals(movingLength)) {
            throw new IllegalArgumentException("fixed.length = " + fixedLength + " but moving.length = "
                    + movingLength + ": the images must have the same number of voxels");
        }
        if (fixedLength == 0) {
            throw new IllegalArgumentException("fixed and moving are empty");
        }
        if (bins < 2 * Mattes.PADDING + 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins = " + bins + ": must be in " + (2 * Mattes.PADDING + 1) + ".."
                    + MAX_BINS + " (Mattes MI pads two bins on each side)");
        }
        if (term == null) {
            return;
        }
        if (parameters < 1) {
            throw new IllegalArgumentException("parameters = " + parameters + ": must be >= 1 with terms");
        }
        if ((long) fixedLength * parameters != term.length) {
            throw new IllegalArgumentException("term.length = " + term.length + " but fixed.length · parameters = "
                    + (long) fixedLength * parameters + ": one term per voxel and parameter");
        }
        for (int i = 0; i < term.length; i++) {
            if (!Double.isFinite(term[i])) {
                throw new IllegalArgumentException("term[" + i + "] = " + term[i] + ": terms must be finite");
            }
        }
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
        double[] ra = Ranges.minMax(context, a, "a");
        double[] rb = Ranges.minMax(context, b, "b");
        return count(a.length, givenAxis(bins, ra[0], ra[1], "a"),
                givenAxis(bins, rb[0], rb[1], "b"), OutOfRange.IGNORE,
                i -> a[i], i -> b[i], (ax, bx, from, len, t) -> context.kernels().binPairs(a, from, b, from, len,
                        ax.edges, bx.edges, bins, t), true);
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
        double[] ra = Ranges.minMax(context, a, "a");
        double[] rb = Ranges.minMax(context, b, "b");
        return count(a.length, givenAxis(bins, ra[0], ra[1], "a"),
                givenAxis(bins, rb[0], rb[1], "b"), OutOfRange.IGNORE,
                i -> a[i], i -> b[i], (ax, bx, from, len, t) -> context.kernels().binPairs(a, from, b, from, len,
                        ax.edges, bx.edges, bins, t), true);
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
                        bins, t), true);
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
                        bins, t), true);
    }

    /**
     * The joint histogram of two byte images over each image's measured range, the values read as
     * {@code signedness} says: the counts of {@code np.histogram2d(a.astype(float), b.astype(float), bins)}
     * (numpy's {@code int8} or {@code uint8}), identical to converting to double first. Each of the
     * 2^8 possible values is binned once, into a lookup table; the pass reads the table.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param signedness how the bits are read
     * @return bins × bins counts, row-major, a's bins the rows
     * @throws IllegalArgumentException on empty or mismatched arrays or a bad bin count
     */
    public int[] jointHistogram(byte[] a, byte[] b, int bins, Signedness signedness) {
        checkPair(a == null ? null : a.length, b == null ? null : b.length, bins);
        int mask = mask(signedness, 0xFF);
        long ra = Ranges.valueRange(a, mask);
        long rb = Ranges.valueRange(b, mask);
        return countBytes(a, b, mask, givenAxis(bins, lo(ra), hi(ra), "a"), givenAxis(bins, lo(rb), hi(rb), "b"),
                OutOfRange.IGNORE);
    }

    /**
     * The joint histogram of two byte images over given ranges, as
     * {@link #jointHistogram(double[], double[], int, double, double, double, double, OutOfRange)} of the values
     * converted to double.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param signedness how the bits are read
     * @param aMin lower end of a's range
     * @param aMax upper end of a's range
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return bins × bins counts
     */
    public int[] jointHistogram(byte[] a, byte[] b, int bins, Signedness signedness, double aMin, double aMax,
                                double bMin, double bMax, OutOfRange outside) {
        checkPair(a == null ? null : a.length, b == null ? null : b.length, bins);
        int mask = mask(signedness, 0xFF);
        return countBytes(a, b, mask, givenAxis(bins, aMin, aMax, "a"), givenAxis(bins, bMin, bMax, "b"),
                Objects.requireNonNull(outside, "outside must not be null"));
    }

    /**
     * Every measure of the joint histogram of two byte images over each image's measured range
     * ({@link #jointHistogram(byte[], byte[], int, Signedness)}).
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param signedness how the bits are read
     * @return the measures
     */
    public HistogramMutualInformation measures(byte[] a, byte[] b, int bins, Signedness signedness) {
        return measures(jointHistogram(a, b, bins, signedness), bins);
    }

    /**
     * Every measure of the joint histogram of two byte images over given ranges.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param signedness how the bits are read
     * @param aMin lower end of a's range
     * @param aMax upper end of a's range
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return the measures
     */
    public HistogramMutualInformation measures(byte[] a, byte[] b, int bins, Signedness signedness, double aMin,
                                               double aMax, double bMin, double bMax, OutOfRange outside) {
        return measures(jointHistogram(a, b, bins, signedness, aMin, aMax, bMin, bMax, outside), bins);
    }

    /**
     * The joint histogram of two short images over each image's measured range, the values read as
     * {@code signedness} says: the counts of {@code np.histogram2d(a.astype(float), b.astype(float), bins)}
     * (numpy's {@code int16} or {@code uint16}), identical to converting to double first. Each of the
     * 2^16 possible values is binned once, into a lookup table; the pass reads the table.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param signedness how the bits are read
     * @return bins × bins counts, row-major, a's bins the rows
     * @throws IllegalArgumentException on empty or mismatched arrays or a bad bin count
     */
    public int[] jointHistogram(short[] a, short[] b, int bins, Signedness signedness) {
        checkPair(a == null ? null : a.length, b == null ? null : b.length, bins);
        int mask = mask(signedness, 0xFFFF);
        long ra = Ranges.valueRange(a, mask);
        long rb = Ranges.valueRange(b, mask);
        return countShorts(a, b, mask, givenAxis(bins, lo(ra), hi(ra), "a"), givenAxis(bins, lo(rb), hi(rb), "b"),
                OutOfRange.IGNORE);
    }

    /**
     * The joint histogram of two short images over given ranges, as
     * {@link #jointHistogram(double[], double[], int, double, double, double, double, OutOfRange)} of the values
     * converted to double.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param signedness how the bits are read
     * @param aMin lower end of a's range
     * @param aMax upper end of a's range
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return bins × bins counts
     */
    public int[] jointHistogram(short[] a, short[] b, int bins, Signedness signedness, double aMin, double aMax,
                                double bMin, double bMax, OutOfRange outside) {
        checkPair(a == null ? null : a.length, b == null ? null : b.length, bins);
        int mask = mask(signedness, 0xFFFF);
        return countShorts(a, b, mask, givenAxis(bins, aMin, aMax, "a"), givenAxis(bins, bMin, bMax, "b"),
                Objects.requireNonNull(outside, "outside must not be null"));
    }

    /**
     * Every measure of the joint histogram of two short images over each image's measured range
     * ({@link #jointHistogram(short[], short[], int, Signedness)}).
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param signedness how the bits are read
     * @return the measures
     */
    public HistogramMutualInformation measures(short[] a, short[] b, int bins, Signedness signedness) {
        return measures(jointHistogram(a, b, bins, signedness), bins);
    }

    /**
     * Every measure of the joint histogram of two short images over given ranges.
     *
     * @param a the first image
     * @param b the second image, same length
     * @param bins bins per image, 2..4096
     * @param signedness how the bits are read
     * @param aMin lower end of a's range
     * @param aMax upper end of a's range
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return the measures
     */
    public HistogramMutualInformation measures(short[] a, short[] b, int bins, Signedness signedness, double aMin,
                                               double aMax, double bMin, double bMax, OutOfRange outside) {
        return measures(jointHistogram(a, b, bins, signedness, aMin, aMax, bMin, bMax, outside), bins);
    }

    /**
     * The joint histogram of two images in memory segments (off-heap volumes, mapped files; 512×512×300 and
     * beyond: indices are long) over each image's measured range, counted as
     * {@link #jointHistogram(double[], double[], int)} counts the same values in arrays. The voxels are read
     * with {@code layout}: {@code JAVA_FLOAT} or {@code JAVA_DOUBLE}, in its byte order (and its alignment: the
     * {@code _UNALIGNED} layouts read any segment). Chunks are copied into small heap buffers, each thread its own,
     * and counted by the backend's fused kernel; counts are longs, so no cell overflows. Segments of a confined
     * arena are counted on the calling thread (no other thread may read them).
     *
     * @param a the first image
     * @param b the second image, same byte size
     * @param layout a float or double value layout
     * @param bins bins per image, 2..4096
     * @return bins × bins counts, row-major, a's bins the rows
     * @throws IllegalArgumentException on empty or mismatched segments, a byte size that is not a whole number
     *     of voxels, another layout, a bad bin count, or a NaN or infinite value (named by its voxel index)
     */
    public long[] jointHistogram(MemorySegment a, MemorySegment b, ValueLayout layout, int bins) {
        long n = voxels(a, b, layout, bins);
        boolean shared = a.isAccessibleBy(ANY_OTHER_THREAD) && b.isAccessibleBy(ANY_OTHER_THREAD);
        double[] ra = Ranges.minMax(context, a, layout, n, shared, "a");
        double[] rb = Ranges.minMax(context, b, layout, n, shared, "b");
        return count(a, b, layout, n, givenAxis(bins, ra[0], ra[1], "a"), givenAxis(bins, rb[0], rb[1], "b"),
                OutOfRange.IGNORE);
    }

    /**
     * As {@link #jointHistogram(MemorySegment, MemorySegment, ValueLayout, int)} over given ranges.
     *
     * @param a the first image
     * @param b the second image, same byte size
     * @param layout a float or double value layout
     * @param bins bins per image, 2..4096
     * @param aMin lower end of a's range
     * @param aMax upper end of a's range
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return bins × bins counts
     */
    public long[] jointHistogram(MemorySegment a, MemorySegment b, ValueLayout layout, int bins, double aMin,
                                 double aMax, double bMin, double bMax, OutOfRange outside) {
        long n = voxels(a, b, layout, bins);
        return count(a, b, layout, n, givenAxis(bins, aMin, aMax, "a"), givenAxis(bins, bMin, bMax, "b"),
                Objects.requireNonNull(outside, "outside must not be null"));
    }

    /**
     * Every measure of the joint histogram of two segment images over each image's measured range.
     *
     * @param a the first image
     * @param b the second image, same byte size
     * @param layout a float or double value layout
     * @param bins bins per image, 2..4096
     * @return the measures
     */
    public HistogramMutualInformation measures(MemorySegment a, MemorySegment b, ValueLayout layout, int bins) {
        return measures(jointHistogram(a, b, layout, bins), bins);
    }

    /**
     * Every measure of the joint histogram of two segment images over given ranges.
     *
     * @param a the first image
     * @param b the second image, same byte size
     * @param layout a float or double value layout
     * @param bins bins per image, 2..4096
     * @param aMin lower end of a's range
     * @param aMax upper end of a's range
     * @param bMin lower end of b's range
     * @param bMax upper end of b's range
     * @param outside what to do with a value outside its range
     * @return the measures
     */
    public HistogramMutualInformation measures(MemorySegment a, MemorySegment b, ValueLayout layout, int bins,
                                               double aMin, double aMax, double bMin, double bMax,
                                               OutOfRange outside) {
        return measures(jointHistogram(a, b, layout, bins, aMin, aMax, bMin, bMax, outside), bins);
    }

    // ------------------------------------------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------------------------------------------

    /** Value i of an image, as a double. */
    @FunctionalInterface
    interface Values {
        double get(int i);
    }

    /** The backend's fused kernel on pairs [from, from + length). */
    @FunctionalInterface
    private interface PairKernel {
        int count(Axis a, Axis b, int from, int length, int[] table);
    }

    private HistogramMutualInformation measures(int[] table, int bins) {
        long[] rows = new long[bins];
        long[] cols = new long[bins];
        for (int x = 0; x < bins; x++) {
            long r = 0;
            for (int y = 0; y < bins; y++) {
                int c = table[x * bins + y];
                r += c;
                cols[y] += c;
            }
            rows[x] = r;
        }
        return measures(context.kernels().nLogN(table, 0, table.length), rows, cols);
    }

    private HistogramMutualInformation measures(long[] table, int bins) {
        long[] rows = new long[bins];
        long[] cols = new long[bins];
        for (int x = 0; x < bins; x++) {
            long r = 0;
            for (int y = 0; y < bins; y++) {
                long c = table[x * bins + y];
                r += c;
                cols[y] += c;
            }
            rows[x] = r;
        }
        return measures(context.kernels().nLogN(table, 0, table.length), rows, cols);
    }

    private static int occupied(long[] counts) {
        int occupied = 0;
        for (long c : counts) {
            occupied += c != 0 ? 1 : 0;
        }
        return occupied;
    }

    /** The measures from Σ c·ln c of the joint table and its row and column sums. */
    private HistogramMutualInformation measures(double tJoint, long[] rows, long[] cols) {
        Kernels k = context.kernels();
        int bins = rows.length;
        long n = 0;
        for (long r : rows) {
            n += r;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no pair of a and b is inside the ranges (OutOfRange.IGNORE dropped "
                    + "every pair)");
        }
        double tA = k.nLogN(rows, 0, bins);
        double tB = k.nLogN(cols, 0, bins);
        // an image in one bin has entropy 0 and shares no information: exactly, as ln n − (n·ln n)/n leaves a
        // rounding residue that made two constant images score NMI 2 and ECC 1
        boolean oneA = occupied(rows) == 1;
        boolean oneB = occupied(cols) == 1;
        double hA = oneA ? 0.0 : PlugInSums.entropy(n, tA);
        double hB = oneB ? 0.0 : PlugInSums.entropy(n, tB);
        double hAB = oneA && oneB ? 0.0 : oneA ? hB : oneB ? hA : PlugInSums.entropy(n, tJoint);
        double mi = oneA || oneB ? 0.0 : PlugInSums.mutualInformation(n, tJoint, tA, tB);
        double nmi = hAB == 0 ? 1.0 : (hA + hB) / hAB;
        double ecc = hA + hB == 0 ? 0.0 : 2 * mi / (hA + hB);
        var unit = context.unit();
        return new HistogramMutualInformation(unit.fromNats(mi), nmi, ecc, unit.fromNats(hA), unit.fromNats(hB),
                unit.fromNats(hAB), n);
    }

    // ------------------------------------------------------------------------------------------------------
    // Integer voxels: a lookup table from each possible value to its bin
    // ------------------------------------------------------------------------------------------------------

    private int[] countBytes(byte[] a, byte[] b, int mask, Axis ax, Axis bx, OutOfRange outside) {
        int[] la = lookup(ax, 1 << 8, k -> (byte) k & mask, outside, ax.bins);
        int[] lb = lookup(bx, 1 << 8, k -> (byte) k & mask, outside, 1);
        return count(a.length, ax, bx, outside, i -> a[i] & mask, i -> b[i] & mask,
                (x, y, from, length, table) -> countBytes(a, b, from, length, la, lb, table), false);
    }

    private int[] countShorts(short[] a, short[] b, int mask, Axis ax, Axis bx, OutOfRange outside) {
        int[] la = lookup(ax, 1 << 16, k -> (short) k & mask, outside, ax.bins);
        int[] lb = lookup(bx, 1 << 16, k -> (short) k & mask, outside, 1);
        return count(a.length, ax, bx, outside, i -> a[i] & mask, i -> b[i] & mask,
                (x, y, from, length, table) -> countShorts(a, b, from, length, la, lb, table), false);
    }

    /**
     * The bin of every value an unsigned index k stands for ({@code value.applyAsInt(k)}), times stride (a's
     * entries hold the row's offset); −1 for a value outside the range (the kernel stops there and the policy
     * decides). Under CLAMP every entry is the clamped bin, so nothing is outside.
     */
    private static int[] lookup(Axis axis, int size, IntUnaryOperator value, OutOfRange outside, int stride) {
        int[] table = new int[size];
        for (int k = 0; k < size; k++) {
            double v = value.applyAsInt(k);
            int bin = outside == OutOfRange.CLAMP ? axis.clampedBin(v) : axis.bin(v);
            table[k] = bin < 0 || bin >= axis.bins ? -1 : bin * stride;
        }
        return table;
    }

    /** The binPairs contract through lookup tables: counts until the first pair outside, returns its position. */
    private static int countBytes(byte[] a, byte[] b, int from, int length, int[] la, int[] lb, int[] table) {
        for (int i = 0; i < length; i++) {
            int row = la[a[from + i] & 0xFF];
            int col = lb[b[from + i] & 0xFF];
            if ((row | col) < 0) {
                return i;
            }
            table[row + col]++;
        }
        return length;
    }

    /** As {@link #countBytes(byte[], byte[], int, int, int[], int[], int[])} for shorts. */
    private static int countShorts(short[] a, short[] b, int from, int length, int[] la, int[] lb, int[] table) {
        for (int i = 0; i < length; i++) {
            int row = la[a[from + i] & 0xFFFF];
            int col = lb[b[from + i] & 0xFFFF];
            if ((row | col) < 0) {
                return i;
            }
            table[row + col]++;
        }
        return length;
    }

    // ------------------------------------------------------------------------------------------------------
    // Memory segments: copied a chunk at a time into heap buffers for the backend's fused kernel
    // ------------------------------------------------------------------------------------------------------

    /** Never started: asks a segment whether threads other than its owner may read it. */
    private static final Thread ANY_OTHER_THREAD = Thread.ofVirtual().unstarted(() -> { });

    /**
     * Voxels per copied chunk: at least 2¹⁶, and 8 per cell of the table (a kernel call may set up per-table
     * state, e.g. sub-tables, that only a long run amortises), at most 2²² (32 MB of double buffers a thread).
     */
    private static int chunk(int bins) {
        return (int) Math.min(1 << 22, Math.max(1 << 16, 8L * bins * bins));
    }

    /** Pairs a part counts into its int table before adding it to its long table (no cell can overflow). */
    private static final long FOLD = 1L << 30;

    /** The number of voxels of two segments read with layout (JAVA_FLOAT or JAVA_DOUBLE, any order/alignment). */
    private static long voxels(MemorySegment a, MemorySegment b, ValueLayout layout, int bins) {
        long n = voxels(a, b, layout, "a", "b");
        checkBins(bins);
        return n;
    }

    /** As {@link #voxels(MemorySegment, MemorySegment, ValueLayout, int)}, naming the images aName and bName. */
    private static long voxels(MemorySegment a, MemorySegment b, ValueLayout layout, String aName, String bName) {
        Objects.requireNonNull(a, aName + " must not be null");
        Objects.requireNonNull(b, bName + " must not be null");
        Objects.requireNonNull(layout, "layout must not be null");
        if (!(layout instanceof ValueLayout.OfFloat) && !(layout instanceof ValueLayout.OfDouble)) {
            throw new IllegalArgumentException("layout = " + layout + ": must be a float or double layout");
        }
        long size = layout.byteSize();
        if (a.byteSize() % size != 0) {
            throw new IllegalArgumentException(aName + ".byteSize() = " + a.byteSize() + " is not a multiple of "
                    + layout + "'s " + size + " bytes");
        }
        if (b.byteSize() != a.byteSize()) {
            throw new IllegalArgumentException(aName + ".byteSize() = " + a.byteSize() + " but " + bName
                    + ".byteSize() = " + b.byteSize() + ": the images must have the same number of voxels");
        }
        if (a.byteSize() == 0) {
            throw new IllegalArgumentException(aName + " and " + bName + " are empty");
        }
        return a.byteSize() / size;
    }

    /**
     * As {@link #count} for segments, long-indexed: each part copies chunks into its own heap buffers, counts
     * them with the backend's kernel into an int table and adds that into a long table at least every 2³⁰ pairs.
     */
    private long[] count(MemorySegment a, MemorySegment b, ValueLayout layout, long n, Axis ax, Axis bx,
                         OutOfRange outside) {
        boolean isFloat = layout instanceof ValueLayout.OfFloat;
        long size = layout.byteSize();
        int bins = ax.bins;
        int cells = bins * bins;
        boolean fast = ax.wellConditioned && bx.wellConditioned && byEdges(ax, bx, outside);
        Kernels k = context.kernels();
        Parallelism par = context.parallelism();
        // a confined arena's segments are readable by their owner thread alone: those are counted here
        boolean shared = a.isAccessibleBy(ANY_OTHER_THREAD) && b.isAccessibleBy(ANY_OTHER_THREAD);
        int parts = shared && par.threads() > 1 && n >= Parallelism.MIN_SPLIT
                ? (int) Math.min(par.threads(), n / Parallelism.MIN_CHUNK) : 1;
        long per = n / parts;
        long[] bad = new long[parts];
        int chunk = chunk(bins);
        List<long[]> tables = par.forEachPart(parts, par.threads() - 1, () -> new long[cells], (sum, part) -> {
            long pos = part * per;
            long to = part == parts - 1 ? n : pos + per;
            int[] table = new int[cells];
            float[] fa = isFloat ? new float[chunk] : null;
            float[] fb = isFloat ? new float[chunk] : null;
            double[] da = isFloat ? null : new double[chunk];
            double[] db = isFloat ? null : new double[chunk];
            Values va = isFloat ? i -> fa[i] : i -> da[i];
            Values vb = isFloat ? i -> fb[i] : i -> db[i];
            PairKernel kernel = isFloat
                    ? (x, y, from, length, t) -> k.binPairs(fa, from, fb, from, length, x.edges, y.edges, bins, t)
                    : (x, y, from, length, t) -> k.binPairs(da, from, db, from, length, x.edges, y.edges, bins, t);
            long counted = 0;
            bad[part] = Long.MAX_VALUE;
            for (long c = pos; c < to; c += chunk) {
                int length = (int) Math.min(chunk, to - c);
                MemorySegment.copy(a, layout, c * size, isFloat ? fa : da, 0, length);
                MemorySegment.copy(b, layout, c * size, isFloat ? fb : db, 0, length);
                long p = span(ax, bx, outside, va, vb, kernel, fast, 0, length, table);
                if (p != Long.MAX_VALUE) {
                    bad[part] = c + p;
                    return;
                }
                counted += length;
                if (counted >= FOLD) {
                    fold(table, sum);
                    counted = 0;
                }
            }
            fold(table, sum);
        });
        long first = Arrays.stream(bad).min().orElseThrow();
        if (first != Long.MAX_VALUE) {
            double u = isFloat ? a.getAtIndex((ValueLayout.OfFloat) layout, first)
                    : a.getAtIndex((ValueLayout.OfDouble) layout, first);
            double v = isFloat ? b.getAtIndex((ValueLayout.OfFloat) layout, first)
                    : b.getAtIndex((ValueLayout.OfDouble) layout, first);
            throw badPair(first, u, v, ax, bx);
        }
        long[] sum = tables.get(0);
        for (int t = 1; t < tables.size(); t++) {
            long[] other = tables.get(t);
            for (int c = 0; c < cells; c++) {
                sum[c] += other[c];
            }
        }
        return sum;
    }

    private static void fold(int[] table, long[] sum) {
        for (int c = 0; c < table.length; c++) {
            sum[c] += table[c];
            table[c] = 0;
        }
    }

    /**
     * Counts every pair into one table: contiguous parts ({@link Ranges#parts}) over the context's threads, each
     * thread counting into its own table through the kernel, which stops at a pair outside a range; that pair is handled here by the policy.
     * A bad pair is recorded per part and the lowest index reported, so the error does not depend on threads.
     * {@code edgeKernel}: the kernel bins by the edges, so it may see only well-conditioned ones (others are
     * binned here); a lookup-table kernel takes any.
     */
    private int[] count(int n, Axis ax, Axis bx, OutOfRange outside, Values va, Values vb, PairKernel kernel,
                        boolean edgeKernel) {
        boolean fast = !edgeKernel || ax.wellConditioned && bx.wellConditioned && byEdges(ax, bx, outside);
        int bins = ax.bins;
        int cells = bins * bins;
        Parallelism par = context.parallelism();
        int parts = Ranges.parts(par, n);
        int per = n / parts;
        long[] bad = new long[parts];
        List<int[]> tables = par.forEachPart(parts, par.threads() - 1, () -> new int[cells], (table, part) -> {
            int pos = part * per;
            int to = part == parts - 1 ? n : pos + per;
            bad[part] = span(ax, bx, outside, va, vb, kernel, fast, pos, to, table);
        });
        long first = Arrays.stream(bad).min().orElseThrow();
        if (first != Long.MAX_VALUE) {
            int i = (int) first;
            throw badPair(i, va.get(i), vb.get(i), ax, bx);
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

    /**
     * Counts pairs [pos, to) into table under the policy; returns the index of the first pair that is an error
     * (NaN, ±∞, or outside under REJECT), or Long.MAX_VALUE.
     */
    private static long span(Axis ax, Axis bx, OutOfRange outside, Values va, Values vb, PairKernel kernel,
                             boolean fast, int pos, int to, int[] table) {
        int bins = ax.bins;
        while (pos < to) {
            int p = pos + (fast ? kernel.count(ax, bx, pos, to - pos, table)
                    : countInside(ax, bx, outside, va, vb, pos, to, table));
            // pairs here from the one outside until RESTART_RUN in a row are inside: restarting the kernel at
            // every pair of a stretch outside the range costs its set-up per pair
            int run = 0;
            for (pos = p; pos < to && run < RESTART_RUN; pos++) {
                double u = va.get(pos);
                double v = vb.get(pos);
                int x = ax.bin(u, outside);
                int y = bx.bin(v, outside);
                if ((x | y) >= 0 && x < bins && y < bins) {
                    table[x * bins + y]++;
                    run++;
                    continue;
                }
                if (!Double.isFinite(u) || !Double.isFinite(v) || outside == OutOfRange.REJECT) {
                    return pos;
                }
                if (outside == OutOfRange.CLAMP) {
                    table[ax.clampedBin(u) * bins + bx.clampedBin(v)]++;
                }
                run = 0;
            }
        }
        return Long.MAX_VALUE;
    }

    /** Whether the edges alone bin every pair under the policy (not on a pinned axis under CLAMP or REJECT). */
    private static boolean byEdges(Axis ax, Axis bx, OutOfRange outside) {
        return outside == OutOfRange.IGNORE || !ax.pinned && !bx.pinned;
    }

    /** The kernel's contract for ill-conditioned edges: pairs counted until the first one outside. */
    private static int countInside(Axis ax, Axis bx, OutOfRange outside, Values va, Values vb, int from, int to,
                                   int[] table) {
        int bins = ax.bins;
        for (int i = from; i < to; i++) {
            int x = ax.bin(va.get(i), outside);
            int y = bx.bin(vb.get(i), outside);
            if ((x | y) < 0 || x >= bins || y >= bins) {
                return i - from;
            }
            table[x * bins + y]++;
        }
        return to - from;
    }

    private static IllegalArgumentException badPair(long i, double u, double v, Axis ax, Axis bx) {
        if (!Double.isFinite(u)) {
            return new IllegalArgumentException("a[" + i + "] = " + u + ": values must be finite");
        }
        if (!Double.isFinite(v)) {
            return new IllegalArgumentException("b[" + i + "] = " + v + ": values must be finite");
        }
        int x = ax.bin(u, OutOfRange.REJECT);
        if (x < 0 || x >= ax.bins) {
            return new IllegalArgumentException("a[" + i + "] = " + u + " is outside the range " + ax.range()
                    + " (OutOfRange.REJECT)");
        }
        return new IllegalArgumentException("b[" + i + "] = " + v + " is outside the range " + bx.range()
                + " (OutOfRange.REJECT)");
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
        checkBins(bins);
    }

    /**
     * Mattes' bin size (max − min)/(bins − 4) must be a positive, finite double with a finite min/size (ITK refuses
     * these ranges: "A spacing of 0 is not allowed", or non-finite matrix elements); the sums would be 0 otherwise.
     */
    private static void checkBinSize(String name, double min, double max, int bins) {
        double size = (max - min) / (double) (bins - 2 * Mattes.PADDING);
        if (!(size > 0) || !Double.isFinite(size) || !Double.isFinite(min / size)) {
            throw new IllegalArgumentException("range of " + name + " [" + min + ", " + max + "]: its Mattes bin size "
                    + "(max - min)/" + (bins - 2 * Mattes.PADDING) + " = " + size + " is "
                    + (size > 0 && Double.isFinite(size) ? "too small for the values" : size == 0 ? "0"
                            : "not finite") + ": rescale the image");
        }
    }

    private static void checkBins(int bins) {
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
        double clipLo = min;
        double clipHi = max;
        if (min == max) { // numpy's _get_outer_edges
            min -= 0.5;
            max += 0.5;
        }
        if (!Double.isFinite(max - min)) {
            throw new IllegalArgumentException("range of " + name + " [" + min + ", " + max + "] is wider than the "
                    + "largest double");
        }
        return new Axis(bins, min, max, clipLo, clipHi);
    }

    private static int mask(Signedness signedness, int unsigned) {
        return Objects.requireNonNull(signedness, "signedness must not be null") == Signedness.UNSIGNED ? unsigned
                : -1;
    }

    private static int lo(long packed) {
        return (int) (packed >> 32);
    }

    private static int hi(long packed) {
        return (int) packed;
    }
}
