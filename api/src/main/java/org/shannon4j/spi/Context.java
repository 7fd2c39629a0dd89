package org.shannon4j.spi;

import java.util.Objects;

import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;

/**
 * What every family of measures is bound to: the backend's kernels, the unit results are given in, the
 * normalisation policy for probability vectors, and the threads one call may use. A {@link org.shannon4j.Shannon}
 * handle is one context ({@link org.shannon4j.Shannon#context()}); each family entry type (the dependence
 * measures, the losses, and the families of other modules) is built from it and so carries the same settings.
 * Immutable and thread-safe.
 *
 * @param backendName the name of the backend the kernels come from
 * @param kernels the backend's kernels
 * @param unit the unit of results
 * @param normalization the policy for vectors that should sum to 1
 * @param parallelism the threads one call may use
 */
public record Context(String backendName, Kernels kernels, InfoUnit unit, Normalization normalization,
                      Parallelism parallelism) {

    /**
     * Checks that no component is null.
     *
     * @param backendName the name of the backend the kernels come from
     * @param kernels the backend's kernels
     * @param unit the unit of results
     * @param normalization the policy for vectors that should sum to 1
     * @param parallelism the threads one call may use
     */
    public Context {
        Objects.requireNonNull(backendName, "backendName must not be null");
        Objects.requireNonNull(kernels, "kernels must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        Objects.requireNonNull(normalization, "normalization must not be null");
        Objects.requireNonNull(parallelism, "parallelism must not be null");
    }

    /**
     * This context with results in {@code unit}.
     *
     * @param unit the unit of results
     * @return the context with that unit
     */
    public Context withUnit(InfoUnit unit) {
        return new Context(backendName, kernels, unit, normalization, parallelism);
    }

    /**
     * This context with {@code normalization}.
     *
     * @param normalization the policy for vectors that should sum to 1
     * @return the context with that policy
     */
    public Context withNormalization(Normalization normalization) {
        return new Context(backendName, kernels, unit, normalization, parallelism);
    }

    /**
     * This context with {@code parallelism}.
     *
     * @param parallelism the threads one call may use
     * @return the context with that parallelism
     */
    public Context withParallelism(Parallelism parallelism) {
        return new Context(backendName, kernels, unit, normalization, parallelism);
    }
}
