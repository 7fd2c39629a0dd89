package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.ULT;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The row bitsets of a byte column's levels ({@link org.shannon4j.spi.CountingKernels#levelSets}): per 64 rows and
 * level, one {@code compare(EQ)} of the rows' codes with the level, whose mask is the level's bitset word
 * ({@code toLong}: VPCMPEQB into a mask register and KMOVQ on AVX-512BW), ORed into the word. The plain loop's
 * one scattered read-modify-write per row instead waits on the store of the previous row whenever two nearby rows
 * share a level's word; here each word is written once per level.
 *
 * <p>Lanes: 64 rows are one vector of 64 bytes at 512 bits, two of 32 at 256 and four of 16 at 128, their masks
 * shifted into place; each shape is its own small method (no method takes or returns a vector), and the shape is
 * a constant, so C2 keeps only one of them. The rows after the last whole word are set by the plain loop.
 */
final class SimdLevelSets {

    private static final VectorSpecies<Byte> B = Species.B;
    private static final int BL = B.length();

    private SimdLevelSets() {
    }

    static void levelSets(byte[] codes, int offset, int length, int sets, long[] bits, int bitsOffset, int words) {
        // A byte equals at most 256 levels; (byte) 256 would be level 0 again.
        int levels = Math.min(sets, 256);
        int whole = length >>> 6;
        if (BL == 64) {
            words1(codes, offset, whole, levels, bits, bitsOffset, words);
        } else if (BL == 32) {
            words2(codes, offset, whole, levels, bits, bitsOffset, words);
        } else if (BL == 16) {
            words4(codes, offset, whole, levels, bits, bitsOffset, words);
        } else {
            whole = 0; // no other shape is supported by the backend: the plain loop, to stay correct
        }
        for (int i = whole << 6; i < length; i++) {
            int v = codes[offset + i] & 0xFF;
            if (v < levels) {
                bits[bitsOffset + v * words + (i >>> 6)] |= 1L << i;
            }
        }
    }

    /** 64 lanes: a word's rows are one vector. */
    private static void words1(byte[] codes, int offset, int whole, int levels, long[] bits, int bitsOffset,
                               int words) {
        for (int w = 0; w < whole; w++) {
            ByteVector x = ByteVector.fromArray(B, codes, offset + (w << 6));
            for (int v = 0, at = bitsOffset + w; v < levels; v++, at += words) {
                bits[at] |= x.compare(EQ, (byte) v).toLong();
            }
        }
    }

    /** 32 lanes: a word's rows are two vectors, the second's mask in the high half. */
    private static void words2(byte[] codes, int offset, int whole, int levels, long[] bits, int bitsOffset,
                               int words) {
        for (int w = 0; w < whole; w++) {
            int r = offset + (w << 6);
            ByteVector x0 = ByteVector.fromArray(B, codes, r);
            ByteVector x1 = ByteVector.fromArray(B, codes, r + 32);
            for (int v = 0, at = bitsOffset + w; v < levels; v++, at += words) {
                byte b = (byte) v;
                bits[at] |= x0.compare(EQ, b).toLong() | x1.compare(EQ, b).toLong() << 32;
            }
        }
    }

    /** 16 lanes: four vectors per word. */
    private static void words4(byte[] codes, int offset, int whole, int levels, long[] bits, int bitsOffset,
                               int words) {
        for (int w = 0; w < whole; w++) {
            int r = offset + (w << 6);
            ByteVector x0 = ByteVector.fromArray(B, codes, r);
            ByteVector x1 = ByteVector.fromArray(B, codes, r + 16);
            ByteVector x2 = ByteVector.fromArray(B, codes, r + 32);
            ByteVector x3 = ByteVector.fromArray(B, codes, r + 48);
            for (int v = 0, at = bitsOffset + w; v < levels; v++, at += words) {
                byte b = (byte) v;
                bits[at] |= x0.compare(EQ, b).toLong() | x1.compare(EQ, b).toLong() << 16
                        | x2.compare(EQ, b).toLong() << 32 | x3.compare(EQ, b).toLong() << 48;
            }
        }
    }

    /**
     * The bit planes of the codes 1 .. levels ({@link org.shannon4j.spi.CountingKernels#levelPlanes}): per 64 rows,
     * the codes plus one where below the level count, and per plane one test of its bit, whose mask is the plane's
     * word. 64 byte lanes only; other shapes run the reference.
     */
    static boolean levelPlanes(byte[] codes, int offset, int length, int sets, long[] bits, int bitsOffset,
                               int words) {
        if (BL != 64) {
            return false;
        }
        int planes = 32 - Integer.numberOfLeadingZeros(sets);
        int whole = length >>> 6;
        for (int w = 0; w < whole; w++) {
            ByteVector x = ByteVector.fromArray(B, codes, offset + (w << 6));
            VectorMask<Byte> coded = x.compare(ULT, (byte) sets);
            ByteVector code = x.add((byte) 1);
            for (int q = 0, at = bitsOffset + w; q < planes; q++, at += words) {
                bits[at] |= code.and((byte) (1 << q)).compare(NE, (byte) 0).and(coded).toLong();
            }
        }
        for (int i = whole << 6; i < length; i++) {
            int v = codes[offset + i] & 0xFF;
            if (v < sets) {
                for (int c = v + 1; c != 0; c &= c - 1) {
                    bits[bitsOffset + Integer.numberOfTrailingZeros(c) * words + (i >>> 6)] |= 1L << i;
                }
            }
        }
        return true;
    }
}
