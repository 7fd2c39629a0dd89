package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;

/**
 * The Hellinger distance on every backend: the golden values of {@code golden/hellinger.tsv} (exact values of
 * Evidently's published formula, {@code conformance/tools/generate_golden_hellinger.py}) within the documented
 * bound, the same value from arrays, ranges, segments and every thread count, symmetry to the bit, no unit, and
 * the bad-input messages. Extend this class in a test to certify a backend.
 */
public abstract class HellingerConformanceSuite {

    /** Where the golden values live on the class path. */
    public static final String RESOURCE = "/org/shannon4j/conformance/golden/hellinger.tsv";

    private static final double EPS = Math.ulp(1.0);

    static Stream<Arguments> backends() {
        return ConformanceBackends.supported().map(s -> Arguments.of(Named.of(s.backendName(), s)));
    }

    record Case(String id, boolean float32, Normalization policy, double[] p, double[] q, double h2, double h) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = HellingerConformanceSuite.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("golden values not found on the class path: " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                cases.add(new Case(f[0], f[1].equals("float"), Normalization.valueOf(f[2]), doubles(f[3]),
                        doubles(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cases.size() < 50) {
            throw new IllegalStateException("only " + cases.size() + " golden Hellinger cases in " + RESOURCE);
        }
        return cases;
    }

    private static double[] doubles(String s) {
        String[] parts = s.split(",");
        double[] a = new double[parts.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Double.parseDouble(parts[i]);
        }
        return a;
    }

    private static float[] floats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    /** The documented bound of the squared distance: 1e-13·H² + 80ε·√H² + 80ε. */
    static double bound(double h2) {
        return 1e-13 * h2 + 80 * EPS * Math.sqrt(h2) + 80 * EPS;
    }

    private static double squared(Shannon s, Case c) {
        return c.float32() ? s.squaredHellingerDistance(floats(c.p()), floats(c.q()))
                : s.squaredHellingerDistance(c.p(), c.q());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void goldenValues(Shannon backend) {
        for (Case c : cases()) {
            Shannon s = backend.withNormalization(c.policy());
            double h2 = squared(s, c);
            assertTrue(Math.abs(h2 - c.h2()) <= bound(c.h2()),
                    () -> c.id() + ": squared Hellinger " + h2 + ", golden " + c.h2());
            double h = c.float32() ? s.hellingerDistance(floats(c.p()), floats(c.q())) : s.hellingerDistance(c.p(), c.q());
            assertEquals(Math.sqrt(h2), h, 0.0, () -> c.id() + ": the distance is the root of the squared distance");
            assertTrue(Math.abs(h - c.h()) <= Math.sqrt(bound(c.h2())) + 4 * EPS,
                    () -> c.id() + ": Hellinger " + h + ", golden " + c.h());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void everyInputFormGivesTheSameValueAndNoUnitApplies(Shannon backend) {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int n : new int[] {1, 3, 8, 17, 64, 1000, 300_000}) {
            double[] p = new double[n + 3];
            double[] q = new double[n + 5];
            for (int i = 0; i < p.length; i++) {
                p[i] = rnd.nextDouble();
            }
            for (int i = 0; i < q.length; i++) {
                q[i] = rnd.nextDouble() < 0.2 ? 0.0 : rnd.nextDouble();
            }
            q[4] = 1.0; // q's range [2, 2 + n) is never all zeros
            Shannon s = backend.withNormalization(Normalization.NORMALIZE);
            double ranged = s.squaredHellingerDistance(p, 3, q, 2, n);
            double whole = s.squaredHellingerDistance(java.util.Arrays.copyOfRange(p, 3, 3 + n),
                    java.util.Arrays.copyOfRange(q, 2, 2 + n));
            assertEquals(whole, ranged, 0.0, "n = " + n + ": range and copied array");
            assertEquals(ranged, s.withUnit(InfoUnit.BITS).squaredHellingerDistance(p, 3, q, 2, n), 0.0,
                    "n = " + n + ": the unit does not apply");
            assertEquals(Math.sqrt(ranged), s.hellingerDistance(p, 3, q, 2, n), 0.0, "n = " + n);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment ps = arena.allocate(8L * p.length, 8);
                MemorySegment qs = arena.allocate(8L * q.length, 8);
                MemorySegment.copy(p, 0, ps, ValueLayout.JAVA_DOUBLE, 0, p.length);
                MemorySegment.copy(q, 0, qs, ValueLayout.JAVA_DOUBLE, 0, q.length);
                double seg = s.squaredHellingerDistance(ps, 3, qs, 2, n, ValueLayout.JAVA_DOUBLE);
                assertTrue(Math.abs(seg - ranged) <= 2 * bound(ranged), "n = " + n + ": segment " + seg + " vs " + ranged);
                assertEquals(Math.sqrt(seg), s.hellingerDistance(ps, 3, qs, 2, n, ValueLayout.JAVA_DOUBLE), 0.0);
            }
            for (int threads : new int[] {2, 3}) {
                double par = s.withParallelism(threads).squaredHellingerDistance(p, 3, q, 2, n);
                assertTrue(Math.abs(par - ranged) <= 2 * bound(ranged), "n = " + n + ", " + threads + " threads");
                double det = s.withParallelism(threads).withDeterministicParallelism(true)
                        .squaredHellingerDistance(p, 3, q, 2, n);
                assertEquals(s.withDeterministicParallelism(true).squaredHellingerDistance(p, 3, q, 2, n), det, 0.0,
                        "n = " + n + ": deterministic mode gives the same bits for " + threads + " threads");
            }
            assertEquals(ranged, s.squaredHellingerDistance(q, 2, p, 3, n), 0.0, "n = " + n + ": symmetric to the bit");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void extremeSumsAreNormalisedExactly(Shannon backend) {
        Shannon s = backend.withNormalization(Normalization.NORMALIZE);
        double[] p = {1, 2, 3, 0, 4};
        double[] q = {4, 0, 3, 2, 1};
        double expected = s.squaredHellingerDistance(p, q);
        for (int k : new int[] {-1074 + 3, -1000, -950, 900, 1000, 1019}) {
            double[] ps = p.clone();
            double[] qs = q.clone();
            for (int i = 0; i < ps.length; i++) {
                ps[i] = Math.scalb(ps[i], k);
                qs[i] = Math.scalb(qs[i], k == 1019 ? -1070 : -k / 2);
            }
            double h2 = s.squaredHellingerDistance(ps, qs);
            assertTrue(Math.abs(h2 - expected) <= 2 * bound(expected), "scale 2^" + k + ": " + h2 + " vs " + expected);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void badInputIsNamed(Shannon s) {
        double[] p = {0.25, 0.25, 0.5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.squaredHellingerDistance(p, new double[] {0.5, -0.25, 0.75}));
        assertTrue(e.getMessage().contains("q[1] = -0.25"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.hellingerDistance(new double[] {0.5, Double.NaN, 0.5}, p));
        assertTrue(e.getMessage().contains("p[1] = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.squaredHellingerDistance(new float[] {0.5f, 0.5f, Float.POSITIVE_INFINITY}, new float[] {1, 0, 0}));
        assertTrue(e.getMessage().contains("p[2] = Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.squaredHellingerDistance(p, new double[] {0.5, 0.5}));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.squaredHellingerDistance(p, new double[] {0.5, 0.5, 0.5}));
        assertTrue(e.getMessage().startsWith("q sums to 1.5"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> s.squaredHellingerDistance(p, 1, p, 0, 3));
        assertThrows(NullPointerException.class, () -> s.squaredHellingerDistance((double[]) null, p));
        e = assertThrows(IllegalArgumentException.class, () -> s.withNormalization(Normalization.NORMALIZE)
                .squaredHellingerDistance(new double[] {0, 0, 0}, p));
        assertTrue(e.getMessage().contains("all zeros"), e.getMessage());
    }
}
