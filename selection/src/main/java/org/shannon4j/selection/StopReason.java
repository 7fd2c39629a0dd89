package org.shannon4j.selection;

/**
 * Why a selection ended.
 */
public enum StopReason {
    /** The k features asked for were selected. */
    K_REACHED,
    /**
     * Fewer than k features were selected because no remaining candidate scores above zero under a criterion
     * whose score is a sum of (conditional) information that should grow: JMI, DISR and CondMI. FEAST returns
     * feature 0 again (JMI, DISR) or the sentinel −1 (CondMI) in this case; this library stops instead. An information term at or below
     * {@code 1e-13·(1 + ln N)} nats (N rows; the rounding of the plug-in sums) counts as 0, so a rounding residue
     * is not information.
     */
    NO_POSITIVE_SCORE
}
