package org.shannon4j.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The SPI's defaults on their own: {@code new Kernels() {}} is a complete backend. The dense codes (the JDK-only
 * open-addressing table) match a {@link HashMap} numbering in order of first appearance, through growth, with
 * key 0, negative labels, and pair keys that differ only in x (the high half of the 64-bit key); and a
 * float block longer than the reference block (a subclass's choice) is widened whole, as its double copy.
 */
class ReferenceKernelsTest {

    private static final Kernels REFERENCE = new Kernels() { };

    private static int[] expectedCodes(long[] keys) {
        Map<Long, Integer> seen = new HashMap<>();
        int[] codes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            codes[i] = seen.computeIfAbsent(keys[i], key -> seen.size());
        }
        return codes;
    }

    @Test
    void denseCodesNumberLabelsInOrderOfFirstAppearance() {
        SplittableRandom random = new SplittableRandom(1);
        for (int distinct : new int[] {1, 7, 1000, 50_000}) {
            int n = 3 * distinct + 5;
            int[] pool = new int[distinct];
            for (int i = 0; i < distinct; i++) {
                pool[i] = i == 0 ? 0 : i == 1 ? Integer.MIN_VALUE : i % 3 == 0 ? -i : random.nextInt();
            }
            int[] a = new int[n + 2];
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                a[i + 2] = pool[random.nextInt(distinct)];
                keys[i] = a[i + 2];
            }
            int[] codes = new int[n];
            int[] expected = expectedCodes(keys);
            int k = REFERENCE.denseCodes(a, 2, n, codes);
            assertArrayEquals(expected, codes);
            assertEquals(java.util.Arrays.stream(expected).max().orElse(-1) + 1, k);
        }
    }

    @Test
    void densePairCodesTellApartPairsThatDifferOnlyInX() {
        int n = 40_000;
        int[] x = new int[n];
        int[] y = new int[n]; // all zero: the keys differ only in their high 32 bits
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i * 7919) % 10_007 - 5000;
            keys[i] = ((long) x[i] << 32) | (y[i] & 0xFFFFFFFFL);
        }
        int[] expected = expectedCodes(keys);
        int[] codes = new int[n];
        assertEquals(10_007, REFERENCE.densePairCodes(x, 0, y, 0, n, codes));
        assertArrayEquals(expected, codes);
        // codes may be one of the label arrays itself
        int[] xCopy = x.clone();
        assertEquals(10_007, REFERENCE.densePairCodes(xCopy, 0, y, 0, n, xCopy));
        assertArrayEquals(expected, xCopy);
    }

    @Test
    void floatBlocksLongerThanTheReferenceBlockAreWidenedWhole() {
        BlockedKernels longBlocks = new BlockedKernels() {
            @Override
            protected int blockLength() {
                return 4 * REFERENCE_BLOCK + 3;
            }
        };
        SplittableRandom random = new SplittableRandom(2);
        int n = 10 * BlockedKernels.REFERENCE_BLOCK + 1;
        float[] p = new float[n];
        float[] q = new float[n];
        double[] pd = new double[n];
        double[] qd = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) random.nextDouble();
            q[i] = (float) random.nextDouble();
            pd[i] = p[i];
            qd[i] = q[i];
        }
        double[] aux = new double[DistributionKernels.AUX_LENGTH];
        assertEquals(longBlocks.xLogX(pd, 0, n, aux), longBlocks.xLogX(p, 0, n, aux));
        assertEquals(longBlocks.sum(pd, 0, n, aux), longBlocks.sum(p, 0, n, aux));
        assertEquals(longBlocks.jensenShannonTerms(pd, 0, qd, 0, n, 1.0, aux),
                longBlocks.jensenShannonTerms(p, 0, q, 0, n, 1.0, aux));
        assertEquals(REFERENCE.xLogXOverY(pd, 0, qd, 0, n, aux), REFERENCE.xLogXOverY(p, 0, q, 0, n, aux));
    }
}
