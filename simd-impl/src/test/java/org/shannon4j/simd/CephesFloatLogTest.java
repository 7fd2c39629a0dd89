package org.shannon4j.simd;

/** {@link CephesFloatLog} (float entropy's default log): the sweeps of {@link FloatLogSweep}. */
class CephesFloatLogTest extends FloatLogSweep {

    @Override
    void logInto(float[] in, int from, int to, float[] out, int outOffset) {
        CephesFloatLog.logInto(in, from, to, out, outOffset);
    }

    @Override
    double maxUlpError() {
        return CephesFloatLog.MAX_ULP_ERROR;
    }
}
