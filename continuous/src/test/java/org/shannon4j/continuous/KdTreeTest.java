package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Parallelism;

/**
 * The k-d tree search against the brute-force scan, to the bit: k-th distances, KSG1/KSG2 counts (2 and 3 blocks),
 * Kozachenko–Leonenko distances (both norms) and the continuous × discrete counts (both conventions), on data with
 * heavy ties and duplicate rows, dimensions 1 to 5, and with 1 and 3 threads.
 */
class KdTreeTest {

    private static final Parallelism THREE = Shannon.get().withParallelism(3).context().parallelism();

    /** n rows of d columns: kinds of ties (small integers, tenths, duplicate rows, a constant column) or none. */
    private static double[] sample(Random r, int n, int d, int kind) {
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                v[i * d + c] = switch (kind) {
                    case 0 -> r.nextInt(4);
                    case 1 -> r.nextInt(9) * 0.1 - 0.3;
                    case 2 -> c == 0 ? 1.5 : r.nextGaussian();
                    default -> r.nextGaussian();
                };
            }
            if (i > 0 && r.nextInt(4) == 0) { // a duplicate of an earlier row
                System.arraycopy(v, r.nextInt(i) * d, v, i * d, d);
            }
        }
        return v;
    }

    @Test
    void ksgCountsMatchTheScan() {
        Random r = new Random(42);
        for (int trial = 0; trial < 60; trial++) {
            int n = 200 + r.nextInt(400);
            int k = 1 + r.nextInt(trial % 4 == 3 ? n - 1 : 6); // any k now and then: the tree's k best are a heap
            int blocks = 2 + r.nextInt(2);
            int[] dims = new int[blocks];
            double[][] data = new double[blocks][];
            int kind = r.nextInt(4);
            for (int b = 0; b < blocks; b++) {
                dims[b] = 1 + r.nextInt(blocks == 2 ? 3 : 2);
                data[b] = sample(r, n, dims[b], kind);
            }
            if (trial % 5 == 0) { // Y a copy of X: joint ties everywhere
                dims[1] = dims[0];
                data[1] = data[0].clone();
            }
            for (KsgAlgorithm a : KsgAlgorithm.values()) {
                String what = "trial " + trial + " " + a + " n=" + n + " k=" + k + " dims=" + java.util.Arrays
                        .toString(dims) + " kind=" + kind;
                int[][] brute = new KnnBlocks(data, dims, n, k, false).counts(a, Parallelism.SEQUENTIAL);
                int[][] tree = new KnnBlocks(data, dims, n, k, true).counts(a, Parallelism.SEQUENTIAL);
                int[][] tree3 = new KnnBlocks(data, dims, n, k, true).counts(a, THREE);
                for (int c = 0; c < blocks; c++) {
                    assertArrayEquals(brute[c], tree[c], what + " count " + c);
                    assertArrayEquals(brute[c], tree3[c], what + " count " + c + ", 3 threads");
                }
            }
        }
    }

    /** Fewer rows than k: all of them, ascending by distance then row, from index 0 (the heap is unrolled). */
    @Test
    void fewerRowsThanKAreAscending() {
        double[] pts = {5, 1, 3, 1, 9, 0};
        KdTree t = new KdTree(pts, 1, null, false);
        KdTree.Query q = new KdTree.Query(8, t);
        assertEquals(5, t.nearest(pts, 0, 0, 8, q)); // the rows around row 0 (x = 5), itself left out
        assertArrayEquals(new double[] {2, 4, 4, 4, 5}, java.util.Arrays.copyOf(q.bestD, 5));
        assertArrayEquals(new int[] {2, 1, 3, 4, 5}, java.util.Arrays.copyOf(q.bestJ, 5));
    }

    @Test
    void kthDistancesMatchTheScan() {
        Random r = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = 100 + r.nextInt(500);
            int d = 1 + r.nextInt(5);
            int k = 1 + r.nextInt(trial % 4 == 3 ? n - 1 : 8);
            int kind = r.nextInt(4);
            double[] x = sample(r, n, d, kind);
            for (boolean euclidean : new boolean[] {false, true}) {
                String what = "trial " + trial + " n=" + n + " d=" + d + " k=" + k + " kind=" + kind
                        + (euclidean ? " euclidean" : " max");
                double[][] blocks = {x};
                int[] dims = {d};
                double[] brute = new KnnBlocks(blocks, dims, n, k, false).kthDistances(euclidean,
                        Parallelism.SEQUENTIAL);
                assertArrayEquals(brute, new KnnBlocks(blocks, dims, n, k, true).kthDistances(euclidean,
                        Parallelism.SEQUENTIAL), what);
                assertArrayEquals(brute, new KnnBlocks(blocks, dims, n, k, true).kthDistances(euclidean, THREE),
                        what + ", 3 threads");
            }
        }
    }

    @Test
    void mixedCountsMatchTheScan() {
        Random r = new Random(9);
        for (int trial = 0; trial < 60; trial++) {
            int n = 100 + r.nextInt(500);
            int d = 1 + r.nextInt(5);
            int k = 1 + r.nextInt(5);
            int kind = r.nextInt(4);
            double[] x = sample(r, n, d, kind);
            int labels = 1 + r.nextInt(6);
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(labels) * 7 - 3;
            }
            y[0] = 1000; // a label occurring once
            Map<Integer, Integer> counts = new HashMap<>();
            for (int label : y) {
                counts.merge(label, 1, Integer::sum);
            }
            String what = "trial " + trial + " n=" + n + " d=" + d + " k=" + k + " kind=" + kind;
            KsgMixed.Neighbours sk = new KsgMixed.Neighbours(x, d, n, y, k, counts, true);
            int[] brute = sk.counts(Parallelism.SEQUENTIAL, false);
            assertArrayEquals(brute, sk.counts(Parallelism.SEQUENTIAL, true), what + " sklearn");
            assertArrayEquals(brute, sk.counts(THREE, true), what + " sklearn, 3 threads");
            y[0] = y[1];
            counts.clear();
            for (int label : y) {
                counts.merge(label, 1, Integer::sum);
            }
            if (counts.values().stream().allMatch(c -> c > k)) {
                KsgMixed.Neighbours jidt = new KsgMixed.Neighbours(x, d, n, y, k, counts, false);
                int[] bj = jidt.counts(Parallelism.SEQUENTIAL, false);
                assertArrayEquals(bj, jidt.counts(Parallelism.SEQUENTIAL, true), what + " jidt");
                assertArrayEquals(bj, jidt.counts(THREE, true), what + " jidt, 3 threads");
            }
        }
    }

    /**
     * Few distinct rows: leaves of coincident points, searched in row order and left at the first point rejected.
     * The k nearest rows themselves (by distance, then row) against a sort of all the others, for k below, at and
     * above a cluster's size, the query's own row anywhere in its cluster.
     */
    @Test
    void coincidentLeavesGiveTheLowestRows() {
        Random r = new Random(13);
        for (int trial = 0; trial < 40; trial++) {
            int n = 150 + r.nextInt(600);
            int d = 1 + r.nextInt(3);
            int distinct = 1 + r.nextInt(6);
            double[] centres = new double[distinct * d];
            for (int i = 0; i < centres.length; i++) {
                centres[i] = r.nextInt(5) - (trial % 3 == 0 ? 0.0 : 2.5); // −0.0 and 0.0 coincide too
            }
            double[] x = new double[n * d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(centres, r.nextInt(distinct) * d, x, i * d, d);
                if (trial % 3 == 0 && x[i * d] == 0 && r.nextBoolean()) {
                    x[i * d] = -0.0;
                }
            }
            boolean squared = trial % 2 == 1;
            KdTree t = new KdTree(x, d, null, squared);
            int k = 1 + r.nextInt(trial % 4 == 3 ? n - 1 : Math.max(1, n / distinct));
            KdTree.Query q = new KdTree.Query(k, t);
            for (int i = 0; i < n; i += 1 + r.nextInt(9)) {
                double[] dist = new double[n];
                Integer[] order = new Integer[n - 1];
                for (int j = 0, o = 0; j < n; j++) {
                    double m = 0;
                    for (int c = 0; c < d; c++) {
                        double g = x[j * d + c] - x[i * d + c];
                        m = squared ? m + g * g : Math.max(m, Math.abs(g));
                    }
                    dist[j] = m;
                    if (j != i) {
                        order[o++] = j;
                    }
                }
                java.util.Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : a - b);
                assertEquals(k, t.nearest(x, i * d, i, k, q));
                int[] rows = java.util.Arrays.copyOf(q.bestJ, k);
                java.util.Arrays.sort(rows);
                int[] expected = new int[k];
                for (int m = 0; m < k; m++) {
                    expected[m] = order[m];
                }
                java.util.Arrays.sort(expected);
                String what = "trial " + trial + " n=" + n + " d=" + d + " k=" + k + " row " + i;
                assertArrayEquals(expected, rows, what);
                assertEquals(dist[order[k - 1]], q.bestD[k - 1], what);
                assertEquals(order[k - 1], q.bestJ[k - 1], what);
            }
        }
    }

    @Test
    void allPointsEqual() {
        int n = 300;
        double[] x = new double[n * 2];
        double[][] blocks = {x, x.clone()};
        int[] dims = {2, 2};
        for (KsgAlgorithm a : KsgAlgorithm.values()) {
            int[][] brute = new KnnBlocks(blocks, dims, n, 3, false).counts(a, Parallelism.SEQUENTIAL);
            int[][] tree = new KnnBlocks(blocks, dims, n, 3, true).counts(a, Parallelism.SEQUENTIAL);
            assertArrayEquals(brute[0], tree[0], a.toString());
            assertArrayEquals(brute[1], tree[1], a.toString());
            assertEquals(a == KsgAlgorithm.KSG1 ? 0 : n - 1, tree[0][5], a.toString());
        }
    }
}
