package org.shannon4j.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How a {@link org.shannon4j.Shannon} handle spreads one measure's passes over threads (see
 * {@link org.shannon4j.Shannon#withParallelism(int)}). Immutable.
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
 *
 * <p>Every parallel path (the chunked kernel pass, the pair count of labels, the permutation test) runs its
 * parts through {@link #forEachPart}: the calling thread always works and claims unstarted parts itself, so a
 * helper task that never runs — queued behind the caller on a one-thread pool or the common pool, discarded or
 * rejected by its executor — costs speed, never a hang.
 */
public final class Parallelism {

    /** Inputs shorter than this stay on the calling thread in the (non-deterministic) parallel mode. */
    public static final long MIN_SPLIT = 1L << 18;
    /** Smallest chunk of the parallel mode: about 0.1–1 ms of work, far above the cost of a task. */
    public static final long MIN_CHUNK = 1L << 17;
    /** The fixed chunk length of the deterministic mode. */
    public static final long DETERMINISTIC_CHUNK = 1L << 18;
    /** Chunk lengths are multiples of this (every backend's lane and block multiple), so tails stay at the end. */
    public static final long ALIGN = 1L << 13;
    /**
     * Parts of a matrix split into whole rows start at multiples of this many rows: a multiple of every shipped
     * backend's rows per vector group and per block, so a row's group does not depend on where the parts start.
     */
    public static final int ROW_ALIGN = 64;

    /** One thread, not deterministic: every pass is one kernel call on the calling thread. */
    public static final Parallelism SEQUENTIAL = new Parallelism(1, null, false);

    private final int threads;
    /** Null means {@link ForkJoinPool#commonPool()}. */
    private final Executor executor;
    private final boolean deterministic;

    private Parallelism(int threads, Executor executor, boolean deterministic) {
        this.threads = threads;
        this.executor = executor;
        this.deterministic = deterministic;
    }

    /**
     * The parallelism of {@code threads} threads (the caller included), helper tasks on {@code executor}.
     *
     * @param threads number of threads (≥ 1), the caller included
     * @param executor where helper tasks run; null for {@link ForkJoinPool#commonPool()}
     * @param deterministic whether chunks have the fixed length {@link #DETERMINISTIC_CHUNK}
     * @return that parallelism
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static Parallelism of(int threads, Executor executor, boolean deterministic) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": must be >= 1");
        }
        return threads == 1 && executor == null && !deterministic ? SEQUENTIAL
                : new Parallelism(threads, executor, deterministic);
    }

    /**
     * The same threads and executor, deterministic or not.
     *
     * @param on whether chunks have the fixed length {@link #DETERMINISTIC_CHUNK}
     * @return that parallelism
     */
    public Parallelism withDeterministic(boolean on) {
        return of(threads, executor, on);
    }

    /**
     * The maximum number of threads of one call, the caller included.
     *
     * @return the number of threads (≥ 1)
     */
    public int threads() {
        return threads;
    }

    /**
     * Whether chunking is fixed, so that results are bit-identical for every thread count.
     *
     * @return whether this parallelism is deterministic
     */
    public boolean isDeterministic() {
        return deterministic;
    }

    /**
     * Where helper tasks run.
     *
     * @return the executor given, or {@link ForkJoinPool#commonPool()}
     */
    public Executor executor() {
        return executor == null ? ForkJoinPool.commonPool() : executor;
    }

    /**
     * Whether every pass runs as one call on the calling thread.
     *
     * @return whether this is one thread, not deterministic
     */
    public boolean isSequential() {
        return threads == 1 && !deterministic;
    }

    /**
     * Whether an input of {@code n} elements is cut into chunks.
     *
     * @param n number of elements
     * @return whether the input is cut into chunks
     */
    public boolean splits(long n) {
        return deterministic ? n > DETERMINISTIC_CHUNK : threads > 1 && n >= MIN_SPLIT;
    }

    /**
     * The chunk length for an input of {@code n} elements (when {@link #splits} it).
     *
     * @param n number of elements
     * @return elements per chunk (the last chunk may be shorter)
     */
    public long chunkLength(long n) {
        if (deterministic) {
            return DETERMINISTIC_CHUNK;
        }
        long perTask = Math.ceilDiv(n, 4L * threads);
        return Math.max(MIN_CHUNK, Math.ceilDiv(perTask, ALIGN) * ALIGN);
    }

    /**
     * Rows per part for a matrix of {@code rows × classes} elements that is split into parts of whole rows (when
     * {@link #splits} its element count): {@link #chunkLength} elements, rounded up to whole rows and then to a
     * multiple of {@code rowMultiple}, so that the parts start where a kernel's groups of rows would.
     *
     * @param rows number of rows
     * @param classes elements per row (≥ 1)
     * @param rowMultiple every part but the last holds a multiple of this many rows (≥ 1)
     * @return rows per part (the last part may hold fewer)
     */
    public long partRows(long rows, int classes, int rowMultiple) {
        long perPart = Math.ceilDiv(chunkLength(rows * classes), classes);
        return Math.ceilDiv(perPart, rowMultiple) * rowMultiple;
    }

    /**
     * The work of one part, given the state of the thread running it.
     *
     * @param <S> the per-thread state
     */
    @FunctionalInterface
    public interface Part<S> {
        /**
         * Runs one part.
         *
         * @param state the state of the thread running the part
         * @param part the part's index
         */
        void run(S state, int part);
    }

    /**
     * Runs {@code body} for parts {@code 0 .. parts − 1}, each exactly once, on the calling thread and up to
     * {@code helpers} tasks on the executor. Parts are claimed one at a time through an atomic counter; the
     * caller claims until none is left and then waits only for the parts a helper has claimed (and so is
     * running), never for a task that has not started: a discarded, rejected or queued-behind-the-caller task
     * finds nothing left when (if ever) it runs. Each thread that claims a part makes one state with
     * {@code newState} first and passes it to every part it runs; the states are returned, in no particular
     * order, once every part has finished, so that the caller can add them up — results that must not depend
     * on the thread count belong in per-part slots combined in part order instead. The exception of the lowest
     * part that throws is rethrown to the caller (an unchecked one as is) after the running parts have finished,
     * as a sequential loop over the parts would throw it, whichever thread met it first: parts above a failed one
     * are skipped, the parts below it all run.
     *
     * @param <S> the per-thread state
     * @param parts number of parts (≥ 1)
     * @param helpers maximum number of helper tasks
     * @param newState makes the state of a thread that claims a part
     * @param body the work of one part
     * @return the states of the threads that ran parts
     */
    public <S> List<S> forEachPart(int parts, int helpers, Supplier<S> newState, Part<S> body) {
        Job<S> job = new Job<>(parts, newState, body);
        int tasks = Math.min(helpers, parts - 1);
        if (tasks > 0) {
            Executor executor = executor();
            for (int h = 0; h < tasks; h++) {
                try {
                    executor.execute(job);
                } catch (RejectedExecutionException e) {
                    break; // a shut-down or saturated executor: the calling thread does the rest
                }
            }
        }
        job.run();
        job.await();
        Throwable failure = job.failure;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return job.states;
    }

    /** The shared state of one {@link #forEachPart} call; run by the caller and by each helper task. */
    private static final class Job<S> implements Runnable {
        private final int parts;
        private final Supplier<S> newState;
        private final Part<S> body;
        private final AtomicInteger next = new AtomicInteger();
        /** Counts finished parts: every part is claimed before the caller waits, and a claimed part finishes. */
        private final CountDownLatch done;
        /** Registered before the thread's first part finishes, so the caller's await makes them visible. */
        private final List<S> states = new ArrayList<>();
        private volatile Throwable failure;
        /** The part that threw {@link #failure} (parts from it on are skipped), or parts while none has. */
        private volatile int failed;

        Job(int parts, Supplier<S> newState, Part<S> body) {
            this.parts = parts;
            this.newState = newState;
            this.body = body;
            this.done = new CountDownLatch(parts);
            this.failed = parts;
        }

        @Override
        public void run() {
            S state = null;
            for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) {
                try {
                    if (i < failed) {
                        if (state == null) {
                            state = newState.get();
                            synchronized (states) {
                                states.add(state);
                            }
                        }
                        body.run(state, i);
                    }
                } catch (Throwable t) {
                    synchronized (this) {
                        if (i < failed) {
                            failure = t;
                            failed = i;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }
        }

        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the claimed parts are running and still read the inputs: wait for them
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
