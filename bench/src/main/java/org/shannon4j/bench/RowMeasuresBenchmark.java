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
import org.shannon4j.rows.RowMeasures;

/**
 * Per-row measures of an N × C probability matrix through the public facade (the allocation-free forms with
 * {@code out}), per backend and element type: entropy of each row, KL and JS between matching rows, N = 1e6 rows
 * of C = 10 (issue 15's shape: 1e7 elements, resp. 1e7 pairs). Rows are Dirichlet(1)-like (normalised
 * exponentials) from a fixed seed, renormalised in the element type. Scores are ns per call: divide by
 * rows × classes for ns per element. Nothing is allocated per call (check with {@code -prof gc}).
 *
 * <pre>
 * bin/shannon4j jmh RowMeasuresBenchmark -prof gc
 * bin/shannon4j jmh RowMeasuresBenchmark -p threads=1,2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class RowMeasuresBenchmark {

    /** A backend name for {@link Shannon#get(String)}. */
    @Param({"scalar", "simd"})
    public String backend;

    /** Number of rows. */
    @Param({"1000000"})
    public int rows;

    /** Number of classes per row. */
    @Param({"10"})
    public int classes;

    /** Element type: {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String type;

    /** {@link Shannon#withParallelism(int)}: parts of whole rows over this many threads. */
    @Param({"1"})
    public int threads;

    private RowMeasures measures;
    private boolean isFloat;
    private double[] pd;
    private double[] qd;
    private float[] pf;
    private float[] qf;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        measures = Shannon.get(backend).withParallelism(threads).rows();
        isFloat = type.equals("float");
        SplittableRandom rnd = new SplittableRandom(Distributions.DEFAULT_SEED);
        pd = matrix(rnd);
        qd = matrix(rnd);
        if (isFloat) {
            pf = new float[pd.length];
            qf = new float[qd.length];
            for (int i = 0; i < pd.length; i++) {
                pf[i] = (float) pd[i];
                qf[i] = (float) qd[i];
            }
        }
        out = new double[rows];
        entropy();
        klDivergence();
        jsDivergence();
    }

    private double[] matrix(SplittableRandom rnd) {
        double[] m = new double[rows * classes];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < classes; c++) {
                m[r * classes + c] = -Math.log1p(-rnd.nextDouble());
                s += m[r * classes + c];
            }
            for (int c = 0; c < classes; c++) {
                m[r * classes + c] /= s;
            }
        }
        return m;
    }

    @Benchmark
    public double[] entropy() {
        if (isFloat) {
            measures.entropy(pf, 0, rows, classes, out, 0);
        } else {
            measures.entropy(pd, 0, rows, classes, out, 0);
        }
        return out;
    }

    @Benchmark
    public double[] klDivergence() {
        if (isFloat) {
            measures.klDivergence(pf, 0, qf, 0, rows, classes, out, 0);
        } else {
            measures.klDivergence(pd, 0, qd, 0, rows, classes, out, 0);
        }
        return out;
    }

    @Benchmark
    public double[] jsDivergence() {
        if (isFloat) {
            measures.jsDivergence(pf, 0, qf, 0, rows, classes, out, 0);
        } else {
            measures.jsDivergence(pd, 0, qd, 0, rows, classes, out, 0);
        }
        return out;
    }
}
