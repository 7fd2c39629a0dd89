package org.shannon4j.conformance.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;
import org.shannon4j.spi.KernelMath;

/**
 * The kernels of an equal-width histogram (drift's binning) on every backend against exact oracles written here:
 * {@code minMaxKeys} (double and float) against the least and greatest {@link KernelMath#doubleKey} /
 * {@link KernelMath#floatKey} found by a plain loop, and {@code countCodes} against a plain tally. Special values
 * (±0.0 alone and together, subnormals, NaN of either sign and any payload, ±∞, ±MAX_VALUE) are planted at every
 * position of a vector-sized window, so each lands in every lane and in the tails; each backend's answer must be
 * the oracle's on a first and a second call.
 */
class BinningKernelProperties {

    /** One case: what to generate from the seed. */
    record KeysCase(long seed, int length, int kind, int special, int at, int offset) {
    }

    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        -0x1p-1030, Double.NaN, Double.longBitsToDouble(0xfff8_0000_0000_0001L),
        Double.longBitsToDouble(0x7ff0_0000_0000_0001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e-300};

    @Provide
    Arbitrary<KeysCase> keysCases() {
        return Combinators.combine(Arbitraries.longs(),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(40, 3000)),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(-1, SPECIAL.length - 1),
                Arbitraries.integers().between(0, 63), Arbitraries.integers().between(0, 9))
                .as(KeysCase::new);
    }

    /** A random column of one kind, the special value (if any) at every 64th position from {@code at}. */
    @Property(tries = 300)
    void minMaxKeysOfDoublesAreTheOracles(@ForAll("keysCases") KeysCase c) {
        checkDoubles(column(c), c.offset(), c.length(), c.toString());
    }

    @Property(tries = 200)
    void minMaxKeysOfFloatsAreTheOracles(@ForAll("keysCases") KeysCase c) {
        double[] d = column(c);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = c.offset(); i < c.offset() + c.length(); i++) {
            int key = KernelMath.floatKey(f[i]);
            lo = Math.min(lo, key);
            hi = Math.max(hi, key);
        }
        long expected = ((long) lo << 32) | (hi & 0xFFFFFFFFL);
        for (Shannon backend : Backends.ALL) {
            for (int call = 1; call <= 2; call++) {
                assertEquals(expected, backend.context().kernels().minMaxKeys(f, c.offset(), c.length()),
                        backend.backendName() + " " + c + ", call " + call);
            }
        }
    }

    /** Only zeros of both signs, only one sign, and zeros beside positives or negatives: the sign rules. */
    @Test
    void zerosOfBothSignsAtEveryPosition() {
        double[][] fills = {{0.0}, {-0.0}, {0.0, -0.0}, {0.0, 2.5}, {-0.0, 2.5}, {0.0, -0.0, 2.5}, {0.0, -3.5},
            {-0.0, -3.5}, {0.0, -0.0, -3.5}};
        for (double[] fill : fills) {
            for (int length : new int[] {7, 16, 33, 100}) {
                for (int at = 0; at < length; at++) {
                    double[] a = new double[length];
                    for (int i = 0; i < length; i++) {
                        a[i] = fill[0];
                    }
                    for (int k = 1; k < fill.length; k++) {
                        a[(at + 7 * k) % length] = fill[k];
                    }
                    a[at] = fill[fill.length - 1];
                    checkDoubles(a, 0, length, java.util.Arrays.toString(fill) + " length " + length + " at " + at);
                }
            }
        }
    }

    private static void checkDoubles(double[] a, int offset, int length, String what) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = offset; i < offset + length; i++) {
            long key = KernelMath.doubleKey(a[i]);
            lo = Math.min(lo, key);
            hi = Math.max(hi, key);
        }
        for (Shannon backend : Backends.ALL) {
            for (int call = 1; call <= 2; call++) {
                long[] keys = {17, 17};
                backend.context().kernels().minMaxKeys(a, offset, length, keys);
                assertArrayEquals(new long[] {lo, hi}, keys, backend.backendName() + " " + what + ", call " + call
                        + ": keys of " + KernelMath.doubleOfKey(keys[0]) + " .. " + KernelMath.doubleOfKey(keys[1])
                        + ", expected " + KernelMath.doubleOfKey(lo) + " .. " + KernelMath.doubleOfKey(hi));
            }
        }
    }

    /** Kind 0: Gaussian; 1: positive; 2: negative; 3: few values with ±0.0; 4: any bits; 5: one value. */
    private static double[] column(KeysCase c) {
        SplittableRandom rnd = new SplittableRandom(c.seed());
        double[] a = new double[c.offset() + c.length() + 5];
        for (int i = 0; i < a.length; i++) {
            a[i] = switch (c.kind()) {
                case 0 -> rnd.nextGaussian();
                case 1 -> rnd.nextDouble(0, 1e6);
                case 2 -> -rnd.nextDouble(1e-3, 1);
                case 3 -> new double[] {0.0, -0.0, 1.0, -1.0}[rnd.nextInt(4)];
                case 4 -> Double.longBitsToDouble(rnd.nextLong());
                default -> 42.0;
            };
        }
        if (c.special() >= 0) {
            for (int i = c.offset() + c.at(); i < c.offset() + c.length(); i += 64) {
                a[i] = SPECIAL[c.special()];
            }
        }
        return a;
    }

    /** One counting case. */
    record CodesCase(long seed, int length, int bins, int offset, boolean oneCode) {
    }

    @Provide
    Arbitrary<CodesCase> codesCases() {
        return Combinators.combine(Arbitraries.longs(),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(8000, 20_000)),
                Arbitraries.integers().between(1, 70), Arbitraries.integers().between(0, 40), Arbitraries.of(false, true))
                .as(CodesCase::new);
    }

    /** Codes below and from {@code bins} (255 among them), or one code everywhere (every lane of one slot). */
    @Property(tries = 300)
    void countCodesIsTheTally(@ForAll("codesCases") CodesCase c) {
        SplittableRandom rnd = new SplittableRandom(c.seed());
        byte[] codes = new byte[c.offset() + c.length() + 3];
        int one = rnd.nextInt(c.bins());
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (c.oneCode() ? one : rnd.nextInt(6) == 0 ? rnd.nextInt(256) : rnd.nextInt(c.bins()));
        }
        long[] expected = new long[c.bins() + 2];
        int skipped = 0;
        for (int i = c.offset(); i < c.offset() + c.length(); i++) {
            int code = codes[i] & 0xFF;
            if (code < c.bins()) {
                expected[code]++;
            } else {
                skipped++;
            }
        }
        for (Shannon backend : Backends.ALL) {
            for (int call = 1; call <= 2; call++) {
                long[] table = new long[c.bins() + 2];
                String what = backend.backendName() + " " + c + ", call " + call;
                assertEquals(skipped, backend.context().kernels().countCodes(codes, c.offset(), c.length(), c.bins(),
                        table), what);
                assertArrayEquals(expected, table, what);
            }
        }
    }
}
