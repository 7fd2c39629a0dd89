package org.shannon4j.selection;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;

import org.shannon4j.InfoUnit;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.spi.Context;

/**
 * The feature-selection family: forward greedy selection of k discrete columns by a {@link Criterion} of Brown
 * et al.'s unifying framework, with FEAST's conventions. Obtain it from a handle's context,
 * {@code FeatureSelection.of(Shannon.get().withUnit(InfoUnit.BITS).context())}; scores and relevances are in the
 * context's {@link Context#unit() unit}, counting uses its backend's kernels. Immutable and thread-safe.
 *
 * <pre>{@code
 * FeatureSelection fs = FeatureSelection.of(Shannon.get().withUnit(InfoUnit.BITS).context());
 * Selection s = fs.select(DiscreteColumns.of(columns), target, Criterion.JMI, 10);
 * int[] chosen = s.features();                       // column indices, in selection order
 * }</pre>
 *
 * <ul>
 *   <li><b>Ties.</b> A tie goes to the lowest column index (as FEAST). Scores within
 *       {@code 1e-13·(1 + ln N)·(1 + s)} nats of each other (N the rows, s the features selected so far) are a
 *       tie: candidates equal in exact arithmetic (copies, relabelled copies) get scores that differ in the last
 *       bits depending on where their cells fall in the count table, where FEAST gets equal bits. Every
 *       information term (MI, CMI) at or below {@code 1e-13·(1 + ln N)} nats is a rounding residue of the
 *       plug-in sums and counts as exactly 0, so features determined by the selected ones tie at 0 instead of by
 *       residue. With these rules every step FEAST decides (352 reference runs, conformance
 *       {@code FeastSelectionTest}) gives FEAST's feature.</li>
 *   <li><b>Scores.</b> Plug-in estimates from the joint counts of (candidate, selected feature, target); each
 *       step's terms are added to per-candidate accumulators in selection order, as FEAST adds them, so a step
 *       costs one count per remaining candidate. FEAST computes in bits: with {@link InfoUnit#BITS} the scores
 *       agree with FEAST's to rounding (about 1e-14).</li>
 *   <li><b>Speed and threads.</b> Columns of up to 33 levels are held as the row sets of their levels
 *       (bitsets), each split by the target's class (up to 16 classes), and a candidate's (candidate, selected,
 *       target) table is the popcounts of the intersections of the two columns' sets within each class, on the
 *       backend's kernels ({@link org.shannon4j.spi.CountingKernels#intersectionCounts}, after
 *       {@link org.shannon4j.spi.CountingKernels#levelSets}); columns of more levels and targets of more classes
 *       are counted as histograms. The bitsets of all columns take about Σ(levels − 1)·rows/8 bytes (113 MB for
 *       100,000 rows × 1,000 columns of 10 levels). Where that exceeds the last-level cache (every step then
 *       reads them all from memory), a column of 4 or more levels is kept as the ⌈log2(levels)⌉ bit planes of
 *       its level codes instead (4 for 10 levels: 50 MB in that example), decoded into sets a class segment at a
 *       time ({@link org.shannon4j.spi.CountingKernels#decodePlanes}). The bitsets take at most a third of the
 *       free heap: the columns beyond that budget are counted as histograms (slower, same result). The
 *       candidates of a step are spread over the context's {@link Context#parallelism() threads}; each writes its
 *       own slots and the scores are combined in index order, so the result has the same bits for every thread
 *       count and executor. CMIM's lazy refinement runs on the calling thread (its order is what makes it lazy);
 *       its setup is parallel.</li>
 *   <li><b>Where FEAST has accidents.</b> When no remaining candidate scores above zero, FEAST's JMI and DISR
 *       return feature 0 again (a duplicate) and its CondMI writes −1; this family stops with
 *       {@link StopReason#NO_POSITIVE_SCORE} and returns the features selected so far. CMIM keeps FEAST's and
 *       Fleuret's definition: the score starts at I(X;Y).</li>
 *   <li><b>Bad input.</b> k ≤ 0 or above the number of columns, a target of another length, a constant target
 *       (I(X;Y) = 0 for every feature): {@link IllegalArgumentException} saying so.</li>
 *   <li><b>Limits.</b> The pairwise criteria count a dense table of levels(candidate)·levels(selected)·levels(target)
 *       cells (CMIM: candidate·target·selected), at most 2²⁶; CondMI goes through the label counting of
 *       {@link Dependence}, which has no such limit.</li>
 * </ul>
 */
