package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Parallelism;

/** Binned profiles (merge, bytes, accumulators), the monitor over many columns, and their bad input. */
class ReferenceProfileTest {

    private static final Drift DRIFT = Drift.of(Shannon.get().context());
    private static final List<DriftMethod> BINNED = List.of(DriftMethod.PSI, DriftMethod.KL_DIV,
            DriftMethod.JENSENSHANNON, DriftMethod.HELLINGER);

    @Test
    void mergeOfBatchesIsTheProfileOfTheirConcatenation() {
        double[] all = gaussian(5000, 1, 0.0, 1.0);
        all[17] = Double.NaN;
        all[1500] = 50; // above the edges (from the first 1000 values)
        double[] edges = BinEdges.of(Arrays.copyOf(all, 1000), BinRule.STURGES, NonFinite.DROP);
        BinnedProfile empty = BinnedProfile.withEdges(edges);
        BinnedProfile whole = empty.accumulator().accept(all).toProfile();
        BinnedProfile a = empty.accumulator().accept(Arrays.copyOfRange(all, 0, 2000)).toProfile();
        BinnedProfile b = empty.accumulator().accept(Arrays.copyOfRange(all, 2000, 5000)).toProfile();
        assertEquals(whole, a.merge(b));
        BinnedProfile.Accumulator x = empty.accumulator();
        for (int i = 0; i < 2000; i++) {
            x.accept(all[i]);
        }
        BinnedProfile.Accumulator y = empty.accumulator().accept(Arrays.copyOfRange(all, 2000, 5000));
        assertEquals(whole, x.combine(y).toProfile());
        assertEquals(1, whole.nonFinite());
        assertTrue(whole.above() >= 1);
        assertEquals(4999, whole.finite());
        assertArrayEquals(Histogram.count(all, edges, NonFinite.DROP), whole.counts());
    }

    @Test
    void binnedDriftIsTheMeasureOfTheCountedShares() {
        double[] ref = gaussian(4000, 3, 0.0, 1.0);
        double[] cur = gaussian(3000, 4, 0.5, 1.5); // some values outside the reference's edges
        BinnedProfile p = BinnedProfile.of(ref, BinRule.STURGES);
        double[] e = p.edges();
        long[] rc = Histogram.count(ref, e);
        long[] cc = Histogram.count(cur, e);
        long below = Arrays.stream(cur).filter(v -> v < e[0]).count();
        long above = Arrays.stream(cur).filter(v -> v > e[e.length - 1]).count();
        assertTrue(below + above > 0);
        long[] r = new long[rc.length + 2];
        long[] c = new long[rc.length + 2];
        System.arraycopy(rc, 0, r, 1, rc.length);
        System.arraycopy(cc, 0, c, 1, cc.length);
        c[0] = below;
        c[c.length - 1] = above;
        if (below == 0 || above == 0) {
            int drop = below == 0 ? 0 : c.length - 1;
            r = remove(r, drop);
            c = remove(c, drop);
        }
        double[] ps = Drift.shares(r, ref.length);
        double[] qs = Drift.shares(c, cur.length);
        Drift s = DRIFT.scipy();
        assertEquals(s.psi(EmptyBins.EVIDENTLY.apply(ps), EmptyBins.EVIDENTLY.apply(qs)),
                p.drift(DRIFT, DriftMethod.PSI, EmptyBins.EVIDENTLY, cur, 0.1).value(), 0.0);
        assertEquals(s.jsDistance(ps, qs, Math.E),
                p.drift(DRIFT, DriftMethod.JENSENSHANNON, EmptyBins.NONE, cur, 0.1).value(), 0.0);
        fails(() -> p.drift(DRIFT, DriftMethod.WASSERSTEIN, EmptyBins.NONE, cur, 0.1), "ExactProfile");
    }

