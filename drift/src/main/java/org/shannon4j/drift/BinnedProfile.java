package org.shannon4j.drift;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

import org.shannon4j.spi.CountingKernels;

/**
 * A compact reference profile: fixed edges (from the reference by a {@link BinRule}, or given), the count of each
 * bin, and three leftover counts: values below the first edge, above the last, and NaN or ±∞. A current window
 * is counted into the same bins plus the below/above leftovers (NannyML's extra bin for values outside the
 * reference's edges, split by side), and a measure compares the two share vectors. Its size is the bins', whatever
 * the reference's length; profiles with the same edges {@link #merge merge} (the counts add, so a profile of
 * many batches equals the profile of their concatenation), and {@link #toBytes()} / {@link #fromBytes(byte[])}
 * store one. Unlike {@link ExactProfile}, it cannot reproduce Evidently's rules, whose edges depend on the current
 * window too. Immutable and thread-safe.
 *
 * <h2>Byte format ({@link #toBytes()} / {@link #fromBytes(byte[])}), version 2</h2>
 * Big-endian; b = the number of bins. The frame (magic, version, count, checksum) is the one of
 * {@link ExactProfile}'s format.
 * <table class="striped">
 *   <caption>Layout</caption>
 *   <thead><tr><th>offset</th><th>bytes</th><th>field</th></tr></thead>
 *   <tbody>
 *     <tr><td>0</td><td>4</td><td>magic: the ASCII bytes {@code S4JB} (0x53 0x34 0x4A 0x42)</td></tr>
 *     <tr><td>4</td><td>4</td><td>format version, int32: 2</td></tr>
 *     <tr><td>8</td><td>4</td><td>b, int32 ≥ 1</td></tr>
 *     <tr><td>12</td><td>8·(b + 1)</td><td>the edges, float64, finite and strictly increasing</td></tr>
 *     <tr><td>20 + 8·b</td><td>8·b</td><td>the count of each bin, int64 ≥ 0</td></tr>
 *     <tr><td>20 + 16·b</td><td>24</td><td>below, above, nonFinite: int64 ≥ 0 each</td></tr>
 *     <tr><td>44 + 16·b</td><td>4</td><td>CRC-32C ({@link java.util.zip.CRC32C}) of bytes 0 to 43 + 16·b</td></tr>
 *   </tbody>
 * </table>
 * Length 48 + 16·b; nothing follows the checksum. {@code fromBytes} rejects anything else with an
 * {@link IllegalArgumentException} saying what is wrong: null, another magic (naming the profile type when it is
 * {@link ExactProfile}'s), another version, truncated or trailing bytes, a checksum mismatch, bad edges, a
 * negative count. Version 1 (before 0.1.0 was released: no checksum) is not read.
 */
public final class BinnedProfile {

    private final double[] edges;
    private final long[] counts;
    private final long below;
    private final long above;
    private final long nonFinite;
    private final BinLocator locator;

    private BinnedProfile(double[] edges, long[] counts, long below, long above, long nonFinite) {
        long total = Math.addExact(Math.addExact(below, above), nonFinite);
        for (long c : counts) {
            total = Math.addExact(total, c); // the shares divide by the total: it must be a long
        }
        this.edges = edges;
        this.counts = counts;
        this.below = below;
        this.above = above;
        this.nonFinite = nonFinite;
        this.locator = new BinLocator(edges);
    }

    /**
     * The profile of a reference column with edges by {@code rule} over its finite values (numpy's
     * {@code histogram_bin_edges} of {@code a[np.isfinite(a)]}); NaN and ±∞ are counted as non-finite.
     *
     * @param reference the reference column, with at least one finite value
     * @param rule the binning rule
     * @return the profile
     * @throws IllegalArgumentException if the column is empty or has no finite value
     */
    public static BinnedProfile of(double[] reference, BinRule rule) {
        return withEdges(BinEdges.of(reference, rule, NonFinite.DROP)).accumulator().accept(reference).toProfile();
    }

