package org.shannon4j.spi;

/**
 * The counting kernels of the mutual-information family: label range, count scatters into dense tables, dense
 * codes for wide label ranges, the row bitsets of a byte column's levels, joint counts of two families of row
 * bitsets, and Σ n·ln n over count tables. They follow the ranges and threads contract written on {@link Kernels}.
 * Every method's default is the reference plain-Java loop (JDK only: the dense codes use an open-addressing hash
 * table of primitive keys, no third-party type).
 *
 * <p>Where a new kernel goes: one default method in its family interface, implemented by the reference code;
 * a backend overrides it only where it vectorises it; the conformance suite picks it up.
 */
public interface CountingKernels {

    // Label arrays hold arbitrary ints. The api finds their range with minMax; a small range is counted
    // directly into a dense, caller-owned table (countPairs, x − xMin indexing rows), a wide one is first
    // turned into dense codes 0..k−1 (denseCodes, densePairCodes: a hash table inside the backend). Count
    // tables are then reduced with nLogN. A table whose ints miss the L2 cache but whose bytes fit it is counted in
    // bytes with the wraps carried into the int table (countPairsLowBytes), then folded by the caller.
    // Count methods add to the table (they do not clear it) and never read outside [offset, offset+length).

    /**
     * The minimum and maximum of {@code a[offset .. offset+length)}, packed as
     * {@code ((long) min << 32) | (max & 0xFFFFFFFFL)}.
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @return min and max packed in a long
     */
    default long minMax(int[] a, int offset, int length) {
        return Counting.minMax(a, offset, length);
    }

    /**
     * The least and greatest {@link KernelMath#floatKey} of {@code a[offset .. offset+length)}, packed as
     * {@link #minMax} packs them ({@code Integer.MAX_VALUE} and {@code MIN_VALUE} when length is 0). The keys
     * order the floats as {@link Math#min(float, float)} does (−0.0 below +0.0) and put ±∞ and NaN at the
     * ends, so the image's range and whether it holds a non-finite value come out of one pass: the measured
     * range of an image.
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @return the least and greatest key packed in a long
     */
    default long minMaxKeys(float[] a, int offset, int length) {
        return Counting.minMaxKeys(a, offset, length);
    }

    /**
     * As {@link #minMaxKeys(float[], int, int)} for doubles and {@link KernelMath#doubleKey}: the least key into
     * {@code keys[0]} and the greatest into {@code keys[1]} ({@code Long.MAX_VALUE} and {@code MIN_VALUE} when
     * length is 0).
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @param keys receives the least and the greatest key
     */
    default void minMaxKeys(double[] a, int offset, int length, long[] keys) {
        Counting.minMaxKeys(a, offset, length, keys);
    }

    /**
     * Adds 1 to {@code table[(a[offset+i] − min)]} for each i. The caller guarantees every index is inside
     * the table (it has checked the range with {@link #minMax}).
     *
     * @param a the values
     * @param offset index of the first element read
     * @param min the smallest label (index 0 of the table)
     * @param length number of elements read
     * @param table the count table to add into
     */
    default void count(int[] a, int offset, int min, int length, int[] table) {
        Counting.count(a, offset, min, length, table);
    }

    /**
     * Adds 1 to {@code table[(x[xOffset+i] − xMin)·cols + (y[yOffset+i] − yMin)]} for each i (a row-major
     * contingency table, x indexing rows). The caller guarantees every index is inside the table.
     *
     * @param x the first labels
     * @param xOffset index of the first label of x
     * @param xMin the smallest x label
     * @param y the second labels
     * @param yOffset index of the first label of y
     * @param yMin the smallest y label
     * @param cols number of columns of the table
     * @param length number of elements read
     * @param table the count table to add into
     */
    default void countPairs(int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols, int length,
            int[] table) {
        Counting.countPairs(x, xOffset, xMin, y, yOffset, yMin, cols, length, table);
    }

