package org.shannon4j.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Context;

/**
 * The engine's (candidate, selected, target) tables in both bitset layouts, level sets and bit planes, on both
 * backends, against a count of the rows themselves: columns of 1 to 60 levels (so planes of 2 to 6 bits, columns
 * kept as sets, and columns counted by histograms), 2 to 16 classes (class segments of partial words), row counts
 * that are not a multiple of 64.
 */
class BitsetLayoutTest {

    @Test
    void everyCandidateTableIsTheRowCount() {
        int[][] shapes = {{11, 2, 1000}, {12, 3, 1301}, {13, 16, 2113}, {14, 2, 64 * 40 + 5}};
        for (String backend : new String[] {"scalar", "simd"}) {
            Context context = Shannon.get(backend).context();
            for (int[] shape : shapes) {
                CountingEngineTest.Data d = CountingEngineTest.data(shape[0], shape[2], 16, shape[1]);
                DiscreteColumns x = DiscreteColumns.of(d.cols());
                int ly = shape[1];
                for (PairCounts.Layout layout : PairCounts.Layout.values()) {
                    PairCounts counts = new PairCounts(context.kernels(), context.parallelism(), x, d.y(), ly,
                            layout);
                    String where = backend + " " + layout + " " + Arrays.toString(shape);
                    boolean[] chosen = new boolean[x.columns()];
                    for (int s = 0; s < x.columns(); s++) {
                        int given = s;
                        int[] checked = new int[1];
                        counts.forEachCandidate(chosen, counts.given(s), (j, table, lj, z, scratch) -> {
                            long[] expected = rowCount(d, j, given, ly);
                            assertArrayEquals(expected, Arrays.copyOf(table, expected.length),
                                    where + " candidate " + j + " given " + given);
                            synchronized (checked) {
                                checked[0]++;
                            }
                        });
                        assertEquals(x.columns(), checked[0], where);
                        long[] one = new long[1];
                        counts.one((s + 5) % x.columns(), counts.given(s), (j, table, lj, z, scratch) ->
                                one[0] = Arrays.equals(rowCount(d, j, given, ly),
                                        Arrays.copyOf(table, lj * z.levels)) ? 1 : 0);
                        assertEquals(1, one[0], where + " one at a time");
                    }
                }
            }
        }
    }

    @Test
    void onlyABackendWhoseCountingOutrunsMemoryTakesPlanes() {
        assertTrue(!Shannon.get("scalar").context().kernels().bitsetsMemoryBound(),
                "the reference counts slower than memory: planes would only add their decoding");
    }

    @Test
    void planeCounts() {
        assertEquals(4, PairCounts.planesFor(9));
        assertEquals(4, PairCounts.planesFor(15));
        assertEquals(5, PairCounts.planesFor(16));
        assertEquals(6, PairCounts.planesFor(PairCounts.MAX_SET_LEVELS - 1));
        assertEquals(2, PairCounts.planesFor(3));
        assertTrue(PairCounts.planesFor(2) >= 2, "two sets stay sets");
    }

    /** The (candidate level, selected level, class) table counted from the rows. */
    private static long[] rowCount(CountingEngineTest.Data d, int j, int s, int ly) {
        int lj = levels(d.cols()[j]);
        int ls = levels(d.cols()[s]);
        long[] t = new long[lj * ls * ly];
        for (int r = 0; r < d.y().length; r++) {
            t[(d.cols()[j][r] * ls + d.cols()[s][r]) * ly + d.y()[r]]++;
        }
        return t;
    }

    private static int levels(int[] column) {
        return Arrays.stream(column).max().orElse(0) + 1;
    }
}
