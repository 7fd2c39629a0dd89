package org.shannon4j.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;

/**
 * Selection from tables counted elsewhere ({@link SelectionTables}): the rows split into parts, each part counted
 * by {@link SelectionTables#of}, the parts' tables added — as a cluster does — must give the in-process selection
 * bit for bit, for every criterion but CondMI, on every backend; inconsistent tables are refused.
 */
class SelectionTablesTest {

    private static final Criterion[] CRITERIA = {Criterion.MIM, Criterion.MRMR, Criterion.JMI, Criterion.JMIM,
        Criterion.CMIM, Criterion.DISR, Criterion.ICAP, Criterion.CIFE, Criterion.betaGamma(0.5, 0.25),
        Criterion.mifs(0.7)};

    /** Sums the tables of parts of the rows, as a distributed implementation would. */
    private static class Merged implements SelectionTables {
        private final List<SelectionTables> parts;

        Merged(List<SelectionTables> parts) {
            this.parts = parts;
        }

        @Override
        public int features() {
            return parts.get(0).features();
        }

        @Override
        public int levels(int feature) {
            return parts.get(0).levels(feature);
        }

        @Override
        public int classes() {
            return parts.get(0).classes();
        }

        @Override
        public long[] targetTable(int feature) {
            long[] sum = new long[levels(feature) * classes()];
            for (SelectionTables p : parts) {
                long[] t = p.targetTable(feature);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += t[i];
                }
            }
            return sum;
        }

