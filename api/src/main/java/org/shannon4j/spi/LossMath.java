package org.shannon4j.spi;

import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

/**
 * The reference loss loops with the exact semantics of the loss methods of {@link Kernels}: the scalar backend
 * uses them as its implementation, vector backends for the cases they do not vectorise (label smoothing,
 * gradients, probability targets, binary losses) and for tails. One definition keeps every backend in agreement
 * on ignored rows, zero weights, −∞ logits and infinities.
 *
 * <p>Numerics. Per row, m = max z and S' = Σ_{c ≠ argmax} exp(z_c − m) (ties with the maximum add exactly 1
 * each, minus one for the argmax), so ln Σ exp(z − m) = log1p(S') keeps a tiny loss exact when the target
 * dominates; a row loss is Σ a_c·((m − z_c) + ln S), a sum of non-negative terms, and terms with a_c = 0 are 0
 * even where z_c = −∞. Row losses are added with Neumaier compensation. float input is widened row by row
 * into a per-thread scratch, so a float matrix gives exactly the result of its widened double copy.
 */
public final class LossMath {

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[3][64]);

    private LossMath() {
    }

    /** Per-thread scratch row {@code which} (0..2) of at least {@code length} doubles. */
    private static double[] scratch(int which, int length) {
        double[][] s = SCRATCH.get();
        if (s[which].length < length) {
            s[which] = new double[Math.max(length, 2 * s[which].length)];
        }
        return s[which];
    }

    private static double[] widen(float[] a, int from, int length, double[] into) {
        for (int i = 0; i < length; i++) {
            into[i] = a[from + i];
        }
        return into;
    }

    // ------------------------------------------------------------------------------------------ row pieces

    /**
     * max over the row, with NaN skipped (a NaN shows up in {@link #shiftedExpSum} instead).
     *
     * @param z the logits
     * @param base index of the row's first logit
     * @param classes number of classes (columns)
     * @return the maximum
     */
    public static double rowMax(double[] z, int base, int classes) {
        double m0 = Double.NEGATIVE_INFINITY, m1 = m0;
        int c = 0;
        for (; c + 1 < classes; c += 2) {
            double a = z[base + c], b = z[base + c + 1];
            m0 = a > m0 ? a : m0;
            m1 = b > m1 ? b : m1;
        }
        if (c < classes) {
            double a = z[base + c];
            m0 = a > m0 ? a : m0;
        }
        return m1 > m0 ? m1 : m0;
    }

    /**
     * S' = Σ_{c ≠ argmax} exp(z_c − m): terms equal to the maximum count 1 each, minus 1. NaN if a logit is
     * NaN or +∞ or the row is all −∞ (then m − m is NaN).
     *
     * @param z the logits
     * @param base index of the row's first logit
     * @param classes number of classes (columns)
     * @param m the row maximum
     * @return S'
     */
    public static double shiftedExpSum(double[] z, int base, int classes, double m) {
        double s0 = 0, s1 = 0;
        int ties = 0;
        int c = 0;
        for (; c + 1 < classes; c += 2) {
            double d0 = z[base + c] - m, d1 = z[base + c + 1] - m;
            if (d0 == 0) {
                ties++;
            } else {
                s0 += Math.exp(d0);
            }
            if (d1 == 0) {
                ties++;
            } else {
                s1 += Math.exp(d1);
            }
        }
        if (c < classes) {
            double d0 = z[base + c] - m;
            if (d0 == 0) {
                ties++;
            } else {
                s0 += Math.exp(d0);
            }
        }
        return (s0 + s1) + (ties - 1);
    }

    private static double weight(double[] w, int c) {
        return w == null ? 1.0 : w[c];
    }

    /** Σ_c w_c·((m − z_c) + lnS) over classes with w_c &gt; 0 (w = null: all 1). */
    private static double smoothingSum(double[] z, int base, int classes, double m, double lnS, double[] w) {
        double s = 0;
        for (int c = 0; c < classes; c++) {
            double wc = weight(w, c);
            if (wc > 0) {
                s += wc * ((m - z[base + c]) + lnS);
            }
        }
        return s;
    }

    /** grad_c = (A·exp(z_c − m)/S − a_c)·scale with a_c = coef·w_c + (c == y ? ay : 0) (probability form: q). */
    private static void gradientRow(double[] z, int base, int classes, double m, double lnS, double bigA,
                                    double[] w, double smoothCoef, int y, double ay, double[] q, int qBase,
                                    double qCoef, double scale, double[] grad, int gBase) {
        double invS = Math.exp(-lnS);
        for (int c = 0; c < classes; c++) {
            double wc = weight(w, c);
            double ac = smoothCoef * wc;
            if (c == y) {
                ac += ay;
            }
            if (q != null) {
                ac += qCoef * wc * q[qBase + c];
            }
            double p = Math.exp(z[base + c] - m) * invS;
            grad[gBase + c] = (bigA * p - ac) * scale;
        }
    }

    // ------------------------------------------------------------------------- softmax, class-index targets

    /**
     * See {@link Kernels#softmaxCrossEntropy(double[], int, int, int, int[], int, int, double[], double, double[], int, double[], int, double, double[])}.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first logit (or probability)
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param ignoreIndex target value whose rows are skipped
     * @param w per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    public static double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, int[] targets,
                                             int targetOffset, int ignoreIndex, double[] w, double smoothing,
                                             double[] rowLosses, int rowOffset, double[] grad, int gradOffset,
                                             double gradScale, double[] aux) {
        return softmaxIndex(logits, null, offset, rows, classes, targets, targetOffset, ignoreIndex, w, smoothing,
                rowLosses, null, rowOffset, grad, null, gradOffset, gradScale, aux);
    }

    /**
     * Float form: rows widened into scratch, outputs rounded to float.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first logit (or probability)
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param ignoreIndex target value whose rows are skipped
     * @param w per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    public static double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, int[] targets,
                                             int targetOffset, int ignoreIndex, double[] w, double smoothing,
                                             float[] rowLosses, int rowOffset, float[] grad, int gradOffset,
                                             double gradScale, double[] aux) {
        return softmaxIndex(null, logits, offset, rows, classes, targets, targetOffset, ignoreIndex, w, smoothing,
                null, rowLosses, rowOffset, null, grad, gradOffset, gradScale, aux);
    }

    private static double softmaxIndex(double[] zd, float[] zf, int offset, int rows, int classes, int[] targets,
                                       int targetOffset, int ignoreIndex, double[] w, double smoothing,
                                       double[] outD, float[] outF, int rowOffset, double[] gradD, float[] gradF,
                                       int gradOffset, double gradScale, double[] aux) {
        boolean isFloat = zf != null;
        double[] row = isFloat ? scratch(0, classes) : zd;
        double[] gRow = gradF != null ? scratch(1, classes) : gradD;
        double keep = 1 - smoothing;
        double smoothCoef = smoothing / classes;
        double weightTotal = 0;
        if (smoothing > 0 || gradD != null || gradF != null) {
            for (int c = 0; c < classes; c++) {
                weightTotal += weight(w, c);
            }
        }
        double sum = 0, sumC = 0, wSum = 0;
        long count = 0;
        boolean valid = true;
        for (int r = 0; r < rows; r++) {
            int y = targets[targetOffset + r];
            int base = offset + r * classes;
            if (y == ignoreIndex || y < 0 || y >= classes) {
                valid &= y == ignoreIndex;
                if (outD != null) {
                    outD[rowOffset + r] = 0;
                } else if (outF != null) {
                    outF[rowOffset + r] = 0;
                }
                if (gradD != null) {
                    java.util.Arrays.fill(gradD, gradOffset + r * classes, gradOffset + (r + 1) * classes, 0.0);
                } else if (gradF != null) {
                    java.util.Arrays.fill(gradF, gradOffset + r * classes, gradOffset + (r + 1) * classes, 0f);
                }
                continue;
            }
            int b = base;
            if (isFloat) {
                widen(zf, base, classes, row);
                b = 0;
            }
            double m = rowMax(row, b, classes);
            double lnS = Math.log1p(shiftedExpSum(row, b, classes, m));
            valid &= lnS == lnS;
            double wy = weight(w, y);
            double ay = keep * wy;
            double loss = ay > 0 ? ay * ((m - row[b + y]) + lnS) : 0.0;
            if (smoothing > 0) {
                loss += smoothCoef * smoothingSum(row, b, classes, m, lnS, w);
            }
            if (outD != null) {
                outD[rowOffset + r] = loss;
            } else if (outF != null) {
                outF[rowOffset + r] = (float) loss;
            }
            if (gRow != null) {
                int g = gradF != null ? 0 : gradOffset + r * classes;
                gradientRow(row, b, classes, m, lnS, ay + smoothCoef * weightTotal, w, smoothCoef, y, ay, null, 0,
                        0, gradScale, gRow, g);
                if (gradF != null) {
                    for (int c = 0; c < classes; c++) {
                        gradF[gradOffset + r * classes + c] = (float) gRow[c];
                    }
                }
            }
            double t = sum + loss;
            sumC += sumError(sum, loss, t);
            sum = t;
            wSum += wy;
            count++;
        }
        aux[Kernels.LOSS_WEIGHT_SUM] = wSum;
        aux[Kernels.LOSS_COUNT] = count;
        return valid ? compensated(sum, sumC) : Double.NaN;
    }

    // ---------------------------------------------------------------------- softmax, probability targets

    /**
     * See {@link Kernels#softmaxCrossEntropyProbs(double[], int, int, int, double[], int, double[], double, double[], int, double[], int, double, double[])}.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first logit (or probability)
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param w per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    public static double softmaxCrossEntropyProbs(double[] logits, int offset, int rows, int classes,
                                                  double[] targets, int targetOffset, double[] w, double smoothing,
                                                  double[] rowLosses, int rowOffset, double[] grad, int gradOffset,
                                                  double gradScale, double[] aux) {
        return softmaxProbs(logits, null, offset, rows, classes, targets, null, targetOffset, w, smoothing,
                rowLosses, null, rowOffset, grad, null, gradOffset, gradScale, aux);
    }

    /**
     * Float form.
     *
     * @param logits row-major rows × classes logits
     * @param offset index of the first logit (or probability)
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets
     * @param targetOffset index of the first target
     * @param w per-class weights, or null for 1
     * @param smoothing label smoothing ε in [0, 1]
     * @param rowLosses per-row losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param grad where the gradient goes (same shape as the logits)
     * @param gradOffset index in grad of the first element written
     * @param gradScale factor applied to every gradient element (e.g. 1/N for a mean)
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives the auxiliary sums
     * @return the sum of the row losses; NaN for invalid input
     */
    public static double softmaxCrossEntropyProbs(float[] logits, int offset, int rows, int classes,
                                                  float[] targets, int targetOffset, double[] w, double smoothing,
                                                  float[] rowLosses, int rowOffset, float[] grad, int gradOffset,
                                                  double gradScale, double[] aux) {
        return softmaxProbs(null, logits, offset, rows, classes, null, targets, targetOffset, w, smoothing,
                null, rowLosses, rowOffset, null, grad, gradOffset, gradScale, aux);
    }

    private static double softmaxProbs(double[] zd, float[] zf, int offset, int rows, int classes, double[] qd,
                                       float[] qf, int targetOffset, double[] w, double smoothing, double[] outD,
                                       float[] outF, int rowOffset, double[] gradD, float[] gradF, int gradOffset,
                                       double gradScale, double[] aux) {
        boolean isFloat = zf != null;
        double[] row = isFloat ? scratch(0, classes) : zd;
        double[] qRow = isFloat ? scratch(2, classes) : qd;
        double[] gRow = gradF != null ? scratch(1, classes) : gradD;
        double keep = 1 - smoothing;
        double smoothCoef = smoothing / classes;
        double sum = 0, sumC = 0, aSum = 0;
        boolean valid = true;
        for (int r = 0; r < rows; r++) {
            int b = offset + r * classes;
            int qb = targetOffset + r * classes;
            if (isFloat) {
                widen(zf, b, classes, row);
                widen(qf, qb, classes, qRow);
                b = 0;
                qb = 0;
            }
            double m = rowMax(row, b, classes);
            double lnS = Math.log1p(shiftedExpSum(row, b, classes, m));
            valid &= lnS == lnS;
            double bigA = 0, terms = 0;
            for (int c = 0; c < classes; c++) {
                double q = qRow[qb + c];
                valid &= q >= 0 & q < Double.POSITIVE_INFINITY;
                double ac = weight(w, c) * (keep * q + smoothCoef);
                if (ac > 0) {
                    bigA += ac;
                    terms += ac * (m - row[b + c]);
                }
            }
            double loss = bigA > 0 ? bigA * lnS + terms : 0.0;
            if (outD != null) {
                outD[rowOffset + r] = loss;
            } else if (outF != null) {
                outF[rowOffset + r] = (float) loss;
            }
            if (gRow != null) {
                int g = gradF != null ? 0 : gradOffset + r * classes;
                gradientRow(row, b, classes, m, lnS, bigA, w, smoothCoef, -1, 0, qRow, qb, keep, gradScale, gRow, g);
                if (gradF != null) {
                    for (int c = 0; c < classes; c++) {
                        gradF[gradOffset + r * classes + c] = (float) gRow[c];
                    }
                }
            }
            double t = sum + loss;
            sumC += sumError(sum, loss, t);
            sum = t;
            aSum += bigA;
        }
        aux[Kernels.LOSS_WEIGHT_SUM] = aSum;
        aux[Kernels.LOSS_COUNT] = rows;
        return valid ? compensated(sum, sumC) : Double.NaN;
    }

    // ----------------------------------------------------------------------------------------- binary losses

    /**
     * One binary cross-entropy term; the caller has checked 0 ≤ y, p ≤ 1.
     *
     * @param y the target in [0, 1]
     * @param p the predicted probability
     * @param eps clipping epsilon (0: no clipping)
     * @return the term
     */
    public static double bceTerm(double y, double p, double eps) {
        if (eps > 0) {
            p = Math.min(Math.max(p, eps), 1 - eps);
        }
        double a = y > 0 ? -y * Math.log(p) : 0.0;
        double b = y < 1 ? -(1 - y) * Math.log1p(-p) : 0.0;
        return a + b;
    }

    /**
     * softplus(t) = ln(1 + eᵗ) = max(t, 0) + log1p(exp(−|t|)).
     *
     * @param t the argument
     * @return softplus(t)
     */
    public static double softplus(double t) {
        return Math.max(t, 0.0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    /**
     * One binary cross-entropy-with-logits term; the caller has checked 0 ≤ y ≤ 1 and x not NaN.
     *
     * @param y the target in [0, 1]
     * @param x the logit
     * @param posWeight weight of the positive term
     * @return the term
     */
    public static double bceLogitsTerm(double y, double x, double posWeight) {
        double py = posWeight * y;
        double a = py > 0 ? py * softplus(-x) : 0.0;
        double b = y < 1 ? (1 - y) * softplus(x) : 0.0;
        return a + b;
    }

    /**
     * See {@link Kernels#binaryCrossEntropy(double[], int, double[], int, double[], int, int, double, double[], int, double[])}.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param probs predicted probabilities, in [0, 1]
     * @param probOffset index of the first probability
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param eps clipping epsilon (0: no clipping)
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    public static double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset,
                                            double[] weights, int weightOffset, int length, double eps,
                                            double[] losses, int lossOffset, double[] aux) {
        return binary(false, targets, null, targetOffset, probs, null, probOffset, weights, null, weightOffset,
                length, eps, losses, null, lossOffset, aux);
    }

    /**
     * Float form.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param probs predicted probabilities, in [0, 1]
     * @param probOffset index of the first probability
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param eps clipping epsilon (0: no clipping)
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    public static double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset,
                                            float[] weights, int weightOffset, int length, double eps,
                                            float[] losses, int lossOffset, double[] aux) {
        return binary(false, null, targets, targetOffset, null, probs, probOffset, null, weights, weightOffset,
                length, eps, null, losses, lossOffset, aux);
    }

    /**
     * See {@link Kernels#binaryCrossEntropyWithLogits(double[], int, double[], int, double[], int, int, double, double[], int, double[])}.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param logits the logits, one per target
     * @param logitOffset index of the first logit
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param posWeight weight of the positive term (PyTorch's {@code pos_weight})
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    public static double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits,
                                                      int logitOffset, double[] weights, int weightOffset,
                                                      int length, double posWeight, double[] losses,
                                                      int lossOffset, double[] aux) {
        return binary(true, targets, null, targetOffset, logits, null, logitOffset, weights, null, weightOffset,
                length, posWeight, losses, null, lossOffset, aux);
    }

    /**
     * Float form.
     *
     * @param targets the targets, in [0, 1]
     * @param targetOffset index of the first target
     * @param logits the logits, one per target
     * @param logitOffset index of the first logit
     * @param weights per-element weights (PyTorch's {@code weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when weights is null)
     * @param length number of elements read
     * @param posWeight weight of the positive term (PyTorch's {@code pos_weight})
     * @param losses per-element weighted losses wᵢ·ℓᵢ are written here when not null
     * @param lossOffset index in losses of the first loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w and the count
     * @return the sum of the weighted terms; NaN for invalid input
     */
    public static double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits,
                                                      int logitOffset, float[] weights, int weightOffset,
                                                      int length, double posWeight, float[] losses,
                                                      int lossOffset, double[] aux) {
        return binary(true, null, targets, targetOffset, null, logits, logitOffset, null, weights, weightOffset,
                length, posWeight, null, losses, lossOffset, aux);
    }

    /** Both binary losses, double or float: c is eps (probabilities) or posWeight (logits). */
    private static double binary(boolean logits, double[] yd, float[] yf, int yo, double[] sd, float[] sf, int so,
                                 double[] wd, float[] wf, int wo, int length, double c, double[] outD,
                                 float[] outF, int oo, double[] aux) {
        boolean isFloat = yf != null;
        boolean weighted = wd != null || wf != null;
        double sum = 0, sumC = 0, wSum = 0;
        boolean valid = true;
        for (int i = 0; i < length; i++) {
            double y = isFloat ? yf[yo + i] : yd[yo + i];
            double x = isFloat ? sf[so + i] : sd[so + i];
            double w = !weighted ? 1.0 : isFloat ? wf[wo + i] : wd[wo + i];
            valid &= y >= 0 & y <= 1 & (logits ? x == x : x >= 0 & x <= 1) & w >= 0 & w < Double.POSITIVE_INFINITY;
            double l = logits ? bceLogitsTerm(y, x, c) : bceTerm(y, x, c);
            l = w > 0 ? w * l : 0.0;
            if (outD != null) {
                outD[oo + i] = l;
            } else if (outF != null) {
                outF[oo + i] = (float) l;
            }
            double t = sum + l;
            sumC += sumError(sum, l, t);
            sum = t;
            wSum += w;
        }
        aux[Kernels.LOSS_WEIGHT_SUM] = weighted ? wSum : length;
        aux[Kernels.LOSS_COUNT] = length;
        return valid ? compensated(sum, sumC) : Double.NaN;
    }

    // -------------------------------------------------------------------------------------------- log loss

    /**
     * See {@link Kernels#logLoss(double[], int, int, int, int[], int, double[], int, double, double[], int, double[])}.
     *
     * @param probs predicted probabilities, row-major rows × classes
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets, one class index per row
     * @param targetOffset index of the first target
     * @param sampleWeights per-row weights (scikit-learn's {@code sample_weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when sampleWeights is null)
     * @param eps clipping epsilon (0: no clipping)
     * @param rowLosses per-row weighted losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w, the count and the row-sum error
     * @return the sum of the weighted row losses; NaN for invalid input
     */
    public static double logLoss(double[] probs, int offset, int rows, int classes, int[] targets,
                                 int targetOffset, double[] sampleWeights, int weightOffset, double eps,
                                 double[] rowLosses, int rowOffset, double[] aux) {
        return logLoss(probs, null, offset, rows, classes, targets, targetOffset, sampleWeights, null, weightOffset,
                eps, rowLosses, null, rowOffset, aux);
    }

    /**
     * Float form.
     *
     * @param probs predicted probabilities, row-major rows × classes
     * @param offset index of the first element read
     * @param rows number of rows
     * @param classes number of classes (columns)
     * @param targets the targets, one class index per row
     * @param targetOffset index of the first target
     * @param sampleWeights per-row weights (scikit-learn's {@code sample_weight}), or null for all 1
     * @param weightOffset index of the first weight (unused when sampleWeights is null)
     * @param eps clipping epsilon (0: no clipping)
     * @param rowLosses per-row weighted losses are written here when not null
     * @param rowOffset index in rowLosses of the first row loss
     * @param aux caller-owned scratch of at least AUX_LENGTH elements; receives Σ w, the count and the row-sum error
     * @return the sum of the weighted row losses; NaN for invalid input
     */
    public static double logLoss(float[] probs, int offset, int rows, int classes, int[] targets,
                                 int targetOffset, float[] sampleWeights, int weightOffset, double eps,
                                 float[] rowLosses, int rowOffset, double[] aux) {
        return logLoss(null, probs, offset, rows, classes, targets, targetOffset, null, sampleWeights, weightOffset,
                eps, null, rowLosses, rowOffset, aux);
    }

    private static double logLoss(double[] pd, float[] pf, int offset, int rows, int classes, int[] targets,
                                  int targetOffset, double[] wd, float[] wf, int wo, double eps, double[] outD,
                                  float[] outF, int rowOffset, double[] aux) {
        boolean isFloat = pf != null;
        boolean weighted = wd != null || wf != null;
        double[] row = isFloat ? scratch(0, classes) : pd;
        double hi = 1 - eps;
        double sum = 0, sumC = 0, maxErr = 0, wSum = 0;
        boolean valid = true;
        for (int r = 0; r < rows; r++) {
            double w = !weighted ? 1.0 : wf != null ? wf[wo + r] : wd[wo + r];
            valid &= w >= 0 & w < Double.POSITIVE_INFINITY;
            wSum += w;
            int y = targets[targetOffset + r];
            int b = offset + r * classes;
            if (isFloat) {
                widen(pf, b, classes, row);
                b = 0;
            }
            if (y < 0 || y >= classes) {
                valid = false;
                continue;
            }
            double raw = 0, others = 0;
            for (int c = 0; c < classes; c++) {
                double p = row[b + c];
                valid &= p >= 0 & p < Double.POSITIVE_INFINITY;
                raw += p;
                if (c != y) {
                    others += eps > 0 ? Math.min(Math.max(p, eps), hi) : p;
                }
            }
            double py = row[b + y];
            if (eps > 0) {
                py = Math.min(Math.max(py, eps), hi);
            }
            double s = others + py;
            maxErr = Math.max(maxErr, Math.abs(raw - 1));
            double ratio = py / s;
            double loss = ratio >= 0.5 ? -Math.log1p(-others / s) : -Math.log(ratio);
            valid &= loss == loss;
            loss = w > 0 ? w * loss : 0.0;
            if (outD != null) {
                outD[rowOffset + r] = loss;
            } else if (outF != null) {
                outF[rowOffset + r] = (float) loss;
            }
            double t = sum + loss;
            sumC += sumError(sum, loss, t);
            sum = t;
        }
        aux[Kernels.LOSS_ROW_SUM_ERROR] = maxErr;
        aux[Kernels.LOSS_WEIGHT_SUM] = weighted ? wSum : rows;
        aux[Kernels.LOSS_COUNT] = rows;
        return valid ? compensated(sum, sumC) : Double.NaN;
    }
}
