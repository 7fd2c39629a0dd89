package org.shannon4j.conformance;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;
import org.shannon4j.spi.BackendProvider;
import org.shannon4j.spi.Kernels;

/**
 * The backends every suite runs on: each supported provider on the class or module path. A third-party
 * backend is certified by putting its jar next to this suite; nothing needs registering.
 */
public final class ConformanceBackends {

    private ConformanceBackends() {
    }

    /**
     * One handle per supported backend, for {@code @MethodSource}. Fails if none is supported. The system property
     * {@code shannon4j.conformance.backends} (comma-separated names) restricts the run to those backends: the
     * build's extra runs of the SIMD backend with other vector widths test only that backend.
     */
    public static Stream<Shannon> supported() {
        List<String> names = restriction();
        List<Shannon> all = Shannon.backends().stream().filter(BackendInfo::supported)
                .filter(info -> names.isEmpty() || names.contains(info.name()))
                .map(info -> Shannon.get(info.name())).toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("no supported backend to test: " + Shannon.backends());
        }
        return all.stream();
    }

    /** The scalar reference, which every other backend is compared with. */
    public static Shannon reference() {
        return Shannon.get("scalar");
    }

    /**
     * The kernels of every supported provider, named by the provider, found with {@link ServiceLoader} as the
     * api finds them and restricted by {@code shannon4j.conformance.backends} as {@link #supported()} is. Fails if
     * none is left.
     */
    public static List<Named<Kernels>> supportedKernels() {
        List<String> names = restriction();
        List<Named<Kernels>> all = ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.unsupportedReason().isEmpty())
                .filter(p -> names.isEmpty() || names.contains(p.name()))
                .map(p -> Named.of(p.name(), p.kernels())).toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("no supported backend to test: " + Shannon.backends());
        }
        return all;
    }

    private static List<String> restriction() {
        String only = System.getProperty("shannon4j.conformance.backends", "");
        return only.isBlank() ? List.of() : List.of(only.split(","));
    }
}
