package org.shannon4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.shannon4j.Shannon;

/**
 * What one counting pass reads and builds, shipped to every task: the distinct input columns (in the order of the
 * projection {@code ds.select(columns)}), their integer type, and the tables requested over them (one-column
 * label tables and two-column pair tables, by column position). Validated in the driver against the schema, so a
 * wrong name or type fails before any job runs; the values are checked per cell in the tasks.
 */
final class CountingPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int INT = 0;
    static final int SHORT = 1;
    static final int BYTE = 2;
    static final int LONG = 3;

    /** Most staged ints per buffer (1 MB): a batch is counted while it is still in cache. */
    private static final int STAGING_INTS = 1 << 18;

    final String[] columns;
    final int[] types;
    final int[] labelColumn;
    final int[] pairX;
    final int[] pairY;
    /** The backend that counts inside the tasks (null: the best one); counting is exact, so only speed depends on it. */
    final String backend;
    /** Rows staged per batch before the columns are counted. */
    final int batchRows;

    private CountingPlan(String[] columns, int[] types, int[] labelColumn, int[] pairX, int[] pairY, String backend) {
        this.columns = columns;
        this.types = types;
        this.labelColumn = labelColumn;
        this.pairX = pairX;
        this.pairY = pairY;
        this.backend = backend;
        this.batchRows = Math.max(1024, Math.min(1 << 16, STAGING_INTS / Math.max(1, columns.length)));
    }

    /** The handle of {@link #backend} inside a task (Shannon.get() when none is named). */
    Shannon handle() {
        return backend == null ? Shannon.get() : Shannon.get(backend);
    }

    /**
     * A plan for the given tables over {@code schema}.
     *
     * @param labels the columns that get a one-column table
     * @param pairs  the (x, y) column pairs that get a pair table
     */
    static CountingPlan of(StructType schema, List<String> labels, List<ColumnPair> pairs, String backend) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Integer> types = new ArrayList<>();
        int[] labelColumn = new int[labels.size()];
        for (int i = 0; i < labelColumn.length; i++) {
            labelColumn[i] = column(schema, labels.get(i), index, types);
        }
        int[] pairX = new int[pairs.size()];
        int[] pairY = new int[pairs.size()];
        for (int i = 0; i < pairX.length; i++) {
            pairX[i] = column(schema, pairs.get(i).x(), index, types);
            pairY[i] = column(schema, pairs.get(i).y(), index, types);
        }
        return new CountingPlan(index.keySet().toArray(new String[0]),
                types.stream().mapToInt(Integer::intValue).toArray(), labelColumn, pairX, pairY, backend);
    }

    private static int column(StructType schema, String name, Map<String, Integer> index, List<Integer> types) {
        if (name == null) {
            throw new IllegalArgumentException("column name must not be null");
        }
        Integer known = index.get(name);
        if (known != null) {
            return known;
        }
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("column '" + name + "' is not in the dataset; its columns are "
                    + Arrays.toString(schema.fieldNames()));
        }
        StructField field = schema.apply(name);
        types.add(typeCode(name, field.dataType()));
        index.put(name, index.size());
        return index.size() - 1;
    }

    private static int typeCode(String name, DataType type) {
        if (type.equals(DataTypes.IntegerType)) {
            return INT;
        }
        if (type.equals(DataTypes.ShortType)) {
            return SHORT;
        }
        if (type.equals(DataTypes.ByteType)) {
            return BYTE;
        }
        if (type.equals(DataTypes.LongType)) {
            return LONG;
        }
        throw new IllegalArgumentException("column '" + name + "' has type " + type.simpleString()
                + "; the counts need integer codes (int, smallint, tinyint, or bigint within the int range)");
    }

    /** The cell (row, column) of an internal row as an int label; row and partition name the cell in an error. */
    int read(InternalRow row, int column, long rowInPartition, int partition) {
        if (row.isNullAt(column)) {
            throw nullCell(column, rowInPartition, partition);
        }
        return switch (types[column]) {
            case INT -> row.getInt(column);
            case SHORT -> row.getShort(column);
            case BYTE -> row.getByte(column);
            default -> checkedInt(row.getLong(column), column, rowInPartition, partition);
        };
    }

    /**
     * Copies {@code count} cells of a column batch's column {@code column}, from row {@code from}, into
     * {@code out[at..]}; {@code firstRow} is the partition row of {@code from}, to name a bad cell.
     */
    void read(ColumnVector v, int column, int from, int count, int[] out, int at, long firstRow, int partition) {
        if (v.hasNull()) {
            for (int i = 0; i < count; i++) {
                if (v.isNullAt(from + i)) {
                    throw nullCell(column, firstRow + i, partition);
                }
            }
        }
        switch (types[column]) {
            case INT -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = v.getInt(from + i);
                }
            }
            case SHORT -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = v.getShort(from + i);
                }
            }
            case BYTE -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = v.getByte(from + i);
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    out[at + i] = checkedInt(v.getLong(from + i), column, firstRow + i, partition);
                }
            }
        }
    }

    /** As {@link #read(InternalRow, int, long, int)} for an external row. */
    int read(Row row, int column, long rowInPartition, int partition) {
        if (row.isNullAt(column)) {
            throw nullCell(column, rowInPartition, partition);
        }
        return switch (types[column]) {
            case INT -> row.getInt(column);
            case SHORT -> row.getShort(column);
            case BYTE -> row.getByte(column);
            default -> checkedInt(row.getLong(column), column, rowInPartition, partition);
        };
    }

    private int checkedInt(long value, int column, long rowInPartition, int partition) {
        if (value != (int) value) {
            throw new IllegalArgumentException("column '" + columns[column] + "' has value " + value
                    + " at row " + rowInPartition + " of partition " + partition
                    + ", outside the int range of a label");
        }
        return (int) value;
    }

    private IllegalArgumentException nullCell(int column, long rowInPartition, int partition) {
        return new IllegalArgumentException("column '" + columns[column] + "' is null at row " + rowInPartition
                + " of partition " + partition + "; the counts need a label in every cell (drop or fill nulls first)");
    }
}
