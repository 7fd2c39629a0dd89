package org.shannon4j.continuous;

import java.util.List;
import java.util.function.Supplier;

import org.shannon4j.spi.CountingKernels;
import org.shannon4j.spi.NumpySums;
import org.shannon4j.spi.Parallelism;

/**
 * The exact neighbour search of the 1-D × 1-D KSG estimator. The points are cut into vertical strips of at least
 * {@code width} consecutive points in x order, ending where x changes, and each strip holds its points sorted by y (a
 * counting pass over the y order, no comparison sort); x here is whichever variable has more tied pairs (see the
 * constructor). A point's k nearest others (max-norm) are searched in its own strip, walking up and down in y from its
 * place while |Δy| is below the current k-th distance, then in the strips to its left and right (alternately, from a
 * cursor that only moves forward since the queries of a strip come in y order, or a binary search for strips further
 * away) while the strip's x gap is below it. With about √(k·n) points per strip a query looks at ~k points in two or
 * three strips for smooth data; any data stay exact (ties, heavy tails only cost time). For k = 3 a query first takes
 * fixed windows of points around its y in its own strip and both neighbours (their places there stored by the build
 * pass; padded strips, so no clamping) and keeps their third distance when the window edges and the x gap to the
 * strips two away prove it exact (~84% of queries on a Gaussian); otherwise the walk runs, starting from that distance
 * as a bound. Each point's counting radius goes to its place in the sorted x and y (see {@link Ranks}); the marginal
 * counts are then taken in sorted order, four windows at a time by interleaved branch-free binary searches bracketed
 * by the previous windows' widths, so that the searches stay in cache and their chains of loads overlap. Every
 * distance is the rounded |a − b| the peers compute, and every pruning and search bound is that same rounded
 * difference (rounding is monotone), so the counts are exactly those of a brute-force scan.
 *
 * <p>The counts are kept by place in the sorted marginals (parts write disjoint places). scikit-learn's means
 * ({@link #sklearnMeans}) put each point's ψ(n + 1), scipy's ψ, back in the caller's order and sum them pairwise as
 * numpy does; {@link #sums} adds them over a histogram of the counts, compensated, in increasing order. Either way
 * the result has the same bits for every thread count, and ψ is evaluated once per distinct count.
 */
final class KsgSearch {

    static final int PART = 4096;
    /** Neighbour strips on each side reached through a forward-only cursor instead of a binary search. */
    private static final int CURSORS = 2;
    /** The size from which x and y are sorted on two threads. */
    private static final int PARALLEL_SORT = 1 << 16;
    /** k = 3: the fixed window takes this many points on each side of the query in its own and both neighbour strips. */
    private static final int WINDOW = 4;
    /**
     * Points of padding (y = −∞ below, +∞ above) at each end of every strip: a window and the point just past it
     * always read inside the strip's slots, whatever the query's place.
     */
    private static final int PAD = WINDOW + 1;
    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    private final int n;
    private final int k;
    /** Points per strip at least (a strip ends at a change of its axis' value: the last strip may hold fewer). */
    private final int width;
    private final int strips;
    /**
     * Whether the strips run along y (the points sorted by y, each strip sorted by x): the fields below then name
     * the strip axis "x" and the other "y". ε is symmetric in x and y, so the radii are the same bits either way.
     */
    private final boolean swapped;
    /** Strip t holds the points of ranks [stripStart[t], stripStart[t + 1]) along the strip axis. */
    private final int[] stripStart;
    /** Strip t's slots (−1 ≤ t ≤ strips): PAD below its first point at slotStart[t + 1] − PAD, its points, PAD above. */
    private final int[] slotStart;
    /** x, y of the points in strip order (strip by strip, each sorted by y, padded; strips −1 and strips empty). */
    private final double[] px;
    private final double[] py;
    /** Each point's (strip order) place in sortedX and sortedY. */
    private final int[] rankX;
    private final int[] rankY;
    /**
     * For each point, the slot in the strip to its left (right) of the first point after it in the y order: the
     * neighbour strips' points below it in y sit below that slot, those above from it on.
     */
    private final int[] leftAt;
    private final int[] rightAt;
    /** The smallest and the largest x of strip t at t + 2 (+∞ and −∞ for the strips −2, −1, strips, strips + 1). */
    private final double[] lowX;
    private final double[] highX;
    /**
     * With long runs of equal y (a value many points share): each slot's run of equal y in its strip, [runStart,
     * runEnd), held in x order, so that a walk through a run is a binary search and a short scan instead of the whole
     * run (at Δy = 0 the walk's bound never stops it); null when no run is long.
     */
    private final int[] runStart;
    private final int[] runEnd;
    /** Runs at least this long are searched by x. */
    private static final int RUN = 16;
    /** The strip axis' and the other axis' values, sorted. */
    private final double[] sortedX;
    private final double[] sortedY;
    /** The caller's x (0) and y (1) sort orders: the point at each place of its sorted values. */
    private final int[][] callerOrder;

