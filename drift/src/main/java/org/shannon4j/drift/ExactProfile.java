package org.shannon4j.drift;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A reference column summarised once for the {@link DriftPreset#EVIDENTLY} rules, so that every current window is
 * compared with it without touching the reference again, with exactly the numbers of
 * {@link Drift#numeric(DriftPreset, DriftMethod, double[], double[], double)} on the reference column itself (bit
 * for bit). Evidently's edges come from reference ∪ current, so no fixed histogram can serve every window; the
 * profile keeps what any edges need: the sorted finite values (a reference count in any bins is then two binary
 * searches per edge), their number, min and max, the distinct values with counts when there are at most 20 (one
 * bin per value), the number of distinct values and a bitmap of them (Hellinger's distinct count), and the
 * population standard deviation of the column in its original order (numpy's pairwise sum depends on the order).
 * 8 bytes per reference value plus up to 2 MiB for the bitmap. For a fixed-size summary with fixed edges, which
 * Evidently's rules cannot use, see {@link BinnedProfile}. Immutable and thread-safe.
 *
 * <h2>Byte format ({@link #toBytes()} / {@link #fromBytes(byte[])}), version 1</h2>
 * What the profile cannot recompute from the sorted values is stored with them: σ, which numpy's pairwise sum
 * takes in the column's original order. The rest (min, max, the distinct values and their number, the bitmap) is
 * recomputed from the sorted values on reading, so a restored profile gives every method the same bits as the
 * original. Big-endian; n = the number of finite reference values; the frame (magic, version, count, checksum) is
 * the one of {@link BinnedProfile}'s format.
 * <table class="striped">
 *   <caption>Layout</caption>
 *   <thead><tr><th>offset</th><th>bytes</th><th>field</th></tr></thead>
 *   <tbody>
 *     <tr><td>0</td><td>4</td><td>magic: the ASCII bytes {@code S4JE} (0x53 0x34 0x4A 0x45)</td></tr>
 *     <tr><td>4</td><td>4</td><td>format version, int32: 1</td></tr>
 *     <tr><td>8</td><td>4</td><td>n, int32 ≥ 1</td></tr>
 *     <tr><td>12</td><td>8</td><td>σ, float64 (the bits of {@link #standardDeviation()}), not negative</td></tr>
 *     <tr><td>20</td><td>8·n</td><td>the finite values, float64, in {@link Arrays#sort(double[])} order
 *         (−0.0 before 0.0)</td></tr>
 *     <tr><td>20 + 8·n</td><td>4</td><td>CRC-32C ({@link java.util.zip.CRC32C}) of bytes 0 to 19 + 8·n</td></tr>
 *   </tbody>
 * </table>
 * Length 24 + 8·n; nothing follows the checksum. {@code fromBytes} rejects anything else with an
 * {@link IllegalArgumentException} saying what is wrong: null, another magic (naming the profile type when it is
 * {@link BinnedProfile}'s), another version, truncated or trailing bytes, a checksum mismatch, a non-finite or
 * out-of-order value (by index), a negative σ.
 */
public final class ExactProfile {

    /** Finite values sorted, a +∞ sentinel at [n] (for the Wasserstein merge). */
    private final double[] sorted;
    private final int n;
    private final ColumnScan scan;
    private final SmallValueSet values;
    private final long distinct;
    private final double std;
    /** Bitmaps by size, made on first use (Hellinger only). */
    private final DistinctLowerBound[] sketches = new DistinctLowerBound[DistinctLowerBound.MAX_LOG_BITS + 1];
    private final EvidentlyRules.Reference side = new Side();

    private ExactProfile(double[] finite) {
        this(sortedWithSentinel(finite), Drift.populationStd(finite));
    }

    /** From the sorted finite values with a +∞ sentinel and the σ of the column in its original order. */
    private ExactProfile(double[] sorted, double std) {
        this.n = sorted.length - 1;
        this.std = std;
        this.sorted = sorted;
        this.scan = new ColumnScan(n, sorted[0], sorted[n - 1]);
        // the same set as from the column in its original order; the sentinel is skipped as non-finite
        this.values = SmallValueSet.of(sorted, EvidentlyRules.MAX_DISTINCT_FOR_VALUE_BINS);
        long d = 1;
        for (int i = 1; i < n; i++) {
            d += sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        this.distinct = d;
    }

    private static double[] sortedWithSentinel(double[] finite) {
        int n = finite.length;
        double[] s = Arrays.copyOf(finite, n + 1);
        Arrays.sort(s, 0, n);
        s[n] = Double.POSITIVE_INFINITY;
        return s;
    }

    /**
     * The profile of a reference column; NaN and ±∞ are dropped, as Evidently drops them.
     *
     * @param reference the reference column
     * @return its profile
     * @throws IllegalArgumentException if the column is empty or has no finite value
     */
    public static ExactProfile of(double[] reference) {
        return new ExactProfile(EvidentlyRules.finite("reference", reference));
    }

    /**
     * The profile of a float reference column (each value widened to double).
     *
     * @param reference the reference column
     * @return its profile
     * @throws IllegalArgumentException if the column is empty or has no finite value
     */
    public static ExactProfile of(float[] reference) {
        Objects.requireNonNull(reference, "reference must not be null");
        return of(widen(reference, new double[reference.length]));
    }

    /**
     * The number of finite reference values.
     *
     * @return the reference's size after dropping NaN and ±∞
     */
    public long size() {
        return n;
    }

    /**
     * The reference's population standard deviation (ddof 0), the divisor of the normed Wasserstein distance.
     *
     * @return σ of the finite reference values
     */
    public double standardDeviation() {
        return std;
    }

    /**
     * The Evidently preset's value and decision for a current window against this reference: the same as
     * {@link Drift#numeric(DriftPreset, DriftMethod, double[], double[], double)} with the reference column.
     *
     * @param family the drift family (its backend computes KL and JS)
     * @param method the drift method
     * @param current the current window (NaN and ±∞ dropped)
     * @param threshold the drift threshold
     * @return the value, the threshold and the decision
     * @throws IllegalArgumentException if the current window is empty or has no finite value, or the threshold
     *     is NaN
     */
    public DriftResult evidently(Drift family, DriftMethod method, double[] current, double threshold) {
        Objects.requireNonNull(family, "family must not be null");
        Objects.requireNonNull(method, "method must not be null");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold = NaN: a drift threshold must be a number");
        }
        method.requireIn(DriftPreset.EVIDENTLY);
        return EvidentlyRules.numeric(family, method, side, EvidentlyRules.finiteScanned("current", current,
                family.context().kernels()), threshold);
    }

    /**
     * This profile as bytes (see the class comment for the format): 24 + 8 bytes per finite reference value.
     *
     * @return the bytes
     * @throws IllegalStateException if they would not fit in a byte array (more than about 268 million values)
     */
    public byte[] toBytes() {
        ByteBuffer b = ProfileBytes.writer(ProfileBytes.Kind.EXACT, n).putDouble(std);
        for (int i = 0; i < n; i++) {
            b.putDouble(sorted[i]);
        }
        return ProfileBytes.seal(b);
    }

    /**
     * A profile from {@link #toBytes()}, which gives every method the same bits as the profile that wrote them.
     *
     * @param bytes the stored profile
     * @return the profile
     * @throws NullPointerException if bytes is null
     * @throws IllegalArgumentException on a wrong magic number or version, a wrong length, a checksum
     *     mismatch, a non-finite or out-of-order value, or a σ the values cannot have (negative, above their
     *     range, or NaN or ∞ where their sums cannot overflow)
     */
    public static ExactProfile fromBytes(byte[] bytes) {
        ByteBuffer b = ProfileBytes.reader(bytes, ProfileBytes.Kind.EXACT, 1);
        int n = b.getInt(ProfileBytes.HEADER - 4);
        double std = b.getDouble();
        if (std < 0) {
            throw new IllegalArgumentException("standard deviation = " + std + " (byte offset "
                    + ProfileBytes.HEADER + "): a stored σ must be >= 0");
        }
        double[] sorted = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double v = b.getDouble();
            if (!Double.isFinite(v) || i > 0 && Double.compare(sorted[i - 1], v) > 0) {
                throw new IllegalArgumentException("values[" + i + "] = " + v + " (byte offset " + (b.position() - 8)
                        + (i > 0 ? ", after " + sorted[i - 1] : "") + "): the stored values must be finite and sorted");
            }
            sorted[i] = v;
        }
        sorted[n] = Double.POSITIVE_INFINITY;
        checkStandardDeviation(std, sorted, n);
        return new ExactProfile(sorted, std);
    }

    /**
     * Whether σ can be that of the values: at most their range (a population σ is at most half of it; the rounded
     * mean of equal values can be an ulp off them, hence the margin), and NaN or ∞ only where numpy's sums can
     * overflow (n·max|v| or n·range² beyond 1e306), as σ of values near ±1.8e308 is.
     */
    private static void checkStandardDeviation(double std, double[] sorted, int n) {
        double range = sorted[n - 1] - sorted[0];
        double largest = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
        boolean overflows = !(n * largest < 1e306 && n * range * range < 1e306);
        boolean fits = Double.isFinite(std) ? !(std > range + 1e-6 * largest) : overflows;
        if (!fits) {
            throw new IllegalArgumentException("standard deviation = " + std + " (byte offset " + ProfileBytes.HEADER
                    + "): not the σ of the stored values, which range over [" + sorted[0] + ", " + sorted[n - 1]
                    + "]");
        }
    }

    /** The reference side of {@link EvidentlyRules}, from the stored summary. */
    private final class Side implements EvidentlyRules.Reference {
        @Override
        public double[] sortedWithSentinel() {
            return sorted;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public double std() {
            return std;
        }

        @Override
        public ColumnScan scan() {
            return scan;
        }

        @Override
        public SmallValueSet values() {
            return values;
        }

        @Override
        public long[] counts(BinLocator bins) {
            return bins.countSorted(sorted, n);
        }

        @Override
        public long[] countsNumpy(double[] edges) {
            return Histogram.countNumpy(sorted, edges, NonFinite.DROP); // the +∞ sentinel lies outside
        }

        @Override
        public DistinctLowerBound sketch(int logBits, long enough) {
            DistinctLowerBound s;
            synchronized (sketches) {
                s = sketches[logBits];
                if (s == null) {
                    s = new DistinctLowerBound(logBits);
                    s.add(sorted); // the +∞ sentinel is skipped as non-finite
                    sketches[logBits] = s;
                }
            }
            return s.copy();
        }

        @Override
        public boolean sketchHashes() {
            return false; // a copy of the stored bitmap
        }

        @Override
        public long distinctUpperBound() {
            return distinct;
        }

        @Override
        public long distinctUnion(double[] sortedCurrent) {
            return EvidentlyRules.distinctUnion(Arrays.copyOf(sorted, n), sortedCurrent).length;
        }
    }

    static double[] widen(float[] a, double[] into) {
        for (int i = 0; i < a.length; i++) {
            into[i] = a[i];
        }
        return into;
    }
}
