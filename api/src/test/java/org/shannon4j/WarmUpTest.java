package org.shannon4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void runsEveryTaskWithValidInputsAndChangesNoResult() {
        Shannon s = Shannon.get();
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[] q = {0.25, 0.25, 0.25, 0.25};
        double before = s.klDivergence(p, q);
        // A zero budget still runs one round of every task: an invalid synthetic input would throw here.
        Duration spent = s.warmUp(Duration.ZERO);
        assertNotNull(spent);
        assertEquals(Double.doubleToRawLongBits(before), Double.doubleToRawLongBits(s.klDivergence(p, q)));
        assertEquals("naive", s.backendName(), "a warm-up selects nothing");
    }

    @Test
    void nullBudgetIsRejected() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Shannon.get().warmUp(null));
        assertEquals("budget must not be null", e.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> Shannon.get().warmUp(java.time.Duration.ofSeconds(-1)));
        assertEquals("budget = PT-1S: a warm-up budget must not be negative", n.getMessage());
    }
}
