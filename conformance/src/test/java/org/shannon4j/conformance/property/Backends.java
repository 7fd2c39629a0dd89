package org.shannon4j.conformance.property;

import java.util.List;

import org.shannon4j.Shannon;
import org.shannon4j.conformance.ConformanceBackends;

/** Every supported backend ServiceLoader finds, and the scalar reference the others are compared with. */
final class Backends {

    static final List<Shannon> ALL = ConformanceBackends.supported().toList();
    static final Shannon REFERENCE = ConformanceBackends.reference();
    /** The backends compared with the reference (all but the reference itself). */
    static final List<Shannon> OTHERS = ALL.stream()
            .filter(s -> !s.backendName().equals(REFERENCE.backendName())).toList();

    private Backends() {
    }
}
