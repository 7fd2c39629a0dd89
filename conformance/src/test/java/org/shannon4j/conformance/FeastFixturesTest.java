package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.conformance.FeastFixtures.Accident;
import org.shannon4j.conformance.FeastFixtures.Case;
import org.shannon4j.conformance.FeastFixtures.DataSet;
import org.shannon4j.dependence.Dependence;

/** The FEAST fixture parses, is non-trivial, and its columns are read the way FEAST read them. */
class FeastFixturesTest {

    private static final FeastFixtures FIXTURES = FeastFixtures.load();

    @Test
    void everyCriterionHasCasesOnEveryDataSet() {
        Map<String, Integer> perCriterion = new TreeMap<>();
        for (Case c : FIXTURES.cases()) {
            perCriterion.merge(c.criterion(), 1, Integer::sum);
        }
        assertEquals(Map.of("BetaGamma", 96, "CIFE", 32, "CMIM", 32, "CondMI", 32, "DISR", 32, "ICAP", 32,
                "JMI", 32, "MIM", 32, "mRMR_D", 32), perCriterion);
        assertEquals(11, FIXTURES.dataSets().size());
        for (DataSet data : FIXTURES.dataSets().values()) {
            long cases = FIXTURES.cases().stream().filter(c -> c.data() == data).count();
            assertTrue(cases >= 22, data.name() + ": " + cases + " cases");
        }
    }

    @Test
    void dataSetsHaveTheirSourceShapes() {
        DataSet iris = FIXTURES.dataSets().get("iris-b5");
        assertEquals(150, iris.rows());
        assertEquals(4, iris.featureCount());
        DataSet digits = FIXTURES.dataSets().get("digits-b5");
        assertEquals(1797, digits.rows());
        assertEquals(64, digits.featureCount());
        assertEquals(569, FIXTURES.dataSets().get("breast_cancer-b10").rows());
        for (DataSet data : FIXTURES.dataSets().values()) {
            for (int[] column : data.features()) {
                assertEquals(data.rows(), column.length, data.name());
            }
        }
    }

    @Test
    void accidentsAreRecordedWhereFeastHasThem() {
        long duplicates = FIXTURES.cases().stream().filter(c -> c.accident() == Accident.DUPLICATE).count();
        long sentinels = FIXTURES.cases().stream().filter(c -> c.accident() == Accident.SENTINEL).count();
        assertTrue(duplicates >= 4, "duplicates: " + duplicates);
        assertTrue(sentinels >= 10, "sentinels: " + sentinels);
        for (Case c : FIXTURES.cases()) {
            if (c.accident() == Accident.SENTINEL) {
                assertEquals("CondMI", c.criterion(), c.toString());
                assertEquals(-1, c.indices()[c.accidentStep()], c.toString());
            }
            if (c.accident() == Accident.DUPLICATE) {
                assertTrue(c.criterion().equals("JMI") || c.criterion().equals("DISR"), c.toString());
                assertEquals(0, c.indices()[c.accidentStep()], c.toString());
            }
            assertTrue(c.decidedPrefix() >= 1, c.toString());
        }
    }

    /** Every criterion's first step is I(X;Y) in bits: checks the column orientation and the unit. */
    @Test
    void firstScoresAreTheMutualInformationOfThePickInBits() {
        Dependence bits = Shannon.get("scalar").withUnit(InfoUnit.BITS).dependence();
        for (Case c : FIXTURES.cases()) {
            DataSet data = c.data();
            double mi = bits.mutualInformation(data.features()[c.indices()[0]], data.target());
            assertEquals(c.scores()[0], mi, 1e-12, c.toString());
            for (int j = 0; j < data.featureCount(); j++) {
                assertTrue(bits.mutualInformation(data.features()[j], data.target()) <= mi + 1e-12, c.toString());
            }
        }
    }
}
