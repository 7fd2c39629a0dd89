package org.shannon4j;

import org.shannon4j.spi.Kernels;

/**
 * The most literal implementation of the kernel contract, independent of both bundled backends: plain
 * loops, one accumulator, explicit validity checks. It lets the api tests check the measures' formulas on
 * their own.
 */
final class NaiveKernels implements Kernels {

    private static boolean ok(double x) {
        return x >= 0 && x < Double.POSITIVE_INFINITY;
    }

    @Override
    public double sum(double[] a, int offset, int length, double[] aux) {
        aux[SUM_P] = sum(a, offset, length);
        return aux[SUM_P];
    }

    private static double sum(double[] a, int offset, int length) {
        double s = 0;
        for (int i = offset; i < offset + length; i++) {
            if (!ok(a[i])) {
                return Double.NaN;
            }
            s += a[i];
        }
        return s;
    }

    @Override
    public double sum(float[] a, int offset, int length, double[] aux) {
        return sum(widen(a), offset, length, aux);
    }

    @Override
    public double xLogX(double[] p, int offset, int length, double[] aux) {
        double t = 0;
        aux[SUM_P] = sum(p, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (p[i] > 0) {
                t += p[i] * Math.log(p[i]);
            }
        }
        return Double.isNaN(aux[SUM_P]) ? Double.NaN : t;
    }

    @Override
    public double xLogX(float[] p, int offset, int length, double[] aux) {
        return xLogX(widen(p), offset, length, aux);
    }

    private double pair(int kind, double[] p, int pOffset, double[] q, int qOffset, int length, double c,
                        double[] aux) {
        aux[SUM_P] = sum(p, pOffset, length);
        aux[SUM_Q] = sum(q, qOffset, length);
        double a = 0;
        double b = 0;
        for (int i = 0; i < length; i++) {
            double x = p[pOffset + i];
            double y = q[qOffset + i];
            double m = x + c * y;
            if (x > 0) {
                a += switch (kind) {
                    case 0 -> x * Math.log(y);
                    case 1 -> x * Math.log(x / y);
                    default -> x * Math.log(2 * x / m);
                };
            }
            if (kind == 2 && y > 0) {
                b += y * Math.log(2 * c * y / m);
            }
        }
        aux[JS_Q_TERMS] = b;
        return Double.isNaN(aux[SUM_P]) || Double.isNaN(aux[SUM_Q]) ? Double.NaN : a;
    }

    @Override
    public double xLogY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return pair(0, p, pOffset, q, qOffset, length, 1, aux);
    }

    @Override
    public double xLogY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return pair(0, widen(p), pOffset, widen(q), qOffset, length, 1, aux);
    }

    @Override
    public double xLogXOverY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return pair(1, p, pOffset, q, qOffset, length, 1, aux);
    }

    @Override
    public double xLogXOverY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return pair(1, widen(p), pOffset, widen(q), qOffset, length, 1, aux);
    }

    @Override
    public double jensenShannonTerms(double[] p, int pOffset, double[] q, int qOffset, int length, double c,
                                     double[] aux) {
        return pair(2, p, pOffset, q, qOffset, length, c, aux);
    }

    @Override
    public double jensenShannonTerms(float[] p, int pOffset, float[] q, int qOffset, int length, double c,
                                     double[] aux) {
        return pair(2, widen(p), pOffset, widen(q), qOffset, length, c, aux);
    }

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    // ------------------------------------------------------------------------------------------------------
    // Mutual information family: the literal loops, java.util maps instead of fastutil
    // ------------------------------------------------------------------------------------------------------

    @Override
    public long minMax(int[] a, int offset, int length) {
        int min = a[offset], max = a[offset];
        for (int i = offset; i < offset + length; i++) {
            min = Math.min(min, a[i]);
            max = Math.max(max, a[i]);
        }
        return ((long) min << 32) | (max & 0xFFFFFFFFL);
    }

    @Override
    public void count(int[] a, int offset, int min, int length, int[] table) {
        for (int i = 0; i < length; i++) {
            table[a[offset + i] - min]++;
        }
    }

    @Override
    public void countPairs(int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols, int length,
                           int[] table) {
        for (int i = 0; i < length; i++) {
            table[(x[xOffset + i] - xMin) * cols + (y[yOffset + i] - yMin)]++;
        }
    }

    @Override
    public int denseCodes(int[] a, int offset, int length, int[] codes) {
        java.util.Map<Integer, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < length; i++) {
            codes[i] = map.computeIfAbsent(a[offset + i], k -> map.size());
        }
        return map.size();
    }

    @Override
    public int densePairCodes(int[] x, int xOffset, int[] y, int yOffset, int length, int[] codes) {
        java.util.Map<java.util.List<Integer>, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < length; i++) {
            codes[i] = map.computeIfAbsent(java.util.List.of(x[xOffset + i], y[yOffset + i]), k -> map.size());
        }
        return map.size();
    }

    @Override
    public double nLogN(int[] counts, int offset, int length) {
        double s = 0;
        for (int i = offset; i < offset + length; i++) {
            if (counts[i] < 0) {
                return Double.NaN;
            }
            s += counts[i] == 0 ? 0 : counts[i] * Math.log(counts[i]);
        }
        return s;
    }

    @Override
    public double nLogN(long[] counts, int offset, int length) {
        double s = 0;
        for (int i = offset; i < offset + length; i++) {
            if (counts[i] < 0) {
                return Double.NaN;
            }
            s += counts[i] == 0 ? 0 : counts[i] * Math.log(counts[i]);
        }
        return s;
    }
}
