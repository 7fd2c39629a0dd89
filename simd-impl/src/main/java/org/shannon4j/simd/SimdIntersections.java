package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.BIT_COUNT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;

/**
 * Joint counts of two families of row bitsets ({@link org.shannon4j.spi.CountingKernels#intersectionCounts}) with
 * {@code LongVector} AND + {@code BIT_COUNT} (VPOPCNTQ where the CPU has AVX-512 VPOPCNTDQ).
 *
 * <p>Register blocking: the table is cut into tiles of p x sets × q z sets, p and q of 4 or 3 wherever the set
 * counts allow it (9 = 3 + 3 + 3, 10 = 4 + 3 + 3, 11 = 4 + 4 + 3; 2 and 5 = 3 + 2 bring tiles 2 wide), and each
 * tile keeps p·q vector accumulators and loads p + q vectors per p·q AND + POPCNT + ADD. That ALU work is the
 * bound once the loads hit L1: at 512 bits the AND, the POPCNT and the ADD are three uops for ports 0 and 5
 * (VPOPCNTQ only on 5), about 1.5 cycles per vector and cell, while p + q loads of a 3 × 3 tile take 3 of its
 * 13.5 cycles on the two load ports. Covering the engine's 9 × 9 tables with 4 × 4 tiles instead left 17 of 81
 * cells to lines of one set, which load every word of the other family once per line. Only a family of one set
 * still goes through such lines.
 *
 * <p>A family of {@value #WIDE} sets (10-level columns, the engine's common case) is not cut: tiles of 3 (or 2)
 * sets of the other family × all 9 keep 27 (or 18) accumulators, 31 of the 32 vector registers, and load 12
 * vectors per 27 cells instead of 18 for three 3 × 3 tiles. The loads and the L1 traffic they cause were what kept
 * the 3 × 3 tiles above their ALU bound: a 9 × 9 table takes about 13% less time this way.
 *
 * <p>Row blocking: the words are walked in blocks of about {@value #BLOCK} words (4 kB per set), all tiles per
 * block, so a tile's sets are reused from L1 or L2 while the other tiles of the block run; without it, every x
 * tile would stream all of z (5 MB at 40 sets of 1M rows) from memory again. Blocks of 128 or 256 words, which
 * would keep all 18 sets of a 9 × 9 block in a 48 kB L1, measured slower: each block ends with one
 * {@code reduceLanes} per cell, and a 3 × 3 tile's sets stream from L2 fast enough for its ALU work. The
 * accumulators are reduced into the table at the end of each block: long addition is exact, so
 * {@code reduceLanes(ADD)} gives the same table on every JIT tier. The last {@code words % lanes} words are
 * counted by scalar loops. The wide tiles take blocks of about {@value #WIDE_BLOCK} words: their nine sets of a
 * block (144 kB) stay in L2 while each row tile streams them, and the fewer blocks cut the per-block reductions.
 *
 * <p>Vectors narrower than 512 bits mean, on x86, a CPU with 16 vector registers and no vector popcount (AVX2;
 * AArch64 takes this path as well, unmeasured): there the tiles' accumulators spill, and C2's BIT_COUNT is a
 * nibble lookup plus a horizontal byte sum per vector. Each cell is then counted on its own by carry-save adders
 * ({@link #carrySaveCell}), which popcount one vector in eight; the width knob of {@link Species} tests this path
 * on AVX-512 machines too. docs/performance-notes.md has the measurements.
 *
 * <p>As in {@link SimdKernels}: no method takes or returns a vector; each tile shape is its own small method.
 */
final class SimdIntersections {

    private static final VectorSpecies<Long> L = Species.L;
    private static final int LL = L.length();
    /** Target words per row block; blocks are evened out to multiples of the lane count. */
    static final int BLOCK = 512;
    /** Sets of the family that the wide tiles take whole. */
    static final int WIDE = 9;
    /** Target words per row block of the wide tiles. */
    static final int WIDE_BLOCK = 2048;
    /**
     * Whether the tiles are used: only with 512-bit vectors (32 vector registers, and on x86 VPOPCNTQ where the CPU
     * has it); narrower vectors count each cell by carry-save adders ({@link #carrySave}).
     */
    static final boolean WIDE_TILES = LL >= 8;
    /** Words a carry-save step adds: eight vectors. */
    private static final int STEP = 8 * LL;
    /**
     * Most words per carry-save cell call: each step adds at most 8 to a byte of the eights' byte counts, which
     * hold 255, so 31 steps.
     */
    static final int CARRY_SAVE_BLOCK = 31 * STEP;
    private static final long M1 = 0x5555555555555555L;
    private static final long M2 = 0x3333333333333333L;
    private static final long M4 = 0x0f0f0f0f0f0f0f0fL;
    private static final long M8 = 0x00ff00ff00ff00ffL;

