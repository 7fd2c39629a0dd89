package org.shannon4j.conformance;

/** Runs the scale suite (segments, parallelism) over the bundled backends. */
class AllBackendsScaleTest extends ScaleConformanceSuite {
}
