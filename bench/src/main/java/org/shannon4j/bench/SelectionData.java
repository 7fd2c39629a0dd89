package org.shannon4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The feature-selection benchmark's data, shared by {@code SelectionBenchmark}, the report and FEAST's driver
 * ({@code bench/tools/feast_bench.c}, through {@link #write}): {@code rows × features} byte codes in
 * 0..{@value #LEVELS}−1, column-major, and a binary target, all from one seed. Each column has its own random
 * stream (derived from the seed and its index), so the data is the same whatever the thread count that made it.
 *
 * <p>The selection must be non-trivial, so that every criterion runs its full k steps and the redundancy terms
 * matter (FEAST's cost, and ours, grows with the steps taken):
 * <ul>
 *   <li>{@link #informative(int)} columns are noisy views of the target (code = 5·y + a uniform 0..4 with a
 *       probability falling from 0.30 to 0.05 across them, else uniform 0..9);</li>
 *   <li>as many again are noisy, relabelled copies of an informative column (probability 0.8 of the copy,
 *       codes permuted): redundant with their source, which mRMR and JMI must see;</li>
 *   <li>as many again mix two informative columns (either's code, or 5·y + noise): informative through the
 *       others;</li>
 *   <li>the rest is uniform noise, which JMI still scores above zero (the plug-in estimates are biased up), so
 *       JMI does not stop early.</li>
 * </ul>
 * The kinds are interleaved over the column indices (column c's kind is fixed by c mod 4 while there are
 * informative columns of that kind left) so that the informative ones are not all at the front.
 */
public final class SelectionData {

    /** Levels of every feature column. */
    public static final int LEVELS = 10;
    /** The benchmark's seed. */
    public static final long SEED = 20_140_014L;
    /** File header: magic, then rows, features and levels as little-endian longs. */
    static final byte[] MAGIC = {'S', '4', 'J', 'S', 'E', 'L', '0', '1'};
    static final int HEADER_BYTES = 32;

    private final byte[][] columns;
    private final int[] target;

    private SelectionData(byte[][] columns, int[] target) {
        this.columns = columns;
        this.target = target;
    }

    /** Column-major codes, {@code columns()[c][row]} in 0..{@value #LEVELS}−1 (not copied). */
    public byte[][] columns() {
        return columns;
    }

    /** The binary target, one 0/1 per row (not copied). */
    public int[] target() {
        return target;
    }

    /** {@value #LEVELS} for every column, for {@code DiscreteColumns.of(byte[][], int[])}. */
    public int[] levels() {
        int[] l = new int[columns.length];
        Arrays.fill(l, LEVELS);
        return l;
    }

    public int rows() {
        return target.length;
    }

    public int features() {
        return columns.length;
    }

    /** Informative columns (views of the target) among {@code features}: a fifth of them, at least 1, at most 25. */
    static int informative(int features) {
        return Math.max(1, Math.min(25, features / 5));
    }

    /** "100000x1000" as {rows, features}. */
    public static int[] shape(String shape) {
        String[] p = shape.split("x");
        if (p.length != 2) {
            throw new IllegalArgumentException("shape '" + shape + "': expected ROWSxFEATURES, e.g. 100000x1000");
        }
        try {
            int[] s = {Sizes.parse(p[0]), Sizes.parse(p[1])};
            if (s[0] < 2 || s[1] < 1) {
                throw new IllegalArgumentException("shape '" + shape + "': at least 2 rows and 1 feature");
            }
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shape '" + shape + "': expected ROWSxFEATURES, e.g. 100000x1000");
        }
    }

    /** The data of {@code rows × features} from {@code seed}; columns are made in parallel (common pool). */
    public static SelectionData generate(int rows, int features, long seed) {
        int[] y = new int[rows];
        SplittableRandom t = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) {
            y[r] = t.nextInt(2);
        }
        int m = informative(features);
        byte[][] cols = new byte[features][];
        // Informative columns first (the others read them), then the rest.
        int[] informativeAt = new int[m];
        int[] kind = new int[features];
        int[] source = new int[features];
        int[] count = new int[4];
        for (int c = 0; c < features; c++) {
            int k = c % 4;
            kind[c] = k < 3 && count[k] < m ? k : 3;
            source[c] = count[kind[c]]++;
            if (kind[c] == 0) {
                informativeAt[source[c]] = c;
            }
        }
        IntStream.range(0, features).parallel().filter(c -> kind[c] == 0)
                .forEach(c -> cols[c] = informativeColumn(y, source[c], m, random(seed, c)));
        IntStream.range(0, features).parallel().filter(c -> kind[c] != 0).forEach(c -> {
            SplittableRandom rnd = random(seed, c);
            int i = source[c];
            cols[c] = switch (kind[c]) {
                case 1 -> redundantColumn(cols[informativeAt[i]], rnd);
                case 2 -> mixedColumn(y, cols[informativeAt[i]], cols[informativeAt[(i + 1) % m]], rnd);
                default -> noiseColumn(rows, rnd);
            };
        });
        return new SelectionData(cols, y);
    }

    private static SplittableRandom random(long seed, int column) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + column + 1);
    }

    private static byte[] informativeColumn(int[] y, int i, int m, SplittableRandom rnd) {
        double p = 0.30 - 0.25 * i / Math.max(1, m - 1);
        byte[] x = new byte[y.length];
        for (int r = 0; r < x.length; r++) {
            x[r] = (byte) (rnd.nextDouble() < p ? 5 * y[r] + rnd.nextInt(5) : rnd.nextInt(LEVELS));
        }
        return x;
    }

    private static byte[] redundantColumn(byte[] src, SplittableRandom rnd) {
        byte[] perm = new byte[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            perm[v] = (byte) v;
        }
        for (int v = LEVELS - 1; v > 0; v--) {
            int w = rnd.nextInt(v + 1);
            byte s = perm[v];
            perm[v] = perm[w];
            perm[w] = s;
        }
        byte[] x = new byte[src.length];
        for (int r = 0; r < x.length; r++) {
            x[r] = rnd.nextDouble() < 0.8 ? perm[src[r]] : (byte) rnd.nextInt(LEVELS);
        }
        return x;
    }

    private static byte[] mixedColumn(int[] y, byte[] a, byte[] b, SplittableRandom rnd) {
        byte[] x = new byte[y.length];
        for (int r = 0; r < x.length; r++) {
            int u = rnd.nextInt(3);
            x[r] = u == 0 ? a[r] : u == 1 ? b[r] : (byte) (5 * y[r] + rnd.nextInt(5));
        }
        return x;
    }

    private static byte[] noiseColumn(int rows, SplittableRandom rnd) {
        byte[] x = new byte[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = (byte) rnd.nextInt(LEVELS);
        }
        return x;
    }

    /**
     * Writes the file FEAST's driver reads: {@link #MAGIC}, rows, features and levels as little-endian 64-bit
     * integers, then every feature column's bytes (column-major), then the target as one byte per row.
     */
    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            h.put(MAGIC).putLong(rows()).putLong(features()).putLong(LEVELS);
            out.write(h.array());
            for (byte[] col : columns) {
                out.write(col);
            }
            byte[] t = new byte[rows()];
            for (int r = 0; r < t.length; r++) {
                t[r] = (byte) target[r];
            }
            out.write(t);
        }
    }

    /** Reads a file {@link #write} wrote (for tests and for checking a file before handing it to FEAST). */
    public static SelectionData read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer h = ByteBuffer.wrap(in.readNBytes(HEADER_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            if (h.remaining() < HEADER_BYTES || !Arrays.equals(h.get(magic).array(), 0, MAGIC.length, MAGIC, 0,
                    MAGIC.length)) {
                throw new IOException(file + ": not a selection data file (no " + new String(MAGIC) + " header)");
            }
            long rows = h.getLong();
            long features = h.getLong();
            if (rows < 1 || rows > Integer.MAX_VALUE || features < 1 || features > Integer.MAX_VALUE) {
                throw new IOException(file + ": bad shape " + rows + " x " + features);
            }
            byte[][] cols = new byte[(int) features][];
            for (int c = 0; c < features; c++) {
                cols[c] = in.readNBytes((int) rows);
                if (cols[c].length != rows) {
                    throw new IOException(file + ": short data in column " + c);
                }
            }
            byte[] t = in.readNBytes((int) rows);
            if (t.length != rows) {
                throw new IOException(file + ": short target");
            }
            int[] y = new int[t.length];
            for (int r = 0; r < y.length; r++) {
                y[r] = t[r];
            }
            return new SelectionData(cols, y);
        }
    }
}
