package org.shannon4j.spark.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.Selection;
import org.shannon4j.spark.SparkSelection;

/**
 * The greedy information-theoretic feature selectors (MIM, mRMR, JMI, JMIM, CMIM, DISR, ICAP, CIFE, the β/γ
 * family) as a Spark ML {@link Estimator}: {@link #fit} runs {@link SparkSelection} and returns an
 * {@link InfoSelectorModel} whose {@code transform} adds the selected features as a Vector column, as MLlib's
 * {@code UnivariateFeatureSelector} does (but ranking by information, never by an underflowing p-value).
 *
 * <p>Why an {@code Estimator}/{@code Model} pair as well as {@link SparkSelection}: Spark users compose feature
 * selectors with assemblers and classifiers in a {@code Pipeline}, tune them with {@code ParamMap}s and save and
 * load the fitted pipeline as a whole; a stage is the unit all of that works with, from Java, Scala and (through
 * the JVM) PySpark. {@link SparkSelection} stays as the plain Java API, returning the library's
 * {@link Selection}; the model is that selection in params, so it saves with {@code DefaultParamsWriter} and loads
 * inside a saved pipeline.
 *
 * <pre>{@code
 * InfoSelector selector = new InfoSelector()
 *         .setFeaturesCol("features")          // a Vector of integral codes >= 0 (or setInputCols(...))
 *         .setLabelCol("label")
 *         .setCriterion("jmi").setK(20).setUnit("bits");
 * InfoSelectorModel model = selector.fit(train);
 * model.getSelectedNames();                   // in selection order; getScores(), getRelevances() alike
 * Dataset<Row> out = model.transform(test);    // adds "selectedFeatures"
 * }</pre>
 *
 * <p>Params: {@code featuresCol} (a Vector column whose values are integral codes ≥ 0) or {@code inputCols}
 * (integral columns, one feature each): exactly one of the two; {@code labelCol} (default "label"; integral, or
 * float/double holding integral values); {@code outputCol} (default "selectedFeatures"); {@code criterion} (mim,
 * mrmr, jmi, jmim, cmim, disr, icap, cife, betagamma; default jmi); {@code beta} and {@code gamma} (betagamma's
 * weights, default 1 and 1); {@code k} (how many to select, ≥ 1 and at most the number of features; default 10);
 * {@code unit} (bits or nats, of the scores; default nats, as {@link Shannon#get()}); {@code backend} (a shannon4j
 * backend name; unset: {@link Shannon#get()}'s). The selection is {@link SparkSelection}'s, so it is bit for bit the
 * in-process {@code FeatureSelection}'s on the same data and backend.
 */
public final class InfoSelector extends Estimator<InfoSelectorModel> implements DefaultParamsWritable {

    /** The uid; see {@link #uid()}. */
    private final String uid;
    /** See {@link #featuresCol()}. */
    private final Param<String> featuresCol;
    /** See {@link #inputCols()}. */
    private final StringArrayParam inputCols;
    /** See {@link #labelCol()}. */
    private final Param<String> labelCol;
    /** See {@link #outputCol()}. */
    private final Param<String> outputCol;
    /** See {@link #criterion()}. */
    private final Param<String> criterion;
    /** See {@link #beta()}. */
    private final DoubleParam beta;
    /** See {@link #gamma()}. */
    private final DoubleParam gamma;
    /** See {@link #k()}. */
    private final IntParam k;
    /** See {@link #unit()}. */
    private final Param<String> unit;
    /** See {@link #backend()}. */
    private final Param<String> backend;

    /** A selector with a random uid and the default params. */
    public InfoSelector() {
        this(Identifiable.randomUID("infoSelector"));
    }

    /**
     * A selector with the default params (the constructor {@code DefaultParamsReader} calls).
     *
     * @param uid the uid
     */
    public InfoSelector(String uid) {
        this.uid = uid;
        // Params read their parent's uid when built, so they are made here, after it, not in field initialisers.
        featuresCol = InfoSelectorParams.featuresCol(this);
        inputCols = InfoSelectorParams.inputCols(this);
        labelCol = new Param<>(this, "labelCol", "the target column: integral, or float/double of integral values");
        outputCol = InfoSelectorParams.outputCol(this);
        criterion = InfoSelectorParams.criterion(this);
        beta = new DoubleParam(this, "beta", "betagamma's weight of the redundancy terms I(X;Xs)");
        gamma = new DoubleParam(this, "gamma", "betagamma's weight of the conditional terms I(X;Xs|Y)");
        k = new IntParam(this, "k", "how many features to select (>= 1, at most the number of features)",
                ParamValidators.gtEq(1));
        unit = InfoSelectorParams.unit(this);
        backend = new Param<>(this, "backend", "the shannon4j backend by name (unset: Shannon.get()'s)");
        setDefault(labelCol, "label");
        setDefault(outputCol, "selectedFeatures");
        setDefault(criterion, "jmi");
        setDefault(beta, 1.0);
        setDefault(gamma, 1.0);
        setDefault(k, 10);
        setDefault(unit, "nats");
    }

