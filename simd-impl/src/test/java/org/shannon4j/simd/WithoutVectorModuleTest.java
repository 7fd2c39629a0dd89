package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;

/**
 * Runs in its own surefire execution whose JVM has no {@code --add-modules jdk.incubator.vector}: the
 * provider must load, say "unsupported" with the fix in the reason, and never throw NoClassDefFoundError.
 */
class WithoutVectorModuleTest {

    @Test
    void vectorModuleIsReallyAbsentInThisJvm() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty(),
                "this test must run in a JVM without --add-modules jdk.incubator.vector");
    }

    @Test
    void providerReportsUnsupportedWithTheFix() {
        SimdBackendProvider provider = new SimdBackendProvider();
        assertEquals("simd", provider.name());
        String reason = provider.unsupportedReason().orElseThrow();
        assertTrue(reason.contains("--add-modules jdk.incubator.vector"), reason);
        assertEquals("", provider.description());
        assertThrows(IllegalStateException.class, provider::kernels);
    }

    @Test
    void facadeListsItAsUnsupportedAndRefusesItByName() {
        List<BackendInfo> all = Shannon.backends();
        BackendInfo simd = all.stream().filter(b -> b.name().equals("simd")).findFirst().orElseThrow();
        assertFalse(simd.supported());
        assertFalse(simd.selected());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shannon.get("simd"));
        assertTrue(e.getMessage().contains("jdk.incubator.vector is not in the module graph"), e.getMessage());
    }
}
