package org.shannon4j.conformance;

import java.util.List;
import java.util.stream.Stream;

import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;

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
        String only = System.getProperty("shannon4j.conformance.backends", "");
        List<String> names = only.isBlank() ? List.of() : List.of(only.split(","));
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
}
