package org.shannon4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.sql.functions;

/**
 * Count tables of a {@code Dataset<Row>} of integer-coded columns, built per partition and merged exactly: the
 * distributed counterpart of {@code PairCounts.of} / {@code LabelCounts.of}, and the entry of this module's counts.
 *
 * <pre>{@code
 * TargetCounts t = SparkCounts.withTarget(ds, "label", "f0", "f1", "f2");      // one pass for all columns
 * for (PairMeasures m : t.measures(Shannon.get().dependence(), NmiAverage.ARITHMETIC)) {
 *     System.out.println(m.x() + ": MI " + m.mutualInformation() + ", ln p " + m.gTest().logPValue());
 * }
 * }</pre>
 *
 * <h2>Input</h2>
 * Columns of Spark type {@code int}, {@code smallint}, {@code tinyint}, or {@code bigint} whose values fit an int;
 * the values are the labels (any ints, as in {@code org.shannon4j.counts}: not necessarily dense codes). A missing
 * column name or another type fails in the driver, before any job; a null cell or a {@code bigint} outside the int
 * range fails the job, rethrown here as an {@link IllegalArgumentException} naming the column, the value or the
 * row (row within the rows counted in that partition) and the partition. A dataset with no rows is an
 * {@link IllegalArgumentException} (a measure of nothing has no value).
 *
 * <h2>What runs where</h2>
 * <ul>
 *   <li>In the executors' tasks: each task reads its partition's rows, stages the requested columns in int arrays
 *       (at most 2²² ints, 16 MB, per task) and counts each batch per table through the backend's counting kernels
 *       ({@code Dependence.countPairs}/{@code countLabels}: a dense table when the label range is small, dense
 *       codes when wide), combining the batch tables into the task's tables; partial tables are then merged
 *       ({@code combine}) in the tasks of the tree ({@link Path#TREE_AGGREGATE}) or of the final aggregation
 *       ({@link Path#AGGREGATOR}), crossing the network as their {@code toBytes} form.</li>
 *   <li>In the driver: the schema check, the final merge, and every measure ({@link TargetCounts#measures},
 *       {@link CountTables#measures}): with the same {@code Dependence} calls as in process, so the same bits
 *       on the same backend and unit.</li>
 * </ul>
 * Counting is exact whichever backend counts in the tasks ({@link #backend(String)}; by default the best one
 * the executor JVM supports); the backend only decides the measures' bits in the driver, through the
 * {@code Dependence} passed to {@code measures}.
 *
 * <p>Instances are immutable; each {@code count*}/{@code withTarget} call runs one Spark job.
 */
public final class SparkCounts {

    /** How the per-partition tables are built and merged. */
    public enum Path {
        /**
         * A typed {@link CountsAggregator} ({@code ds.agg}): Spark's object aggregation, rows read as {@code Row}s;
         * the same aggregator also runs per group ({@link #aggregator}).
         */
        AGGREGATOR,
        /**
         * {@code mapPartitions} over the dataset's internal rows (no conversion to {@code Row}), one partial buffer
         * per partition, merged by {@code treeAggregate}. The default: the faster of the two.
         */
        TREE_AGGREGATE
    }

    private final Dataset<Row> ds;
    private final Path path;
    private final String backend;

    private SparkCounts(Dataset<Row> ds, Path path, String backend) {
        this.ds = ds;
        this.path = path;
        this.backend = backend;
    }

    /**
     * Counts over {@code ds}, by the default path, counted in the tasks with the best backend.
     *
     * @param ds the data: integer-coded columns (others are ignored unless requested)
     * @return the entry for this dataset
     * @throws IllegalArgumentException if ds is null
     */
    public static SparkCounts of(Dataset<Row> ds) {
        if (ds == null) {
            throw new IllegalArgumentException("ds must not be null");
        }
        return new SparkCounts(ds, Path.TREE_AGGREGATE, null);
    }

    /**
     * The joint tables of every column against the target, in one pass: {@code of(ds).countTarget(target, columns)}.
     *
     * @param ds      the data
     * @param target  the target column (Y of every table)
     * @param columns the feature columns (X of their table), at least one, distinct, none the target
     * @return column → PairCounts(column, target)
     * @throws IllegalArgumentException for a bad name, type, cell or an empty dataset (see the class description)
     */
    public static TargetCounts withTarget(Dataset<Row> ds, String target, String... columns) {
        return of(ds).countTarget(target, columns);
    }

    /**
     * The same counts by another path.
     *
     * @param path how the tables are built and merged
     * @return a new entry
     */
    public SparkCounts path(Path path) {
        return new SparkCounts(ds, Objects.requireNonNull(path, "path must not be null"), backend);
    }

