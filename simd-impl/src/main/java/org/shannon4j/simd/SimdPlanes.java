package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.AND_NOT;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row sets decoded from bit planes ({@link org.shannon4j.spi.CountingKernels#decodePlanes}). Four planes coding 8
 * to 15 sets (columns of 9 to 16 levels; 10, the selection's common case) take one pass: per vector of words, the
 * four combinations of planes 0 and 1 and the four of planes 2 and 3 (eight AND / AND-NOT / NOR), then one AND
 * per set, 17 operations for 9 sets. Other plane counts go set by set, plane by plane over the set's words, which
 * stay in L1 between the passes. The words after the last whole vector are decoded by the plain loop.
 */
final class SimdPlanes {

    private static final VectorSpecies<Long> L = Species.L;
    private static final int LL = L.length();

    private SimdPlanes() {
    }

    static void decodePlanes(long[] planes, int planesOffset, int planeCount, int sets, int words, long[] out,
                             int outOffset) {
        int vectorWords = words - words % LL;
        if (planeCount == 4 && sets >= 8 && sets <= 15) {
            fourPlanes(planes, planesOffset, sets, words, vectorWords, out, outOffset);
        } else {
            for (int a = 0; a < sets; a++) {
                planeByPlane(planes, planesOffset, planeCount, a + 1, words, vectorWords, out, outOffset + a * words);
            }
        }
        for (int a = 0; a < sets; a++) {
            int code = a + 1;
            for (int w = vectorWords; w < words; w++) {
                long rows = -1L;
                for (int q = 0; q < planeCount; q++) {
                    long plane = planes[planesOffset + q * words + w];
                    rows &= (code >>> q & 1) != 0 ? plane : ~plane;
                }
                out[outOffset + a * words + w] = rows;
            }
        }
    }

    /** Codes 1 .. sets (8 to 15) of four planes, one pass over the words. */
    private static void fourPlanes(long[] planes, int from, int sets, int words, int vectorWords, long[] out,
                                   int to) {
        for (int w = 0; w < vectorWords; w += LL) {
            LongVector p0 = LongVector.fromArray(L, planes, from + w);
            LongVector p1 = LongVector.fromArray(L, planes, from + words + w);
            LongVector p2 = LongVector.fromArray(L, planes, from + 2 * words + w);
            LongVector p3 = LongVector.fromArray(L, planes, from + 3 * words + w);
            LongVector lo0 = p0.or(p1).not();
            LongVector lo1 = p0.lanewise(AND_NOT, p1);
            LongVector lo2 = p1.lanewise(AND_NOT, p0);
            LongVector lo3 = p0.and(p1);
            LongVector hi0 = p2.or(p3).not();
            LongVector hi1 = p2.lanewise(AND_NOT, p3);
            LongVector hi2 = p3.lanewise(AND_NOT, p2);
            LongVector hi3 = p2.and(p3);
            int o = to + w;
            lo1.and(hi0).intoArray(out, o);
            lo2.and(hi0).intoArray(out, o + words);
            lo3.and(hi0).intoArray(out, o + 2 * words);
            lo0.and(hi1).intoArray(out, o + 3 * words);
            lo1.and(hi1).intoArray(out, o + 4 * words);
            lo2.and(hi1).intoArray(out, o + 5 * words);
            lo3.and(hi1).intoArray(out, o + 6 * words);
            lo0.and(hi2).intoArray(out, o + 7 * words);
            if (sets > 8) {
                lo1.and(hi2).intoArray(out, o + 8 * words);
            }
            if (sets > 9) {
                lo2.and(hi2).intoArray(out, o + 9 * words);
            }
            if (sets > 10) {
                lo3.and(hi2).intoArray(out, o + 10 * words);
            }
            if (sets > 11) {
                lo0.and(hi3).intoArray(out, o + 11 * words);
            }
            if (sets > 12) {
                lo1.and(hi3).intoArray(out, o + 12 * words);
            }
            if (sets > 13) {
                lo2.and(hi3).intoArray(out, o + 13 * words);
            }
            if (sets > 14) {
                lo3.and(hi3).intoArray(out, o + 14 * words);
            }
        }
    }

    /** The set of one code: its words from plane 0, then ANDed with each further plane (or its complement). */
    private static void planeByPlane(long[] planes, int from, int planeCount, int code, int words, int vectorWords,
                                     long[] out, int to) {
        long flip = (code & 1) != 0 ? 0L : -1L;
        for (int w = 0; w < vectorWords; w += LL) {
            LongVector.fromArray(L, planes, from + w).lanewise(XOR, flip).intoArray(out, to + w);
        }
        for (int q = 1; q < planeCount; q++) {
            long f = (code >>> q & 1) != 0 ? 0L : -1L;
            int plane = from + q * words;
            for (int w = 0; w < vectorWords; w += LL) {
                LongVector.fromArray(L, planes, plane + w).lanewise(XOR, f)
                        .and(LongVector.fromArray(L, out, to + w)).intoArray(out, to + w);
            }
        }
    }
}
