package org.shannon4j.continuous;

import org.shannon4j.spi.Parallelism;

/**
 * Exact max-norm k-nearest-neighbour distances and neighbour counts over 2 or 3 variables (blocks) of any dimension.
 * Exact and deterministic: ties at the k-th joint distance go to the lowest indices, and any thread count gives the
 * same bits. Two searches give the same answers to the bit: {@link KdTree}s (one over the joint space for the
 * neighbours, one per marginal space for the counts; about O(N log N) in low dimension) when
 * {@link KdTree#pays} for N and the joint dimension, else brute force, O(N²·d) time and O(N) memory per thread,
 * which wins for a few hundred points or where a tree's pruning fades as the dimension grows.
 */
final class KnnBlocks {

    private static final int PART = 64;

    private final double[][] blocks;
    private final int[] dims;
    private final int n;
    private final int k;
    private final boolean tree;

    /** Each block row-major, {@code blocks[b].length == n * dims[b]}; the search chosen by {@link KdTree#pays}. */
    KnnBlocks(double[][] blocks, int[] dims, int n, int k) {
        this(blocks, dims, n, k, KdTree.pays(n, java.util.Arrays.stream(dims).sum()));
    }

    /** As above, with the search chosen by the caller (tests compare the two). */
    KnnBlocks(double[][] blocks, int[] dims, int n, int k, boolean tree) {
        this.blocks = blocks;
        this.dims = dims;
        this.n = n;
        this.k = k;
        this.tree = tree;
    }

    /**
     * Per point, the counts KSG needs, in {@code counts[c][i]}: with 2 blocks (X, Y) c = 0 is n_x and 1 is n_y; with
     * 3 blocks (X, Y, Z) c = 0 is n_xz, 1 is n_yz and 2 is n_z.
     */
    int[][] counts(KsgAlgorithm algorithm, Parallelism parallelism) {
        if (tree) {
            return new Trees().counts(algorithm, parallelism);
        }
        int[][] counts = new int[blocks.length][n];
        int parts = Math.ceilDiv(n, PART);
        Parallelism.Part<Scratch> body = (s, part) -> {
            int end = Math.min(n, (part + 1) * PART);
            for (int i = part * PART; i < end; i++) {
                point(algorithm, s, i, counts);
            }
        };
        run(parts, parallelism, body);
        return counts;
    }

    private final class Scratch {
        final double[][] dist = new double[blocks.length][n];
        final double[] best = new double[k];
        final int[] bestIndex = new int[k];
        final double[] eps = new double[blocks.length];
    }

    private void point(KsgAlgorithm algorithm, Scratch s, int i, int[][] counts) {
        int nb = blocks.length;
        for (int b = 0; b < nb; b++) {
            distances(blocks[b], dims[b], i, s.dist[b]);
        }
        nearest(s, i, nb);
        double[] eps = s.eps;
        java.util.Arrays.fill(eps, 0.0);
        boolean strict = algorithm == KsgAlgorithm.KSG1;
        if (strict) {
            java.util.Arrays.fill(eps, s.best[k - 1]);
        } else {
            for (int q = 0; q < k; q++) {
                for (int b = 0; b < nb; b++) {
                    eps[b] = Math.max(eps[b], s.dist[b][s.bestIndex[q]]);
                }
            }
        }
        if (nb == 2) {
            counts[0][i] = count(s.dist[0], eps[0], strict, i);
            counts[1][i] = count(s.dist[1], eps[1], strict, i);
        } else {
            int nxz = 0;
            int nyz = 0;
            int nz = 0;
            double[] dx = s.dist[0];
            double[] dy = s.dist[1];
            double[] dz = s.dist[2];
            for (int j = 0; j < n; j++) {
                if (j == i || !within(dz[j], eps[2], strict)) {
                    continue;
                }
                nz++;
                if (within(dx[j], eps[0], strict)) {
                    nxz++;
                }
                if (within(dy[j], eps[1], strict)) {
                    nyz++;
                }
            }
            counts[0][i] = nxz;
            counts[1][i] = nyz;
            counts[2][i] = nz;
        }
    }

