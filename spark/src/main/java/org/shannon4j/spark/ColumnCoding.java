package org.shannon4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How the rows of a {@code Dataset} become the codes of a selection, decided in the driver by one aggregation
 * pass and one distinct pass: each feature column's level count is its largest code + 1 (the in-process
 * {@code DiscreteColumns.of(int[][])} rule), the target's classes are its distinct values in increasing order (the
 * in-process rule), so the tables, and every bit computed from them, are the in-process ones.
 */
final class ColumnCoding implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The largest number of target classes taken (the dense tables have levels² · classes cells). */
    static final int MAX_CLASSES = 1 << 16;

    private final String[] names;
    private final int[] levels;
    private final long[] classValues;
    /** Per column (features, then the target): 0 int, 1 short, 2 byte, 3 long. */
    private final byte[] kinds;

    private ColumnCoding(String[] names, int[] levels, long[] classValues, byte[] kinds) {
        this.names = names;
        this.levels = levels;
        this.classValues = classValues;
        this.kinds = kinds;
    }

    /**
     * Checks the columns' types, nulls and codes, and finds the levels and classes.
     *
     * @throws IllegalArgumentException naming the column for a missing column, a non-integral type, a null cell,
     *                                  a negative code or one of 2³¹ − 1 or more, an empty dataset, a target of
     *                                  fewer than two or more than {@link #MAX_CLASSES} values
     */
    static ColumnCoding of(Dataset<Row> data, String target, List<String> features) {
        Objects.requireNonNull(data, "data must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(features, "features must not be null");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("features is empty: name at least one feature column");
        }
        StructType schema = data.schema();
        List<String> all = new ArrayList<>(features);
        all.add(target);
        byte[] kinds = new byte[all.size()];
        for (int c = 0; c < all.size(); c++) {
            String name = all.get(c);
            Objects.requireNonNull(name, "features[" + c + "] must not be null");
            if (c < features.size() && name.equals(target)) {
                throw new IllegalArgumentException("features[" + c + "] = \"" + name + "\" is the target column");
            }
            if (all.indexOf(name) != c) {
                throw new IllegalArgumentException("column \"" + name + "\" is named twice in features");
            }
            StructField field = Arrays.stream(schema.fields()).filter(fl -> fl.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no column \"" + name + "\" in the dataset "
                            + "(its columns: " + String.join(", ", schema.fieldNames()) + ")"));
            kinds[c] = kind(name, field.dataType());
        }
        List<Column> aggs = new ArrayList<>();
        aggs.add(count(lit(1)));
        for (String name : all) {
            aggs.add(count(col(name)));
            aggs.add(min(col(name)));
            aggs.add(max(col(name)));
        }
        Row stats = data.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        long rows = stats.getLong(0);
        if (rows == 0) {
            throw new IllegalArgumentException("the dataset has no rows");
        }
        int f = features.size();
        int[] levels = new int[f];
        for (int c = 0; c <= f; c++) {
            String name = all.get(c);
            long nonNull = stats.getLong(1 + 3 * c);
            if (nonNull != rows) {
                throw new IllegalArgumentException("column \"" + name + "\" has " + (rows - nonNull) + " null cells "
                        + "of " + rows + ": drop or code the missing values first");
            }
            if (c == f) {
                break;
            }
            long lo = ((Number) stats.get(2 + 3 * c)).longValue();
            long hi = ((Number) stats.get(3 + 3 * c)).longValue();
            if (lo < 0) {
                throw new IllegalArgumentException("column \"" + name + "\" holds " + lo + ": codes must be >= 0");
            }
            if (hi >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException("column \"" + name + "\" holds " + hi + ": codes must be < "
                        + Integer.MAX_VALUE);
            }
            levels[c] = (int) hi + 1;
        }
        List<Row> distinct = data.select(col(target)).distinct().limit(MAX_CLASSES + 1).collectAsList();
        if (distinct.size() > MAX_CLASSES) {
            throw new IllegalArgumentException("target \"" + target + "\" has more than " + MAX_CLASSES + " distinct "
                    + "values");
        }
        long[] classValues = new long[distinct.size()];
        for (int i = 0; i < classValues.length; i++) {
            classValues[i] = ((Number) distinct.get(i).get(0)).longValue();
        }
        Arrays.sort(classValues);
        if (classValues.length < 2) {
            throw new IllegalArgumentException("target \"" + target + "\" is constant (every row is "
                    + classValues[0] + "): I(X;Y) = 0 for every feature, so there is nothing to select");
        }
        return new ColumnCoding(all.toArray(String[]::new), levels, classValues, kinds);
    }

    private static byte kind(String name, DataType type) {
        if (type instanceof IntegerType) {
            return 0;
        }
        if (type instanceof ShortType) {
            return 1;
        }
        if (type instanceof ByteType) {
            return 2;
        }
        if (type instanceof LongType) {
            return 3;
        }
        throw new IllegalArgumentException("column \"" + name + "\" is of type " + type.simpleString()
                + ": integer codes (int, short, byte or long) are needed; discretise it first");
    }

    /** The column names, features then the target. */
    String[] columns() {
        return names.clone();
    }

    int features() {
        return levels.length;
    }

    int[] levels() {
        return levels;
    }

    int classCount() {
        return classValues.length;
    }

    /** Bytes a code needs: 1 when every feature has at most 256 levels, 2 up to 65,536, else 4. */
    int codeWidth() {
        int max = Arrays.stream(levels).max().orElse(1);
        return max <= 256 ? 1 : max <= 1 << 16 ? 2 : 4;
    }

    /** Column c's code in row (checked against the levels the driver found). */
    int code(Row row, int c) {
        long v = value(row, c);
        if (v < 0 || v >= levels[c]) {
            throw new IllegalStateException("column \"" + names[c] + "\" holds " + v + ", outside the [0, "
                    + levels[c] + ") found before the pass: did the data change between passes?");
        }
        return (int) v;
    }

    /** The target's class index in row. */
    int classOf(Row row, int c) {
        long v = value(row, c);
        int k = Arrays.binarySearch(classValues, v);
        if (k < 0) {
            throw new IllegalStateException("target \"" + names[c] + "\" holds " + v + ", not among the values "
                    + "found before the pass: did the data change between passes?");
        }
        return k;
    }

    private long value(Row row, int c) {
        if (row.isNullAt(c)) {
            throw new IllegalStateException("column \"" + names[c] + "\" has a null cell, not found before the "
                    + "pass: did the data change between passes?");
        }
        return switch (kinds[c]) {
            case 0 -> row.getInt(c);
            case 1 -> row.getShort(c);
            case 2 -> row.getByte(c);
            default -> row.getLong(c);
        };
    }
}
