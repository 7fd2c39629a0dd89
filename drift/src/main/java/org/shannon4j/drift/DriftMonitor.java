package org.shannon4j.drift;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Objects;

import org.shannon4j.spi.Parallelism;

/**
 * The drift of every column of a current window against stored reference profiles, one result per column, in one
 * pass over each current column, the columns spread over the context's threads ({@link Parallelism}: the calling
 * thread always works, a helper task that never runs costs speed, never a hang). Each column is computed whole by
 * one thread, so the results are the same, bit for bit, for every thread count and executor. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * List<BinnedProfile> profiles = ...;   // one per column, BinnedProfile.of(referenceColumn, BinRule.DOANE)
 * DriftMonitor monitor = DriftMonitor.binned(Drift.of(handle.context()), profiles, DriftMethod.PSI,
 *         EmptyBins.EVIDENTLY, 0.1);
 * DriftResult[] now = monitor.check(currentColumns);   // float[][] or double[][], one array per column
 * }</pre>
 */
public final class DriftMonitor {

    /** Floats copied from a memory segment per step (a per-thread buffer of 256 KiB). */
    private static final int SEGMENT_CHUNK = 1 << 16;

    private final Drift family;
    private final DriftMethod method;
    private final double threshold;
    private final EmptyBins fill;
    private final BinnedProfile[] binned;
    private final ExactProfile[] exact;

    private DriftMonitor(Drift family, DriftMethod method, double threshold, EmptyBins fill, BinnedProfile[] binned,
            ExactProfile[] exact) {
        this.family = family;
        this.method = method;
        this.threshold = threshold;
        this.fill = fill;
        this.binned = binned;
        this.exact = exact;
    }

    /**
     * A monitor of binned profiles (see {@link BinnedProfile#drift}).
     *
     * @param family the drift family, whose context gives the threads
     * @param profiles one profile per column, in column order
     * @param method PSI, KL_DIV, JENSENSHANNON or HELLINGER
     * @param fill the empty-bin policy for PSI and KL
     * @param threshold the drift threshold
     * @return the monitor
     * @throws IllegalArgumentException on no profiles, a null profile (naming its index), a NaN threshold, a method
     *     other than the four (the tests and Wasserstein need the samples: {@link #evidently})
     */
    public static DriftMonitor binned(Drift family, List<BinnedProfile> profiles, DriftMethod method, EmptyBins fill,
            double threshold) {
        Objects.requireNonNull(fill, "fill must not be null");
        Objects.requireNonNull(method, "method must not be null");
        switch (method) {
            case PSI, KL_DIV, JENSENSHANNON, HELLINGER -> { }
            default -> throw new IllegalArgumentException("method = " + method + ": a binned monitor measures PSI, "
                    + "KL_DIV, JENSENSHANNON or HELLINGER; the others need the samples (DriftMonitor.evidently with "
                    + "ExactProfiles)");
        }
        return new DriftMonitor(family, check(family, method, threshold), threshold, fill,
                checked(profiles).toArray(new BinnedProfile[0]), null);
    }

    /**
     * A monitor of exact profiles with the {@link DriftPreset#EVIDENTLY} rules (see
     * {@link ExactProfile#evidently}): each column's result equals {@code Drift.numeric(EVIDENTLY, method,
     * referenceColumn, currentColumn, threshold)}.
     *
     * @param family the drift family, whose context gives the threads
     * @param profiles one profile per column, in column order
     * @param method the drift method
     * @param threshold the drift threshold
     * @return the monitor
     * @throws IllegalArgumentException on no profiles, a null profile (naming its index), a NaN threshold
     */
    public static DriftMonitor evidently(Drift family, List<ExactProfile> profiles, DriftMethod method,
            double threshold) {
        return new DriftMonitor(family, check(family, method, threshold), threshold, null, null,
                checked(profiles).toArray(new ExactProfile[0]));
    }

