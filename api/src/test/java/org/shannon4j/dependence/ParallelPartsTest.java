package org.shannon4j.dependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Parallelism;

/**
 * {@link Parallelism#forEachPart}, the one helper every parallel path runs through, and the results of the
 * paths that use it (pair counting, permutation test) for several thread counts and executors.
 */
class ParallelPartsTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "parts-test");
        t.setDaemon(true);
        return t;
    });

    private final Shannon s = Shannon.get("naive");
    private final Dependence d = s.dependence();

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    @Test
    void everyPartRunsOnceWhateverRunsTheTasks() {
        List<Runnable> never = new ArrayList<>();
        for (Parallelism par : new Parallelism[] {Parallelism.of(4, POOL, false), Parallelism.of(3, never::add, false),
                Parallelism.of(2, task -> { }, false), Parallelism.SEQUENTIAL}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(37);
            List<int[]> states = par.forEachPart(37, par.threads() - 1, () -> new int[1], (state, i) -> {
                runs.incrementAndGet(i);
                state[0]++;
            });
            int total = 0;
            for (int[] st : states) {
                total += st[0];
            }
            assertEquals(37, total, par.toString());
            for (int i = 0; i < 37; i++) {
                assertEquals(1, runs.get(i), par + " part " + i);
            }
        }
        never.forEach(Runnable::run); // late tasks find nothing left
    }

    @Test
    void theFirstFailureIsRethrownAsIs() {
        IllegalStateException boom = new IllegalStateException("part 5");
        Parallelism par = Parallelism.of(3, POOL, false);
        for (int round = 0; round < 20; round++) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> par.forEachPart(12, 2, Object::new, (state, i) -> {
                        if (i == 5) {
                            throw boom;
                        }
                    }));
            assertSame(boom, thrown);
        }
        OutOfMemoryError error = new OutOfMemoryError("test");
        assertSame(error, assertThrows(OutOfMemoryError.class, () -> par.forEachPart(4, 2, () -> {
            throw error;
        }, (state, i) -> { })));
    }

    /**
     * The lowest failing part's exception, as a sequential loop would throw it, whichever thread fails first: part 2
     * waits until part 9 has thrown (another thread claims it meanwhile), then throws too. Parts above a failure are
     * skipped, those below it all run.
     */
    @Test
    void theLowestFailingPartsExceptionIsRethrown() throws Exception {
        Parallelism par = Parallelism.of(3, POOL, false);
        for (int round = 0; round < 10; round++) {
            java.util.concurrent.CountDownLatch nineThrew = new java.util.concurrent.CountDownLatch(1);
            AtomicIntegerArray ran = new AtomicIntegerArray(12);
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> par.forEachPart(12, 2, Object::new, (state, i) -> {
                        ran.incrementAndGet(i);
                        if (i == 9) {
                            nineThrew.countDown();
                            throw new IllegalArgumentException("part 9");
                        }
                        if (i == 2) {
                            try {
                                nineThrew.await(2, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            throw new IllegalArgumentException("part 2");
                        }
                    }));
            assertEquals("part 2", thrown.getMessage(), "round " + round);
            for (int i = 0; i < 2; i++) {
                assertEquals(1, ran.get(i), "part " + i + " below the failure ran");
            }
        }
    }

    private static int[] labels(int n, int k, long seed) {
        int[] a = new int[n];
        long state = seed;
        for (int i = 0; i < n; i++) {
            state = IndependenceTests.mix(state + 0x9E3779B97F4A7C15L);
            a[i] = (int) ((state >>> 33) % k);
        }
        return a;
    }

    @Test
    void countsAndPermutationsAreTheSameForEveryThreadCount() {
        int n = (1 << 21) + 12345;
        int[] x = labels(n, 9, 1);
        int[] y = labels(n, 13, 2);
        for (int i = 0; i < n; i += 3) {
            y[i] = x[i]; // some dependence
        }
        double mi = d.mutualInformation(x, y);
        double ami = d.adjustedMutualInformation(x, y, NmiAverage.ARITHMETIC);
        int[] sx = labels(3000, 4, 3);
        int[] sy = labels(3000, 5, 4);
        IndependenceTest perm = d.permutationTest(sx, sy, 101, 42L);
        for (Shannon par : new Shannon[] {s.withParallelism(2), s.withParallelism(3, POOL), s.withParallelism(4, POOL),
                s.withParallelism(2).withDeterministicParallelism(true)}) {
            assertEquals(mi, par.dependence().mutualInformation(x, y), par.toString());
            assertEquals(ami, par.dependence().adjustedMutualInformation(x, y, NmiAverage.ARITHMETIC), par.toString());
            assertEquals(perm, par.dependence().permutationTest(sx, sy, 101, 42L), par.toString());
        }
    }

    @Test
    void eachSideKeepsItsOwnRangeWhenTheScansRunOnTwoThreads() {
        int n = (1 << 20) + 77;
        int[] x = labels(n, 11, 7);
        int[] y = labels(n, 6, 8);
        for (int i = 0; i < n; i += 2) {
            y[i] = x[i] % 6;
        }
        double mi = d.mutualInformation(x, y);
        int[] xs = x.clone();
        int[] ys = y.clone();
        for (int i = 0; i < n; i++) {
            xs[i] += 1000; // ranges far apart and of different widths: a swapped or shared range miscounts
            ys[i] -= 50;
        }
        Parallelism never = Parallelism.of(2, task -> { }, false);
        for (Shannon par : new Shannon[] {s.withParallelism(2), s.withParallelism(3, POOL)}) {
            assertEquals(mi, par.dependence().mutualInformation(xs, ys), par.toString());
        }
        CountTable caller = CountTable.ofLabels(s.context().kernels(), never, xs, 0, ys, 0, n);
        assertEquals(mi, s.dependence().mutualInformation(xs, ys));
        assertEquals(11, caller.nonEmptyRows);
        assertEquals(6, caller.nonEmptyCols);
    }

    @Test
    void partTablesKeptBetweenCallsStartFromZero() {
        // tables kept by one call serve the next, of a larger, smaller and equal table: each must count from zero
        int n = (1 << 20) + 999;
        int[][] shapes = {{40, 30}, {7, 5}, {40, 30}, {64, 64}, {3, 2}};
        Shannon par = s.withParallelism(2);
        for (int round = 0; round < 2; round++) {
            for (int[] shape : shapes) {
                int[] x = labels(n, shape[0], 17 + shape[0]);
                int[] y = labels(n, shape[1], 29 + shape[1]);
                assertEquals(d.mutualInformation(x, y), par.dependence().mutualInformation(x, y),
                        shape[0] + " x " + shape[1] + ", round " + round);
            }
        }
    }

    /** Thread counts near the int range: 4 parts per thread overflowed an int (no permutation ran, p = 0.001). */
    @Test
    void permutationTestWithAbsurdThreadCounts() {
        int[] x = labels(2000, 10, 11);
        int[] y = labels(2000, 10, 12);
        IndependenceTest one = d.permutationTest(x, y, 99, 42L);
        for (int threads : new int[] {1 << 29, 1 << 30, Integer.MAX_VALUE}) {
            IndependenceTest t = s.withParallelism(threads, POOL).dependence().permutationTest(x, y, 99, 42L);
            assertEquals(one.exceedances(), t.exceedances(), "threads " + threads);
        }
    }

    @Test
    void permutationResultHoldsTheStatisticAndTheCountApart() {
        int[] x = labels(500, 3, 5);
        int[] y = labels(500, 4, 6);
        IndependenceTest t = d.permutationTest(x, y, 199, 7L);
        assertEquals(IndependenceTest.Method.PERMUTATION, t.method());
        assertEquals(2 * 500 * d.mutualInformation(x, y), t.statistic(), 1e-12 * t.statistic());
        assertEquals(d.independenceTest(x, y).statistic(), t.statistic(), 1e-12 * t.statistic());
        assertEquals(199, t.permutations());
        assertTrue(t.exceedances() > 0 && t.exceedances() <= 199, t.toString()); // independent labels
        assertEquals((1.0 + t.exceedances()) / 200, t.pValue());
        assertEquals(Math.log(t.pValue()), t.logPValue());
        // in bits the MI changes unit, the statistic stays G
        IndependenceTest bits = s.withUnit(InfoUnit.BITS).dependence().permutationTest(x, y, 199, 7L);
        assertEquals(t.statistic(), bits.statistic());
        assertEquals(t.mutualInformation() / Math.log(2), bits.mutualInformation(), 1e-15);
    }

    @Test
    void gTestRanksByLogPValueWhereThePValueUnderflows() {
        IndependenceTest a = d.independenceTest(new long[] {10_000, 0, 0, 10_000}, 2, 2);
        IndependenceTest b = d.independenceTest(new long[] {10_001, 0, 0, 10_000}, 2, 2);
        assertEquals(0.0, a.pValue());
        assertEquals(0.0, b.pValue());
        assertEquals(SpecialFunctions.logChiSquaredSurvival(a.statistic(), 1), a.logPValue());
        assertTrue(a.logPValue() > b.logPValue(), a + " " + b);
        assertTrue(a.logPValue() < -1e4 && a.logPValue() > -2e4, a.toString());
        IndependenceTest moderate = d.independenceTest(new long[] {30, 10, 12, 28}, 2, 2);
        assertEquals(Math.exp(moderate.logPValue()), moderate.pValue());
        assertEquals(0, moderate.exceedances());
        IndependenceTest one = d.independenceTest(new long[] {3, 4}, 1, 2);
        assertEquals(1.0, one.pValue());
        assertEquals(0.0, one.logPValue());
    }
}
