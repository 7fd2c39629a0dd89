package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shannon4j.Shannon;

/** The byte formats of both reference profiles: round trips to the same bits, and every kind of bad input. */
class ProfileBytesTest {

    private static final Drift DRIFT = Drift.of(Shannon.get().context());

    @Test
    void restoredExactProfileGivesEveryEvidentlyMethodTheSameBits() throws IOException {
        List<double[][]> cases = EvidentlyFastPathTest.goldenPairs();
        cases.addAll(EvidentlyFastPathTest.builtPairs());
        Set<DriftMethod> compared = EnumSet.noneOf(DriftMethod.class);
        for (double[][] c : cases) {
            ExactProfile original = ExactProfile.of(c[0]);
            byte[] bytes = original.toBytes();
            assertEquals(24 + 8 * original.size(), bytes.length);
            ExactProfile restored = ExactProfile.fromBytes(bytes);
            assertArrayEquals(bytes, restored.toBytes());
            assertEquals(original.size(), restored.size());
            assertEquals(bits(original.standardDeviation()), bits(restored.standardDeviation()));
            for (DriftMethod m : DriftMethod.values()) {
                if (m.numericIn(DriftPreset.EVIDENTLY)) {
                    for (double threshold : new double[] {0.1, 0.05}) {
                        Object want = outcome(() -> original.evidently(DRIFT, m, c[1], threshold));
                        Object got = outcome(() -> restored.evidently(DRIFT, m, c[1], threshold));
                        if (want instanceof DriftResult w && got instanceof DriftResult g) {
                            assertEquals(bits(w.value()), bits(g.value()), () -> m + ": " + w + " vs " + g);
                            assertEquals(bits(w.pValue()), bits(g.pValue()), () -> m + ": " + w + " vs " + g);
                            assertEquals(w, g);
                            compared.add(m);
                        } else {
                            assertEquals(want, got, m.toString()); // the same error message
                        }
                    }
                }
            }
        }
        for (DriftMethod m : DriftMethod.values()) {
            assertEquals(m.numericIn(DriftPreset.EVIDENTLY), compared.contains(m), m.toString());
        }
    }

    @Test
    void restoredFloatProfileAndLargeColumnGiveTheSameBits() {
        SplittableRandom rnd = new SplittableRandom(11);
        float[] ref = new float[20_000];
        double[] cur = new double[15_000]; // KS above 10,000 values a side: scipy's asymptotic p-value
        for (int i = 0; i < ref.length; i++) {
            ref[i] = (float) (rnd.nextGaussian() * 2);
        }
        for (int i = 0; i < cur.length; i++) {
            cur[i] = rnd.nextGaussian() * 2.1 + 0.05;
        }
        ExactProfile original = ExactProfile.of(ref);
        ExactProfile restored = ExactProfile.fromBytes(original.toBytes());
        for (DriftMethod m : DriftMethod.values()) {
            if (m.numericIn(DriftPreset.EVIDENTLY)) {
                DriftResult w = original.evidently(DRIFT, m, cur, 0.1);
                DriftResult g = restored.evidently(DRIFT, m, cur, 0.1);
                assertEquals(bits(w.value()), bits(g.value()), m.toString());
                assertEquals(bits(w.pValue()), bits(g.pValue()), m.toString());
                assertEquals(w.drift(), g.drift(), m.toString());
            }
        }
    }

    @Test
    void binnedProfileRoundTrip() {
        BinnedProfile p = BinnedProfile.of(gaussian(3000, 2), BinRule.DOANE);
        byte[] bytes = p.toBytes();
        assertEquals(48 + 16 * p.counts().length, bytes.length);
        BinnedProfile back = BinnedProfile.fromBytes(bytes);
        assertEquals(p, back);
        assertArrayEquals(bytes, back.toBytes());
        double[] cur = gaussian(2000, 3);
        assertEquals(bits(p.drift(DRIFT, DriftMethod.PSI, EmptyBins.EVIDENTLY, cur, 0.1).value()),
                bits(back.drift(DRIFT, DriftMethod.PSI, EmptyBins.EVIDENTLY, cur, 0.1).value()));
    }

