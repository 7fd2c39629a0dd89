package org.shannon4j.bench;

import static jdk.incubator.vector.VectorOperators.ADD;

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

/**
 * The roofline for {@link DistributionBenchmark}: the cheapest single-threaded pass over exactly the same bytes
 * (the same arrays from {@link Distributions}), a plain Vector-API sum with the preferred species, four vector
 * accumulators and one {@code reduceLanes} after the loop. {@link #sumP()} reads what entropy reads (p);
 * {@link #sumPQ()} reads what cross-entropy, KL and JS read (p and q, interleaved like the kernels' two streams).
 * Float arrays are summed in float lanes: this is a speed limit, not an accurate sum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class RooflineBenchmark {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();

    /** Vector length n. */
    @Param({"1000", "1000000", "10000000"})
    public int size;

    /** Element type: {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String type;

    private boolean isFloat;
    private double[] pd;
    private double[] qd;
    private float[] pf;
    private float[] qf;

    @Setup(Level.Trial)
    public void setUp() {
        Distributions.Inputs in = Distributions.forType(type, size);
        isFloat = in.isFloat();
        pd = in.pd();
        qd = in.qd();
        pf = in.pf();
        qf = in.qf();
    }

    /** The bytes of one vector (entropy). */
    @Benchmark
    public double sumP() {
        return isFloat ? sum(pf) : sum(pd);
    }

    /** The bytes of two vectors (cross-entropy, KL, JS). */
    @Benchmark
    public double sumPQ() {
        return isFloat ? sum(pf, qf) : sum(pd, qd);
    }

    static double sum(double[] a) {
        int n = a.length;
        int bound4 = n - n % (4 * DL);
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (; i < bound4; i += 4 * DL) {
            s0 = s0.add(DoubleVector.fromArray(D, a, i));
            s1 = s1.add(DoubleVector.fromArray(D, a, i + DL));
            s2 = s2.add(DoubleVector.fromArray(D, a, i + 2 * DL));
            s3 = s3.add(DoubleVector.fromArray(D, a, i + 3 * DL));
        }
        for (int bound = D.loopBound(n); i < bound; i += DL) {
            s0 = s0.add(DoubleVector.fromArray(D, a, i));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(ADD);
        for (; i < n; i++) {
            s += a[i];
        }
        return s;
    }

    static double sum(double[] p, double[] q) {
        int n = Math.min(p.length, q.length);
        int bound2 = n - n % (2 * DL);
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (; i < bound2; i += 2 * DL) {
            s0 = s0.add(DoubleVector.fromArray(D, p, i));
            s1 = s1.add(DoubleVector.fromArray(D, q, i));
            s2 = s2.add(DoubleVector.fromArray(D, p, i + DL));
            s3 = s3.add(DoubleVector.fromArray(D, q, i + DL));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(ADD);
        for (; i < n; i++) {
            s += p[i] + q[i];
        }
        return s;
    }

    static double sum(float[] a) {
        int n = a.length;
        int bound4 = n - n % (4 * FL);
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        for (; i < bound4; i += 4 * FL) {
            s0 = s0.add(FloatVector.fromArray(F, a, i));
            s1 = s1.add(FloatVector.fromArray(F, a, i + FL));
            s2 = s2.add(FloatVector.fromArray(F, a, i + 2 * FL));
            s3 = s3.add(FloatVector.fromArray(F, a, i + 3 * FL));
        }
        for (int bound = F.loopBound(n); i < bound; i += FL) {
            s0 = s0.add(FloatVector.fromArray(F, a, i));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(ADD);
        for (; i < n; i++) {
            s += a[i];
        }
        return s;
    }

    static double sum(float[] p, float[] q) {
        int n = Math.min(p.length, q.length);
        int bound2 = n - n % (2 * FL);
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        for (; i < bound2; i += 2 * FL) {
            s0 = s0.add(FloatVector.fromArray(F, p, i));
            s1 = s1.add(FloatVector.fromArray(F, q, i));
            s2 = s2.add(FloatVector.fromArray(F, p, i + FL));
            s3 = s3.add(FloatVector.fromArray(F, q, i + FL));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(ADD);
        for (; i < n; i++) {
            s += p[i] + q[i];
        }
        return s;
    }
}
