package org.shannon4j.continuous;

import java.util.Arrays;

/**
 * An exact k-d tree over rows of a row-major array, for the k-NN estimators: k nearest neighbours (max-norm, or
 * squared Euclidean summed in column order) and counts of the points in a box around a point (per-coordinate
 * half-widths, {@code <} or {@code ≤}). Immutable after construction, so one tree serves any number of threads;
 * each thread brings its own {@link Query} scratch, and no query allocates.
 *
 * <p>Every answer is the brute-force scan's to the bit. Distances are computed by the same floating-point
 * expressions as the scan (|a − b| per coordinate, or (a − b)² added from column 0 up), and a node is pruned or
 * taken whole only by bounds that floating-point rounding cannot cross: a − q rounds monotonically in a, so no
 * point of a node's bounding box [lo, hi] is nearer than the rounded gap to lo or hi, nor farther than the rounded
 * distance to the far corner. The k nearest are the k smallest by (distance, index): ties at the k-th distance go
 * to the lowest indices, as in the scan, which is why a node whose bound equals the k-th distance is still visited.
 *
 * <p>Nodes split at the median of their widest coordinate (the lowest such coordinate on ties) until at most
 * {@link #LEAF} points remain or the points coincide.
 */
final class KdTree {

    /** Points per leaf: small enough to prune, large enough that the scan of a leaf amortises a node visit. */
    static final int LEAF = 12;

    private final int d;
    private final boolean squared;
    /** The rows in tree order, row-major. */
    private final double[] pts;
    /** The original row of each point in tree order. */
    private final int[] index;
    private int nodes;
    private int[] start = new int[16];
    private int[] end = new int[16];
    /**
     * Left child; the right child is left + 1; −1 for a leaf, {@link #COINCIDENT} for a leaf of more than
     * {@link #LEAF} points that all coincide, held in ascending row order.
     */
    private int[] left = new int[16];
    private static final int COINCIDENT = -2;
    /** Bounding boxes, d per node. */
    private double[] lo;
    private double[] hi;
    private int depth;

    /**
     * Whether a tree beats the scan for n points of dimension d (whichever answers, the bits are the same). The
     * measured crossover of KSG1 on Gaussian data (k = 4, one thread) lay between 128 and 256 points for d = 6 and
     * near 512 for d = 10; below it the scan's tight loop wins over building and walking a tree. Dimensions
     * above 16 were not measured and keep the scan.
     */
    static boolean pays(int n, int d) {
        return d <= 16 && n >= Math.max(128, 64 * d);
    }

