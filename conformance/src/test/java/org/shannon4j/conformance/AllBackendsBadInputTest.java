package org.shannon4j.conformance;

/** Runs the bad-input suite over the bundled backends. */
class AllBackendsBadInputTest extends BadInputSuite {
}
