package org.shannon4j.conformance;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the narrowed-width runs of this suite (the {@code simd-256-bit} and {@code simd-128-bit} surefire
 * executions, {@code -Dshannon4j.simd.bits}) where the knob changes nothing: on a CPU whose preferred vectors are
 * already that width (or narrower) the SIMD backend runs the same species with or without it, so the default
 * execution has already run these tests on the same code paths (on a 2-core AVX2 host the 256-bit run repeated
 * 2.6 minutes of it, most of them the forked JIT-tier battery). Registered through extension autodetection,
 * which only those executions turn on; jqwik's property classes are not Jupiter tests and still run there.
 */
public final class NativeWidthCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String asked = System.getProperty("shannon4j.simd.bits");
        int preferred = preferredBits();
        if (asked != null && preferred > 0 && asked.matches("128|256|512")
                && Math.min(preferred, Integer.parseInt(asked)) == preferred) {
            return ConditionEvaluationResult.disabled("shannon4j.simd.bits=" + asked + " on a CPU whose vectors are "
                    + preferred + " bits: the SIMD backend's species is the default one, already tested by the "
                    + "default execution");
        }
        return ConditionEvaluationResult.enabled("shannon4j.simd.bits=" + asked + ", preferred " + preferred);
    }

    /**
     * The SIMD backend's default width (the preferred vector shape, capped at 512 bits as the backend caps it),
     * read by reflection so that this class compiles without the vector module; 0 without it.
     */
    static int preferredBits() {
        try {
            Class<?> shape = Class.forName("jdk.incubator.vector.VectorShape");
            Object preferred = shape.getMethod("preferredShape").invoke(null);
            return Math.min(512, (Integer) shape.getMethod("vectorBitSize").invoke(preferred));
        } catch (ReflectiveOperationException | LinkageError e) {
            return 0;
        }
    }
}
