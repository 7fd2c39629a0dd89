package org.shannon4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.Selection;
import org.shannon4j.spark.examples.SelectFeatures;
import org.shannon4j.spark.examples.SyntheticData;

/** The README example's core on a small generated table: the in-process JMI selection, MLlib's pick beside it. */
class SelectFeaturesTest {

    @Test
    void theExampleSelectsAsInProcessAndShowsMllibsPick() {
        SyntheticData layout = SyntheticData.of(8, 3, 1, 11);
        List<String> names = layout.names();
        Dataset<Row> data = layout.generate(SparkTests.session(), 6_000, 3).cache();

        SelectFeatures.Result r = SelectFeatures.select(data, "label", names, 3);

        List<Row> rows = data.collectAsList();
        int[][] cols = new int[names.size()][rows.size()];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < names.size(); c++) {
                cols[c][i] = rows.get(i).getInt(c);
            }
            y[i] = rows.get(i).getInt(names.size());
        }
        Selection local = FeatureSelection.of(Shannon.get().withUnit(InfoUnit.BITS).context())
                .select(DiscreteColumns.of(cols).withNames(names), y, Criterion.JMI, 3);
        assertArrayEquals(local.features(), r.jmi().features());
        assertArrayEquals(local.scores(), r.jmi().scores());
        assertTrue(layout.describe(r.jmi().feature(0)).startsWith("informative s=0.300"),
                "the strongest informative column first: " + layout.describe(r.jmi().feature(0)));
        assertEquals(3, r.mllib().size(), r.mllib().toString());
        assertEquals(names.size(), r.chiSquared().pValues().length);

        String table = SelectFeatures.format(r, names, layout::describe);
        for (String name : r.jmi().names()) {
            assertTrue(table.contains(name), table);
        }
        assertTrue(table.contains("UnivariateFeatureSelector"), table);
        data.unpersist();
    }
}