    /**
     * As {@link #countPairs} with the low 8 bits of each cell's count held in a byte table: for each i, with c
     * the cell index of {@code countPairs}, {@code low[c]} is incremented (modulo 256) and, each time it wraps to
     * 0, 256 is added to {@code table[c]}. So every pair adds exactly 1 to {@code table[c] + (low[c] & 0xFF)},
     * and the caller folds {@code low} into {@code table} at the end. A table of 1 byte per cell stays in a
     * cache level that one of 4 bytes per cell outgrows (1000 × 1000 labels: 1 MB against 4 MB); the wrap is
     * rare, so {@code table} is barely touched. {@code low.length} and {@code table.length} both cover every
     * cell index.
     *
     * @param x the first labels
     * @param xOffset index of the first label of x
     * @param xMin the smallest x label
     * @param y the second labels
     * @param yOffset index of the first label of y
     * @param yMin the smallest y label
     * @param cols number of columns of the table
     * @param length number of elements read
     * @param low the low 8 bits of each cell's count, as unsigned bytes
     * @param table receives 256 per wrap of the cell's low byte
     */
    default void countPairsLowBytes(int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols,
            int length, byte[] low, int[] table) {
        Counting.countPairsLowBytes(x, xOffset, xMin, y, yOffset, yMin, cols, length, low, table);
    }

    /**
     * Dense codes of arbitrary labels: writes to {@code codes[i]} the index, in order of first appearance, of
     * {@code a[offset+i]} among the distinct values, and returns the number of distinct values.
     * {@code codes.length >= length}.
     *
     * @param a the values
     * @param offset index of the first element read
     * @param length number of elements read
     * @param codes receives the dense code of each element
     * @return the number of distinct values
     */
    default int denseCodes(int[] a, int offset, int length, int[] codes) {
        return Counting.denseCodes(a, offset, length, codes);
    }

    /**
     * Dense codes of label pairs: as {@link #denseCodes} for the pairs {@code (x[xOffset+i], y[yOffset+i])}.
     * The pair (x, y) of the same index may be read before {@code codes[i]} is written, so {@code codes} may be
     * the {@code x} or {@code y} array itself (with offset 0).
     *
     * @param x the first labels
     * @param xOffset index of the first label of x
     * @param y the second labels
     * @param yOffset index of the first label of y
     * @param length number of elements read
     * @param codes receives the dense code of each element
     * @return the number of distinct pairs
     */
    default int densePairCodes(int[] x, int xOffset, int[] y, int yOffset, int length, int[] codes) {
        return Counting.densePairCodes(x, xOffset, y, yOffset, length, codes);
    }

    /**
     * Adds to counts[i·zSets + j], for every i &lt; xSets and j &lt; zSets, the number of bits set in both bitset i of x
     * and bitset j of z: Σ_{w &lt; words} popcount(x[xOffset + i·words + w] &amp; z[zOffset + j·words + w]). A bitset is
     * a set of rows (bit b of word w is row 64·w + b), so counts becomes the joint count table of two families of
     * row sets, e.g. a feature's levels against the levels of (another feature, target). The caller guarantees the
     * ranges are inside the arrays and counts.length &gt;= xSets·zSets; counts is added into, not cleared.
     *
     * @param x the first family: xSets bitsets of {@code words} words each, one after the other
     * @param xOffset index of the first word of bitset 0 of x
     * @param xSets number of bitsets in x (the rows of counts)
     * @param z the second family: zSets bitsets of {@code words} words each, one after the other
     * @param zOffset index of the first word of bitset 0 of z
     * @param zSets number of bitsets in z (the columns of counts)
     * @param words number of 64-bit words of every bitset
     * @param counts the row-major xSets × zSets table to add into
     */
    default void intersectionCounts(long[] x, int xOffset, int xSets, long[] z, int zOffset, int zSets, int words,
            long[] counts) {
        Counting.intersectionCounts(x, xOffset, xSets, z, zOffset, zSets, words, counts);
    }

    /**
     * Adds row i (bit i mod 64 of word i/64, i counted from 0 at {@code codes[offset]}) to bitset v of bits — the
     * words {@code bits[bitsOffset + v·words .. + words)} — for every i &lt; length whose code
     * {@code v = codes[offset + i] & 0xFF} is below sets: the row sets of the first {@code sets} levels of a
     * byte-coded column, the input of {@link #intersectionCounts}. Bits are ORed in (nothing is cleared); no other
     * word and no bit of a row ≥ length is changed. The caller guarantees {@code words >= ⌈length/64⌉} and the
     * ranges inside the arrays.
     *
     * @param codes the codes, read unsigned (0..255)
     * @param offset index of the code of row 0
     * @param length number of rows
     * @param sets number of bitsets written: the levels 0 .. sets−1 (codes ≥ sets are in none)
     * @param bits the family of {@code sets} bitsets of {@code words} words each, one after the other
     * @param bitsOffset index of the first word of bitset 0
     * @param words number of 64-bit words of every bitset
     */
    default void levelSets(byte[] codes, int offset, int length, int sets, long[] bits, int bitsOffset, int words) {
        Counting.levelSets(codes, offset, length, sets, bits, bitsOffset, words);
    }

