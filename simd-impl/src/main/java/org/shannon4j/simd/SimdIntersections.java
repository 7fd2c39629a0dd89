package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.BIT_COUNT;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;

/**
 * Joint counts of two families of row bitsets ({@link org.shannon4j.spi.CountingKernels#intersectionCounts}) with
 * {@code LongVector} AND + {@code BIT_COUNT} (VPOPCNTQ where the CPU has AVX-512 VPOPCNTDQ).
 *
 * <p>Register blocking: a tile of 4 x sets × 4 z sets keeps 16 vector accumulators and loads 8 vectors per 16
 * AND + POPCNT + ADD, so the loads are far below the ALU work. That work is the bound: at 512 bits the AND, the
 * POPCNT and the ADD are three uops for ports 0 and 5 (VPOPCNTQ only on 5), about 1.5 cycles per vector and cell.
 * The rows and columns left over by the 4 × 4 tiles are lines of one set against 4 (then 1) of the other family;
 * there each word of the 4 is loaded once per line, so the loads (from L2 at 100k rows) bound them instead, as
 * they bound any shape with one or two x sets. Row blocking: the
 * words are walked in blocks of about {@value #BLOCK} words (4 kB per set), all tiles per block, so a tile's x
 * sets stay in L1 while the z sets stream from L2 once per x tile; without it, every x tile would stream all of
 * z (5 MB at 40 sets of 1M rows) from memory again. The accumulators are reduced into the table at the end of
 * each block: long addition is exact, so {@code reduceLanes(ADD)} gives the same table on every JIT tier. The
 * last {@code words % lanes} words are counted by scalar loops.
 *
 * <p>As in {@link SimdKernels}: no method takes or returns a vector; each tile shape is its own small method.
 */
final class SimdIntersections {

    private static final VectorSpecies<Long> L = Species.L;
    private static final int LL = L.length();
    /** Target words per row block; blocks are evened out to multiples of the lane count. */
    static final int BLOCK = 512;

    private SimdIntersections() {
    }

    static void intersectionCounts(long[] x, int xOffset, int xSets, long[] z, int zOffset, int zSets, int words,
                                   long[] counts) {
        int vectorWords = words - words % LL;
        if (vectorWords > 0) {
            int blocks = (vectorWords + BLOCK - 1) / BLOCK;
            int perBlock = ((vectorWords / LL + blocks - 1) / blocks) * LL;
            for (int from = 0; from < vectorWords; from += perBlock) {
                block(x, xOffset + from, xSets, z, zOffset + from, zSets, words,
                        Math.min(perBlock, vectorWords - from), counts);
            }
        }
        if (vectorWords < words) {
            tail(x, xOffset, xSets, z, zOffset, zSets, words, vectorWords, counts);
        }
    }

    /**
     * Every cell over one block of {@code length} words (a multiple of the lanes) starting at xStart, zStart: 4 × 4
     * tiles over the first xSets − xSets % 4 rows and zSets − zSets % 4 columns, then the remaining columns over
     * every row and the remaining rows over the tiled columns, one line of cells at a time.
     */
    private static void block(long[] x, int xStart, int xSets, long[] z, int zStart, int zSets, int words,
                              int length, long[] counts) {
        int xTiled = xSets & ~3, zTiled = zSets & ~3;
        for (int i = 0; i < xTiled; i += 4) {
            for (int j = 0; j < zTiled; j += 4) {
                tile4x4(x, xStart + i * words, z, zStart + j * words, words, length, counts, i * zSets + j, zSets);
            }
        }
        for (int j = zTiled; j < zSets; j++) {
            line(x, xStart, xSets, z, zStart + j * words, words, length, counts, j, zSets);
        }
        for (int i = xTiled; i < xSets; i++) {
            line(z, zStart, zTiled, x, xStart + i * words, words, length, counts, i * zSets, 1);
        }
    }

    /**
     * The first {@code sets} sets of family a against the one set b[bStart ..]: cell of set r of a is
     * {@code counts[cell + r·cellStride]}. Popcount(x &amp; z) is symmetric, so a is x for a column of the table
     * and z for a row. Tiles of 4 sets of a share each load of b; wider tiles measured no faster here, where each
     * word of a is used once per line and its loads from L2 are the bound.
     */
    private static void line(long[] a, int aStart, int sets, long[] b, int bStart, int stride, int length,
                             long[] counts, int cell, int cellStride) {
        int r = 0;
        for (; r + 4 <= sets; r += 4) {
            tile4x1(a, aStart + r * stride, b, bStart, stride, length, counts, cell + r * cellStride, cellStride);
        }
        for (; r < sets; r++) {
            tile1x1(a, aStart + r * stride, b, bStart, length, counts, cell + r * cellStride);
        }
    }

