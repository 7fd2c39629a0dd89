package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.LSHR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;

/**
 * {@link org.shannon4j.spi.CountingKernels#countCodes} by byte compares: {@value #SLOTS} byte accumulators per
 * pass, each adding one per lane whose code equals its slot, so a vector of 64 codes costs a compare and a masked
 * add per slot instead of 64 scattered increments (each a load, an add and a store, and a wait when two codes in a
 * row hit the same slot). A pass covers {@value #SLOTS} slots; tables of up to {@value #MAX_VECTOR_BINS} bins take
 * two, more go through the reference loop, whose cost does not grow with the bins. The byte accumulators are
 * widened into the table every {@value #FLUSH} vectors, before a lane can pass 255; the sums are integers, so the
 * table is the reference's exactly.
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
                counted += pass(codes, from, Math.min(vectorEnd, from + FLUSH * BL), base, bins, table);
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
            a0 = a0.add((byte) 1, c.compare(EQ, b));
            a1 = a1.add((byte) 1, c.compare(EQ, (byte) (b + 1)));
            a2 = a2.add((byte) 1, c.compare(EQ, (byte) (b + 2)));
            a3 = a3.add((byte) 1, c.compare(EQ, (byte) (b + 3)));
            a4 = a4.add((byte) 1, c.compare(EQ, (byte) (b + 4)));
            a5 = a5.add((byte) 1, c.compare(EQ, (byte) (b + 5)));
            a6 = a6.add((byte) 1, c.compare(EQ, (byte) (b + 6)));
            a7 = a7.add((byte) 1, c.compare(EQ, (byte) (b + 7)));
            a8 = a8.add((byte) 1, c.compare(EQ, (byte) (b + 8)));
            a9 = a9.add((byte) 1, c.compare(EQ, (byte) (b + 9)));
            a10 = a10.add((byte) 1, c.compare(EQ, (byte) (b + 10)));
            a11 = a11.add((byte) 1, c.compare(EQ, (byte) (b + 11)));
            a12 = a12.add((byte) 1, c.compare(EQ, (byte) (b + 12)));
            a13 = a13.add((byte) 1, c.compare(EQ, (byte) (b + 13)));
            a14 = a14.add((byte) 1, c.compare(EQ, (byte) (b + 14)));
            a15 = a15.add((byte) 1, c.compare(EQ, (byte) (b + 15)));
            a16 = a16.add((byte) 1, c.compare(EQ, (byte) (b + 16)));
            a17 = a17.add((byte) 1, c.compare(EQ, (byte) (b + 17)));
            a18 = a18.add((byte) 1, c.compare(EQ, (byte) (b + 18)));
            a19 = a19.add((byte) 1, c.compare(EQ, (byte) (b + 19)));
            a20 = a20.add((byte) 1, c.compare(EQ, (byte) (b + 20)));
            a21 = a21.add((byte) 1, c.compare(EQ, (byte) (b + 21)));
            a22 = a22.add((byte) 1, c.compare(EQ, (byte) (b + 22)));
            a23 = a23.add((byte) 1, c.compare(EQ, (byte) (b + 23)));
        }
        int slots = Math.min(SLOTS, bins - base);
        long counted = 0;
        // per slot: slots past the bins counted codes that are no bin, and are dropped
        counted += slots > 0 ? add(table, base, sum(a0)) : 0;
        counted += slots > 1 ? add(table, base + 1, sum(a1)) : 0;
        counted += slots > 2 ? add(table, base + 2, sum(a2)) : 0;
        counted += slots > 3 ? add(table, base + 3, sum(a3)) : 0;
        counted += slots > 4 ? add(table, base + 4, sum(a4)) : 0;
        counted += slots > 5 ? add(table, base + 5, sum(a5)) : 0;
        counted += slots > 6 ? add(table, base + 6, sum(a6)) : 0;
        counted += slots > 7 ? add(table, base + 7, sum(a7)) : 0;
        counted += slots > 8 ? add(table, base + 8, sum(a8)) : 0;
        counted += slots > 9 ? add(table, base + 9, sum(a9)) : 0;
        counted += slots > 10 ? add(table, base + 10, sum(a10)) : 0;
        counted += slots > 11 ? add(table, base + 11, sum(a11)) : 0;
        counted += slots > 12 ? add(table, base + 12, sum(a12)) : 0;
        counted += slots > 13 ? add(table, base + 13, sum(a13)) : 0;
        counted += slots > 14 ? add(table, base + 14, sum(a14)) : 0;
        counted += slots > 15 ? add(table, base + 15, sum(a15)) : 0;
        counted += slots > 16 ? add(table, base + 16, sum(a16)) : 0;
        counted += slots > 17 ? add(table, base + 17, sum(a17)) : 0;
        counted += slots > 18 ? add(table, base + 18, sum(a18)) : 0;
        counted += slots > 19 ? add(table, base + 19, sum(a19)) : 0;
        counted += slots > 20 ? add(table, base + 20, sum(a20)) : 0;
        counted += slots > 21 ? add(table, base + 21, sum(a21)) : 0;
        counted += slots > 22 ? add(table, base + 22, sum(a22)) : 0;
        counted += slots > 23 ? add(table, base + 23, sum(a23)) : 0;
        return counted;
    }

    private static long add(long[] table, int slot, long n) {
        table[slot] += n;
        return n;
    }

    /**
     * The lanes of a byte accumulator as unsigned values, summed: four bytes per int lane, each masked out and
     * added (at most 4·255 per int lane). Called once per accumulation, after the loop: small enough for C2 to
     * inline, and cheap to box if it does not.
     */
    private static long sum(ByteVector acc) {
        IntVector i = acc.reinterpretAsInts();
        return i.and(0xFF).add(i.lanewise(LSHR, 8).and(0xFF)).add(i.lanewise(LSHR, 16).and(0xFF))
                .add(i.lanewise(LSHR, 24)).reduceLanes(ADD);
    }
}
