package org.shannon4j.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;

import org.apache.spark.sql.Row;
import org.shannon4j.Shannon;
import org.shannon4j.counts.LabelCounts;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.spi.Kernels;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * The partial tables of one counting pass: what a task builds over its rows and what two tasks' results merge
 * into. Rows are staged column by column in int arrays and counted a batch at a time through the backend's
 * counting kernels (a dense table for a small label range), then combined into the tables; combining is exact, so
 * the merged tables equal the tables of all rows, whatever the partitioning. It serialises as its tables' bytes
 * (the versioned {@code toBytes} format), through Java serialisation or Kryo alike; nothing staged is ever
 * shipped (it is counted first).
 *
 * <p>Public only because it is the buffer type of {@link CountsAggregator}, whose
 * {@link CountsAggregator#decode(byte[])} reads the result. Not thread-safe (one per task, as Spark uses it).
 */
public final class CountsBuffer implements Serializable, KryoSerializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private transient LabelCounts[] labels;
    private transient PairCounts[] pairs;
    /** The plan of the pass; null in a buffer read from bytes (it then has nothing staged). */
    private transient CountingPlan plan;
    private transient Staging staging;
    private transient Dependence counting;
    private transient Kernels kernels;
    /** Per pair table: its running dense counts while the labels stay in a small range (null: none yet). */
    private transient Dense[] dense;

    /** For Kryo. */
    @SuppressWarnings("unused")
    private CountsBuffer() {
    }

    CountsBuffer(CountingPlan plan) {
        this.plan = plan;
        this.labels = new LabelCounts[plan.labelColumn.length];
        this.pairs = new PairCounts[plan.pairX.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new LabelCounts();
        }
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new PairCounts();
        }
    }

    /** Stages one external row (the aggregator's input); counts the batch when full. */
    void add(Row row) {
        staging().add(row);
    }

    /** The reader of this buffer's rows (made on first use). */
    Staging staging() {
        if (staging == null) {
            staging = new Counting(plan, this);
        }
        return staging;
    }

    /** Stages rows for a buffer and counts each full batch into it. */
    static final class Counting extends Staging {
        final CountsBuffer buffer;

        private Counting(CountingPlan plan, CountsBuffer buffer) {
            super(plan);
            this.buffer = buffer;
        }

        @Override
        void staged(int[][] columns, int rows, int[] lo, int[] hi) {
            buffer.count(columns, rows, lo, hi);
        }
    }

    /** Counts what is staged into the tables, and the running dense tables too. */
    void flush() {
        if (staging != null) {
            staging.flush();
        }
        if (dense != null) {
            for (int i = 0; i < dense.length; i++) {
                if (dense[i] != null) {
                    pairs[i].combine(dense[i].drain());
                }
            }
        }
    }

    private void count(int[][] staged, int rows, int[] lo, int[] hi) {
        if (counting == null) {
            Shannon handle = plan.handle();
            counting = handle.dependence();
            kernels = handle.context().kernels();
            dense = new Dense[pairs.length];
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i].combine(counting.countLabels(staged[plan.labelColumn[i]], 0, rows));
        }
        for (int i = 0; i < pairs.length; i++) {
            int x = plan.pairX[i];
            int y = plan.pairY[i];
            if (dense[i] == null) {
                dense[i] = new Dense();
            }
            if (!dense[i].add(kernels, staged[x], lo[x], hi[x], staged[y], lo[y], hi[y], rows)) {
                pairs[i].combine(counting.countPairs(staged[x], 0, staged[y], 0, rows));
            }
        }
    }

    /**
     * A pair table kept as dense int counts over the label ranges seen so far, added to a batch at a time by the
     * backend's {@code countPairs} kernel: no table object per batch, and the staged batch is counted while it is
     * still in cache. Labels beyond {@link #MAX_CELLS} cells of range go to the sparse tables instead.
     */
    private static final class Dense {
        /** Largest dense table kept (4 MB of int counts). */
        static final long MAX_CELLS = 1 << 20;
        /** Rows after which the int counts are drained into the long table, before any can overflow. */
        static final long MAX_ROWS = 1 << 30;

        int xMin;
        int xMax = -1;
        int yMin;
        int yMax = -1;
        int[] counts;
        long rows;

        /** Adds the batch, widening the range if needed; false if the range would be too large. */
        boolean add(Kernels kernels, int[] x, int xLo, int xHi, int[] y, int yLo, int yHi, int n) {
            int nx = counts == null ? xLo : Math.min(xMin, xLo);
            int mx = counts == null ? xHi : Math.max(xMax, xHi);
            int ny = counts == null ? yLo : Math.min(yMin, yLo);
            int my = counts == null ? yHi : Math.max(yMax, yHi);
            long cells = ((long) mx - nx + 1) * ((long) my - ny + 1);
            if (cells > MAX_CELLS || rows + n > MAX_ROWS) {
                return false;
            }
            if (counts == null || nx != xMin || mx != xMax || ny != yMin || my != yMax) {
                int[] wider = new int[(int) cells];
                int cols = my - ny + 1;
                if (counts != null) {
                    int oldCols = yMax - yMin + 1;
                    for (int a = xMin; a <= xMax; a++) {
                        System.arraycopy(counts, (a - xMin) * oldCols, wider, (a - nx) * cols + (yMin - ny),
                                oldCols);
                    }
                }
                counts = wider;
                xMin = nx;
                xMax = mx;
                yMin = ny;
                yMax = my;
            }
            kernels.countPairs(x, 0, xMin, y, 0, yMin, yMax - yMin + 1, n, counts);
            rows += n;
            return true;
        }

        /** The counts so far as a table, and an empty dense table again. */
        PairCounts drain() {
            if (counts == null) {
                return new PairCounts();
            }
            int cols = yMax - yMin + 1;
            int m = 0;
            for (int c : counts) {
                if (c != 0) {
                    m++;
                }
            }
            int[] xs = new int[m];
            int[] ys = new int[m];
            long[] cs = new long[m];
            for (int cell = 0, k = 0; cell < counts.length; cell++) {
                if (counts[cell] != 0) {
                    xs[k] = xMin + cell / cols;
                    ys[k] = yMin + cell % cols;
                    cs[k++] = counts[cell];
                }
            }
            counts = null;
            rows = 0;
            return PairCounts.ofCells(xs, ys, cs);
        }
    }

    /** Adds other's tables to this (both flushed first) and returns this. */
    CountsBuffer merge(CountsBuffer other) {
        flush();
        other.flush();
        if (other.labels.length != labels.length || other.pairs.length != pairs.length) {
            throw new IllegalStateException("buffers of different plans: " + labels.length + "+" + pairs.length
                    + " tables and " + other.labels.length + "+" + other.pairs.length);
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i].combine(other.labels[i]);
        }
        for (int i = 0; i < pairs.length; i++) {
            pairs[i].combine(other.pairs[i]);
        }
        return this;
    }

    /** The tables (after counting what is staged), in plan order: the label tables, then the pair tables. */
    Tables tables() {
        flush();
        return new Tables(labels, pairs);
    }

    record Tables(LabelCounts[] labels, PairCounts[] pairs) {
    }

    /** The tables' bytes: label and pair table counts, then each table as its length and its toBytes. */
    byte[] toBytes() {
        flush();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(labels.length);
            out.writeInt(pairs.length);
            for (LabelCounts t : labels) {
                writeTable(out, t.toBytes());
            }
            for (PairCounts t : pairs) {
                writeTable(out, t.toBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeTable(DataOutputStream out, byte[] table) throws IOException {
        out.writeInt(table.length);
        out.write(table);
    }

    /** The buffer of {@link #toBytes()} (no plan: it can be merged and read, not fed rows). */
    static CountsBuffer fromBytes(byte[] bytes) {
        CountsBuffer b = new CountsBuffer();
        b.readTables(bytes);
        return b;
    }

    private void readTables(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int nLabels = in.readInt();
            int nPairs = in.readInt();
            if (nLabels < 0 || nPairs < 0) {
                throw new IllegalArgumentException("bad counts buffer: " + nLabels + " label and " + nPairs
                        + " pair tables");
            }
            labels = new LabelCounts[nLabels];
            pairs = new PairCounts[nPairs];
            for (int i = 0; i < nLabels; i++) {
                labels[i] = LabelCounts.fromBytes(readTable(in));
            }
            for (int i = 0; i < nPairs; i++) {
                pairs[i] = PairCounts.fromBytes(readTable(in));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated counts buffer of " + bytes.length + " bytes", e);
        }
    }

    private static byte[] readTable(DataInputStream in) throws IOException {
        byte[] table = new byte[in.readInt()];
        in.readFully(table);
        return table;
    }

    /**
     * Writes the tables' bytes ({@link #toBytes()}), length first.
     *
     * @serialData the length of the bytes (int), then the bytes
     * @param out the stream
     * @throws IOException if writing fails
     */
    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        byte[] bytes = toBytes();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Reads what {@link #writeObject} wrote.
     *
     * @param in the stream
     * @throws IOException if reading fails
     */
    @Serial
    private void readObject(ObjectInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        readTables(bytes);
    }

    @Override
    public void write(Kryo kryo, Output output) {
        byte[] bytes = toBytes();
        output.writeInt(bytes.length);
        output.writeBytes(bytes);
    }

    @Override
    public void read(Kryo kryo, Input input) {
        readTables(input.readBytes(input.readInt()));
    }
}
