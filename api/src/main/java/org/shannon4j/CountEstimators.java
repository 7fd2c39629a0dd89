package org.shannon4j;

import org.shannon4j.spi.Kernels;

/**
 * Entropy and mutual-information estimators from counts (see {@link Estimator} for the formulas), in nats.
 * The shrinkage and Dirichlet estimators smooth every cell to α + β·n (α, β from the estimator); empty cells
 * are not stored, they are counted: K − m cells of probability α.
 */
final class CountEstimators {

    private CountEstimators() {
    }

    /** Validates a count vector and returns N; names the first negative count, rejects all-zero and overflow. */
    static long total(String name, Object counts) {
        if (counts == null) {
            throw new NullPointerException(name + " must not be null");
        }
        int length = counts instanceof long[] l ? l.length : ((int[]) counts).length;
        if (length == 0) {
            throw new IllegalArgumentException(name + " is empty: an entropy needs at least one cell");
        }
        long n = 0;
        for (int i = 0; i < length; i++) {
            long v = at(counts, i);
            if (v < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v + ": counts must be >= 0");
            }
            try {
                n = Math.addExact(n, v);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the sum of " + name + " exceeds Long.MAX_VALUE");
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + " is all zeros: an entropy needs at least one observation");
        }
        return n;
    }

    static long at(Object counts, int i) {
        return counts instanceof long[] l ? l[i] : ((int[]) counts)[i];
    }

    /** Ĥ of {@code counts[0..length)} with K = {@code cells} cells (cells ≥ length) and N = n. */
    static double entropy(Kernels k, Object counts, int length, double cells, long n, Estimator estimator) {
        double nd = n;
        switch (estimator) {
            case PLUG_IN, MILLER_MADOW -> {
                double t = counts instanceof long[] l ? k.nLogN(l, 0, length) : k.nLogN((int[]) counts, 0, length);
                double h = Math.max(0.0, Math.log(nd) - t / nd);
                if (estimator == Estimator.MILLER_MADOW) {
                    h += (nonZero(counts, length) - 1) / (2 * nd);
                }
                return h;
            }
            case CHAO_SHEN -> {
                long f1 = 0;
                for (int i = 0; i < length; i++) {
                    f1 += at(counts, i) == 1 ? 1 : 0;
                }
                if (f1 == n) {
                    f1 = n - 1;
                }
                double coverage = 1 - f1 / nd;
                double h = 0;
                for (int i = 0; i < length; i++) {
                    long c = at(counts, i);
                    if (c > 0) {
                        double pa = coverage * c / nd;
                        double la = -Math.expm1(nd * Math.log1p(-pa)); // 1 − (1 − pa)^N
                        h -= pa * Math.log(pa) / la;
                    }
                }
                return Math.max(0.0, h);
            }
            default -> {
                double[] ab = smoothing(counts, length, cells, n, estimator);
                double h = -(cells - nonZero(counts, length)) * xLogX(ab[0]);
                for (int i = 0; i < length; i++) {
                    long c = at(counts, i);
                    if (c > 0) {
                        h -= xLogX(ab[0] + ab[1] * c);
                    }
                }
                return Math.max(0.0, h);
            }
        }
    }

    private static double xLogX(double p) {
        return p > 0 ? p * Math.log(p) : 0.0;
    }

    static long nonZero(Object counts, int length) {
        long m = 0;
        for (int i = 0; i < length; i++) {
            m += at(counts, i) != 0 ? 1 : 0;
        }
        return m;
    }

    /** {α, β}: the smoothed probability of a cell with count c is α + β·c (shrinkage or Dirichlet). */
    static double[] smoothing(Object counts, int length, double cells, long n, Estimator estimator) {
        double nd = n;
        if (estimator == Estimator.JAMES_STEIN) {
            double target = 1 / cells;
            double lambda;
            if (n <= 1) {
                lambda = 1;
            } else {
                double sumU2 = 0;
                double msp = 0;
                long m = 0;
                for (int i = 0; i < length; i++) {
                    long c = at(counts, i);
                    if (c > 0) {
                        double u = c / nd;
                        sumU2 += u * u;
                        msp += (target - u) * (target - u);
                        m++;
                    }
                }
                msp += (cells - m) * target * target;
                lambda = msp == 0 ? 1 : Math.min(1, Math.max(0, (1 - sumU2) / ((nd - 1) * msp)));
            }
            return new double[] {lambda * target, (1 - lambda) / nd};
        }
        double a = estimator.pseudocount(nd, cells);
        double denominator = nd + cells * a;
        return new double[] {a / denominator, 1 / denominator};
    }

    /** Estimated I(X;Y) in nats from a count table (see {@link Estimator} for how each estimator does it). */
    static double mutualInformation(Kernels k, CountTable t, Estimator estimator) {
        switch (estimator) {
            case PLUG_IN:
                return MutualInformationMeasures.ofTable(k, t, MutualInformationMeasures.MI);
            case MILLER_MADOW, CHAO_SHEN: {
                double hx = entropy(k, t.rows, t.rowLength, t.rowCells, t.n, estimator);
                double hy = entropy(k, t.cols, t.colLength, t.colCells, t.n, estimator);
                Object joint = t.intJoint != null ? t.intJoint : t.longJoint;
                double hxy = entropy(k, joint, t.jointLength, (double) t.rowCells * t.colCells, t.n, estimator);
                return hx + hy - hxy;
            }
            default: {
                Object joint = t.intJoint != null ? t.intJoint : t.longJoint;
                double r = t.rowCells;
                double c = t.colCells;
                double cells = r * c;
                double[] ab = smoothing(joint, t.jointLength, cells, t.n, estimator);
                double alpha = ab[0];
                double beta = ab[1];
                double sum = (cells - nonZero(joint, t.jointLength)) * xLogX(alpha);
                for (int i = 0; i < t.jointLength; i++) {
                    long v = t.joint(i);
                    if (v > 0) {
                        sum += xLogX(alpha + beta * v);
                    }
                }
                // marginals of the smoothed joint: c·α + β·aᵢ per row (empty rows: c·α), r·α + β·bⱼ per column
                long nonEmptyRows = 0;
                for (int i = 0; i < t.rowLength; i++) {
                    if (t.rows[i] > 0) {
                        sum -= xLogX(c * alpha + beta * t.rows[i]);
                        nonEmptyRows++;
                    }
                }
                sum -= (r - nonEmptyRows) * xLogX(c * alpha);
                long nonEmptyCols = 0;
                for (int j = 0; j < t.colLength; j++) {
                    if (t.cols[j] > 0) {
                        sum -= xLogX(r * alpha + beta * t.cols[j]);
                        nonEmptyCols++;
                    }
                }
                sum -= (c - nonEmptyCols) * xLogX(r * alpha);
                return Math.max(0.0, sum);
            }
        }
    }
}
