package org.shannon4j.scalar;

import java.util.Optional;

import org.shannon4j.spi.BackendProvider;
import org.shannon4j.spi.Kernels;

/** The reference backend: plain Java, runs everywhere, deterministic. */
public final class ScalarBackendProvider implements BackendProvider {

    /** Lowest priority of the bundled backends: chosen only when nothing faster is supported. */
    public static final int PRIORITY = 0;

    /** Created by {@link java.util.ServiceLoader}. */
    public ScalarBackendProvider() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Optional<String> unsupportedReason() {
        return Optional.empty();
    }

    @Override
    public String description() {
        return "plain Java, Math.log, 4 accumulators per 256-element block, compensated sum of blocks";
    }

    @Override
    public Kernels kernels() {
        return ScalarKernels.INSTANCE;
    }
}
