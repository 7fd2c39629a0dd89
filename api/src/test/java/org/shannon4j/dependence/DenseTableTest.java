package org.shannon4j.dependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;

/** The dense-table forms used by feature selection against the label forms of the same samples. */
class DenseTableTest {

    private final Dependence dep = Shannon.get("naive").dependence();

    @Test
    void denseConditionalMiAndJointEntropyMatchLabels() {
        SplittableRandom rnd = new SplittableRandom(14);
        int xl = 3, yl = 4, zl = 2, n = 500;
        int[] x = new int[n], y = new int[n], z = new int[n];
        int[] table = new int[xl * yl * zl];
        int[] xy = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = rnd.nextInt(zl);
            x[i] = (z[i] + rnd.nextInt(2)) % xl;
            y[i] = rnd.nextInt(3) == 0 ? x[i] : rnd.nextInt(yl);
            table[(x[i] * yl + y[i]) * zl + z[i]]++;
            xy[i] = x[i] * yl + y[i];
        }
        assertEquals(dep.conditionalMutualInformation(x, y, z), dep.conditionalMutualInformation(table, xl, yl, zl),
                1e-14);
        assertEquals(dep.jointEntropy(xy, z), dep.jointEntropy(table, xl * yl, zl), 1e-14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dep.conditionalMutualInformation(new int[] {1, -2, 0, 0}, 1, 2, 2));
        assertEquals("counts[1] = -2 (x 0, y 0, z 1): counts must be >= 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dep.conditionalMutualInformation(new int[3], 1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> dep.conditionalMutualInformation(new int[4], 1, 2, 2));
    }
}
