package org.shannon4j.continuous;

import org.shannon4j.spi.Parallelism;

/**
 * The exact neighbour search of the 1-D × 1-D KSG estimator. The points are cut into vertical strips of
 * {@code width} consecutive points in x order, and each strip holds its points sorted by y (a counting pass over the
 * y order, no comparison sort). A point's k nearest others (max-norm) are searched in its own strip, walking up and
 * down in y from its place while |Δy| is below the current k-th distance, then in the strips to its left and right
 * (alternately, from a cursor that only moves forward since the queries of a strip come in y order, or a binary
 * search for strips further away) while the strip's x gap is below it. With about √(k·n) points per strip a query
 * looks at ~k points in two or three strips for smooth data; any data stay exact (equal x across strips, ties, heavy
 * tails only cost time). The marginal counts gallop out from each point's rank in the sorted x and y (see
 * {@link Ranks}). Every distance is the rounded |a − b| the peers compute, and every pruning and search bound is
 * that same rounded difference (rounding is monotone), so the counts are exactly those of a brute-force scan.
 *
 * <p>The per-point terms are summed in fixed parts of {@link #PART} positions of the strip order, each compensated,
 * and the parts are added in order: the result has the same bits for every thread count.
 */
final class KsgSearch {

    static final int PART = 4096;
    /** Neighbour strips on each side reached through a forward-only cursor instead of a binary search. */
    private static final int CURSORS = 2;

    private final int n;
    private final int k;
    /** Points per strip (the last strip may hold fewer). */
    private final int width;
    private final int strips;
    /** x, y of the points in strip order (strip by strip, each sorted by y). */
    private final double[] px;
    private final double[] py;
    /** Each point's (strip order) place in sortedX and sortedY. */
    private final int[] rankX;
    private final int[] rankY;
    private final double[] sortedX;
    private final double[] sortedY;

    KsgSearch(double[] x, double[] y, int k) {
        this.n = x.length;
        this.k = k;
        this.sortedX = new double[n];
        this.sortedY = new double[n];
        int[] byX = new int[n];
        int[] byY = new int[n];
        Ranks.sort(x, sortedX, byX);
        Ranks.sort(y, sortedY, byY);
        this.width = Math.max(Math.max(1, k), (int) Math.ceil(Math.sqrt((double) k * n)));
        this.strips = Math.ceilDiv(n, width);
        int[] orderY = new int[n];
        for (int i = 0; i < n; i++) {
            orderY[byY[i]] = i;
        }
        // a stable counting pass over the y order puts each strip's points in y order
        int[] fill = new int[strips];
        for (int s = 0; s < strips; s++) {
            fill[s] = s * width;
        }
        this.px = new double[n];
        this.py = new double[n];
        this.rankX = new int[n];
        this.rankY = new int[n];
        for (int p = 0; p < n; p++) {
            int i = orderY[p];
            int q = fill[byX[i] / width]++;
            px[q] = x[i];
            py[q] = y[i];
            rankX[q] = byX[i];
            rankY[q] = p;
        }
    }

