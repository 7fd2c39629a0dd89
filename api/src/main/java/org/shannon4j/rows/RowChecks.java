package org.shannon4j.rows;

import org.shannon4j.internal.Checks;

/** The messages of the row measures, found by a re-scan after a kernel reported a problem (off the happy path). */
final class RowChecks {

    private RowChecks() {
    }

    /**
     * Throws for the first invalid entry of p, else of q; else the first row whose sum is 0, overflows or (if
     * tolerance is finite) is off 1 by more than tolerance; else an internal error (the kernel reported what is
     * not there).
     */
    static void throwFirstProblem(String pName, Object p, int pOffset, String qName, Object q, int qOffset,
                                  int rows, int classes, double tolerance, boolean float32) {
        badEntry(pName, p, pOffset, rows, classes);
        if (q != null) {
            badEntry(qName, q, qOffset, rows, classes);
        }
        for (int r = 0; r < rows; r++) {
            badSum(pName, p, pOffset, r, classes, tolerance, float32);
            if (q != null) {
                badSum(qName, q, qOffset, r, classes, tolerance, float32);
            }
        }
        throw new IllegalStateException("internal error: the row kernel reported invalid input in " + pName
                + (q != null ? " or " + qName : "") + " (" + rows + " × " + classes + ") but none was found");
    }

    private static void badEntry(String name, Object a, int offset, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < classes; c++) {
                int i = offset + r * classes + c;
                double x = Checks.value(a, i, null);
                if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
                    String why = x != x ? "probabilities must not be NaN"
                            : Double.isInfinite(x) ? "probabilities must be finite" : "probabilities must be >= 0";
                    throw new IllegalArgumentException(name + "[" + i + "] = "
                            + (a instanceof float[] ? Float.toString((float) x) : Double.toString(x))
                            + " (row " + r + ", column " + c + "): " + why);
                }
            }
        }
    }

    private static void badSum(String name, Object a, int offset, int r, int classes, double tolerance,
                               boolean float32) {
        double s = 0;
        for (int c = 0; c < classes; c++) {
            s += Checks.value(a, offset + r * classes + c, null);
        }
        String row = "row " + r + " of " + name;
        if (s == 0) {
            throw new IllegalArgumentException(row + " is all zeros: it is not a distribution (sum = 0)");
        }
        if (s == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the sum of " + row + " overflows the double range: scale it down");
        }
        if (!(Math.abs(s - 1) <= tolerance)) {
            throw new IllegalArgumentException(row + " sums to " + s + ", not 1 (|sum - 1| = " + Math.abs(s - 1)
                    + " > tolerance " + tolerance + " for " + classes + (float32 ? " float" : " double")
                    + " entries); normalise it, or use Shannon.withNormalization(Normalization.NORMALIZE) to"
                    + " divide each row by its sum");
        }
    }
}
