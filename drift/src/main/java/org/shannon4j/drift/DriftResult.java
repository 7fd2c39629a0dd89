package org.shannon4j.drift;

/**
 * One column's drift: the method's value, the threshold it was compared with and the decision.
 *
 * @param method the drift method
 * @param value the method's value (PSI, KL and JS in nats for the presets)
 * @param threshold the threshold
 * @param drift whether the preset's comparison of value and threshold says drift
 */
public record DriftResult(DriftMethod method, double value, double threshold, boolean drift) {
}
