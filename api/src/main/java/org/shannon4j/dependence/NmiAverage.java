package org.shannon4j.dependence;

/**
 * The normaliser of normalised and adjusted mutual information: a mean of the two marginal entropies, as
 * scikit-learn's {@code average_method}, or the joint entropy.
 */
public enum NmiAverage {
    /** (H(X) + H(Y))/2: scikit-learn's default since 0.22 ({@code "arithmetic"}); NMI = V-measure. */
    ARITHMETIC,
    /** √(H(X)·H(Y)) ({@code "geometric"}). */
    GEOMETRIC,
    /** min(H(X), H(Y)) ({@code "min"}). */
    MIN,
    /** max(H(X), H(Y)) ({@code "max"}). */
    MAX,
    /** H(X, Y): NMI = I/H(X,Y), whose complement 1 − NMI is a metric (not in scikit-learn). */
    JOINT;

    double of(double hx, double hy, double hxy) {
        return switch (this) {
            case ARITHMETIC -> 0.5 * (hx + hy);
            case GEOMETRIC -> Math.sqrt(hx * hy);
            case MIN -> Math.min(hx, hy);
            case MAX -> Math.max(hx, hy);
            case JOINT -> hxy;
        };
    }
}