    @Test
    void monitorEqualsPerColumnForEveryThreadCountAndExecutor() {
        int cols = 9;
        List<BinnedProfile> binned = new ArrayList<>();
        List<ExactProfile> exact = new ArrayList<>();
        float[][] curF = new float[cols][];
        double[][] cur = new double[cols][];
        double[][] refs = new double[cols][];
        for (int c = 0; c < cols; c++) {
            float[] ref = toFloat(gaussian(2000 + 100 * c, 10 + c, 0, 1 + c));
            refs[c] = ExactProfile.widen(ref, new double[ref.length]);
            binned.add(BinnedProfile.of(ref, BinRule.STURGES));
            exact.add(ExactProfile.of(ref));
            curF[c] = toFloat(gaussian(3000, 30 + c, 0.1 * c, 1 + c));
            cur[c] = ExactProfile.widen(curF[c], new double[curF[c].length]);
        }
        try (Arena arena = Arena.ofShared(); Arena confined = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(4L * 3000 * cols);
            MemorySegment own = confined.allocate(4L * 3000 * cols);
            for (int c = 0; c < cols; c++) {
                MemorySegment.copy(curF[c], 0, seg, ValueLayout.JAVA_FLOAT, 4L * 3000 * c, 3000);
                MemorySegment.copy(curF[c], 0, own, ValueLayout.JAVA_FLOAT, 4L * 3000 * c, 3000);
            }
            ExecutorService one = Executors.newSingleThreadExecutor();
            try {
                List<Parallelism> pars = List.of(Parallelism.SEQUENTIAL, Parallelism.of(2, null, false),
                        Parallelism.of(4, one, false), Parallelism.of(3, r -> {
                            throw new RejectedExecutionException("full");
                        }, false), Parallelism.of(3, r -> { }, false)); // a helper that never runs
                for (DriftMethod m : BINNED) {
                    double[] want = new double[cols];
                    for (int c = 0; c < cols; c++) {
                        want[c] = binned.get(c).drift(DRIFT, m, EmptyBins.EVIDENTLY, cur[c], 0.1).value();
                    }
                    for (Parallelism par : pars) {
                        Drift d = Drift.of(DRIFT.context().withParallelism(par));
                        DriftMonitor mon = DriftMonitor.binned(d, binned, m, EmptyBins.EVIDENTLY, 0.1);
                        assertArrayEquals(want, values(mon.check(cur)), 0.0);
                        assertArrayEquals(want, values(mon.check(curF)), 0.0);
                        assertArrayEquals(want, values(mon.check(seg, 3000)), 0.0);
                        assertArrayEquals(want, values(mon.check(own, 3000)), 0.0); // read on this thread only
                    }
                }
                for (DriftMethod m : List.of(DriftMethod.PSI, DriftMethod.HELLINGER, DriftMethod.WASSERSTEIN)) {
                    double[] want = new double[cols];
                    for (int c = 0; c < cols; c++) {
                        want[c] = DRIFT.numeric(DriftPreset.EVIDENTLY, m, refs[c], cur[c], 0.1).value();
                    }
                    for (Parallelism par : pars) {
                        Drift d = Drift.of(DRIFT.context().withParallelism(par));
                        DriftMonitor mon = DriftMonitor.evidently(d, exact, m, 0.1);
                        assertArrayEquals(want, values(mon.check(curF)), 0.0);
                        assertArrayEquals(want, values(mon.check(seg, 3000)), 0.0);
                    }
                }
            } finally {
                one.shutdownNow();
            }
        }
    }

