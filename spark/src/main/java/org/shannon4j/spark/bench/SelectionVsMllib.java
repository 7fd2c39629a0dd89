package org.shannon4j.spark.bench;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.Selection;
import org.shannon4j.spark.SparkSelection;
import org.shannon4j.spark.examples.MllibChiSquared;
import org.shannon4j.spark.examples.SyntheticData;

/**
 * Timed harness: JMI (k = 20) with {@link SparkSelection} on a generated, cached table (default 1M rows × 200
 * columns of 10 levels, binary target; {@link SyntheticData}: 30 informative of graded strength, 20 noisy copies,
 * 150 noise), next to MLlib's {@code UnivariateFeatureSelector} (χ², numTopFeatures 20) on the same rows and the
 * in-process {@link FeatureSelection} on the rows collected to the driver (1 and 2 threads), with the true top 20
 * by mutual information. Wall times of single runs, after one warm-up run of each path on a small sample: on a
 * shared machine they are indications, not measurements. Run it with {@code spark/tools/bench-selection.sh}.
 */
public final class SelectionVsMllib {

    private SelectionVsMllib() {
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code [--rows N] [--features F] [--informative I] [--redundant R] [--k K] [--partitions P]
     *             [--seed S]}
     */
    public static void main(String[] args) {
        long rows = 1_000_000;
        int features = 200;
        int informative = 30;
        int redundant = 20;
        int k = 20;
        int partitions = 0;
        long seed = 2026;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("argument " + i + " = \"" + args[i] + "\" needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(v);
                case "--features" -> features = Integer.parseInt(v);
                case "--informative" -> informative = Integer.parseInt(v);
                case "--redundant" -> redundant = Integer.parseInt(v);
                case "--k" -> k = Integer.parseInt(v);
                case "--partitions" -> partitions = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                default -> throw new IllegalArgumentException("argument " + i + " = \"" + args[i]
                        + "\": expected --rows, --features, --informative, --redundant, --k, --partitions or --seed");
            }
        }
        SparkSession spark = SparkSession.builder().appName("shannon4j SelectionVsMllib").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            run(spark, rows, features, informative, redundant, k,
                    partitions > 0 ? partitions : 2 * spark.sparkContext().defaultParallelism(), seed);
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark, long rows, int features, int informative, int redundant, int k,
                            int partitions, long seed) {
        SyntheticData layout = SyntheticData.of(features, informative, redundant, seed);
        List<String> names = layout.names();
        Shannon bits = Shannon.get().withUnit(InfoUnit.BITS);
        System.out.printf(Locale.ROOT, "master %s, %d partitions, backend %s, %,d rows x %d columns of %d levels "
                + "(%d informative, %d copies, %d noise), binary target, k = %d%n", spark.sparkContext().master(),
                partitions, bits.backendName(), rows, features, SyntheticData.LEVELS, informative, redundant,
                features - informative - redundant, k);

        Dataset<Row> data = layout.generate(spark, rows, partitions).cache();
        double generate = seconds(data::count);

        // Warm-up of every path (class loading, JIT, Spark's first jobs) on a ~2% sample.
        Dataset<Row> sample = data.sample(0.02, seed).cache();
        double warmSpark = seconds(() -> SparkSelection.of(bits).select(sample, "label", names, Criterion.JMI, k));
        Dataset<Row> sampleAssembled = MllibChiSquared.assemble(sample, "label", names);
        double warmMllib = seconds(() -> MllibChiSquared.select(sampleAssembled, k));
        sample.unpersist();

        Selection[] sparkJmi = new Selection[1];
        double sparkTime = seconds(() -> sparkJmi[0] = SparkSelection.of(bits)
                .select(data, "label", names, Criterion.JMI, k));

        Dataset<Row> assembled = MllibChiSquared.assemble(data, "label", names);
        int[][] mllibPick = new int[1][];
        double mllibTime = seconds(() -> mllibPick[0] = MllibChiSquared.select(assembled, k));
        MllibChiSquared.Test[] chi = new MllibChiSquared.Test[1];
        double chiTime = seconds(() -> chi[0] = MllibChiSquared.test(assembled));

        Columns[] local = new Columns[1];
        double collectTime = seconds(() -> local[0] = Columns.collect(data, features));
        data.unpersist();
        int[] levels = new int[features];
        Arrays.fill(levels, SyntheticData.LEVELS);
        DiscreteColumns columns = DiscreteColumns.wrap(local[0].codes, levels).withNames(names);
        int[] y = local[0].target;

        Selection mim = FeatureSelection.of(bits.withParallelism(2).context()).select(columns, y, Criterion.MIM, k);
        Selection[] inProcess = new Selection[3];
        double[] inProcessTime = new double[3];
        for (int threads : new int[] {1, 2}) {
            FeatureSelection fs = FeatureSelection.of(bits.withParallelism(threads).context());
            fs.select(columns, y, Criterion.JMI, 2);
            inProcessTime[threads] = seconds(() -> inProcess[threads] = fs.select(columns, y, Criterion.JMI, k));
        }
        boolean identical = Arrays.equals(inProcess[1].features(), sparkJmi[0].features())
                && Arrays.equals(inProcess[1].scores(), sparkJmi[0].scores())
                && Arrays.equals(inProcess[2].scores(), sparkJmi[0].scores());

        List<Integer> trueTop = new ArrayList<>();
        for (int f : mim.features()) {
            trueTop.add(f);
        }
        int mllibRight = 0;
        for (int f : mllibPick[0]) {
            mllibRight += trueTop.contains(f) ? 1 : 0;
        }
        int jmiInTop = 0;
        for (int f : sparkJmi[0].features()) {
            jmiInTop += trueTop.contains(f) ? 1 : 0;
        }
        int pickedZero = 0;
        for (int f : mllibPick[0]) {
            pickedZero += chi[0].pValues()[f] == 0 ? 1 : 0;
        }

        System.out.printf(Locale.ROOT, "%ngenerate + cache %.1f s; warm-up on a 2%% sample: SparkSelection %.1f s, "
                + "MLlib %.1f s%n%n", generate, warmSpark, warmMllib);
        System.out.printf(Locale.ROOT, "%-52s %9s  %s%n", "", "wall (s)", "picks (of the true top " + k
                + " by MI)");
        System.out.printf(Locale.ROOT, "%-52s %9.2f  %d of %d%n", "shannon4j SparkSelection JMI, " + spark
                .sparkContext().master(), sparkTime, jmiInTop, k);
        System.out.printf(Locale.ROOT, "%-52s %9.2f  %d of %d; p = 0 for %d of its %d picks, %d of %d features%n",
                "MLlib UnivariateFeatureSelector (chi2, categorical)", mllibTime, mllibRight, k, pickedZero,
                mllibPick[0].length, chi[0].zeroPValues(), features);
        System.out.printf(Locale.ROOT, "%-52s %9.2f%n", "MLlib ChiSquareTest (its ranking, for the p-values)",
                chiTime);
        System.out.printf(Locale.ROOT, "%-52s %9.2f%n", "collect the rows to the driver (byte columns)",
                collectTime);
        System.out.printf(Locale.ROOT, "%-52s %9.2f  same features and score bits as on Spark: %s%n",
                "in-process FeatureSelection JMI, 1 thread", inProcessTime[1], identical ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "%-52s %9.2f%n", "in-process FeatureSelection JMI, 2 threads",
                inProcessTime[2]);

        System.out.printf(Locale.ROOT, "%nLeft: the true top %d by I(X;Y) (in-process MIM) with MLlib's chi2 and p of "
                + "each; middle: JMI's picks in selection order; right: MLlib's picks (in the index order it "
                + "returns them).%n", k);
        System.out.printf(Locale.ROOT, "%4s  %-8s %-22s %10s %12s %9s   %-8s %-22s %10s   %-8s %s%n", "rank",
                "by MI", "column", "I(X;Y)", "chi2", "p", "JMI", "column", "score", "MLlib", "p");
        for (int i = 0; i < k; i++) {
            int t = mim.feature(i);
            String jmi = i < sparkJmi[0].size() ? names.get(sparkJmi[0].feature(i)) : "";
            String jmiKind = i < sparkJmi[0].size() ? layout.describe(sparkJmi[0].feature(i)) : "";
            double jmiScore = i < sparkJmi[0].size() ? sparkJmi[0].score(i) : Double.NaN;
            String ml = i < mllibPick[0].length ? names.get(mllibPick[0][i]) : "";
            double mlP = i < mllibPick[0].length ? chi[0].pValues()[mllibPick[0][i]] : Double.NaN;
            System.out.printf(Locale.ROOT, "%4d  %-8s %-22s %10.6f %12.1f %9.2g   %-8s %-22s %10.6f   %-8s %.2g%n",
                    i + 1, names.get(t), layout.describe(t), mim.relevance(i), chi[0].statistics()[t],
                    chi[0].pValues()[t], jmi, jmiKind, jmiScore, ml, mlP);
        }
    }

    private static double seconds(Supplier<?> work) {
        long t0 = System.nanoTime();
        work.get();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The rows collected to the driver as byte columns, one block per partition, in partition order. */
    private static final class Columns implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final byte[][] codes;
        private final int[] target;

        private Columns(byte[][] codes, int[] target) {
            this.codes = codes;
            this.target = target;
        }

        static Columns collect(Dataset<Row> data, int features) {
            List<Columns> blocks = data.javaRDD().mapPartitions((Iterator<Row> it) -> {
                byte[][] c = new byte[features][1 << 16];
                int[] y = new int[1 << 16];
                int n = 0;
                while (it.hasNext()) {
                    Row row = it.next();
                    if (n == y.length) {
                        y = Arrays.copyOf(y, 2 * n);
                        for (int f = 0; f < features; f++) {
                            c[f] = Arrays.copyOf(c[f], 2 * n);
                        }
                    }
                    for (int f = 0; f < features; f++) {
                        c[f][n] = (byte) row.getInt(f);
                    }
                    y[n++] = row.getInt(features);
                }
                for (int f = 0; f < features; f++) {
                    c[f] = Arrays.copyOf(c[f], n);
                }
                return List.of(new Columns(c, Arrays.copyOf(y, n))).iterator();
            }).collect();
            int n = 0;
            for (Columns b : blocks) {
                n += b.target.length;
            }
            byte[][] codes = new byte[features][n];
            int[] target = new int[n];
            int at = 0;
            for (Columns b : blocks) {
                for (int f = 0; f < features; f++) {
                    System.arraycopy(b.codes[f], 0, codes[f], at, b.target.length);
                }
                System.arraycopy(b.target, 0, target, at, b.target.length);
                at += b.target.length;
            }
            return new Columns(codes, target);
        }
    }
}
