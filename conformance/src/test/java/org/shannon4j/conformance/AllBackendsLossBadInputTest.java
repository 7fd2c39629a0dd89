package org.shannon4j.conformance;

/** Runs the loss bad-input suite over the bundled backends. */
class AllBackendsLossBadInputTest extends LossBadInputSuite {
}
