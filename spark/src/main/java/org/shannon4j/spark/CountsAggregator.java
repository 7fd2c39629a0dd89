package org.shannon4j.spark;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * A typed Spark {@link Aggregator} that counts many tables in one pass: its buffer holds the
 * {@link org.shannon4j.counts.LabelCounts} and {@link org.shannon4j.counts.PairCounts} of a
 * {@link SparkCounts} request, filled per task (rows staged in int arrays, counted a batch at a time by the
 * backend's kernels) and merged exactly. Its output is the merged tables' bytes (a {@code binary} column), read
 * back with {@link #decode(byte[])}; so it works wherever Spark takes an aggregate, e.g. per group:
 *
 * <pre>{@code
 * CountsAggregator agg = SparkCounts.of(ds).targetAggregator("y", "a", "b");
 * for (Row r : ds.groupBy("country").agg(agg.column().as("counts")).collectAsList()) {
 *     CountTables t = agg.decode(r.getAs("counts"));   // t.pair("a", "y"): the table of that group
 * }
 * }</pre>
 *
 * <p>Where it runs: {@code reduce} and {@code merge} in the executors' tasks (the partial buffers cross the shuffle
 * as their tables' bytes, through the Kryo buffer encoder), {@code finish} where the final aggregate runs,
 * {@link #decode(byte[])} in the driver. Cells are read through Spark's {@code Row}; the treeAggregate path of
 * {@link SparkCounts} reads Spark's internal rows and is faster where no grouping is needed.
 */
public final class CountsAggregator extends Aggregator<Row, CountsBuffer, byte[]> {

    private static final long serialVersionUID = 1L;

    /** What to read and count. */
    private final CountingPlan plan;
    /** The schema of the rows the aggregator takes. */
    private final StructType input;
    /** The columns counted alone, in request order. */
    private final List<String> labelColumns;
    /** The column pairs counted jointly, in request order. */
    private final List<ColumnPair> pairColumns;

    CountsAggregator(CountingPlan plan, StructType input, List<String> labelColumns, List<ColumnPair> pairColumns) {
        this.plan = plan;
        this.input = input;
        this.labelColumns = List.copyOf(labelColumns);
        this.pairColumns = List.copyOf(pairColumns);
    }

    /**
     * The aggregate over the dataset's columns, for {@code ds.agg(...)}, {@code ds.select(...)} or
     * {@code ds.groupBy(...).agg(...)}; its value is the tables' bytes for {@link #decode(byte[])}.
     *
     * @return the aggregate column
     */
    public Column column() {
        Column[] cols = new Column[plan.columns.length];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = SparkCounts.quoted(plan.columns[i]);
        }
        return functions.udaf(this, Encoders.row(input)).apply(cols);
    }

    /**
     * The tables of an aggregate value (in the driver).
     *
     * @param bytes a value of {@link #column()}
     * @return the tables, keyed as requested
     * @throws IllegalArgumentException if the bytes are not such a value
     */
    public CountTables decode(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
        return new CountTables(labelColumns, pairColumns, CountsBuffer.fromBytes(bytes).tables());
    }

    CountingPlan plan() {
        return plan;
    }

    @Override
    public CountsBuffer zero() {
        return new CountsBuffer(plan);
    }

    @Override
    public CountsBuffer reduce(CountsBuffer buffer, Row row) {
        buffer.add(row);
        return buffer;
    }

    @Override
    public CountsBuffer merge(CountsBuffer b1, CountsBuffer b2) {
        return b1.merge(b2);
    }

    @Override
    public byte[] finish(CountsBuffer buffer) {
        return buffer.toBytes();
    }

    @Override
    public Encoder<CountsBuffer> bufferEncoder() {
        return Encoders.kryo(CountsBuffer.class);
    }

    @Override
    public Encoder<byte[]> outputEncoder() {
        return Encoders.BINARY();
    }
}
