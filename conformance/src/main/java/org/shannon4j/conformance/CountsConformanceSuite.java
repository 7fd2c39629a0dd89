package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Shannon;
import org.shannon4j.counts.LabelCounts;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.counts.TripleCounts;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.Estimator;
import org.shannon4j.dependence.NmiAverage;

/**
 * The public count tables on every backend: each MI-family measure of a table counted by the backend — whole,
 * combined from random parts, or read back from bytes — has exactly the bits of the label-array method on the
 * same samples, on the dense, dense-code and sparse counting paths and with several threads. Integer counts are
 * exact, so a backend that counts or sums differently for a table than for labels fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CountsConformanceSuite {

    /** The backends to certify: every supported one by default. */
    protected Stream<Shannon> backends() {
        return ConformanceBackends.supported();
    }

    Stream<Shannon> all() {
        return backends();
    }

    private static void sameBits(Shannon s, int[] x, int[] y, int[] z, PairCounts p, LabelCounts l,
                                 TripleCounts t, String where) {
        assertEquals(s.dependence().mutualInformation(x, y), s.dependence().mutualInformation(p), where);
        for (Estimator e : Estimator.values()) {
            assertEquals(s.dependence().mutualInformation(x, y, e), s.dependence().mutualInformation(p, e), where + ", " + e);
            assertEquals(s.dependence().labelEntropy(x, e), s.dependence().entropy(l, e), where + ", " + e);
        }
        assertEquals(s.dependence().jointEntropy(x, y), s.dependence().jointEntropy(p), where);
        assertEquals(s.dependence().conditionalEntropy(x, y), s.dependence().conditionalEntropy(p), where);
        assertEquals(s.dependence().variationOfInformation(x, y), s.dependence().variationOfInformation(p), where);
        for (NmiAverage a : NmiAverage.values()) {
            assertEquals(s.dependence().normalizedMutualInformation(x, y, a), s.dependence().normalizedMutualInformation(p, a), where + ", " + a);
        }
        assertEquals(s.dependence().adjustedMutualInformation(x, y, NmiAverage.ARITHMETIC),
                s.dependence().adjustedMutualInformation(p, NmiAverage.ARITHMETIC), where);
        assertEquals(s.dependence().independenceTest(x, y), s.dependence().independenceTest(p), where);
        assertEquals(s.dependence().conditionalMutualInformation(x, y, z), s.dependence().conditionalMutualInformation(t), where);
    }

    private static int[] labels(int n, int lo, int span, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = span == 0 ? r.nextInt() : lo + r.nextInt(span);
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void tablesGiveTheBitsOfTheLabelMethodsOnEveryPath(Shannon s) {
        Dependence d = s.dependence();
        SplittableRandom r = new SplittableRandom(5);
        int[] spans = {1, 2, 10, 300, 5000, 1 << 20, 0};
        for (int n = 1; n <= 3 * 64 + 3; n += (n < 40 ? 1 : 17)) {
            for (int span : spans) {
                int[] x = labels(n, -7, span, r);
                int[] y = labels(n, -7, span, r);
                for (int i = 0; i < n; i += 3) {
                    y[i] = x[i];
                }
                int[] z = labels(n, 3, Math.max(1, Math.min(span, 6)), r);
                sameBits(s, x, y, z, d.countPairs(x, y), d.countLabels(x), d.countTriples(x, y, z),
                        "n = " + n + ", span = " + span);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void combinedPartsAndBytesGiveTheBitsOfTheWhole(Shannon s) {
        Dependence d = s.dependence();
        SplittableRandom r = new SplittableRandom(9);
        for (int span : new int[] {4, 1000, 1 << 22, 0}) {
            int n = 20_000 + r.nextInt(1000);
            int[] x = labels(n, -50, span, r);
            int[] y = labels(n, 100, span == 0 ? 0 : Math.max(2, span / 3), r);
            for (int i = 0; i < n; i += 2) {
                y[i] = x[i] / 2;
            }
            int[] z = labels(n, 0, 5, r);
            List<PairCounts> pairs = new ArrayList<>();
            List<LabelCounts> singles = new ArrayList<>();
            List<TripleCounts> triples = new ArrayList<>();
            for (int from = 0; from < n; ) {
                int len = Math.min(n - from, 1 + r.nextInt(n / 3));
                PairCounts p = d.countPairs(x, from, y, from, len);
                pairs.add(PairCounts.fromBytes(p.toBytes())); // as a Spark partition would ship it
                singles.add(d.countLabels(x, from, len));
                triples.add(TripleCounts.fromBytes(d.countTriples(x, from, y, from, z, from, len).toBytes()));
                from += len;
            }
            PairCounts p = new PairCounts();
            LabelCounts l = new LabelCounts();
            TripleCounts t = new TripleCounts();
            for (int i = pairs.size() - 1; i >= 0; i--) { // reverse order: combine does not care
                p.combine(pairs.get(i));
                l.combine(singles.get(i));
                t.combine(triples.get(i));
            }
            assertEquals(d.countPairs(x, y), p, "span " + span);
            assertEquals(s.withParallelism(2).dependence().countPairs(x, y), p, "span " + span);
            sameBits(s, x, y, z, p, l, t, "span " + span);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void longInputsCountedOverThreadsGiveTheSameTable(Shannon s) {
        Dependence d = s.dependence();
        SplittableRandom r = new SplittableRandom(13);
        int n = (1 << 21) + 11;
        int[] x = labels(n, 0, 300, r);
        int[] y = labels(n, 0, 300, r);
        PairCounts sequential = d.countPairs(x, y);
        assertEquals(sequential, s.withParallelism(2).dependence().countPairs(x, y));
        assertEquals(d.mutualInformation(x, y), d.mutualInformation(sequential));
        assertEquals(s.withParallelism(2).dependence().mutualInformation(x, y), d.mutualInformation(sequential));
    }

    /**
     * Tables whose ints miss L2 are counted in bytes with the wraps carried into ints where a byte per cell fits
     * L2, directly where it does not (a 1 MB L2 at 1000 × 1000; the api module's PairCountTest takes both ways on
     * any machine): the same table as a direct count, for wide and narrow shapes, skewed labels (cells of 255, 256,
     * 257, 511, 512 and 300,000 counts: the byte wraps 0, 1 and many times), negative labels far from 0, unequal
     * offsets, lengths that are multiples of nothing, and two threads.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void largeTablesGiveTheDirectCount(Shannon s) {
        SplittableRandom r = new SplittableRandom(21);
        int[][] shapes = {{1000, 1000}, {5000, 100}, {100, 5000}, {600, 600}, {512, 512}};
        for (int[] shape : shapes) {
            int cells = shape[0] * shape[1];
            // 1000 x 1000: long enough that each of two threads counts its part in bytes (on a 2 MB L2).
            int n = (cells == 1_000_000 ? 1 << 21 : cells) + 1 + r.nextInt(200_000);
            boolean skewed = shape[0] != 600;
            int xLo = skewed ? Integer.MIN_VALUE + 3 : -300;
            int yLo = skewed ? 2_000_000_000 : -100_000;
            int xOff = 1 + r.nextInt(9);
            int yOff = r.nextInt(3);
            int[] x = new int[xOff + n + 2];
            int[] y = new int[yOff + n + 5];
            java.util.Arrays.fill(x, Integer.MAX_VALUE); // outside the range: read outside it and the table breaks
            java.util.Arrays.fill(y, Integer.MIN_VALUE);
            int[] special = {255, 256, 257, 511, 512};
            int i = 0;
            if (skewed) {
                for (int c = 0; c < special.length; c++) {
                    int cx = r.nextInt(shape[0]), cy = r.nextInt(shape[1]);
                    for (int k = 0; k < special[c]; k++, i++) {
                        x[xOff + i] = xLo + cx;
                        y[yOff + i] = yLo + cy;
                    }
                }
                for (int k = 0; k < 300_000 && i < n; k++, i++) {
                    x[xOff + i] = xLo + shape[0] - 1;
                    y[yOff + i] = yLo;
                }
            }
            for (; i < n; i++) {
                // The corners pin the ranges; the rest uniform, or squared for a skew towards low labels.
                int a = r.nextInt(shape[0]), b = r.nextInt(shape[1]);
                if (skewed && (i & 1) == 0) {
                    a = (int) ((long) a * a / shape[0]);
                    b = (int) ((long) b * b / shape[1]);
                }
                x[xOff + i] = xLo + (i == n - 1 ? 0 : a);
                y[yOff + i] = yLo + (i == n - 2 ? shape[1] - 1 : b);
            }
            for (int j = n - 1; j > 0; j--) { // shuffle the planted runs among the rest
                int k = r.nextInt(j + 1);
                int t = x[xOff + j]; x[xOff + j] = x[xOff + k]; x[xOff + k] = t;
                t = y[yOff + j]; y[yOff + j] = y[yOff + k]; y[yOff + k] = t;
            }
            long[] direct = new long[cells];
            for (int j = 0; j < n; j++) {
                direct[(x[xOff + j] - xLo) * shape[1] + (y[yOff + j] - yLo)]++;
            }
            int m = 0;
            for (long c : direct) {
                m += c != 0 ? 1 : 0;
            }
            int[] cx = new int[m], cy = new int[m];
            long[] cc = new long[m];
            for (int c = 0, j = 0; c < cells; c++) {
                if (direct[c] != 0) {
                    cx[j] = xLo + c / shape[1];
                    cy[j] = yLo + c % shape[1];
                    cc[j++] = direct[c];
                }
            }
            PairCounts expected = PairCounts.ofCells(cx, cy, cc);
            String where = shape[0] + " x " + shape[1] + ", n = " + n;
            for (int threads : new int[] {1, 2}) {
                Dependence d = s.withParallelism(threads).dependence();
                assertEquals(expected, d.countPairs(x, xOff, y, yOff, n), where + ", threads " + threads);
                assertEquals(d.mutualInformation(expected), d.mutualInformation(x, xOff, y, yOff, n),
                        where + ", threads " + threads);
            }
        }
    }
}