        @Override
        public void tablesGiven(int selected, boolean[] excluded, TableSink sink) {
            long[][] sums = new long[features()][];
            for (SelectionTables p : parts) {
                p.tablesGiven(selected, excluded, (j, t) -> {
                    int cells = levels(j) * levels(selected) * classes();
                    synchronized (sums) {
                        if (sums[j] == null) {
                            sums[j] = new long[cells];
                        }
                        for (int i = 0; i < cells; i++) {
                            sums[j][i] += t[i];
                        }
                    }
                });
            }
            for (int j = 0; j < sums.length; j++) {
                if (sums[j] != null) {
                    sink.accept(j, sums[j]);
                }
            }
        }
    }

    /** The parts [b_i, b_{i+1}) of the rows as tables with the whole data's level counts. */
    private static SelectionTables split(Shannon sh, CountingEngineTest.Data d, int... bounds) {
        int[] levels = new int[d.cols().length];
        for (int c = 0; c < levels.length; c++) {
            levels[c] = Arrays.stream(d.cols()[c]).max().orElseThrow() + 1;
        }
        int ly = Arrays.stream(d.y()).max().orElseThrow() + 1;
        List<SelectionTables> parts = new ArrayList<>();
        for (int p = 0; p + 1 < bounds.length; p++) {
            int from = bounds[p];
            int to = bounds[p + 1];
            int[][] cols = new int[levels.length][];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = Arrays.copyOfRange(d.cols()[c], from, to);
            }
            parts.add(SelectionTables.of(sh.context(), DiscreteColumns.of(cols, levels),
                    Arrays.copyOfRange(d.y(), from, to), ly));
        }
        return new Merged(parts);
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    @Test
    void mergedPartsSelectBitForBitAsInProcess() {
        for (var info : Shannon.backends()) {
            if (!info.supported()) {
                continue;
            }
            for (int ly : new int[] {2, 3, 17}) {
                CountingEngineTest.Data d = CountingEngineTest.data(40 + ly, 3001, 40, ly);
                Shannon sh = Shannon.get(info.name()).withUnit(InfoUnit.BITS);
                FeatureSelection fs = FeatureSelection.of(sh.context());
                SelectionTables merged = split(sh, d, 0, 700, 701, 2222, 3001);
                for (Criterion cr : CRITERIA) {
                    Selection whole = fs.select(DiscreteColumns.of(d.cols()), d.y(), cr, 12);
                    Selection parts = fs.select(merged, cr, 12);
                    String what = info.name() + " " + cr + " classes " + ly;
                    assertArrayEquals(whole.features(), parts.features(), what);
                    assertArrayEquals(bits(whole.scores()), bits(parts.scores()), what);
                    assertArrayEquals(bits(whole.relevance()), bits(parts.relevance()), what);
                    assertEquals(whole.stopReason(), parts.stopReason(), what);
                    assertEquals(whole.names(), parts.names(), what);
                }
            }
        }
    }

    @Test
    void aPartMayLackClassesAndLevels() {
        CountingEngineTest.Data d = CountingEngineTest.data(7, 2000, 12, 3);
        // rows sorted by class, so the first part has class 0 only
        Integer[] order = new Integer[2000];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(d.y()[a], d.y()[b]));
        int[][] cols = new int[12][2000];
        int[] y = new int[2000];
        for (int i = 0; i < 2000; i++) {
            y[i] = d.y()[order[i]];
            for (int c = 0; c < 12; c++) {
                cols[c][i] = d.cols()[c][order[i]];
            }
        }
        CountingEngineTest.Data sorted = new CountingEngineTest.Data(cols, y);
        Shannon sh = Shannon.get();
        FeatureSelection fs = FeatureSelection.of(sh.context());
        for (Criterion cr : CRITERIA) {
            Selection whole = fs.select(DiscreteColumns.of(cols), y, cr, 6);
            Selection parts = fs.select(split(sh, sorted, 0, 100, 2000), cr, 6);
            assertArrayEquals(whole.features(), parts.features(), cr.toString());
            assertArrayEquals(bits(whole.scores()), bits(parts.scores()), cr.toString());
        }
    }

    @Test
    void refusesCondMiAConstantTargetAndInconsistentTables() {
        CountingEngineTest.Data d = CountingEngineTest.data(3, 500, 6, 2);
        Shannon sh = Shannon.get();
        FeatureSelection fs = FeatureSelection.of(sh.context());
        SelectionTables good = split(sh, d, 0, 500);
        IllegalArgumentException condMi = assertThrows(IllegalArgumentException.class,
                () -> fs.select(good, Criterion.COND_MI, 2));
        assertTrue(condMi.getMessage().contains("CondMI"), condMi.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fs.select(good, Criterion.JMI, 0));
        assertThrows(IllegalArgumentException.class, () -> fs.select(good, Criterion.JMI, 7));

        int[] constant = new int[500];
        SelectionTables oneClass = SelectionTables.of(sh.context(), DiscreteColumns.of(d.cols()), constant, 2);
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> fs.select(oneClass, Criterion.MIM, 1));
        assertTrue(c.getMessage().contains("1 class"), c.getMessage());

        SelectionTables shortTable = new Merged(List.of(good)) {
            @Override
            public long[] targetTable(int feature) {
                return feature == 3 ? new long[1] : super.targetTable(feature);
            }
        };
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> fs.select(shortTable, Criterion.JMI, 3));
        assertTrue(s.getMessage().contains("feature 3"), s.getMessage());

        // a feature that stays a candidate at every step of a 3-feature selection
        int[] picked = fs.select(good, Criterion.CMIM, 3).features();
        int candidate = java.util.stream.IntStream.range(0, 6)
                .filter(j -> java.util.Arrays.stream(picked).noneMatch(p -> p == j)).findFirst().orElseThrow();
        SelectionTables offByOne = new Merged(List.of(good)) {
            @Override
            public void tablesGiven(int selected, boolean[] excluded, TableSink sink) {
                super.tablesGiven(selected, excluded, (j, t) -> {
                    long[] copy = t.clone();
                    if (j == candidate) {
                        copy[0]++;
                    }
                    sink.accept(j, copy);
                });
            }
        };
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
                () -> fs.select(offByOne, Criterion.JMI, 3));
        assertTrue(o.getMessage().contains("feature " + candidate) && o.getMessage().contains("sums to"),
                o.getMessage());

        SelectionTables missing = new Merged(List.of(good)) {
            @Override
            public void tablesGiven(int selected, boolean[] excluded, TableSink sink) {
                super.tablesGiven(selected, excluded, (j, t) -> {
                    if (j != candidate) {
                        sink.accept(j, t);
                    }
                });
            }
        };
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> fs.select(missing, Criterion.CMIM, 3));
        assertTrue(m.getMessage().contains("lack feature " + candidate), m.getMessage());

        IllegalArgumentException badClass = assertThrows(IllegalArgumentException.class,
                () -> SelectionTables.of(sh.context(), DiscreteColumns.of(d.cols()), new int[500], 0));
        assertTrue(badClass.getMessage().contains("classCount"), badClass.getMessage());
        int[] y = d.y().clone();
        y[17] = 5;
        IllegalArgumentException code = assertThrows(IllegalArgumentException.class,
                () -> SelectionTables.of(sh.context(), DiscreteColumns.of(d.cols()), y, 2));
        assertTrue(code.getMessage().contains("classes[17] = 5"), code.getMessage());
    }
}
