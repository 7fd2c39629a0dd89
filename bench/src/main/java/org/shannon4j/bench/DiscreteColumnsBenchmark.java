package org.shannon4j.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
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
import org.shannon4j.selection.DiscreteColumns;

/**
 * {@link DiscreteColumns#wrap(byte[][], int[])} alone: the check of every code against its column's level count
 * that a selection over caller-owned byte columns starts with ({@code columns} columns of {@code rows} uniformly
 * drawn codes of 10 levels, all valid). Scores are ms per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DiscreteColumnsBenchmark {

    /** Rows of each column. */
    @Param({"100000"})
    public int rows;

    /** Columns. */
    @Param({"1000"})
    public int columns;

    private byte[][] codes;
    private int[] levels;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(11);
        codes = new byte[columns][rows];
        for (byte[] column : codes) {
            for (int r = 0; r < rows; r++) {
                column[r] = (byte) random.nextInt(10);
            }
        }
        levels = new int[columns];
        Arrays.fill(levels, 10);
    }

    @Benchmark
    public DiscreteColumns wrap() {
        return DiscreteColumns.wrap(codes, levels);
    }
}
