package org.shannon4j.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.shannon4j.drift.BinRule;
import org.shannon4j.drift.BinnedProfile;
import org.shannon4j.drift.Drift;
import org.shannon4j.drift.DriftMethod;
import org.shannon4j.drift.DriftMonitor;
import org.shannon4j.drift.DriftPreset;
import org.shannon4j.drift.DriftResult;
import org.shannon4j.drift.EmptyBins;
import org.shannon4j.drift.ExactProfile;

/**
 * Drift (issue 15), ms per call. One numeric column, Evidently-exact: {@code size} reference and {@code size}
 * current float64 values (reference N(0, 1), current N(0.1, 1.1²), the data drift/tools/bench_evidently.py
 * rebuilds bit for bit to time Evidently's formulas); against the reference's {@link ExactProfile}; and a
 * {@link DriftMonitor} of binned profiles (Sturges edges of a 100,000-row reference per column) over
 * {@code rows} × {@code columns} float32 current values on {@code threads} threads (the 3M × 200 matrix is
 * 2.4 GB, hence the fork's -Xmx5g).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx5g"})
public class DriftBenchmark {

    /** One column pair. */
    @State(Scope.Benchmark)
    public static class Column {
        /** Values per column. */
        @Param({"3000000"})
        public int size;

        /** The drift method. */
        @Param({"PSI", "KL_DIV", "JENSENSHANNON", "HELLINGER", "WASSERSTEIN"})
        public DriftMethod method;

        /** {@link Shannon#withParallelism(int)} (Wasserstein sorts the two columns on two threads). */
        @Param({"1"})
        public int threads;

        Drift drift;
        double[] reference;
        double[] current;
        ExactProfile profile;

        @Setup(Level.Trial)
        public void setUp() {
            drift = Drift.of(Shannon.get().withParallelism(threads).context());
            reference = normal(size, 1, 0.0, 1.0);
            current = normal(size, 2, 0.1, 1.1);
            profile = ExactProfile.of(reference);
        }
    }

    /** Many columns against stored binned profiles. */
    @State(Scope.Benchmark)
    public static class Columns {
        /** Current rows. */
        @Param({"3000000"})
        public int rows;

        /** Columns. */
        @Param({"200"})
        public int columns;

        /** Threads of the handle. */
        @Param({"1", "2"})
        public int threads;

        DriftMonitor monitor;
        float[][] current;

        @Setup(Level.Trial)
        public void setUp() {
            Drift drift = Drift.of(Shannon.get().withParallelism(threads).context());
            List<BinnedProfile> profiles = new ArrayList<>();
            current = new float[columns][];
            for (int c = 0; c < columns; c++) {
                profiles.add(BinnedProfile.of(toFloat(normal(100_000, 1000 + c, 0, 1 + c % 5)), BinRule.STURGES));
                current[c] = toFloat(normal(rows, 2000 + c, 0.05 * (c % 3), 1 + c % 5));
            }
            monitor = DriftMonitor.binned(drift, profiles, DriftMethod.PSI, EmptyBins.EVIDENTLY, 0.1);
        }
    }

    /** One column, Evidently's rules on the two columns. */
    @Benchmark
    public double evidently(Column s) {
        return s.drift.numeric(DriftPreset.EVIDENTLY, s.method, s.reference, s.current).value();
    }

    /** One column, Evidently's rules against the reference's stored ExactProfile. */
    @Benchmark
    public double profile(Column s) {
        return s.profile.evidently(s.drift, s.method, s.current, 0.1).value();
    }

    @Benchmark
    public DriftResult[] monitorPsi(Columns s) {
        return s.monitor.check(s.current);
    }

    /**
     * n normal values: splitmix64 uniforms (53 bits) through Box–Muller's cosine branch, mean + sd·z, so that a
     * few lines of numpy rebuild them (up to the last bits of log and cos, which do not change the timing).
     */
    static double[] normal(int n, long seed, double mean, double sd) {
        double[] x = new double[n];
        long state = seed;
        for (int i = 0; i < n; i++) {
            state += 0x9E3779B97F4A7C15L;
            double u1 = (KsgBenchmark.mix(state) >>> 11) * 0x1.0p-53;
            state += 0x9E3779B97F4A7C15L;
            double u2 = (KsgBenchmark.mix(state) >>> 11) * 0x1.0p-53;
            x[i] = mean + sd * (Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2));
        }
        return x;
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