    /**
     * Groups byte codes by class, keeping row order within a class: for each class g &lt; classes, the codes
     * {@code codes[offset + i]} of the rows i &lt; length in class g are written, in increasing i, to
     * {@code out[starts[g]], out[starts[g] + 1], …}, and {@code starts[g]} is advanced past them. Row i is in class g
     * when bit i mod 64 of word {@code classMasks[g·⌈length/64⌉ + i/64]} is set; the caller guarantees that every
     * row is in exactly one class, that no bit of a row ≥ length is set, that the classes' ranges of out do not
     * overlap and lie inside out. No other element of out is written. A feature selection splits every column's
     * codes by the target's class before making its level sets ({@link #levelSets}) per class.
     *
     * @param codes the codes
     * @param offset index of the code of row 0
     * @param length number of rows
     * @param classMasks the classes' row bitsets, ⌈length/64⌉ words each, one after the other
     * @param classes number of classes
     * @param starts per class, the index in out of its first code; advanced by the number of its rows
     * @param out the codes by class
     */
    default void splitByClass(byte[] codes, int offset, int length, long[] classMasks, int classes, int[] starts,
            byte[] out) {
        Counting.splitByClass(codes, offset, length, classMasks, classes, starts, out);
    }

    /**
     * The bit planes of a byte-coded column's first {@code sets} levels, the input of {@link #decodePlanes}: for
     * every i &lt; length whose code {@code v = codes[offset + i] & 0xFF} is below sets, row i (bit i mod 64 of word
     * i/64, i counted from 0 at {@code codes[offset]}) is ORed into plane q — the words
     * {@code bits[bitsOffset + q·words .. + words)} — for every bit q set in v + 1; rows of other codes are in no
     * plane. There are ⌈log2(sets + 1)⌉ planes; no other word and no bit of a row ≥ length is changed. The caller
     * guarantees {@code 1 <= sets <= 255}, {@code words >= ⌈length/64⌉} and the ranges inside the arrays.
     *
     * @param codes the codes, read unsigned (0..255)
     * @param offset index of the code of row 0
     * @param length number of rows
     * @param sets number of levels coded: 0 .. sets−1, as 1 .. sets (codes ≥ sets are in no plane)
     * @param bits the planes, ⌈log2(sets + 1)⌉ bitsets of {@code words} words each, one after the other
     * @param bitsOffset index of the first word of plane 0
     * @param words number of 64-bit words of every plane
     */
    default void levelPlanes(byte[] codes, int offset, int length, int sets, long[] bits, int bitsOffset,
            int words) {
        Counting.levelPlanes(codes, offset, length, sets, bits, bitsOffset, words);
    }

    /**
     * Whether this backend's bitset kernels ({@link #intersectionCounts}, {@link #decodePlanes}) count faster than
     * their bitsets stream from memory, so that an engine whose bitsets exceed the caches saves time by storing them
     * as bit planes and decoding them: a property of the backend, not a kernel, and no result depends on it. The
     * reference's scalar popcount loops are the bound themselves: false.
     *
     * @return whether bit planes pay for their decoding on this backend
     */
    default boolean bitsetsMemoryBound() {
        return false;
    }

    /**
     * Decodes a family of row sets stored as bit planes: for every a &lt; outSets and w &lt; words, word w of set a,
     * {@code out[outOffset + a·words + w]}, becomes the rows whose plane code is a + 1, the code of a row being the
     * number whose bit q is the row's bit in plane q ({@code planes[planesOffset + q·words + w]}, q &lt;
     * planesSets). Code 0 is in no set, so the rows of a level that is not stored, and padding rows, are zero in
     * every plane. Planes hold m sets in ⌈log2(m + 1)⌉ bitsets instead of m: less memory to stream where a feature
     * selection reads every column at every step, and {@link #intersectionCounts} then counts the decoded sets.
     * The words of the out range are overwritten; no other word is changed. The caller guarantees
     * {@code 1 <= planesSets <= 6}, {@code outSets < 2^planesSets} and the ranges inside the arrays.
     *
     * @param planes the planes: a family of planesSets bitsets of {@code words} words each, one after the other
     * @param planesOffset index of the first word of plane 0
     * @param planesSets number of planes
     * @param outSets number of sets written: those of codes 1 .. outSets
     * @param words number of 64-bit words of every plane and set
     * @param out the family of outSets bitsets written, one after the other
     * @param outOffset index of the first word of set 0 in out
     */
    default void decodePlanes(long[] planes, int planesOffset, int planesSets, int outSets, int words, long[] out,
            int outOffset) {
        Counting.decodePlanes(planes, planesOffset, planesSets, outSets, words, out, outOffset);
    }

