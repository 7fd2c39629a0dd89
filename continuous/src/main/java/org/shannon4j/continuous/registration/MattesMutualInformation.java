package org.shannon4j.continuous.registration;

/**
 * Mattes mutual information of a fixed and a moving image and, when per-voxel terms were given, its derivative
 * with respect to the parameters those terms belong to.
 *
 * @param mutualInformation the Parzen-window MI Σ p(f,m)·ln(p(f,m)/(p_F(f)·p_M(m))) in the context's unit; ITK's
 *     {@code MattesMutualInformationImageToImageMetricv4::GetValue()} is its negative, in nats
 * @param derivative dMI/dμ for each parameter μ, in the context's unit (ITK's {@code GetDerivative()} in nats, which
 *     is the same sign: v4 metrics return the negated gradient of their value); empty when no terms were given.
 *     A fresh array per result.
 * @param points the number of voxels counted
 */
public record MattesMutualInformation(double mutualInformation, double[] derivative, long points) {
}
