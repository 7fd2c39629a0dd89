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
 * Softmax cross-entropy with class-index targets (the default options: mean over rows) through the public
 * facade, per backend, shape and element type: N = 1e6 rows of C = 10 classes and N = 1e5 rows of C = 1000
 * (the two shapes; 1e7 and 1e8 logits). Logits are N(0, 3²) from a fixed seed, targets uniform.
 * Scores are ns per call: divide by rows × classes for ns per logit. Nothing is allocated per call on one thread
 * (check with {@code -prof gc}); with {@code -p threads=2} the call splits into parts of rows.
 *
 * <pre>
 * bin/shannon4j jmh LossBenchmark -prof gc
 * bin/shannon4j jmh LossBenchmark -p threads=1,2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class LossBenchmark {

    /** A backend name for {@link Shannon#get(String)}. */
    @Param({"scalar", "simd"})
    public String backend;

    /** rows x classes. */
    @Param({"1000000x10", "100000x1000"})
    public String shape;

    /** Element type of the logits: {@code double} or {@code float}. */
    @Param({"double", "float"})
    public String type;

    /** {@link Shannon#withParallelism(int)}: the softmax cross-entropy splits into parts of rows over this many threads. */
    @Param({"1"})
    public int threads;

    private Shannon shannon;
    private boolean isFloat;
    private int rows;
    private int classes;
    private double[] zd;
    private float[] zf;
    private int[] targets;

    @Setup(Level.Trial)
    public void setUp() {
        shannon = Shannon.get(backend).withParallelism(threads);
        String[] rc = shape.split("x");
        rows = Integer.parseInt(rc[0]);
        classes = Integer.parseInt(rc[1]);
        isFloat = type.equals("float");
        SplittableRandom rnd = new SplittableRandom(Distributions.DEFAULT_SEED);
        int n = rows * classes;
        if (isFloat) {
            zf = new float[n];
            for (int i = 0; i < n; i++) {
                zf[i] = (float) (3 * gaussian(rnd));
            }
        } else {
            zd = new double[n];
            for (int i = 0; i < n; i++) {
                zd[i] = 3 * gaussian(rnd);
            }
        }
        targets = new int[rows];
        for (int r = 0; r < rows; r++) {
            targets[r] = rnd.nextInt(classes);
        }
        double v = softmaxCrossEntropy();
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("non-finite loss " + v);
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    @Benchmark
    public double softmaxCrossEntropy() {
        return isFloat ? shannon.losses().softmaxCrossEntropy(zf, rows, classes, targets)
                : shannon.losses().softmaxCrossEntropy(zd, rows, classes, targets);
    }
}
