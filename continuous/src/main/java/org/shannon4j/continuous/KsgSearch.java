package org.shannon4j.continuous;

import java.util.Arrays;

import org.shannon4j.spi.Parallelism;

/**
 * The exact neighbour search of the 1-D × 1-D KSG estimator, O(n log n) for any data: a 2-D k-d tree over the
 * (x, y) points (median splits on the wider coordinate, leaves of at most {@link #LEAF} points) gives each point
 * the max-norm distance ε to its k-th nearest other point, and searches galloping out from each point's rank in the
 * sorted x and y (see {@link Ranks}) give the marginal counts. Every distance is the rounded |a − b| the peers compute, and every pruning and search bound is
 * that same rounded difference (rounding is monotone), so the counts are exactly those of a brute-force scan.
 *
 * <p>The per-point terms are summed in fixed parts of {@link #PART} tree positions, each compensated, and the
 * parts are added in order: the result has the same bits for every thread count.
 */
final class KsgSearch {

    static final int LEAF = 8;
    static final int PART = 4096;
    private static final byte LEAF_NODE = 2;

    private final int n;
    private final int k;
    private final double[] px;
    private final double[] py;
    private final double[] sortedX;
    private final double[] sortedY;
    /** The original index of the point at each tree position. */
    private final int[] index;
    /** Where each point (by original index) sits in sortedX and sortedY. */
    private final int[] rankX;
    private final int[] rankY;
    /** 0: split on x, 1: on y, {@link #LEAF_NODE}: a leaf; indexed by heap node number (root 1). */
    private final byte[] axis;
    private final double[] split;

    KsgSearch(double[] x, double[] y, int k) {
        this.n = x.length;
        this.k = k;
        this.px = x.clone();
        this.py = y.clone();
        this.sortedX = new double[n];
        this.sortedY = new double[n];
        this.rankX = new int[n];
        this.rankY = new int[n];
        Ranks.sort(x, sortedX, rankX);
        Ranks.sort(y, sortedY, rankY);
        this.index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        int levels = 0;
        while (Math.ceilDiv(n, 1 << levels) > LEAF) {
            levels++;
        }
        this.axis = new byte[2 << levels];
        this.split = new double[2 << levels];
        build(1, 0, n);
    }

    private void build(int node, int lo, int hi) {
        if (hi - lo <= LEAF) {
            axis[node] = LEAF_NODE;
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = lo; i < hi; i++) {
            minX = Math.min(minX, px[i]);
            maxX = Math.max(maxX, px[i]);
            minY = Math.min(minY, py[i]);
            maxY = Math.max(maxY, py[i]);
        }
        // spreads compared as the distances are (rounded differences); an overflow to ∞ still compares
        boolean onY = maxY - minY > maxX - minX;
        double[] a = onY ? py : px;
        double[] b = onY ? px : py;
        int mid = (lo + hi) >>> 1;
        select(a, b, index, lo, hi - 1, mid);
        axis[node] = (byte) (onY ? 1 : 0);
        split[node] = a[mid];
        build(2 * node, lo, mid);
        build(2 * node + 1, mid, hi);
    }

