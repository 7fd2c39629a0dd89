package org.shannon4j.dependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;

/**
 * Parallel label counting and permutation tests called where their helper tasks cannot run (issue 12, item 4):
 * from a task of the executor's only thread, from a parallel stream on the common pool, and with an executor
 * that silently discards or rejects tasks. Each must finish (on the calling thread) with the sequential result;
 * the preemptive timeout turns a hang into a failure.
 */
class ParallelHangTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int N = 1 << 21; // two parts of 2^20 samples for the pair count

    private final Shannon s = Shannon.get("naive");
    private final int[] x = labels(N, 7, 1);
    private final int[] y = labels(N, 5, 2);
    private final double expected = s.dependence().mutualInformation(x, y);

    private static int[] labels(int n, int k, int seed) {
        int[] a = new int[n];
        long state = seed;
        for (int i = 0; i < n; i++) {
            state = IndependenceTests.mix(state + 0x9E3779B97F4A7C15L);
            a[i] = (int) ((state >>> 33) % k) + (i % 3 == 0 ? a[Math.max(0, i - 1)] % 2 : 0);
        }
        return a;
    }

    @Test
    void fromATaskOfTheExecutorsOnlyThread() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            Shannon par = s.withParallelism(2, pool);
            Dependence parDep = par.dependence();
            double mi = assertTimeoutPreemptively(LIMIT, () -> pool.submit(() -> parDep.mutualInformation(x, y)).get());
            assertEquals(expected, mi);
            IndependenceTest perm = assertTimeoutPreemptively(LIMIT,
                    () -> pool.submit(() -> parDep.permutationTest(x, y, 3, 7L)).get());
            assertEquals(s.dependence().permutationTest(x, y, 3, 7L), perm);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fromAParallelStreamOnTheCommonPool() {
        Shannon par = s.withParallelism(2);
        double[] mi = assertTimeoutPreemptively(LIMIT, () -> IntStream.range(0, 4).parallel()
                .mapToDouble(i -> par.dependence().mutualInformation(x, y)).toArray());
        for (double v : mi) {
            assertEquals(expected, v);
        }
    }

    @Test
    void withAnExecutorThatDiscardsOrRejectsTheParts() throws Exception {
        ThreadPoolExecutor discarding = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new ThreadPoolExecutor.DiscardPolicy());
        CountDownLatch release = new CountDownLatch(1);
        try {
            discarding.execute(() -> {
                try {
                    release.await(); // keeps the only thread busy: every further task is discarded
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Shannon dropped = s.withParallelism(2, discarding);
            Dependence droppedDep = dropped.dependence();
            assertEquals(expected, assertTimeoutPreemptively(LIMIT, () -> droppedDep.mutualInformation(x, y)));
            assertEquals(s.dependence().permutationTest(x, y, 3, 7L),
                    assertTimeoutPreemptively(LIMIT, () -> droppedDep.permutationTest(x, y, 3, 7L)));
            Shannon refused = s.withParallelism(3, task -> {
                throw new RejectedExecutionException("full");
            });
            assertEquals(expected, assertTimeoutPreemptively(LIMIT, () -> refused.dependence().mutualInformation(x, y)));
        } finally {
            release.countDown();
            discarding.shutdownNow();
        }
    }
}
