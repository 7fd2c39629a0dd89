package org.shannon4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.shannon4j.spi.Parallelism;

/**
 * The scale options above the kernels, on the naive test backend (which has no segment code of its own: it
 * gets the SPI's default block walk): handle variants, chunk plans, and segment and parallel results against the
 * plain array ones.
 */
class ShannonScaleTest {

    private final Shannon s = Shannon.get("naive");

    @Test
    void parallelHandlesAreImmutableVariants() {
        assertEquals(1, s.parallelism());
        assertFalse(s.isDeterministicParallelism());
        assertSame(s, s.withParallelism(1));
        assertSame(s, s.withDeterministicParallelism(false));
        Shannon two = s.withParallelism(2).withUnit(InfoUnit.BITS).withNormalization(Normalization.NORMALIZE);
        assertEquals(2, two.parallelism());
        assertEquals("Shannon[backend=naive, unit=BITS, normalization=NORMALIZE, parallelism=2 threads]",
                two.toString());
        Shannon det = two.withDeterministicParallelism(true);
        assertTrue(det.isDeterministicParallelism());
        assertEquals(2, det.withUnit(InfoUnit.NATS).parallelism());
        assertTrue(det.withParallelism(3).isDeterministicParallelism());
        assertThrows(IllegalArgumentException.class, () -> s.withParallelism(0));
        assertThrows(NullPointerException.class, () -> s.withParallelism(2, null));
    }

    @Test
    void chunkPlans() {
        Parallelism two = Parallelism.of(2, null, false);
        assertFalse(two.splits(Parallelism.MIN_SPLIT - 1));
        assertTrue(two.splits(Parallelism.MIN_SPLIT));
        assertEquals(Parallelism.MIN_CHUNK, two.chunkLength(Parallelism.MIN_SPLIT));
        assertEquals(1_253_376, two.chunkLength(10_000_000)); // ⌈1e7/8⌉ rounded up to 8192
        long big = 3_000_000_000L;
        assertEquals(0, two.chunkLength(big) % Parallelism.ALIGN);
        assertTrue(two.chunkLength(big) * 8 >= big);
        Parallelism det = Parallelism.of(1, null, true);
        assertFalse(Parallelism.of(1, null, false).splits(big));
        assertTrue(det.splits(Parallelism.DETERMINISTIC_CHUNK + 1));
        assertFalse(det.splits(Parallelism.DETERMINISTIC_CHUNK));
        assertEquals(Parallelism.DETERMINISTIC_CHUNK, det.chunkLength(big));
        // parts of whole rows: 1,253,376 elements of 10-element rows → 125,338 rows → 125,376 (64·1959)
        assertEquals(125_376, two.partRows(1_000_000, 10, 64));
        assertEquals(26_240, det.partRows(1_000_000, 10, 64)); // 2^18 / 10 → 26,215 → 64·410
        assertEquals(Parallelism.MIN_CHUNK, two.partRows(Parallelism.MIN_SPLIT, 1, 64));
        for (int classes : new int[] {1, 3, 7, 10, 33, 1000}) {
            long rows = 5_000_000L / classes;
            long part = two.partRows(rows, classes, 64);
            assertEquals(0, part % 64, classes + " classes");
            assertTrue(part * classes >= two.chunkLength(rows * classes), classes + " classes");
            assertTrue((part - 64) * classes < two.chunkLength(rows * classes), classes + " classes");
        }
    }

    @Test
    void segmentsAndThreadsGiveTheArrayResults() {
        int n = 700_001;
        double[] p = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 1 + (i % 7);
            q[i] = 1 + (i % 11);
        }
        Shannon lax = s.withNormalization(Normalization.NORMALIZE);
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add; // tasks never run before the caller has done every chunk itself
        // The naive kernels add 7e5 terms in one accumulator (error ~1e-13): chunks and blocks are more accurate.
        double h = lax.entropy(p);
        double js = lax.jsDivergence(p, q);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment sp = arena.allocate((long) n * 8, 8);
            MemorySegment sq = arena.allocate((long) n * 8, 8);
            MemorySegment.copy(p, 0, sp, ValueLayout.JAVA_DOUBLE, 0, n);
            MemorySegment.copy(q, 0, sq, ValueLayout.JAVA_DOUBLE, 0, n);
            for (Shannon handle : new Shannon[] {lax, lax.withParallelism(3, later),
                    lax.withParallelism(2).withDeterministicParallelism(true)}) {
                assertEquals(h, handle.entropy(p), 1e-12 * h, handle.toString());
                assertEquals(h, handle.entropy(sp, ValueLayout.JAVA_DOUBLE), 1e-12 * h, handle.toString());
                assertEquals(js, handle.jsDivergence(sp, sq, ValueLayout.JAVA_DOUBLE), 1e-12, handle.toString());
                assertEquals(js, handle.jsDivergence(p, q), 1e-12, handle.toString());
            }
        }
        assertEquals(16, queued.size()); // 2 helpers per pass; entropy + JS (2 sums + terms), array and segment
        queued.forEach(Runnable::run);  // late helpers find no chunk left and return
    }
}
