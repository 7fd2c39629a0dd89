package org.shannon4j.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.shannon4j.Shannon;

/**
 * The cost of {@link MemorySegment} inputs: the same values as {@link DistributionBenchmark} read from a
 * {@code double[]}/{@code float[]} ({@code input=array}), a heap segment over that array ({@code heap}) or a
 * native segment ({@code native}). Segments are copied block by block into per-thread arrays and run through
 * the array kernels, so the difference to {@code array} is the price of that copy. Nothing is allocated per
 * call ({@code -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class SegmentBenchmark {

    @Param({"scalar", "simd"})
    public String backend;

    @Param({"1000000", "10000000"})
    public int size;

    @Param({"double", "float"})
    public String type;

    @Param({"array", "heap", "native"})
    public String input;

    private Shannon shannon;
    private boolean isFloat;
    private boolean isArray;
    private double[] pd;
    private double[] qd;
    private float[] pf;
    private float[] qf;
    private MemorySegment p;
    private MemorySegment q;
    private Arena arena;

    @Setup(Level.Trial)
    public void setUp() {
        shannon = Shannon.get(backend);
        Distributions.Inputs in = Distributions.forType(type, size);
        isFloat = in.isFloat();
        isArray = input.equals("array");
        pd = in.pd();
        qd = in.qd();
        pf = in.pf();
        qf = in.qf();
        arena = Arena.ofShared();
        switch (input) {
            case "array" -> { }
            case "heap" -> {
                p = isFloat ? MemorySegment.ofArray(pf) : MemorySegment.ofArray(pd);
                q = isFloat ? MemorySegment.ofArray(qf) : MemorySegment.ofArray(qd);
            }
            case "native" -> {
                p = arena.allocate((long) size * (isFloat ? 4 : 8), 64);
                q = arena.allocate((long) size * (isFloat ? 4 : 8), 64);
                if (isFloat) {
                    MemorySegment.copy(pf, 0, p, ValueLayout.JAVA_FLOAT, 0, size);
                    MemorySegment.copy(qf, 0, q, ValueLayout.JAVA_FLOAT, 0, size);
                } else {
                    MemorySegment.copy(pd, 0, p, ValueLayout.JAVA_DOUBLE, 0, size);
                    MemorySegment.copy(qd, 0, q, ValueLayout.JAVA_DOUBLE, 0, size);
                }
            }
            default -> throw new IllegalArgumentException("input must be array, heap or native: " + input);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public double entropy() {
        if (isArray) {
            return isFloat ? shannon.entropy(pf) : shannon.entropy(pd);
        }
        return isFloat ? shannon.entropy(p, ValueLayout.JAVA_FLOAT) : shannon.entropy(p, ValueLayout.JAVA_DOUBLE);
    }

    @Benchmark
    public double crossEntropy() {
        if (isArray) {
            return isFloat ? shannon.crossEntropy(pf, qf) : shannon.crossEntropy(pd, qd);
        }
        return isFloat ? shannon.crossEntropy(p, q, ValueLayout.JAVA_FLOAT)
                : shannon.crossEntropy(p, q, ValueLayout.JAVA_DOUBLE);
    }

    @Benchmark
    public double klDivergence() {
        if (isArray) {
            return isFloat ? shannon.klDivergence(pf, qf) : shannon.klDivergence(pd, qd);
        }
        return isFloat ? shannon.klDivergence(p, q, ValueLayout.JAVA_FLOAT)
                : shannon.klDivergence(p, q, ValueLayout.JAVA_DOUBLE);
    }

    @Benchmark
    public double jsDivergence() {
        if (isArray) {
            return isFloat ? shannon.jsDivergence(pf, qf) : shannon.jsDivergence(pd, qd);
        }
        return isFloat ? shannon.jsDivergence(p, q, ValueLayout.JAVA_FLOAT)
                : shannon.jsDivergence(p, q, ValueLayout.JAVA_DOUBLE);
    }
}
