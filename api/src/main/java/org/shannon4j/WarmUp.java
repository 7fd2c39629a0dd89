package org.shannon4j;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * {@link Shannon#warmUp(Duration)}: calls the handle's own public methods on small synthetic inputs until the
 * JIT has compiled their hot loops (their calls got much faster, or enough calls were made) or the budget is
 * spent. It only
 * calls measures: no backend is switched and nothing is cached, so every later result is the same with or
 * without a warm-up.
 */
final class WarmUp {

    /** Elements per probability vector / labels per array: one full block of the blocked kernels (1024), so
     *  that the vector loops run with the trip counts of large inputs. C2 compiled with the short trip counts of
     *  smaller inputs deoptimises on the first large one (seen: {@code profile_predicate} traps). */
    private static final int N = 1024;
    private static final int ROWS = 64;
    private static final int CLASSES = 16;
    /** A task is done after this many calls, whatever its timings say. */
    private static final int MAX_CALLS = 3000;
    /** Or, after at least MIN_CALLS, once FAST_CALLS calls in a row ran SPEED_UP times faster than its early
     *  calls: Vector API code runs 100-1000x slower before C2 has compiled it, so the drop is unmistakable. */
    private static final int MIN_CALLS = 200;
    private static final int FAST_CALLS = 50;
    private static final int SPEED_UP = 20;
    /** Calls 2..EARLY_CALLS (the first includes class initialisation) set the "early" speed. */
    private static final int EARLY_CALLS = 10;

    private static volatile double sink;

    private WarmUp() {
    }

    static Duration run(Shannon s, Duration budget) {
        long start = System.nanoTime();
        long limit = budget.toNanos();
        Inputs in = new Inputs();
        int tasks = Inputs.TASKS;
        int[] calls = new int[tasks];
        long[] early = new long[tasks];
        int[] fastInARow = new int[tasks];
        boolean[] done = new boolean[tasks];
        java.util.Arrays.fill(early, Long.MAX_VALUE);
        int remaining = tasks;
        // Round-robin: every task reaches the JIT's thresholds early and queues its compilation, and this
        // thread keeps the others' counters going while the compiler threads work through the queue. At least
        // one round, whatever the budget: it also checks that every path runs on this backend.
        do {
            double acc = 0;
            for (int t = 0; t < tasks; t++) {
                if (done[t]) {
                    continue;
                }
                long t0 = System.nanoTime();
                acc += in.call(s, t);
                long took = System.nanoTime() - t0;
                int c = ++calls[t];
                if (c >= 2 && c <= EARLY_CALLS) {
                    early[t] = Math.min(early[t], took);
                }
                fastInARow[t] = c > EARLY_CALLS && took * SPEED_UP < early[t] ? fastInARow[t] + 1 : 0;
                if (c >= MAX_CALLS || (c >= MIN_CALLS && fastInARow[t] >= FAST_CALLS)) {
                    done[t] = true;
                    remaining--;
                }
            }
            sink += acc;
        } while (remaining > 0 && System.nanoTime() - start < limit);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Valid inputs for every measure family, made once per warm-up. */
    private static final class Inputs {
        final double[] p = new double[N];
        final double[] q = new double[N];
        final float[] pf = new float[N];
        final float[] qf = new float[N];
        final int[] x = new int[N];
        final int[] y = new int[N];
        final double[] logits = new double[ROWS * CLASSES];
        final float[] logitsF = new float[ROWS * CLASSES];
        final double[] probs = new double[ROWS * CLASSES];
        final float[] probsF = new float[ROWS * CLASSES];
        final int[] targets = new int[ROWS];
        final double[] bceTargets = new double[N];
        final float[] bceTargetsF = new float[N];

        Inputs() {
            SplittableRandom rnd = new SplittableRandom(42);
            fill(rnd, p, pf);
            fill(rnd, q, qf);
            for (int i = 0; i < N; i++) {
                x[i] = rnd.nextInt(16);
                y[i] = (x[i] + rnd.nextInt(4)) % 16;
                bceTargets[i] = rnd.nextInt(2);
                bceTargetsF[i] = (float) bceTargets[i];
            }
            for (int r = 0; r < ROWS; r++) {
                targets[r] = rnd.nextInt(CLASSES);
                double sum = 0;
                for (int c = 0; c < CLASSES; c++) {
                    int i = r * CLASSES + c;
                    logits[i] = rnd.nextGaussian() * 3;
                    logitsF[i] = (float) logits[i];
                    probs[i] = Math.exp(logits[i]);
                    sum += probs[i];
                }
                for (int c = 0; c < CLASSES; c++) {
                    int i = r * CLASSES + c;
                    probs[i] /= sum;
                    probsF[i] = (float) probs[i];
                }
            }
        }

        private static void fill(SplittableRandom rnd, double[] d, float[] f) {
            double sum = 0;
            for (int i = 0; i < N; i++) {
                d[i] = rnd.nextDouble() + 1e-3;
                sum += d[i];
            }
            for (int i = 0; i < N; i++) {
                d[i] /= sum;
                f[i] = (float) d[i];
            }
        }

        static final int TASKS = 17;

        /** Task {@code t} of {@link #TASKS}: one call of one hot path. */
        double call(Shannon s, int t) {
            Shannon lax = s.withNormalization(Normalization.NORMALIZE); // float sums are off 1 by rounding
            return switch (t) {
                case 0 -> s.entropy(p);
                case 1 -> s.crossEntropy(p, q);
                case 2 -> s.klDivergence(p, q);
                case 3 -> s.jsDivergence(p, q);
                case 4 -> lax.entropy(pf);
                case 5 -> lax.crossEntropy(pf, qf);
                case 6 -> lax.klDivergence(pf, qf);
                case 7 -> lax.jsDivergence(pf, qf);
                case 8 -> s.dependence().mutualInformation(x, y);
                case 9 -> s.losses().softmaxCrossEntropy(logits, ROWS, CLASSES, targets);
                case 10 -> s.losses().softmaxCrossEntropy(logitsF, ROWS, CLASSES, targets);
                case 11 -> s.losses().binaryCrossEntropyWithLogits(bceTargets, p);
                case 12 -> s.losses().binaryCrossEntropyWithLogits(bceTargetsF, pf);
                case 13 -> s.losses().binaryCrossEntropy(bceTargets, p);
                case 14 -> s.losses().binaryCrossEntropy(bceTargetsF, pf);
                case 15 -> lax.losses().logLoss(targets, probs, ROWS, CLASSES);
                default -> lax.losses().logLoss(targets, probsF, ROWS, CLASSES);
            };
        }
    }
}