public final class FeatureSelection {

    /** Largest dense (candidate, selected, target) table counted (256 MB of int counts). */
    static final long MAX_TABLE_CELLS = 1L << 26;

    private final Context context;
    private final Dependence nats;

    private FeatureSelection(Context context) {
        this.context = context;
        this.nats = Dependence.of(context.withUnit(InfoUnit.NATS));
    }

    /**
     * The feature-selection family bound to {@code context}: its backend, unit and threads.
     *
     * @param context the settings to use
     * @return the entry type bound to that context
     */
    public static FeatureSelection of(Context context) {
        return new FeatureSelection(Objects.requireNonNull(context, "context must not be null"));
    }

    /**
     * The settings this entry type is bound to.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }

    /**
     * Selects up to {@code k} features of {@code columns} for predicting {@code target} by forward greedy search
     * under {@code criterion}.
     *
     * @param columns the discrete features
     * @param target the class of each row (any ints; distinct values are the classes)
     * @param criterion the selection criterion
     * @param k the number of features to select, 1 ≤ k ≤ columns.columns()
     * @return the selected features in order, with scores, relevances (in {@link Context#unit()}) and why the
     *         selection ended
     * @throws IllegalArgumentException if k is out of range, the target's length differs from the rows, or the
     *                                  target is constant
     */
    public Selection select(DiscreteColumns columns, int[] target, Criterion criterion, int k) {
        return select(columns, target, criterion, k, SelectionProgress.NONE);
    }

