package org.shannon4j.conformance;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import org.shannon4j.Normalization;
import org.shannon4j.Shannon;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.Estimator;
import org.shannon4j.dependence.NmiAverage;

/**
 * A fixed battery of results whose bits must not depend on the JIT tier that computes them: distribution
 * measures (double and float, lengths with tails, segments, NORMALIZE), the mutual-information family with its
 * estimators, and (large battery) a deterministic-parallel pass over more than one chunk. Used in-process by
 * {@link TrustConformanceSuite#sameBitsOnEveryCall} and, through {@link #main}, in forked JVMs by
 * {@code DeterminismForkTest} ({@code -Xint}-like interpreter, C1 only, warmed-up C2).
 */
public final class DeterminismBattery {

    private final List<String> names = new ArrayList<>();
    private final List<DoubleSupplier> results = new ArrayList<>();

    /** {@code large}: add inputs above the deterministic-parallel chunk (2^18 elements). */
    public DeterminismBattery(Shannon s, boolean large) {
        Dependence d = s.dependence();
        SplittableRandom rnd = new SplittableRandom(2024);
        Shannon normalize = s.withNormalization(Normalization.NORMALIZE);
        for (int n : new int[] {5, 37, 1000, 1029}) {
            double[] p = TestData.dirichlet(rnd, n, 0.7, 0.1);
            double[] q = TestData.dirichlet(rnd, n, 1.3, 0.0);
            float[] pf = TestData.toFloat(p);
            float[] qf = TestData.toFloat(q);
            add("entropy n=" + n, () -> s.entropy(p));
            add("crossEntropy n=" + n, () -> s.crossEntropy(p, q));
            add("klDivergence n=" + n, () -> s.klDivergence(p, q));
            add("jsDivergence n=" + n, () -> s.jsDivergence(p, q));
            add("jsDistance n=" + n, () -> s.jsDistance(q, p));
            add("entropy(float) n=" + n, () -> s.entropy(pf));
            add("crossEntropy(float) n=" + n, () -> s.crossEntropy(pf, qf));
            add("klDivergence(float) n=" + n, () -> s.klDivergence(pf, qf));
            add("jsDivergence(float) n=" + n, () -> s.jsDivergence(pf, qf));
            add("squaredHellingerDistance n=" + n, () -> s.squaredHellingerDistance(p, q));
            add("squaredHellingerDistance(float) n=" + n, () -> s.squaredHellingerDistance(pf, qf));
            double[] up = p.clone();
            for (int i = 0; i < n; i++) {
                up[i] *= 3.0;
            }
            add("NORMALIZE klDivergence n=" + n, () -> normalize.klDivergence(up, q));
            add("NORMALIZE jsDivergence n=" + n, () -> normalize.jsDivergence(up, q));
            add("NORMALIZE squaredHellingerDistance n=" + n, () -> normalize.squaredHellingerDistance(up, q));
            MemorySegment ps = MemorySegment.ofArray(p);
            MemorySegment qs = MemorySegment.ofArray(q);
            MemorySegment pfs = MemorySegment.ofArray(pf);
            MemorySegment qfs = MemorySegment.ofArray(qf);
            add("entropy(segment) n=" + n, () -> s.entropy(ps, ValueLayout.JAVA_DOUBLE));
            add("klDivergence(segment) n=" + n, () -> s.klDivergence(ps, qs, ValueLayout.JAVA_DOUBLE));
            add("crossEntropy(float segment) n=" + n, () -> s.crossEntropy(pfs, qfs, ValueLayout.JAVA_FLOAT));
            add("jsDivergence(float segment) n=" + n, () -> s.jsDivergence(pfs, qfs, ValueLayout.JAVA_FLOAT));
            add("squaredHellingerDistance(float segment) n=" + n,
                    () -> s.squaredHellingerDistance(pfs, qfs, ValueLayout.JAVA_FLOAT));
        }
        for (int n : new int[] {100, 5000}) {
            int[] x = labels(rnd, n, 7);
            int[] y = new int[n];
            int[] z = labels(rnd, n, 3);
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(40) : x[i] * 3 + z[i];
            }
            add("mutualInformation n=" + n, () -> d.mutualInformation(x, y));
            add("conditionalMutualInformation n=" + n, () -> d.conditionalMutualInformation(x, y, z));
            add("conditionalEntropy n=" + n, () -> d.conditionalEntropy(x, y));
            add("variationOfInformation n=" + n, () -> d.variationOfInformation(x, y));
            add("jointEntropy n=" + n, () -> d.jointEntropy(x, y));
            add("normalizedMutualInformation n=" + n, () -> d.normalizedMutualInformation(x, y, NmiAverage.ARITHMETIC));
            add("mutualInformation Miller-Madow n=" + n, () -> d.mutualInformation(x, y, Estimator.MILLER_MADOW));
            int[] counts = new int[n / 10];
            for (int i = 0; i < n; i++) {
                counts[y[i] % counts.length]++;
            }
            add("entropy(counts) Miller-Madow n=" + n, () -> d.entropy(counts, Estimator.MILLER_MADOW));
            add("entropy(counts) Jeffreys n=" + n, () -> d.entropy(counts, Estimator.JEFFREYS));
            add("entropy(counts) plug-in n=" + n, () -> d.entropy(counts, Estimator.PLUG_IN));
        }
        // row measures: one result per row, so a row whose lane took another path (group or leftover) shows
        for (int classes : new int[] {10, 23, 3000}) {
            int rows = classes > 1000 ? 3 : 37; // 3000: one row per block, in two chunks
            double[] p = new double[rows * classes];
            double[] q = new double[rows * classes];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(TestData.dirichlet(rnd, classes, 0.7, 0.1), 0, p, r * classes, classes);
                System.arraycopy(TestData.dirichlet(rnd, classes, 1.3, 0.0), 0, q, r * classes, classes);
            }
            float[] pf = TestData.toFloat(p);
            for (int r = 0; r < rows; r++) {
                int row = r;
                add("rows entropy C=" + classes + " row " + r, () -> s.rows().entropy(p, rows, classes)[row]);
                add("rows klDivergence C=" + classes + " row " + r,
                        () -> s.rows().klDivergence(p, q, rows, classes)[row]);
                add("rows jsDivergence C=" + classes + " row " + r,
                        () -> s.rows().jsDivergence(p, q, rows, classes)[row]);
                add("rows entropy(float) C=" + classes + " row " + r, () -> s.rows().entropy(pf, rows, classes)[row]);
            }
        }
        if (large) {
            int n = (1 << 18) + 4099;
            double[] p = TestData.dirichlet(rnd, n, 1.0, 0.0);
            double[] q = TestData.dirichlet(rnd, n, 1.0, 0.0);
            Shannon det = s.withParallelism(2).withDeterministicParallelism(true);
            add("deterministic-parallel klDivergence n=" + n, () -> det.klDivergence(p, q));
            add("deterministic-parallel entropy n=" + n, () -> det.entropy(p));
        }
    }

    private static int[] labels(SplittableRandom rnd, int n, int k) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(k);
        }
        return a;
    }

    private void add(String name, DoubleSupplier result) {
        names.add(name);
        results.add(result);
    }

    /** The raw bits of every result, in battery order. */
    public long[] run() {
        long[] bits = new long[results.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Double.doubleToRawLongBits(results.get(i).getAsDouble());
        }
        return bits;
    }

    /** The name of result {@code i}. */
    public String name(int i) {
        return names.get(i);
    }

    /**
     * Prints {@code name=hexbits} lines for backend {@code args[0]}: {@code args[1] − 1} warm-up runs of the small
     * battery, then one run of the battery that is printed (1 = a cold JVM); {@code args[2] = large} adds the
     * large inputs to that last run (they run after the small ones, so the small results are a prefix).
     */
    public static void main(String[] args) {
        Shannon s = Shannon.get(args[0]);
        int runs = Integer.parseInt(args[1]);
        DeterminismBattery warmUp = new DeterminismBattery(s, false);
        for (int r = 1; r < runs; r++) {
            warmUp.run();
        }
        DeterminismBattery battery = new DeterminismBattery(s, args.length > 2 && args[2].equals("large"));
        long[] bits = battery.run();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bits.length; i++) {
            out.append(battery.name(i)).append('=').append(Long.toHexString(bits[i])).append('\n');
        }
        System.out.print(out);
    }
}
