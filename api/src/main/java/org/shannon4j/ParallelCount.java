package org.shannon4j;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;

import org.shannon4j.spi.Kernels;

/**
 * The dense pair count of long label inputs over several threads. The scatter is bound by random accesses to
 * the table (an L3 access per sample once the table outgrows L2), so independent threads counting contiguous
 * parts into private tables scale with the cores; adding the tables is a sequential pass over {@code cells}
 * ints, small next to {@code length} samples. Integer counts make the result independent of the split.
 */
final class ParallelCount {

    private ParallelCount() {
    }

    /** Counts the pairs into {@code table} (zeroed, {@code cells} long) using {@code parts} contiguous parts. */
    static void countPairs(Kernels k, Parallelism par, int parts, int[] x, int xOffset, int xMin, int[] y,
                           int yOffset, int yMin, int ry, int length, int[] table, int cells) {
        int per = length / parts;
        Part[] helpers = new Part[parts - 1];
        CountDownLatch done = new CountDownLatch(parts - 1);
        for (int i = 1; i < parts; i++) {
            int from = i * per;
            int to = i == parts - 1 ? length : from + per;
            Part part = new Part(k, x, xOffset + from, xMin, y, yOffset + from, yMin, ry, to - from, cells, done);
            helpers[i - 1] = part;
            try {
                par.executor().execute(part);
            } catch (RejectedExecutionException e) {
                part.run(); // a shut-down or saturated executor: count this part here
            }
        }
        k.countPairs(x, xOffset, xMin, y, yOffset, yMin, ry, per, table);
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the parts still hold references to the inputs: wait for them
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Part part : helpers) {
            Throwable failure = part.failure;
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            int[] counts = part.counts;
            for (int c = 0; c < cells; c++) {
                table[c] += counts[c];
            }
        }
    }

    private static final class Part implements Runnable {
        private final Kernels k;
        private final int[] x;
        private final int xOffset;
        private final int xMin;
        private final int[] y;
        private final int yOffset;
        private final int yMin;
        private final int ry;
        private final int length;
        private final int cells;
        private final CountDownLatch done;
        int[] counts;
        Throwable failure;

        Part(Kernels k, int[] x, int xOffset, int xMin, int[] y, int yOffset, int yMin, int ry, int length,
             int cells, CountDownLatch done) {
            this.k = k;
            this.x = x;
            this.xOffset = xOffset;
            this.xMin = xMin;
            this.y = y;
            this.yOffset = yOffset;
            this.yMin = yMin;
            this.ry = ry;
            this.length = length;
            this.cells = cells;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                int[] c = new int[cells];
                k.countPairs(x, xOffset, xMin, y, yOffset, yMin, ry, length, c);
                counts = c;
            } catch (Throwable t) {
                failure = t;
            } finally {
                done.countDown(); // happens-before the caller's await: counts and failure are visible
            }
        }
    }
}
