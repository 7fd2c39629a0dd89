package org.shannon4j.bench;

import static jdk.incubator.vector.VectorOperators.ADD;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

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
 * Issue 6's parallel target: the measures with {@code threads} threads ({@link Shannon#withParallelism(int)},
 * common pool; {@code deterministic} adds {@link Shannon#withDeterministicParallelism(boolean)}) next to the
 * {@code threads}-thread roofline: {@link #sumP()} / {@link #sumPQ()} split the same bytes into one half per
 * thread (the second half on {@link ForkJoinPool#commonPool()}, the first on the calling thread, exactly the
 * hand-off the library uses) and sum each half with the plain vector loop of {@link RooflineBenchmark}. With
 * {@code threads=1} they are the single-thread roofline. "Within 1.3× of the 2-thread roofline" means
 * measure(threads=2) ≤ 1.3 × sumP/sumPQ(threads=2).
 *
 * <p>On a 2-core machine shared with other work, 2-thread figures are noisy: re-measure on a quiet machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ParallelBenchmark {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();

    @Param({"scalar", "simd"})
    public String backend;

    @Param({"10000000"})
    public int size;

    @Param({"double", "float"})
    public String type;

    @Param({"1", "2"})
    public int threads;

    @Param({"false"})
    public boolean deterministic;

    private Shannon shannon;
    private boolean isFloat;
    private double[] pd;
    private double[] qd;
    private float[] pf;
    private float[] qf;

    @Setup(Level.Trial)
    public void setUp() {
        shannon = Shannon.get(backend).withParallelism(threads).withDeterministicParallelism(deterministic);
        Distributions.Inputs in = Distributions.forType(type, size);
        isFloat = in.isFloat();
        pd = in.pd();
        qd = in.qd();
        pf = in.pf();
        qf = in.qf();
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

    // ------------------------------------------------------------------------------------------- roofline

    /** The bytes of p, split over {@code threads} threads. */
    @Benchmark
    public double sumP() {
        return split(false);
    }

    /** The bytes of p and q, split over {@code threads} threads. */
    @Benchmark
    public double sumPQ() {
        return split(true);
    }

    private double split(boolean pair) {
        int n = isFloat ? pf.length : pd.length;
        if (threads == 1) {
            return part(pair, 0, n);
        }
        int per = n / threads;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[threads - 1];
        double[] parts = new double[threads];
        for (int t = 1; t < threads; t++) {
            int from = t * per;
            int to = t == threads - 1 ? n : from + per;
            int slot = t;
            tasks[t - 1] = ForkJoinPool.commonPool().submit(() -> {
                parts[slot] = part(pair, from, to);
            });
        }
        double s = part(pair, 0, per);
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
        for (int t = 1; t < threads; t++) {
            s += parts[t];
        }
        return s;
    }

    private double part(boolean pair, int from, int to) {
        if (isFloat) {
            return pair ? sum(pf, from, to) + sum(qf, from, to) : sum(pf, from, to);
        }
        return pair ? sum(pd, from, to) + sum(qd, from, to) : sum(pd, from, to);
    }

    static double sum(double[] a, int from, int to) {
        int bound = from + (to - from) / (4 * DL) * (4 * DL);
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = from;
        for (; i < bound; i += 4 * DL) {
            s0 = s0.add(DoubleVector.fromArray(D, a, i));
            s1 = s1.add(DoubleVector.fromArray(D, a, i + DL));
            s2 = s2.add(DoubleVector.fromArray(D, a, i + 2 * DL));
            s3 = s3.add(DoubleVector.fromArray(D, a, i + 3 * DL));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(ADD);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    static double sum(float[] a, int from, int to) {
        int bound = from + (to - from) / (4 * FL) * (4 * FL);
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = from;
        for (; i < bound; i += 4 * FL) {
            s0 = s0.add(FloatVector.fromArray(F, a, i));
            s1 = s1.add(FloatVector.fromArray(F, a, i + FL));
            s2 = s2.add(FloatVector.fromArray(F, a, i + 2 * FL));
            s3 = s3.add(FloatVector.fromArray(F, a, i + 3 * FL));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(ADD);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }
}
