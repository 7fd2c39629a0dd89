package org.shannon4j.continuous;

import java.util.List;
import java.util.function.Supplier;

import org.shannon4j.spi.Parallelism;

/**
 * The exact neighbour search of the 1-D × 1-D KSG estimator. The points are cut into vertical strips of
 * {@code width} consecutive points in x order, and each strip holds its points sorted by y (a counting pass over the
 * y order, no comparison sort). A point's k nearest others (max-norm) are searched in its own strip, walking up and
 * down in y from its place while |Δy| is below the current k-th distance, then in the strips to its left and right
 * (alternately, from a cursor that only moves forward since the queries of a strip come in y order, or a binary
 * search for strips further away) while the strip's x gap is below it. With about √(k·n) points per strip a query
 * looks at ~k points in two or three strips for smooth data; any data stay exact (equal x across strips, ties, heavy
 * tails only cost time). Each point's counting radius goes to its place in the sorted x and y (see {@link Ranks});
 * the marginal counts are then taken in sorted order, each window's ends galloped from the previous window's, so
 * that the searches run through memory in order. Every distance is the rounded |a − b| the peers compute, and every pruning and search bound is
 * that same rounded difference (rounding is monotone), so the counts are exactly those of a brute-force scan.
 *
 * <p>The counts go into integer histograms (per thread, merged exactly), and Σ ψ(n + 1) is summed over the distinct
 * counts, compensated, in increasing order: the result has the same bits for every thread count, and ψ is evaluated
 * once per distinct count instead of once per point.
 */
final class KsgSearch {