    /**
     * Sets a[aStart + r·stride ..] (r &lt; 4) against b[bStart + c·stride ..] (c &lt; 4) over {@code length} words;
     * cell (r, c) is {@code counts[cell + r·rowStride + c]}.
     */
    private static void tile4x4(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int rowStride) {
        LongVector c00 = LongVector.zero(L), c01 = c00, c02 = c00, c03 = c00;
        LongVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        LongVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        LongVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int a0 = aStart, a1 = a0 + stride, a2 = a1 + stride, a3 = a2 + stride;
        int b0 = bStart, b1 = b0 + stride, b2 = b1 + stride, b3 = b2 + stride;
        for (int w = 0; w < length; w += LL) {
            LongVector x0 = LongVector.fromArray(L, a, a0 + w);
            LongVector x1 = LongVector.fromArray(L, a, a1 + w);
            LongVector x2 = LongVector.fromArray(L, a, a2 + w);
            LongVector x3 = LongVector.fromArray(L, a, a3 + w);
            LongVector y = LongVector.fromArray(L, b, b0 + w);
            c00 = c00.add(x0.and(y).lanewise(BIT_COUNT));
            c10 = c10.add(x1.and(y).lanewise(BIT_COUNT));
            c20 = c20.add(x2.and(y).lanewise(BIT_COUNT));
            c30 = c30.add(x3.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b1 + w);
            c01 = c01.add(x0.and(y).lanewise(BIT_COUNT));
            c11 = c11.add(x1.and(y).lanewise(BIT_COUNT));
            c21 = c21.add(x2.and(y).lanewise(BIT_COUNT));
            c31 = c31.add(x3.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b2 + w);
            c02 = c02.add(x0.and(y).lanewise(BIT_COUNT));
            c12 = c12.add(x1.and(y).lanewise(BIT_COUNT));
            c22 = c22.add(x2.and(y).lanewise(BIT_COUNT));
            c32 = c32.add(x3.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b3 + w);
            c03 = c03.add(x0.and(y).lanewise(BIT_COUNT));
            c13 = c13.add(x1.and(y).lanewise(BIT_COUNT));
            c23 = c23.add(x2.and(y).lanewise(BIT_COUNT));
            c33 = c33.add(x3.and(y).lanewise(BIT_COUNT));
        }
        int r0 = cell, r1 = r0 + rowStride, r2 = r1 + rowStride, r3 = r2 + rowStride;
        counts[r0] += c00.reduceLanes(ADD);
        counts[r0 + 1] += c01.reduceLanes(ADD);
        counts[r0 + 2] += c02.reduceLanes(ADD);
        counts[r0 + 3] += c03.reduceLanes(ADD);
        counts[r1] += c10.reduceLanes(ADD);
        counts[r1 + 1] += c11.reduceLanes(ADD);
        counts[r1 + 2] += c12.reduceLanes(ADD);
        counts[r1 + 3] += c13.reduceLanes(ADD);
        counts[r2] += c20.reduceLanes(ADD);
        counts[r2 + 1] += c21.reduceLanes(ADD);
        counts[r2 + 2] += c22.reduceLanes(ADD);
        counts[r2 + 3] += c23.reduceLanes(ADD);
        counts[r3] += c30.reduceLanes(ADD);
        counts[r3 + 1] += c31.reduceLanes(ADD);
        counts[r3 + 2] += c32.reduceLanes(ADD);
        counts[r3 + 3] += c33.reduceLanes(ADD);
    }

    /**
     * Sets a[aStart + r·stride ..] (r &lt; 4) against the one set b[bStart ..] over {@code length} words; cell r is
     * {@code counts[cell + r·cellStride]}.
     */
    private static void tile4x1(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int cellStride) {
        LongVector c0 = LongVector.zero(L), c1 = c0, c2 = c0, c3 = c0;
        int a0 = aStart, a1 = a0 + stride, a2 = a1 + stride, a3 = a2 + stride;
        for (int w = 0; w < length; w += LL) {
            LongVector y = LongVector.fromArray(L, b, bStart + w);
            c0 = c0.add(LongVector.fromArray(L, a, a0 + w).and(y).lanewise(BIT_COUNT));
            c1 = c1.add(LongVector.fromArray(L, a, a1 + w).and(y).lanewise(BIT_COUNT));
            c2 = c2.add(LongVector.fromArray(L, a, a2 + w).and(y).lanewise(BIT_COUNT));
            c3 = c3.add(LongVector.fromArray(L, a, a3 + w).and(y).lanewise(BIT_COUNT));
        }
        counts[cell] += c0.reduceLanes(ADD);
        counts[cell + cellStride] += c1.reduceLanes(ADD);
        counts[cell + 2 * cellStride] += c2.reduceLanes(ADD);
        counts[cell + 3 * cellStride] += c3.reduceLanes(ADD);
    }

    /**
     * One cell, {@code counts[cell]}, over {@code length} words. One accumulator: its add (latency 1) is not the
     * bound, and the plain loop form is the one whose range checks C2 removes.
     */
    private static void tile1x1(long[] a, int aStart, long[] b, int bStart, int length, long[] counts, int cell) {
        LongVector c = LongVector.zero(L);
        for (int w = 0; w < length; w += LL) {
            c = c.add(LongVector.fromArray(L, a, aStart + w).and(LongVector.fromArray(L, b, bStart + w))
                    .lanewise(BIT_COUNT));
        }
        counts[cell] += c.reduceLanes(ADD);
    }

    /** Words [from, words) of every cell, scalar. */
    private static void tail(long[] x, int xOffset, int xSets, long[] z, int zOffset, int zSets, int words, int from,
                             long[] counts) {
        for (int i = 0; i < xSets; i++) {
            for (int j = 0; j < zSets; j++) {
                counts[i * zSets + j] += KernelMath.intersectionCount(x, xOffset + i * words + from, z,
                        zOffset + j * words + from, words - from);
            }
        }
    }
}
