package org.shannon4j.simd;

import org.shannon4j.spi.KernelMath;

/**
 * A Neumaier-compensated running sum of block partials. Kernels create it as a local that never escapes, so
 * the JIT scalar-replaces it (checked with JMH {@code -prof gc}: no allocation per call).
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double x) {
        double t = sum + x;
        compensation += KernelMath.sumError(sum, x, t);
        sum = t;
    }

    double value() {
        return KernelMath.compensated(sum, compensation);
    }
}
