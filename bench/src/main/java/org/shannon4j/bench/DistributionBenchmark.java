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

/**
 * The distribution measures through the public facade, per backend, length and element type. Inputs come from
 * {@link Distributions} (fixed seed), generated once per trial. Scores are ns per call: divide by {@code size}
 * for ns per element. Compare with {@link RooflineBenchmark} (same bytes, plain vector sum): {@code sumP} for
 * entropy, {@code sumPQ} for the two-input measures.
 *
 * <p>Each measured method only calls the facade on preallocated arrays: nothing is allocated per call (check
 * with {@code -prof gc}: gc.alloc.rate.norm ≈ 0 B/op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DistributionBenchmark {

    /** A backend name for {@link Shannon#get(String)}. */
    @Param({"scalar", "simd"})
    public String backend;

    /** Vector length n. */
    @Param({"1000", "1000000", "10000000"})
    public int size;

    /** Element type: {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String type;

    private Shannon shannon;
    private boolean isFloat;
    private double[] pd;
    private double[] qd;
    private float[] pf;
    private float[] qf;

    @Setup(Level.Trial)
    public void setUp() {
        shannon = Shannon.get(backend);
        Distributions.Inputs in = Distributions.forType(type, size);
        isFloat = in.isFloat();
        pd = in.pd();
        qd = in.qd();
        pf = in.pf();
        qf = in.qf();
        // Fail the trial early rather than time an exception path.
        for (double v : new double[] {entropy(), crossEntropy(), klDivergence(), jsDivergence()}) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("non-finite measure " + v + " for " + backend + "/" + type + "/" + size);
            }
        }
    }

    @Benchmark
    public double entropy() {
        return isFloat ? shannon.entropy(pf) : shannon.entropy(pd);
    }

    @Benchmark
    public double crossEntropy() {
        return isFloat ? shannon.crossEntropy(pf, qf) : shannon.crossEntropy(pd, qd);
    }

    @Benchmark
    public double klDivergence() {
        return isFloat ? shannon.klDivergence(pf, qf) : shannon.klDivergence(pd, qd);
    }

    @Benchmark
    public double jsDivergence() {
        return isFloat ? shannon.jsDivergence(pf, qf) : shannon.jsDivergence(pd, qd);
    }
}
