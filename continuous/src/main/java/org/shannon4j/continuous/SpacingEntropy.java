package org.shannon4j.continuous;

import java.util.Objects;

import org.shannon4j.spi.Context;
import org.shannon4j.spi.NumpySums;

/**
 * Differential entropy of a 1-D sample from its order statistics (m-spacings), as scipy 1.10's
 * {@code scipy.stats.differential_entropy(values, window_length=m, method=...)} computes it: the same estimators
 * ({@link SpacingMethod}), the same default window ⌊√n + ½⌋, the same arithmetic in the same order (numpy's pairwise
 * sums for the means, plain sums over each Correa window), in the context's unit (scipy's {@code base}). Immutable and
 * thread-safe:
 *
 * <pre>{@code
 * SpacingEntropy h = SpacingEntropy.of(Shannon.get().context());
 * h.entropy(values);                                           // differential_entropy(values)
 * h.withMethod(SpacingMethod.VASICEK).withWindow(5).entropy(values);  // method='vasicek', window_length=5
 * }</pre>
 *
 * <p>On the fixtures of {@code continuous/tools/generate_spacing.py} every estimate equals scipy's to the bit. The
 * one step that may differ elsewhere is the logarithm: numpy's is the C library's (glibc's rounds a few arguments in
 * ten thousand the other way), this one Java's {@link Math#log}, so an estimate can then differ in its last bits.
 *
 * <p>The sort is the backend's ({@code CountingKernels.sort}, Java's order for doubles, which gives the same order
 * statistics as numpy's sort); the rest is one pass over the sorted values, except that Correa's windows are each
 * summed anew (O(n·m), as scipy does: running sums would change the bits).
 *
 * <h2>Bad input</h2>
 * Where scipy returns −∞, +∞ or NaN, this throws an {@link IllegalArgumentException} naming the value: NaN or ±∞
 * values; a spacing of 0 (a value repeated across a whole window: 2m + 1 equal values for Vasicek, Ebrahimi and
 * Correa, m + 1 for van Es, fewer at the ends); spacings or products beyond the double range. And, as scipy: a window
 * that is not 1 ≤ m &lt; n/2.
 */
public final class SpacingEntropy {

    private final Context context;
    private final SpacingMethod method;
    /** The window m, or 0 for scipy's default ⌊√n + ½⌋. */
    private final int window;

    private SpacingEntropy(Context context, SpacingMethod method, int window) {
        this.context = context;
        this.method = method;
        this.window = window;
    }

    /**
     * The estimator of a context: scipy's defaults ({@link SpacingMethod#AUTO}, window ⌊√n + ½⌋).
     *
     * @param context a handle's context: its unit and sort kernel are used
     * @return the estimator
     */
    public static SpacingEntropy of(Context context) {
        return new SpacingEntropy(Objects.requireNonNull(context, "context must not be null"), SpacingMethod.AUTO, 0);
    }

    /**
     * This estimator with another method.
     *
     * @param method scipy's {@code method}
     * @return the estimator with that method
     */
    public SpacingEntropy withMethod(SpacingMethod method) {
        return new SpacingEntropy(context, Objects.requireNonNull(method, "method must not be null"), window);
    }

