package org.shannon4j.spi;

import java.util.Optional;

/**
 * A backend: a named set of {@link Kernels}, found with {@link java.util.ServiceLoader}.
 *
 * <p>Register an implementation both ways so that module-path and class-path users find it: a
 * {@code provides org.shannon4j.spi.BackendProvider with ...} clause in {@code module-info.java} and a
 * {@code META-INF/services/org.shannon4j.spi.BackendProvider} file. Providers are instantiated once per
 * JVM; they must be cheap to construct and must not throw from the constructor: a backend that cannot run
 * here says so through {@link #unsupportedReason()}.
 *
 * <p>To certify a backend, run the {@code shannon4j-conformance} suite with it on the test class path.
 */
public interface BackendProvider {

    /**
     * Short lower-case name used by {@code Shannon.get(name)} and {@code -Dshannon4j.backend}.
     *
     * @return the backend name passed to {@code Shannon.get(String)}
     */
    String name();

    /**
     * Higher wins when several backends are supported. The scalar reference uses 0, the SIMD backend 100.
     *
     * @return the priority; the highest supported wins
     */
    int priority();

    /**
     * Empty when this backend can run in the current JVM, otherwise a sentence saying why not (for example
     * "jdk.incubator.vector is not in the module graph; run with --add-modules jdk.incubator.vector"). Must
     * not throw and must not load classes that may be missing.
     *
     * @return empty if this backend can run here, else why not in one sentence
     */
    Optional<String> unsupportedReason();

    /**
     * Free text shown by {@code Shannon.backends()}: vector species, lane counts, math library.
     *
     * @return vector species, lanes, math library; free text
     */
    default String description() {
        return "";
    }

    /**
     * The kernels. Called only when {@link #unsupportedReason()} is empty; may be called more than once.
     *
     * @return the kernels, called only when supported
     */
    Kernels kernels();
}
