package org.shannon4j.drift;

/**
 * One column's drift: the method's value, the threshold it was compared with and the decision.
 *
 * @param method the drift method
 * @param value the method's value (PSI, KL and JS in nats for the presets; Evidently's statistical tests give
 *     their p-value here, as Evidently's drift score)
 * @param threshold the threshold the decision compared with: the value's, or the p-value's where the decision is
 *     taken on a p-value other than the value (NannyML's {@code chi2})
 * @param drift whether the preset's comparison says drift
 * @param pValue the test's p-value for a statistical test, {@link Double#NaN} for a distance (not a test)
 */
public record DriftResult(DriftMethod method, double value, double threshold, boolean drift, double pValue) {

    /**
     * A distance's result: no p-value.
     *
     * @param method the drift method
     * @param value the method's value
     * @param threshold the threshold
     * @param drift the decision
     */
    public DriftResult(DriftMethod method, double value, double threshold, boolean drift) {
        this(method, value, threshold, drift, Double.NaN);
    }
}
