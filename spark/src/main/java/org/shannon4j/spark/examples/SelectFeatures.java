package org.shannon4j.spark.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.Selection;
import org.shannon4j.spark.SparkSelection;

/**
 * JMI feature selection on Spark, next to MLlib's χ² selector on the same data. Run with {@code spark-submit}:
 *
 * <pre>
 * bin/spark-submit --master 'local[2]' --class org.shannon4j.spark.examples.SelectFeatures \
 *     spark/target/shannon4j-spark-0.1.0-SNAPSHOT-examples.jar [--k 10] [--rows 200000] [--target label] [data.csv]
 * </pre>
 *
 * Without a file it generates 200,000 rows × 30 columns of 10 levels inside the tasks ({@link SyntheticData}: 8
 * informative of graded strength, 4 noisy copies of the strongest, 18 noise) and says what each selected column
 * is. A CSV file needs a header and integer columns (codes ≥ 0); every column but the target is a feature.
 */
public final class SelectFeatures {

    private SelectFeatures() {
    }

    /**
     * Both selections of one run.
     *
     * @param jmi shannon4j's JMI selection (bits), in selection order
     * @param mllib the columns MLlib's {@code UnivariateFeatureSelector} picks (in its order)
     * @param chiSquared MLlib's χ² test of every feature, what it ranks by
     */
    public record Result(Selection jmi, List<String> mllib, MllibChiSquared.Test chiSquared) {
    }

    /**
     * Selects {@code k} of {@code features} by JMI with {@link SparkSelection} and by MLlib's χ² selector.
     *
     * @param data the rows (integral code columns)
     * @param target the target column
     * @param features the feature columns
     * @param k how many to select
     * @return both selections
     */
    public static Result select(Dataset<Row> data, String target, List<String> features, int k) {
        Selection jmi = SparkSelection.of(Shannon.get().withUnit(InfoUnit.BITS))
                .select(data, target, features, Criterion.JMI, k);
        Dataset<Row> assembled = MllibChiSquared.assemble(data, target, features);
        List<String> mllib = new ArrayList<>();
        for (int f : MllibChiSquared.select(assembled, k)) {
            mllib.add(features.get(f));
        }
        return new Result(jmi, mllib, MllibChiSquared.test(assembled));
    }

    /**
     * The result as a table: one line per JMI step (feature, score, its own MI with the target, MLlib's χ² and
     * p-value for it, and {@code describe} of it), then MLlib's pick.
     *
     * @param r the result
     * @param features the feature columns, as given to {@link #select}
     * @param describe what a feature column is (by index), or null
     * @return the table
     */
    public static String format(Result r, List<String> features, IntFunction<String> describe) {
        StringBuilder b = new StringBuilder();
        Selection s = r.jmi();
        b.append(String.format(Locale.ROOT, "shannon4j JMI on Spark (%s backend), k = %d, in bits:%n",
                Shannon.get().backendName(), s.requested()));
        b.append(String.format(Locale.ROOT, "%4s  %-12s %10s %10s %12s %10s  %s%n", "step", "feature", "JMI score",
                "I(X;Y)", "MLlib chi2", "MLlib p", describe == null ? "" : "column"));
        for (int i = 0; i < s.size(); i++) {
            int f = s.feature(i);
            b.append(String.format(Locale.ROOT, "%4d  %-12s %10.6f %10.6f %12.1f %10.3g  %s%n", i + 1,
                    s.names().get(i), s.score(i), s.relevance(i), r.chiSquared().statistics()[f],
                    r.chiSquared().pValues()[f], describe == null ? "" : describe.apply(f)));
        }
        b.append(String.format(Locale.ROOT, "MLlib UnivariateFeatureSelector (chi2, numTopFeatures %d): %s%n",
                s.requested(), String.join(" ", r.mllib())));
        b.append(String.format(Locale.ROOT, "MLlib p-values exactly 0: %d of %d features (ranked among "
                + "themselves by column index)%n", r.chiSquared().zeroPValues(), features.size()));
        return b.toString();
    }

    /**
     * Runs the example.
     *
     * @param args {@code [--k K] [--rows N] [--target NAME] [file.csv]}
     */
    public static void main(String[] args) {
        int k = 10;
        long rows = 200_000;
        String target = "label";
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--k" -> k = Integer.parseInt(value(args, ++i));
                case "--rows" -> rows = Long.parseLong(value(args, ++i));
                case "--target" -> target = value(args, ++i);
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        throw new IllegalArgumentException("argument " + i + " = \"" + args[i]
                                + "\": expected [--k K] [--rows N] [--target NAME] [file.csv]");
                    }
                    file = args[i];
                }
            }
        }
        SparkSession spark = SparkSession.builder().appName("shannon4j SelectFeatures").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Dataset<Row> data;
            List<String> features;
            IntFunction<String> describe = null;
            if (file == null) {
                SyntheticData layout = SyntheticData.of(30, 8, 4, 18);
                data = layout.generate(spark, rows, spark.sparkContext().defaultParallelism());
                features = layout.names();
                describe = layout::describe;
                target = "label";
                System.out.printf(Locale.ROOT, "%,d generated rows x %d columns of %d levels, binary target%n",
                        rows, features.size(), SyntheticData.LEVELS);
            } else {
                data = spark.read().option("header", "true").option("inferSchema", "true").csv(file);
                features = new ArrayList<>(List.of(data.columns()));
                if (!features.remove(target)) {
                    throw new IllegalArgumentException("--target \"" + target + "\": no such column in " + file
                            + " (columns " + features + ")");
                }
                System.out.printf(Locale.ROOT, "%s: %d feature columns, target %s%n", file, features.size(), target);
            }
            data = data.cache();
            System.out.print(format(select(data, target, features, Math.min(k, features.size())), features,
                    describe));
        } finally {
            spark.stop();
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
