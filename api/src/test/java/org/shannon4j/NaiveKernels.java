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
    // Mutual information family: the literal loops, java.util maps instead of the open-addressing table
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
    public void countPairsLowBytes(int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int cols,
                                   int length, byte[] low, int[] table) {
        for (int i = 0; i < length; i++) {
            int c = (x[xOffset + i] - xMin) * cols + (y[yOffset + i] - yMin);
            low[c]++;
            if (low[c] == 0) {
                table[c] += 256;
            }
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

    // ------------------------------------------------------------------------------------------------------
    // Losses (issue 4): the textbook formulas — log_softmax = z − (m + ln Σ exp(z − m)), explicit checks,
    // one plain accumulator, float widened to double up front.
    // ------------------------------------------------------------------------------------------------------

    private static double[] wide(float[] a) {
        if (a == null) {
            return null;
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static void narrow(double[] from, float[] to) {
        if (to != null) {
            for (int i = 0; i < to.length; i++) {
                to[i] = (float) from[i];
            }
        }
    }

    /** The core for both target kinds: qs == null means class indices. */
    private static double softmax(double[] z, int offset, int rows, int classes, int[] ys, int yOff, int ignore,
                                  double[] qs, int qOff, double[] w, double eps, double[] out, int outOff,
                                  double[] grad, int gOff, double gScale, double[] aux) {
        double total = 0, wSum = 0, count = 0;
        for (int r = 0; r < rows; r++) {
            int b = offset + r * classes;
            int y = ys == null ? -1 : ys[yOff + r];
            if (ys != null && y == ignore) {
                if (out != null) {
                    out[outOff + r] = 0;
                }
                if (grad != null) {
                    for (int c = 0; c < classes; c++) {
                        grad[gOff + r * classes + c] = 0;
                    }
                }
                continue;
            }
            if (ys != null && (y < 0 || y >= classes)) {
                return Double.NaN;
            }
            double m = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                if (Double.isNaN(z[b + c]) || z[b + c] == Double.POSITIVE_INFINITY) {
                    return Double.NaN;
                }
                m = Math.max(m, z[b + c]);
            }
            if (m == Double.NEGATIVE_INFINITY) {
                return Double.NaN;
            }
            double s = 0;
            for (int c = 0; c < classes; c++) {
                s += Math.exp(z[b + c] - m);
            }
            double lse = m + Math.log(s);
            double loss = 0, bigA = 0;
            double[] a = new double[classes];
            for (int c = 0; c < classes; c++) {
                double wc = w == null ? 1 : w[c];
                if (qs != null) {
                    double q = qs[qOff + r * classes + c];
                    if (!(q >= 0 && q < Double.POSITIVE_INFINITY)) {
                        return Double.NaN;
                    }
                    a[c] = wc * ((1 - eps) * q + eps / classes);
                } else {
                    a[c] = (c == y ? (1 - eps) * wc : 0) + eps / classes * wc;
                }
                if (a[c] > 0) {
                    loss += a[c] * (lse - z[b + c]);
                    bigA += a[c];
                }
            }
            if (out != null) {
                out[outOff + r] = loss;
            }
            if (grad != null) {
                for (int c = 0; c < classes; c++) {
                    grad[gOff + r * classes + c] = (bigA * Math.exp(z[b + c] - lse) - a[c]) * gScale;
                }
            }
            total += loss;
            wSum += qs != null ? bigA : (w == null ? 1 : w[y]);
            count++;
        }
        aux[LOSS_WEIGHT_SUM] = wSum;
        aux[LOSS_COUNT] = count;
        return total;
    }

    @Override
    public double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] classWeights, double smoothing,
                                      double[] rowLosses, int rowOffset, double[] grad, int gradOffset,
                                      double gradScale, double[] aux) {
        return softmax(logits, offset, rows, classes, targets, targetOffset, ignoreIndex, null, 0, classWeights,
                smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    @Override
    public double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] classWeights, double smoothing,
                                      float[] rowLosses, int rowOffset, float[] grad, int gradOffset,
                                      double gradScale, double[] aux) {
        double[] out = wide(rowLosses);
        double[] g = wide(grad);
        double v = softmax(wide(logits), offset, rows, classes, targets, targetOffset, ignoreIndex, null, 0,
                classWeights, smoothing, out, rowOffset, g, gradOffset, gradScale, aux);
        narrow(out, rowLosses);
        narrow(g, grad);
        return v;
    }

    @Override
    public double softmaxCrossEntropyProbs(double[] logits, int offset, int rows, int classes, double[] targets,
                                           int targetOffset, double[] classWeights, double smoothing,
                                           double[] rowLosses, int rowOffset, double[] grad, int gradOffset,
                                           double gradScale, double[] aux) {
        return softmax(logits, offset, rows, classes, null, 0, 0, targets, targetOffset, classWeights, smoothing,
                rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    @Override
    public double softmaxCrossEntropyProbs(float[] logits, int offset, int rows, int classes, float[] targets,
                                           int targetOffset, double[] classWeights, double smoothing,
                                           float[] rowLosses, int rowOffset, float[] grad, int gradOffset,
                                           double gradScale, double[] aux) {
        double[] out = wide(rowLosses);
        double[] g = wide(grad);
        double v = softmax(wide(logits), offset, rows, classes, null, 0, 0, wide(targets), targetOffset,
                classWeights, smoothing, out, rowOffset, g, gradOffset, gradScale, aux);
        narrow(out, rowLosses);
        narrow(g, grad);
        return v;
    }

    private static double bce(boolean logitsForm, double[] y, int yOff, double[] x, int xOff, double[] w, int wOff,
                              int n, double param, double[] out, int outOff, double[] aux) {
        double total = 0, wSum = 0;
        for (int i = 0; i < n; i++) {
            double t = y[yOff + i];
            double v = x[xOff + i];
            double wi = w == null ? 1 : w[wOff + i];
            if (!(t >= 0 && t <= 1) || Double.isNaN(v) || (!logitsForm && !(v >= 0 && v <= 1))
                    || !(wi >= 0 && wi < Double.POSITIVE_INFINITY)) {
                return Double.NaN;
            }
            double l;
            if (logitsForm) {
                // −[pw·y·ln σ(x) + (1 − y)·ln(1 − σ(x))], ln σ(x) = −softplus(−x)
                double a = t > 0 ? param * t * (Math.max(-v, 0) + Math.log1p(Math.exp(-Math.abs(v)))) : 0;
                double b = t < 1 ? (1 - t) * (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)))) : 0;
                l = a + b;
            } else {
                double p = param > 0 ? Math.min(Math.max(v, param), 1 - param) : v;
                l = (t > 0 ? -t * Math.log(p) : 0) + (t < 1 ? -(1 - t) * Math.log(1 - p) : 0);
            }
            l = wi == 0 ? 0 : wi * l;
            if (out != null) {
                out[outOff + i] = l;
            }
            total += l;
            wSum += wi;
        }
        aux[LOSS_WEIGHT_SUM] = wSum;
        aux[LOSS_COUNT] = n;
        return total;
    }

    @Override
    public double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset,
                                     double[] weights, int weightOffset, int length, double eps, double[] losses,
                                     int lossOffset, double[] aux) {
        return bce(false, targets, targetOffset, probs, probOffset, weights, weightOffset, length, eps, losses,
                lossOffset, aux);
    }

    @Override
    public double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset,
                                     float[] weights, int weightOffset, int length, double eps, float[] losses,
                                     int lossOffset, double[] aux) {
        double[] out = wide(losses);
        double v = bce(false, wide(targets), targetOffset, wide(probs), probOffset, wide(weights), weightOffset,
                length, eps, out, lossOffset, aux);
        narrow(out, losses);
        return v;
    }

    @Override
    public double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
                                               double[] weights, int weightOffset, int length, double posWeight,
                                               double[] losses, int lossOffset, double[] aux) {
        return bce(true, targets, targetOffset, logits, logitOffset, weights, weightOffset, length, posWeight,
                losses, lossOffset, aux);
    }

    @Override
    public double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
                                               float[] weights, int weightOffset, int length, double posWeight,
                                               float[] losses, int lossOffset, double[] aux) {
        double[] out = wide(losses);
        double v = bce(true, wide(targets), targetOffset, wide(logits), logitOffset, wide(weights), weightOffset,
                length, posWeight, out, lossOffset, aux);
        narrow(out, losses);
        return v;
    }

    @Override
    public double logLoss(double[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
                          double[] sampleWeights, int weightOffset, double eps, double[] rowLosses, int rowOffset,
                          double[] aux) {
        double total = 0, maxErr = 0, wSum = 0;
        for (int r = 0; r < rows; r++) {
            int y = targets[targetOffset + r];
            double w = sampleWeights == null ? 1 : sampleWeights[weightOffset + r];
            if (y < 0 || y >= classes || !(w >= 0 && w < Double.POSITIVE_INFINITY)) {
                return Double.NaN;
            }
            double raw = 0, s = 0;
            for (int c = 0; c < classes; c++) {
                double p = probs[offset + r * classes + c];
                if (!(p >= 0 && p < Double.POSITIVE_INFINITY)) {
                    return Double.NaN;
                }
                raw += p;
                s += eps > 0 ? Math.min(Math.max(p, eps), 1 - eps) : p;
            }
            double py = probs[offset + r * classes + y];
            py = eps > 0 ? Math.min(Math.max(py, eps), 1 - eps) : py;
            double l = -Math.log(py / s);
            if (Double.isNaN(l)) {
                return Double.NaN;
            }
            l = w == 0 ? 0 : w * l;
            maxErr = Math.max(maxErr, Math.abs(raw - 1));
            if (rowLosses != null) {
                rowLosses[rowOffset + r] = l;
            }
            total += l;
            wSum += w;
        }
        aux[LOSS_ROW_SUM_ERROR] = maxErr;
        aux[LOSS_WEIGHT_SUM] = wSum;
        aux[LOSS_COUNT] = rows;
        return total;
    }

    @Override
    public double logLoss(float[] probs, int offset, int rows, int classes, int[] targets, int targetOffset,
                          float[] sampleWeights, int weightOffset, double eps, float[] rowLosses, int rowOffset,
                          double[] aux) {
        double[] out = wide(rowLosses);
        double v = logLoss(wide(probs), offset, rows, classes, targets, targetOffset, wide(sampleWeights),
                weightOffset, eps, out, rowOffset, aux);
        narrow(out, rowLosses);
        return v;
    }
}
