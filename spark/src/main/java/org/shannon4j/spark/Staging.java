package org.shannon4j.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.shannon4j.spi.Kernels;

/**
 * A task's reading of its rows: each cell of the plan's columns, from an internal row, an external row or a
 * column batch, checked and staged in int arrays, handed to {@link #staged} a batch at a time. Counting
 * ({@link CountsBuffer}) and the selection's coded blocks ({@link CodedBlock}) read rows this one way.
 */
abstract class Staging {

    final CountingPlan plan;
    private int[][] staging;
    private int[] lo;
    private int[] hi;
    /** The plan's backend, for the columns' ranges. */
    private Kernels kernels;
    private int staged;
    private long rowsSeen;
    private int partition;

    Staging(CountingPlan plan) {
        this.plan = plan;
    }

    /**
     * Takes a full batch: {@code columns[c][0..rows)} are the staged cells of plan column c, whose smallest and
     * largest are {@code lo[c]} and {@code hi[c]}.
     */
    abstract void staged(int[][] columns, int rows, int[] lo, int[] hi);

    /** Stages one internal row. */
    final void add(InternalRow row) {
        int[][] s = staging();
        for (int c = 0; c < s.length; c++) {
            s[c][staged] = plan.read(row, c, rowsSeen, partition);
        }
        next();
    }

    /** Stages one external row. */
    final void add(Row row) {
        int[][] s = staging();
        for (int c = 0; c < s.length; c++) {
            s[c][staged] = plan.read(row, c, rowsSeen, partition);
        }
        next();
    }

    /** Stages a column batch whose column {@code index[c]} is plan column c. */
    final void add(ColumnarBatch batch, int[] index) {
        int[][] s = staging();
        int n = batch.numRows();
        for (int done = 0; done < n; ) {
            int take = Math.min(n - done, plan.batchRows - staged);
            for (int c = 0; c < s.length; c++) {
                plan.read(batch.column(index[c]), c, done, take, s[c], staged, rowsSeen, partition);
            }
            staged += take;
            rowsSeen += take;
            done += take;
            if (staged == plan.batchRows) {
                flush();
            }
        }
    }

    /** Hands what is staged, with each column's range, to {@link #staged}. */
    final void flush() {
        if (staged > 0) {
            int rows = staged;
            staged = 0;
            for (int c = 0; c < staging.length; c++) {
                long minMax = kernels.minMax(staging[c], 0, rows);
                lo[c] = (int) (minMax >> 32);
                hi[c] = (int) minMax;
            }
            staged(staging, rows, lo, hi);
        }
    }

    private int[][] staging() {
        if (staging == null) {
            staging = new int[plan.columns.length][plan.batchRows];
            lo = new int[plan.columns.length];
            hi = new int[plan.columns.length];
            kernels = plan.handle().context().kernels();
            // Only to name a bad cell's partition in the error.
            partition = TaskContext.getPartitionId();
        }
        return staging;
    }

    private void next() {
        rowsSeen++;
        if (++staged == plan.batchRows) {
            flush();
        }
    }
}