    /**
     * {@link #of(double[], BinRule)} for a float column (its values widened to double for the edges).
     *
     * @param reference the reference column, with at least one finite value
     * @param rule the binning rule
     * @return the profile
     * @throws IllegalArgumentException if the column is empty or has no finite value
     */
    public static BinnedProfile of(float[] reference, BinRule rule) {
        Objects.requireNonNull(reference, "reference must not be null");
        double[] edges = BinEdges.of(ExactProfile.widen(reference, new double[reference.length]), rule,
                NonFinite.DROP);
        return withEdges(edges).accumulator().accept(reference).toProfile();
    }

    /**
     * The empty profile of the given edges (all counts 0), to fill with an {@link #accumulator()}.
     *
     * @param edges at least two finite, strictly increasing edges (copied)
     * @return the empty profile
     * @throws IllegalArgumentException on bad edges
     */
    public static BinnedProfile withEdges(double[] edges) {
        Objects.requireNonNull(edges, "edges must not be null");
        BinEdges.checkEdges(edges, "edges");
        return new BinnedProfile(edges.clone(), new long[edges.length - 1], 0, 0, 0);
    }

    /** The number of bins. */
    int bins() {
        return counts.length;
    }

    /**
     * A copy of the edges.
     *
     * @return a copy of the edges
     */
    public double[] edges() {
        return edges.clone();
    }

    /**
     * A copy of the count of each bin.
     *
     * @return a copy of the count of each bin
     */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The number of finite values below the first edge.
     *
     * @return the number of finite values below the first edge
     */
    public long below() {
        return below;
    }

    /**
     * The number of finite values above the last edge.
     *
     * @return the number of finite values above the last edge
     */
    public long above() {
        return above;
    }

    /**
     * The number of NaN and ±∞ values.
     *
     * @return the number of NaN and ±∞ values
     */
    public long nonFinite() {
        return nonFinite;
    }

    /**
     * The number of finite values (in a bin or a leftover).
     *
     * @return the number of finite values (in a bin or a leftover)
     */
    public long finite() {
        long t = below + above;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /**
     * The profile of both profiles' data: the counts added.
     *
     * @param other a profile with the same edges, bit for bit
     * @return the merged profile
     * @throws IllegalArgumentException naming the first edge that differs, or the bin counts
     * @throws ArithmeticException if the counts add up beyond {@code Long.MAX_VALUE}
     */
    public BinnedProfile merge(BinnedProfile other) {
        Objects.requireNonNull(other, "other must not be null");
        checkSameEdges(other.edges);
        long[] sum = new long[counts.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(counts[i], other.counts[i]);
        }
        return new BinnedProfile(edges, sum, Math.addExact(below, other.below), Math.addExact(above, other.above),
                Math.addExact(nonFinite, other.nonFinite));
    }

    private void checkSameEdges(double[] e) {
        if (e.length != edges.length) {
            throw new IllegalArgumentException("other has " + (e.length - 1) + " bins and this profile "
                    + (edges.length - 1) + ": profiles merge only with the same edges");
        }
        for (int i = 0; i < e.length; i++) {
            if (Double.doubleToLongBits(e[i]) != Double.doubleToLongBits(edges[i])) {
                throw new IllegalArgumentException("other's edges[" + i + "] = " + e[i] + " but this profile's = "
                        + edges[i] + ": profiles merge only with the same edges");
            }
        }
    }

    /**
     * A mutable accumulator starting from this profile's counts, in the style of Commons Statistics' statistics
     * ({@code accept} values, {@code combine} another accumulator of the same edges): one per thread or batch, then
     * combined. Not thread-safe.
     *
     * @return a new accumulator
     */
    public Accumulator accumulator() {
        return new Accumulator(this);
    }

    /** Counts values into a profile's bins; see {@link BinnedProfile#accumulator()}. */
    public static final class Accumulator implements java.util.function.DoubleConsumer {
        private final BinnedProfile base;
        private final long[] counts;
        private long below;
        private long above;
        private long nonFinite;

        private Accumulator(BinnedProfile base) {
            this.base = base;
            this.counts = base.counts.clone();
            this.below = base.below;
            this.above = base.above;
            this.nonFinite = base.nonFinite;
        }

        @Override
        public void accept(double value) {
            BinLocator l = base.locator;
            if (l.inRange(value)) {
                counts[l.bin(value)]++;
            } else if (!Double.isFinite(value)) {
                nonFinite++;
            } else if (value < base.edges[0]) {
                below++;
            } else {
                above++;
            }
        }

        /**
         * Counts every value.
         *
         * @param values the values
         * @return this accumulator
         */
        public Accumulator accept(double[] values) {
            Objects.requireNonNull(values, "values must not be null");
            add(base.locator.countInto(values, 0, values.length, counts, false));
            return this;
        }

        /**
         * Counts every float value (compared as the double it is).
         *
         * @param values the values
         * @return this accumulator
         */
        public Accumulator accept(float[] values) {
            Objects.requireNonNull(values, "values must not be null");
            add(base.locator.countInto(values, 0, values.length, counts, false));
            return this;
        }

        private void add(long[] leftovers) {
            below += leftovers[0];
            above += leftovers[1];
            nonFinite += leftovers[2];
        }

        /**
         * Adds another accumulator's counts (beyond their common starting profile's, which is counted once).
         *
         * @param other an accumulator of a profile with the same edges
         * @return this accumulator
         * @throws IllegalArgumentException if the edges differ
         */
        public Accumulator combine(Accumulator other) {
            Objects.requireNonNull(other, "other must not be null");
            base.checkSameEdges(other.base.edges);
            BinnedProfile b = other.base;
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i] - b.counts[i];
            }
            below += other.below - b.below;
            above += other.above - b.above;
            nonFinite += other.nonFinite - b.nonFinite;
            return this;
        }

