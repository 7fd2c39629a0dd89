package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.LSHR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;

/**
 * {@link org.shannon4j.spi.CountingKernels#countCodes} by byte compares: a pass compares each vector of codes with
 * a run of slots and counts the lanes equal to each, so a vector of codes costs a compare and a count per slot
 * instead of one scattered increment per code (each a load, an add and a store, and a wait when two codes in a
 * row hit the same slot). How the matches are counted depends on the masks ({@link #MASK_REGISTERS}): with mask
 * registers, {@value #SLOTS} byte accumulators per pass each add one per matching lane and are widened into the
 * table every {@value #FLUSH} vectors, before a lane can pass 255; without, {@value #COUNT_SLOTS} int counters
 * per pass each add the compare's true count. Tables of up to {@value #MAX_VECTOR_BINS} bins take a few passes,
 * more go through the reference loop, whose cost does not grow with the bins. The sums are integers, so the table
 * is the reference's exactly.
 */
final class SimdCodeCounts {

    private static final VectorSpecies<Byte> B = Species.B;
    private static final int BL = B.length();
    /** Byte accumulators per pass with mask registers (24 of the 32 vector registers). */
    static final int SLOTS = 24;
    /**
     * Int counters per pass without mask registers: as many as the general registers hold next to the loop's
     * (C2 keeps the slots' broadcasts in the 16 vector registers); 6 or 8 per pass made the count about 1.7×
     * slower ({@code docs/performance-notes.md}).
     */
    static final int COUNT_SLOTS = 12;
    /** Tables of more bins are counted by the reference loop. */
    static final int MAX_VECTOR_BINS = 2 * SLOTS;
    /** Vectors per accumulation: a lane adds at most one per vector, and a byte holds 255. */
    static final int FLUSH = 255;
    private static final short LOW = 0xFF;
    /**
     * Whether masks live in mask registers (512-bit vectors, AVX-512): there a masked add is one instruction. An
     * AVX2 or NEON compare yields a vector of 0 and −1 lanes, but C2 turns that vector back into a mask and the
     * mask into a vector by a blend, and a masked add is a blend too; there each compare's true count (a move of
     * the lanes' signs to a general register and a popcount) is added to an int counter instead
     * ({@code docs/performance-notes.md}). The choice is a constant, so C2 compiles only one of the two loops.
     */
    static final boolean MASK_REGISTERS = B.length() >= 64;

    private SimdCodeCounts() {
    }

    static int count(byte[] codes, int offset, int length, int bins, long[] table) {
        return count(codes, offset, length, bins, table, MASK_REGISTERS);
    }

    /** {@link #count} with either loop ({@code maskRegisters}: the masked adds), so the tests run both on every CPU. */
    static int count(byte[] codes, int offset, int length, int bins, long[] table, boolean maskRegisters) {
        if (bins > MAX_VECTOR_BINS) {
            return KernelMath.countCodes(codes, offset, offset + length, bins, table);
        }
        int vectorEnd = offset + B.loopBound(length);
        long counted = 0;
        if (!maskRegisters) {
            for (int base = 0; base < bins; base += COUNT_SLOTS) {
                counted += passByTrueCounts(codes, offset, vectorEnd, base, bins, table);
            }
        } else {
            for (int base = 0; base < bins; base += SLOTS) {
                for (int from = offset; from < vectorEnd; from += FLUSH * BL) {
                    // vectorEnd − from, not from + FLUSH·BL: the sum overflows near the end of a 2 GB array
                    int to = vectorEnd - from <= FLUSH * BL ? vectorEnd : from + FLUSH * BL;
                    counted += pass(codes, from, to, base, bins, table);
                    if (to == vectorEnd) {
                        break;
                    }
                }
            }
        }
        int tail = KernelMath.countCodes(codes, vectorEnd, offset + length, bins, table);
        return (int) (vectorEnd - offset - counted) + tail;
    }

