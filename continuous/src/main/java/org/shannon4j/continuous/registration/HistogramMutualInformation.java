package org.shannon4j.continuous.registration;

/**
 * The measures of one joint histogram of two images. Entropies and the mutual information are plug-in values of
 * the histogram's shares, in the unit of the context that computed them; the normalised measures are unitless.
 *
 * @param mutualInformation I(A;B) = H(A) + H(B) − H(A,B), ≥ 0
 * @param normalizedMutualInformation Studholme's (H(A) + H(B)) / H(A,B), in [1, 2]; 1 when H(A,B) = 0 (both images
 *     constant over the counted pairs)
 * @param entropyCorrelationCoefficient ECC = 2·I(A;B) / (H(A) + H(B)), in [0, 1]; 0 when H(A) + H(B) = 0
 * @param entropyA H(A) of the first image's bins
 * @param entropyB H(B) of the second image's bins
 * @param jointEntropy H(A,B)
 * @param pairs the number of pairs counted (fewer than the length when pairs outside a range were ignored)
 */
public record HistogramMutualInformation(double mutualInformation, double normalizedMutualInformation,
                                         double entropyCorrelationCoefficient, double entropyA, double entropyB,
                                         double jointEntropy, long pairs) {
}