    /**
     * Reads a saved selector (Spark's loader calls this by reflection, as on MLlib's own stages).
     *
     * @return the reader
     */
    public static MLReader<InfoSelector> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * Loads a selector saved with {@code write().save(path)}.
     *
     * @param path the directory
     * @return the selector
     */
    public static InfoSelector load(String path) {
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
     * The param labelCol: the target column.
     *
     * @return the param
     */
    public Param<String> labelCol() {
        return labelCol;
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
     * The param criterion: the criterion.
     *
     * @return the param
     */
    public Param<String> criterion() {
        return criterion;
    }

    /**
     * The param beta: betagamma's β.
     *
     * @return the param
     */
    public DoubleParam beta() {
        return beta;
    }

    /**
     * The param gamma: betagamma's γ.
     *
     * @return the param
     */
    public DoubleParam gamma() {
        return gamma;
    }

    /**
     * The param k: how many features to select.
     *
     * @return the param
     */
    public IntParam k() {
        return k;
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
     * The param backend: the backend name.
     *
     * @return the param
     */
    public Param<String> backend() {
        return backend;
    }

    /**
     * The features' Vector column, or null when the features are inputCols.
     *
     * @return the features' Vector column, or null
     */
    public String getFeaturesCol() {
        return isDefined(featuresCol) ? getOrDefault(featuresCol) : null;
    }

    /**
     * The features' integral columns, or null when the features are one Vector column.
     *
     * @return the features' integral columns, or null
     */
    public String[] getInputCols() {
        return isDefined(inputCols) ? getOrDefault(inputCols) : null;
    }

    /**
     * The target column.
     *
     * @return the target column
     */
    public String getLabelCol() {
        return getOrDefault(labelCol);
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
     * The criterion's name.
     *
     * @return the criterion's name
     */
    public String getCriterion() {
        return getOrDefault(criterion);
    }

    /**
     * Betagamma's β.
     *
     * @return betagamma's β
     */
    public double getBeta() {
        return (Double) getOrDefault(beta);
    }

    /**
     * Betagamma's γ.
     *
     * @return betagamma's γ
     */
    public double getGamma() {
        return (Double) getOrDefault(gamma);
    }

    /**
     * How many features to select.
     *
     * @return how many features to select
     */
    public int getK() {
        return (Integer) getOrDefault(k);
    }

    /**
     * The unit of the scores, bits or nats.
     *
     * @return the unit of the scores, bits or nats
     */
    public String getUnit() {
        return getOrDefault(unit);
    }

    /**
     * The backend name, or null when unset ({@link Shannon#get()}'s).
     *
     * @return the backend name, or null when unset ({@link Shannon#get()}'s)
     */
    public String getBackend() {
        return isDefined(backend) ? getOrDefault(backend) : null;
    }

    /**
     * Sets featuresCol.
     *
     * @param value a Vector column of integral codes ≥ 0 (then leave inputCols unset)
     * @return this
     */
    public InfoSelector setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * Sets inputCols.
     *
     * @param value integral columns of codes ≥ 0, one feature each (then leave featuresCol unset)
     * @return this
     */
    public InfoSelector setInputCols(String... value) {
        set(inputCols, value);
        return this;
    }

    /**
     * Sets labelCol.
     *
     * @param value the target column
     * @return this
     */
    public InfoSelector setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    /**
     * Sets outputCol.
     *
     * @param value the output column
     * @return this
     */
    public InfoSelector setOutputCol(String value) {
        set(outputCol, value);
        return this;
    }

    /**
     * Sets criterion.
     *
     * @param value mim, mrmr, jmi, jmim, cmim, disr, icap, cife or betagamma
     * @return this
     * @throws IllegalArgumentException for another name (the message lists these)
     */
    public InfoSelector setCriterion(String value) {
        set(criterion, InfoSelectorParams.checkedCriterion(value));
        return this;
    }

    /**
     * Sets beta.
     *
     * @param value betagamma's β (finite)
     * @return this
     */
    public InfoSelector setBeta(double value) {
        set(beta, value);
        return this;
    }

    /**
     * Sets gamma.
     *
     * @param value betagamma's γ (finite)
     * @return this
     */
    public InfoSelector setGamma(double value) {
        set(gamma, value);
        return this;
    }

    /**
     * Sets k.
     *
     * @param value how many features to select, ≥ 1 (at most the number of features, checked by fit)
     * @return this
     * @throws IllegalArgumentException if {@code value < 1}
     */
    public InfoSelector setK(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("k = " + value + ": at least 1 feature must be selected");
        }
        set(k, value);
        return this;
    }

    /**
     * Sets unit.
     *
     * @param value bits or nats
     * @return this
     * @throws IllegalArgumentException for another unit
     */
    public InfoSelector setUnit(String value) {
        set(unit, InfoSelectorParams.checkedUnit(value));
        return this;
    }

    /**
     * Sets backend.
     *
     * @param value a shannon4j backend name, e.g. "scalar" or "simd"
     * @return this
     */
    public InfoSelector setBackend(String value) {
        set(backend, value);
        return this;
    }

    /**
     * Selects the features: one pass checking the vector codes (featuresCol), then {@link SparkSelection}.
     *
     * @param dataset the training rows
     * @return the model: the selection, with this selector's column params
     * @throws IllegalArgumentException for both or neither of featuresCol and inputCols, a missing column or a wrong
     *                                  type, a null, non-integral, negative or too large code (naming the column,
     *                                  the index and the value), k above the number of features, an unknown
     *                                  backend, and whatever {@link SparkSelection#select} refuses
     */
    @Override
    public InfoSelectorModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> data = dataset.toDF();
        String label = getLabelCol();
        Column target = label(data, label);
        String vectorCol = InfoSelectorParams.checkInput(this, featuresCol, inputCols, data.schema());
        Dataset<Row> coded;
        String[] features;
        String[] names;
        if (vectorCol == null) {
            features = getInputCols();
            names = features;
            List<Column> cols = new ArrayList<>();
            for (String f : features) {
                cols.add(col(f));
            }
            cols.add(target.as(label));
            coded = data.select(cols.toArray(Column[]::new));
        } else {
            int d = VectorCodes.check(data, vectorCol);
            features = new String[d];
            List<Column> cols = new ArrayList<>();
            for (int i = 0; i < d; i++) {
                features[i] = "_shannon4j_x" + i;
                cols.add(col("_shannon4j_v").getItem(i).cast("int").as(features[i]));
            }
            cols.add(col(label));
            // Two projections so the vector becomes an array once per row, not once per feature.
            coded = data.select(org.apache.spark.ml.functions.vector_to_array(col(vectorCol), "float64")
                            .as("_shannon4j_v"), target.as(label))
                    .select(cols.toArray(Column[]::new));
            names = VectorCodes.names(data.schema().apply(vectorCol), d);
        }
        Selection s = SparkSelection.of(handle()).select(coded, label, List.of(features), selectionCriterion(),
                getK());
        String[] selectedNames = new String[s.size()];
        for (int i = 0; i < selectedNames.length; i++) {
            selectedNames[i] = names[s.feature(i)];
        }
        InfoSelectorModel model = copyValues(new InfoSelectorModel(uid), ParamMap.empty())
                .withSelection(s.features(), selectedNames, s.scores(), s.relevance(), s.stopReason().name());
        return model.setParent(this);
    }

    private Shannon handle() {
        String name = getBackend();
        Shannon base = name == null ? Shannon.get() : Shannon.get(name);
        return base.withUnit(InfoUnit.valueOf(getUnit().toUpperCase(Locale.ROOT)));
    }

    /** The criterion the params name: the lower-case name of a {@link Criterion.Method}, or cife, betagamma. */
    private Criterion selectionCriterion() {
        String name = InfoSelectorParams.checkedCriterion(getCriterion());
        return switch (name) {
            case "cife" -> Criterion.CIFE;
            case "betagamma" -> Criterion.betaGamma(getBeta(), getGamma());
            default -> new Criterion(Criterion.Method.valueOf(name.toUpperCase(Locale.ROOT)), 0, 0);
        };
    }

    /** The target as an integral column: a float/double one is checked to hold integral values, then cast. */
    private static Column label(Dataset<Row> data, String label) {
        DataType type = InfoSelectorParams.field(data.schema(), "labelCol", label).dataType();
        if (InfoSelectorParams.integral(type)) {
            return col(label);
        }
        Column asDouble = col(label).cast("double");
        List<Row> bad = data.select(col(label)).where(isnan(asDouble).or(asDouble.mod(lit(1)).notEqual(lit(0))))
                .limit(1).collectAsList();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("labelCol \"" + label + "\" holds " + bad.get(0).get(0) + ": the "
                    + "target's values must be integral (class labels such as 0.0, 1.0, 2.0)");
        }
        return col(label).cast("long");
    }

    /**
     * Checks the params and the input columns' types; the output schema is the input's with the selected-features
     * Vector column added.
     *
     * @param schema the input schema
     * @return the output schema
     * @throws IllegalArgumentException for both or neither of featuresCol and inputCols, a missing column, a wrong
     *                                  type, an output column that exists already, an unknown criterion or unit
     */
    @Override
    public StructType transformSchema(StructType schema) {
        InfoSelectorParams.checkInput(this, featuresCol, inputCols, schema);
        DataType labelType = InfoSelectorParams.field(schema, "labelCol", getLabelCol()).dataType();
        if (!(labelType instanceof NumericType)) {
            throw new IllegalArgumentException("labelCol \"" + getLabelCol() + "\" is of type "
                    + labelType.simpleString() + ": it must be numeric with integral values");
        }
        selectionCriterion();
        InfoSelectorParams.checkedUnit(getUnit());
        return InfoSelectorParams.withOutput(schema, getOutputCol(), new AttributeGroup(getOutputCol()).toMetadata());
    }

    /**
     * A copy with {@code extra} applied.
     *
     * @param extra params to set on the copy
     * @return the copy
     */
    @Override
    public InfoSelector copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Where the codes of a Vector column are checked and named. */
    static final class VectorCodes {
        private VectorCodes() {
        }

        /**
         * The dimension (the column's ML attributes' size, else the first row's), after one pass that finds a row
         * with a null vector, another dimension, or a value that is not an integral code in [0, 2³¹ − 1).
         */
        static int check(Dataset<Row> data, String column) {
            int d = AttributeGroup.fromStructField(data.schema().apply(column)).size();
            if (d < 0) {
                List<Row> first = data.select(col(column)).where(col(column).isNotNull()).limit(1).collectAsList();
                if (first.isEmpty()) {
                    throw new IllegalArgumentException("featuresCol \"" + column + "\": the dataset has no rows with "
                            + "a vector");
                }
                d = first.get(0).<Vector>getAs(0).size();
            }
            Column bad = col(column).isNull().or(size(col("_shannon4j_v")).notEqual(lit(d)))
                    .or(expr("exists(_shannon4j_v, x -> isnan(x) OR x < 0 OR x >= 2147483647 OR x % 1 != 0)"));
            List<Row> rows = data.select(col(column),
                            org.apache.spark.ml.functions.vector_to_array(col(column), "float64").as("_shannon4j_v"))
                    .where(bad).limit(1).collectAsList();
            if (!rows.isEmpty()) {
                throw new IllegalArgumentException(describe(column, rows.get(0).<Vector>getAs(0), d));
            }
            return d;
        }

        private static String describe(String column, Vector v, int d) {
            if (v == null) {
                return "featuresCol \"" + column + "\" has a null vector: drop or fill the missing rows first";
            }
            if (v.size() != d) {
                return "featuresCol \"" + column + "\" holds a vector of size " + v.size() + " where " + d
                        + " were expected: " + abbreviated(v);
            }
            double[] values = v.toArray();
            for (int i = 0; i < values.length; i++) {
                double x = values[i];
                if (!(x >= 0 && x < Integer.MAX_VALUE && x == Math.rint(x))) {
                    return "featuresCol \"" + column + "\" holds " + x + " at index " + i + " of the row "
                            + abbreviated(v) + ": the values must be integral codes >= 0 (and < " + Integer.MAX_VALUE
                            + "); discretize first";
                }
            }
            throw new IllegalStateException("no bad value in " + abbreviated(v));
        }

        private static String abbreviated(Vector v) {
            String s = v.toString();
            return s.length() <= 200 ? s : s.substring(0, 200) + "...";
        }

        /** The features' names: the column's ML attribute names where there are some, else column[i]. */
        static String[] names(org.apache.spark.sql.types.StructField field, int d) {
            String[] names = new String[d];
            Attribute[] attrs = AttributeGroup.fromStructField(field).attributes().getOrElse(() -> null);
            for (int i = 0; i < d; i++) {
                String n = attrs != null && i < attrs.length ? attrs[i].name().getOrElse(() -> null) : null;
                names[i] = n != null ? n : field.name() + "[" + i + "]";
            }
            return names;
        }
    }
}
