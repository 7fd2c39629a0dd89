package org.shannon4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.Selection;
import org.shannon4j.spark.ml.InfoSelector;
import org.shannon4j.spark.ml.InfoSelectorModel;

/**
 * The Spark ML stage (in this package for the shared session; it uses only the public API): the same selection as
 * {@link SparkSelection} and as in process, from a Vector column and from integral columns; its output column; save
 * and load alone and inside a Pipeline; bad params named.
 */
class InfoSelectorTest {

    private static final int ROWS = 6_007;
    private static final int FEATURES = 10;
    private static int[][] cols;
    private static int[] y;
    private static String[] names;
    /** f0..f9 (int), label (double 0/1/2), and "features", the f columns assembled. */
    private static Dataset<Row> data;

    @BeforeAll
    static void data() {
        SplittableRandom rnd = new SplittableRandom(18);
        y = new int[ROWS];
        cols = new int[FEATURES][ROWS];
        for (int r = 0; r < ROWS; r++) {
            y[r] = rnd.nextInt(3);
        }
        for (int c = 0; c < FEATURES; c++) {
            int levels = 2 + c % 4;
            for (int r = 0; r < ROWS; r++) {
                int noise = rnd.nextInt(levels);
                cols[c][r] = switch (c % 3) {
                    case 0 -> rnd.nextInt(3) == 0 ? noise : (y[r] + c) % levels;
                    case 1 -> rnd.nextBoolean() ? cols[c - 1][r] % levels : noise;
                    default -> noise;
                };
            }
        }
        names = new String[FEATURES];
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < FEATURES; c++) {
            names[c] = "f" + c;
            fields.add(DataTypes.createStructField(names[c], DataTypes.IntegerType, false));
        }
        fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            Object[] v = new Object[FEATURES + 1];
            for (int c = 0; c < FEATURES; c++) {
                v[c] = cols[c][r];
            }
            v[FEATURES] = (double) y[r];
            rows.add(RowFactory.create(v));
        }
        Dataset<Row> raw = SparkTests.session().createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
        data = new VectorAssembler().setInputCols(names).setOutputCol("features").transform(raw).repartition(3)
                .cache();
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static void assertSame(Selection expected, InfoSelectorModel model, String what) {
        assertArrayEquals(expected.features(), model.getSelectedFeatures(), what);
        assertArrayEquals(bits(expected.scores()), bits(model.getScores()), what);
        assertArrayEquals(bits(expected.relevance()), bits(model.getRelevances()), what);
        assertEquals(expected.names(), model.getSelectedNames(), what);
        assertEquals(expected.stopReason(), model.getStopReason(), what);
    }

    @Test
    void aVectorColumnSelectsAsSparkSelectionAndInProcess() {
        Shannon bits = Shannon.get().withUnit(InfoUnit.BITS);
        String[] criteria = {"jmi", "cmim", "betagamma"};
        Criterion[] expected = {Criterion.JMI, Criterion.CMIM, Criterion.betaGamma(0.5, 0.25)};
        for (int i = 0; i < criteria.length; i++) {
            InfoSelectorModel model = new InfoSelector().setFeaturesCol("features").setCriterion(criteria[i])
                    .setBeta(0.5).setGamma(0.25).setK(4).setUnit("bits").fit(data);
            Selection local = FeatureSelection.of(bits.context())
                    .select(DiscreteColumns.of(cols).withNames(List.of(names)), y, expected[i], 4);
            assertSame(local, model, criteria[i]);
            if (i == 0) {
                assertSame(SparkSelection.of(bits).select(data.selectExpr("*", "cast(label as int) as y"), "y",
                        List.of(names), Criterion.JMI, 4), model, "SparkSelection");
            }
        }
    }

    @Test
    void integralColumnsSelectAsInProcessOnEachBackend() {
        for (var info : Shannon.backends()) {
            if (!info.supported()) {
                continue;
            }
            Shannon sh = Shannon.get(info.name());
            InfoSelectorModel model = new InfoSelector().setInputCols(names).setCriterion("disr").setK(5)
                    .setBackend(info.name()).fit(data);
            Selection local = FeatureSelection.of(sh.context())
                    .select(DiscreteColumns.of(cols).withNames(List.of(names)), y, Criterion.DISR, 5);
            assertSame(local, model, info.name());
            assertEquals("nats", model.getUnit());
        }
    }

    @Test
    void theOutputIsTheSelectedValuesInSelectionOrder() {
        for (InfoSelector selector : List.of(new InfoSelector().setFeaturesCol("features"),
                new InfoSelector().setInputCols(names))) {
            InfoSelectorModel model = selector.setK(3).setOutputCol("picked").fit(data);
            int[] sel = model.getSelectedFeatures();
            for (Row row : model.transform(data).select("picked", names).collectAsList()) {
                Vector picked = row.getAs(0);
                double[] expected = new double[sel.length];
                for (int i = 0; i < sel.length; i++) {
                    expected[i] = row.getInt(1 + sel[i]);
                }
                assertArrayEquals(expected, picked.toArray());
            }
        }
    }

    @Test
    void aSavedModelAndPipelineLoadWithTheSameSelectionAndOutput(@TempDir Path dir) throws Exception {
        InfoSelector selector = new InfoSelector().setFeaturesCol("features").setCriterion("jmim").setK(4)
                .setUnit("bits");
        InfoSelectorModel model = selector.fit(data);
        model.write().save(dir.resolve("model").toString());
        InfoSelectorModel loaded = InfoSelectorModel.load(dir.resolve("model").toString());
        assertArrayEquals(model.getSelectedFeatures(), loaded.getSelectedFeatures());
        assertArrayEquals(bits(model.getScores()), bits(loaded.getScores()));
        assertArrayEquals(bits(model.getRelevances()), bits(loaded.getRelevances()));
        assertEquals(model.getSelectedNames(), loaded.getSelectedNames());
        assertEquals(model.getStopReason(), loaded.getStopReason());
        assertEquals(model.transform(data).select("selectedFeatures").collectAsList(),
                loaded.transform(data).select("selectedFeatures").collectAsList());
        selector.write().save(dir.resolve("selector").toString());
        InfoSelector again = InfoSelector.load(dir.resolve("selector").toString());
        assertEquals(selector.uid(), again.uid());
        assertEquals("jmim", again.getCriterion());
        assertEquals(4, again.getK());

        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(names).setOutputCol("assembled"),
            new InfoSelector().setFeaturesCol("assembled").setCriterion("cmim").setK(3)});
        Dataset<Row> raw = data.drop("features");
        PipelineModel fitted = pipeline.fit(raw);
        fitted.write().save(dir.resolve("pipeline").toString());
        PipelineModel reloaded = PipelineModel.load(dir.resolve("pipeline").toString());
        InfoSelectorModel stage = (InfoSelectorModel) reloaded.stages()[1];
        assertArrayEquals(((InfoSelectorModel) fitted.stages()[1]).getSelectedFeatures(), stage.getSelectedFeatures());
        assertEquals(fitted.transform(raw).select("selectedFeatures").collectAsList(),
                reloaded.transform(raw).select("selectedFeatures").collectAsList());
        pipeline.write().save(dir.resolve("unfitted").toString());
        PipelineStage[] stages = Pipeline.load(dir.resolve("unfitted").toString()).getStages();
        assertEquals("cmim", ((InfoSelector) stages[1]).getCriterion());
    }

    @Test
    void badParamsAreNamed() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setFeaturesCol("features").setInputCols("f0").fit(data));
        assertTrue(both.getMessage().contains("both"), both.getMessage());
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().fit(data));
        assertTrue(neither.getMessage().contains("neither"), neither.getMessage());
        IllegalArgumentException k0 = assertThrows(IllegalArgumentException.class, () -> new InfoSelector().setK(0));
        assertTrue(k0.getMessage().contains("k = 0"), k0.getMessage());
        InfoSelector ok = new InfoSelector().setInputCols(names);
        IllegalArgumentException k0map = assertThrows(IllegalArgumentException.class,
                () -> ok.fit(data, new ParamMap().put(ok.k().w(0))));
        assertTrue(k0map.getMessage().contains("k given invalid value 0"), k0map.getMessage());
        IllegalArgumentException kBig = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setInputCols(names).setK(FEATURES + 1).fit(data));
        assertTrue(kBig.getMessage().contains("k = " + (FEATURES + 1)), kBig.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setCriterion("condmi"));
        assertTrue(unknown.getMessage().contains("\"condmi\"") && unknown.getMessage().contains("jmi"),
                unknown.getMessage());
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setUnit("bans"));
        assertTrue(unit.getMessage().contains("\"bans\""), unit.getMessage());
        IllegalArgumentException notVector = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setFeaturesCol("f0").fit(data));
        assertTrue(notVector.getMessage().contains("\"f0\"") && notVector.getMessage().contains("int"),
                notVector.getMessage());
        IllegalArgumentException notIntegral = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setInputCols("f0", "label").setLabelCol("f1").fit(data));
        assertTrue(notIntegral.getMessage().contains("inputCols[1] = \"label\""), notIntegral.getMessage());

        IllegalArgumentException negCol = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setInputCols("f0").setK(1).fit(data.selectExpr("f0 - 1 as f0", "label")));
        assertTrue(negCol.getMessage().contains("'f0'") && negCol.getMessage().contains("-1"), negCol.getMessage());

        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("v", SQLDataTypes.VectorType(), true),
            DataTypes.createStructField("label", DataTypes.IntegerType, false)});
        Dataset<Row> fractional = SparkTests.session().createDataFrame(List.of(
                RowFactory.create(Vectors.dense(1, 0, 2), 0), RowFactory.create(Vectors.dense(0, 1, 1.5), 1)), schema);
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setFeaturesCol("v").setK(1).fit(fractional));
        assertTrue(half.getMessage().contains("\"v\"") && half.getMessage().contains("1.5")
                && half.getMessage().contains("index 2"), half.getMessage());
        Dataset<Row> negative = SparkTests.session().createDataFrame(List.of(
                RowFactory.create(Vectors.dense(1, 0, 2), 0), RowFactory.create(Vectors.sparse(3, new int[] {1},
                        new double[] {-1}), 1)), schema);
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setFeaturesCol("v").setK(1).fit(negative));
        assertTrue(neg.getMessage().contains("-1.0") && neg.getMessage().contains("index 1"), neg.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> new InfoSelector().setInputCols("f0").setK(1).fit(data.selectExpr("f0", "label / 2 as label")));
        assertTrue(label.getMessage().contains("\"label\"") && label.getMessage().contains("0.5"), label.getMessage());
    }
}
