package org.shannon4j.spark.ml;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.List;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.shannon4j.selection.StopReason;

/**
 * A fitted {@link InfoSelector}: the selected features (indices into the input vector or inputCols, in selection
 * order), their names, each step's score and each feature's relevance I(X;Y), and why the selection ended;
 * {@link #transform} adds {@code outputCol}, a Vector of the selected features' values in selection order. The
 * state is kept in params, so {@code write().save(path)} and {@link #load} (or a saved {@code PipelineModel})
 * give back the same selection, bit for bit.
 */
public final class InfoSelectorModel extends Model<InfoSelectorModel> implements DefaultParamsWritable {

    /** The uid; see {@link #uid()}. */
    private final String uid;
    /** See {@link #featuresCol()}. */
    private final Param<String> featuresCol;
    /** See {@link #inputCols()}. */
    private final StringArrayParam inputCols;
    /** See {@link #outputCol()}. */
    private final Param<String> outputCol;
    /** See {@link #criterion()}. */
    private final Param<String> criterion;
    /** See {@link #unit()}. */
    private final Param<String> unit;
    /** See {@link #selectedFeatures()}. */
    private final IntArrayParam selectedFeatures;
    /** See {@link #selectedNames()}. */
    private final StringArrayParam selectedNames;
    /** See {@link #scores()}. */
    private final DoubleArrayParam scores;
    /** See {@link #relevances()}. */
    private final DoubleArrayParam relevances;
    /** See {@link #stopReason()}. */
    private final Param<String> stopReason;

    /**
     * An empty model (the constructor {@code DefaultParamsReader} calls; {@link InfoSelector#fit} makes the real
     * ones).
     *
     * @param uid the uid
     */
    public InfoSelectorModel(String uid) {
        this.uid = uid == null ? Identifiable.randomUID("infoSelector") : uid;
        featuresCol = InfoSelectorParams.featuresCol(this);
        inputCols = InfoSelectorParams.inputCols(this);
        outputCol = InfoSelectorParams.outputCol(this);
        criterion = InfoSelectorParams.criterion(this);
        unit = InfoSelectorParams.unit(this);
        selectedFeatures = InfoSelectorParams.selectedFeatures(this);
        selectedNames = InfoSelectorParams.selectedNames(this);
        scores = InfoSelectorParams.scores(this);
        relevances = InfoSelectorParams.relevances(this);
        stopReason = InfoSelectorParams.stopReason(this);
        setDefault(outputCol, "selectedFeatures");
    }

    InfoSelectorModel withSelection(int[] features, String[] names, double[] stepScores, double[] relevance,
                                    String reason) {
        set(selectedFeatures, features);
        set(selectedNames, names);
        set(scores, stepScores);
        set(relevances, relevance);
        set(stopReason, reason);
        return this;
    }

    /**
     * Reads a saved model (Spark's loader calls this by reflection, also inside a saved {@code PipelineModel}).
     *
     * @return the reader
     */
    public static MLReader<InfoSelectorModel> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * Loads a model saved with {@code write().save(path)}.
     *
     * @param path the directory
     * @return the model
     */
    public static InfoSelectorModel load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    /**
     * The param featuresCol: the features as one Vector column.
     *
     * @return the param
     */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /**
     * The param inputCols: the features as integral columns.
     *
     * @return the param
     */
    public StringArrayParam inputCols() {
        return inputCols;
    }

    /**
     * The param outputCol: the output Vector column.
     *
     * @return the param
     */
    public Param<String> outputCol() {
        return outputCol;
    }

    /**
     * The param criterion: the criterion that made the selection.
     *
     * @return the param
     */
    public Param<String> criterion() {
        return criterion;
    }

    /**
     * The param unit: the unit of the scores.
     *
     * @return the param
     */
    public Param<String> unit() {
        return unit;
    }

    /**
     * The param selectedFeatures: the selected features' indices.
     *
     * @return the param
     */
    public IntArrayParam selectedFeatures() {
        return selectedFeatures;
    }

    /**
     * The param selectedNames: the selected features' names.
     *
     * @return the param
     */
    public StringArrayParam selectedNames() {
        return selectedNames;
    }

    /**
     * The param scores: each step's score.
     *
     * @return the param
     */
    public DoubleArrayParam scores() {
        return scores;
    }

    /**
     * The param relevances: each selected feature's relevance.
     *
     * @return the param
     */
    public DoubleArrayParam relevances() {
        return relevances;
    }

    /**
     * The param stopReason: why the selection ended.
     *
     * @return the param
     */
    public Param<String> stopReason() {
        return stopReason;
    }

    /**
     * The features' Vector column, or null when the model reads inputCols.
     *
     * @return the features' Vector column, or null when the model reads inputCols
     */
    public String getFeaturesCol() {
        return isDefined(featuresCol) ? getOrDefault(featuresCol) : null;
    }

    /**
     * The features' integral columns, or null when the model reads featuresCol.
     *
     * @return the features' integral columns, or null when the model reads featuresCol
     */
    public String[] getInputCols() {
        return isDefined(inputCols) ? getOrDefault(inputCols) : null;
    }

    /**
     * The output column.
     *
     * @return the output column
     */
    public String getOutputCol() {
        return getOrDefault(outputCol);
    }

    /**
     * The criterion's name (mim, mrmr, jmi, ...).
     *
     * @return the criterion's name (mim, mrmr, jmi, ...)
     */
    public String getCriterion() {
        return getOrDefault(criterion);
    }