    static final int PART = 4096;
    /** Neighbour strips on each side reached through a forward-only cursor instead of a binary search. */
    private static final int CURSORS = 2;
    /** The size from which x and y are sorted on two threads. */
    private static final int PARALLEL_SORT = 1 << 16;

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
        this(x, y, k, Parallelism.SEQUENTIAL);
    }

    /** Sorts x and y on two threads when the parallelism has them and n is large enough to pay. */
    KsgSearch(double[] x, double[] y, int k, Parallelism parallelism) {
        this.n = x.length;
        this.k = k;
        this.sortedX = new double[n];
        this.sortedY = new double[n];
        int[] byX = new int[n];
        int[] byY = new int[n];
        int[] orderY = new int[n];
        run(n >= PARALLEL_SORT ? parallelism : Parallelism.SEQUENTIAL, 2, () -> null,
                (none, which) -> Ranks.sort(which == 0 ? x : y, which == 0 ? sortedX : sortedY,
                        which == 0 ? byX : byY, which == 0 ? null : orderY));
        this.width = Math.max(Math.max(1, k), (int) Math.ceil(Math.sqrt((double) k * n)));
        this.strips = Math.ceilDiv(n, width);
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
            int byXi = byX[i];
            int q = fill[byXi / width]++;
            px[q] = x[i];
            py[q] = sortedY[p];
            rankX[q] = byXi;
            rankY[q] = p;
        }
    }

    /**
     * Σ ψ(n_x + 1) and Σ ψ(n_y + 1) over all points.
     *
     * @return {Σ ψ(n_x + 1), Σ ψ(n_y + 1)}
     */
    double[] sums(KsgConvention convention, Parallelism parallelism) {
        // first every point's counting radius, stored at its place in each sorted marginal ...
        double[] radiusX = new double[n];
        double[] radiusY = new double[n];
        int parts = Math.ceilDiv(n, PART);
        run(parallelism, parts, () -> new Scratch(k), (scratch, part) -> {
            scratch.cursorStrip = -1;
            int end = Math.min(n, (part + 1) * PART);
            for (int i = part * PART; i < end; i++) {
                double eps = kthDistance(i, scratch);
                // sklearn: query_radius(radius = nextafter(ε, 0)) counts d ≤ radius, the point itself included;
                // a negative radius stands for Kraskov's empty count at ε = 0
                double r = eps > 0 ? Math.nextDown(eps) : convention == KsgConvention.KRASKOV ? -1.0 : 0.0;
                radiusX[rankX[i]] = r;
                radiusY[rankY[i]] = r;
            }
        });
        // ... then the counts in sorted order, where consecutive windows are close, into histograms: integer
        // counts add exactly, so the sums below have the same bits for any split over threads
        List<int[][]> histograms = run(parallelism, 2 * parts, () -> new int[2][n], (hist, part) -> {
            boolean isX = part < parts;
            int from = (isX ? part : part - parts) * PART;
            count(isX ? sortedX : sortedY, isX ? radiusX : radiusY, from, Math.min(n, from + PART),
                    hist[isX ? 0 : 1]);
        });
        return new double[] {digammaSum(histograms, 0), digammaSum(histograms, 1)};
    }

    private static <S> List<S> run(Parallelism parallelism, int parts, Supplier<S> newState,
                                   Parallelism.Part<S> body) {
        if (parallelism.threads() == 1 || parts == 1) {
            S state = newState.get();
            for (int p = 0; p < parts; p++) {
                body.run(state, p);
            }
            return java.util.Collections.singletonList(state);
        }
        return parallelism.forEachPart(parts, parallelism.threads() - 1, newState, body);
    }

    /** Σ_m c_m·ψ(m + 1) over the merged histograms' counts c_m of n_x = m (or n_y), compensated, m ascending. */
    private double digammaSum(List<int[][]> histograms, int which) {
        double s = 0;
        double c = 0;
        for (int m = 0; m < n; m++) {
            long total = 0;
            for (int[][] h : histograms) {
                total += h[which][m];
            }
            if (total != 0) {
                double term = total * Digamma.of(m + 1);
                double t = s + term;
                c += compensation(s, term, t);
                s = t;
            }
        }
        return s + c;
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
     * For each p in [from, to): {@code hist[m]++} where m = #{j ≠ p : |a[j] − a[p]| ≤ radius[p]} in the sorted a,
     * with the difference rounded as the peers round it, and m = 0 for a negative radius. Each window's ends are
     * galloped from the previous window's (consecutive windows are close), then found by a binary search of
     * fixed length inside the bracket.
     */
    static void count(double[] a, double[] radius, int from, int to, int[] hist) {
        int right = from;
        int left = from;
        for (int p = from; p < to; p++) {
            double r = radius[p];
            if (r < 0) {
                hist[0]++;
                continue;
            }
            double v = a[p];
            right = lastWithin(a, p, v, r, Math.max(p, right));
            left = firstWithin(a, p, v, r, Math.min(p, left));
            hist[right - left]++;
        }
    }

    /** The last j ≥ p with a[j] − v ≤ r, given that p qualifies, searched from {@code guess} ≥ p. */
    private static int lastWithin(double[] a, int p, double v, double r, int guess) {
        int n = a.length;
        int lo; // qualifies
        int hi; // does not, or n
        int step = 1;
        if (a[guess] - v <= r) {
            lo = guess;
            while (lo + step < n && a[lo + step] - v <= r) {
                lo += step;
                step <<= 1;
            }
            hi = (int) Math.min(n, (long) lo + step);
        } else {
            hi = guess;
            while (hi - step > p && a[hi - step] - v > r) {
                hi -= step;
                step <<= 1;
            }
            lo = Math.max(p, hi - step);
        }
        int len = hi - lo;
        while (len > 1) {
            int half = len >>> 1;
            lo = a[lo + half] - v <= r ? lo + half : lo;
            len -= half;
        }
        return lo;
    }

    /** The first j ≤ p with v − a[j] ≤ r, given that p qualifies, searched from {@code guess} ≤ p. */
    private static int firstWithin(double[] a, int p, double v, double r, int guess) {
        int lo; // does not qualify, or −1
        int hi; // qualifies
        int step = 1;
        if (v - a[guess] <= r) {
            hi = guess;
            while (hi - step >= 0 && v - a[hi - step] <= r) {
                hi -= step;
                step <<= 1;
            }
            lo = Math.max(-1, hi - step);
        } else {
            lo = guess;
            while (lo + step < p && v - a[lo + step] > r) {
                lo += step;
                step <<= 1;
            }
            hi = Math.min(p, lo + step);
        }
        int len = hi - lo;
        while (len > 1) {
            int half = len >>> 1;
            hi = v - a[hi - half] <= r ? hi - half : hi;
            len -= half;
        }
        return hi;
    }
}