    /**
     * The same counts, counted in the tasks with a named backend ({@code Shannon.get(name)}), e.g. "scalar";
     * the tables are the same with every backend.
     *
     * @param name a backend name, or null for the best one
     * @return a new entry
     */
    public SparkCounts backend(String name) {
        return new SparkCounts(ds, path, name);
    }

    /**
     * The joint tables of every column against the target, in one pass.
     *
     * @param target  the target column (Y of every table)
     * @param columns the feature columns (X of their table), at least one, distinct, none the target
     * @return column → PairCounts(column, target)
     * @throws IllegalArgumentException for a bad name, type, cell or an empty dataset (see the class description)
     */
    public TargetCounts countTarget(String target, String... columns) {
        List<ColumnPair> pairs = targetPairs(target, columns);
        return new TargetCounts(target, Arrays.asList(columns), count(List.of(), pairs));
    }

    /**
     * The joint tables of the given column pairs, in one pass.
     *
     * @param pairs the (x, y) pairs, at least one, distinct
     * @return the tables, {@link CountTables#pair(String, String)}
     * @throws IllegalArgumentException for a bad name, type, cell or an empty dataset
     */
    public CountTables countPairs(ColumnPair... pairs) {
        return count(List.of(), Arrays.asList(Objects.requireNonNull(pairs, "pairs must not be null")));
    }

    /**
     * The label tables of the given columns, in one pass.
     *
     * @param columns the columns, at least one, distinct
     * @return the tables, {@link CountTables#labels(String)}
     * @throws IllegalArgumentException for a bad name, type, cell or an empty dataset
     */
    public CountTables countLabels(String... columns) {
        return count(Arrays.asList(Objects.requireNonNull(columns, "columns must not be null")), List.of());
    }

    /**
     * Label tables and pair tables together, in one pass.
     *
     * @param labels the columns counted alone (distinct)
     * @param pairs  the column pairs counted jointly (distinct); at least one table in all
     * @return the tables
     * @throws IllegalArgumentException for a bad name, type, cell or an empty dataset
     */
    public CountTables count(List<String> labels, List<ColumnPair> pairs) {
        CountsAggregator agg = aggregator(labels, pairs);
        CountingPlan plan = agg.plan();
        Dataset<Row> projected = ds.select(columns(plan.columns));
        CountsBuffer merged = rethrowingBadInput(() -> path == Path.AGGREGATOR
                ? CountsBuffer.fromBytes(projected.agg(agg.column()).first().getAs(0))
                : treeAggregate(projected, plan));
        CountsBuffer.Tables tables = merged.tables();
        long n = tables.labels().length > 0 ? tables.labels()[0].total() : tables.pairs()[0].total();
        if (n == 0) {
            throw new IllegalArgumentException("the dataset has no rows: no table to measure");
        }
        return new CountTables(labels, pairs, tables);
    }

    /**
     * The aggregator of a counting request, to run it yourself (per group, in a larger {@code agg}); see
     * {@link CountsAggregator}.
     *
     * @param labels the columns counted alone (distinct)
     * @param pairs  the column pairs counted jointly (distinct); at least one table in all
     * @return the aggregator over this dataset's schema
     * @throws IllegalArgumentException for a bad or repeated name or a non-integer column type
     */
    public CountsAggregator aggregator(List<String> labels, List<ColumnPair> pairs) {
        Objects.requireNonNull(labels, "labels must not be null");
        Objects.requireNonNull(pairs, "pairs must not be null");
        if (labels.isEmpty() && pairs.isEmpty()) {
            throw new IllegalArgumentException("nothing to count: no column and no column pair given");
        }
        distinct("columns", labels);
        distinct("pairs", pairs);
        CountingPlan plan = CountingPlan.of(ds.schema(), labels, pairs, backend);
        return new CountsAggregator(plan, ds.select(columns(plan.columns)).schema(), labels, pairs);
    }

    /**
     * The aggregator of {@link #countTarget(String, String...)}: its decoded tables are keyed by
     * {@code (column, target)} pairs.
     *
     * @param target  the target column
     * @param columns the feature columns
     * @return the aggregator
     * @throws IllegalArgumentException for a bad or repeated name or a non-integer column type
     */
    public CountsAggregator targetAggregator(String target, String... columns) {
        return aggregator(List.of(), targetPairs(target, columns));
    }