    /**
     * The unit of the scores and relevances, bits or nats.
     *
     * @return the unit of the scores and relevances, bits or nats
     */
    public String getUnit() {
        return getOrDefault(unit);
    }

    /**
     * The selected features' indices (into the vector or inputCols), in selection order.
     *
     * @return the selected features' indices (into the vector or inputCols), in selection order
     */
    public int[] getSelectedFeatures() {
        return getOrDefault(selectedFeatures).clone();
    }

    /**
     * The selected features' names (inputCols' names, or the vector's attribute names), in order.
     *
     * @return the selected features' names (inputCols' names, or the vector's attribute names), in order
     */
    public List<String> getSelectedNames() {
        return List.of(getOrDefault(selectedNames));
    }

    /**
     * Each step's criterion score, in {@link #getUnit()} (DISR's after step 0 are unitless).
     *
     * @return each step's criterion score, in {@link #getUnit()} (DISR's after step 0 are unitless)
     */
    public double[] getScores() {
        return getOrDefault(scores).clone();
    }

    /**
     * Each selected feature's relevance I(X;Y), in {@link #getUnit()}.
     *
     * @return each selected feature's relevance I(X;Y), in {@link #getUnit()}
     */
    public double[] getRelevances() {
        return getOrDefault(relevances).clone();
    }

    /**
     * Why the selection ended: k features selected, or no candidate with a positive score.
     *
     * @return why the selection ended: k features selected, or no candidate with a positive score
     */
    public StopReason getStopReason() {
        return StopReason.valueOf(getOrDefault(stopReason));
    }

    /**
     * Sets featuresCol.
     *
     * @param value a Vector column of integral codes ≥ 0 (then inputCols must be unset)
     * @return this
     */
    public InfoSelectorModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * Sets inputCols.
     *
     * @param value integral columns, one feature each (then featuresCol must be unset)
     * @return this
     */
    public InfoSelectorModel setInputCols(String... value) {
        set(inputCols, value);
        return this;
    }

    /**
     * Sets outputCol.
     *
     * @param value the output column
     * @return this
     */
    public InfoSelectorModel setOutputCol(String value) {
        set(outputCol, value);
        return this;
    }

    /**
     * Adds {@code outputCol}: the selected features' values, in selection order, as a dense Vector (null for a
     * null input vector).
     *
     * @param dataset the rows
     * @return the rows with the output column
     * @throws IllegalArgumentException as {@link #transformSchema}
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = transformSchema(dataset.schema(), true);
        String out = getOutputCol();
        Metadata metadata = schema.apply(out).metadata();
        int[] selected = getSelectedFeatures();
        Column values;
        String vectorCol = InfoSelectorParams.checkInput(this, featuresCol, inputCols, dataset.schema());
        if (vectorCol != null) {
            UDF1<Vector, Vector> pick = v -> pick(v, selected);
            values = udf(pick, SQLDataTypes.VectorType()).apply(col(vectorCol));
        } else {
            String[] in = getInputCols();
            Column[] picked = new Column[selected.length];
            for (int i = 0; i < selected.length; i++) {
                picked[i] = col(in[selected[i]]).cast("double");
            }
            values = org.apache.spark.ml.functions.array_to_vector(array(picked));
        }
        return dataset.toDF().select(col("*"), values.as(out, metadata));
    }

    private static Vector pick(Vector v, int[] selected) {
        if (v == null) {
            return null;
        }
        double[] picked = new double[selected.length];
        for (int i = 0; i < selected.length; i++) {
            if (selected[i] >= v.size()) {
                throw new IllegalArgumentException("a vector of size " + v.size() + " has no feature "
                        + selected[i] + " (the model was fitted on larger vectors)");
            }
            picked[i] = v.apply(selected[i]);
        }
        return Vectors.dense(picked);
    }

    /**
     * Checks the input columns' types; the output schema is the input's with {@code outputCol}, a Vector whose ML
     * attributes are named by the selected features.
     *
     * @param schema the input schema
     * @return the output schema
     * @throws IllegalArgumentException for both or neither of featuresCol and inputCols, a missing column, a wrong
     *                                  type, an output column that exists already, a selected index beyond
     *                                  inputCols
     */
    @Override
    public StructType transformSchema(StructType schema) {
        InfoSelectorParams.checkInput(this, featuresCol, inputCols, schema);
        int[] selected = getOrDefault(selectedFeatures);
        String[] names = getOrDefault(selectedNames);
        if (isDefined(inputCols)) {
            for (int f : selected) {
                if (f >= getOrDefault(inputCols).length) {
                    throw new IllegalArgumentException("inputCols has " + getOrDefault(inputCols).length
                            + " columns but the model selected feature " + f);
                }
            }
        }
        Attribute[] attrs = new Attribute[selected.length];
        for (int i = 0; i < attrs.length; i++) {
            attrs[i] = NumericAttribute.defaultAttr().withName(names[i]);
        }
        Metadata metadata = new AttributeGroup(getOutputCol(), attrs).toMetadata();
        return InfoSelectorParams.withOutput(schema, getOutputCol(), metadata);
    }

    /**
     * A copy with {@code extra} applied, with the same parent.
     *
     * @param extra params to set on the copy
     * @return the copy
     */
    @Override
    public InfoSelectorModel copy(ParamMap extra) {
        InfoSelectorModel copy = copyValues(new InfoSelectorModel(uid), extra);
        return hasParent() ? copy.setParent(parent()) : copy;
    }
}
