package org.shannon4j.spark.ml;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The params {@link InfoSelector} and {@link InfoSelectorModel} share (each must own its params, so both declare
 * them, from here), and the schema checks both make.
 */
final class InfoSelectorParams {

    static final List<String> CRITERIA = List.of("mim", "mrmr", "jmi", "jmim", "cmim", "disr", "icap", "cife",
            "betagamma");
    static final List<String> UNITS = List.of("bits", "nats");

    private InfoSelectorParams() {
    }

    static Param<String> featuresCol(Params owner) {
        return new Param<>(owner, "featuresCol", "the features: a Vector column of integral codes >= 0 "
                + "(set this or inputCols, not both)");
    }

    static StringArrayParam inputCols(Params owner) {
        return new StringArrayParam(owner, "inputCols", "the features: integral columns of codes >= 0, one feature "
                + "each (set this or featuresCol, not both)");
    }

    static Param<String> outputCol(Params owner) {
        return new Param<>(owner, "outputCol", "the output Vector column: the selected features' values in "
                + "selection order");
    }

    static Param<String> criterion(Params owner) {
        return new Param<>(owner, "criterion", "the selection criterion: one of " + String.join(", ", CRITERIA)
                + " (betagamma uses beta and gamma)", org.apache.spark.ml.param.ParamValidators.inArray(CRITERIA));
    }

    static Param<String> unit(Params owner) {
        return new Param<>(owner, "unit", "the unit of the scores: bits or nats",
                org.apache.spark.ml.param.ParamValidators.inArray(UNITS));
    }

    static IntArrayParam selectedFeatures(Params owner) {
        return new IntArrayParam(owner, "selectedFeatures", "the selected features' indices, in selection order");
    }

    static StringArrayParam selectedNames(Params owner) {
        return new StringArrayParam(owner, "selectedNames", "the selected features' names, in selection order");
    }

    static DoubleArrayParam scores(Params owner) {
        return new DoubleArrayParam(owner, "scores", "each step's criterion score, in selection order");
    }

    static DoubleArrayParam relevances(Params owner) {
        return new DoubleArrayParam(owner, "relevances", "each selected feature's I(X;Y), in selection order");
    }

    static Param<String> stopReason(Params owner) {
        return new Param<>(owner, "stopReason", "why the selection ended: K_REACHED or NO_POSITIVE_SCORE");
    }

    static String checkedCriterion(String value) {
        if (value == null || !CRITERIA.contains(value)) {
            throw new IllegalArgumentException("criterion = \"" + value + "\": one of " + String.join(", ", CRITERIA)
                    + " (lower case)");
        }
        return value;
    }

    static String checkedUnit(String value) {
        if (value == null || !UNITS.contains(value)) {
            throw new IllegalArgumentException("unit = \"" + value + "\": bits or nats");
        }
        return value;
    }

    /**
     * Checks that exactly one of featuresCol and inputCols is set and that the columns exist with the right types.
     *
     * @return the featuresCol, or null when inputCols is set
     */
    static String checkInput(Params owner, Param<String> featuresCol, StringArrayParam inputCols, StructType schema) {
        boolean vector = owner.isSet(featuresCol);
        boolean columns = owner.isSet(inputCols);
        if (vector == columns) {
            throw new IllegalArgumentException(owner.uid() + ": set exactly one of featuresCol (a Vector column) and "
                    + "inputCols (integral columns); " + (vector ? "both are set (featuresCol = \""
                    + owner.getOrDefault(featuresCol) + "\", inputCols = "
                    + Arrays.toString(owner.getOrDefault(inputCols)) + ")" : "neither is set"));
        }
        if (vector) {
            String name = owner.getOrDefault(featuresCol);
            DataType type = field(schema, "featuresCol", name).dataType();
            if (!type.equals(SQLDataTypes.VectorType())) {
                throw new IllegalArgumentException("featuresCol \"" + name + "\" is of type " + type.simpleString()
                        + ": it must be a Vector (e.g. from VectorAssembler); for integral columns set inputCols");
            }
            return name;
        }
        String[] names = owner.getOrDefault(inputCols);
        if (names.length == 0) {
            throw new IllegalArgumentException("inputCols is empty: name at least one feature column");
        }
        for (int i = 0; i < names.length; i++) {
            DataType type = field(schema, "inputCols[" + i + "]", names[i]).dataType();
            if (!integral(type)) {
                throw new IllegalArgumentException("inputCols[" + i + "] = \"" + names[i] + "\" is of type "
                        + type.simpleString() + ": it must be integral (int, short, byte or long codes >= 0)");
            }
        }
        return null;
    }

    static boolean integral(DataType type) {
        return type instanceof IntegerType || type instanceof ShortType || type instanceof ByteType
                || type instanceof LongType;
    }

    static StructField field(StructType schema, String param, String name) {
        if (name == null || !Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException(param + " = \"" + name + "\": no such column (the columns: "
                    + String.join(", ", schema.fieldNames()) + ")");
        }
        return schema.apply(name);
    }

    /** The schema with the output column added, refusing a name already taken. */
    static StructType withOutput(StructType schema, String outputCol, Metadata metadata) {
        if (Arrays.asList(schema.fieldNames()).contains(outputCol)) {
            throw new IllegalArgumentException("outputCol \"" + outputCol + "\" already exists: choose another name");
        }
        return schema.add(new StructField(outputCol, SQLDataTypes.VectorType(), true, metadata));
    }
}
