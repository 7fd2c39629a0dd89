package org.shannon4j.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shannon4j.spi.BackendProvider;
import org.shannon4j.spi.Kernels;

/**
 * The three kernels of an equal-width histogram, as Evidently's PSI makes one (issue 15), each alone on one
 * column of {@code size} N(0, 1) doubles (out of the caches at 3M): the min/max scan ({@code minMaxKeys}), the
 * binning into byte codes ({@code equalWidthBins}, Sturges' 24 bins over [min, max], in the locator's blocks of
 * 4,096), and the counting of those codes ({@code countCodes}, the column's codes made once, counted in the same blocks). The sum of
 * the three against {@code DriftBenchmark.evidently}'s PSI shows what the rest of the call costs; the roofline
 * is {@code RooflineBenchmark.sumP} over the same bytes. Scores are ms per column.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class BinningKernelsBenchmark {

    /** A backend name ({@link BackendProvider#name()}). */
    @Param({"scalar", "simd"})
    public String backend;

    /** Values in the column. */
    @Param({"3000000"})
    public int size;

    /** Equal-width bins (Sturges' for 6M values: 24). */
    @Param({"24"})
    public int bins;

    private static final int BLOCK = 4096;

    private Kernels kernels;
    private double[] values;
    private double[] edges;
    private byte[] block;
    private byte[] codes;
    private long[] keys;
    private long[] table;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = BackendKernels.of(backend);
        values = DriftBenchmark.normal(size, 1, 0.0, 1.0);
        keys = new long[2];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        edges = new double[bins + 1];
        double step = (max - min) / bins;
        for (int k = 0; k < bins; k++) {
            edges[k] = k * step + min; // numpy's linspace, as BinEdges builds them
        }
        edges[bins] = max;
        block = new byte[BLOCK];
        codes = new byte[size];
        for (int start = 0; start < size; start += BLOCK) {
            int len = Math.min(BLOCK, size - start);
            kernels.equalWidthBins(values, start, len, edges, bins, block);
            System.arraycopy(block, 0, codes, start, len);
        }
        table = new long[bins];
    }

    /** The least and greatest order keys. */
    @Benchmark
    public long minMax() {
        kernels.minMaxKeys(values, 0, size, keys);
        return keys[0] ^ keys[1];
    }

    /** Byte codes block by block (the block stays in L1, as in the locator). */
    @Benchmark
    public byte binCodes() {
        for (int start = 0; start < size; start += BLOCK) {
            kernels.equalWidthBins(values, start, Math.min(BLOCK, size - start), edges, bins, block);
        }
        return block[0];
    }

    /** The codes' histogram block by block (as the locator counts), added into the same table every call. */
    @Benchmark
    public long countCodes() {
        long left = 0;
        for (int start = 0; start < size; start += BLOCK) {
            left += kernels.countCodes(codes, start, Math.min(BLOCK, size - start), bins, table);
        }
        return left;
    }
}
