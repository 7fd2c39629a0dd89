package org.shannon4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shannon4j.internal.Checks;
import org.shannon4j.internal.Passes;

import org.shannon4j.spi.Terms;

/**
 * The re-scan after a kernel reported invalid input claims only what it checked: a bad entry, an overflowing
 * sum, overflowing terms, or else an internal error of the kernel (issue 12: valid input used to be reported
 * as "the sum ... overflows").
 */
class ChecksFallbackTest {

    @Test
    void validInputWithFiniteSumsIsAnInternalErrorNotAnOverflow() {
        RuntimeException e = Checks.invalid("p", new double[] {0.5, 0.5}, 0, "q", new double[] {1, -0.0}, 0, 2);
        assertInstanceOf(IllegalStateException.class, e);
        assertTrue(e.getMessage().startsWith("internal error"), e.getMessage());
        e = Checks.invalid("p", new float[] {0.5f, 0.5f}, 0, 2);
        assertInstanceOf(IllegalStateException.class, e);
    }

    @Test
    void namesWhatItFound() {
        assertEquals("q[1] = -0.5: probabilities must be >= 0",
                Checks.invalid("p", new double[] {0.5, 0.5}, 0, "q", new double[] {1, -0.5}, 0, 2).getMessage());
        assertEquals("the sum of q[0..2) overflows the double range: scale the input down",
                Checks.invalid("p", new double[] {0.5, 0.5}, 0, "q", new double[] {1e308, 1e308}, 0, 2).getMessage());
    }

    @Test
    void termsOverflowIsCheckedBeforeItIsClaimed() {
        double[] huge = {1e308, 1e307};
        assertTrue(Checks.termsOverflow("p·ln p", Terms.X_LOG_X, "p", huge, 0, null, 0, 2, null, 1.0)
                .getMessage().startsWith("the terms p·ln p over p[0..2) overflow"));
        assertInstanceOf(IllegalStateException.class,
                Checks.termsOverflow("p·ln p", Terms.X_LOG_X, "p", new double[] {0.5, 0.5}, 0, null, 0, 2, null, 1.0));
    }
}
