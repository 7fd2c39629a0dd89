package org.shannon4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shannon4j.Shannon;
import org.shannon4j.counts.LabelCounts;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.IndependenceTest;
import org.shannon4j.dependence.NmiAverage;

class SparkCountsTest {

    private static final int N = 20_000;
    /** Feature columns of every Spark integer type, arbitrary (negative, huge, sparse) labels, one wide column. */
    private static final String[] FEATURES = {"a", "s", "b", "l", "w"};
    private static final int[] Y = new int[N];
    private static final int[][] X = new int[FEATURES.length][N];
    private static final int[] G = new int[N];
    private static final Dataset<Row> DATA;

    static {
        Random rnd = new Random(20240618L);
        int[] sparse = {-2_000_000_000, 7, 123_456_789, Integer.MAX_VALUE};
        List<Row> rows = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            Y[i] = rnd.nextInt(3) - 1;
            X[0][i] = rnd.nextInt(4) == 0 ? rnd.nextInt(10) : Y[i] + 5;
            X[1][i] = rnd.nextInt(7) - 3;
            X[2][i] = rnd.nextInt(5) + (Y[i] > 0 ? 1 : 0);
            X[3][i] = sparse[rnd.nextInt(sparse.length)];
            X[4][i] = rnd.nextInt(3000) * 7 + Y[i];
            G[i] = i % 3;
            rows.add(RowFactory.create(Y[i], X[0][i], (short) X[1][i], (byte) X[2][i], (long) X[3][i], X[4][i],
                    G[i], i * 0.5, i == N - 17 ? null : i % 4, i == 12_345 ? 1L << 40 : (long) i));
        }
        StructType schema = new StructType()
                .add("y", DataTypes.IntegerType, false)
                .add("a", DataTypes.IntegerType, false)
                .add("s", DataTypes.ShortType, false)
                .add("b", DataTypes.ByteType, false)
                .add("l", DataTypes.LongType, false)
                .add("w", DataTypes.IntegerType, false)
                .add("g", DataTypes.IntegerType, false)
                .add("d", DataTypes.DoubleType, false)
                .add("n", DataTypes.IntegerType, true)
                .add("big", DataTypes.LongType, false);
        DATA = SparkTests.session().createDataFrame(rows, schema);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(SparkCounts.Path.values()).flatMap(path -> IntStream.of(1, 2, 7).boxed()
                .flatMap(p -> Stream.of("scalar", "simd").map(b -> Arguments.of(path, p, b))));
    }

    @ParameterizedTest(name = "{0}, {1} partitions, {2}")
    @MethodSource("layouts")
    void targetTablesEqualInProcessTables(SparkCounts.Path path, int partitions, String backend) {
        Dependence dep = Shannon.get(backend).dependence();
        TargetCounts t = SparkCounts.of(DATA.repartition(partitions)).path(path).backend(backend)
                .countTarget("y", FEATURES);
        assertEquals(List.of(FEATURES), List.copyOf(t.asMap().keySet()));
        for (int c = 0; c < FEATURES.length; c++) {
            assertEquals(dep.countPairs(X[c], Y), t.counts(FEATURES[c]), FEATURES[c]);
        }
        assertEquals(dep.countLabels(Y), t.targetCounts());
    }

    /** Empty partitions, and partitions holding one target value each, count the same tables. */
    @ParameterizedTest
    @EnumSource(SparkCounts.Path.class)
    void emptyAndOneClassPartitions(SparkCounts.Path path) {
        Dataset<Row> byTarget = DATA.repartitionByRange(12, functions.col("y"));
        TargetCounts t = SparkCounts.of(byTarget).path(path).countTarget("y", FEATURES);
        Dependence dep = Shannon.get().dependence();
        for (int c = 0; c < FEATURES.length; c++) {
            assertEquals(dep.countPairs(X[c], Y), t.counts(FEATURES[c]), FEATURES[c]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void measuresAreBitIdenticalToInProcess(String backend) {
        Dependence dep = Shannon.get(backend).dependence();
        for (SparkCounts.Path path : SparkCounts.Path.values()) {
            List<PairMeasures> measures = SparkCounts.of(DATA.repartition(7)).path(path)
                    .countTarget("y", FEATURES).measures(dep, NmiAverage.ARITHMETIC);
            for (int c = 0; c < FEATURES.length; c++) {
                PairMeasures m = measures.get(c);
                String what = backend + " " + path + " " + FEATURES[c];
                assertEquals(FEATURES[c], m.x(), what);
                assertEquals("y", m.y(), what);
                assertBits(dep.labelEntropy(X[c]), m.entropyX(), what + " H(X)");
                assertBits(dep.labelEntropy(Y), m.entropyY(), what + " H(Y)");
                assertBits(dep.mutualInformation(X[c], Y), m.mutualInformation(), what + " MI");
                assertBits(dep.normalizedMutualInformation(X[c], Y, NmiAverage.ARITHMETIC), m.nmi(), what + " NMI");
                assertBits(dep.adjustedMutualInformation(X[c], Y, NmiAverage.ARITHMETIC), m.ami(), what + " AMI");
                IndependenceTest g = dep.independenceTest(X[c], Y);
                assertBits(g.statistic(), m.gTest().statistic(), what + " G");
                assertBits(g.degreesOfFreedom(), m.gTest().degreesOfFreedom(), what + " dof");
                assertBits(g.pValue(), m.gTest().pValue(), what + " p");
                assertBits(g.logPValue(), m.gTest().logPValue(), what + " ln p");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SparkCounts.Path.class)
    void pairsAndLabelsInOnePass(SparkCounts.Path path) {
        Dependence dep = Shannon.get("scalar").dependence();
        CountTables t = SparkCounts.of(DATA.repartition(2)).path(path).count(List.of("w", "y"),
                List.of(new ColumnPair("a", "s"), new ColumnPair("s", "a"), new ColumnPair("l", "w")));
        assertEquals(dep.countLabels(X[4]), t.labels("w"));
        assertEquals(dep.countLabels(Y), t.labels("y"));
        assertEquals(dep.countPairs(X[0], X[1]), t.pair("a", "s"));
        assertEquals(dep.countPairs(X[1], X[0]), t.pair("s", "a"));
        assertEquals(dep.countPairs(X[3], X[4]), t.pair("l", "w"));
        PairMeasures m = t.measures(dep, NmiAverage.MAX).get(2);
        assertBits(dep.mutualInformation(X[3], X[4]), m.mutualInformation(), "MI(l, w)");
        assertEquals(dep.countLabels(X[2]), SparkCounts.of(DATA).path(path).countLabels("b").labels("b"));
    }

    /** A file source (Parquet: nullable columns, a scan of column batches) counts the same tables. */
    @Test
    void columnarSourceGivesTheSameTables(@TempDir Path dir) {
        String file = dir.resolve("data.parquet").toString();
        DATA.repartition(3).write().parquet(file);
        Dataset<Row> parquet = SparkTests.session().read().parquet(file);
        TargetCounts t = SparkCounts.withTarget(parquet, "y", FEATURES);
        Dependence dep = Shannon.get("scalar").dependence();
        for (int c = 0; c < FEATURES.length; c++) {
            assertEquals(dep.countPairs(X[c], Y), t.counts(FEATURES[c]), FEATURES[c]);
        }
        assertMessage("column 'n' is null at row", () -> SparkCounts.withTarget(parquet, "y", "n"));
        assertMessage("column 'big' has value " + (1L << 40), () -> SparkCounts.withTarget(parquet, "y", "big"));
    }

    /**
     * A cached dataset and a Parquet file are read as column batches, a computed one as rows; all three count the
     * in-process tables.
     */
    @Test
    void columnBatchesAndRowsCountTheSame(@TempDir Path dir) {
        Dataset<Row> cached = DATA.repartition(3).cache();
        String file = dir.resolve("batches.parquet").toString();
        DATA.repartition(2).write().parquet(file);
        Dataset<Row> parquet = SparkTests.session().read().parquet(file);
        Dataset<Row> computed = DATA.repartition(2);
        String[] counted = {FEATURES[0], FEATURES[1], "y"};
        try {
            assertTrue(SparkCounts.columnarScan(cached.select(counted[0], counted[1], counted[2]), counted) != null,
                    "a cached dataset is scanned as column batches");
            assertTrue(SparkCounts.columnarScan(parquet.select(counted[0], counted[1], counted[2]), counted) != null,
                    "a Parquet file is scanned as column batches");
            assertTrue(SparkCounts.columnarScan(computed.select(counted[0], counted[1], counted[2]), counted) == null,
                    "a shuffled dataset is read as rows");
            Dependence dep = Shannon.get().dependence();
            for (Dataset<Row> ds : List.of(cached, parquet, computed)) {
                TargetCounts t = SparkCounts.of(ds).path(SparkCounts.Path.TREE_AGGREGATE).countTarget("y", FEATURES);
                for (int c = 0; c < FEATURES.length; c++) {
                    assertEquals(dep.countPairs(X[c], Y), t.counts(FEATURES[c]), FEATURES[c]);
                }
            }
            assertMessage("column 'n' is null at row", () -> SparkCounts.withTarget(cached, "y", "n"));
            assertMessage("column 'big' has value " + (1L << 40), () -> SparkCounts.withTarget(cached, "y", "big"));
        } finally {
            cached.unpersist();
        }
    }

    @Test
    void aggregatorPerGroup() {
        CountsAggregator agg = SparkCounts.of(DATA).targetAggregator("y", "a", "w");
        List<Row> rows = DATA.repartition(3).groupBy("g").agg(agg.column().as("counts")).collectAsList();
        assertEquals(3, rows.size());
        for (Row r : rows) {
            int g = r.getInt(0);
            int[] keep = IntStream.range(0, N).filter(i -> G[i] == g).toArray();
            CountTables t = agg.decode(r.getAs("counts"));
            assertEquals(PairCounts.of(pick(X[0], keep), pick(Y, keep)), t.pair("a", "y"), "group " + g);
            assertEquals(PairCounts.of(pick(X[4], keep), pick(Y, keep)), t.pair("w", "y"), "group " + g);
        }
    }

    @ParameterizedTest
    @EnumSource(SparkCounts.Path.class)
    void badCellsNameColumnAndValue(SparkCounts.Path path) {
        SparkCounts counts = SparkCounts.of(DATA.repartition(2)).path(path);
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> counts.countTarget("y", "a", "n"));
        assertTrue(nul.getMessage().contains("column 'n' is null at row"), nul.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> counts.countTarget("y", "big"));
        assertTrue(big.getMessage().contains("column 'big' has value " + (1L << 40)), big.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> SparkCounts.of(DATA.filter(functions.col("a").lt(-100))).path(path).countTarget("y", "a"));
        assertTrue(empty.getMessage().contains("no rows"), empty.getMessage());
    }

    @Test
    void badRequestsFailInTheDriver() {
        SparkCounts counts = SparkCounts.of(DATA);
        assertMessage("column 'd' has type double", () -> counts.countTarget("y", "a", "d"));
        assertMessage("column 'nope' is not in the dataset", () -> counts.countTarget("y", "nope"));
        assertMessage("column 'nope' is not in the dataset", () -> counts.countTarget("nope", "a"));
        assertMessage("columns[1] is the target 'y'", () -> counts.countTarget("y", "a", "y"));
        assertMessage("columns[1] = a is repeated", () -> counts.countLabels("a", "a"));
        assertMessage("no column given", () -> counts.countTarget("y"));
        assertMessage("nothing to count", () -> counts.count(List.of(), List.of()));
        assertMessage("ds must not be null", () -> SparkCounts.of(null));
        TargetCounts t = SparkCounts.withTarget(DATA, "y", "a");
        assertMessage("column 'b' was not counted against 'y'", () -> t.counts("b"));
    }

    @Test
    void bufferBytesRoundTrip() {
        CountingPlan plan = CountingPlan.of(DATA.schema(), List.of("y"), List.of(new ColumnPair("a", "y")), null);
        CountsBuffer b = CountsBuffer.fromBytes(new CountsBuffer(plan).merge(CountsBuffer.fromBytes(
                new CountsAggregator(plan, DATA.schema(), List.of("y"), List.of(new ColumnPair("a", "y")))
                        .zero().toBytes())).toBytes());
        assertEquals(new LabelCounts(), b.tables().labels()[0]);
        assertEquals(new PairCounts(), b.tables().pairs()[0]);
        byte[] cut = Arrays.copyOf(b.toBytes(), 9);
        assertMessage("truncated counts buffer", () -> CountsBuffer.fromBytes(cut));
    }

    private static int[] pick(int[] a, int[] keep) {
        return Arrays.stream(keep).map(i -> a[i]).toArray();
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": " + expected + " vs " + actual);
    }
}
