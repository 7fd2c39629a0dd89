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
 * The squared Hellinger distance through the facade, on the inputs of {@link DistributionBenchmark}: three
 * passes (Σp, Σq, then the terms), so compare it with three {@link RooflineBenchmark} sums over the same bytes.
 * Scores are ns per call; nothing is allocated per call ({@code -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class HellingerBenchmark {

    /** A backend name for {@link Shannon#get(String)}. */
    @Param({"scalar", "simd"})
    public String backend;

    /** Vector length n. */
    @Param({"1000000"})
    public int size;

    /** Element type: {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String type;

    private Shannon shannon;
    private Distributions.Inputs in;

    @Setup(Level.Trial)
    public void setUp() {
        shannon = Shannon.get(backend);
        in = Distributions.forType(type, size);
        if (!Double.isFinite(squaredHellinger())) {
            throw new IllegalStateException("non-finite Hellinger distance for " + backend + "/" + type);
        }
    }

    @Benchmark
    public double squaredHellinger() {
        return in.isFloat() ? shannon.squaredHellingerDistance(in.pf(), in.qf())
                : shannon.squaredHellingerDistance(in.pd(), in.qd());
    }
}