    /** Rearranges a[lo..hi] (and b alongside) so that a[mid] is in its sorted place, smaller left, larger right. */
    private static void select(double[] a, double[] b, int[] c, int lo, int hi, int mid) {
        while (hi > lo) {
            // median of three as pivot; Hoare partition keeps runs of equal values balanced
            int m = (lo + hi) >>> 1;
            if (a[m] < a[lo]) {
                swap(a, b, c, m, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, b, c, hi, lo);
            }
            if (a[hi] < a[m]) {
                swap(a, b, c, hi, m);
            }
            double pivot = a[m];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, b, c, i, j);
                    i++;
                    j--;
                }
            }
            if (mid <= j) {
                hi = j;
            } else if (mid >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static void swap(double[] a, double[] b, int[] c, int i, int j) {
        int s = c[i];
        c[i] = c[j];
        c[j] = s;
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
        t = b[i];
        b[i] = b[j];
        b[j] = t;
    }

    /**
     * Σ ψ(n_x + 1) and Σ ψ(n_y + 1) over all points.
     *
     * @return {Σ ψ(n_x + 1), Σ ψ(n_y + 1)}
     */
    double[] sums(KsgConvention convention, Parallelism parallelism) {
        int parts = Math.ceilDiv(n, PART);
        double[] partial = new double[4 * parts];
        Parallelism.Part<double[]> body = (best, part) -> part(convention, best, part, partial);
        if (parallelism.threads() == 1 || parts == 1) {
            double[] best = new double[k];
            for (int p = 0; p < parts; p++) {
                body.run(best, p);
            }
        } else {
            parallelism.forEachPart(parts, parallelism.threads() - 1, () -> new double[k], body);
        }
        double sx = 0;
        double cx = 0;
        double sy = 0;
        double cy = 0;
        for (int p = 0; p < parts; p++) {
            double t = sx + partial[4 * p];
            cx += compensation(sx, partial[4 * p], t) + partial[4 * p + 1];
            sx = t;
            t = sy + partial[4 * p + 2];
            cy += compensation(sy, partial[4 * p + 2], t) + partial[4 * p + 3];
            sy = t;
        }
        return new double[] {sx + cx, sy + cy};
    }

    /** The rounding error of t = a + b (Neumaier). */
    private static double compensation(double a, double b, double t) {
        return Math.abs(a) >= Math.abs(b) ? (a - t) + b : (b - t) + a;
    }

    private void part(KsgConvention convention, double[] best, int part, double[] partial) {
        int end = Math.min(n, (part + 1) * PART);
        double sx = 0;
        double cx = 0;
        double sy = 0;
        double cy = 0;
        for (int i = part * PART; i < end; i++) {
            double eps = kthDistance(i, best);
            int nx;
            int ny;
            if (eps == 0 && convention == KsgConvention.KRASKOV) {
                nx = 0;
                ny = 0;
            } else {
                // sklearn: query_radius(radius = nextafter(ε, 0)) counts d ≤ radius, the point itself included
                double r = eps > 0 ? Math.nextDown(eps) : 0.0;
                int o = index[i];
                nx = around(sortedX, rankX[o], r) - 1;
                ny = around(sortedY, rankY[o], r) - 1;
            }
            double tx = Digamma.of(nx + 1);
            double t = sx + tx;
            cx += compensation(sx, tx, t);
            sx = t;
            double ty = Digamma.of(ny + 1);
            t = sy + ty;
            cy += compensation(sy, ty, t);
            sy = t;
        }
        partial[4 * part] = sx;
        partial[4 * part + 1] = cx;
        partial[4 * part + 2] = sy;
        partial[4 * part + 3] = cy;
    }

    /** The max-norm distance from point i to its k-th nearest other point (tree position i excluded). */
    double kthDistance(int i, double[] best) {
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        search(1, 0, n, px[i], py[i], i, 0.0, best);
        return best[k - 1];
    }

    private void search(int node, int lo, int hi, double qx, double qy, int self, double bound, double[] best) {
        int kind = axis[node];
        if (kind == LEAF_NODE) {
            double[] xs = px;
            double[] ys = py;
            int last = k - 1;
            for (int j = lo; j < hi; j++) {
                double d = Math.max(Math.abs(xs[j] - qx), Math.abs(ys[j] - qy));
                if (d < best[last] && j != self) {
                    int p = last;
                    while (p > 0 && best[p - 1] > d) {
                        best[p] = best[p - 1];
                        p--;
                    }
                    best[p] = d;
                }
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        double diff = (kind == 0 ? qx : qy) - split[node];
        double far = Math.max(bound, Math.abs(diff));
        if (diff < 0) {
            search(2 * node, lo, mid, qx, qy, self, bound, best);
            if (far < best[k - 1]) {
                search(2 * node + 1, mid, hi, qx, qy, self, far, best);
            }
        } else {
            search(2 * node + 1, mid, hi, qx, qy, self, bound, best);
            if (far < best[k - 1]) {
                search(2 * node, lo, mid, qx, qy, self, far, best);
            }
        }
    }

    /**
     * #{j : |a[j] − a[at]| ≤ r} in the sorted a, with the difference rounded as the peers round it: galloping
     * out from {@code at} (the counts are usually small), then a binary search in the last step.
     */
    static int around(double[] a, int at, double r) {
        double v = a[at];
        int n = a.length;
        // right end: the first j > at with a[j] − v > r
        int inside = at;
        int step = 1;
        int outside = n;
        while (inside + step < n) {
            if (a[inside + step] - v > r) {
                outside = inside + step;
                break;
            }
            inside += step;
            step <<= 1;
        }
        while (outside - inside > 1) {
            int m = (inside + outside) >>> 1;
            if (a[m] - v > r) {
                outside = m;
            } else {
                inside = m;
            }
        }
        int right = outside;
        // left end: the last j < at with v − a[j] > r
        inside = at;
        step = 1;
        outside = -1;
        while (inside - step >= 0) {
            if (v - a[inside - step] > r) {
                outside = inside - step;
                break;
            }
            inside -= step;
            step <<= 1;
        }
        while (inside - outside > 1) {
            int m = (inside + outside) >>> 1;
            if (v - a[m] > r) {
                outside = m;
            } else {
                inside = m;
            }
        }
        return right - outside - 1;
    }
}
