package org.shannon4j.simd;

/**
 * The transposed block of short rows shared by the row-wise vector kernels (the softmax cross-entropy of
 * {@link SimdLossKernels} and the row measures of {@link SimdRowKernels}): {@value #ROWS} rows of at most
 * {@value #MAX_CLASSES} classes are copied (float widened to double) into a class-major scratch
 * t[c·ROWS + j], so that a vector lane holds one row and a row's max, sums and logs run lane-wise over
 * contiguous loads, with no horizontal reduction per row and no gather. Plain arrays only: no vector is stored.
 */
final class RowBlock {

    /** Rows per block: a multiple of every lane count. */
    static final int ROWS = 64;
    /** Up to this many classes, rows go through the block; ROWS × MAX_CLASSES doubles = 16 kB. */
    static final int MAX_CLASSES = 32;

    private RowBlock() {
    }

    /** A fresh class-major block. */
    static double[] newBlock() {
        return new double[ROWS * MAX_CLASSES];
    }

    /** Rows [base, base + ROWS·classes) of z into t[c·ROWS + j]. */
    static void transpose(double[] z, int base, int classes, double[] t) {
        for (int j = 0; j < ROWS; j++) {
            int rb = base + j * classes;
            for (int c = 0; c < classes; c++) {
                t[c * ROWS + j] = z[rb + c];
            }
        }
    }

    /** As above, widening float. */
    static void transpose(float[] z, int base, int classes, double[] t) {
        for (int j = 0; j < ROWS; j++) {
            int rb = base + j * classes;
            for (int c = 0; c < classes; c++) {
                t[c * ROWS + j] = z[rb + c];
            }
        }
    }
}
