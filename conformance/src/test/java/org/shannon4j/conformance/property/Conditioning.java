package org.shannon4j.conformance.property;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.shannon4j.Shannon;
import org.shannon4j.dependence.NmiAverage;

/**
 * Tolerances of NMI and AMI, which divide an MI (absolute error δ) by an average of entropies: their error is
 * about δ·(1 + |value|)/denominator, so near-degenerate inputs (a denominator of 1e-11) allow a large difference
 * between backends that each meet the documented MI bound. The entropies are computed here in plain double (the
 * tolerance needs no more); AMI's denominator avg − E[I] is recovered from the scalar reference's AMI and MI.
 */
final class Conditioning {

    /** {H(X), H(Y), H(X,Y)} in nats of a row-major table of non-negative weights (bad entries counted as 0). */
    static double[] entropies(double[] table, int rows, int cols) {
        double total = 0;
        double[] rowSum = new double[rows];
        double[] colSum = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = weight(table[i * cols + j]);
                rowSum[i] += v;
                colSum[j] += v;
                total += v;
            }
        }
        return new double[] {h(rowSum, total), h(colSum, total), h(table, total)};
    }

    static double[] entropies(long[] counts, int rows, int cols) {
        double[] t = new double[counts.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = counts[i];
        }
        return entropies(t, rows, cols);
    }

    static double[] entropies(int[] x, int[] y) {
        Map<Integer, Integer> xs = new HashMap<>();
        Map<Integer, Integer> ys = new HashMap<>();
        Map<Long, Integer> xy = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            xs.merge(x[i], 1, Integer::sum);
            ys.merge(y[i], 1, Integer::sum);
            xy.merge(((long) x[i] << 32) ^ (y[i] & 0xffffffffL), 1, Integer::sum);
        }
        return new double[] {h(xs.values(), x.length), h(ys.values(), x.length), h(xy.values(), x.length)};
    }

    /** NMI's tolerance for one average: 1e-12 plus the MI bound (nats) magnified by 1/denominator. */
    static DoubleUnaryOperator nmi(double[] h, NmiAverage a, double miBound) {
        double d = denominator(h, a);
        return v -> 1e-12 + 4 * miBound * (1 + Math.abs(v)) / d;
    }

    /**
     * AMI's tolerance: avg − E[I] recovered from the reference's AMI a and MI i as (avg − i)/(1 − a) (for a = 1 the
     * input is a perfect match and only the MI bound over avg applies).
     */
    static DoubleUnaryOperator ami(double[] h, NmiAverage a, double miBound, java.util.function.ToDoubleFunction<Shannon> ami,
                                   java.util.function.ToDoubleFunction<Shannon> mi) {
        double avg = denominator(h, a);
        double d;
        try {
            double amiRef = ami.applyAsDouble(Backends.REFERENCE);
            double miRef = mi.applyAsDouble(Backends.REFERENCE);
            d = Math.abs(1 - amiRef) > 1e-9 ? Math.abs((avg - miRef) / (1 - amiRef)) : avg;
        } catch (RuntimeException e) {
            d = avg; // rejected input: the tolerance is not used
        }
        double den = Math.max(d, 2.2e-16);
        return v -> 1e-12 + 4 * miBound * (1 + Math.abs(v)) / den;
    }

    private static double denominator(double[] h, NmiAverage a) {
        double d = switch (a) {
            case ARITHMETIC -> (h[0] + h[1]) / 2;
            case GEOMETRIC -> Math.sqrt(h[0] * h[1]);
            case MIN -> Math.min(h[0], h[1]);
            case MAX -> Math.max(h[0], h[1]);
            case JOINT -> h[2];
        };
        return Math.max(d, 1e-300);
    }

    private static double weight(double v) {
        return v >= 0 && v < Double.POSITIVE_INFINITY ? v : 0;
    }

    private static double h(double[] w, double total) {
        double s = 0;
        for (double v : w) {
            double p = weight(v) / total;
            s -= p > 0 ? p * Math.log(p) : 0;
        }
        return s;
    }

    private static double h(Iterable<Integer> counts, double total) {
        double s = 0;
        for (int c : counts) {
            double p = c / total;
            s -= p * Math.log(p);
        }
        return s;
    }

    private Conditioning() {
    }
}
