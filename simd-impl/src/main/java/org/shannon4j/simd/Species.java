package org.shannon4j.simd;

import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape of the distribution and mutual-information kernels: the preferred shape, capped at
 * 512 bits (our log tables are laid out for 2 to 8 double lanes), or narrower when the test and diagnostic
 * knob {@code -Dshannon4j.simd.bits=128|256} asks for it (read once; a width above the preferred one, or any
 * other value, is ignored). The knob exists so that the 256- and 128-bit code paths of 256- and 128-bit CPUs
 * can be tested on an AVX-512 machine (as Lucene's {@code tests.vectorsize}); it is not a tuning option.
 */
final class Species {

    static final VectorShape SHAPE = shape();
    static final VectorSpecies<Double> D = VectorSpecies.of(double.class, SHAPE);
    static final VectorSpecies<Float> F = VectorSpecies.of(float.class, SHAPE);
    static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, SHAPE);
    static final VectorSpecies<Long> L = VectorSpecies.of(long.class, SHAPE);
    static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, SHAPE);

    private Species() {
    }

    private static VectorShape shape() {
        int preferred = Math.min(512, VectorShape.preferredShape().vectorBitSize());
        int bits = preferred;
        String asked = System.getProperty("shannon4j.simd.bits", "");
        if (asked.equals("128") || asked.equals("256") || asked.equals("512")) {
            bits = Math.min(preferred, Integer.parseInt(asked));
        }
        return VectorShape.forBitSize(bits);
    }
}
