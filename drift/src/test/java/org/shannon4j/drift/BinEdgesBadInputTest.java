package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input names the argument, the index and the value; the named non-finite policy does what it says. */
class BinEdgesBadInputTest {

    private static void fails(Executable call, String... parts) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + message + "' lacks '" + p + "'");
        }
    }

    @Test
    void emptyAndNonFiniteValues() {
        fails(() -> BinEdges.of(new double[0], BinRule.AUTO), "values is empty");
        fails(() -> BinEdges.of(new double[] {1, 2, Double.NaN}, BinRule.FD), "values[2] = NaN");
        fails(() -> BinEdges.quantiles(new double[] {Double.NEGATIVE_INFINITY}, 3), "values[0] = -Infinity");
        fails(() -> Histogram.count(new double[] {0.5, Double.POSITIVE_INFINITY}, new double[] {0, 1}),
                "values[1] = Infinity");
        fails(() -> BinEdges.of(new double[] {Double.NaN}, BinRule.SQRT, NonFinite.DROP), "no finite value");
        fails(() -> BinEdges.ofIntegerColumn(new double[] {1, 2.5}, BinRule.AUTO, NonFinite.REJECT),
                "values[1] = 2.5");
    }

    @Test
    void dropLeavesNonFiniteValuesOut() {
        double[] withBad = {Double.NaN, 1, 2, Double.POSITIVE_INFINITY, 3, Double.NEGATIVE_INFINITY, 4};
        double[] finite = {1, 2, 3, 4};
        assertArrayEquals(BinEdges.of(finite, BinRule.DOANE), BinEdges.of(withBad, BinRule.DOANE, NonFinite.DROP));
        assertArrayEquals(BinEdges.quantiles(finite, 3), BinEdges.quantiles(withBad, 3, NonFinite.DROP));
        assertArrayEquals(new long[] {1, 1, 2},
                Histogram.count(withBad, new double[] {1, 2, 3, 4}, NonFinite.DROP));
    }

    @Test
    void badBinsEdgesAndRanges() {
        fails(() -> BinRule.count(0), "bins = 0");
        fails(() -> BinEdges.quantiles(new double[] {1}, -2), "bins = -2");
        fails(() -> BinRule.edges(1.0), "at least 2");
        fails(() -> BinRule.edges(0, 1, 1, 2), "edges[2] = 1.0", "strictly increasing");
        fails(() -> BinRule.edges(0, Double.NaN), "edges[1] = NaN");
        fails(() -> Histogram.count(new double[] {1}, new double[] {0, 2, 1}), "edges[2] = 1.0");
        fails(() -> BinEdges.inRange(new double[] {1}, BinRule.AUTO, 2, 1, NonFinite.REJECT), "min must be <= max");
        fails(() -> BinEdges.inRange(new double[] {1}, BinRule.AUTO, 0, Double.NaN, NonFinite.REJECT), "finite");
        fails(() -> BinEdges.of(new double[] {-1e308, 1e308}, BinRule.count(3)), "overflows");
        fails(() -> BinRule.named("stone"), "\"stone\"");
    }

    @Test
    void histogramSemanticsAreNumpys() {
        double[] edges = {0, 1, 2, 3};
        // half-open bins, the last closed, outside values uncounted, -0.0 equal to 0.0 as in searchsorted
        assertArrayEquals(new long[] {2, 2, 2},
                Histogram.count(new double[] {-0.0, 0.5, 1, 1.5, 2, 3, -1, 3.0000001}, edges));
        assertArrayEquals(new long[] {0, 0, 0}, Histogram.count(new double[0], edges));
        assertArrayEquals(new double[] {2, 3}, BinEdges.of(new double[] {7}, BinRule.edges(2, 3)));
        assertEquals(2, BinEdges.quantiles(new double[] {5, 5, 5}, 4).length);
    }
}
