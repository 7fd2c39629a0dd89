package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.LSHR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;

/**
 * {@link org.shannon4j.spi.CountingKernels#countCodes} by byte compares: {@value #SLOTS} byte accumulators per
 * pass, each adding one per lane whose code equals its slot (how: {@link #MASK_REGISTERS}), so a vector of 64
 * codes costs a compare and an add per slot instead of 64 scattered increments (each a load, an add and a store,
 * and a wait when two codes in a row hit the same slot). A pass covers {@value #SLOTS} slots; tables of up to
 * {@value #MAX_VECTOR_BINS} bins take two, more go through the reference loop, whose cost does not grow with the
 * bins. The byte accumulators are widened into the table every {@value #FLUSH} vectors, before a lane can pass
 * 255; the sums are integers, so the table is the reference's exactly.
 */
final class SimdCodeCounts {

    private static final VectorSpecies<Byte> B = Species.B;
    private static final int BL = B.length();
    /** Accumulators per pass (24 of the 32 vector registers, with the codes and the compare results). */
    static final int SLOTS = 24;
    /** Tables of more bins are counted by the reference loop. */
    static final int MAX_VECTOR_BINS = 2 * SLOTS;
    /** Vectors per accumulation: a lane adds at most one per vector, and a byte holds 255. */
    static final int FLUSH = 255;
    private static final short LOW = 0xFF;
    /**
     * Whether masks live in mask registers (512-bit vectors, AVX-512): there a masked add is one instruction. An
     * AVX2 or NEON compare yields a vector of 0 and −1 lanes, on which the masked add is a blend of the sum with
     * the accumulator, while subtracting the compare is one instruction ({@code docs/performance-notes.md}). The
     * choice is a constant, so C2 keeps only one of the two expressions.
     */
    static final boolean MASK_REGISTERS = B.length() >= 64;

    private SimdCodeCounts() {
    }

    static int count(byte[] codes, int offset, int length, int bins, long[] table) {
        if (bins > MAX_VECTOR_BINS) {
            return KernelMath.countCodes(codes, offset, offset + length, bins, table);
        }
        int vectorEnd = offset + B.loopBound(length);
        long counted = 0;
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
            a0 = MASK_REGISTERS ? a0.add((byte) 1, c.eq(b)) : a0.sub(c.eq(b).toVector());
            a1 = MASK_REGISTERS ? a1.add((byte) 1, c.eq((byte) (b + 1))) : a1.sub(c.eq((byte) (b + 1)).toVector());
            a2 = MASK_REGISTERS ? a2.add((byte) 1, c.eq((byte) (b + 2))) : a2.sub(c.eq((byte) (b + 2)).toVector());
            a3 = MASK_REGISTERS ? a3.add((byte) 1, c.eq((byte) (b + 3))) : a3.sub(c.eq((byte) (b + 3)).toVector());
            a4 = MASK_REGISTERS ? a4.add((byte) 1, c.eq((byte) (b + 4))) : a4.sub(c.eq((byte) (b + 4)).toVector());
            a5 = MASK_REGISTERS ? a5.add((byte) 1, c.eq((byte) (b + 5))) : a5.sub(c.eq((byte) (b + 5)).toVector());
            a6 = MASK_REGISTERS ? a6.add((byte) 1, c.eq((byte) (b + 6))) : a6.sub(c.eq((byte) (b + 6)).toVector());
            a7 = MASK_REGISTERS ? a7.add((byte) 1, c.eq((byte) (b + 7))) : a7.sub(c.eq((byte) (b + 7)).toVector());
            a8 = MASK_REGISTERS ? a8.add((byte) 1, c.eq((byte) (b + 8))) : a8.sub(c.eq((byte) (b + 8)).toVector());
            a9 = MASK_REGISTERS ? a9.add((byte) 1, c.eq((byte) (b + 9))) : a9.sub(c.eq((byte) (b + 9)).toVector());
            a10 = MASK_REGISTERS ? a10.add((byte) 1, c.eq((byte) (b + 10))) : a10.sub(c.eq((byte) (b + 10)).toVector());
            a11 = MASK_REGISTERS ? a11.add((byte) 1, c.eq((byte) (b + 11))) : a11.sub(c.eq((byte) (b + 11)).toVector());
            a12 = MASK_REGISTERS ? a12.add((byte) 1, c.eq((byte) (b + 12))) : a12.sub(c.eq((byte) (b + 12)).toVector());
            a13 = MASK_REGISTERS ? a13.add((byte) 1, c.eq((byte) (b + 13))) : a13.sub(c.eq((byte) (b + 13)).toVector());
            a14 = MASK_REGISTERS ? a14.add((byte) 1, c.eq((byte) (b + 14))) : a14.sub(c.eq((byte) (b + 14)).toVector());
            a15 = MASK_REGISTERS ? a15.add((byte) 1, c.eq((byte) (b + 15))) : a15.sub(c.eq((byte) (b + 15)).toVector());
            a16 = MASK_REGISTERS ? a16.add((byte) 1, c.eq((byte) (b + 16))) : a16.sub(c.eq((byte) (b + 16)).toVector());
            a17 = MASK_REGISTERS ? a17.add((byte) 1, c.eq((byte) (b + 17))) : a17.sub(c.eq((byte) (b + 17)).toVector());
            a18 = MASK_REGISTERS ? a18.add((byte) 1, c.eq((byte) (b + 18))) : a18.sub(c.eq((byte) (b + 18)).toVector());
            a19 = MASK_REGISTERS ? a19.add((byte) 1, c.eq((byte) (b + 19))) : a19.sub(c.eq((byte) (b + 19)).toVector());
            a20 = MASK_REGISTERS ? a20.add((byte) 1, c.eq((byte) (b + 20))) : a20.sub(c.eq((byte) (b + 20)).toVector());
            a21 = MASK_REGISTERS ? a21.add((byte) 1, c.eq((byte) (b + 21))) : a21.sub(c.eq((byte) (b + 21)).toVector());
            a22 = MASK_REGISTERS ? a22.add((byte) 1, c.eq((byte) (b + 22))) : a22.sub(c.eq((byte) (b + 22)).toVector());
            a23 = MASK_REGISTERS ? a23.add((byte) 1, c.eq((byte) (b + 23))) : a23.sub(c.eq((byte) (b + 23)).toVector());
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

    private static long add(long[] table, int slot, short n) {
        table[slot] += n;
        return n;
    }
}
