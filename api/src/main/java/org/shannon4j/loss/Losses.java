package org.shannon4j.loss;

import java.util.Objects;

import org.shannon4j.spi.Context;

/**
 * The losses of machine learning: softmax, binary and logistic cross-entropies, with PyTorch's and
 * scikit-learn's options, in nats.
 */
public final class Losses {

    private final Context context;

    private Losses(Context context) {
        this.context = context;
    }

    /**
     * The loss measures bound to {@code context}: its backend, unit, policy and threads. {@link org.shannon4j.Shannon#losses()} returns the one of a handle.
     *
     * @param context the settings to use
     * @return the entry type bound to that context
     */
    public static Losses of(Context context) {
        return new Losses(Objects.requireNonNull(context, "context must not be null"));
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