    /**
     * Σ ψ(n_x + 1) and Σ ψ(n_y + 1) over all points.
     *
     * @return {Σ ψ(n_x + 1), Σ ψ(n_y + 1)}
     */
    double[] sums(KsgConvention convention, Parallelism parallelism) {
        int parts = Math.ceilDiv(n, PART);
        double[] partial = new double[4 * parts];
        Parallelism.Part<Scratch> body = (scratch, part) -> part(convention, scratch, part, partial);
        if (parallelism.threads() == 1 || parts == 1) {
            Scratch scratch = new Scratch(k);
            for (int p = 0; p < parts; p++) {
                body.run(scratch, p);
            }
        } else {
            parallelism.forEachPart(parts, parallelism.threads() - 1, () -> new Scratch(k), body);
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

    /** A thread's working arrays: the k best distances and the forward cursors into neighbour strips. */
    private static final class Scratch {
        final double[] best;
        final int[] cursor = new int[2 * CURSORS + 1];
        /** The strip the cursors belong to (−1: none yet). */
        int cursorStrip = -1;

        Scratch(int k) {
            best = new double[k];
        }
    }

    /** The rounding error of t = a + b (Neumaier). */
    private static double compensation(double a, double b, double t) {
        return Math.abs(a) >= Math.abs(b) ? (a - t) + b : (b - t) + a;
    }

    private void part(KsgConvention convention, Scratch scratch, int part, double[] partial) {
        int end = Math.min(n, (part + 1) * PART);
        double sx = 0;
        double cx = 0;
        double sy = 0;
        double cy = 0;
        scratch.cursorStrip = -1;
        for (int i = part * PART; i < end; i++) {
            double eps = kthDistance(i, scratch);
            int nx;
            int ny;
            if (eps == 0 && convention == KsgConvention.KRASKOV) {
                nx = 0;
                ny = 0;
            } else {
                // sklearn: query_radius(radius = nextafter(ε, 0)) counts d ≤ radius, the point itself included
                double r = eps > 0 ? Math.nextDown(eps) : 0.0;
                nx = around(sortedX, rankX[i], r) - 1;
                ny = around(sortedY, rankY[i], r) - 1;
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

    /**
     * The max-norm distance from the point at strip position i to its k-th nearest other point. Queries of one
     * strip must come in increasing i between resets of {@code scratch.cursorStrip} (the cursors only move
     * forward).
     */
    private double kthDistance(int i, Scratch scratch) {
        double[] best = scratch.best;
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        int s = i / width;
        int[] cursor = scratch.cursor;
        if (scratch.cursorStrip != s) {
            scratch.cursorStrip = s;
            for (int c = 0; c < cursor.length; c++) {
                cursor[c] = Math.clamp((long) (s + c - CURSORS) * width, 0, n);
            }
        }
        double qx = px[i];
        double qy = py[i];
        int lo = s * width;
        int hi = Math.min(n, lo + width);
        scanUp(i + 1, hi, qx, qy, best);
        scanDown(i - 1, lo, qx, qy, best);
        double kth = best[k - 1];
        int left = s - 1;
        int right = s + 1;
        boolean goLeft = left >= 0;
        boolean goRight = right < strips;
        while (goLeft || goRight) {
            if (goLeft) {
                // every x of strip `left` is ≤ its last sorted x: the rounded gap bounds every |Δx| there
                if (qx - sortedX[(left + 1) * width - 1] < kth) {
                    kth = searchStrip(left, s, cursor, qx, qy, best);
                    goLeft = --left >= 0;
                } else {
                    goLeft = false;
                }
            }
            if (goRight) {
                if (sortedX[right * width] - qx < kth) {
                    kth = searchStrip(right, s, cursor, qx, qy, best);
                    goRight = ++right < strips;
                } else {
                    goRight = false;
                }
            }
        }
        return best[k - 1];
    }

    /** Searches strip t (not the query's own) from the first point with y ≥ qy; returns the new k-th distance. */
    private double searchStrip(int t, int s, int[] cursor, double qx, double qy, double[] best) {
        int lo = t * width;
        int hi = Math.min(n, lo + width);
        double kth = best[k - 1];
        // the strip's y range alone may put it out of reach
        if (qy - py[hi - 1] >= kth || py[lo] - qy >= kth) {
            return kth;
        }
        int c = t - s + CURSORS;
        int at;
        if (c >= 0 && c < cursor.length) {
            at = cursor[c];
            while (at < hi && py[at] < qy) {
                at++;
            }
            cursor[c] = at;
        } else {
            int a = lo;
            int b = hi;
            while (a < b) {
                int m = (a + b) >>> 1;
                if (py[m] < qy) {
                    a = m + 1;
                } else {
                    b = m;
                }
            }
            at = a;
        }
        scanUp(at, hi, qx, qy, best);
        scanDown(at - 1, lo, qx, qy, best);
        return best[k - 1];
    }

    /** Offers the points from {@code from} up (y ascending) while their Δy is below the k-th distance. */
    private void scanUp(int from, int hi, double qx, double qy, double[] best) {
        double[] xs = px;
        double[] ys = py;
        int last = k - 1;
        double kth = best[last];
        for (int j = from; j < hi; j++) {
            double dy = ys[j] - qy;
            if (dy >= kth) {
                return;
            }
            double d = Math.max(Math.abs(xs[j] - qx), dy);
            if (d < kth) {
                kth = insert(best, last, d);
            }
        }
    }

    /** Offers the points from {@code from} down (y descending) while their Δy is below the k-th distance. */
    private void scanDown(int from, int lo, double qx, double qy, double[] best) {
        double[] xs = px;
        double[] ys = py;
        int last = k - 1;
        double kth = best[last];
        for (int j = from; j >= lo; j--) {
            double dy = qy - ys[j];
            if (dy >= kth) {
                return;
            }
            double d = Math.max(Math.abs(xs[j] - qx), dy);
            if (d < kth) {
                kth = insert(best, last, d);
            }
        }
    }

    /** Puts d into the ascending best[0..last] (d &lt; best[last]); returns the new best[last]. */
    private static double insert(double[] best, int last, double d) {
        int p = last;
        while (p > 0 && best[p - 1] > d) {
            best[p] = best[p - 1];
            p--;
        }
        best[p] = d;
        return best[last];
    }

    /**
     * #{j : |a[j] − a[at]| ≤ r} in the sorted a, with the difference rounded as the peers round it: galloping
     * out from {@code at} (the counts are usually small) to a power-of-two bracket, then a binary search of fixed
     * length inside it, written so that the JIT can use conditional moves (the halving steps are unpredictable).
     */
    static int around(double[] a, int at, double r) {
        double v = a[at];
        int n = a.length;
        // right end: the last j ≥ at with a[j] − v ≤ r lies in [at + step/2, at + step) once the gallop stops
        int step = 1;
        while (at + step < n && a[at + step] - v <= r) {
            step <<= 1;
        }
        int inside = at + (step >> 1);
        for (int h = step >> 2; h > 0; h >>= 1) {
            int m = inside + h;
            inside = m < n && a[m] - v <= r ? m : inside;
        }
        int right = inside;
        step = 1;
        while (at - step >= 0 && v - a[at - step] <= r) {
            step <<= 1;
        }
        inside = at - (step >> 1);
        for (int h = step >> 2; h > 0; h >>= 1) {
            int m = inside - h;
            inside = m >= 0 && v - a[m] <= r ? m : inside;
        }
        return right - inside + 1;
    }
}
