package org.shannon4j.spark.examples;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table of integer codes with a known structure, generated inside Spark's tasks (the driver holds no rows):
 * a binary target {@code label} and columns {@code f0, f1, ...} of 10 levels, of three kinds, placed at
 * positions drawn from {@code seed}:
 * <ul>
 *   <li><b>informative</b> — with probability s (its strength) the column is 5·label + a uniform draw from 0..4,
 *       else uniform on 0..9; strengths are graded geometrically from 0.3 down to 0.003, so at a million rows the
 *       strong ones have a χ² p-value that underflows to 0 and the weakest are barely detectable;</li>
 *   <li><b>redundant</b> — a noisy copy of one of the strongest informative columns (the copy with probability
 *       0.8, else uniform), strong by itself but adding little once its source is selected;</li>
 *   <li><b>noise</b> — uniform on 0..9, independent of everything.</li>
 * </ul>
 * Each partition draws from its own stream (seeded by {@code seed} and its first row number), so the same
 * (rows, partitions, seed) give the same table.
 */
public final class SyntheticData implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The levels of every feature column. */
    public static final int LEVELS = 10;

    private static final int NOISE = 0;
    private static final int INFORMATIVE = 1;
    private static final int REDUNDANT = 2;

    /** The number of feature columns. */
    private final int features;
    /** The seed of the layout and of every partition's stream. */
    private final long seed;
    /** NOISE, INFORMATIVE or REDUNDANT, per column. */
    private final int[] kind;
    /** For an informative column its strength; for a redundant one the probability of copying. */
    private final double[] strength;
    /** For a redundant column the column it copies, else −1. */
    private final int[] source;
    /** The columns in generation order: informative first, so a copy reads its source's value of the row. */
    private final int[] order;

    private SyntheticData(int features, int informative, int redundant, long seed) {
        this.features = features;
        this.seed = seed;
        this.kind = new int[features];
        this.strength = new double[features];
        this.source = new int[features];
        int[] position = new int[features];
        for (int i = 0; i < features; i++) {
            position[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = features - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = position[i];
            position[i] = position[j];
            position[j] = t;
        }
        Arrays.fill(source, -1);
        for (int r = 0; r < informative; r++) {
            int c = position[r];
            kind[c] = INFORMATIVE;
            strength[c] = informative == 1 ? 0.3 : 0.3 * Math.pow(0.01, r / (double) (informative - 1));
        }
        for (int r = 0; r < redundant; r++) {
            int c = position[informative + r];
            kind[c] = REDUNDANT;
            strength[c] = 0.8;
            source[c] = position[r % Math.max(1, Math.min(informative, 5))];
        }
        this.order = new int[features];
        int n = 0;
        for (int want : new int[] {INFORMATIVE, REDUNDANT, NOISE}) {
            for (int c = 0; c < features; c++) {
                if (kind[c] == want) {
                    order[n++] = c;
                }
            }
        }
    }

    /**
     * The layout of a table.
     *
     * @param features the feature columns, ≥ 1
     * @param informative how many of them are informative, ≥ 1
     * @param redundant how many are noisy copies of the strongest informative ones
     * @param seed the seed of the layout and of the rows
     * @return the layout
     * @throws IllegalArgumentException if the counts do not fit
     */
    public static SyntheticData of(int features, int informative, int redundant, long seed) {
        if (features < 1) {
            throw new IllegalArgumentException("features = " + features + ": at least 1");
        }
        if (informative < 1 || redundant < 0 || informative + redundant > features) {
            throw new IllegalArgumentException("informative = " + informative + ", redundant = " + redundant
                    + ": need informative ≥ 1, redundant ≥ 0 and their sum ≤ features = " + features);
        }
        return new SyntheticData(features, informative, redundant, seed);
    }

    /**
     * The feature column names, f0 … f(features − 1).
     *
     * @return the names, in column order
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(features);
        for (int c = 0; c < features; c++) {
            names.add("f" + c);
        }
        return names;
    }

    /**
     * What column {@code c} is, e.g. "informative s=0.042", "copy of f17", "noise".
     *
     * @param c the column
     * @return its description
     */
    public String describe(int c) {
        return switch (kind[c]) {
            case INFORMATIVE -> String.format("informative s=%.3f", strength[c]);
            case REDUNDANT -> "copy of f" + source[c];
            default -> "noise";
        };
    }

    /**
     * Generates the rows in {@code partitions} tasks: int columns f0 … and {@code label} (0 or 1), not cached.
     *
     * @param spark the session
     * @param rows the rows, ≥ 1
     * @param partitions the partitions, ≥ 1
     * @return the rows
     */
    public Dataset<Row> generate(SparkSession spark, long rows, int partitions) {
        if (rows < 1 || partitions < 1) {
            throw new IllegalArgumentException("rows = " + rows + ", partitions = " + partitions
                    + ": both must be at least 1");
        }
        List<StructField> fields = new ArrayList<>();
        for (String name : names()) {
            fields.add(DataTypes.createStructField(name, DataTypes.IntegerType, false));
        }
        fields.add(DataTypes.createStructField("label", DataTypes.IntegerType, false));
        StructType schema = new StructType(fields.toArray(StructField[]::new));
        SyntheticData layout = this;
        MapPartitionsFunction<Long, Row> rowsOf = ids -> layout.rows(ids);
        return spark.range(0, rows, 1, partitions).mapPartitions(rowsOf, Encoders.row(schema));
    }

    private Iterator<Row> rows(Iterator<Long> ids) {
        return new Iterator<>() {
            private SplittableRandom rnd;
            private final int[] x = new int[features];

            @Override
            public boolean hasNext() {
                return ids.hasNext();
            }

            @Override
            public Row next() {
                long id = ids.next();
                if (rnd == null) {
                    rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
                }
                int y = rnd.nextInt(2);
                for (int c : order) {
                    x[c] = switch (kind[c]) {
                        case INFORMATIVE -> rnd.nextDouble() < strength[c] ? 5 * y + rnd.nextInt(5)
                                : rnd.nextInt(LEVELS);
                        case REDUNDANT -> rnd.nextDouble() < strength[c] ? x[source[c]] : rnd.nextInt(LEVELS);
                        default -> rnd.nextInt(LEVELS);
                    };
                }
                Object[] v = new Object[features + 1];
                for (int c = 0; c < features; c++) {
                    v[c] = x[c];
                }
                v[features] = y;
                return RowFactory.create(v);
            }
        };
    }
}
