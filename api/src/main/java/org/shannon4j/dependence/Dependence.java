package org.shannon4j.dependence;

import java.util.Objects;

import org.shannon4j.spi.Context;

/**
 * The dependence family: entropy of labels and counts (with bias-corrected estimators), mutual information
 * and its relatives, and independence tests, from label arrays, count tables or joint pmfs.
 */
public final class Dependence {

    private final Context context;

    private Dependence(Context context) {
        this.context = context;
    }

    /**
     * The dependence measures bound to {@code context}: its backend, unit, policy and threads. {@link org.shannon4j.Shannon#dependence()} returns the one of a handle.
     *
     * @param context the settings to use
     * @return the entry type bound to that context
     */
    public static Dependence of(Context context) {
        return new Dependence(Objects.requireNonNull(context, "context must not be null"));
    }

    /**
     * The settings this entry type is bound to.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }
}
