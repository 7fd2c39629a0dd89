package org.shannon4j.bench;

import java.util.ServiceLoader;

import org.shannon4j.spi.BackendProvider;
import org.shannon4j.spi.Kernels;

/** The kernels of a backend found by name, for the benchmarks that call one kernel directly. */
final class BackendKernels {

    private BackendKernels() {
    }

    /** The kernels of the provider named {@code backend} ({@link BackendProvider#name()}). */
    static Kernels named(String backend) {
        return ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(backend)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no backend named " + backend)).kernels();
    }
}
