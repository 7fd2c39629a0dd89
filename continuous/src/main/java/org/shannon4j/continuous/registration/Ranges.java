package org.shannon4j.continuous.registration;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.LongToDoubleFunction;

import org.shannon4j.spi.Context;
import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * The measured range of an image, {min, max}, in one pass that also rejects NaN and ±∞ (naming the first one's
 * index). The pass is the backend's {@code minMaxKeys} kernel on order-preserving integer keys of the values
 * ({@link KernelMath#floatKey}): min and max of those keys are single vector instructions, where float min/max
 * with Java's NaN and −0.0 rules are not, and they order −0.0 below +0.0 as {@link Math#min(double, double)} does;
 * NaN and ±∞ have the extreme keys, so one check after the pass finds them, and only then a second scan names the
 * first. Long images are cut into contiguous parts over the context's threads (the caller takes part); min and
 * max are exact, so the range is the same for any thread count.
 */
final class Ranges {

    /** Voxels per copied chunk of a segment. */
    private static final int CHUNK = 1 << 14;
    private static final long NEGATIVE_INFINITY_KEY = KernelMath.doubleKey(Double.NEGATIVE_INFINITY);
    private static final long POSITIVE_INFINITY_KEY = KernelMath.doubleKey(Double.POSITIVE_INFINITY);

    private Ranges() {
    }

    /** One part's scratch: a segment's chunk buffer and the kernel's two keys. */
    private static final class Scratch {
        final long[] keys = new long[2];
        float[] floats;
        double[] doubles;
    }

    /** Scans values [from, to) into double keys {min, max} at keys[at], keys[at + 1]. */
    @FunctionalInterface
    private interface Scan {
        void scan(Scratch scratch, long from, long to, long[] keys, int at);
    }

    static double[] minMax(Context context, float[] a, String name) {
        Kernels k = context.kernels();
        return measure(context.parallelism(), a.length, true, (s, from, to, keys, at) ->
                floatKeys(k.minMaxKeys(a, (int) from, (int) (to - from)), keys, at), i -> a[(int) i], name);
    }

    static double[] minMax(Context context, double[] a, String name) {
        Kernels k = context.kernels();
        return measure(context.parallelism(), a.length, true, (s, from, to, keys, at) -> {
            k.minMaxKeys(a, (int) from, (int) (to - from), s.keys);
            keys[at] = s.keys[0];
            keys[at + 1] = s.keys[1];
        }, i -> a[(int) i], name);
    }

    /**
     * The range of n voxels of a segment read with layout (float or double), copied a chunk at a time into each
     * part's heap buffer; a segment other threads may not read (a confined arena's) is scanned by the caller.
     */
    static double[] minMax(Context context, MemorySegment s, ValueLayout layout, long n, boolean shared,
                           String name) {
        Kernels k = context.kernels();
        long size = layout.byteSize();
        boolean isFloat = layout instanceof ValueLayout.OfFloat;
        return measure(context.parallelism(), n, shared, (scratch, from, to, keys, at) -> {
            keys[at] = Long.MAX_VALUE;
            keys[at + 1] = Long.MIN_VALUE;
            for (long c = from; c < to; c += CHUNK) {
                int length = (int) Math.min(CHUNK, to - c);
                if (isFloat) {
                    float[] buffer = scratch.floats == null ? scratch.floats = new float[CHUNK] : scratch.floats;
                    MemorySegment.copy(s, layout, c * size, buffer, 0, length);
                    floatKeys(k.minMaxKeys(buffer, 0, length), scratch.keys, 0);
                } else {
                    double[] buffer = scratch.doubles == null ? scratch.doubles = new double[CHUNK]
                            : scratch.doubles;
                    MemorySegment.copy(s, layout, c * size, buffer, 0, length);
                    k.minMaxKeys(buffer, 0, length, scratch.keys);
                }
                keys[at] = Math.min(keys[at], scratch.keys[0]);
                keys[at + 1] = Math.max(keys[at + 1], scratch.keys[1]);
            }
        }, isFloat ? i -> s.getAtIndex((ValueLayout.OfFloat) layout, i)
                : i -> s.getAtIndex((ValueLayout.OfDouble) layout, i), name);
    }

    /**
     * The number of contiguous parts of a pass over n voxels: 1 on one thread or below {@link Parallelism#MIN_SPLIT},
     * else up to 4 per thread of at least {@link Parallelism#MIN_CHUNK} voxels. More parts than threads let a thread
     * that starts late (a pool's wake-up) or runs slow (a shared machine) take fewer: the threads claim parts one at
     * a time, and each keeps one state (its count table) whatever the number of parts it runs.
     */
    static int parts(Parallelism par, long n) {
        int threads = par.threads();
        if (threads == 1 || n < Parallelism.MIN_SPLIT) {
            return 1;
        }
        return (int) Math.min(4L * threads, Math.max(1, n / Parallelism.MIN_CHUNK));
    }

    /**
     * Parts of [0, n) scanned on the context's threads, their keys combined; a non-finite value found by a
     * scan of value from index 0.
     */
    private static double[] measure(Parallelism par, long n, boolean shared, Scan scan, LongToDoubleFunction value,
                                    String name) {
        int parts = shared ? parts(par, n) : 1;
        long per = n / parts;
        long[] keys = new long[2 * parts];
        par.forEachPart(parts, par.threads() - 1, Scratch::new, (scratch, part) ->
                scan.scan(scratch, part * per, part == parts - 1 ? n : (part + 1) * per, keys, 2 * part));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int p = 0; p < parts; p++) {
            min = Math.min(min, keys[2 * p]);
            max = Math.max(max, keys[2 * p + 1]);
        }
        if (min <= NEGATIVE_INFINITY_KEY || max >= POSITIVE_INFINITY_KEY) {
            for (long i = 0; i < n; i++) {
                double v = value.applyAsDouble(i);
                if (!Double.isFinite(v)) {
                    throw notFinite(name, i, v);
                }
            }
        }
        return new double[] {KernelMath.doubleOfKey(min), KernelMath.doubleOfKey(max)};
    }

    /**
     * Packed float keys as double keys at keys[at], keys[at + 1] (float to double keeps the order and −0.0); a
     * non-finite float, whose NaN bits need not survive the conversion, as the extreme keys.
     */
    private static void floatKeys(long packed, long[] keys, int at) {
        int lo = (int) (packed >> 32);
        int hi = (int) packed;
        boolean finite = lo > FLOAT_NEGATIVE_INFINITY_KEY && hi < FLOAT_POSITIVE_INFINITY_KEY;
        keys[at] = finite ? KernelMath.doubleKey(KernelMath.floatOfKey(lo)) : Long.MIN_VALUE;
        keys[at + 1] = finite ? KernelMath.doubleKey(KernelMath.floatOfKey(hi)) : Long.MAX_VALUE;
    }

    private static final int FLOAT_NEGATIVE_INFINITY_KEY = KernelMath.floatKey(Float.NEGATIVE_INFINITY);
    private static final int FLOAT_POSITIVE_INFINITY_KEY = KernelMath.floatKey(Float.POSITIVE_INFINITY);

    static IllegalArgumentException notFinite(String name, long i, double x) {
        return new IllegalArgumentException(name + "[" + i + "] = " + x + ": values must be finite");
    }

    /** The least and greatest value of a byte image read with a mask (0xFF: unsigned), packed (min << 32) | max. */
    static long valueRange(byte[] a, int mask) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (byte x : a) {
            int v = x & mask;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return ((long) min << 32) | (max & 0xFFFFFFFFL);
    }

    /** As {@link #valueRange(byte[], int)} for shorts (0xFFFF: unsigned). */
    static long valueRange(short[] a, int mask) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (short x : a) {
            int v = x & mask;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return ((long) min << 32) | (max & 0xFFFFFFFFL);
    }
}
