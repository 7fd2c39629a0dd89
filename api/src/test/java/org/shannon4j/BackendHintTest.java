package org.shannon4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The notice for a JVM that runs a slower backend because a faster one is present but unsupported. */
class BackendHintTest {

    private static BackendRegistry.Entry named(String name) {
        return BackendRegistry.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void namesTheBackendInUseTheFasterOneWhyAndHowToSilenceIt() {
        List<BackendRegistry.Entry> entries = BackendRegistry.entries();
        String hint = BackendRegistry.fasterBackendHint(entries, named("naive"), null).orElseThrow();
        // The test providers list 'throwing' (probe failed) and 'fast' (unsupported) above 'naive'.
        assertTrue(hint.startsWith("shannon4j uses its 'naive' backend because the faster 'throwing' backend is"
                + " unsupported in this JVM: failed while probing"), hint);
        assertTrue(hint.endsWith("run with -Dshannon4j.backend=naive or -Dshannon4j.backend.hint=false."), hint);
    }

    @Test
    void silentForAnExplicitChoice() {
        assertEquals(Optional.empty(),
                BackendRegistry.fasterBackendHint(BackendRegistry.entries(), named("naive"), "naive"));
    }

    @Test
    void silentWhenNothingFasterIsInstalled() {
        BackendRegistry.Entry naive = named("naive");
        assertEquals(Optional.empty(), BackendRegistry.fasterBackendHint(List.of(naive), naive, null));
        assertEquals(Optional.empty(), BackendRegistry.fasterBackendHint(List.of(naive), null, ""));
    }

    @Test
    void silentWhenTheFasterBackendIsSupported() {
        BackendRegistry.Entry naive = named("naive");
        BackendRegistry.Entry fastAndFine = new BackendRegistry.Entry("turbo", 1000, "", "", naive.provider(),
                naive.kernels());
        assertEquals(Optional.empty(), BackendRegistry.fasterBackendHint(List.of(fastAndFine, naive), naive, null));
    }

    @Test
    void facadeExposesTheSameNotice() {
        assertEquals(BackendRegistry.fasterBackendHint(BackendRegistry.entries(), BackendRegistry.defaultEntry(),
                System.getProperty(BackendRegistry.BACKEND_PROPERTY)), BackendRegistry.hint());
    }
}