    private static DriftMethod check(Drift family, DriftMethod method, double threshold) {
        Objects.requireNonNull(family, "family must not be null");
        Objects.requireNonNull(method, "method must not be null");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold = NaN: a drift threshold must be a number");
        }
        return method;
    }

    private static <P> List<P> checked(List<P> profiles) {
        Objects.requireNonNull(profiles, "profiles must not be null");
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("profiles is empty: a monitor needs at least one column");
        }
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i) == null) {
                throw new IllegalArgumentException("profiles[" + i + "] is null");
            }
        }
        return profiles;
    }

    /**
     * The number of columns.
     *
     * @return the number of columns
     */
    public int columns() {
        return binned != null ? binned.length : exact.length;
    }

    /**
     * The drift of each current column against its profile.
     *
     * @param current one array per column, as many as profiles (lengths may differ)
     * @return one result per column
     * @throws IllegalArgumentException on a column count other than the profiles', a null column, or a column's
     *     own error (empty, no finite value), naming the column
     */
    public DriftResult[] check(double[][] current) {
        checkColumns(current == null ? -1 : current.length, current);
        return run((scratch, c) -> {
            double[] col = current[c];
            if (binned != null) {
                return binnedResult(binned[c].measure(family, method, fill, binned[c].currentCounts(col, locator(c))));
            }
            return exact[c].evidently(family, method, col, threshold);
        });
    }

    /**
     * The drift of each float current column against its profile (each value compared as the double it is).
     *
     * @param current one array per column, as many as profiles (lengths may differ)
     * @return one result per column
     * @throws IllegalArgumentException as {@link #check(double[][])}
     */
    public DriftResult[] check(float[][] current) {
        checkColumns(current == null ? -1 : current.length, current);
        return run((scratch, c) -> {
            float[] col = current[c];
            if (binned != null) {
                long[] counts = new long[binned[c].bins() + 3];
                return binnedResult(binned[c].measure(family, method, fill,
                        binned[c].currentCounts(col, 0, col.length, counts, locator(c))));
            }
            return exact[c].evidently(family, method, ExactProfile.widen(col, new double[col.length]), threshold);
        });
    }

    /**
     * The drift of each column of a column-major float32 matrix in a memory segment (column c is the
     * {@code rows} floats from byte {@code 4·rows·c}, native byte order), e.g. a memory-mapped file. A segment
     * of a confined arena can be read by its owner thread only, so then the columns are done on the calling
     * thread; a shared or global arena's segment is read by the context's threads.
     *
     * @param columnMajor rows × columns() floats
     * @param rows number of rows, ≥ 1
     * @return one result per column
     * @throws IllegalArgumentException if the segment's size is not 4·rows·columns(), or a column's own error
     */
    public DriftResult[] check(MemorySegment columnMajor, long rows) {
        Objects.requireNonNull(columnMajor, "columnMajor must not be null");
        long bytes = Math.multiplyExact(Math.multiplyExact(rows, (long) Float.BYTES), (long) columns());
        if (rows < 1 || columnMajor.byteSize() != bytes) {
            throw new IllegalArgumentException("columnMajor has " + columnMajor.byteSize() + " bytes, rows = " + rows
                    + " and " + columns() + " columns need " + bytes);
        }
        boolean shared = columnMajor.isAccessibleBy(new Thread(() -> { }));
        return run(shared, (scratch, c) -> {
            long base = Float.BYTES * rows * c;
            if (binned != null) {
                long[] counts = new long[binned[c].bins() + 3];
                BinLocator by = locator(c);
                for (long r = 0; r < rows; r += SEGMENT_CHUNK) {
                    int len = (int) Math.min(SEGMENT_CHUNK, rows - r);
                    MemorySegment.copy(columnMajor, ValueLayout.JAVA_FLOAT, base + Float.BYTES * r, scratch, 0, len);
                    binned[c].currentCounts(scratch, 0, len, counts, by);
                }
                return binnedResult(binned[c].measure(family, method, fill, counts));
            }
            float[] col = columnMajor.asSlice(base, Float.BYTES * rows).toArray(ValueLayout.JAVA_FLOAT);
            return exact[c].evidently(family, method, ExactProfile.widen(col, new double[col.length]), threshold);
        });
    }

    /** Profile c's locator with the family's kernels (the byte-code binning of equal-width edges). */
    private BinLocator locator(int c) {
        return binned[c].locator(family.context().kernels());
    }

    private void checkColumns(int n, Object[] columns) {
        if (n != columns()) {
            throw new IllegalArgumentException("current has " + (n < 0 ? "no" : String.valueOf(n))
                    + " columns and the monitor " + columns() + " profiles: one column per profile");
        }
        for (int i = 0; i < n; i++) {
            if (columns[i] == null) {
                throw new IllegalArgumentException("current[" + i + "] is null");
            }
        }
    }

    /**
     * One column's result, given the running thread's float buffer. The whole result, not only its value: for
     * Evidently's tests (ks, chisquare, z) the decision is taken on the p-value, p < threshold (ks: ≤), which only
     * the preset knows.
     */
    private interface ColumnValue {
        DriftResult of(float[] scratch, int column);
    }

    /** A binned profile's distance and its decision (value ≥ threshold). */
    private DriftResult binnedResult(double value) {
        return BinnedProfile.result(method, value, threshold);
    }

    private DriftResult[] run(ColumnValue value) {
        return run(true, value);
    }

    private DriftResult[] run(boolean threads, ColumnValue value) {
        int n = columns();
        DriftResult[] out = new DriftResult[n];
        Parallelism.Part<float[]> body = (scratch, c) -> {
            try {
                out[c] = value.of(scratch, c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + c + ": " + e.getMessage(), e);
            }
        };
        Parallelism par = family.context().parallelism();
        if (par.threads() == 1 || n == 1 || !threads) {
            float[] scratch = new float[SEGMENT_CHUNK];
            for (int c = 0; c < n; c++) {
                body.run(scratch, c);
            }
        } else {
            par.forEachPart(n, par.threads() - 1, () -> new float[SEGMENT_CHUNK], body);
        }
        return out;
    }
}
