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
        void staged(int[][] columns, int rows) {
            buffer.count(columns, rows);
        }
    }

    /** Counts what is staged into the tables. */
    void flush() {
        if (staging != null) {
            staging.flush();
        }
    }

    private void count(int[][] staged, int rows) {
        if (counting == null) {
            counting = (plan.backend == null ? Shannon.get() : Shannon.get(plan.backend)).dependence();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i].combine(counting.countLabels(staged[plan.labelColumn[i]], 0, rows));
        }
        for (int i = 0; i < pairs.length; i++) {
            pairs[i].combine(counting.countPairs(staged[plan.pairX[i]], 0, staged[plan.pairY[i]], 0, rows));
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
