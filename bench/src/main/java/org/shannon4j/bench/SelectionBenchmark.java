package org.shannon4j.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shannon4j.Shannon;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.Selection;

/**
 * Issue 14's speed targets: one forward selection of k features ({@code FeatureSelection.select}) on
 * {@link SelectionData} ({@code shape} = rows × features byte codes, 10 levels, binary target), per criterion,
 * backend and thread count. Seconds per selection; the data is made once per trial. FEAST's time on the same data
 * comes from {@code bench/tools/feast_bench.sh} (the report runs both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g"})
public class SelectionBenchmark {

    /** jmi, mrmr or cmim (FEAST's JMI, mRMR_D and CMIM). */
    @Param({"jmi", "mrmr", "cmim"})
    public String criterion;

    /** A backend name for {@link Shannon#get(String)}. */
    @Param({"scalar", "simd"})
    public String backend;

    /** {@link Shannon#withParallelism(int)}: candidates split over this many threads. */
    @Param({"1", "2"})
    public int threads;

    /** ROWSxFEATURES of {@link SelectionData}; 1000000x100 is the second shape. */
    @Param({"100000x1000"})
    public String shape;

    /** Features to select. */
    @Param({"50"})
    public int k;

    private FeatureSelection selection;
    private DiscreteColumns columns;
    private int[] target;
    private Criterion crit;

    @Setup(Level.Trial)
    public void setUp() {
        int[] s = SelectionData.shape(shape);
        SelectionData data = SelectionData.generate(s[0], s[1], SelectionData.SEED);
        columns = DiscreteColumns.wrap(data.columns(), data.levels());
        target = data.target();
        crit = criterion(criterion);
        selection = FeatureSelection.of(Shannon.get(backend).withParallelism(threads).context());
    }

    /** jmi, mrmr, cmim (any case) as the library's criterion. */
    public static Criterion criterion(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "jmi" -> Criterion.JMI;
            case "mrmr" -> Criterion.MRMR;
            case "cmim" -> Criterion.CMIM;
            default -> throw new IllegalArgumentException("criterion '" + name + "': expected jmi, mrmr or cmim");
        };
    }

    /** FEAST's name of the criterion (its C function). */
    public static String feastName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "jmi" -> "JMI";
            case "mrmr" -> "mRMR_D";
            case "cmim" -> "CMIM";
            default -> throw new IllegalArgumentException("criterion '" + name + "': expected jmi, mrmr or cmim");
        };
    }

    @Benchmark
    public Selection select() {
        return selection.select(columns, target, crit, k);
    }
}
