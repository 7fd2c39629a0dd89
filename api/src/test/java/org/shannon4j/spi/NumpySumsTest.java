package org.shannon4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * numpy's sums to the bit beyond one buffer (8192 values), where a reduction adds the pairwise sums of its chunks
 * in order. Expected: numpy 1.24.2, {@code i = np.arange(n); u = ((i*2246822519) % 2**32)/2**32*6.0 - 3.0;
 * x = u*u*u*1000.0; np.sum(x).hex(), np.std(x).hex()}: for these n one pairwise sum over all the values differs
 * from numpy's (as it put the standard deviation of a scikit-learn golden column an ulp away, which moved tied KSG
 * distances).
 */
class NumpySumsTest {

    @Test
    void sumAndStdAsNumpyAcrossBuffers() {
        check(10000, -0x1.94f52138fc58ep+16, 0x1.3eeed9b7609b6p+13);
        check(20000, -0x1.490d47b75b88ep+16, 0x1.3ef791d822b06p+13);
        check(30000, -0x1.79bc249920986p+16, 0x1.3ee6c99fdeef6p+13);
    }

    private static void check(int n, double sum, double std) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = ((i * 2246822519L) % (1L << 32)) / 0x1p32 * 6.0 - 3.0;
            x[i] = u * u * u * 1000.0;
        }
        assertEquals(sum, NumpySums.pairwiseSum(x, 0, n), 0.0, "sum, n = " + n);
        assertEquals(std, NumpySums.populationStd(x), 0.0, "std, n = " + n);
    }
}