    /** Fills s.best and s.bestIndex with the k smallest joint distances to i, ascending. */
    private void nearest(Scratch s, int i, int nb) {
        // the k smallest joint distances, ascending; a later point replaces only a strictly larger one
        int found = 0;
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            double d = s.dist[0][j];
            for (int b = 1; b < nb; b++) {
                d = Math.max(d, s.dist[b][j]);
            }
            if (found < k || d < s.best[k - 1]) {
                int p = found < k ? found++ : k - 1;
                while (p > 0 && s.best[p - 1] > d) {
                    s.best[p] = s.best[p - 1];
                    s.bestIndex[p] = s.bestIndex[p - 1];
                    p--;
                }
                s.best[p] = d;
                s.bestIndex[p] = j;
            }
        }
    }

    /**
     * Per point, the distance to its k-th nearest other point in block 0 alone (max-norm), or its square
     * (Euclidean: the squared distances are summed in column order, as ANN does for R's FNN).
     */
    double[] kthDistances(boolean euclidean, Parallelism parallelism) {
        double[] out = new double[n];
        if (tree) {
            KdTree t = new KdTree(blocks[0], dims[0], null, euclidean);
            Parallelism.Part<KdTree.Query> part = (q, p) -> {
                int end = Math.min(n, (p + 1) * PART);
                for (int i = p * PART; i < end; i++) {
                    t.nearest(blocks[0], i * dims[0], i, k, q);
                    out[i] = q.bestD[k - 1];
                }
            };
            run(Math.ceilDiv(n, PART), parallelism, () -> new KdTree.Query(k, t), part);
            return out;
        }
        int parts = Math.ceilDiv(n, PART);
        Parallelism.Part<Scratch> body = (s, part) -> {
            int end = Math.min(n, (part + 1) * PART);
            for (int i = part * PART; i < end; i++) {
                if (euclidean) {
                    squaredDistances(blocks[0], dims[0], i, s.dist[0]);
                } else {
                    distances(blocks[0], dims[0], i, s.dist[0]);
                }
                nearest(s, i, 1);
                out[i] = s.best[k - 1];
            }
        };
        run(parts, parallelism, body);
        return out;
    }

    private void run(int parts, Parallelism parallelism, Parallelism.Part<Scratch> body) {
        run(parts, parallelism, Scratch::new, body);
    }

    /** Parts of PART points over the threads; per-point results, so the thread count cannot change them. */
    static <S> void run(int parts, Parallelism parallelism, java.util.function.Supplier<S> scratch,
            Parallelism.Part<S> body) {
        if (parallelism.threads() == 1 || parts == 1) {
            S s = scratch.get();
            for (int p = 0; p < parts; p++) {
                body.run(s, p);
            }
        } else {
            parallelism.forEachPart(parts, parallelism.threads() - 1, scratch, body);
        }
    }

    /**
     * The tree search of {@link #counts}: the k nearest in a tree over the joint space, then box counts in trees
     * over the marginal spaces (X and Y; or XZ, YZ and Z), with the brute force's radii, strictness and
     * self-exclusion.
     */
    private final class Trees {
        /** The row-major concatenation of the given blocks. */
        private double[] joined(int... which) {
            int d = 0;
            for (int b : which) {
                d += dims[b];
            }
            double[] out = new double[n * d];
            for (int i = 0, o = 0; i < n; i++) {
                for (int b : which) {
                    System.arraycopy(blocks[b], i * dims[b], out, o, dims[b]);
                    o += dims[b];
                }
            }
            return out;
        }

        int[][] counts(KsgAlgorithm algorithm, Parallelism parallelism) {
            int nb = blocks.length;
            int[] all = nb == 2 ? new int[] {0, 1} : new int[] {0, 1, 2};
            double[] joint = joined(all);
            int dj = joint.length / n;
            KdTree jt = new KdTree(joint, dj, null, false);
            // the count spaces: c = 0, 1 are X, Y (2 blocks) or XZ, YZ (3 blocks); c = 2 is Z
            int[][] spaces = nb == 2 ? new int[][] {{0}, {1}} : new int[][] {{0, 2}, {1, 2}, {2}};
            double[][] data = new double[nb][];
            int[] sd = new int[nb];
            KdTree[] ct = new KdTree[nb];
            for (int c = 0; c < nb; c++) {
                data[c] = spaces[c].length == 1 ? blocks[spaces[c][0]] : joined(spaces[c]);
                sd[c] = data[c].length / n;
                ct[c] = new KdTree(data[c], sd[c], null, false);
            }
            KdTree[] everyTree = {jt, ct[0], ct[1], ct[nb - 1]};
            boolean strict = algorithm == KsgAlgorithm.KSG1;
            int[][] counts = new int[nb][n];
            class State {
                final KdTree.Query q = new KdTree.Query(k, everyTree);
                final double[] eps = new double[nb];
                final double[] radius = new double[dj];
            }
            Parallelism.Part<State> part = (s, p) -> {
                int end = Math.min(n, (p + 1) * PART);
                for (int i = p * PART; i < end; i++) {
                    jt.nearest(joint, i * dj, i, k, s.q);
                    epsilons(i, strict, s.q, s.eps);
                    for (int c = 0; c < nb; c++) {
                        boolean self = true;
                        for (int o = 0, t = 0; t < spaces[c].length; t++) {
                            int b = spaces[c][t];
                            self &= KdTree.within(0.0, s.eps[b], strict);
                            for (int e = 0; e < dims[b]; e++) {
                                s.radius[o++] = s.eps[b];
                            }
                        }
                        int m = ct[c].count(data[c], i * sd[c], s.radius, strict, s.q);
                        counts[c][i] = self ? m - 1 : m;
                    }
                }
            };
            run(Math.ceilDiv(n, PART), parallelism, State::new, part);
            return counts;
        }

        /** Per block, the radius of point i's counts: the k-th joint distance (KSG1) or the block's own (KSG2). */
        private void epsilons(int i, boolean strict, KdTree.Query q, double[] eps) {
            if (strict) {
                java.util.Arrays.fill(eps, q.bestD[k - 1]);
                return;
            }
            for (int b = 0; b < blocks.length; b++) {
                double e = 0;
                for (int t = 0; t < k; t++) {
                    e = Math.max(e, distance(blocks[b], dims[b], i, q.bestJ[t]));
                }
                eps[b] = e;
            }
        }
    }

    /** The max-norm distance between rows i and j of a block, as {@link #distances} computes it. */
    private static double distance(double[] v, int d, int i, int j) {
        double m = 0;
        for (int c = 0; c < d; c++) {
            m = Math.max(m, Math.abs(v[j * d + c] - v[i * d + c]));
        }
        return m;
    }

    /** Squared Euclidean distances from row i to every row of a row-major block. */
    private void squaredDistances(double[] v, int d, int i, double[] out) {
        int oi = i * d;
        for (int j = 0, oj = 0; j < n; j++, oj += d) {
            double m = 0;
            for (int c = 0; c < d; c++) {
                double t = v[oj + c] - v[oi + c];
                m += t * t;
            }
            out[j] = m;
        }
    }

    private static boolean within(double d, double eps, boolean strict) {
        return strict ? d < eps : d <= eps;
    }

    private int count(double[] dist, double eps, boolean strict, int i) {
        int c = 0;
        for (int j = 0; j < n; j++) {
            if (within(dist[j], eps, strict)) {
                c++;
            }
        }
        // the point itself is at distance 0: within unless strict with ε = 0
        return within(0.0, eps, strict) ? c - 1 : c;
    }

    /** Max-norm distances from row i to every row of a row-major block. */
    private void distances(double[] v, int d, int i, double[] out) {
        int oi = i * d;
        if (d == 1) {
            double a = v[i];
            for (int j = 0; j < n; j++) {
                out[j] = Math.abs(v[j] - a);
            }
            return;
        }
        for (int j = 0, oj = 0; j < n; j++, oj += d) {
            double m = 0;
            for (int c = 0; c < d; c++) {
                m = Math.max(m, Math.abs(v[oj + c] - v[oi + c]));
            }
            out[j] = m;
        }
    }
}