    /** README's "Reference profiles" block as it stands there (the README checker compiles it; this checks it). */
    @Test
    void readmeSnippet() {
        Shannon nats = Shannon.get();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        double[] reference = new double[5000], current = new double[5000];
        for (int i = 0; i < 5000; i++) {
            reference[i] = rnd.nextGaussian();
            current[i] = rnd.nextGaussian() + 0.3;
        }
        Drift drift = Drift.of(nats.context());
        ExactProfile exact = ExactProfile.of(reference);                       // once per reference column
        DriftResult inMemory = exact.evidently(drift, DriftMethod.PSI, current, 0.1);
        byte[] saved = exact.toBytes();                                        // 40,024 bytes
        DriftResult restored = ExactProfile.fromBytes(saved).evidently(drift, DriftMethod.PSI, current, 0.1);
        BinnedProfile binned = BinnedProfile.of(reference, BinRule.DOANE);
        byte[] stored = binned.toBytes();                                      // 272 bytes
        DriftResult binnedPsi = BinnedProfile.fromBytes(stored).drift(drift, DriftMethod.PSI, EmptyBins.epsilon(1e-4),
                current, 0.1);
        DriftMonitor monitor = DriftMonitor.binned(drift, java.util.List.of(binned, binned), DriftMethod.PSI,
                EmptyBins.epsilon(1e-4), 0.1);
        DriftResult[] both = monitor.check(new double[][] {current, reference});

        assertEquals(bits(drift.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI, reference, current, 0.1).value()),
                bits(inMemory.value()));
        assertEquals("0.0896", String.format("%.4f", inMemory.value()));
        assertEquals(bits(inMemory.value()), bits(restored.value()));
        assertEquals(40_024, saved.length);
        assertEquals(272, stored.length);
        assertEquals("0.0926", String.format("%.4f", binnedPsi.value()));
        assertEquals(bits(binnedPsi.value()), bits(both[0].value()));
        assertEquals(0.0, both[1].value());
    }

    @Test
    void badExactBytes() {
        double[] ref = gaussian(50, 5);
        byte[] good = ExactProfile.of(ref).toBytes();
        badInput(good, ExactProfile::fromBytes, "an ExactProfile", "a BinnedProfile",
                BinnedProfile.of(ref, BinRule.STURGES).toBytes());

        byte[] unsorted = good.clone();
        ByteBuffer.wrap(unsorted).putDouble(20 + 8 * 7, 1e9); // values[7] above values[8]
        fails(() -> ExactProfile.fromBytes(reseal(unsorted)), "values[8] = ");
        byte[] nan = good.clone();
        ByteBuffer.wrap(nan).putDouble(20, Double.NaN);
        fails(() -> ExactProfile.fromBytes(reseal(nan)), "values[0] = NaN");
        byte[] zeros = good.clone(); // 0.0 before −0.0 is not Arrays.sort's order
        ByteBuffer.wrap(zeros).putDouble(20, -1e300).putDouble(28, 0.0).putDouble(36, -0.0);
        fails(() -> ExactProfile.fromBytes(reseal(zeros)), "values[2] = -0.0");
        byte[] negative = good.clone();
        ByteBuffer.wrap(negative).putDouble(12, -1.0);
        fails(() -> ExactProfile.fromBytes(reseal(negative)), "standard deviation = -1.0");
        byte[] noValues = Arrays.copyOf(good, 24);
        ByteBuffer.wrap(noValues).putInt(8, 0);
        fails(() -> ExactProfile.fromBytes(reseal(noValues)), "values = 0");
        // a σ the values cannot have: NaN or ∞ where no sum overflows, or above their range
        for (double std : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 1e6}) {
            byte[] b = good.clone();
            ByteBuffer.wrap(b).putDouble(12, std);
            fails(() -> ExactProfile.fromBytes(reseal(b)), "standard deviation = " + std + " (byte offset 12): not"
                    + " the σ of the stored values");
        }
        // ... but σ of values whose sums overflow is NaN or ∞ (numpy's too), and of equal values an ulp or so
        for (double[] values : new double[][] {{1.7e308, 1.7e308, -1.7e308, -1.7e308}, {1.7e308, 1.7e308, 1.0},
                {0.1, 0.1, 0.1}}) {
            ExactProfile p = ExactProfile.of(values);
            assertEquals(bits(p.standardDeviation()),
                    bits(ExactProfile.fromBytes(p.toBytes()).standardDeviation()), Arrays.toString(values));
        }
    }

    @Test
    void badBinnedBytes() {
        double[] ref = gaussian(500, 6);
        byte[] good = BinnedProfile.of(ref, BinRule.STURGES).toBytes();
        badInput(good, BinnedProfile::fromBytes, "a BinnedProfile", "an ExactProfile", ExactProfile.of(ref).toBytes());

        byte[] negative = good.clone();
        ByteBuffer.wrap(negative).putLong(good.length - 12, -3);
        fails(() -> BinnedProfile.fromBytes(reseal(negative)), "nonFinite = -3");
        byte[] edges = good.clone();
        ByteBuffer.wrap(edges).putDouble(20, -1e9); // edges[1] below edges[0]
        fails(() -> BinnedProfile.fromBytes(reseal(edges)), "edges");
        int bins = BinnedProfile.fromBytes(good).edges().length - 1; // counts[0] at 12 + 8·(bins + 1)
        byte[] huge = good.clone(); // counts that a long cannot add up (the shares divide by their total)
        ByteBuffer.wrap(huge).putLong(20 + 8 * bins, Long.MAX_VALUE).putLong(28 + 8 * bins, Long.MAX_VALUE);
        fails(() -> BinnedProfile.fromBytes(reseal(huge)), "the stored counts add up beyond Long.MAX_VALUE");
        byte[] half = good.clone();
        ByteBuffer.wrap(half).putLong(20 + 8 * bins, Long.MAX_VALUE / 2 + 1);
        BinnedProfile big = BinnedProfile.fromBytes(reseal(half));
        assertThrows(ArithmeticException.class, () -> big.merge(big));
        byte[] version1 = good.clone();
        ByteBuffer.wrap(version1).putInt(4, 1);
        fails(() -> BinnedProfile.fromBytes(version1), "version 1 (byte offset 4); this library reads version 2");
    }

    /** The bad input common to both formats; {@code other} is the other profile type's bytes. */
    private static void badInput(byte[] good, Function<byte[], ?> read, String type, String otherType,
            byte[] other) {
        NullPointerException npe = assertThrows(NullPointerException.class, () -> read.apply(null));
        assertTrue(npe.getMessage().startsWith("bytes must not be null: no " + type.substring(type.indexOf(' ') + 1)),
                npe::getMessage);
        for (int length : new int[] {0, 3, 4, 11, 12, 15, 16, 20, 23, good.length / 2, good.length - 8,
                good.length - 4, good.length - 1}) {
            fails(() -> read.apply(Arrays.copyOf(good, length)), "(length " + length + ") are truncated");
        }
        fails(() -> read.apply(Arrays.copyOf(good, good.length + 1)), "too long");
        byte[] magic = good.clone();
        magic[3] = 'X';
        fails(() -> read.apply(magic), "do not start with the magic number of " + type);
        fails(() -> read.apply(other), "hold " + otherType + " (magic");
        byte[] version = good.clone();
        version[7] = 9;
        fails(() -> read.apply(version), "format version 9");
        byte[] count = good.clone();
        ByteBuffer.wrap(count).putInt(8, -1);
        fails(() -> read.apply(count), " = -1 (byte offset 8)");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        fails(() -> read.apply(flipped), "are corrupt: the CRC-32C at byte offset " + (good.length - 4));
        // every single-bit error is caught, by the field it hits or by the checksum
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] b = good.clone();
                b[i] ^= (byte) (1 << bit);
                assertThrows(IllegalArgumentException.class, () -> read.apply(b), "byte " + i + " bit " + bit);
            }
        }
        read.apply(good);
    }

    /** The bytes with a correct checksum again, as crafted input would have. */
    private static byte[] reseal(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).putInt(b.length - 4, (int) c.getValue());
        return b;
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static Object outcome(java.util.function.Supplier<DriftResult> r) {
        try {
            return r.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static double[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }

    private static void fails(Executable e, String message) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(message), () -> "message \"" + x.getMessage() + "\" lacks \"" + message
                + "\"");
    }
}