    /**
     * This estimator with a fixed window (scipy's {@code window_length}); checked against n when estimating.
     *
     * @param m the window, ≥ 1 (and below n/2 for a sample of n values)
     * @return the estimator with that window
     */
    public SpacingEntropy withWindow(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("window = " + m + ": must be >= 1");
        }
        return new SpacingEntropy(context, method, m);
    }

    /**
     * This estimator with scipy's default window, ⌊√n + ½⌋ for n values.
     *
     * @return the estimator with the default window
     */
    public SpacingEntropy withDefaultWindow() {
        return new SpacingEntropy(context, method, 0);
    }

    /**
     * The differential entropy of a sample.
     *
     * @param values the sample, finite (not changed)
     * @return the estimate in the context's unit (nats by default)
     * @throws IllegalArgumentException on bad input (see the class comment)
     */
    public double entropy(double[] values) {
        Objects.requireNonNull(values, "values must not be null");
        int n = values.length;
        Samples.checkFinite("values", values);
        int m = window == 0 ? (int) Math.floor(Math.sqrt(n) + 0.5) : window;
        if (!(2L * m < n) || m < 1) {
            throw new IllegalArgumentException("window = " + m + (window == 0 ? " (the default, floor(sqrt(n) + 0.5))"
                    : "") + " for n = " + n + " values: the window must be >= 1 and below n / 2");
        }
        double[] x = values.clone();
        context.kernels().sort(x, 0, n);
        double h = switch (method.resolve(n)) {
            case VASICEK -> vasicek(values, x, m);
            case VAN_ES -> vanEs(values, x, m);
            case EBRAHIMI -> ebrahimi(values, x, m);
            case CORREA -> correa(values, x, m);
            case AUTO -> throw new AssertionError();
        };
        return context.unit().fromNats(h);
    }

    /** ln(n/(2m) · (X₍ᵢ₊ₘ₎ − X₍ᵢ₋ₘ₎)), the indices clamped to the sample (scipy pads with the first and last). */
    private static double vasicek(double[] values, double[] x, int m) {
        int n = x.length;
        double scale = n / (2.0 * m);
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            logs[i] = log(values, x, i, Math.max(i - m, 0), Math.min(i + m, n - 1), scale, 1.0);
        }
        return NumpySums.pairwiseSum(logs, 0, n) / n;
    }

    private static double vanEs(double[] values, double[] x, int m) {
        int n = x.length;
        double scale = (n + 1) / (double) m;
        double[] logs = new double[n - m];
        for (int i = 0; i < n - m; i++) {
            logs[i] = log(values, x, i, i, i + m, scale, 1.0);
        }
        double term = 1.0 / (n - m) * NumpySums.pairwiseSum(logs, 0, n - m);
        double[] inverses = new double[n - m + 1];
        for (int k = m; k <= n; k++) {
            inverses[k - m] = 1.0 / k;
        }
        return term + NumpySums.pairwiseSum(inverses, 0, n - m + 1) + Math.log(m) - Math.log(n + 1);
    }

    /** ln(n·(X₍ᵢ₊ₘ₎ − X₍ᵢ₋ₘ₎) / (cᵢ·m)), cᵢ = 1 + (i − 1)/m for i ≤ m, 1 + (n − i)/m for i ≥ n − m + 1, else 2. */
    private static double ebrahimi(double[] values, double[] x, int m) {
        int n = x.length;
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            int i1 = i + 1;
            double c = i1 <= m ? 1 + (i1 - 1) / (double) m : i1 >= n - m + 1 ? 1 + (n - i1) / (double) m : 2.0;
            logs[i] = log(values, x, i, Math.max(i - m, 0), Math.min(i + m, n - 1), n, c * m);
        }
        return NumpySums.pairwiseSum(logs, 0, n) / n;
    }

    /**
     * ln(scale · (x[hi] − x[lo]) / divisor), with scipy's order of operations (the Vasicek and van Es forms pass
     * divisor 1, which divides exactly); a zero or infinite spacing, or a product beyond the double range, is an
     * error where scipy returns ±∞.
     */
    private static double log(double[] values, double[] x, int i, int lo, int hi, double scale, double divisor) {
        double spacing = x[hi] - x[lo];
        double argument = scale * spacing / divisor;
        if (spacing == 0 || !Double.isFinite(argument) || argument == 0) {
            throw spacingError(values, x, lo, hi, spacing);
        }
        return Math.log(argument);
    }

    /**
     * Correa's local linear regression: over each window of 2m + 1 padded order statistics, the mean (a plain sum,
     * as numpy reduces across the window's rows), then Σ (X_j − X̄)(j − i) / (n Σ (X_j − X̄)²); the estimate is minus
     * the mean of the logs.
     */
    private static double correa(double[] values, double[] x, int m) {
        int n = x.length;
        int w = 2 * m + 1;
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int r = 0; r < w; r++) {
                sum += padded(x, i + r - m);
            }
            double mean = sum / w;
            double num = 0;
            double squares = 0;
            for (int r = 0; r < w; r++) {
                double d = padded(x, i + r - m) - mean;
                num += d * (r - m);
                squares += d * d;
            }
            double ratio = num / (n * squares);
            if (!(ratio > 0) || !Double.isFinite(ratio)) {
                throw spacingError(values, x, Math.max(i - m, 0), Math.min(i + m, n - 1),
                        padded(x, i + m) - padded(x, i - m));
            }
            logs[i] = Math.log(ratio);
        }
        return -(NumpySums.pairwiseSum(logs, 0, n) / n);
    }

    /** The order statistic at t, clamped to the sample (scipy's padding with the first and last value). */
    private static double padded(double[] x, int t) {
        return x[Math.min(Math.max(t, 0), x.length - 1)];
    }

    private static IllegalArgumentException spacingError(double[] values, double[] x, int lo, int hi,
                                                         double spacing) {
        if (spacing == 0) {
            double v = x[lo];
            int count = 0;
            int first = -1;
            for (int i = 0; i < values.length; i++) {
                if (values[i] == v) {
                    count++;
                    first = first < 0 ? i : first;
                }
            }
            return new IllegalArgumentException("values[" + first + "] = " + v + " occurs " + count + " times: "
                    + "a whole window of order statistics is equal, so a spacing is 0 and its log -Infinity (scipy "
                    + "returns -inf or nan): the sample is not from a continuous distribution; add noise or use a "
                    + "discrete entropy");
        }
        int at = Samples.largestMagnitude(values);
        return new IllegalArgumentException("values[" + at + "] = " + values[at] + ": the spacings of order "
                + "statistics " + x[lo] + " .. " + x[hi] + " leave the double range in the estimator's arithmetic "
                + "(scipy returns inf, -inf or nan): rescale the values");
    }
}
