package org.shannon4j;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * How a {@link Shannon} handle spreads one measure's passes over threads (see
 * {@link Shannon#withParallelism(int)}). Immutable.
 *
 * <ul>
 *   <li>Sequential ({@code threads == 1}, not deterministic, the default): one kernel call on the calling
 *       thread — no task, no allocation.</li>
 *   <li>Parallel: an input of at least {@link #MIN_SPLIT} elements is cut into chunks of
 *       max({@link #MIN_CHUNK}, ⌈n / (4·threads)⌉ rounded up to {@link #ALIGN}) elements. The calling thread
 *       and up to {@code threads − 1} tasks on the executor claim chunks one at a time; the chunk results
 *       are added in chunk order with compensated summation. The chunking depends on the thread count, so
 *       results may differ between thread counts by rounding, within the sequential error bound.</li>
 *   <li>Deterministic: chunks of exactly {@link #DETERMINISTIC_CHUNK} elements whatever the thread count
 *       (also for {@code threads == 1}), added in chunk order: bit-identical results for every thread count
 *       and every run. An input of at most one chunk is a single kernel call, so it gives the sequential
 *       result.</li>
 * </ul>
 */
final class Parallelism {

    /** Inputs shorter than this stay on the calling thread in the (non-deterministic) parallel mode. */
    static final long MIN_SPLIT = 1L << 18;
    /** Smallest chunk of the parallel mode: about 0.1–1 ms of work, far above the cost of a task. */
    static final long MIN_CHUNK = 1L << 17;
    /** The fixed chunk length of the deterministic mode. */
    static final long DETERMINISTIC_CHUNK = 1L << 18;
    /** Chunk lengths are multiples of this (every backend's lane and block multiple), so tails stay at the end. */
    static final long ALIGN = 1L << 13;

    static final Parallelism SEQUENTIAL = new Parallelism(1, null, false);

    final int threads;
    /** Null means {@link ForkJoinPool#commonPool()}. */
    private final Executor executor;
    final boolean deterministic;

    Parallelism(int threads, Executor executor, boolean deterministic) {
        this.threads = threads;
        this.executor = executor;
        this.deterministic = deterministic;
    }

    static Parallelism of(int threads, Executor executor, boolean deterministic) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": must be >= 1");
        }
        return threads == 1 && executor == null && !deterministic ? SEQUENTIAL
                : new Parallelism(threads, executor, deterministic);
    }

    Parallelism withDeterministic(boolean on) {
        return of(threads, executor, on);
    }

    Executor executor() {
        return executor == null ? ForkJoinPool.commonPool() : executor;
    }

    boolean isSequential() {
        return threads == 1 && !deterministic;
    }

    /** Whether an input of {@code n} elements is cut into chunks. */
    boolean splits(long n) {
        return deterministic ? n > DETERMINISTIC_CHUNK : threads > 1 && n >= MIN_SPLIT;
    }

    /** The chunk length for an input of {@code n} elements (when {@link #splits} it). */
    long chunkLength(long n) {
        if (deterministic) {
            return DETERMINISTIC_CHUNK;
        }
        long perTask = Math.ceilDiv(n, 4L * threads);
        return Math.max(MIN_CHUNK, Math.ceilDiv(perTask, ALIGN) * ALIGN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parallelism other && threads == other.threads && deterministic == other.deterministic
                && Objects.equals(executor, other.executor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(threads, executor, deterministic);
    }

    @Override
    public String toString() {
        return isSequential() ? "sequential"
                : threads + (threads == 1 ? " thread" : " threads") + (deterministic ? ", deterministic" : "")
                        + (executor == null ? "" : ", executor " + executor);
    }
}
