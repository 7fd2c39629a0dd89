package org.shannon4j.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The discretisers against numpy's digitize/linspace/quantile (discretize.tsv, made by discretize.py). */
class DiscretizerTest {

    @Test
    void numpyFixtures() throws IOException {
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DiscretizerTest.class.getResourceAsStream("discretize.tsv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t");
                int bins = Integer.parseInt(f[2]);
                double[] x = Arrays.stream(f[3].split(",")).mapToDouble(Double::parseDouble).toArray();
                int[] expected = Arrays.stream(f[4].split(",")).mapToInt(Integer::parseInt).toArray();
                Discretizer d = f[1].equals("width") ? Discretizer.equalWidth(bins) : Discretizer.equalFrequency(bins);
                DiscreteColumns c = d.discretize(new double[][] {x});
                assertArrayEquals(expected, c.column(0), f[0] + " " + f[1] + " " + bins);
                int max = Arrays.stream(expected).max().getAsInt();
                assertTrue(c.levels(0) > max, "levels cover the codes");
                checked++;
            }
        }
        assertEquals(70, checked);
    }

    @Test
    void constantColumnIsOneLevel() {
        DiscreteColumns c = Discretizer.equalWidth(10).discretize(new double[][] {{2.5, 2.5, 2.5}});
        assertEquals(1, c.levels(0));
        assertArrayEquals(new int[] {0, 0, 0}, c.column(0));
    }

    @Test
    void givenEdges() {
        DiscreteColumns c = Discretizer.edges(0.0, 1.0).discretize(new double[][] {{-1, 0, 0.5, 1, 2}});
        assertArrayEquals(new int[] {0, 1, 1, 2, 2}, c.column(0)); // np.digitize: a value on an edge goes up
        assertEquals(3, c.levels(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Discretizer.edges(1, 1));
        assertTrue(e.getMessage().contains("edges[1] = 1.0"), e.getMessage());
    }

    @Test
    void equalFrequencyTiesShareABin() {
        // quantiles of {1×7, 2×2, 3, 5×2} at 1/3, 2/3 are 1.0 and 2.0: ties at 1 all in bin 1
        double[] x = {1, 1, 1, 1, 2, 2, 3, 1, 1, 5, 5, 1};
        DiscreteColumns c = Discretizer.equalFrequency(3).discretize(new double[][] {x});
        assertArrayEquals(new int[] {1, 1, 1, 1, 2, 2, 2, 1, 1, 2, 2, 1}, c.column(0));
        // quartiles 1, 1, 2.25: the duplicate edge is dropped, 3 levels
        DiscreteColumns q = Discretizer.equalFrequency(4).discretize(new double[][] {x});
        assertEquals(3, q.levels(0));
    }

    @Test
    void missingValues() {
        double[][] x = {{0.0, Double.NaN, 1.0, 2.0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Discretizer.equalWidth(2).discretize(x));
        assertEquals("columns[0][1] = NaN (column 0, row 1): missing values need MissingValues.OWN_LEVEL",
                e.getMessage());
        DiscreteColumns c = Discretizer.equalWidth(2).withMissingValues(MissingValues.OWN_LEVEL).discretize(x);
        assertArrayEquals(new int[] {0, 2, 1, 1}, c.column(0));
        assertEquals(3, c.levels(0));
        DiscreteColumns none = Discretizer.equalWidth(2).withMissingValues(MissingValues.OWN_LEVEL)
                .discretize(new double[][] {{0.0, 2.0}});
        assertEquals(2, none.levels(0), "no NaN, no extra level");
    }

    @Test
    void badInput() {
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> Discretizer.equalWidth(2).discretize(new double[][] {{0, 1}, {0, Double.POSITIVE_INFINITY}}));
        assertTrue(inf.getMessage().startsWith("columns[1][1] = Infinity (column 1, row 1)"), inf.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Discretizer.equalWidth(2).discretize(new double[][] {{0, 1}, {0}}));
        assertTrue(ragged.getMessage().startsWith("columns[1].length = 1 but columns[0].length = 2"),
                ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Discretizer.equalWidth(0));
        assertThrows(IllegalArgumentException.class, () -> Discretizer.equalFrequency(-1));
        DiscreteColumns nan = Discretizer.equalWidth(3).withMissingValues(MissingValues.OWN_LEVEL)
                .discretize(new double[][] {{Double.NaN, Double.NaN}});
        assertArrayEquals(new int[] {1, 1}, nan.column(0), "NaN only: the empty bin 0 and the NaN level");
        assertEquals(2, nan.levels(0));
    }

    /**
     * Differences beyond the doubles: numpy's edges become ±inf (and its quantile edges out of order, which merged
     * three values into one level here). An error, except for one equal-width bin, which needs no edge.
     */
    @Test
    void differencesBeyondTheDoubles() {
        double[][] wide = {{-1e308, 1e308, 1.7e308}};
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class,
                () -> Discretizer.equalFrequency(5).discretize(wide));
        assertEquals("columns[0]: the quantile between -1.0E308 and 1.0E308 overflows a double (b − a),"
                + " equal-frequency edges cannot be computed", q.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> Discretizer.equalWidth(2).discretize(wide));
        assertTrue(w.getMessage().startsWith("columns[0]: max − min = 1.7E308 − -1.0E308 overflows"), w.getMessage());
        DiscreteColumns one = Discretizer.equalWidth(1).discretize(wide);
        assertArrayEquals(new int[] {0, 0, 0}, one.column(0));
        assertEquals(1, one.levels(0));
        // neighbouring order statistics within range: edges as numpy's
        assertArrayEquals(new int[] {0, 1, 2},
                Discretizer.equalFrequency(3).discretize(new double[][] {{-8e307, 8e307, 1.7e308}}).column(0));
    }
}
