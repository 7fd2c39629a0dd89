package org.shannon4j.loss;

import java.util.Objects;

import org.shannon4j.internal.Checks;
import org.shannon4j.spi.RowMath;

/** Shapes and messages of {@link Losses#klDiv}. */
final class KlDivChecks {

    private KlDivChecks() {
    }

    static void whole(int inputLength, int targetLength, int rows, int classes) {
        Checks.matrix(rows, classes);
        long n = (long) rows * classes;
        if (inputLength >= 0 && inputLength != n) {
            throw new IllegalArgumentException("input.length = " + inputLength + " is not rows × classes = " + rows
                    + " × " + classes + " = " + n);
        }
        if (targetLength >= 0 && targetLength != n) {
            throw new IllegalArgumentException("target.length = " + targetLength + " is not rows × classes = " + rows
                    + " × " + classes + " = " + n);
        }
    }

    /** Checks every range; returns the element count rows × classes. */
    static int shape(int inputLength, int inputOffset, int targetLength, int targetOffset, int rows, int classes,
                     KlDivReduction reduction, int outLength, int outOffset) {
        Objects.requireNonNull(reduction, "reduction must not be null");
        if (inputLength < 0) {
            throw new NullPointerException("input must not be null");
        }
        if (targetLength < 0) {
            throw new NullPointerException("target must not be null");
        }
        Checks.matrix(rows, classes);
        int n = rows * classes;
        fits("input", inputLength, inputOffset, n);
        fits("target", targetLength, targetOffset, n);
        if (outLength < 0) {
            if (reduction == KlDivReduction.NONE) {
                throw new NullPointerException("out must not be null with KlDivReduction.NONE: the per-element"
                        + " terms go there");
            }
        } else {
            fits("out", outLength, outOffset, n);
        }
        return n;
    }

    private static void fits(String name, int length, int offset, int n) {
        if (offset < 0 || offset > length - n) {
            throw new IndexOutOfBoundsException(name + ": offset " + offset + " and length " + n
                    + " do not fit in " + name + ".length = " + length);
        }
    }

    /** The exception for the first element whose term the kernel could not compute. */
    static RuntimeException invalid(Object input, int inputOffset, Object target, int targetOffset, int rows,
                                    int classes, boolean logTarget) {
        for (int i = 0; i < rows * classes; i++) {
            double x = Checks.value(input, inputOffset + i, null);
            double t = Checks.value(target, targetOffset + i, null);
            String where = " (row " + i / classes + ", column " + i % classes + ")";
            if (x != x || x == Double.POSITIVE_INFINITY) {
                return new IllegalArgumentException("input[" + (inputOffset + i) + "] = " + show(input, x) + where
                        + ": log-probabilities must not be NaN or +Infinity");
            }
            if (logTarget ? t != t || t == Double.POSITIVE_INFINITY : !(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                return new IllegalArgumentException("target[" + (targetOffset + i) + "] = " + show(target, t) + where
                        + (logTarget ? ": log-probability targets must not be NaN or +Infinity"
                        : ": probability targets must be finite and >= 0"));
            }
            if (RowMath.klDivTerm(x, t, logTarget) != RowMath.klDivTerm(x, t, logTarget)) {
                return new IllegalArgumentException("target[" + (targetOffset + i) + "] = " + show(target, t)
                        + " with input[" + (inputOffset + i) + "] = " + show(input, x) + where
                        + ": exp(target)·(target − input) overflows (∞·0)");
            }
        }
        return new IllegalStateException("internal error: the kl_div kernel reported invalid input in rows × classes = "
                + rows + " × " + classes + " but none was found");
    }

    private static String show(Object a, double v) {
        return a instanceof float[] ? Float.toString((float) v) : Double.toString(v);
    }
}
