package org.shannon4j.dependence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Kernels;

/**
 * {@link CountTable#ofLabels} against a hash-map count of the pairs: random labels at sizes around block-like
 * boundaries, ranges that grow along the input in every direction (negative labels, sorted labels), and ranges
 * that become too wide late in the input (dense codes). Written for a fused range-and-count pass that was
 * measured slower and not kept; the inputs still cover the range, dense and dense-code paths.
 */
class CountTableTest {

    private final Kernels k = Shannon.get("naive").context().kernels();

    /** The multiset of (x, y) pair counts, the row sums by x label and the column sums by y label. */
    private static void check(Kernels k, int[] x, int xOffset, int[] y, int yOffset, int length) {
        Map<Long, Integer> pairs = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> cols = new HashMap<>();
        for (int i = 0; i < length; i++) {
            int a = x[xOffset + i], b = y[yOffset + i];
            pairs.merge(((long) a << 32) | (b & 0xFFFFFFFFL), 1, Integer::sum);
            rows.merge(a, 1L, Long::sum);
            cols.merge(b, 1L, Long::sum);
        }
        CountTable t = CountTable.ofLabels(k, x, xOffset, y, yOffset, length);
        assertEquals(length, t.n);
        assertArrayEquals(sortedNonZero(pairs.values().stream().mapToLong(Integer::longValue).toArray()),
                sortedNonZero(joint(t)), "joint counts");
        assertArrayEquals(sortedNonZero(rows.values().stream().mapToLong(Long::longValue).toArray()),
                sortedNonZero(java.util.Arrays.copyOf(t.rows, t.rowLength)), "row sums");
        assertArrayEquals(sortedNonZero(cols.values().stream().mapToLong(Long::longValue).toArray()),
                sortedNonZero(java.util.Arrays.copyOf(t.cols, t.colLength)), "column sums");
        assertEquals(rows.size(), t.nonEmptyRows);
        assertEquals(cols.size(), t.nonEmptyCols);
        // The dense layout, when dense: cell (i, j) counts x = xMin + i, y = yMin + j.
        int xMin = java.util.Arrays.stream(x, xOffset, xOffset + length).min().getAsInt();
        int yMin = java.util.Arrays.stream(y, yOffset, yOffset + length).min().getAsInt();
        long xRange = (long) java.util.Arrays.stream(x, xOffset, xOffset + length).max().getAsInt() - xMin + 1;
        long yRange = (long) java.util.Arrays.stream(y, yOffset, yOffset + length).max().getAsInt() - yMin + 1;
        if (t.rowLength == xRange && t.colLength == yRange && xRange * yRange == t.jointLength) {
            for (var e : pairs.entrySet()) {
                int a = (int) (e.getKey() >> 32), b = (int) (long) e.getKey();
                assertEquals((long) e.getValue(), t.joint((a - xMin) * t.colLength + (b - yMin)), "cell " + a + "," + b);
            }
        }
    }

    private static long[] joint(CountTable t) {
        long[] v = new long[t.jointLength];
        for (int i = 0; i < v.length; i++) {
            v[i] = t.joint(i);
        }
        return v;
    }

    private static long[] sortedNonZero(long[] v) {
        return java.util.Arrays.stream(v).filter(c -> c != 0).sorted().toArray();
    }

    private static int[] make(int n, IntUnaryOperator f) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = f.applyAsInt(i);
        }
        return a;
    }

    @Test
    void randomLabelsMatchAHashCount() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : new int[] {4096 - 1, 2 * 4096 - 1, 2 * 4096,
                2 * 4096 + 1, 5 * 4096 + 17, 100_000}) {
            for (int kx : new int[] {1, 3, 100, 1000}) {
                int[] x = make(n + 5, i -> r.nextInt(kx) - kx / 2);
                int[] y = make(n + 9, i -> r.nextInt(7) + 40);
                check(k, x, 5, y, 9, n);
                check(k, y, 0, x, 0, n);
            }
        }
    }

    @Test
    void rangesGrowingEveryBlockInEveryDirection() {
        int n = 40 * 4096 + 123;
        SplittableRandom r = new SplittableRandom(2);
        // x grows upwards (rows appended), y downwards (columns prepended, every row moves), then both.
        int[] up = make(n, i -> i / 3000 + r.nextInt(2));
        int[] down = make(n, i -> -i / 5000 - r.nextInt(3));
        int[] both = make(n, i -> (i % 2 == 0 ? 1 : -1) * (i / 4000) + r.nextInt(2));
        check(k, up, 0, down, 0, n);
        check(k, down, 0, up, 0, n);
        check(k, both, 0, both, 0, n);
        check(k, both, 0, down, 0, n);
        // A sorted y over a wide-ish range: more re-layouts than the budget allows, then one range pass.
        int[] sortedY = make(n, i -> i / 40);
        int[] smallX = make(n, i -> r.nextInt(5));
        check(k, smallX, 0, sortedY, 0, n);
        check(k, sortedY, 0, smallX, 0, n);
    }

    @Test
    void rangeTooWideLateFallsBackToDenseCodes() {
        int n = 10 * 4096;
        SplittableRandom r = new SplittableRandom(3);
        int[] x = make(n, i -> i < 5 * 4096 ? r.nextInt(10) : r.nextInt(10) * 1_000_000_000);
        int[] y = make(n, i -> r.nextInt(4));
        check(k, x, 0, y, 0, n);
        check(k, y, 0, x, 0, n);
        int[] z = make(n, i -> i == n - 1 ? Integer.MIN_VALUE : (i == n - 2 ? Integer.MAX_VALUE : r.nextInt(3)));
        check(k, z, 0, y, 0, n);
        check(k, y, 0, z, 0, n);
    }
}
