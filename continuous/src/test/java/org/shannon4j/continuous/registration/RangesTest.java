package org.shannon4j.continuous.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Context;
import org.shannon4j.spi.Parallelism;

/**
 * The measured range is Math.min/Math.max over the values (−0.0 below +0.0), bit for bit, on both backends, any
 * thread count and any executor (one that discards its tasks included), arrays and segments alike; a NaN or ±∞
 * is named by its first index.
 */
class RangesTest {

    private static final int N = (int) Parallelism.MIN_SPLIT * 3 + 7;
    private static final Executor DISCARDING = r -> { };

    private static Context[] contexts(String backend) {
        Context c = Shannon.get(backend).context();
        return new Context[] {c, c.withParallelism(Parallelism.of(2, null, false)),
            c.withParallelism(Parallelism.of(3, null, false)), c.withParallelism(Parallelism.of(2, DISCARDING, false))};
    }

    /** Values where min and max are ±0.0 in some cases, placed at the start, the end or a part boundary. */
    private static double[] values(int kind, SplittableRandom rnd) {
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            d[i] = switch (kind) {
                case 0 -> rnd.nextDouble(-1, 1);
                case 1 -> rnd.nextBoolean() ? 0.0 : -0.0;                 // min −0.0, max +0.0
                case 2 -> i == N / 3 ? -0.0 : rnd.nextDouble(0, 5);       // min −0.0 in one place
                case 3 -> i == N - 1 ? 0.0 : -rnd.nextDouble(0, 5) - 1e-300; // max +0.0 last
                case 4 -> -0.0;                                            // constant −0.0
                default -> rnd.nextInt(-3, 3) * Double.MIN_VALUE;          // subnormals around ±0
            };
        }
        return d;
    }

    private static void same(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": expected " + expected + " but was " + actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void theRangeIsMathMinAndMaxOnEveryPath(String backend) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int kind = 0; kind < 6; kind++) {
            double[] d = values(kind, rnd);
            float[] f = new float[N];
            double fMin = Double.POSITIVE_INFINITY;
            double fMax = Double.NEGATIVE_INFINITY;
            double dMin = Double.POSITIVE_INFINITY;
            double dMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < N; i++) {
                f[i] = (float) d[i];
                fMin = Math.min(fMin, f[i]);
                fMax = Math.max(fMax, f[i]);
                dMin = Math.min(dMin, d[i]);
                dMax = Math.max(dMax, d[i]);
            }
            for (Context c : contexts(backend)) {
                String what = backend + " kind " + kind + " " + c.parallelism();
                double[] r = Ranges.minMax(c, f, "a");
                same(fMin, r[0], what + " float min");
                same(fMax, r[1], what + " float max");
                r = Ranges.minMax(c, d, "a");
                same(dMin, r[0], what + " double min");
                same(dMax, r[1], what + " double max");
                for (boolean shared : new boolean[] {false, true}) {
                    try (Arena arena = shared ? Arena.ofShared() : Arena.ofConfined()) {
                        MemorySegment sf = arena.allocateFrom(ValueLayout.JAVA_FLOAT, f);
                        MemorySegment sd = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, d);
                        r = Ranges.minMax(c, sf, ValueLayout.JAVA_FLOAT, N, shared, "a");
                        same(fMin, r[0], what + " float segment min");
                        same(fMax, r[1], what + " float segment max");
                        r = Ranges.minMax(c, sd, ValueLayout.JAVA_DOUBLE, N, shared, "a");
                        same(dMin, r[0], what + " double segment min");
                        same(dMax, r[1], what + " double segment max");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void theFirstNonFiniteValueIsNamed(String backend) {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.longBitsToDouble(0xFFF8000000000001L)}; // a NaN with the sign bit set
        for (double x : bad) {
            for (Context c : contexts(backend)) {
                double[] d = new double[N];
                float[] f = new float[N];
                int first = N / 2 + 3;  // in the second of two parts, the third of three
                d[first] = x;
                d[N - 2] = x;
                f[first] = (float) x;
                f[N - 2] = (float) x;
                String dText = "a[" + first + "] = " + x + ": values must be finite";
                String fText = "a[" + first + "] = " + (double) (float) x + ": values must be finite";
                assertEquals(fText, assertThrows(IllegalArgumentException.class,
                        () -> Ranges.minMax(c, f, "a")).getMessage());
                assertEquals(dText, assertThrows(IllegalArgumentException.class,
                        () -> Ranges.minMax(c, d, "a")).getMessage());
                try (Arena arena = Arena.ofShared()) {
                    MemorySegment sf = arena.allocateFrom(ValueLayout.JAVA_FLOAT, f);
                    MemorySegment sd = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, d);
                    assertEquals(fText, assertThrows(IllegalArgumentException.class,
                            () -> Ranges.minMax(c, sf, ValueLayout.JAVA_FLOAT, N, true, "a")).getMessage());
                    assertEquals(dText, assertThrows(IllegalArgumentException.class,
                            () -> Ranges.minMax(c, sd, ValueLayout.JAVA_DOUBLE, N, true, "a")).getMessage());
                }
            }
        }
    }
}