    /**
     * Σ n·ln n over {@code counts[offset .. offset+length)} with 0·ln 0 = 0, accumulated in double (one-signed
     * terms: a few ulp of relative error per term suffice); NaN if any count is negative.
     *
     * @param counts the counts (≥ 0)
     * @param offset index of the first element read
     * @param length number of elements read
     * @return the sum; NaN if a count is negative
     */
    default double nLogN(int[] counts, int offset, int length) {
        return Counting.nLogN(counts, offset, length);
    }

    /**
     * As {@link #nLogN(int[], int, int)} for 64-bit counts (each converted to the nearest double).
     *
     * @param counts the counts (≥ 0)
     * @param offset index of the first element read
     * @param length number of elements read
     * @return the sum; NaN if a count is negative
     */
    default double nLogN(long[] counts, int offset, int length) {
        return Counting.nLogN(counts, offset, length);
    }

    /**
     * The bins of values among equal-width edges, each one proven by two comparisons. With first = aEdges[0],
     * last = aEdges[bins], step = (last − first)/bins and scale = bins/(last − first): for each i, with
     * v = {@code a[offset+i]}, x = (v − first)·scale and g = ⌊x⌋ clamped to [0, bins − 1] (bins − 1 for NaN), writes
     * g to {@code codes[i]} if lo ≤ v &lt; hi, where lo = g·step + first and hi = (g + 1)·step + first, or for the
     * last bin (g = bins − 1) if lo ≤ v ≤ last; otherwise −1. Products and sums are rounded separately (Java's
     * {@code g * step + first}, never fused); see {@link KernelMath#equalWidthBin}. Only aEdges[0] and
     * aEdges[bins] are read: when the edges are numpy's linspace (e_k = k·step + first for k &lt; bins, the caller
     * checks), codes[i] ≥ 0 is v's bin as {@code np.histogram} decides it, whatever the edges' conditioning, and
     * −1 stands for NaN, ±∞, a value outside [first, last], or a value the guess missed (the caller settles those
     * by search). Every backend writes the same codes.
     *
     * @param a the values
     * @param offset index of the first value read
     * @param length number of values read
     * @param aEdges the edges (first and last read), first &lt; last
     * @param bins number of bins, at least 1
     * @param codes receives the bin (or −1) of value i at index i, for i &lt; length
     */
    default void equalWidthBins(double[] a, int offset, int length, double[] aEdges, int bins, int[] codes) {
        Counting.equalWidthBins(a, offset, length, aEdges, bins, codes);
    }

    /**
     * {@link #equalWidthBins(double[], int, int, double[], int, int[])} with byte codes, for at most 255 bins:
     * writes {@code (byte) g} to {@code binCodes[i]} for a proven bin g, and {@code (byte) 0xFF} (255 unsigned,
     * never a bin) for a value it does not prove. Lane for lane the same decisions as the int codes; with
     * {@link #countCodes}, the histogram of a column is two passes over small buffers instead of a scattered
     * increment per value.
     *
     * @param a the values
     * @param offset index of the first value read
     * @param length number of values read
     * @param aEdges the edges (first and last read), first &lt; last
     * @param bins number of bins, 1 to 255
     * @param binCodes receives the bin (or 0xFF) of value i at index i, for i &lt; length
     */
    default void equalWidthBins(double[] a, int offset, int length, double[] aEdges, int bins, byte[] binCodes) {
        Counting.equalWidthBins(a, offset, length, aEdges, bins, binCodes);
    }

