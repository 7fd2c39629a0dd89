package org.shannon4j.continuous.registration;

/**
 * ITK 5.2's {@code MattesMutualInformationImageToImageMetricv4} with every voxel sampled, the identity transform
 * and one work unit, operation for operation, so that its value and derivative come out to the last bits (the
 * same roundings in the same order; only the logarithms' last ulp may differ between glibc and Java):
 * <ul>
 * <li>bin size = (max − min)/(bins − 4) of each image's measured range (two padding bins each side) and
 *     normalised minimum = min/size − 2;</li>
 * <li>fixed voxel: bin ⌊v/size − normalisedMin⌋ (truncation) clamped to [2, bins − 3], a zero-order (box)
 *     kernel adding 1 to the joint cell and to the fixed marginal;</li>
 * <li>moving voxel: term t = v/size − normalisedMin, centre bin c = ⌊t⌋ clamped likewise, and the cubic B-spline
 *     β³(k − t) added to cells k = c − 1 .. c + 2 (the argument stepped by +1.0, as ITK does);</li>
 * <li>the joint table scaled by 1/Σ (Σ by ITK's compensated summation), the fixed marginal by the same factor,
 *     the moving marginal the column sums of the scaled table;</li>
 * <li>MI = Σ p·(ln(p/p_M) − ln p_F) over cells whose p, p_M and p_F exceed the double epsilon.</li>
 * </ul>
 * The derivative composes as ITK does for a transform with global support: per voxel i and parameter μ,
 * term[i][μ]·β³′(k − t) accumulates into dP[f][k][μ] in voxel order, dP is scaled by −1/(size·n), and
 * dMI/dμ = Σ dP[f][m][μ]·ln(p/p_M) over the same cells. ITK's term is Σ_d J[d][μ]·∇M[d] (the transform's
 * Jacobian times the moving image's gradient at the voxel); for a translation it is the gradient itself.
 */
final class Mattes {

    private static final double EPSILON = 0x1p-52;
    static final int PADDING = 2;

    private Mattes() {
    }

    /**
     * @param term n × parameters per-voxel terms, row-major, or null for the value alone
     * @return {MI in nats, dMI/dμ in nats...}
     */
    static double[] compute(int n, int bins, Registration.Values fixed, double fMin, double fMax,
                            Registration.Values moving, double mMin, double mMax, double[] term, int parameters) {
        double fSize = (fMax - fMin) / (double) (bins - 2 * PADDING);
        double fNormMin = fMin / fSize - PADDING;
        double mSize = (mMax - mMin) / (double) (bins - 2 * PADDING);
        double mNormMin = mMin / mSize - PADDING;
        int p = term == null ? 0 : parameters;
        double[] joint = new double[bins * bins];
        double[] fixedMarginal = new double[bins];
        double[] dP = new double[p == 0 ? 0 : bins * bins * p];
        for (int i = 0; i < n; i++) {
            int f = centre(fixed.get(i) / fSize - fNormMin, bins);
            fixedMarginal[f] += 1;
            double t = moving.get(i) / mSize - mNormMin;
            int first = centre(t, bins) - 1;
            double arg = first - t;
            int cell = f * bins + first;
            for (int k = 0; k < 4; k++, arg += 1.0) {
                joint[cell + k] += cubic(arg);
                if (p != 0) {
                    double d = cubicDerivative(arg);
                    int at = (cell + k) * p;
                    for (int mu = 0; mu < p; mu++) {
                        dP[at + mu] += term[i * p + mu] * d;
                    }
                }
            }
        }
        // ITK's CompensatedSummation over the joint table
        double sum = 0;
        double compensation = 0;
        for (double c : joint) {
            double input = c - compensation;
            double temp = sum + input;
            compensation = (temp - sum) - input;
            sum = temp;
        }
        double factor = 1.0 / sum;
        for (int c = 0; c < joint.length; c++) {
            joint[c] = joint[c] * factor;
        }
        for (int f = 0; f < bins; f++) {
            fixedMarginal[f] = fixedMarginal[f] * factor;
        }
        double[] movingMarginal = new double[bins];
        for (int f = 0; f < bins; f++) {
            for (int m = 0; m < bins; m++) {
                movingMarginal[m] += joint[f * bins + m];
            }
        }
        double[] out = new double[1 + p];
        if (p != 0) {
            double nFactor = -1.0 / (mSize * (double) n);
            for (int c = 0; c < dP.length; c++) {
                dP[c] *= nFactor;
            }
        }
        double mi = 0;
        for (int f = 0; f < bins; f++) {
            double pf = fixedMarginal[f];
            if (pf > EPSILON) {
                double logPf = Math.log(pf);
                for (int m = 0; m < bins; m++) {
                    double pm = movingMarginal[m];
                    double pj = joint[f * bins + m];
                    if (pm > EPSILON && pj > EPSILON) {
                        double ratio = Math.log(pj / pm);
                        mi += pj * (ratio - logPf);
                        int at = (f * bins + m) * p;
                        for (int mu = 0; mu < p; mu++) {
                            out[1 + mu] += dP[at + mu] * ratio;
                        }
                    }
                }
            }
        }
        out[0] = mi;
        return out;
    }

    /** ITK's Parzen window index: the truncated term, clamped so the kernel's four cells stay inside. */
    private static int centre(double term, int bins) {
        long index = (long) term;
        return (int) Math.min(Math.max(index, PADDING), bins - PADDING - 1);
    }

    /** ITK's BSplineKernelFunction&lt;3&gt;, with its roundings. */
    static double cubic(double u) {
        double a = Math.abs(u);
        if (a < 1.0) {
            double s = a * a;
            return (4.0 - 6.0 * s + 3.0 * s * a) / 6.0;
        } else if (a < 2.0) {
            double s = a * a;
            return (8.0 - 12.0 * a + 6.0 * s - s * a) / 6.0;
        }
        return 0.0;
    }

    /** ITK's BSplineDerivativeKernelFunction&lt;3&gt;, with its roundings. */
    static double cubicDerivative(double u) {
        if (u >= 0.0 && u < 1.0) {
            return -2.0 * u + 1.5 * u * u;
        } else if (u > -1.0 && u < 0.0) {
            return -2.0 * u - 1.5 * u * u;
        } else if (u >= 1.0 && u < 2.0) {
            return -2.0 + 2.0 * u - 0.5 * u * u;
        } else if (u > -2.0 && u <= -1.0) {
            return 2.0 + 2.0 * u + 0.5 * u * u;
        }
        return 0.0;
    }
}
