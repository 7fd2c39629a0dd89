package org.shannon4j.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.shannon4j.Normalization;
import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Terms;

/**
 * Argument checks and the messages of every rejection. The happy path only checks ranges here; the values
 * themselves are validated inside the kernel pass, and the re-scans below run only after a kernel has
 * reported invalid input, to name the first bad element.
 */
public final class Checks {

    private Checks() {
    }

    public static void range(String name, double[] a, int offset, int length) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        range(name, a.length, offset, length);
    }

    public static void range(String name, float[] a, int offset, int length) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        range(name, a.length, offset, length);
    }

    private static void range(String name, int arrayLength, int offset, int length) {
        if (offset < 0 || length < 0 || offset > arrayLength - length) {
            throw new IndexOutOfBoundsException(name + ": offset " + offset + " and length " + length
                    + " do not fit in " + name + ".length = " + arrayLength);
        }
        if (length == 0) {
            throw new IllegalArgumentException(name + " is empty: a distribution needs at least one entry");
        }
    }

    public static void sameLength(String p, int pLength, String q, int qLength) {
        if (pLength != qLength) {
            throw new IllegalArgumentException(p + ".length = " + pLength + " but " + q + ".length = " + qLength
                    + ": both distributions must have the same support");
        }
    }

    public static int length(String name, double[] a) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return a.length;
    }

    public static int length(String name, float[] a) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return a.length;
    }

    /** {@link #invalid} for two inputs: names the first bad entry of p, else of q, else what was checked. */
    public static RuntimeException invalid(String pName, Object p, int pOffset, String qName, Object q,
                                    int qOffset, int length) {
        return invalid(pName, p, pOffset, qName, q, qOffset, length, null);
    }

    /**
     * As above for any input of {@link Passes} (arrays with a null layout, or segments): the first bad entry of
     * p, else of q; else an overflowing sum of p, else of q; else (the kernel reported invalid input that is
     * not there) an internal error, never a cause that was not checked.
     */
    public static RuntimeException invalid(String pName, Object p, long pOffset, String qName, Object q,
                                    long qOffset, long length, ValueLayout layout) {
        IllegalArgumentException found = badPair(pName, p, pOffset, qName, q, qOffset, length, layout);
        return found != null ? found : internal(range(pName, pOffset, length) + " and " + range(qName, qOffset, length));
    }

    /**
     * The exception for the first entry of p, then of q, that is NaN, negative or infinite, else for a sum that
     * overflows; null when the input is valid.
     */
    public static IllegalArgumentException badPair(String pName, Object p, long pOffset, String qName, Object q,
                                                   long qOffset, long length, ValueLayout layout) {
        IllegalArgumentException found = firstBad(pName, p, pOffset, length, layout);
        if (found == null) {
            found = firstBad(qName, q, qOffset, length, layout);
        }
        if (found == null) {
            found = sumOverflow(pName, p, pOffset, length, layout);
        }
        if (found == null) {
            found = sumOverflow(qName, q, qOffset, length, layout);
        }
        return found;
    }

    /**
     * Called when a kernel returned NaN or a non-finite sum: the exception for the first entry that is NaN,
     * negative or infinite; if every entry is valid, for the sum if it overflows; otherwise an internal error.
     */
    public static RuntimeException invalid(String name, Object array, int offset, int length) {
        return invalid(name, array, offset, length, null);
    }

    /** As above for any input of {@link Passes}; segment indices are longs ({@code "p[3000000017] = -0.25: ..."}). */
    public static RuntimeException invalid(String name, Object array, long offset, long length, ValueLayout layout) {
        IllegalArgumentException found = firstBad(name, array, offset, length, layout);
        if (found == null) {
            found = sumOverflow(name, array, offset, length, layout);
        }
        return found != null ? found : internal(range(name, offset, length));
    }

    private static IllegalArgumentException firstBad(String name, Object array, long offset, long length,
                                                     ValueLayout layout) {
        for (long i = offset; i < offset + length; i++) {
            double x = value(array, i, layout);
            if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
                return badEntry(name, i, array instanceof float[] || layout instanceof ValueLayout.OfFloat
                        ? Float.toString((float) x) : Double.toString(x), x);
            }
        }
        return null;
    }

    /** The overflow exception if the entries (all valid) sum beyond the double maximum, else null. */
    private static IllegalArgumentException sumOverflow(String name, Object array, long offset, long length,
                                                        ValueLayout layout) {
        double sum = 0;
        for (long i = offset; i < offset + length; i++) {
            sum += value(array, i, layout);
        }
        return sum < Double.POSITIVE_INFINITY ? null : new IllegalArgumentException("the sum of "
                + range(name, offset, length) + " overflows the double range: scale the input down");
    }

    private static String range(String name, long offset, long length) {
        return name + "[" + offset + ".." + (offset + length) + ")";
    }

    /** A kernel result that the input does not explain: a defect of the backend, reported as such. */
    private static IllegalStateException internal(String inputs) {
        return new IllegalStateException("internal error of the backend's kernel: it reported invalid input or an"
                + " overflow for " + inputs + ", but every entry is finite and >= 0 and the sums and the terms fit"
                + " the double range; please report this with the input and the backend name");
    }

    /**
     * For valid input whose kernel result is infinite without a p &gt; 0 where q = 0: the terms' own sum is
     * recomputed with the reference terms ({@link KernelMath}, plain summation, rare path); if it overflows,
     * the exception says so (values near the double maximum under NORMALIZE: p·ln p exceeds it from
     * p ≈ 2.5e305), otherwise it is an internal error. {@code kind} is a {@link Terms} code; q is null for
     * {@link Terms#X_LOG_X}; {@code c} is the Jensen–Shannon mixture ratio.
     */
    public static RuntimeException termsOverflow(String terms, int kind, String name, Object p, long pOffset, Object q,
                                          long qOffset, long length, ValueLayout layout, double c) {
        double a = 0;
        double b = 0;
        for (long i = 0; i < length; i++) {
            double x = value(p, pOffset + i, layout);
            double y = q == null ? 0 : value(q, qOffset + i, layout);
            switch (kind) {
                case Terms.X_LOG_X -> a += KernelMath.xLogX(x);
                case Terms.CROSS -> a += KernelMath.xLogY(x, y);
                case Terms.KL -> a += KernelMath.xLogXOverY(x, y);
                default -> {
                    a += KernelMath.jensenShannonP(x, y, c);
                    b += KernelMath.jensenShannonQ(x, y, c);
                }
            }
        }
        if (Math.abs(a) < Double.POSITIVE_INFINITY && Math.abs(b) < Double.POSITIVE_INFINITY) {
            return internal(q == null ? range(name, pOffset, length)
                    : range("p", pOffset, length) + " and " + range("q", qOffset, length));
        }
        return new IllegalArgumentException("the terms " + terms + " over " + range(name, pOffset, length)
                + " overflow the double range: scale the input down");
    }

    /** Whether some p[i] &gt; 0 meets q[i] = 0: the one way cross-entropy and KL are legitimately infinite. */
    public static boolean positiveOverZero(Object p, long pOffset, Object q, long qOffset, long length, ValueLayout layout) {
        for (long i = 0; i < length; i++) {
            if (value(p, pOffset + i, layout) > 0 && value(q, qOffset + i, layout) == 0) {
                return true;
            }
        }
        return false;
    }

    public static double value(Object array, long i, ValueLayout layout) {
        if (array instanceof double[] a) {
            return a[(int) i];
        }
        if (array instanceof float[] a) {
            return a[(int) i];
        }
        MemorySegment segment = (MemorySegment) array;
        return layout instanceof ValueLayout.OfDouble d ? segment.getAtIndex(d, i)
                : segment.getAtIndex((ValueLayout.OfFloat) layout, i);
    }

    private static IllegalArgumentException badEntry(String name, long index, String shown, double value) {
        String why = Double.isNaN(value) ? "probabilities must not be NaN"
                : Double.isInfinite(value) ? "probabilities must be finite"
                : "probabilities must be >= 0";
        return new IllegalArgumentException(name + "[" + index + "] = " + shown + ": " + why);
    }

    /**
     * Checks Σ{@code name} against the policy; {@code sum} is a kernel's sum of the range, known finite and ≥ 0
     * here.
     *
     * <p>REQUIRE is decided on the sum of the input, not on one backend's rounding of it: backends add in
     * different orders, so near the tolerance one backend's sum could pass where another's fails. When the
     * kernel's sum is closer to the tolerance than {@link #sumErrorBound} (any backend's worst error), the
     * sum is taken again here, compensated and in index order, so every backend makes the same decision —
     * the exact sum's, except in an interval of a few ulps around the tolerance where it is this sum's — and
     * reports the same number.
     */
    public static void sum(String name, double sum, Object array, long offset, long length, ValueLayout layout,
                           boolean float32, Normalization policy) {
        if (sum == 0) {
            throw new IllegalArgumentException(name + " is all zeros: it is not a distribution (sum = 0)");
        }
        if (policy == Normalization.REQUIRE) {
            double tolerance = Normalization.sumTolerance(length, float32);
            double off = Math.abs(sum - 1);
            if (Math.abs(off - tolerance) <= sumErrorBound(length, sum)) {
                sum = indexOrderSum(array, offset, length, layout);
                off = Math.abs(sum - 1);
            } else if (off > tolerance) {
                sum = indexOrderSum(array, offset, length, layout); // the number every backend reports
            }
            if (!(off <= tolerance)) {
                throw new IllegalArgumentException(name + " sums to " + sum + ", not 1 (|sum - 1| = "
                        + Math.abs(sum - 1) + " > tolerance " + tolerance + " for " + length
                        + (float32 ? " float" : " double") + " entries); normalise it, or use"
                        + " Shannon.withNormalization(Normalization.NORMALIZE) to divide by the sum");
            }
        }
    }

    /**
     * How far a backend's Σ of {@code length} entries ≥ 0 may be from the exact sum, with a margin: the SPI
     * asks kernels for sums of blocks of at most 256 entries added in any order and the blocks added with
     * compensation, whose error is at most (min(n, 256) + a few)·u·Σ with u = 2^-53.
     */
    static double sumErrorBound(long length, double sum) {
        return (Math.min(length, 256) + 16) * 0x1p-53 * sum * (1 + 0x1p-20);
    }

    /** Σ of the range in index order with Neumaier's compensation: the same bits whatever the backend. */
    public static double indexOrderSum(Object array, long offset, long length, ValueLayout layout) {
        double s = 0;
        double c = 0;
        for (long i = 0; i < length; i++) {
            double x = value(array, offset + i, layout);
            double t = s + x;
            c += KernelMath.sumError(s, x, t);
            s = t;
        }
        double sum = s + c;
        return sum < Double.POSITIVE_INFINITY ? sum : s; // NaN only where a partial sum rounded up to ∞
    }

    // ------------------------------------------------------------------------------------------------ segments

    /**
     * The number of {@code layout} elements in {@code segment}, after checking it can be read as such:
     * non-null, a whole number of elements, aligned as the layout requires.
     */
    public static long elements(String name, MemorySegment segment, ValueLayout layout) {
        checkSegment(name, segment, layout);
        long size = layout.byteSize();
        if (segment.byteSize() % size != 0) {
            throw new IllegalArgumentException(name + ".byteSize() = " + segment.byteSize()
                    + " is not a multiple of the element size " + size + " of " + describe(layout)
                    + ": the segment does not hold whole elements");
        }
        return segment.byteSize() / size;
    }

    /** Checks a segment range {@code [offset, offset + count)} in elements, as {@link #range} does for arrays. */
    public static void range(String name, MemorySegment segment, ValueLayout layout, long offset, long count) {
        checkSegment(name, segment, layout);
        long elements = segment.byteSize() / layout.byteSize();
        if (offset < 0 || count < 0 || offset > elements - count) {
            throw new IndexOutOfBoundsException(name + ": offset " + offset + " and count " + count
                    + " do not fit in the " + elements + " elements of " + name + " (" + describe(layout) + ", byteSize "
                    + segment.byteSize() + ")");
        }
        if (count == 0) {
            throw new IllegalArgumentException(name + " is empty: a distribution needs at least one entry");
        }
    }

    /**
     * A layout as users name it: "double" or "float", then the byte order when it is not the platform's and
     * "unaligned" when the layout accepts any address ("double big-endian unaligned"); the JDK's own toString
     * ("d8", "D8%1") is cryptic in a message.
     */
    public static String describe(ValueLayout layout) {
        StringBuilder b = new StringBuilder(layout instanceof ValueLayout.OfDouble ? "double"
                : layout instanceof ValueLayout.OfFloat ? "float" : layout.toString());
        if (layout.order() != java.nio.ByteOrder.nativeOrder()) {
            b.append(layout.order() == java.nio.ByteOrder.BIG_ENDIAN ? " big-endian" : " little-endian");
        }
        if (layout.byteAlignment() < layout.byteSize()) {
            b.append(" unaligned");
        }
        return b.toString();
    }

    private static void checkSegment(String name, MemorySegment segment, ValueLayout layout) {
        if (segment == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (layout == null) {
            throw new NullPointerException("layout must not be null");
        }
        // the JDK's own messages ("Already closed") do not say which argument
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException(name + ": the segment's arena is closed");
        }
        if (!segment.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException(name + ": the segment is confined to another thread (use a shared arena"
                    + " or call from its owner)");
        }
        if (segment.maxByteAlignment() < layout.byteAlignment()) {
            throw new IllegalArgumentException(name + " is aligned to " + segment.maxByteAlignment()
                    + " bytes but " + describe(layout) + " requires " + layout.byteAlignment() + ": use "
                    + (layout instanceof ValueLayout.OfDouble ? "ValueLayout.JAVA_DOUBLE_UNALIGNED"
                            : "ValueLayout.JAVA_FLOAT_UNALIGNED") + " (with the byte order of the data)");
        }
    }

    public static void sameLength(String p, long pLength, String q, long qLength) {
        if (pLength != qLength) {
            throw new IllegalArgumentException(p + " has " + pLength + " elements but " + q + " has " + qLength
                    + ": both distributions must have the same support");
        }
    }

    /** Checks the shape of a rows × classes matrix: rows ≥ 0, classes ≥ 1, rows × classes fits in an array. */
    public static void matrix(int rows, int classes) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows = " + rows + ": must be >= 0");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes = " + classes + ": must be >= 1");
        }
        if ((long) rows * classes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rows × classes = " + rows + " × " + classes
                    + " exceeds the largest array");
        }
    }
}