    /**
     * A tree over the given rows of {@code data}.
     *
     * @param data    row-major values, d per row
     * @param d       the dimension
     * @param rows    the rows to hold (original indices), or null for all
     * @param squared whether distances are squared Euclidean (else max-norm)
     */
    KdTree(double[] data, int d, int[] rows, boolean squared) {
        this.d = d;
        this.squared = squared;
        int n = rows == null ? data.length / d : rows.length;
        int[] perm = rows == null ? new int[n] : rows.clone();
        if (rows == null) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
        }
        lo = new double[16 * d];
        hi = new double[16 * d];
        if (n > 0) {
            int root = newNode();
            build(data, perm, root, 0, n, 1);
        }
        index = perm;
        pts = new double[n * d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(data, perm[p] * d, pts, p * d, d);
        }
    }

    int size() {
        return index.length;
    }

    private int newNode() {
        if (nodes == start.length) {
            int cap = nodes * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            left = Arrays.copyOf(left, cap);
            lo = Arrays.copyOf(lo, cap * d);
            hi = Arrays.copyOf(hi, cap * d);
        }
        return nodes++;
    }

    private void build(double[] data, int[] perm, int node, int s, int e, int level) {
        depth = Math.max(depth, level);
        start[node] = s;
        end[node] = e;
        left[node] = -1;
        int box = node * d;
        for (int c = 0; c < d; c++) {
            lo[box + c] = Double.POSITIVE_INFINITY;
            hi[box + c] = Double.NEGATIVE_INFINITY;
        }
        for (int p = s; p < e; p++) {
            int o = perm[p] * d;
            for (int c = 0; c < d; c++) {
                double v = data[o + c];
                lo[box + c] = Math.min(lo[box + c], v);
                hi[box + c] = Math.max(hi[box + c], v);
            }
        }
        if (e - s <= LEAF) {
            return;
        }
        int dim = 0;
        double spread = -1;
        for (int c = 0; c < d; c++) {
            double w = hi[box + c] - lo[box + c];
            if (w > spread) {
                spread = w;
                dim = c;
            }
        }
        if (spread == 0) {
            // All points coincide: one leaf, taken whole or not at all by a count. Every point is at the same
            // distance from a query, so its k nearest here are its lowest rows: in row order, a search stops at
            // the first point it rejects instead of scanning them all (n² on data of few distinct rows).
            Arrays.sort(perm, s, e);
            left[node] = COINCIDENT;
            return;
        }
        int mid = (s + e) >>> 1;
        select(data, perm, s, e - 1, mid, dim);
        int l = newNode();
        int r = newNode();
        left[node] = l;
        build(data, perm, l, s, mid, level + 1);
        build(data, perm, r, mid, e, level + 1);
    }

    /** Quickselect: perm[s..e] partitioned around position m by coordinate dim (deterministic pivots). */
    private void select(double[] data, int[] perm, int s, int e, int m, int dim) {
        while (e > s) {
            double pivot = median3(key(data, perm, s, dim), key(data, perm, (s + e) >>> 1, dim), key(data, perm, e,
                    dim));
            int i = s;
            int j = e;
            while (i <= j) {
                while (key(data, perm, i, dim) < pivot) {
                    i++;
                }
                while (key(data, perm, j, dim) > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    i++;
                    j--;
                }
            }
            if (m <= j) {
                e = j;
            } else if (m >= i) {
                s = i;
            } else {
                return;
            }
        }
    }

    private double key(double[] data, int[] perm, int p, int dim) {
        return data[perm[p] * d + dim];
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** One thread's scratch: the k best (a heap by distance, then index: see {@link #nearest}) and the stack. */
    static final class Query {
        final double[] bestD;
        final int[] bestJ;
        final int[] stack;
        final double[] bound;

        Query(int k, KdTree... trees) {
            bestD = new double[k];
            bestJ = new int[k];
            int depth = 1;
            for (KdTree t : trees) {
                depth = Math.max(depth, t.depth);
            }
            stack = new int[2 * depth + 2];
            bound = new double[2 * depth + 2];
        }
    }

    /**
     * The k nearest rows to the point at {@code q[qo … qo + d − 1]} other than row {@code self}, into
     * {@code s.bestD} (distances) and {@code s.bestJ} (their rows); ties go to the lower row. The k found are a
     * max-heap by (distance, row) stored from index k − 1 down (node i at k − 1 − i), so {@code bestD[k − 1]} is the
     * k-th distance and {@code bestJ[k − 1]} its row, and an offer costs O(log k) (a large k offers about n
     * candidates a query). Fewer than k found (a tree of k or fewer other rows) are left ascending in [0, found).
     *
     * @return how many were found (less than k only if the tree holds k or fewer other rows)
     */
    int nearest(double[] q, int qo, int self, int k, Query s) {
        if (nodes == 0) {
            return 0;
        }
        double[] bestD = s.bestD;
        int[] bestJ = s.bestJ;
        int found = 0;
        int sp = 0;
        s.stack[sp] = 0;
        s.bound[sp++] = 0;
        while (sp > 0) {
            sp--;
            int node = s.stack[sp];
            if (found == k && s.bound[sp] > bestD[k - 1]) {
                continue;
            }
            int l = left[node];
            if (l == COINCIDENT) {
                double dist = distance(start[node] * d, q, qo);
                for (int p = start[node], e = end[node]; p < e; p++) {
                    int j = index[p];
                    if (j == self) {
                        continue;
                    }
                    if (found < k) {
                        siftUp(bestD, bestJ, k - 1, found++, dist, j);
                    } else if (dist < bestD[k - 1] || (dist == bestD[k - 1] && j < bestJ[k - 1])) {
                        siftDown(bestD, bestJ, k - 1, dist, j);
                    } else {
                        break; // the rest: the same distance, higher rows
                    }
                }
                continue;
            }
            if (l < 0) {
                for (int p = start[node], e = end[node]; p < e; p++) {
                    int j = index[p];
                    if (j == self) {
                        continue;
                    }
                    double dist = distance(p * d, q, qo);
                    if (found < k) {
                        siftUp(bestD, bestJ, k - 1, found++, dist, j);
                    } else if (dist < bestD[k - 1] || (dist == bestD[k - 1] && j < bestJ[k - 1])) {
                        siftDown(bestD, bestJ, k - 1, dist, j);
                    }
                }
                continue;
            }
            double bl = lowerBound(l, q, qo);
            double br = lowerBound(l + 1, q, qo);
            // the nearer child on top, so that it is searched first and tightens the k-th distance
            int near = bl <= br ? l : l + 1;
            s.stack[sp] = near == l ? l + 1 : l;
            s.bound[sp++] = near == l ? br : bl;
            s.stack[sp] = near;
            s.bound[sp++] = near == l ? bl : br;
        }
        if (found < k && found > 0) {
            ascendingToFront(bestD, bestJ, k - 1, found);
        }
        return found;
    }

    /** Whether (d1, j1) comes after (d2, j2): larger distance, or equal distance and higher row. */
    private static boolean after(double d1, int j1, double d2, int j2) {
        return d1 > d2 || (d1 == d2 && j1 > j2);
    }

    /** Adds (dist, j) as heap node i (the heap holds nodes 0 … i − 1; node m at last − m). */
    private static void siftUp(double[] bestD, int[] bestJ, int last, int i, double dist, int j) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!after(dist, j, bestD[last - parent], bestJ[last - parent])) {
                break;
            }
            bestD[last - i] = bestD[last - parent];
            bestJ[last - i] = bestJ[last - parent];
            i = parent;
        }
        bestD[last - i] = dist;
        bestJ[last - i] = j;
    }

    /** Replaces the full heap's root (its largest) by (dist, j), which comes before it, and sifts it down. */
    private static void siftDown(double[] bestD, int[] bestJ, int last, double dist, int j) {
        int n = last + 1;
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= n) {
                break;
            }
            if (c + 1 < n && after(bestD[last - c - 1], bestJ[last - c - 1], bestD[last - c], bestJ[last - c])) {
                c++;
            }
            if (!after(bestD[last - c], bestJ[last - c], dist, j)) {
                break;
            }
            bestD[last - i] = bestD[last - c];
            bestJ[last - i] = bestJ[last - c];
            i = c;
        }
        bestD[last - i] = dist;
        bestJ[last - i] = j;
    }

    /** The heap of found (fewer than last + 1) entries at [last − found + 1, last], ascending into [0, found). */
    private static void ascendingToFront(double[] bestD, int[] bestJ, int last, int found) {
        double[] d = java.util.Arrays.copyOfRange(bestD, last - found + 1, last + 1);
        int[] jj = java.util.Arrays.copyOfRange(bestJ, last - found + 1, last + 1);
        Integer[] order = new Integer[found];
        for (int t = 0; t < found; t++) {
            order[t] = t;
        }
        java.util.Arrays.sort(order, (a, b) -> after(d[a], jj[a], d[b], jj[b]) ? 1 : a.equals(b) ? 0 : -1);
        for (int t = 0; t < found; t++) {
            bestD[t] = d[order[t]];
            bestJ[t] = jj[order[t]];
        }
    }

    private double distance(int po, double[] q, int qo) {
        double m = 0;
        if (squared) {
            for (int c = 0; c < d; c++) {
                double t = pts[po + c] - q[qo + c];
                m += t * t;
            }
        } else {
            for (int c = 0; c < d; c++) {
                m = Math.max(m, Math.abs(pts[po + c] - q[qo + c]));
            }
        }
        return m;
    }

    /** No point of the node is nearer than this, after rounding (see the class comment). */
    private double lowerBound(int node, double[] q, int qo) {
        int box = node * d;
        double m = 0;
        for (int c = 0; c < d; c++) {
            double v = q[qo + c];
            double a = lo[box + c];
            double b = hi[box + c];
            double gap = v < a ? a - v : v > b ? v - b : 0.0;
            if (squared) {
                m += gap * gap;
            } else {
                m = Math.max(m, gap);
            }
        }
        return m;
    }

    /**
     * The number of rows p (the query's own row included, if held) with |row_p[c] − q[qo + c]| &lt; r[c]
     * ({@code strict}) or ≤ r[c] for every coordinate c; max-norm trees only.
     */
    int count(double[] q, int qo, double[] r, boolean strict, Query s) {
        return visit(q, qo, r, strict, null, s);
    }

    /**
     * The rows p (the query's own row included, if held) with |row_p[c] − q[qo + c]| ≤ r[c] for every coordinate
     * c, into {@code rows[0]} from index 0, grown as needed; max-norm trees only.
     *
     * @return how many
     */
    int within(double[] q, int qo, double[] r, int[][] rows, Query s) {
        return visit(q, qo, r, false, rows, s);
    }

    /** {@link #count}, and the rows counted into {@code rows[0]} unless it is null. */
    private int visit(double[] q, int qo, double[] r, boolean strict, int[][] rows, Query s) {
        if (nodes == 0) {
            return 0;
        }
        int total = 0;
        int sp = 0;
        s.stack[sp++] = 0;
        while (sp > 0) {
            int node = s.stack[--sp];
            int box = node * d;
            boolean inside = true;
            boolean outside = false;
            for (int c = 0; c < d; c++) {
                double v = q[qo + c];
                double a = lo[box + c];
                double b = hi[box + c];
                double gap = v < a ? a - v : v > b ? v - b : 0.0;
                double far = Math.max(Math.abs(a - v), Math.abs(b - v));
                if (!within(gap, r[c], strict)) {
                    outside = true;
                    break;
                }
                if (!within(far, r[c], strict)) {
                    inside = false;
                }
            }
            if (outside) {
                continue;
            }
            if (inside && rows == null) {
                total += end[node] - start[node];
                continue;
            }
            int l = left[node];
            if (!inside && l >= 0) {
                s.stack[sp++] = l;
                s.stack[sp++] = l + 1;
                continue;
            }
            for (int p = start[node], e = end[node]; p < e; p++) {
                int po = p * d;
                boolean in = inside; // else every coordinate within
                if (!in) {
                    in = true;
                    for (int c = 0; c < d && in; c++) {
                        in = within(Math.abs(pts[po + c] - q[qo + c]), r[c], strict);
                    }
                }
                if (in) {
                    if (rows != null) {
                        if (total == rows[0].length) {
                            rows[0] = Arrays.copyOf(rows[0], Math.max(16, 2 * total));
                        }
                        rows[0][total] = index[p];
                    }
                    total++;
                }
            }
        }
        return total;
    }

    static boolean within(double dist, double eps, boolean strict) {
        return strict ? dist < eps : dist <= eps;
    }
}
