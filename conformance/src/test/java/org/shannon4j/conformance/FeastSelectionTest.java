package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.Selection;
import org.shannon4j.selection.StopReason;

/**
 * The selection family against FEAST's own selections ({@link FeastFixtures}: FEAST built from its source on
 * discretised scikit-learn data sets and synthetic XOR, redundant, tie, degenerate, parity and random sets), on
 * every backend: the same features in the same order for every step FEAST decided (see
 * {@link FeastFixtures.Case#decidedPrefix()}), each step's score within 1e-12 bits of FEAST's, never a duplicate
 * or a sentinel, and a stop where FEAST had an accident (JMI/DISR repeating feature 0, CondMI writing −1).
 */
class FeastSelectionTest {

    private static final double SCORE_TOLERANCE = 1e-12;

    @TestFactory
    Stream<DynamicContainer> selectionsMatchFeast() {
        List<FeastFixtures.Case> cases = FeastFixtures.load().cases();
        return ConformanceBackends.supported().map(backend -> DynamicContainer.dynamicContainer(
                backend.backendName(), cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(),
                        () -> check(backend.withUnit(InfoUnit.BITS), c)))));
    }

    private static Criterion criterion(FeastFixtures.Case c) {
        return switch (c.criterion()) {
            case "MIM" -> Criterion.MIM;
            case "mRMR_D" -> Criterion.MRMR;
            case "JMI" -> Criterion.JMI;
            case "CMIM" -> Criterion.CMIM;
            case "DISR" -> Criterion.DISR;
            case "ICAP" -> Criterion.ICAP;
            case "CIFE" -> Criterion.CIFE;
            case "CondMI" -> Criterion.COND_MI;
            case "BetaGamma" -> Criterion.betaGamma(c.beta(), c.gamma());
            default -> throw new IllegalStateException("unknown FEAST criterion " + c.criterion() + " in " + c);
        };
    }

    private static void check(Shannon bits, FeastFixtures.Case c) {
        Selection ours = FeatureSelection.of(bits.context())
                .select(DiscreteColumns.of(c.data().features()), c.data().target(), criterion(c), c.k());
        int prefix = c.decidedPrefix();
        int[] features = ours.features();
        Set<Integer> seen = new HashSet<>();
        for (int f : features) {
            assertTrue(f >= 0 && f < c.data().featureCount(), c + ": index " + f + " out of range");
            assertTrue(seen.add(f), c + ": feature " + f + " selected twice");
        }
        if (features.length < prefix) {
            fail(c + ": FEAST decided " + prefix + " steps, we selected " + features.length + " ("
                    + ours.stopReason() + ")");
        }
        for (int step = 0; step < prefix; step++) {
            assertEquals(c.indices()[step], features[step], c + ": feature at step " + step);
            assertEquals(c.scores()[step], ours.score(step), SCORE_TOLERANCE, c + ": score at step " + step);
        }
        if (c.accident() != FeastFixtures.Accident.NONE && prefix == c.accidentStep()) {
            assertEquals(StopReason.NO_POSITIVE_SCORE, ours.stopReason(), c + ": FEAST had a " + c.accident()
                    + " at step " + c.accidentStep());
            assertEquals(c.accidentStep(), features.length, c + ": stop where FEAST's accident was");
        }
    }
}