    /**
     * Slots base .. base + {@value #SLOTS} − 1 (those below bins) over codes[from, to), at most {@value #FLUSH}
     * vectors; returns the codes counted.
     */
    private static long pass(byte[] codes, int from, int to, int base, int bins, long[] table) {
        ByteVector z = ByteVector.zero(B);
        ByteVector a0 = z, a1 = z, a2 = z, a3 = z, a4 = z, a5 = z, a6 = z, a7 = z;
        ByteVector a8 = z, a9 = z, a10 = z, a11 = z, a12 = z, a13 = z, a14 = z, a15 = z;
        ByteVector a16 = z, a17 = z, a18 = z, a19 = z, a20 = z, a21 = z, a22 = z, a23 = z;
        byte b = (byte) base;
        for (int i = from; i < to; i += BL) {
            ByteVector c = ByteVector.fromArray(B, codes, i);
            a0 = a0.add((byte) 1, c.eq(b));
            a1 = a1.add((byte) 1, c.eq((byte) (b + 1)));
            a2 = a2.add((byte) 1, c.eq((byte) (b + 2)));
            a3 = a3.add((byte) 1, c.eq((byte) (b + 3)));
            a4 = a4.add((byte) 1, c.eq((byte) (b + 4)));
            a5 = a5.add((byte) 1, c.eq((byte) (b + 5)));
            a6 = a6.add((byte) 1, c.eq((byte) (b + 6)));
            a7 = a7.add((byte) 1, c.eq((byte) (b + 7)));
            a8 = a8.add((byte) 1, c.eq((byte) (b + 8)));
            a9 = a9.add((byte) 1, c.eq((byte) (b + 9)));
            a10 = a10.add((byte) 1, c.eq((byte) (b + 10)));
            a11 = a11.add((byte) 1, c.eq((byte) (b + 11)));
            a12 = a12.add((byte) 1, c.eq((byte) (b + 12)));
            a13 = a13.add((byte) 1, c.eq((byte) (b + 13)));
            a14 = a14.add((byte) 1, c.eq((byte) (b + 14)));
            a15 = a15.add((byte) 1, c.eq((byte) (b + 15)));
            a16 = a16.add((byte) 1, c.eq((byte) (b + 16)));
            a17 = a17.add((byte) 1, c.eq((byte) (b + 17)));
            a18 = a18.add((byte) 1, c.eq((byte) (b + 18)));
            a19 = a19.add((byte) 1, c.eq((byte) (b + 19)));
            a20 = a20.add((byte) 1, c.eq((byte) (b + 20)));
            a21 = a21.add((byte) 1, c.eq((byte) (b + 21)));
            a22 = a22.add((byte) 1, c.eq((byte) (b + 22)));
            a23 = a23.add((byte) 1, c.eq((byte) (b + 23)));
        }
        int slots = Math.min(SLOTS, bins - base);
        long counted = 0;
        // per slot, written out (a helper taking the vector boxed all 24 at every flush): the 64 unsigned bytes as
        // 32 shorts, low byte plus high byte (≤ 510 each), summed (≤ 16,320, within a short); slots past the bins
        // counted codes that are no bin, and are dropped
        ShortVector s0 = a0.reinterpretAsShorts();
        counted += slots > 0 ? add(table, base, s0.and(LOW).add(s0.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s1 = a1.reinterpretAsShorts();
        counted += slots > 1 ? add(table, base + 1, s1.and(LOW).add(s1.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s2 = a2.reinterpretAsShorts();
        counted += slots > 2 ? add(table, base + 2, s2.and(LOW).add(s2.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s3 = a3.reinterpretAsShorts();
        counted += slots > 3 ? add(table, base + 3, s3.and(LOW).add(s3.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s4 = a4.reinterpretAsShorts();
        counted += slots > 4 ? add(table, base + 4, s4.and(LOW).add(s4.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s5 = a5.reinterpretAsShorts();
        counted += slots > 5 ? add(table, base + 5, s5.and(LOW).add(s5.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s6 = a6.reinterpretAsShorts();
        counted += slots > 6 ? add(table, base + 6, s6.and(LOW).add(s6.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s7 = a7.reinterpretAsShorts();
        counted += slots > 7 ? add(table, base + 7, s7.and(LOW).add(s7.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s8 = a8.reinterpretAsShorts();
        counted += slots > 8 ? add(table, base + 8, s8.and(LOW).add(s8.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s9 = a9.reinterpretAsShorts();
        counted += slots > 9 ? add(table, base + 9, s9.and(LOW).add(s9.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s10 = a10.reinterpretAsShorts();
        counted += slots > 10 ? add(table, base + 10, s10.and(LOW).add(s10.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s11 = a11.reinterpretAsShorts();
        counted += slots > 11 ? add(table, base + 11, s11.and(LOW).add(s11.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s12 = a12.reinterpretAsShorts();
        counted += slots > 12 ? add(table, base + 12, s12.and(LOW).add(s12.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s13 = a13.reinterpretAsShorts();
        counted += slots > 13 ? add(table, base + 13, s13.and(LOW).add(s13.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s14 = a14.reinterpretAsShorts();
        counted += slots > 14 ? add(table, base + 14, s14.and(LOW).add(s14.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s15 = a15.reinterpretAsShorts();
        counted += slots > 15 ? add(table, base + 15, s15.and(LOW).add(s15.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s16 = a16.reinterpretAsShorts();
        counted += slots > 16 ? add(table, base + 16, s16.and(LOW).add(s16.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s17 = a17.reinterpretAsShorts();
        counted += slots > 17 ? add(table, base + 17, s17.and(LOW).add(s17.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s18 = a18.reinterpretAsShorts();
        counted += slots > 18 ? add(table, base + 18, s18.and(LOW).add(s18.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s19 = a19.reinterpretAsShorts();
        counted += slots > 19 ? add(table, base + 19, s19.and(LOW).add(s19.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s20 = a20.reinterpretAsShorts();
        counted += slots > 20 ? add(table, base + 20, s20.and(LOW).add(s20.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s21 = a21.reinterpretAsShorts();
        counted += slots > 21 ? add(table, base + 21, s21.and(LOW).add(s21.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s22 = a22.reinterpretAsShorts();
        counted += slots > 22 ? add(table, base + 22, s22.and(LOW).add(s22.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        ShortVector s23 = a23.reinterpretAsShorts();
        counted += slots > 23 ? add(table, base + 23, s23.and(LOW).add(s23.lanewise(LSHR, 8)).reduceLanes(ADD)) : 0;
        return counted;
    }

    /**
     * Slots base .. base + {@value #COUNT_SLOTS} − 1 (those below bins) over codes[from, to), whole vectors; returns
     * the codes counted. A counter gains at most one vector's lanes per vector, so it holds any int-sized range.
     */
    private static long passByTrueCounts(byte[] codes, int from, int to, int base, int bins, long[] table) {
        int n0 = 0, n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0;
        int n6 = 0, n7 = 0, n8 = 0, n9 = 0, n10 = 0, n11 = 0;
        byte b = (byte) base;
        for (int i = from; i < to; i += BL) {
            ByteVector c = ByteVector.fromArray(B, codes, i);
            n0 += c.eq(b).trueCount();
            n1 += c.eq((byte) (b + 1)).trueCount();
            n2 += c.eq((byte) (b + 2)).trueCount();
            n3 += c.eq((byte) (b + 3)).trueCount();
            n4 += c.eq((byte) (b + 4)).trueCount();
            n5 += c.eq((byte) (b + 5)).trueCount();
            n6 += c.eq((byte) (b + 6)).trueCount();
            n7 += c.eq((byte) (b + 7)).trueCount();
            n8 += c.eq((byte) (b + 8)).trueCount();
            n9 += c.eq((byte) (b + 9)).trueCount();
            n10 += c.eq((byte) (b + 10)).trueCount();
            n11 += c.eq((byte) (b + 11)).trueCount();
        }
        int slots = Math.min(COUNT_SLOTS, bins - base);
        long counted = 0;
        counted += slots > 0 ? add(table, base + 0, n0) : 0;
        counted += slots > 1 ? add(table, base + 1, n1) : 0;
        counted += slots > 2 ? add(table, base + 2, n2) : 0;
        counted += slots > 3 ? add(table, base + 3, n3) : 0;
        counted += slots > 4 ? add(table, base + 4, n4) : 0;
        counted += slots > 5 ? add(table, base + 5, n5) : 0;
        counted += slots > 6 ? add(table, base + 6, n6) : 0;
        counted += slots > 7 ? add(table, base + 7, n7) : 0;
        counted += slots > 8 ? add(table, base + 8, n8) : 0;
        counted += slots > 9 ? add(table, base + 9, n9) : 0;
        counted += slots > 10 ? add(table, base + 10, n10) : 0;
        counted += slots > 11 ? add(table, base + 11, n11) : 0;
        return counted;
    }

    private static long add(long[] table, int slot, int n) {
        table[slot] += n;
        return n;
    }
}