    /**
     * Counts byte codes: adds 1 to {@code table[c]} for each unsigned code c = {@code codes[offset+i] & 0xFF} below
     * {@code bins}, and returns how many codes were not (c ≥ bins).
     *
     * @param codes the codes, read as unsigned bytes
     * @param offset index of the first code read
     * @param length number of codes read
     * @param bins number of slots counted, at least 1 (codes from bins up are skipped)
     * @param table the counts added into, at least {@code bins} long
     * @return the number of codes skipped
     */
    default int countCodes(byte[] codes, int offset, int length, int bins, long[] table) {
        return Counting.countCodes(codes, offset, length, bins, table);
    }

    /**
     * The joint histogram of two intensity arrays, binned as numpy's {@code histogram2d}: adds 1 to
     * {@code table[x·bins + y]} for each i, where x is the bin of {@code a[aOffset+i]} among {@code aEdges} and y
     * that of {@code b[bOffset+i]} among {@code bEdges} ({@link KernelMath#histogramBin}: half-open bins
     * [edges[k], edges[k+1]), the last one closed). Stops at the first pair with a value outside its edges (or
     * NaN) without counting it and returns its position i; returns {@code length} when every pair was counted.
     * The caller guarantees well-conditioned edges: {@code bins + 1} strictly increasing finite values, as
     * {@code np.linspace(edges[0], edges[bins], bins + 1)} makes them, with a bin width at least
     * 2<sup>−40</sup>·max(|edges[0]|, |edges[bins]|), so that the arithmetic candidate ⌊(v − edges[0])·scale⌋ is
     * within one bin of the answer and comparing v with two edges settles it exactly; and
     * {@code table.length >= bins·bins}.
     *
     * @param a the first image's values (the rows of the table)
     * @param aOffset index of the first value of a
     * @param b the second image's values (the columns)
     * @param bOffset index of the first value of b
     * @param length number of pairs read
     * @param aEdges the bins + 1 edges of a
     * @param bEdges the bins + 1 edges of b
     * @param bins number of bins on each axis
     * @param table the row-major bins × bins count table to add into
     * @return the position of the first pair outside the edges, or length
     */
    default int binPairs(float[] a, int aOffset, float[] b, int bOffset, int length, double[] aEdges,
            double[] bEdges, int bins, int[] table) {
        return Counting.binPairs(a, aOffset, b, bOffset, length, aEdges, bEdges, bins, table);
    }

    /**
     * As {@link #binPairs(float[], int, float[], int, int, double[], double[], int, int[])} for double values.
     *
     * @param a the first image's values (the rows of the table)
     * @param aOffset index of the first value of a
     * @param b the second image's values (the columns)
     * @param bOffset index of the first value of b
     * @param length number of pairs read
     * @param aEdges the bins + 1 edges of a
     * @param bEdges the bins + 1 edges of b
     * @param bins number of bins on each axis
     * @param table the row-major bins × bins count table to add into
     * @return the position of the first pair outside the edges, or length
     */
    default int binPairs(double[] a, int aOffset, double[] b, int bOffset, int length, double[] aEdges,
            double[] bEdges, int bins, int[] table) {
        return Counting.binPairs(a, aOffset, b, bOffset, length, aEdges, bEdges, bins, table);
    }

    /**
     * Sorts {@code a[from .. to)} into the order of {@link java.util.Arrays#sort(double[], int, int)}: ascending,
     * −0.0 before 0.0, NaNs last. Every non-NaN value keeps its bits; NaNs may come in another order among
     * themselves. The one kernel that changes its input: Evidently's Wasserstein and KS sort through it, so that a
     * backend can choose the faster algorithm for its CPU (the JDK's is vectorised for 64-bit keys only with
     * AVX-512); the other sorts of doubles (quantile edges, NannyML's rules, stored profiles) still call the
     * JDK's.
     *
     * @param a the values, sorted in place
     * @param from index of the first element sorted
     * @param to index after the last element sorted
     */
    default void sort(double[] a, int from, int to) {
        java.util.Arrays.sort(a, from, to);
    }

    /**
     * Sorts {@code a[from .. to)} ascending, as {@link java.util.Arrays#sort(long[], int, int)} does (signed
     * order; equal longs are indistinguishable, so the result is that sort's exactly). KSG's ranks sort their
     * order keys through it, for the same reason as {@link #sort(double[], int, int)}.
     *
     * @param a the values, sorted in place
     * @param from index of the first element sorted
     * @param to index after the last element sorted
     */
    default void sort(long[] a, int from, int to) {
        java.util.Arrays.sort(a, from, to);
    }
}
