package org.shannon4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.shannon4j.Shannon;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.Selection;
import org.shannon4j.selection.SelectionProgress;
import org.shannon4j.selection.SelectionTables;

/**
 * The greedy information-theoretic feature selectors (MIM, mRMR, JMI, JMIM, CMIM, DISR, ICAP, CIFE, the β/γ
 * family) over a Spark {@code Dataset<Row>} of integer-coded columns, with the features, scores and bits of the
 * in-process {@link FeatureSelection} on the same data and backend.
 *
 * <pre>{@code
 * Selection s = SparkSelection.of(Shannon.get().withUnit(InfoUnit.BITS))
 *         .select(dataset, "label", List.of("f0", "f1", "f2", ...), Criterion.JMI, 20);
 * s.names();                                    // the selected columns, in selection order
 * }</pre>
 *
 * <ul>
 *   <li><b>What runs where.</b> The driver checks the column names and types; one read of the data (as column
 *       batches when it is a cached dataset or a Parquet/ORC scan of at most Spark's
 *       {@code spark.sql.codegen.maxFields} columns, else as rows) codes each partition into column arrays of the
 *       narrowest width, checks every cell (null, negative) and reports each partition's largest codes and
 *       target values; the blocks stay cached in executor memory, where
 *       the selection module's counting engine ({@link SelectionTables#of}) keeps its per-column bitsets (blocks
 *       that do not fit in memory spill to disk rather than being recomputed from {@code data}). Each
 *       step is one Spark job: every partition counts the (candidate, newly selected, target) table of every
 *       remaining candidate, and the tables are added in a tree ({@code treeReduce}); only the selected feature
 *       and the list of selected ones travel to the executors. The greedy search itself — the Σ c·ln c terms,
 *       accumulators, ties — runs in the driver, in the same code as in process.</li>
 *   <li><b>The same numbers.</b> Counts are integers, so the merged tables are exactly the whole data's, whatever
 *       the partitioning; levels are max code + 1 per column and the target's classes its distinct values in
 *       increasing order, as in process; so {@code select} returns what
 *       {@code FeatureSelection.of(handle.context()).select(DiscreteColumns.of(columns), target, criterion, k)}
 *       returns on the collected columns, bit for bit. Ties go to the lowest index in {@code features}.
 *       {@code data} is read once.</li>
 *   <li><b>Ranking by the statistic.</b> Scores are information values, never p-values, so nothing ties at an
 *       underflowed p = 0 (MLlib's χ² selectors rank by 1 − cdf, which is 0 for every strong feature at 1M
 *       rows).</li>
 *   <li><b>Limits.</b> Features: integral columns (int, short, byte, long) of codes in [0, 2³¹ − 1); a
 *       (candidate, selected, target) table has at most 2²⁶ cells, as in process (e.g. 2¹² levels against a
 *       binary target); the target: at most {@value CodedBlock#MAX_CLASSES} distinct values. CondMI, whose
 *       conditioning variable joins all selected features, is not offered here.</li>
 * </ul>
 */
public final class SparkSelection {

    private final Shannon handle;

    private SparkSelection(Shannon handle) {
        this.handle = handle;
    }

    /**
     * Selection with {@code handle}'s backend (used in the executors, by name) and unit (of the scores). Threads:
     * each task counts on one thread; Spark's tasks are the parallelism.
     *
     * @param handle the backend and unit
     * @return the entry
     */
    public static SparkSelection of(Shannon handle) {
        return new SparkSelection(Objects.requireNonNull(handle, "handle must not be null"));
    }

    /**
     * Selects up to {@code k} of {@code features} for predicting {@code target}.
     *
     * @param data the rows
     * @param target the target column (integral: int, short, byte or long)
     * @param features the feature columns (integral codes ≥ 0), in index order
     * @param criterion the criterion (not CondMI)
     * @param k how many to select, 1 ≤ k ≤ features.size()
     * @return the selected features (indices into {@code features}, names the column names), scores, relevances
     * @throws IllegalArgumentException for a missing or non-integral column, a null cell, a negative code, an
     *                                  empty dataset, a constant target, k out of range or CondMI
     */
    public Selection select(Dataset<Row> data, String target, List<String> features, Criterion criterion, int k) {
        return select(data, target, features, criterion, k, SelectionProgress.NONE);
    }

