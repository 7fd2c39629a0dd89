package org.shannon4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.Selection;

/**
 * The selectors on local[2] against the in-process selection of the same columns: the same features, the same
 * score bits, for every criterion the module offers, on every backend and for several partitionings.
 */
class SparkSelectionTest {

    private static final int ROWS = 20_011;
    private static final int FEATURES = 24;
    private static int[][] cols;
    private static int[] y;
    private static List<String> names;
    private static Dataset<Row> data;

    @BeforeAll
    static void data() {
        SplittableRandom rnd = new SplittableRandom(2026);
        y = new int[ROWS];
        cols = new int[FEATURES][ROWS];
        for (int r = 0; r < ROWS; r++) {
            y[r] = rnd.nextInt(3) == 0 ? 7 : rnd.nextInt(2) * 3 - 1;
        }
        for (int c = 0; c < FEATURES; c++) {
            int levels = c % 5 == 4 ? 300 : 2 + c % 9;
            for (int r = 0; r < ROWS; r++) {
                int noise = rnd.nextInt(levels);
                cols[c][r] = switch (c % 3) {
                    case 0 -> rnd.nextInt(4) == 0 ? noise : Math.floorMod(y[r] * (c + 1), levels);
                    case 1 -> c > 0 && rnd.nextBoolean() ? cols[c - 1][r] % levels : noise;
                    default -> noise;
                };
            }
        }
        List<StructField> fields = new ArrayList<>();
        names = new ArrayList<>();
        for (int c = 0; c < FEATURES; c++) {
            names.add("f" + c);
            fields.add(DataTypes.createStructField("f" + c, c % 4 == 1 ? DataTypes.ShortType : c % 4 == 2
                    ? DataTypes.LongType : DataTypes.IntegerType, false));
        }
        fields.add(DataTypes.createStructField("label", DataTypes.IntegerType, false));
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            Object[] v = new Object[FEATURES + 1];
            for (int c = 0; c < FEATURES; c++) {
                v[c] = c % 4 == 1 ? (Object) (short) cols[c][r] : c % 4 == 2 ? (Object) (long) cols[c][r]
                        : (Object) cols[c][r];
            }
            v[FEATURES] = y[r];
            rows.add(RowFactory.create(v));
        }
        SparkSession spark = SparkTests.session();
        data = spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new))).repartition(5).cache();
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    @Test
    void everyCriterionSelectsAsInProcessOnEveryBackend() {
        Criterion[] criteria = {Criterion.MIM, Criterion.MRMR, Criterion.JMI, Criterion.JMIM, Criterion.CMIM,
            Criterion.DISR, Criterion.ICAP, Criterion.CIFE, Criterion.betaGamma(0.5, 0.25)};
        for (var info : Shannon.backends()) {
            if (!info.supported()) {
                continue;
            }
            Shannon sh = Shannon.get(info.name()).withUnit(InfoUnit.BITS);
            // every criterion on the default backend, three on the others (the counts are the same integers)
            boolean all = info.name().equals(Shannon.get().backendName());
            for (Criterion cr : all ? criteria : new Criterion[] {Criterion.JMI, Criterion.CMIM, Criterion.MRMR}) {
                Selection local = FeatureSelection.of(sh.context())
                        .select(DiscreteColumns.of(cols).withNames(names), y, cr, 8);
                Selection spark = SparkSelection.of(sh).select(data, "label", names, cr, 8);
                String what = info.name() + " " + cr;
                assertArrayEquals(local.features(), spark.features(), what);
                assertArrayEquals(bits(local.scores()), bits(spark.scores()), what);
                assertArrayEquals(bits(local.relevance()), bits(spark.relevance()), what);
                assertEquals(local.names(), spark.names(), what);
                assertEquals(local.stopReason(), spark.stopReason(), what);
            }
        }
    }

    @Test
    void thePartitioningDoesNotMatter() {
        Shannon sh = Shannon.get();
        Selection local = FeatureSelection.of(sh.context()).select(DiscreteColumns.of(cols), y, Criterion.JMI, 10);
        for (int parts : new int[] {1, 7}) {
            Selection spark = SparkSelection.of(sh).select(data.repartition(parts), "label", names,
                    Criterion.JMI, 10);
            assertArrayEquals(local.features(), spark.features(), parts + " partitions");
            assertArrayEquals(bits(local.scores()), bits(spark.scores()), parts + " partitions");
        }
        // by range of the label: at most 3 of 9 partitions have rows, each of one class only
        Dataset<Row> byLabel = data.repartitionByRange(9, org.apache.spark.sql.functions.col("label"));
        List<Integer> nonEmpty = byLabel.javaRDD().mapPartitions(it -> List.of(it.hasNext() ? 1 : 0).iterator())
                .collect();
        assertTrue(nonEmpty.contains(0) && nonEmpty.contains(1), "some partitions empty: " + nonEmpty);
        for (Criterion cr : new Criterion[] {Criterion.JMI, Criterion.CMIM}) {
            Selection one = FeatureSelection.of(sh.context()).select(DiscreteColumns.of(cols), y, cr, 10);
            Selection spark = SparkSelection.of(sh).select(byLabel, "label", names, cr, 10);
            assertArrayEquals(one.features(), spark.features(), "empty and one-class partitions, " + cr);
            assertArrayEquals(bits(one.scores()), bits(spark.scores()), "empty and one-class partitions, " + cr);
        }
    }

    @Test
    void badInputIsNamed() {
        SparkSelection s = SparkSelection.of(Shannon.get());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> s.select(data, "label", List.of("f0", "nope"), Criterion.JMI, 1));
        assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> s.select(data, "label", names, Criterion.JMI, FEATURES + 1));
        assertTrue(k.getMessage().contains("k = " + (FEATURES + 1)), k.getMessage());
        IllegalArgumentException condMi = assertThrows(IllegalArgumentException.class,
                () -> s.select(data, "label", names, Criterion.COND_MI, 2));
        assertTrue(condMi.getMessage().contains("CondMI"), condMi.getMessage());
        Dataset<Row> text = data.selectExpr("cast(f0 as string) as f0", "label");
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> s.select(text, "label", List.of("f0"), Criterion.MIM, 1));
        assertTrue(type.getMessage().contains("'f0'") && type.getMessage().contains("string"), type.getMessage());
        Dataset<Row> withNull = data.selectExpr("if(f1 = 0, null, f1) as f1", "label");
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> s.select(withNull, "label", List.of("f1"), Criterion.MIM, 1));
        assertTrue(nul.getMessage().contains("'f1'") && nul.getMessage().contains("null"), nul.getMessage());
        Dataset<Row> negative = data.selectExpr("f0 - 1 as f0", "label");
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> s.select(negative, "label", List.of("f0"), Criterion.MIM, 1));
        assertTrue(neg.getMessage().contains("-1"), neg.getMessage());
        Dataset<Row> constant = data.selectExpr("f0", "1 as label");
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> s.select(constant, "label", List.of("f0"), Criterion.MIM, 1));
        assertTrue(c.getMessage().contains("constant"), c.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> s.select(data.limit(0), "label", names, Criterion.MIM, 1));
        assertTrue(empty.getMessage().contains("no rows"), empty.getMessage());
    }
}
