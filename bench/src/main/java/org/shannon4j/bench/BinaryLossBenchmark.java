package org.shannon4j.bench;

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
import org.shannon4j.Shannon;

/**
 * Binary cross-entropy from probabilities and from logits at n = 1e6 (soft targets in [0, 1], probabilities
 * uniform in (0, 1), logits N(0, 3²); fixed seed), per backend and type. Scores are ns per call: divide by n.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class BinaryLossBenchmark {

    @Param({"scalar", "simd"})
    public String backend;

    @Param({"1000000"})
    public int size;

    @Param({"double", "float"})
    public String type;

    private Shannon shannon;
    private boolean isFloat;
    private double[] yd, pd, xd;
    private float[] yf, pf, xf;

    @Setup(Level.Trial)
    public void setUp() {
        shannon = Shannon.get(backend);
        isFloat = type.equals("float");
        SplittableRandom rnd = new SplittableRandom(Distributions.DEFAULT_SEED);
        yd = new double[size];
        pd = new double[size];
        xd = new double[size];
        for (int i = 0; i < size; i++) {
            yd[i] = rnd.nextDouble();
            pd[i] = 0.001 + 0.998 * rnd.nextDouble();
            xd[i] = 3 * (rnd.nextDouble() * 2 - 1);
        }
        yf = new float[size];
        pf = new float[size];
        xf = new float[size];
        for (int i = 0; i < size; i++) {
            yf[i] = (float) yd[i];
            pf[i] = (float) pd[i];
            xf[i] = (float) xd[i];
        }
    }

    @Benchmark
    public double binaryCrossEntropy() {
        return isFloat ? shannon.losses().binaryCrossEntropy(yf, pf) : shannon.losses().binaryCrossEntropy(yd, pd);
    }

    @Benchmark
    public double binaryCrossEntropyWithLogits() {
        return isFloat ? shannon.losses().binaryCrossEntropyWithLogits(yf, xf) : shannon.losses().binaryCrossEntropyWithLogits(yd, xd);
    }
}
