package org.shannon4j.spark;

import java.util.Objects;

import org.shannon4j.counts.PairCounts;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.IndependenceTest;
import org.shannon4j.dependence.NmiAverage;

/**
 * The dependence measures of two columns, computed in the driver from their merged {@link PairCounts} with the
 * same {@link Dependence} calls as in process ({@code entropy(counts.x())}, {@code mutualInformation(counts)},
 * {@code normalizedMutualInformation}, {@code adjustedMutualInformation}, {@code independenceTest}): the same
 * bits as the label-array methods on all the rows, with the same backend and unit.
 *
 * @param x                  the first column (for a target table: the feature)
 * @param y                  the second column (for a target table: the target)
 * @param entropyX           H(X) (plug-in), in the handle's unit
 * @param entropyY           H(Y) (plug-in), in the handle's unit
 * @param mutualInformation  I(X;Y) (plug-in), in the handle's unit
 * @param nmi                normalised MI (no unit) with {@code average}
 * @param ami                adjusted MI (no unit) with {@code average}
 * @param gTest              the G-test of independence: statistic G = 2N·I (nats), degrees of freedom, p-value and
 *                           its natural log {@code gTest.logPValue()}, finite where the p-value underflows to 0 —
 *                           rank by the statistic or by ln p, never by p
 * @param average            the normaliser of NMI and AMI
 */
public record PairMeasures(String x, String y, double entropyX, double entropyY, double mutualInformation,
                           double nmi, double ami, IndependenceTest gTest, NmiAverage average) {

    /**
     * The measures of one pair table.
     *
     * @param dependence the handle (backend, unit) to compute with
     * @param x          the table's first column
     * @param y          the table's second column
     * @param counts     their joint counts (N ≥ 1)
     * @param average    the normaliser of NMI and AMI
     * @return the measures
     * @throws IllegalArgumentException if the table is empty
     */
    public static PairMeasures of(Dependence dependence, String x, String y, PairCounts counts, NmiAverage average) {
        Objects.requireNonNull(dependence, "dependence must not be null");
        Objects.requireNonNull(average, "average must not be null");
        if (counts.total() == 0) {
            throw new IllegalArgumentException("the table of ('" + x + "', '" + y + "') is empty (N = 0)");
        }
        return new PairMeasures(x, y, dependence.entropy(counts.x()), dependence.entropy(counts.y()),
                dependence.mutualInformation(counts), dependence.normalizedMutualInformation(counts, average),
                dependence.adjustedMutualInformation(counts, average), dependence.independenceTest(counts), average);
    }
}
