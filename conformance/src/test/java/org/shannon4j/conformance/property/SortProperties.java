package org.shannon4j.conformance.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;

/**
 * The sort kernels of every backend against {@code Arrays.sort} (their contract): the same order and, for every
 * non-NaN value, the same bits; NaNs last; nothing outside the range touched; the same bits on a second call.
 * The long sort the same way, with Long.MIN_VALUE, −1, 0 and Long.MAX_VALUE planted and KSG's rank keys (order
 * keys of doubles with their low bits replaced by indexes) among the kinds.
 * Special values are planted at random positions (NaN, ±∞, ±0.0, subnormals, ±MIN_VALUE, ±MAX_VALUE); lengths
 * cross the SIMD backend's radix-sort threshold (4096), and the value kinds make some radix digits constant (the
 * pass is skipped) and others not. The reflective kernel suite leaves this kernel out: it is the one that changes
 * its input.
 */
class SortProperties {

    /** One case: what to generate from the seed. */
    record SortCase(long seed, int length, int kind, int specials, int offset) {
    }

    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -0x1p-1030, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.longBitsToDouble(0xfff8_0000_0000_0001L)};

    @Provide
    Arbitrary<SortCase> cases() {
        return Combinators.combine(Arbitraries.longs(),
                Arbitraries.oneOf(Arbitraries.integers().between(1, 5000), Arbitraries.integers().between(4090, 4100),
                        Arbitraries.integers().between(5000, 60_000)),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(0, 5))
                .as(SortCase::new);
    }

    @Property(tries = 80)
    void everyBackendSortsAsArraysSort(@ForAll("cases") SortCase c) {
        check(c);
    }

    @Property(tries = 80)
    void everyBackendSortsLongsAsArraysSort(@ForAll("cases") SortCase c) {
        checkLongs(c);
    }

    private static final long[] SPECIAL_LONGS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, Long.MAX_VALUE};

    private static void checkLongs(SortCase c) {
        SplittableRandom rnd = new SplittableRandom(c.seed());
        long[] input = new long[c.offset() + c.length() + 4];
        for (int i = 0; i < input.length; i++) {
            input[i] = longValue(c.kind(), rnd, i);
        }
        for (int s = 0; s < c.specials(); s++) {
            input[c.offset() + rnd.nextInt(c.length())] = SPECIAL_LONGS[rnd.nextInt(SPECIAL_LONGS.length)];
        }
        long[] expected = input.clone();
        Arrays.sort(expected, c.offset(), c.offset() + c.length());
        for (Shannon backend : Backends.ALL) {
            for (int call = 0; call < 2; call++) {
                long[] a = input.clone();
                backend.context().kernels().sort(a, c.offset(), c.offset() + c.length());
                for (int i = 0; i < a.length; i++) {
                    if (a[i] != expected[i]) {
                        fail(backend.backendName() + " " + c + ", call " + (call + 1) + ": a[" + i + "] = " + a[i]
                                + ", expected " + expected[i]);
                    }
                }
            }
        }
    }

    /**
     * Kind 0: KSG's rank keys of Gaussian doubles (the low 20 bits an index); 1: few values; 2: small ints; 3: one
     * value; 4: any bits; 5: values differing only in their low byte.
     */
    private static long longValue(int kind, SplittableRandom rnd, int i) {
        return switch (kind) {
            case 0 -> {
                long b = Double.doubleToRawLongBits(rnd.nextGaussian());
                yield ((b ^ ((b >> 63) & Long.MAX_VALUE)) & (-1L << 20)) | i;
            }
            case 1 -> new long[] {-5L, 0L, 7L, Long.MIN_VALUE, 1L << 40}[rnd.nextInt(5)];
            case 2 -> rnd.nextInt(-1000, 1000);
            case 3 -> 42L;
            case 4 -> rnd.nextLong();
            default -> 0x1234_5678_9ABC_DE00L | rnd.nextInt(256);
        };
    }

    /** A long input of each kind (3M values as the drift benchmark's), specials planted. */
    @Test
    void longInputs() {
        for (int kind = 0; kind < 6; kind++) {
            check(new SortCase(90 + kind, 1_000_000, kind, 100, 3));
            checkLongs(new SortCase(90 + kind, 1_000_000, kind, 100, 3));
        }
    }

    private static void check(SortCase c) {
        SplittableRandom rnd = new SplittableRandom(c.seed());
        double[] input = new double[c.offset() + c.length() + 4];
        for (int i = 0; i < input.length; i++) {
            input[i] = value(c.kind(), rnd);
        }
        for (int s = 0; s < c.specials(); s++) {
            input[c.offset() + rnd.nextInt(c.length())] = SPECIAL[rnd.nextInt(SPECIAL.length)];
        }
        double[] expected = input.clone();
        Arrays.sort(expected, c.offset(), c.offset() + c.length());
        for (Shannon backend : Backends.ALL) {
            double[] first = null;
            for (int call = 0; call < 2; call++) {
                double[] a = input.clone();
                backend.context().kernels().sort(a, c.offset(), c.offset() + c.length());
                String what = backend.backendName() + " " + c + ", call " + (call + 1);
                for (int i = 0; i < a.length; i++) {
                    boolean inRange = i >= c.offset() && i < c.offset() + c.length();
                    long want = Double.doubleToRawLongBits(inRange ? expected[i] : input[i]);
                    long got = Double.doubleToRawLongBits(a[i]);
                    boolean bothNaN = inRange && Double.isNaN(expected[i]) && Double.isNaN(a[i]);
                    if (got != want && !bothNaN) {
                        fail(what + ": a[" + i + "] = " + a[i] + " (bits " + Long.toHexString(got) + "), expected "
                                + Double.longBitsToDouble(want) + " (bits " + Long.toHexString(want) + ")"
                                + (inRange ? "" : ", outside the range"));
                    }
                }
                if (first == null) {
                    first = a;
                } else {
                    for (int i = 0; i < a.length; i++) {
                        assertEquals(Double.doubleToRawLongBits(first[i]), Double.doubleToRawLongBits(a[i]),
                                what + ": a second call differs at " + i);
                    }
                }
            }
        }
    }

    /** Kind 0: Gaussian; 1: few values, ±0.0 among them; 2: integers; 3: one value; 4: any bits; 5: tiny. */
    private static double value(int kind, SplittableRandom rnd) {
        return switch (kind) {
            case 0 -> rnd.nextGaussian() * 10 + 3;
            case 1 -> new double[] {-0.0, 0.0, 1.5, -2.25, 1e300}[rnd.nextInt(5)];
            case 2 -> rnd.nextInt(-1000, 1000);
            case 3 -> 42.0;
            case 4 -> {
                double d = Double.longBitsToDouble(rnd.nextLong());
                yield Double.isNaN(d) ? 0.5 : d;
            }
            default -> rnd.nextDouble(-1, 1) * 0x1p-1060;
        };
    }
}