    /**
     * The monitor's results are the preset's whole results: Evidently's tests decide on the p-value (p < threshold,
     * ks p ≤ threshold), not value ≥ threshold, and keep their p-value (a reference equal to the current is no
     * drift; one far from it is).
     */
    @Test
    void monitorOfExactProfilesKeepsTheTestsDecisions() {
        double[] ref = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] same = ref.clone();
        double[] far = {101, 102, 103, 104, 105, 106, 107, 108};
        for (DriftMethod m : List.of(DriftMethod.KOLMOGOROV_SMIRNOV, DriftMethod.CHI_SQUARE, DriftMethod.Z,
                DriftMethod.WASSERSTEIN, DriftMethod.PSI)) {
            double t = m.defaultThreshold(DriftPreset.EVIDENTLY);
            DriftMonitor mon = DriftMonitor.evidently(DRIFT, List.of(ExactProfile.of(ref)), m, t);
            for (double[] cur : List.of(same, far)) {
                DriftResult want = DRIFT.numeric(DriftPreset.EVIDENTLY, m, ref, cur, t);
                assertEquals(want, mon.check(new double[][] {cur})[0], m + " " + Arrays.toString(cur));
                assertEquals(want, mon.check(new float[][] {toFloat(cur)})[0], m + " float");
                if (m != DriftMethod.Z) { // Evidently's z on eight numbers: the share of each number, no drift
                    assertEquals(cur == far, want.drift(), m + " " + Arrays.toString(cur));
                }
            }
        }
    }

    /**
     * Hellinger's distinct-count bound on two threads (a bitmap per column, ORed) gives the bin count of one thread:
     * all distinct values (the bound settles it), and unions of exactly 2^18 and 2^18 + 1 distinct values (the
     * bound cannot, so the columns are sorted).
     */
    @Test
    void hellingerBoundOnTwoThreads() {
        SplittableRandom rnd = new SplittableRandom(41);
        int n = (1 << 17) + (1 << 16);
        double[] ref = new double[n];
        double[] cur = new double[n];
        for (int i = 0; i < n; i++) {
            ref[i] = rnd.nextGaussian();
            cur[i] = 0.1 + rnd.nextGaussian();
        }
        double[][] cases = {ref, cur, grid(1 << 18, 0), grid(1 << 18, 1 << 17), grid((1 << 18) + 1, 0),
                grid((1 << 18) + 1, 5)};
        Drift two = Drift.of(DRIFT.context().withParallelism(Parallelism.of(2, null, false)));
        for (int c = 0; c < cases.length; c += 2) {
            double want = DRIFT.numeric(DriftPreset.EVIDENTLY, DriftMethod.HELLINGER, cases[c], cases[c + 1], 0.1)
                    .value();
            assertEquals(want, two.numeric(DriftPreset.EVIDENTLY, DriftMethod.HELLINGER, cases[c], cases[c + 1], 0.1)
                    .value(), 0.0, "case " + c / 2);
        }
    }

    /** d distinct values (i·0.37 − 3) in a shuffled order, then the first `extra` of them again. */
    private static double[] grid(int d, int extra) {
        double[] a = new double[d + extra];
        for (int i = 0; i < a.length; i++) {
            a[i] = (int) ((i % d) * 2654435761L % d) * 0.37 - 3;
        }
        return a;
    }

    /**
     * Calls long enough for the two columns' scans, counts and sorts to run on two threads: the same bits as on
     * one for every Evidently method, whatever runs the helper (a pool, the common pool, an executor that rejects,
     * one that never runs it), for a column reference and a stored profile; and the same error, naming the same
     * side, when both columns are bad.
     */
    @Test
    void evidentlyOnTwoThreadsGivesTheSameBits() {
        SplittableRandom rnd = new SplittableRandom(31);
        int n = (int) Parallelism.MIN_SPLIT / 2 + 777;
        double[] ref = new double[n];
        double[] cur = new double[n + 5];
        for (int i = 0; i < n; i++) {
            ref[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < cur.length; i++) {
            cur[i] = i % 1000 == 7 ? Double.NaN : 0.2 + 1.3 * rnd.nextGaussian(); // dropped, as Evidently does
        }
        ExactProfile profile = ExactProfile.of(ref);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            List<Parallelism> pars = List.of(Parallelism.of(2, null, false), Parallelism.of(2, one, false),
                    Parallelism.of(3, r -> {
                        throw new RejectedExecutionException("full");
                    }, false), Parallelism.of(2, r -> { }, false));
            for (DriftMethod m : List.of(DriftMethod.PSI, DriftMethod.KL_DIV, DriftMethod.JENSENSHANNON,
                    DriftMethod.HELLINGER, DriftMethod.WASSERSTEIN)) {
                double want = DRIFT.numeric(DriftPreset.EVIDENTLY, m, ref, cur, 0.1).value();
                assertEquals(want, profile.evidently(DRIFT, m, cur, 0.1).value(), 0.0, m.toString());
                for (Parallelism par : pars) {
                    Drift d = Drift.of(DRIFT.context().withParallelism(par));
                    assertEquals(want, d.numeric(DriftPreset.EVIDENTLY, m, ref, cur, 0.1).value(), 0.0, m + " " + par);
                    assertEquals(want, profile.evidently(d, m, cur, 0.1).value(), 0.0, m + " " + par);
                }
            }
            double[] nan = new double[n];
            Arrays.fill(nan, Double.NaN);
            for (Parallelism par : pars) {
                Drift d = Drift.of(DRIFT.context().withParallelism(par));
                fails(() -> d.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI, nan, new double[0], 0.1),
                        "reference has no finite value");
                fails(() -> d.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI, new double[0], nan, 0.1),
                        "reference is empty");
            }
            // the reference is checked before the current, a null current too, on any handle
            for (Drift d : List.of(DRIFT, Drift.of(DRIFT.context().withParallelism(pars.get(0))))) {
                fails(() -> d.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI, new double[0], null, 0.1),
                        "reference is empty");
                fails(() -> d.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI, nan, null, 0.1),
                        "reference has no finite value");
            }
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void badInput() {
        float[] floats = new float[5000];
        floats[4321] = Float.NaN;
        fails(() -> Histogram.count(floats, new double[] {-1, 1}), "values[4321] = NaN");
        fails(() -> ExactProfile.of(new double[0]), "reference is empty");
        fails(() -> ExactProfile.of(new double[] {Double.NaN, Double.NaN}), "no finite value");
        fails(() -> BinnedProfile.of(new double[0], BinRule.STURGES), "empty");
        fails(() -> BinnedProfile.of(new double[] {Double.NaN}, BinRule.STURGES), "no finite value");
        ExactProfile e = ExactProfile.of(new double[] {1, 2, 3});
        fails(() -> e.evidently(DRIFT, DriftMethod.PSI, new double[] {Double.NaN}, 0.1), "current has no finite");
        fails(() -> e.evidently(DRIFT, DriftMethod.PSI, new double[] {1}, Double.NaN), "threshold = NaN");
        fails(() -> e.evidently(DRIFT, DriftMethod.L_INFINITY, new double[] {1}, 0.1), "not a numeric method of the"
                + " EVIDENTLY preset");
        BinnedProfile a = BinnedProfile.withEdges(new double[] {0, 1, 2});
        fails(() -> a.merge(BinnedProfile.withEdges(new double[] {0, 1, 2, 3})), "other has 3 bins");
        fails(() -> a.merge(BinnedProfile.withEdges(new double[] {0, Math.nextUp(1.0), 2})), "edges[1]");
        fails(() -> a.accumulator().combine(BinnedProfile.withEdges(new double[] {-1, 1, 2}).accumulator()),
                "edges[0]");
        fails(() -> a.drift(DRIFT, DriftMethod.PSI, EmptyBins.NONE, new double[] {0.5}, 0.1),
                "the profile has no finite value");
        BinnedProfile full = a.accumulator().accept(new double[] {0.5}).toProfile();
        fails(() -> full.drift(DRIFT, DriftMethod.PSI, EmptyBins.NONE, new double[] {Double.NaN}, 0.1),
                "current has no finite value");
        DriftMonitor mon = DriftMonitor.binned(DRIFT, List.of(full, full), DriftMethod.PSI, EmptyBins.NONE, 0.1);
        fails(() -> mon.check(new double[][] {{0.5}}), "current has 1 columns and the monitor 2");
        fails(() -> mon.check(new float[][] {{0.5f}, null}), "current[1] is null");
        fails(() -> mon.check(new double[][] {{0.5}, {Double.NaN}}), "column 1: current has no finite value");
        fails(() -> DriftMonitor.binned(DRIFT, List.of(), DriftMethod.PSI, EmptyBins.NONE, 0.1), "empty");
        for (DriftMethod m : List.of(DriftMethod.KOLMOGOROV_SMIRNOV, DriftMethod.CHI_SQUARE, DriftMethod.Z,
                DriftMethod.WASSERSTEIN)) {
            fails(() -> DriftMonitor.binned(DRIFT, List.of(full), m, EmptyBins.NONE, 0.1), "a binned monitor");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(12);
            fails(() -> mon.check(seg, 2), "columnMajor has 12 bytes");
        }
    }

    private static double[] values(DriftResult[] r) {
        return Arrays.stream(r).mapToDouble(DriftResult::value).toArray();
    }

    private static long[] remove(long[] a, int i) {
        long[] out = new long[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    private static double[] gaussian(int n, long seed, double mean, double sd) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = mean + sd * r.nextGaussian();
        }
        return a;
    }

    private static void fails(Executable e, String message) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(message), () -> "message \"" + x.getMessage() + "\" lacks \"" + message
                + "\"");
    }
}