    /**
     * {@link #select(Dataset, String, List, Criterion, int)}, telling {@code progress} of each selected feature
     * (in the driver, after the step's job).
     *
     * @param data the rows
     * @param target the target column
     * @param features the feature columns, in index order
     * @param criterion the criterion (not CondMI)
     * @param k how many to select
     * @param progress told of each selected feature
     * @return the selection
     * @throws IllegalArgumentException as {@link #select(Dataset, String, List, Criterion, int)}
     */
    public Selection select(Dataset<Row> data, String target, List<String> features, Criterion criterion, int k,
                            SelectionProgress progress) {
        Objects.requireNonNull(criterion, "criterion must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        if (criterion.method() == Criterion.Method.COND_MI) {
            throw new IllegalArgumentException("CondMI conditions on the joint variable of all selected features, "
                    + "which needs the rows together: not offered on Spark");
        }
        if (features != null && (k < 1 || k > features.size())) {
            throw new IllegalArgumentException("k = " + k + ": between 1 and the number of features ("
                    + features.size() + ") can be selected");
        }
        Objects.requireNonNull(data, "data must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(features, "features must not be null");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("features is empty: name at least one feature column");
        }
        SparkCounts.targetPairs(target, features.toArray(String[]::new));
        SparkCounts.distinct("features", features);
        List<String> all = new ArrayList<>(features);
        all.add(target);
        String backend = handle.backendName();
        // names and types checked here, before any job; cells in the tasks
        CountingPlan plan = CountingPlan.of(data.schema(), all, List.of(), backend);
        int f = features.size();
        JavaRDD<CodedBlock> blocks = SparkCounts.readPartitions(data.select(SparkCounts.columns(plan.columns)),
                plan, () -> new CodedBlock.Builder(plan, f), CodedBlock.Builder::build)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        String previous = sc.getLocalProperty("spark.job.description");
        try {
            sc.setJobDescription("shannon4j " + criterion + ": coding the partitions");
            CodedBlock.Coding coding = CodedBlock.Coding.of(
                    SparkCounts.rethrowingBadInput(() -> blocks.map(CodedBlock::summary).collect()), target, backend);
            SparkTables tables = new SparkTables(blocks, coding, List.copyOf(features), sc, criterion);
            return FeatureSelection.of(handle.context()).select(tables, criterion, k, progress);
        } finally {
            sc.setJobDescription(previous);
            blocks.unpersist(false);
        }
    }

    /** The merged tables, one Spark job per request. */
    private static final class SparkTables implements SelectionTables {
        private final JavaRDD<CodedBlock> blocks;
        private final CodedBlock.Coding coding;
        private final List<String> names;
        private final JavaSparkContext sc;
        private final Criterion criterion;
        private final long[][] targetTables;
        private int step;

        SparkTables(JavaRDD<CodedBlock> blocks, CodedBlock.Coding coding, List<String> names, JavaSparkContext sc,
                    Criterion criterion) {
            this.blocks = blocks;
            this.coding = coding;
            this.names = names;
            this.sc = sc;
            this.criterion = criterion;
            sc.setJobDescription("shannon4j " + criterion + ": tables with the target");
            this.targetTables = blocks.map(b -> b.targetTables(coding)).treeReduce(CodedBlock::add);
        }

        @Override
        public int features() {
            return coding.levels().length;
        }

        @Override
        public int levels(int feature) {
            return coding.levels()[feature];
        }

        @Override
        public int classes() {
            return coding.classValues().length;
        }

        @Override
        public long[] targetTable(int feature) {
            return targetTables[feature];
        }

        @Override
        public String name(int feature) {
            return names.get(feature);
        }

        @Override
        public void tablesGiven(int selected, boolean[] excluded, TableSink sink) {
            step++;
            sc.setJobDescription("shannon4j " + criterion + ": step " + (step + 1) + ", tables given "
                    + names.get(selected));
            boolean[] skip = excluded.clone();
            CodedBlock.Coding c = coding;  // captured alone, not this
            long[][] merged = blocks.map(b -> b.tablesGiven(c, selected, skip)).treeReduce(CodedBlock::add);
            for (int j = 0; j < merged.length; j++) {
                if (merged[j] != null) {
                    sink.accept(j, merged[j]);
                }
            }
        }
    }
}
