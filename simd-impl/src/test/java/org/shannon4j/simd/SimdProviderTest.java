package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;

/** With the vector module present (the default surefire execution adds it). */
class SimdProviderTest {

    @Test
    void supportedAndSelectedWithTheModule() {
        SimdBackendProvider provider = new SimdBackendProvider();
        assertTrue(provider.unsupportedReason().isEmpty(), () -> provider.unsupportedReason().orElse(""));
        assertTrue(provider.description().contains("lanes"), provider.description());
        assertTrue(provider.description().contains("jsvml") || provider.description().contains("sleef"),
                provider.description());
        assertSame(provider.kernels(), provider.kernels());
        BackendInfo simd = Shannon.backends().get(0);
        assertEquals("simd", simd.name());
        assertTrue(simd.selected());
        assertEquals("simd", Shannon.get().backendName());
    }
}