    private SimdIntersections() {
    }

    static void intersectionCounts(long[] x, int xOffset, int xSets, long[] z, int zOffset, int zSets, int words,
                                   long[] counts) {
        intersectionCounts(x, xOffset, xSets, z, zOffset, zSets, words, counts, WIDE_TILES);
    }

    /** As above with the path given (the tiles, or carry-save cells), so that tests cover both on any CPU. */
    static void intersectionCounts(long[] x, int xOffset, int xSets, long[] z, int zOffset, int zSets, int words,
                                   long[] counts, boolean wideTiles) {
        if (!wideTiles) {
            carrySave(x, xOffset, xSets, z, zOffset, zSets, words, counts);
            return;
        }
        int vectorWords = words - words % LL;
        if (vectorWords > 0) {
            int target = wide(xSets, zSets) ? WIDE_BLOCK : BLOCK;
            int blocks = (vectorWords + target - 1) / target;
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
     * Every cell over one block of {@code length} words (a multiple of the lanes) starting at xStart, zStart: tiles
     * of {@link #part} × {@link #part} sets ({@link #narrowPart} without the wide tiles), or, when a family has one
     * set, lines of it against the other.
     */
    private static void block(long[] x, int xStart, int xSets, long[] z, int zStart, int zSets, int words,
                              int length, long[] counts) {
        if (zSets == 1) {
            line(x, xStart, xSets, z, zStart, words, length, counts, 0, zSets);
        } else if (xSets == 1) {
            line(z, zStart, zSets, x, xStart, words, length, counts, 0, 1);
        } else if (zSets == WIDE) {
            for (int i = 0, p; i < xSets; i += p) {
                p = wideRows(xSets - i);
                wideTile(p, x, xStart + i * words, z, zStart, words, length, counts, i * zSets, zSets, 1);
            }
        } else if (xSets == WIDE) {
            for (int j = 0, q; j < zSets; j += q) {
                q = wideRows(zSets - j);
                wideTile(q, z, zStart + j * words, x, xStart, words, length, counts, j, 1, zSets);
            }
        } else {
            for (int i = 0, p; i < xSets; i += p) {
                p = part(xSets - i);
                for (int j = 0, q; j < zSets; j += q) {
                    q = part(zSets - j);
                    tile(p, q, x, xStart + i * words, z, zStart + j * words, words, length, counts, i * zSets + j,
                            zSets);
                }
            }
        }
    }

    /** Whether the wide tiles count a table of these families. */
    static boolean wide(int xSets, int zSets) {
        return xSets > 1 && zSets > 1 && (xSets == WIDE || zSets == WIDE);
    }

    /** Rows of the next wide tile when {@code left} (at least 2) sets are left: 3s and 2s (4 = 2 + 2). */
    static int wideRows(int left) {
        return left == 2 || left == 4 ? 2 : 3;
    }

    /** The {@code rows} (2 or 3) sets of a against the 9 sets of b; see {@link #tile3x9}. */
    private static void wideTile(int rows, long[] a, int aStart, long[] b, int bStart, int stride, int length,
                                 long[] counts, int cell, int rowStride, int colStride) {
        if (rows == 3) {
            tile3x9(a, aStart, b, bStart, stride, length, counts, cell, rowStride, colStride);
        } else {
            tile2x9(a, aStart, b, bStart, stride, length, counts, cell, rowStride, colStride);
        }
    }

    /**
     * Sets a[aStart + r·stride ..] (r &lt; 3) against all 9 sets b[bStart + c·stride ..]; cell (r, c) is
     * {@code counts[cell + r·rowStride + c·colStride]}.
     */
    private static void tile3x9(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int rowStride, int colStride) {
        LongVector c00 = LongVector.zero(L), c01 = c00, c02 = c00, c03 = c00, c04 = c00;
        LongVector c05 = c00, c06 = c00, c07 = c00, c08 = c00;
        LongVector c10 = c00, c11 = c00, c12 = c00, c13 = c00, c14 = c00;
        LongVector c15 = c00, c16 = c00, c17 = c00, c18 = c00;
        LongVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c24 = c00;
        LongVector c25 = c00, c26 = c00, c27 = c00, c28 = c00;
        int a0 = aStart, a1 = a0 + stride, a2 = a1 + stride;
        int b1 = bStart + stride, b2 = b1 + stride, b3 = b2 + stride, b4 = b3 + stride;
        int b5 = b4 + stride, b6 = b5 + stride, b7 = b6 + stride, b8 = b7 + stride;
        for (int w = 0; w < length; w += LL) {
            LongVector x0 = LongVector.fromArray(L, a, a0 + w);
            LongVector x1 = LongVector.fromArray(L, a, a1 + w);
            LongVector x2 = LongVector.fromArray(L, a, a2 + w);
            LongVector y = LongVector.fromArray(L, b, bStart + w);
            c00 = c00.add(x0.and(y).lanewise(BIT_COUNT));
            c10 = c10.add(x1.and(y).lanewise(BIT_COUNT));
            c20 = c20.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b1 + w);
            c01 = c01.add(x0.and(y).lanewise(BIT_COUNT));
            c11 = c11.add(x1.and(y).lanewise(BIT_COUNT));
            c21 = c21.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b2 + w);
            c02 = c02.add(x0.and(y).lanewise(BIT_COUNT));
            c12 = c12.add(x1.and(y).lanewise(BIT_COUNT));
            c22 = c22.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b3 + w);
            c03 = c03.add(x0.and(y).lanewise(BIT_COUNT));
            c13 = c13.add(x1.and(y).lanewise(BIT_COUNT));
            c23 = c23.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b4 + w);
            c04 = c04.add(x0.and(y).lanewise(BIT_COUNT));
            c14 = c14.add(x1.and(y).lanewise(BIT_COUNT));
            c24 = c24.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b5 + w);
            c05 = c05.add(x0.and(y).lanewise(BIT_COUNT));
            c15 = c15.add(x1.and(y).lanewise(BIT_COUNT));
            c25 = c25.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b6 + w);
            c06 = c06.add(x0.and(y).lanewise(BIT_COUNT));
            c16 = c16.add(x1.and(y).lanewise(BIT_COUNT));
            c26 = c26.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b7 + w);
            c07 = c07.add(x0.and(y).lanewise(BIT_COUNT));
            c17 = c17.add(x1.and(y).lanewise(BIT_COUNT));
            c27 = c27.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b8 + w);
            c08 = c08.add(x0.and(y).lanewise(BIT_COUNT));
            c18 = c18.add(x1.and(y).lanewise(BIT_COUNT));
            c28 = c28.add(x2.and(y).lanewise(BIT_COUNT));
        }
        int r0 = cell;
        counts[r0] += c00.reduceLanes(ADD);
        counts[r0 + colStride] += c01.reduceLanes(ADD);
        counts[r0 + 2 * colStride] += c02.reduceLanes(ADD);
        counts[r0 + 3 * colStride] += c03.reduceLanes(ADD);
        counts[r0 + 4 * colStride] += c04.reduceLanes(ADD);
        counts[r0 + 5 * colStride] += c05.reduceLanes(ADD);
        counts[r0 + 6 * colStride] += c06.reduceLanes(ADD);
        counts[r0 + 7 * colStride] += c07.reduceLanes(ADD);
        counts[r0 + 8 * colStride] += c08.reduceLanes(ADD);
        int r1 = cell + 1 * rowStride;
        counts[r1] += c10.reduceLanes(ADD);
        counts[r1 + colStride] += c11.reduceLanes(ADD);
        counts[r1 + 2 * colStride] += c12.reduceLanes(ADD);
        counts[r1 + 3 * colStride] += c13.reduceLanes(ADD);
        counts[r1 + 4 * colStride] += c14.reduceLanes(ADD);
        counts[r1 + 5 * colStride] += c15.reduceLanes(ADD);
        counts[r1 + 6 * colStride] += c16.reduceLanes(ADD);
        counts[r1 + 7 * colStride] += c17.reduceLanes(ADD);
        counts[r1 + 8 * colStride] += c18.reduceLanes(ADD);
        int r2 = cell + 2 * rowStride;
        counts[r2] += c20.reduceLanes(ADD);
        counts[r2 + colStride] += c21.reduceLanes(ADD);
        counts[r2 + 2 * colStride] += c22.reduceLanes(ADD);
        counts[r2 + 3 * colStride] += c23.reduceLanes(ADD);
        counts[r2 + 4 * colStride] += c24.reduceLanes(ADD);
        counts[r2 + 5 * colStride] += c25.reduceLanes(ADD);
        counts[r2 + 6 * colStride] += c26.reduceLanes(ADD);
        counts[r2 + 7 * colStride] += c27.reduceLanes(ADD);
        counts[r2 + 8 * colStride] += c28.reduceLanes(ADD);
    }

    /**
     * Sets a[aStart + r·stride ..] (r &lt; 2) against all 9 sets b[bStart + c·stride ..]; cell (r, c) is
     * {@code counts[cell + r·rowStride + c·colStride]}.
     */
    private static void tile2x9(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int rowStride, int colStride) {
        LongVector c00 = LongVector.zero(L), c01 = c00, c02 = c00, c03 = c00, c04 = c00;
        LongVector c05 = c00, c06 = c00, c07 = c00, c08 = c00;
        LongVector c10 = c00, c11 = c00, c12 = c00, c13 = c00, c14 = c00;
        LongVector c15 = c00, c16 = c00, c17 = c00, c18 = c00;
        int a0 = aStart, a1 = a0 + stride;
        int b1 = bStart + stride, b2 = b1 + stride, b3 = b2 + stride, b4 = b3 + stride;
        int b5 = b4 + stride, b6 = b5 + stride, b7 = b6 + stride, b8 = b7 + stride;
        for (int w = 0; w < length; w += LL) {
            LongVector x0 = LongVector.fromArray(L, a, a0 + w);
            LongVector x1 = LongVector.fromArray(L, a, a1 + w);
            LongVector y = LongVector.fromArray(L, b, bStart + w);
            c00 = c00.add(x0.and(y).lanewise(BIT_COUNT));
            c10 = c10.add(x1.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b1 + w);
            c01 = c01.add(x0.and(y).lanewise(BIT_COUNT));
            c11 = c11.add(x1.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b2 + w);
            c02 = c02.add(x0.and(y).lanewise(BIT_COUNT));
            c12 = c12.add(x1.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b3 + w);
            c03 = c03.add(x0.and(y).lanewise(BIT_COUNT));
            c13 = c13.add(x1.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b4 + w);
            c04 = c04.add(x0.and(y).lanewise(BIT_COUNT));
            c14 = c14.add(x1.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b5 + w);
            c05 = c05.add(x0.and(y).lanewise(BIT_COUNT));
            c15 = c15.add(x1.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b6 + w);
            c06 = c06.add(x0.and(y).lanewise(BIT_COUNT));
            c16 = c16.add(x1.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b7 + w);
            c07 = c07.add(x0.and(y).lanewise(BIT_COUNT));
            c17 = c17.add(x1.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b8 + w);
            c08 = c08.add(x0.and(y).lanewise(BIT_COUNT));
            c18 = c18.add(x1.and(y).lanewise(BIT_COUNT));
        }
        int r0 = cell;
        counts[r0] += c00.reduceLanes(ADD);
        counts[r0 + colStride] += c01.reduceLanes(ADD);
        counts[r0 + 2 * colStride] += c02.reduceLanes(ADD);
        counts[r0 + 3 * colStride] += c03.reduceLanes(ADD);
        counts[r0 + 4 * colStride] += c04.reduceLanes(ADD);
        counts[r0 + 5 * colStride] += c05.reduceLanes(ADD);
        counts[r0 + 6 * colStride] += c06.reduceLanes(ADD);
        counts[r0 + 7 * colStride] += c07.reduceLanes(ADD);
        counts[r0 + 8 * colStride] += c08.reduceLanes(ADD);
        int r1 = cell + 1 * rowStride;
        counts[r1] += c10.reduceLanes(ADD);
        counts[r1 + colStride] += c11.reduceLanes(ADD);
        counts[r1 + 2 * colStride] += c12.reduceLanes(ADD);
        counts[r1 + 3 * colStride] += c13.reduceLanes(ADD);
        counts[r1 + 4 * colStride] += c14.reduceLanes(ADD);
        counts[r1 + 5 * colStride] += c15.reduceLanes(ADD);
        counts[r1 + 6 * colStride] += c16.reduceLanes(ADD);
        counts[r1 + 7 * colStride] += c17.reduceLanes(ADD);
        counts[r1 + 8 * colStride] += c18.reduceLanes(ADD);
    }

    /**
     * The width of the next tile when {@code left} (at least 2) sets of a family are left: 4 or 3 such that the
     * rest is again covered by 4s and 3s (every count from 6 on is), else all that is left (2..4), or 3 of 5.
     */
    static int part(int left) {
        return left <= 4 ? left : left % 4 == 1 || left == 6 ? 3 : 4;
    }

    /**
     * Sets x[xStart + i·words ..] (i &lt; p) against z[zStart + j·words ..] (j &lt; q), p and q in 2..4; cell (i, j)
     * is {@code counts[cell + i·zSets + j]}. Popcount(x &amp; z) is symmetric, so the wider family is a tile's
     * rows: a tile r × c takes a (r sets) and b (c sets) with r ≥ c, and cell (r, c) is
     * {@code counts[cell + r·rowStride + c·colStride]}.
     */
    private static void tile(int p, int q, long[] x, int xStart, long[] z, int zStart, int words, int length,
                             long[] counts, int cell, int zSets) {
        if (p < q) {
            tileRows(q, p, z, zStart, x, xStart, words, length, counts, cell, 1, zSets);
        } else {
            tileRows(p, q, x, xStart, z, zStart, words, length, counts, cell, zSets, 1);
        }
    }

    private static void tileRows(int r, int c, long[] a, int aStart, long[] b, int bStart, int stride, int length,
                                 long[] counts, int cell, int rowStride, int colStride) {
        switch (r * 4 + c) {
            case 4 * 4 + 4 -> tile4x4(a, aStart, b, bStart, stride, length, counts, cell, rowStride, colStride);
            case 4 * 4 + 3 -> tile4x3(a, aStart, b, bStart, stride, length, counts, cell, rowStride, colStride);
            case 4 * 4 + 2 -> tile4x2(a, aStart, b, bStart, stride, length, counts, cell, rowStride, colStride);
            case 3 * 4 + 3 -> tile3x3(a, aStart, b, bStart, stride, length, counts, cell, rowStride, colStride);
            case 3 * 4 + 2 -> tile3x2(a, aStart, b, bStart, stride, length, counts, cell, rowStride, colStride);
            case 2 * 4 + 2 -> tile2x2(a, aStart, b, bStart, stride, length, counts, cell, rowStride, colStride);
            default -> throw new AssertionError("tile " + r + " x " + c);
        }
    }

    /**
     * The {@code sets} sets of family a against the one set b[bStart ..]: cell of set r of a is
     * {@code counts[cell + r·cellStride]}. Tiles of 4 sets of a share each load of b; each word of a is used once
     * per line, so the loads are its bound.
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

    /** Sets a[aStart + r·stride ..] (r &lt; 4) against b[bStart + c·stride ..] (c &lt; 4); see {@link #tile}. */
    private static void tile4x4(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int rowStride, int colStride) {
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
        int r0 = cell;
        counts[r0] += c00.reduceLanes(ADD);
        counts[r0 + colStride] += c01.reduceLanes(ADD);
        counts[r0 + 2 * colStride] += c02.reduceLanes(ADD);
        counts[r0 + 3 * colStride] += c03.reduceLanes(ADD);
        int r1 = r0 + rowStride;
        counts[r1] += c10.reduceLanes(ADD);
        counts[r1 + colStride] += c11.reduceLanes(ADD);
        counts[r1 + 2 * colStride] += c12.reduceLanes(ADD);
        counts[r1 + 3 * colStride] += c13.reduceLanes(ADD);
        int r2 = r1 + rowStride;
        counts[r2] += c20.reduceLanes(ADD);
        counts[r2 + colStride] += c21.reduceLanes(ADD);
        counts[r2 + 2 * colStride] += c22.reduceLanes(ADD);
        counts[r2 + 3 * colStride] += c23.reduceLanes(ADD);
        int r3 = r2 + rowStride;
        counts[r3] += c30.reduceLanes(ADD);
        counts[r3 + colStride] += c31.reduceLanes(ADD);
        counts[r3 + 2 * colStride] += c32.reduceLanes(ADD);
        counts[r3 + 3 * colStride] += c33.reduceLanes(ADD);
    }

    /** Sets a[aStart + r·stride ..] (r &lt; 4) against b[bStart + c·stride ..] (c &lt; 3); see {@link #tile}. */
    private static void tile4x3(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int rowStride, int colStride) {
        LongVector c00 = LongVector.zero(L), c01 = c00, c02 = c00;
        LongVector c10 = c00, c11 = c00, c12 = c00;
        LongVector c20 = c00, c21 = c00, c22 = c00;
        LongVector c30 = c00, c31 = c00, c32 = c00;
        int a0 = aStart, a1 = a0 + stride, a2 = a1 + stride, a3 = a2 + stride;
        int b0 = bStart, b1 = b0 + stride, b2 = b1 + stride;
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
        }
        int r0 = cell;
        counts[r0] += c00.reduceLanes(ADD);
        counts[r0 + colStride] += c01.reduceLanes(ADD);
        counts[r0 + 2 * colStride] += c02.reduceLanes(ADD);
        int r1 = r0 + rowStride;
        counts[r1] += c10.reduceLanes(ADD);
        counts[r1 + colStride] += c11.reduceLanes(ADD);
        counts[r1 + 2 * colStride] += c12.reduceLanes(ADD);
        int r2 = r1 + rowStride;
        counts[r2] += c20.reduceLanes(ADD);
        counts[r2 + colStride] += c21.reduceLanes(ADD);
        counts[r2 + 2 * colStride] += c22.reduceLanes(ADD);
        int r3 = r2 + rowStride;
        counts[r3] += c30.reduceLanes(ADD);
        counts[r3 + colStride] += c31.reduceLanes(ADD);
        counts[r3 + 2 * colStride] += c32.reduceLanes(ADD);
    }

    /** Sets a[aStart + r·stride ..] (r &lt; 4) against b[bStart + c·stride ..] (c &lt; 2); see {@link #tile}. */
    private static void tile4x2(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int rowStride, int colStride) {
        LongVector c00 = LongVector.zero(L), c01 = c00;
        LongVector c10 = c00, c11 = c00;
        LongVector c20 = c00, c21 = c00;
        LongVector c30 = c00, c31 = c00;
        int a0 = aStart, a1 = a0 + stride, a2 = a1 + stride, a3 = a2 + stride;
        int b0 = bStart, b1 = b0 + stride;
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
        }
        int r0 = cell;
        counts[r0] += c00.reduceLanes(ADD);
        counts[r0 + colStride] += c01.reduceLanes(ADD);
        int r1 = r0 + rowStride;
        counts[r1] += c10.reduceLanes(ADD);
        counts[r1 + colStride] += c11.reduceLanes(ADD);
        int r2 = r1 + rowStride;
        counts[r2] += c20.reduceLanes(ADD);
        counts[r2 + colStride] += c21.reduceLanes(ADD);
        int r3 = r2 + rowStride;
        counts[r3] += c30.reduceLanes(ADD);
        counts[r3 + colStride] += c31.reduceLanes(ADD);
    }

    /** Sets a[aStart + r·stride ..] (r &lt; 3) against b[bStart + c·stride ..] (c &lt; 3); see {@link #tile}. */
    private static void tile3x3(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int rowStride, int colStride) {
        LongVector c00 = LongVector.zero(L), c01 = c00, c02 = c00;
        LongVector c10 = c00, c11 = c00, c12 = c00;
        LongVector c20 = c00, c21 = c00, c22 = c00;
        int a0 = aStart, a1 = a0 + stride, a2 = a1 + stride;
        int b0 = bStart, b1 = b0 + stride, b2 = b1 + stride;
        for (int w = 0; w < length; w += LL) {
            LongVector x0 = LongVector.fromArray(L, a, a0 + w);
            LongVector x1 = LongVector.fromArray(L, a, a1 + w);
            LongVector x2 = LongVector.fromArray(L, a, a2 + w);
            LongVector y = LongVector.fromArray(L, b, b0 + w);
            c00 = c00.add(x0.and(y).lanewise(BIT_COUNT));
            c10 = c10.add(x1.and(y).lanewise(BIT_COUNT));
            c20 = c20.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b1 + w);
            c01 = c01.add(x0.and(y).lanewise(BIT_COUNT));
            c11 = c11.add(x1.and(y).lanewise(BIT_COUNT));
            c21 = c21.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b2 + w);
            c02 = c02.add(x0.and(y).lanewise(BIT_COUNT));
            c12 = c12.add(x1.and(y).lanewise(BIT_COUNT));
            c22 = c22.add(x2.and(y).lanewise(BIT_COUNT));
        }
        int r0 = cell;
        counts[r0] += c00.reduceLanes(ADD);
        counts[r0 + colStride] += c01.reduceLanes(ADD);
        counts[r0 + 2 * colStride] += c02.reduceLanes(ADD);
        int r1 = r0 + rowStride;
        counts[r1] += c10.reduceLanes(ADD);
        counts[r1 + colStride] += c11.reduceLanes(ADD);
        counts[r1 + 2 * colStride] += c12.reduceLanes(ADD);
        int r2 = r1 + rowStride;
        counts[r2] += c20.reduceLanes(ADD);
        counts[r2 + colStride] += c21.reduceLanes(ADD);
        counts[r2 + 2 * colStride] += c22.reduceLanes(ADD);
    }

    /** Sets a[aStart + r·stride ..] (r &lt; 3) against b[bStart + c·stride ..] (c &lt; 2); see {@link #tile}. */
    private static void tile3x2(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int rowStride, int colStride) {
        LongVector c00 = LongVector.zero(L), c01 = c00;
        LongVector c10 = c00, c11 = c00;
        LongVector c20 = c00, c21 = c00;
        int a0 = aStart, a1 = a0 + stride, a2 = a1 + stride;
        int b0 = bStart, b1 = b0 + stride;
        for (int w = 0; w < length; w += LL) {
            LongVector x0 = LongVector.fromArray(L, a, a0 + w);
            LongVector x1 = LongVector.fromArray(L, a, a1 + w);
            LongVector x2 = LongVector.fromArray(L, a, a2 + w);
            LongVector y = LongVector.fromArray(L, b, b0 + w);
            c00 = c00.add(x0.and(y).lanewise(BIT_COUNT));
            c10 = c10.add(x1.and(y).lanewise(BIT_COUNT));
            c20 = c20.add(x2.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b1 + w);
            c01 = c01.add(x0.and(y).lanewise(BIT_COUNT));
            c11 = c11.add(x1.and(y).lanewise(BIT_COUNT));
            c21 = c21.add(x2.and(y).lanewise(BIT_COUNT));
        }
        int r0 = cell;
        counts[r0] += c00.reduceLanes(ADD);
        counts[r0 + colStride] += c01.reduceLanes(ADD);
        int r1 = r0 + rowStride;
        counts[r1] += c10.reduceLanes(ADD);
        counts[r1 + colStride] += c11.reduceLanes(ADD);
        int r2 = r1 + rowStride;
        counts[r2] += c20.reduceLanes(ADD);
        counts[r2 + colStride] += c21.reduceLanes(ADD);
    }

    /** Sets a[aStart + r·stride ..] (r &lt; 2) against b[bStart + c·stride ..] (c &lt; 2); see {@link #tile}. */
    private static void tile2x2(long[] a, int aStart, long[] b, int bStart, int stride, int length, long[] counts,
                                int cell, int rowStride, int colStride) {
        LongVector c00 = LongVector.zero(L), c01 = c00;
        LongVector c10 = c00, c11 = c00;
        int a0 = aStart, a1 = a0 + stride;
        int b0 = bStart, b1 = b0 + stride;
        for (int w = 0; w < length; w += LL) {
            LongVector x0 = LongVector.fromArray(L, a, a0 + w);
            LongVector x1 = LongVector.fromArray(L, a, a1 + w);
            LongVector y = LongVector.fromArray(L, b, b0 + w);
            c00 = c00.add(x0.and(y).lanewise(BIT_COUNT));
            c10 = c10.add(x1.and(y).lanewise(BIT_COUNT));
            y = LongVector.fromArray(L, b, b1 + w);
            c01 = c01.add(x0.and(y).lanewise(BIT_COUNT));
            c11 = c11.add(x1.and(y).lanewise(BIT_COUNT));
        }
        int r0 = cell;
        counts[r0] += c00.reduceLanes(ADD);
        counts[r0 + colStride] += c01.reduceLanes(ADD);
        int r1 = r0 + rowStride;
        counts[r1] += c10.reduceLanes(ADD);
        counts[r1 + colStride] += c11.reduceLanes(ADD);
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

    /**
     * Every cell on its own, in blocks of at most {@link #CARRY_SAVE_BLOCK} words (all cells per block, so a
     * block's sets are read from L2 by the cells after the first), then the scalar tail words.
     */
    private static void carrySave(long[] x, int xOffset, int xSets, long[] z, int zOffset, int zSets, int words,
                                  long[] counts) {
        int vectorWords = words - words % LL;
        if (vectorWords > 0) {
            // blocks of whole steps (at most CARRY_SAVE_BLOCK, itself whole steps), evened out: only the last
            // one can end in vectors that are not a whole step
            int blocks = Math.ceilDiv(vectorWords, CARRY_SAVE_BLOCK);
            int perBlock = Math.ceilDiv(Math.ceilDiv(vectorWords, blocks), STEP) * STEP;
            for (int from = 0; from < vectorWords; from += perBlock) {
                int length = Math.min(perBlock, vectorWords - from);
                int steps = length - length % STEP;
                for (int i = 0; i < xSets; i++) {
                    for (int j = 0; j < zSets; j++) {
                        int a = xOffset + i * words + from;
                        int b = zOffset + j * words + from;
                        int cell = i * zSets + j;
                        if (steps > 0) {
                            counts[cell] += carrySaveCell(x, a, z, b, steps);
                        }
                        if (steps < length) {
                            // fewer than eight vectors: a vector loop after the steps' loop in carrySaveCell
                            // allocated its sum on some compilations
                            tile1x1(x, a + steps, z, b + steps, length - steps, counts, cell);
                        }
                    }
                }
            }
        }
        if (vectorWords < words) {
            tail(x, xOffset, xSets, z, zOffset, zSets, words, vectorWords, counts);
        }
    }

    /**
     * Σ popcount(a[aStart + w] &amp; b[bStart + w]) over {@code length} words (a multiple of {@link #STEP}, at
     * most {@link #CARRY_SAVE_BLOCK}). A Harris–Seal count: the ANDed vectors go through a tree of carry-save adders
     * (three bitwise operations for the sum, two for the carry), with the running ones, twos and fours as the
     * tree's state, so that only the eights, one vector per eight, are popcounted. The popcount is the bytewise one
     * (shifts, masks and adds), whose byte counts are summed across steps and folded once per call. AVX2 has no
     * vector popcount: C2's BIT_COUNT for long lanes is a nibble lookup with a horizontal byte sum for every vector
     * (about 13 instructions); the adders cost five bitwise operations per vector, which run on all four vector
     * pipes of the CPUs we measured.
     */
    private static long carrySaveCell(long[] a, int aStart, long[] b, int bStart, int length) {
        LongVector ones = LongVector.zero(L);
        LongVector twos = ones;
        LongVector fours = ones;
        LongVector eights = ones;
        for (int w = 0; w < length; w += STEP) {
            int i = aStart + w;
            int j = bStart + w;
            LongVector p = LongVector.fromArray(L, a, i).and(LongVector.fromArray(L, b, j));
            LongVector q = LongVector.fromArray(L, a, i + LL).and(LongVector.fromArray(L, b, j + LL));
            LongVector u = p.lanewise(XOR, q);
            LongVector twosA = p.and(q).or(u.and(ones));
            ones = u.lanewise(XOR, ones);
            p = LongVector.fromArray(L, a, i + 2 * LL).and(LongVector.fromArray(L, b, j + 2 * LL));
            q = LongVector.fromArray(L, a, i + 3 * LL).and(LongVector.fromArray(L, b, j + 3 * LL));
            u = p.lanewise(XOR, q);
            LongVector twosB = p.and(q).or(u.and(ones));
            ones = u.lanewise(XOR, ones);
            u = twosA.lanewise(XOR, twosB);
            LongVector foursA = twosA.and(twosB).or(u.and(twos));
            twos = u.lanewise(XOR, twos);
            p = LongVector.fromArray(L, a, i + 4 * LL).and(LongVector.fromArray(L, b, j + 4 * LL));
            q = LongVector.fromArray(L, a, i + 5 * LL).and(LongVector.fromArray(L, b, j + 5 * LL));
            u = p.lanewise(XOR, q);
            twosA = p.and(q).or(u.and(ones));
            ones = u.lanewise(XOR, ones);
            p = LongVector.fromArray(L, a, i + 6 * LL).and(LongVector.fromArray(L, b, j + 6 * LL));
            q = LongVector.fromArray(L, a, i + 7 * LL).and(LongVector.fromArray(L, b, j + 7 * LL));
            u = p.lanewise(XOR, q);
            twosB = p.and(q).or(u.and(ones));
            ones = u.lanewise(XOR, ones);
            u = twosA.lanewise(XOR, twosB);
            LongVector foursB = twosA.and(twosB).or(u.and(twos));
            twos = u.lanewise(XOR, twos);
            u = foursA.lanewise(XOR, foursB);
            LongVector e = foursA.and(foursB).or(u.and(fours));
            fours = u.lanewise(XOR, fours);
            e = e.sub(e.lanewise(LSHR, 1).and(M1));
            e = e.and(M2).add(e.lanewise(LSHR, 2).and(M2));
            eights = eights.add(e.add(e.lanewise(LSHR, 4)).and(M4));
        }
        LongVector v = ones;
        v = v.sub(v.lanewise(LSHR, 1).and(M1));
        v = v.and(M2).add(v.lanewise(LSHR, 2).and(M2));
        LongVector rest = v.add(v.lanewise(LSHR, 4)).and(M4);
        v = twos;
        v = v.sub(v.lanewise(LSHR, 1).and(M1));
        v = v.and(M2).add(v.lanewise(LSHR, 2).and(M2));
        rest = rest.add(v.add(v.lanewise(LSHR, 4)).and(M4).lanewise(LSHL, 1));
        v = fours;
        v = v.sub(v.lanewise(LSHR, 1).and(M1));
        v = v.and(M2).add(v.lanewise(LSHR, 2).and(M2));
        rest = rest.add(v.add(v.lanewise(LSHR, 4)).and(M4).lanewise(LSHL, 2));
        // bytes: eights ≤ 31 · 8, rest ≤ 8 + 16 + 32; pairs of bytes into 16-bit fields, then lanes summed (at
        // most 8 lanes · 2 · 248 per field, no carry between fields)
        long e16 = eights.and(M8).add(eights.lanewise(LSHR, 8).and(M8)).reduceLanes(ADD);
        long r16 = rest.and(M8).add(rest.lanewise(LSHR, 8).and(M8)).reduceLanes(ADD);
        return 8 * sumOfFields(e16) + sumOfFields(r16);
    }

    /** The sum of the four 16-bit fields of t. */
    private static long sumOfFields(long t) {
        return (t & 0xffff) + (t >>> 16 & 0xffff) + (t >>> 32 & 0xffff) + (t >>> 48);
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
