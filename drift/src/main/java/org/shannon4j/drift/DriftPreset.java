package org.shannon4j.drift;

/**
 * A monitoring tool whose rules (binning, empty-bin fill, measure, threshold and comparison) a preset reproduces,
 * so that {@link Drift#numeric(DriftPreset, DriftMethod, double[], double[])} gives that tool's number and decision.
 */
public enum DriftPreset {
    /**
     * Evidently 0.7.x ({@code get_one_column_drift} in {@code evidently/legacy/calculations/data_drift.py} and the
     * stat tests in {@code evidently/legacy/calculations/stattests/}, which the 0.7 {@code ValueDrift} and
     * {@code DataDriftPreset} call). The rules per method are in {@link DriftMethod}; for every method: NaN and
     * ±∞ are dropped from both columns first, an empty column is an error, the default threshold is 0.1 and drift
     * is {@code value >= threshold}.
     */
    EVIDENTLY
}