        /**
         * The profile of the counts so far.
         *
         * @return the profile of the counts so far
         */
        public BinnedProfile toProfile() {
            return new BinnedProfile(base.edges, counts.clone(), below, above, nonFinite);
        }
    }

    /**
     * This profile as bytes (see the class comment for the format).
     *
     * @return the bytes
     */
    public byte[] toBytes() {
        ByteBuffer b = ProfileBytes.writer(ProfileBytes.Kind.BINNED, counts.length);
        for (double e : edges) {
            b.putDouble(e);
        }
        for (long c : counts) {
            b.putLong(c);
        }
        b.putLong(below).putLong(above).putLong(nonFinite);
        return ProfileBytes.seal(b);
    }

    /**
     * A profile from {@link #toBytes()}.
     *
     * @param bytes the stored profile
     * @return the profile
     * @throws NullPointerException if bytes is null
     * @throws IllegalArgumentException on a wrong magic number or version, a wrong length, a checksum
     *     mismatch, bad edges, a negative count or counts adding up beyond {@code Long.MAX_VALUE}
     */
    public static BinnedProfile fromBytes(byte[] bytes) {
        ByteBuffer b = ProfileBytes.reader(bytes, ProfileBytes.Kind.BINNED, 1);
        int bins = b.getInt(ProfileBytes.HEADER - 4);
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = b.getDouble();
        }
        BinEdges.checkEdges(edges, "edges");
        long[] counts = new long[bins];
        for (int i = 0; i < bins; i++) {
            counts[i] = ProfileBytes.nonNegative(b.getLong(), "counts[" + i + "]");
        }
        long below = ProfileBytes.nonNegative(b.getLong(), "below");
        long above = ProfileBytes.nonNegative(b.getLong(), "above");
        long nonFinite = ProfileBytes.nonNegative(b.getLong(), "nonFinite");
        try {
            return new BinnedProfile(edges, counts, below, above, nonFinite);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("counts: the stored counts add up beyond Long.MAX_VALUE, which no"
                    + " profile holds", e);
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // Drift of a current window
    // ----------------------------------------------------------------------------------------------------

    /**
     * The locator of this profile's edges with a backend's kernels: equal-width edges (Sturges', and the other
     * rules over a range) are then binned by the backend's byte-code kernels; others by the plain loop. Made per
     * use (O(bins)), as the profile itself holds no backend.
     */
    BinLocator locator(CountingKernels kernels) {
        return new BinLocator(edges, kernels);
    }

    /**
     * A current window's counts in this profile's layout: {below, bins..., above, nonFinite}, by the given
     * locator of this profile's edges.
     */
    long[] currentCounts(double[] current, BinLocator by) {
        long[] c = new long[counts.length + 3];
        long[] left = by.countInto(current, 0, current.length, c, false);
        return layout(c, left);
    }

    /** Adds the counts of current[from, to) into {@code into}, by the given locator of this profile's edges. */
    long[] currentCounts(float[] current, int from, int to, long[] into, BinLocator by) {
        long[] left = by.countInto(current, from, to, into, false);
        into[counts.length] += left[0];
        into[counts.length + 1] += left[1];
        into[counts.length + 2] += left[2];
        return into;
    }

    private long[] layout(long[] c, long[] left) {
        c[counts.length] = left[0];
        c[counts.length + 1] = left[1];
        c[counts.length + 2] = left[2];
        return c;
    }

    /**
     * The drift of a current window's counts (from {@link #currentCounts}: bins, then below, above, nonFinite)
     * against this profile: both as shares of their finite values over the bins and the below/above leftovers
     * (a leftover empty on both sides left out), then the method's measure in nats under NORMALIZE:
     * PSI and KL after the {@code fill}, the JS distance (scipy's jensenshannon, base e) and the Hellinger
     * distance on the shares as they are.
     */
    double measure(Drift family, DriftMethod method, EmptyBins fill, long[] current) {
        int bins = counts.length;
        long curFinite = 0;
        for (int i = 0; i < bins + 2; i++) {
            curFinite += current[i];
        }
        long refFinite = finite();
        if (refFinite == 0) {
            throw new IllegalArgumentException("the profile has no finite value: no distribution to compare");
        }
        if (curFinite == 0) {
            throw new IllegalArgumentException("current has no finite value (" + current[bins + 2]
                    + " NaN or infinite values): no distribution to compare");
        }
        boolean withBelow = below + current[bins] > 0;
        boolean withAbove = above + current[bins + 1] > 0;
        int m = bins + (withBelow ? 1 : 0) + (withAbove ? 1 : 0);
        long[] r = new long[m];
        long[] q = new long[m];
        int k = 0;
        if (withBelow) {
            r[k] = below;
            q[k++] = current[bins];
        }
        System.arraycopy(counts, 0, r, k, bins);
        System.arraycopy(current, 0, q, k, bins);
        k += bins;
        if (withAbove) {
            r[k] = above;
            q[k] = current[bins + 1];
        }
        double[] p = Drift.shares(r, refFinite);
        double[] c = Drift.shares(q, curFinite);
        Drift scipy = family.scipy();
        return switch (method) {
            case PSI -> scipy.psi(fill.apply(p), fill.apply(c));
            case KL_DIV -> scipy.klDivergence(fill.apply(p), fill.apply(c));
            case JENSENSHANNON -> scipy.jsDistance(p, c, Math.E);
            case HELLINGER -> scipy.hellingerDistance(p, c);
            default -> throw new IllegalArgumentException("method = " + method
                    + ": needs the samples, not a binned profile (use an ExactProfile)");
        };
    }

    /**
     * The drift of a current window against this profile (see the class comment): shares over the bins and the
     * below/above leftovers (one empty on both sides left out), NaN and ±∞ not counted; PSI and KL (nats) after
     * {@code fill}; JS distance (base e) and Hellinger on the shares as they are.
     *
     * @param family the drift family
     * @param method PSI, KL_DIV, JENSENSHANNON or HELLINGER
     * @param fill the empty-bin policy for PSI and KL
     * @param current the current window, with at least one finite value
     * @param threshold the drift threshold (drift is value ≥ threshold)
     * @return the value, the threshold and the decision
     * @throws IllegalArgumentException for another method, an empty or all-non-finite window, a NaN threshold
     */
    public DriftResult drift(Drift family, DriftMethod method, EmptyBins fill, double[] current, double threshold) {
        Objects.requireNonNull(current, "current must not be null");
        return result(method, measure(family, method, fill,
                currentCounts(current, locator(family.context().kernels()))), threshold);
    }

    static DriftResult result(DriftMethod method, double value, double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold = NaN: a drift threshold must be a number");
        }
        return new DriftResult(method, value, threshold, value >= threshold);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinnedProfile p && Arrays.equals(edges, p.edges) && Arrays.equals(counts, p.counts)
                && below == p.below && above == p.above && nonFinite == p.nonFinite;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(edges), Arrays.hashCode(counts), below, above, nonFinite);
    }
}