    static List<ColumnPair> targetPairs(String target, String... columns) {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("no column given to count against target '" + target + "'");
        }
        List<ColumnPair> pairs = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            if (target.equals(columns[i])) {
                throw new IllegalArgumentException("columns[" + i + "] is the target '" + target + "' itself");
            }
            pairs.add(new ColumnPair(columns[i], target));
        }
        return pairs;
    }

    static void distinct(String what, List<?> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.indexOf(items.get(i)) != i) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + items.get(i) + " is repeated");
            }
        }
    }

    static Column[] columns(String[] names) {
        Column[] cols = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            cols[i] = quoted(names[i]);
        }
        return cols;
    }

    /** A column by its exact name (dots and backticks in the name are not paths). */
    static Column quoted(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    private static CountsBuffer treeAggregate(Dataset<Row> projected, CountingPlan plan) {
        JavaRDD<CountsBuffer> partials = readPartitions(projected, plan,
                () -> (CountsBuffer.Counting) new CountsBuffer(plan).staging(), c -> {
                    c.flush();
                    return c.buffer;
                });
        return partials.treeAggregate(new CountsBuffer(plan), CountsBuffer::merge, CountsBuffer::merge, 2);
    }

    /**
     * One result per partition of {@code projected} (whose columns are the plan's, in order): its rows fed to a
     * reader as column batches when the physical plan is a columnar scan, else as internal rows; the reader is
     * flushed before {@code finish}.
     */
    static <T, R extends Staging> JavaRDD<T> readPartitions(Dataset<Row> projected, CountingPlan plan,
                                                            org.apache.spark.api.java.function.Function0<R> start,
                                                            org.apache.spark.api.java.function.Function<R, T> finish) {
        ColumnarScan scan = columnarScan(projected, plan.columns);
        if (scan != null) {
            int[] index = scan.index();
            return scan.batches().toJavaRDD().mapPartitions(it -> {
                R r = start.call();
                while (it.hasNext()) {
                    r.add(it.next(), index);
                }
                r.flush();
                return List.of(finish.call(r)).iterator();
            });
        }
        return projected.queryExecution().toRdd().toJavaRDD().mapPartitions(it -> {
            R r = start.call();
            while (it.hasNext()) {
                r.add(it.next());
            }
            r.flush();
            return List.of(finish.call(r)).iterator();
        });
    }

    /**
     * A columnar scan's batches and where the counted columns are in them.
     *
     * @param batches the scan's column batches
     * @param index for each counted column, its column in the batches
     */
    record ColumnarScan(RDD<ColumnarBatch> batches, int[] index) implements java.io.Serializable {
    }

    /**
     * The column batches of the projection when its physical plan is a columnar leaf scan (a cached dataset's
     * in-memory scan, a Parquet or ORC file scan) under at most whole-stage code generation, a projection of
     * plain columns and a columnar-to-row step; null otherwise (then the internal rows are read). Reading a column
     * vector cell by cell into the staging arrays skips Spark's row assembly, which costs more than the counting
     * itself.
     */
    static ColumnarScan columnarScan(Dataset<Row> projected, String[] columns) {
        SparkPlan plan = projected.queryExecution().executedPlan();
        // Adaptive execution wraps a scan whose cached relation holds an exchange; a leaf scan has no exchange of
        // its own to re-plan, so it runs as it is.
        if (plan instanceof AdaptiveSparkPlanExec a && a.inputPlan().children().isEmpty()) {
            plan = a.inputPlan();
        }
        if (plan instanceof WholeStageCodegenExec w) {
            plan = w.child();
        }
        if (plan instanceof ProjectExec p) {
            for (int i = 0; i < p.projectList().size(); i++) {
                if (!(p.projectList().apply(i) instanceof AttributeReference)) {
                    return null;
                }
            }
            plan = p.child();
        }
        if (plan instanceof ColumnarToRowExec c) {
            plan = c.child();
        }
        if (plan instanceof InputAdapter in) {
            plan = in.child();
        }
        if (!plan.supportsColumnar() || !plan.children().isEmpty()) {
            return null;
        }
        var output = plan.output();
        int[] index = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            index[i] = -1;
            for (int k = 0; k < output.size(); k++) {
                if (output.apply(k).name().equals(columns[i])) {
                    if (index[i] >= 0) {
                        return null;
                    }
                    index[i] = k;
                }
            }
            if (index[i] < 0) {
                return null;
            }
        }
        return new ColumnarScan(plan.executeColumnar(), index);
    }

    /**
     * Runs a job, rethrowing a bad cell found in a task (an IllegalArgumentException wrapped by Spark's job
     * failure) as an IllegalArgumentException with its message.
     */
    static <T> T rethrowingBadInput(Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException iae) {
                    throw new IllegalArgumentException(iae.getMessage(), e);
                }
            }
            throw SparkCounts.<RuntimeException>sneaky(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }
}
