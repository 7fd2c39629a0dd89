package org.shannon4j.conformance;

/** Runs the per-row measures' conformance suite over the bundled backends. */
class AllBackendsRowTest extends RowConformanceSuite {
}
