package org.shannon4j.conformance;

/** Runs the loss conformance suite over the bundled backends. */
class AllBackendsLossTest extends LossConformanceSuite {
}
