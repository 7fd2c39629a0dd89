package org.shannon4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;

import org.shannon4j.spi.Kernels;

/** The only class the provider touches after it has checked that the vector module is present. */
final class VectorSupport {

    private VectorSupport() {
    }

    static int preferredBitSize() {
        return VectorShape.preferredShape().vectorBitSize();
    }

    static String describe() {
        return "DoubleVector " + Species.D.vectorBitSize() + "-bit ("
                + Species.D.length() + " lanes), FloatVector "
                + Species.F.length() + " lanes"
                + (Species.SHAPE.vectorBitSize() < VectorShape.preferredShape().vectorBitSize()
                        ? " (narrowed by shannon4j.simd.bits)" : "");
    }

    static Kernels kernels() {
        return SimdKernels.INSTANCE;
    }
}
