package org.shannon4j.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shannon4j.Shannon;
import org.shannon4j.continuous.registration.HistogramMutualInformation;
import org.shannon4j.continuous.registration.OutOfRange;
import org.shannon4j.continuous.registration.Registration;

/**
 * Issue 16's registration target: histogram MI of two 1e7-voxel float images with 256 × 256 bins, ns per voxel
 * (the score is per voxel: {@link OperationsPerInvocation}). The images are {@link #images}: a smooth volume and a
 * shifted copy with uniform noise, the same formula as {@code bench/tools/registration_numpy.py}, which times numpy's
 * {@code histogram2d} + the MI formula on them. {@code range=measured} includes the min/max pass (as numpy's
 * histogram2d without a range); {@code given} passes the ranges.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class RegistrationBenchmark {

    /** Voxels per image (100 × 400 × 250). */
    static final int VOXELS = 10_000_000;

    /** A backend name for {@link Shannon#get(String)}. */
    @Param({"scalar", "simd"})
    public String backend;

    /** Threads of the context. */
    @Param({"1", "2"})
    public int threads;

    /** measured: each image's min and max; given: [0, 200] for both. */
    @Param({"measured", "given"})
    public String range;

    /** Bins per image. */
    @Param({"256"})
    public int bins;

    /** Voxel type: float, or double (the same values widened; run with -p precision=double). */
    @Param({"float"})
    public String precision;

    private Registration registration;
    private float[] fixed;
    private float[] moving;
    private double[] fixedD;
    private double[] movingD;

    @Setup(Level.Trial)
    public void setUp() {
        float[][] images = images(VOXELS);
        fixed = images[0];
        moving = images[1];
        if (precision.equals("double")) {
            fixedD = new double[VOXELS];
            movingD = new double[VOXELS];
            for (int i = 0; i < VOXELS; i++) {
                fixedD[i] = fixed[i];
                movingD[i] = moving[i];
            }
        }
        registration = Registration.of(Shannon.get(backend).withParallelism(threads).context());
    }

    @Benchmark
    @OperationsPerInvocation(VOXELS)
    public HistogramMutualInformation mutualInformation() {
        if (fixedD != null) {
            return range.equals("given")
                    ? registration.measures(fixedD, movingD, bins, 0, 200, 0, 200, OutOfRange.CLAMP)
                    : registration.measures(fixedD, movingD, bins);
        }
        return range.equals("given")
                ? registration.measures(fixed, moving, bins, 0, 200, 0, 200, OutOfRange.CLAMP)
                : registration.measures(fixed, moving, bins);
    }

    /**
     * The two images: voxel i = (x, y, z) with z fastest (250), then y (400), then x; fixed = 100 + 40·sin(x/7)
     * + 30·cos(y/11) + 20·sin(z/13 + x/17); moving = fixed at (x + 2, y + 1, z) + u, u uniform in [−10, 10) from
     * a splitmix64 hash of i (the same integers in the numpy script).
     */
    static float[][] images(int n) {
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            int z = i % 250;
            int y = (i / 250) % 400;
            int x = i / 100_000;
            a[i] = (float) smooth(x, y, z);
            long h = (i + 1) * 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
            double u = (h >>> 40) * 0x1p-24 * 20 - 10;
            b[i] = (float) (smooth(x + 2, y + 1, z) + u);
        }
        return new float[][] {a, b};
    }

    private static double smooth(int x, int y, int z) {
        return 100 + 40 * Math.sin(x / 7.0) + 30 * Math.cos(y / 11.0) + 20 * Math.sin(z / 13.0 + x / 17.0);
    }
}