    /** The reference kernels (the JDK's sorts). */
    private static final CountingKernels REFERENCE = new CountingKernels() { };

    KsgSearch(double[] x, double[] y, int k) {
        this(x, y, k, Parallelism.SEQUENTIAL, REFERENCE);
    }

    /**
     * Sorts x and y (by the kernels' long sort) on two threads when the parallelism has them and n is large
     * enough to pay. The strips run along the variable with more tied pairs (x on a draw), and no value's ties are
     * split between strips: a value held by many points would otherwise leave many strips at x gap 0 from a query,
     * all searched (n^1.5 for a constant x), and many equal y in a strip would all be walked (the same for a constant
     * y). Along the strip axis a tie is one strip; across it, the other variable has fewer ties.
     */
    KsgSearch(double[] x, double[] y, int k, Parallelism parallelism, CountingKernels kernels) {
        this.n = x.length;
        this.k = k;
        double[] sx = new double[n];
        double[] sy = new double[n];
        int[][] order = new int[2][n];
        run(n >= PARALLEL_SORT ? parallelism : Parallelism.SEQUENTIAL, 2, () -> null,
                (none, which) -> Ranks.sort(which == 0 ? x : y, which == 0 ? sx : sy, null, order[which], kernels));
        this.callerOrder = order;
        this.swapped = tiedPairs(sy) > tiedPairs(sx);
        int a = swapped ? 1 : 0;
        this.sortedX = swapped ? sy : sx;
        this.sortedY = swapped ? sx : sy;
        double[] valuesX = swapped ? y : x;
        int[] byX = new int[n]; // the strip axis' ranks: the inverse of its order
        for (int p = 0; p < n; p++) {
            byX[order[a][p]] = p;
        }
        int[] orderY = order[1 - a];
        // the placement order: the y order, each long run of equal y in x order (their y positions kept in posY)
        int[] place = orderY;
        int[] posY = null;
        if (longestRun(sortedY) >= RUN) {
            place = orderY.clone();
            int[] byRank = order[a];
            for (int p = 0; p < n; ) {
                int e = p + 1;
                while (e < n && sortedY[e] == sortedY[p]) {
                    e++;
                }
                if (e - p > 1) {
                    int[] ranks = new int[e - p];
                    for (int t = p; t < e; t++) {
                        ranks[t - p] = byX[place[t]];
                    }
                    java.util.Arrays.sort(ranks);
                    for (int t = p; t < e; t++) {
                        place[t] = byRank[ranks[t - p]];
                    }
                }
                p = e;
            }
            posY = new int[n];
            for (int p = 0; p < n; p++) {
                posY[orderY[p]] = p;
            }
        }
        this.width = Math.max(Math.max(1, k), (int) Math.ceil(Math.sqrt((double) k * n)));
        // strips of at least width points, each ending where the strip axis' value changes
        int[] starts = new int[Math.ceilDiv(n, width) + 1];
        int t0 = 0;
        boolean uniform = true;
        for (int from = 0; from < n; ) {
            int to = Math.min(n, from + width);
            while (to < n && sortedX[to] == sortedX[to - 1]) {
                to++;
                uniform = false;
            }
            starts[++t0] = to;
            from = to;
        }
        this.strips = t0;
        this.stripStart = java.util.Arrays.copyOf(starts, strips + 1);
        this.slotStart = new int[strips + 2];
        int slots = 0;
        for (int t = -1; t <= strips; t++) {
            slotStart[t + 1] = slots + PAD;
            slots += count(t) + 2 * PAD;
        }
        this.px = new double[slots];
        this.py = new double[slots];
        this.rankX = new int[slots];
        this.rankY = new int[slots];
        this.leftAt = new int[slots];
        this.rightAt = new int[slots];
        this.lowX = new double[strips + 4];
        this.highX = new double[strips + 4];
        java.util.Arrays.fill(lowX, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(highX, Double.NEGATIVE_INFINITY);
        // fill[t + 1]: the next free slot of strip t; the empty strips −1 and `strips` stay at their middle
        int[] fill = new int[strips + 2];
        for (int t = -1; t <= strips; t++) {
            int lo = lo(t);
            int count = count(t);
            fill[t + 1] = lo;
            java.util.Arrays.fill(py, lo - PAD, lo, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(py, lo + count, lo + count + PAD, Double.POSITIVE_INFINITY);
            if (count > 0) {
                lowX[t + 2] = sortedX[stripStart[t]];
                highX[t + 2] = sortedX[stripStart[t] + count - 1];
            }
        }
        // a stable counting pass over the y order puts each strip's points in y order. Equal-width strips: byX / width
        // as a multiply and shift (Granlund–Montgomery, exact for 0 ≤ byX < 2³¹), since a division per point costs
        // more than the rest of the pass; else each rank's strip from a table.
        int[] stripOf = null;
        if (!uniform) {
            stripOf = new int[n];
            for (int t = 0; t < strips; t++) {
                java.util.Arrays.fill(stripOf, stripStart[t], stripStart[t + 1], t);
            }
        }
        int shift = 31 + (32 - Integer.numberOfLeadingZeros(width - 1));
        long reciprocal = Math.ceilDiv(1L << shift, width);
        for (int p = 0; p < n; p++) {
            int i = place[p];
            int byXi = byX[i];
            int s = uniform ? (int) ((byXi * reciprocal) >>> shift) : stripOf[byXi];
            int q = fill[s + 1]++;
            px[q] = valuesX[i];
            py[q] = sortedY[p]; // the same value as at posY[i]: within a run of equal y
            rankX[q] = byXi;
            rankY[q] = posY == null ? p : posY[i];
            leftAt[q] = fill[s];
            rightAt[q] = fill[s + 2];
        }
        if (posY == null) {
            runStart = null;
            runEnd = null;
        } else {
            runStart = new int[slots];
            runEnd = new int[slots];
            for (int t = 0; t < strips; t++) {
                int lo = lo(t);
                int hi = lo + count(t);
                for (int u = lo; u < hi; ) {
                    int v = u + 1;
                    while (v < hi && py[v] == py[u]) {
                        v++;
                    }
                    java.util.Arrays.fill(runStart, u, v, u);
                    java.util.Arrays.fill(runEnd, u, v, v);
                    u = v;
                }
            }
        }
    }

    /** The longest run of equal values in a sorted array. */
    private static int longestRun(double[] sorted) {
        int longest = sorted.length == 0 ? 0 : 1;
        for (int p = 1, run = 1; p < sorted.length; p++) {
            run = sorted[p] == sorted[p - 1] ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** The number of pairs of equal values in a sorted array. */
    private static long tiedPairs(double[] sorted) {
        long pairs = 0;
        long run = 1;
        for (int p = 1; p < sorted.length; p++) {
            if (sorted[p] == sorted[p - 1]) {
                pairs += run++;
            } else {
                run = 1;
            }
        }
        return pairs;
    }

    /** The first slot of strip t's points. */
    private int lo(int t) {
        return slotStart[t + 1];
    }

    /** The number of points in strip t (0 for the empty strips −1 and {@code strips}). */
    private int count(int t) {
        return t < 0 || t >= strips ? 0 : stripStart[t + 1] - stripStart[t];
    }

    /**
     * Σ ψ(n_x + 1) and Σ ψ(n_y + 1) over all points.
     *
     * @return {Σ ψ(n_x + 1), Σ ψ(n_y + 1)}
     */
    double[] sums(KsgConvention convention, Parallelism parallelism) {
        int[][] counts = placeCounts(radii(convention, parallelism), parallelism);
        return new double[] {digammaSum(counts[0]), digammaSum(counts[1])};
    }

    /**
     * scikit-learn's {@code np.mean(digamma(nx + 1))} and {@code np.mean(digamma(ny + 1))} to the bit: ψ as scipy
     * computes it ({@link Digamma#scipy}), each point's term at its place in the caller's order, and numpy's
     * pairwise sum divided by n. The counts are those of {@link KsgConvention#SKLEARN}.
     *
     * @return {mean ψ(n_x + 1), mean ψ(n_y + 1)}
     */
    double[] sklearnMeans(Parallelism parallelism) {
        int[][] counts = placeCounts(radii(KsgConvention.SKLEARN, parallelism), parallelism);
        double[] psi = new double[n]; // ψ(m + 1) by m, 0 until needed (ψ has no zero at an integer)
        double[] terms = new double[n];
        double[] means = new double[2];
        for (int which = 0; which < 2; which++) {
            int[] c = counts[which];
            int[] order = callerOrder[which];
            for (int p = 0; p < n; p++) {
                int m = c[p];
                double v = psi[m];
                if (v == 0) {
                    v = Digamma.scipy(m + 1);
                    psi[m] = v;
                }
                terms[order[p]] = v;
            }
            means[which] = NumpySums.pairwiseSum(terms, 0, n) / n;
        }
        return means;
    }

    /**
     * Every point's counting radius, stored at its place in each sorted marginal.
     *
     * @return {radius by place in sorted x, radius by place in sorted y}
     */
    double[][] radii(KsgConvention convention, Parallelism parallelism) {
        double[] radiusX = new double[n];
        double[] radiusY = new double[n];
        int stripsPerPart = Math.max(1, PART / width);
        int parts = Math.ceilDiv(strips, stripsPerPart);
        run(parallelism, parts, () -> new Scratch(k), (scratch, part) -> {
            int endStrip = Math.min(strips, (part + 1) * stripsPerPart);
            for (int t = part * stripsPerPart; t < endStrip; t++) {
                int lo = lo(t);
                int hi = lo + count(t);
                for (int i = lo; i < hi; i++) {
                    // k = 3: window3's third best, negated when unproven (an upper bound that prunes the walk)
                    double eps = k == 3 ? window3(i, t) : Double.NEGATIVE_INFINITY;
                    if (Double.doubleToRawLongBits(eps) < 0) {
                        eps = kthDistance(i, t, -eps, scratch);
                    }
                    // sklearn: query_radius(radius = nextafter(ε, 0)) counts d ≤ radius, the point itself included;
                    // a negative radius stands for Kraskov's empty count at ε = 0
                    double r = eps > 0 ? Math.nextDown(eps) : convention == KsgConvention.KRASKOV ? -1.0 : 0.0;
                    radiusX[rankX[i]] = r;
                    radiusY[rankY[i]] = r;
                }
            }
        });
        return swapped ? new double[][] {radiusY, radiusX} : new double[][] {radiusX, radiusY};
    }

    /**
     * The counts of {@link #radii}' windows at each place of the sorted marginals (the caller's x first), taken in
     * sorted order, where consecutive windows are close; parts write disjoint places, so any thread count gives the
     * same numbers.
     *
     * @return {n_x by place in sorted x, n_y by place in sorted y}
     */
    int[][] placeCounts(double[][] radii, Parallelism parallelism) {
        int parts = Math.ceilDiv(n, PART);
        int[][] counts = new int[2][n];
        run(parallelism, 2 * parts, () -> null, (none, part) -> {
            boolean isX = part < parts;
            int from = (isX ? part : part - parts) * PART;
            // radii and counts in the caller's order (x first), whichever axis the strips run along
            double[] sorted = isX != swapped ? sortedX : sortedY;
            count(sorted, radii[isX ? 0 : 1], from, Math.min(n, from + PART), counts[isX ? 0 : 1]);
        });
        return counts;
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

    /**
     * Σ ψ(m + 1) over the points' counts m, as Σ_m c_m·ψ(m + 1) over the histogram c of the counts, compensated, m
     * ascending: ψ once per distinct count, and the same bits whatever the order of the points.
     */
    private double digammaSum(int[] counts) {
        int[] histogram = new int[n];
        for (int m : counts) {
            histogram[m]++;
        }
        double s = 0;
        double c = 0;
        for (int m = 0; m < n; m++) {
            if (histogram[m] != 0) {
                double term = histogram[m] * Digamma.of(m + 1);
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
     * k = 3: the third nearest distance of the point at slot i of strip s among the WINDOW points on each side of
     * it in y in its own strip and in both neighbour strips, if that proves to be its third nearest distance overall,
     * else minus that third best (an upper bound of the true one). Proof: every point outside the windows is at least as far as the third best, by its y (the first point
     * past each window edge bounds the rest, rounding being monotone) or by its strip's x gap (the strips s ± 2 bound
     * those further out). Then the third best of the windows is the third of all, ties included. The windows read the
     * padding (at infinity) near a strip's ends and the empty strips beyond the outer strips, so there is no branch
     * but the final test: the three running minima are three independent branch-free networks.
     */
    private double window3(int i, int s) {
        double[] xs = px;
        double[] ys = py;
        double qx = xs[i];
        double qy = ys[i];
        int l = leftAt[i] - WINDOW;
        int r = rightAt[i] - WINDOW;
        int o = i - WINDOW;
        long a0 = INFINITY_BITS;
        long a1 = INFINITY_BITS;
        long a2 = INFINITY_BITS;
        long b0 = INFINITY_BITS;
        long b1 = INFINITY_BITS;
        long b2 = INFINITY_BITS;
        long c0 = INFINITY_BITS;
        long c1 = INFINITY_BITS;
        long c2 = INFINITY_BITS;
        for (int j = 0; j < 2 * WINDOW; j++) {
            int own = o + j + (j >= WINDOW ? 1 : 0);
            long va = distanceBits(xs[own] - qx, ys[own] - qy);
            long vb = distanceBits(xs[l + j] - qx, ys[l + j] - qy);
            long vc = distanceBits(xs[r + j] - qx, ys[r + j] - qy);
            long ma = Math.max(a0, va);
            long mb = Math.max(b0, vb);
            long mc = Math.max(c0, vc);
            a0 = Math.min(a0, va);
            b0 = Math.min(b0, vb);
            c0 = Math.min(c0, vc);
            long na = Math.max(a1, ma);
            long nb = Math.max(b1, mb);
            long nc = Math.max(c1, mc);
            a1 = Math.min(a1, ma);
            b1 = Math.min(b1, mb);
            c1 = Math.min(c1, mc);
            a2 = Math.min(a2, na);
            b2 = Math.min(b2, nb);
            c2 = Math.min(c2, nc);
        }
        // the three smallest of a ∪ b, then the third smallest of that ∪ c
        long d0 = Math.min(a0, b0);
        long d1 = Math.min(Math.max(a0, b0), Math.min(a1, b1));
        long d2 = Math.min(Math.min(a2, b2), Math.min(Math.max(a0, b1), Math.max(a1, b0)));
        double kth = Double.longBitsToDouble(
                Math.min(Math.min(d2, c2), Math.min(Math.max(d0, c1), Math.max(d1, c0))));
        // a neighbour strip is covered by its window or out of reach as a whole
        boolean proven = (ys[i + WINDOW + 1] - qy >= kth) & (qy - ys[i - WINDOW - 1] >= kth)
                & ((ys[l + 2 * WINDOW] - qy >= kth) & (qy - ys[l - 1] >= kth) | qx - highX[s + 1] >= kth)
                & ((ys[r + 2 * WINDOW] - qy >= kth) & (qy - ys[r - 1] >= kth) | lowX[s + 3] - qx >= kth)
                & (qx - highX[s] >= kth) & (lowX[s + 4] - qx >= kth);
        return proven ? kth : -kth;
    }

    /** The bits of max(|dx|, |dy|): non-negative doubles order as their bits. */
    private static long distanceBits(double dx, double dy) {
        return Math.max(Double.doubleToRawLongBits(Math.abs(dx)), Double.doubleToRawLongBits(Math.abs(dy)));
    }

    /**
     * The max-norm distance from the point at slot i of strip s to its k-th nearest other point, given a bound not
     * below it (+∞ for none): the k best start at the bound, so it prunes from the first point on, and the k-th
     * smallest of the distances and k copies of the bound is the k-th distance, ties included. Queries of one
     * strip must come in increasing i between resets of {@code scratch.cursorStrip} (the cursors only move
     * forward).
     */
    private double kthDistance(int i, int s, double bound, Scratch scratch) {
        double[] best = scratch.best;
        java.util.Arrays.fill(best, bound);
        int[] cursor = scratch.cursor;
        if (scratch.cursorStrip != s) {
            scratch.cursorStrip = s;
            for (int c = 0; c < cursor.length; c++) {
                cursor[c] = lo(Math.clamp(s + c - CURSORS, -1, strips));
            }
        }
        double qx = px[i];
        double qy = py[i];
        int lo = lo(s);
        int hi = lo + count(s);
        scanUp(i + 1, hi, qx, qy, best);
        scanDown(i - 1, lo, qx, qy, best);
        double kth = best[k - 1];
        int left = s - 1;
        int right = s + 1;
        boolean goLeft = left >= 0;
        boolean goRight = right < strips;
        while (goLeft || goRight) {
            if (goLeft) {
                // every x of strip `left` is ≤ its largest x: the rounded gap bounds every |Δx| there
                if (qx - highX[left + 2] < kth) {
                    kth = searchStrip(left, s, cursor, qx, qy, best);
                    goLeft = --left >= 0;
                } else {
                    goLeft = false;
                }
            }
            if (goRight) {
                if (lowX[right + 2] - qx < kth) {
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
        int lo = lo(t);
        int hi = lo + count(t);
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
        if (runEnd != null) {
            scanUpRuns(from, hi, qx, qy, best);
            return;
        }
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
            kth = offer(best, last, kth, d);
        }
    }

    /** Offers the points from {@code from} down (y descending) while their Δy is below the k-th distance. */
    private void scanDown(int from, int lo, double qx, double qy, double[] best) {
        if (runStart != null) {
            scanDownRuns(from, lo, qx, qy, best);
            return;
        }
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
            kth = offer(best, last, kth, d);
        }
    }

    /**
     * {@link #scanUp} where long runs of equal y are in x order: in such a run every point has the same Δy, so the
     * points with x at or below qx − kth are skipped by a binary search (qx − x falls as x rises, rounding being
     * monotone) and the walk stops at the first with x − qx ≥ kth; each offered distance is the scan's own.
     */
    private void scanUpRuns(int from, int hi, double qx, double qy, double[] best) {
        double[] xs = px;
        double[] ys = py;
        int last = k - 1;
        double kth = best[last];
        int j = from;
        while (j < hi) {
            double dy = ys[j] - qy;
            if (dy >= kth) {
                return;
            }
            int end = runEnd[j];
            if (end - j >= RUN) {
                int a = j;
                int b = end;
                while (a < b) {
                    int m = (a + b) >>> 1;
                    if (qx - xs[m] >= kth) {
                        a = m + 1;
                    } else {
                        b = m;
                    }
                }
                for (int t = a; t < end; t++) {
                    double dx = xs[t] - qx;
                    if (dx >= kth) {
                        break;
                    }
                    kth = offer(best, last, kth, Math.max(Math.abs(dx), dy));
                }
                j = end;
                continue;
            }
            kth = offer(best, last, kth, Math.max(Math.abs(xs[j] - qx), dy));
            j++;
        }
    }

    /** {@link #scanDown} as {@link #scanUpRuns}: from a run's high x down, those at or beyond qx + kth skipped. */
    private void scanDownRuns(int from, int lo, double qx, double qy, double[] best) {
        double[] xs = px;
        double[] ys = py;
        int last = k - 1;
        double kth = best[last];
        int j = from;
        while (j >= lo) {
            double dy = qy - ys[j];
            if (dy >= kth) {
                return;
            }
            int start = runStart[j];
            if (j - start + 1 >= RUN) {
                int a = start;
                int b = j + 1;
                while (a < b) { // the first with x − qx ≥ kth (x − qx rises with x)
                    int m = (a + b) >>> 1;
                    if (xs[m] - qx < kth) {
                        a = m + 1;
                    } else {
                        b = m;
                    }
                }
                for (int t = a - 1; t >= start; t--) {
                    double dx = qx - xs[t];
                    if (dx >= kth) {
                        break;
                    }
                    kth = offer(best, last, kth, Math.max(Math.abs(xs[t] - qx), dy));
                }
                j = start - 1;
                continue;
            }
            kth = offer(best, last, kth, Math.max(Math.abs(xs[j] - qx), dy));
            j--;
        }
    }

    /**
     * Puts d into the k best if it is below kth = best[last], their largest; returns the new largest. The k best are
     * a max-heap stored from best[last] down (node i at best[last − i]), so an offer costs O(log k), not O(k): with k
     * near n a query offers about n candidates. An ascending array is such a heap (k = 3 keeps one, {@link #offer3}).
     */
    private static double offer(double[] best, int last, double kth, double d) {
        if (last == 2) {
            return offer3(best, d);
        }
        return d < kth ? insert(best, last, d) : kth;
    }

    /**
     * Puts d into the ascending best[0..2] if it is smaller than best[2], without a branch: whether a candidate
     * beats the third best is a coin toss the branch predictor loses. Non-negative doubles order as their bits.
     */
    private static double offer3(double[] best, double d) {
        long v = Double.doubleToRawLongBits(d);
        long b0 = Double.doubleToRawLongBits(best[0]);
        long b1 = Double.doubleToRawLongBits(best[1]);
        long b2 = Double.doubleToRawLongBits(best[2]);
        long m0 = Math.max(b0, v);
        long m1 = Math.max(b1, m0);
        b2 = Math.min(b2, m1);
        best[0] = Double.longBitsToDouble(Math.min(b0, v));
        best[1] = Double.longBitsToDouble(Math.min(b1, m0));
        best[2] = Double.longBitsToDouble(b2);
        return Double.longBitsToDouble(b2);
    }

    /**
     * Replaces the largest of the k best (the heap's root, best[last]) by d &lt; it and sifts d down; returns the new
     * largest. Its value is the k-th smallest offered so far whatever the heap's shape, ties included.
     */
    private static double insert(double[] best, int last, double d) {
        int n = last + 1;
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= n) {
                break;
            }
            double cv = best[last - c];
            if (c + 1 < n && best[last - c - 1] > cv) {
                c++;
                cv = best[last - c];
            }
            if (cv <= d) {
                break;
            }
            best[last - i] = cv;
            i = c;
        }
        best[last - i] = d;
        return best[last];
    }

    /**
     * For each p in [from, to): {@code counts[p] = m} where m = #{j ≠ p : |a[j] − a[p]| ≤ radius[p]} in the sorted a,
     * with the difference rounded as the peers round it (so m = 0 for a negative radius). Both ends of four windows
     * at a time are found by eight interleaved branch-free binary searches of one common length, a power of two
     * that brackets all eight (taken from the previous group's widest window, doubled until it brackets): the eight
     * chains of dependent loads overlap instead of each window waiting for the previous one.
     */
    static void count(double[] a, double[] radius, int from, int to, int[] counts) {
        int last = a.length - 1;
        int reach = 1;
        int p = from;
        for (; p + 4 <= to; p += 4) {
            double v0 = a[p];
            double v1 = a[p + 1];
            double v2 = a[p + 2];
            double v3 = a[p + 3];
            double r0 = radius[p];
            double r1 = radius[p + 1];
            double r2 = radius[p + 2];
            double r3 = radius[p + 3];
            while (!(brackets(a, p, v0, r0, reach) & brackets(a, p + 1, v1, r1, reach)
                    & brackets(a, p + 2, v2, r2, reach) & brackets(a, p + 3, v3, r3, reach))) {
                reach <<= 1;
            }
            int hi0 = p;
            int hi1 = p + 1;
            int hi2 = p + 2;
            int hi3 = p + 3;
            int lo0 = p;
            int lo1 = p + 1;
            int lo2 = p + 2;
            int lo3 = p + 3;
            for (int half = reach >>> 1; half > 0; half >>>= 1) {
                hi0 = a[Math.min(hi0 + half, last)] - v0 <= r0 ? hi0 + half : hi0;
                hi1 = a[Math.min(hi1 + half, last)] - v1 <= r1 ? hi1 + half : hi1;
                hi2 = a[Math.min(hi2 + half, last)] - v2 <= r2 ? hi2 + half : hi2;
                hi3 = a[Math.min(hi3 + half, last)] - v3 <= r3 ? hi3 + half : hi3;
                lo0 = v0 - a[Math.max(lo0 - half, 0)] <= r0 ? lo0 - half : lo0;
                lo1 = v1 - a[Math.max(lo1 - half, 0)] <= r1 ? lo1 - half : lo1;
                lo2 = v2 - a[Math.max(lo2 - half, 0)] <= r2 ? lo2 - half : lo2;
                lo3 = v3 - a[Math.max(lo3 - half, 0)] <= r3 ? lo3 - half : lo3;
            }
            // past the array's ends the searches saw its end values: clamp back
            hi0 = Math.min(hi0, last);
            hi1 = Math.min(hi1, last);
            hi2 = Math.min(hi2, last);
            hi3 = Math.min(hi3, last);
            lo0 = Math.max(lo0, 0);
            lo1 = Math.max(lo1, 0);
            lo2 = Math.max(lo2, 0);
            lo3 = Math.max(lo3, 0);
            counts[p] = hi0 - lo0;
            counts[p + 1] = hi1 - lo1;
            counts[p + 2] = hi2 - lo2;
            counts[p + 3] = hi3 - lo3;
            // the next group starts from this group's widest reach, which may be narrower than the current one
            int widest = Math.max(Math.max(Math.max(hi0 - p, p - lo0), Math.max(hi1 - p - 1, p + 1 - lo1)),
                    Math.max(Math.max(hi2 - p - 2, p + 2 - lo2), Math.max(hi3 - p - 3, p + 3 - lo3)));
            reach = Math.max(1, Integer.highestOneBit(widest) << 1);
        }
        for (; p < to; p++) {
            double v = a[p];
            double r = radius[p];
            while (!brackets(a, p, v, r, reach)) {
                reach <<= 1;
            }
            int hi = p;
            int lo = p;
            for (int half = reach >>> 1; half > 0; half >>>= 1) {
                hi = a[Math.min(hi + half, last)] - v <= r ? hi + half : hi;
                lo = v - a[Math.max(lo - half, 0)] <= r ? lo - half : lo;
            }
            counts[p] = Math.min(hi, last) - Math.max(lo, 0);
        }
    }

    /**
     * Whether the window of a[p] = v, radius r, lies inside (p − reach, p + reach): the points at distance reach
     * either side are outside the array or out of the window.
     */
    private static boolean brackets(double[] a, int p, double v, double r, int reach) {
        int up = p + reach;
        int down = p - reach;
        return (up >= a.length || a[up] - v > r) & (down < 0 || v - a[down] > r);
    }
}
