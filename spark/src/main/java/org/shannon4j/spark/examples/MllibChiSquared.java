package org.shannon4j.spark.examples;

import static org.apache.spark.sql.functions.col;

import java.util.List;

import org.apache.spark.ml.feature.UnivariateFeatureSelector;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.ChiSquareTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * MLlib's answer on the same columns, for contrast: {@code UnivariateFeatureSelector} with categorical features
 * and label (Pearson χ², {@code numTopFeatures}), and the χ² test it ranks by.
 */
public final class MllibChiSquared {

    private static final String FEATURES = "shannon4j_features";
    private static final String LABEL = "shannon4j_label";

    private MllibChiSquared() {
    }

    /**
     * The columns assembled into one vector column with the target as a double, as MLlib takes them (lazy).
     *
     * @param data the rows
     * @param target the target column
     * @param features the feature columns
     * @return the rows with the vector and label columns
     */
    public static Dataset<Row> assemble(Dataset<Row> data, String target, List<String> features) {
        return new VectorAssembler().setInputCols(features.toArray(String[]::new)).setOutputCol(FEATURES)
                .transform(data.withColumn(LABEL, col(target).cast("double")))
                .select(FEATURES, LABEL);
    }

    /**
     * {@code UnivariateFeatureSelector}'s pick of {@code k}: categorical features and label, so χ², ranked by
     * p-value (ties by index).
     *
     * @param assembled rows from {@link #assemble}
     * @param k the number of features to select
     * @return the selected feature indices, as MLlib returns them
     */
    public static int[] select(Dataset<Row> assembled, int k) {
        return new UnivariateFeatureSelector().setFeatureType("categorical").setLabelType("categorical")
                .setSelectionMode("numTopFeatures").setSelectionThreshold(k)
                .setFeaturesCol(FEATURES).setLabelCol(LABEL).setOutputCol("shannon4j_selected")
                .fit(assembled).selectedFeatures();
    }

    /**
     * MLlib's χ² test of every feature against the label: what the selector ranks by.
     *
     * @param assembled rows from {@link #assemble}
     * @return the p-values and statistics, in feature order
     */
    public static Test test(Dataset<Row> assembled) {
        Row r = ChiSquareTest.test(assembled, FEATURES, LABEL).head();
        Vector p = r.getAs("pValues");
        Vector stat = r.getAs("statistics");
        return new Test(p.toArray(), stat.toArray());
    }

    /**
     * MLlib's χ² test results.
     *
     * @param pValues the p-value of each feature (1 − cdf: exactly 0 for a large statistic)
     * @param statistics the χ² statistic of each feature
     */
    public record Test(double[] pValues, double[] statistics) {

        /**
         * How many p-values are exactly 0 (tied, so ranked by index).
         *
         * @return the count
         */
        public int zeroPValues() {
            int n = 0;
            for (double p : pValues) {
                if (p == 0) {
                    n++;
                }
            }
            return n;
        }
    }
}