    /**
     * {@link #select(DiscreteColumns, int[], Criterion, int)}, telling {@code progress} of each feature as it is
     * selected (on the calling thread, score in {@link Context#unit()}; DISR's after the first unitless).
     *
     * @param columns the discrete features
     * @param target the class of each row (any ints; distinct values are the classes)
     * @param criterion the selection criterion
     * @param k the number of features to select, 1 ≤ k ≤ columns.columns()
     * @param progress told of each selected feature
     * @return the selected features in order, with scores, relevances (in {@link Context#unit()}) and why the
     *         selection ended
     * @throws IllegalArgumentException if k is out of range, the target's length differs from the rows, or the
     *                                  target is constant
     */
    public Selection select(DiscreteColumns columns, int[] target, Criterion criterion, int k,
                            SelectionProgress progress) {
        Objects.requireNonNull(columns, "columns must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(criterion, "criterion must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        int features = columns.columns();
        if (k < 1 || k > features) {
            throw new IllegalArgumentException("k = " + k + ": between 1 and the number of features (" + features
                    + ") can be selected");
        }
        if (target.length != columns.rows()) {
            throw new IllegalArgumentException("target.length = " + target.length + " but the columns have "
                    + columns.rows() + " rows: one target value per row is needed");
        }
        int[] y = new int[target.length];
        int targetLevels = denseTarget(target, y);
        int maxLevels = 0;
        for (int c = 0; c < columns.columns(); c++) {
            maxLevels = Math.max(maxLevels, columns.levels(c));
        }
        Greedy.checkTableSize(maxLevels, targetLevels, criterion, k);
        PairCounts counts = new PairCounts(context.kernels(), context.parallelism(), columns, y, targetLevels);
        return run(counts, columns, y, criterion, k, progress, columns::name);
    }

    /**
     * Selects up to {@code k} features by forward greedy search under {@code criterion} from count tables
     * counted elsewhere, e.g. the merged per-partition tables of a cluster ({@link SelectionTables#of} counts
     * each part). Given the tables of the same rows, with the in-process level counts and target classes, the
     * result is the one {@link #select(DiscreteColumns, int[], Criterion, int)} gives, bit for bit, on the same
     * backend. CMIM takes one batch of tables per step (its lazy refinement then reads them); CondMI, whose
     * conditioning variable is the joint of all selected features, needs the rows and is not available here.
     *
     * @param tables the count tables
     * @param criterion the selection criterion (not CondMI)
     * @param k the number of features to select, 1 ≤ k ≤ tables.features()
     * @param progress told of each selected feature
     * @return the selected features in order, with scores, relevances (in {@link Context#unit()}) and why the
     *         selection ended; names from {@link SelectionTables#name}
     * @throws IllegalArgumentException if k is out of range, the criterion is CondMI, fewer than two classes have
     *                                  rows (a constant target), a table is too large to count densely, or the
     *                                  tables are inconsistent (a table of the wrong size, a negative count,
     *                                  tables of different totals or class counts, a candidate missing or twice)
     */
    public Selection select(SelectionTables tables, Criterion criterion, int k, SelectionProgress progress) {
        Objects.requireNonNull(tables, "tables must not be null");
        Objects.requireNonNull(criterion, "criterion must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        if (criterion.method() == Criterion.Method.COND_MI) {
            throw new IllegalArgumentException("CondMI conditions on the joint variable of all selected features, "
                    + "which needs the rows: select from DiscreteColumns instead");
        }
        SourceTables counts = SourceTables.of(context.kernels(), tables);
        if (k < 1 || k > counts.features) {
            throw new IllegalArgumentException("k = " + k + ": between 1 and the number of features ("
                    + counts.features + ") can be selected");
        }
        if (counts.nonEmptyClasses() < 2) {
            throw new IllegalArgumentException("the target has rows of " + counts.nonEmptyClasses() + " class: "
                    + "I(X;Y) = 0 for every feature, so there is nothing to select");
        }
        int maxLevels = 0;
        for (int j = 0; j < counts.features; j++) {
            maxLevels = Math.max(maxLevels, counts.levels(j));
        }
        Greedy.checkTableSize(maxLevels, counts.ly, criterion, k);
        return run(counts, null, null, criterion, k, progress, tables::name);
    }

    /**
     * {@link #select(SelectionTables, Criterion, int, SelectionProgress)} without progress.
     *
     * @param tables the count tables
     * @param criterion the selection criterion (not CondMI)
     * @param k the number of features to select, 1 ≤ k ≤ tables.features()
     * @return the selected features in order, with scores, relevances and why the selection ended
     * @throws IllegalArgumentException as {@link #select(SelectionTables, Criterion, int, SelectionProgress)}
     */
    public Selection select(SelectionTables tables, Criterion criterion, int k) {
        return select(tables, criterion, k, SelectionProgress.NONE);
    }

    private Selection run(StepTables counts, DiscreteColumns columns, int[] y, Criterion criterion, int k,
                          SelectionProgress progress, IntFunction<String> name) {
        InfoUnit unit = context.unit();
        boolean unitless = criterion.method() == Criterion.Method.DISR;
        SelectionProgress inUnit = progress == SelectionProgress.NONE ? progress
                : (rank, of, feature, score) -> progress.selected(rank, of, feature,
                        unitless && rank > 1 ? score : unit.fromNats(score));
        Greedy g = new Greedy(nats, context.kernels(), counts, columns, y, counts.ly, criterion, k, inUnit);
        g.run();
        int m = g.size;
        int[] chosen = Arrays.copyOf(g.selected, m);
        double[] scores = new double[m];
        double[] relevance = new double[m];
        String[] names = new String[m];
        for (int i = 0; i < m; i++) {
            scores[i] = unitless && i > 0 ? g.scores[i] : unit.fromNats(g.scores[i]);
            relevance[i] = unit.fromNats(g.relevance[chosen[i]]);
            names[i] = name.apply(chosen[i]);
        }
        return new Selection(criterion, unit, chosen, names, scores, relevance, g.stop, k);
    }

    /** Dense codes 0..L−1 of the target in increasing value order into {@code out}; returns L (≥ 2). */
    private static int denseTarget(int[] target, int[] out) {
        int[] sorted = target.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        if (distinct < 2) {
            throw new IllegalArgumentException("target is constant (every row is " + target[0] + "): I(X;Y) = 0 for "
                    + "every feature, so there is nothing to select");
        }
        for (int i = 0; i < target.length; i++) {
            out[i] = Arrays.binarySearch(sorted, 0, distinct, target[i]);
        }
        return distinct;
    }

    @Override
    public String toString() {
        return "FeatureSelection[backend=" + context.backendName() + ", unit=" + context.unit() + "]";
    }
}
