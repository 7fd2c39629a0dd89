package org.shannon4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BackendSelectionTest {

    @Test
    void listsEveryProviderByPriorityWithVerdicts() {
        List<BackendInfo> all = Shannon.backends();
        assertEquals(List.of("throwing", "fast", "naive"), all.stream().map(BackendInfo::name).toList());
        BackendInfo throwing = all.get(0);
        assertFalse(throwing.supported());
        assertTrue(throwing.reason().contains("probe exploded"), throwing.reason());
        BackendInfo fast = all.get(1);
        assertFalse(fast.supported());
        assertEquals("test hardware is missing", fast.reason());
        assertFalse(fast.selected());
        BackendInfo naive = all.get(2);
        assertTrue(naive.supported());
        assertEquals("", naive.reason());
        assertTrue(naive.selected());
        assertTrue(fast.toString().contains("unsupported: test hardware is missing"), fast.toString());
    }

    @Test
    void defaultIsTheHighestPrioritySupportedBackend() {
        assertEquals("naive", Shannon.get().backendName());
        assertSame(Shannon.get(), Shannon.get("NAIVE"), "handles are cached per backend");
    }

    @Test
    void unsupportedBackendByNameExplainsWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shannon.get("fast"));
        assertTrue(e.getMessage().contains("'fast' is unsupported here: test hardware is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("Available: naive"), e.getMessage());
    }

    @Test
    void unknownBackendListsAvailableAndUnsupported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shannon.get("gpu"));
        assertTrue(e.getMessage().startsWith("no shannon4j backend named 'gpu'. Available: naive."), e.getMessage());
        assertTrue(e.getMessage().contains("Unsupported: throwing (failed while probing"), e.getMessage());
        assertTrue(e.getMessage().contains("fast (test hardware is missing)"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Shannon.get(null));
    }

    @Test
    void systemPropertyOverridesTheChoice() {
        List<BackendRegistry.Entry> entries = BackendRegistry.entries();
        assertEquals("naive", BackendRegistry.chooseDefault(entries, " Naive ").name());
        assertEquals("naive", BackendRegistry.chooseDefault(entries, null).name());
        assertEquals("naive", BackendRegistry.chooseDefault(entries, "").name());
        assertNull(BackendRegistry.chooseDefault(entries, "fast"), "an unsupported request is not silently replaced");
        assertNull(BackendRegistry.chooseDefault(entries, "nope"));
    }

    @Test
    void noBackendAtAllIsExplained() {
        assertTrue(BackendRegistry.describeAll(List.of()).contains("put shannon4j-scalar"));
    }
}
