package org.shannon4j.continuous;

import org.shannon4j.spi.Parallelism;

/**
 * Exact max-norm k-nearest-neighbour distances and neighbour counts over 2 or 3 variables (blocks) of any dimension,
 * by brute force: O(N²·d) time, O(N) memory per thread. Exact and deterministic (ties at the k-th joint distance go
 * to the lowest indices); meant for the moderate N and dimensions of multivariate and conditional KSG, where a
 * tree's pruning fades as the dimension grows.
 */
final class KnnBlocks {

    private static final int PART = 64;

    private final double[][] blocks;
    private final int[] dims;
    private final int n;
    private final int k;

    /** Each block row-major, {@code blocks[b].length == n * dims[b]}. */
    KnnBlocks(double[][] blocks, int[] dims, int n, int k) {
        this.blocks = blocks;
        this.dims = dims;
        this.n = n;
        this.k = k;
    }

    /**
     * Per point, the counts KSG needs, in {@code counts[c][i]}: with 2 blocks (X, Y) c = 0 is n_x and 1 is n_y; with
     * 3 blocks (X, Y, Z) c = 0 is n_xz, 1 is n_yz and 2 is n_z.
     */
    int[][] counts(KsgAlgorithm algorithm, Parallelism parallelism) {
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
    }

    private void point(KsgAlgorithm algorithm, Scratch s, int i, int[][] counts) {
        int nb = blocks.length;
        for (int b = 0; b < nb; b++) {
            distances(blocks[b], dims[b], i, s.dist[b]);
        }
        nearest(s, i, nb);
        double[] eps = new double[nb];
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
        if (parallelism.threads() == 1 || parts == 1) {
            Scratch s = new Scratch();
            for (int p = 0; p < parts; p++) {
                body.run(s, p);
            }
        } else {
            parallelism.forEachPart(parts, parallelism.threads() - 1, Scratch::new, body);
        }
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
