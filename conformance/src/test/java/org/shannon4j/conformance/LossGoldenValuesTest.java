package org.shannon4j.conformance;

/** Runs the loss golden values (PyTorch, scikit-learn, mpmath) over the bundled backends. */
class LossGoldenValuesTest extends LossGoldenValuesSuite {
}
