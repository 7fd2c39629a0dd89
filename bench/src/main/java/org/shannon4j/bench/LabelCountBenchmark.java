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
import org.shannon4j.Shannon;
import org.shannon4j.spi.Kernels;

/**
 * Where the time of mutual information from labels goes at k = 1000, n = 1e7 (the same labels as
 * {@link MutualInformationBenchmark}): the whole measure, the label range pass, the byte-table count with its fold,
 * the int-table count, a plain read of both arrays (the streaming floor) and Σ c·ln c over the table. Scores are
 * ns per call; {@link #main} runs the parts interleaved (round-robin) for a shared, noisy machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class LabelCountBenchmark {

    @Param({"simd"})
    public String backend;

    @Param({"10000000"})
    public int size;

    @Param({"1000"})
    public int k;

    private Kernels kernels;
    private Shannon shannon;
    private int[] x;
    private int[] y;
    private int[] table;
    private byte[] low;
    /** The real table, for nLogN (the count benchmarks overwrite {@code table}). */
    private int[] counted;

    @Setup(Level.Trial)
    public void setUp() {
        int[][] l = MutualInformationBenchmark.labels(size, k, 42);
        x = l[0];
        y = l[1];
        kernels = BackendKernels.of(backend);
        shannon = Shannon.get(backend);
        table = new int[k * k];
        low = new byte[k * k];
        kernels.countPairs(x, 0, 0, y, 0, 0, k, size, table);
        counted = table.clone();
    }

    @Benchmark
    public double measure() {
        return shannon.dependence().mutualInformation(x, y);
    }

    @Benchmark
    public long minMax() {
        return kernels.minMax(x, 0, size) ^ kernels.minMax(y, 0, size);
    }

    @Benchmark
    public long stream() {
        long s = 0;
        for (int i = 0; i < size; i++) {
            s += x[i] ^ y[i];
        }
        return s;
    }

    @Benchmark
    public int[] lowBytes() {
        java.util.Arrays.fill(table, 0);
        kernels.countPairsLowBytes(x, 0, 0, y, 0, 0, k, size, low, table);
        for (int c = 0; c < table.length; c++) {
            table[c] += low[c] & 0xFF;
            low[c] = 0;
        }
        return table;
    }

    @Benchmark
    public int[] intTable() {
        java.util.Arrays.fill(table, 0);
        kernels.countPairs(x, 0, 0, y, 0, 0, k, size, table);
        return table;
    }

    @Benchmark
    public double nLogN() {
        return kernels.nLogN(counted, 0, counted.length);
    }

    /**
     * Interleaved (round-robin) timing of the parts for a shared, noisy machine: min and median ns per sample.
     * Args: rounds (default 20).
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        LabelCountBenchmark b = new LabelCountBenchmark();
        b.backend = "simd";
        b.size = 10_000_000;
        b.k = 1000;
        b.setUp();
        String[] names = {"measure", "minMax", "stream", "lowBytes", "intTable", "nLogN"};
        Runnable[] runs = {b::measure, b::minMax, b::stream, b::lowBytes, b::intTable, b::nLogN};
        Interleaved.time(names, runs, rounds, b.size, "ns/sample (n = 1e7, k = 1000)");
    }
}
