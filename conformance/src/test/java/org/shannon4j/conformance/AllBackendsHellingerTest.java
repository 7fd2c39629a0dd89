package org.shannon4j.conformance;

/** Runs the Hellinger suite (golden values, input forms, extreme sums, bad input) over the bundled backends. */
class AllBackendsHellingerTest extends HellingerConformanceSuite {
}
