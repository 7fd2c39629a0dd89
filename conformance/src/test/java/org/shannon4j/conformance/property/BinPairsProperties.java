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
import org.shannon4j.spi.Kernels;

/**
 * binPairs of every backend against the scalar reference, on inputs where an arithmetic bin is off by one: values on
 * the edges and one ulp either side (as float and as double), ±0.0, subnormal and near-overflow ranges, a range far
 * from 0, integer intensities on integer edges, and one planted value (NaN, ±∞, just outside the range) where the
 * kernel must stop. Lengths reach past the SIMD kernel's direct prefix into its interleaved sub-tables; a quarter of
 * the cases move one edge by an ulp (no longer numpy's linspace: the kernel must notice), and half repeat pairs in
 * runs (flat regions: the SIMD float path adds a vector of one cell at once).
 */
class BinPairsProperties {

    /** One case: what to generate from the seed. */
    record BinCase(long seed, int bins, int length, int kind, boolean plant, boolean nudge, int offset, boolean runs) {
    }

    @Provide
    Arbitrary<BinCase> cases() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.of(2, 3, 7, 16, 33),
                Arbitraries.integers().between(1, 40_000), Arbitraries.integers().between(0, 4),
                Arbitraries.of(false, true), Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 5),
                Arbitraries.of(false, true))
                .as((s, b, n, k, p, nudge, o, runs) -> new BinCase(s, b, n, k, p, nudge == 0, o, runs));
    }

    @Property(tries = 60)
    void floatPairsAgreeWithScalar(@ForAll("cases") BinCase c) {
        agree(c, true);
    }

    @Property(tries = 60)
    void doublePairsAgreeWithScalar(@ForAll("cases") BinCase c) {
        agree(c, false);
    }

    /** 256 × 256 bins over 1.2 million pairs (the SIMD kernel's sub-tables start after 16·65536). */
    @Test
    void theRegistrationTableOnALongInput() {
        for (int kind = 0; kind < 5; kind++) {
            agree(new BinCase(17 + kind, 256, 1_200_000, kind, kind % 2 == 1, false, 1, false), kind % 2 == 0);
        }
    }

    /** Flat regions (runs of one pair, as an image background at its minimum) on the 256-bin table. */
    @Test
    void flatRegionsOnALongInput() {
        for (int kind = 0; kind < 5; kind++) {
            agree(new BinCase(41 + kind, 256, 300_000, kind, kind == 2, false, 3, true), kind != 1);
        }
    }

    private static void agree(BinCase c, boolean single) {
        SplittableRandom rnd = new SplittableRandom(c.seed());
        double[][] range = {range(c.kind(), single), range((c.kind() + 1) % 5, single)};
        double[][] edges = {edges(range[0], c.bins()), edges(range[1], c.bins())};
        if (c.nudge()) {
            int k = 1 + rnd.nextInt(c.bins() - 1);
            edges[0][k] = Math.nextUp(edges[0][k]);
        }
        double[][] values = new double[2][c.offset() + c.length()];
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < c.length(); i++) {
                values[s][c.offset() + i] = value(rnd, range[s], edges[s], c.kind() == 0, single);
            }
        }
        if (c.runs()) {
            // runs of 1..80 equal pairs: whole vectors of one cell, and runs across vector boundaries
            for (int i = c.offset() + 1; i < values[0].length; ) {
                int run = 1 + rnd.nextInt(80);
                for (int j = i; j < Math.min(i + run, values[0].length); j++) {
                    values[0][j] = values[0][i - 1];
                    values[1][j] = values[1][i - 1];
                }
                i += run + 1 + rnd.nextInt(20);
            }
        }
        String planted = "";
        if (c.plant()) {
            int s = rnd.nextInt(2);
            int at = c.offset() + rnd.nextInt(c.length());
            double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Math.nextUp(single ? (float) range[s][1] : range[s][1]),
                Math.nextDown(single ? (float) range[s][0] : range[s][0])};
            values[s][at] = bad[rnd.nextInt(bad.length)];
            planted = " with " + (s == 0 ? "a" : "b") + "[" + at + "] = " + values[s][at];
        }
        Kernels ref = Backends.REFERENCE.context().kernels();
        int[] expected = new int[c.bins() * c.bins()];
        int stop = call(ref, values, edges, c, single, expected);
        for (Shannon other : Backends.OTHERS) {
            int[] table = new int[expected.length];
            int got = call(other.context().kernels(), values, edges, c, single, table);
            String what = other.backendName() + " " + c + planted;
            assertEquals(stop, got, what);
            assertArrayEquals(expected, table, what);
        }
    }

    private static int call(Kernels k, double[][] v, double[][] e, BinCase c, boolean single, int[] table) {
        if (single) {
            float[] a = new float[v[0].length];
            float[] b = new float[v[1].length];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) v[0][i];
                b[i] = (float) v[1][i];
            }
            return k.binPairs(a, c.offset(), b, c.offset(), c.length(), e[0], e[1], c.bins(), table);
        }
        return k.binPairs(v[0], c.offset(), v[1], c.offset(), c.length(), e[0], e[1], c.bins(), table);
    }

    /** The range of kind k: intensities, around 0, subnormal, near overflow, far from 0. */
    private static double[] range(int kind, boolean single) {
        return switch (kind) {
            case 0 -> new double[] {0, 255};
            case 1 -> new double[] {-1, 1};
            case 2 -> single ? new double[] {-1000 * (double) Float.MIN_VALUE, 1000 * (double) Float.MIN_VALUE}
                    : new double[] {-1000 * Double.MIN_VALUE, 1000 * Double.MIN_VALUE};
            case 3 -> single ? new double[] {-3e38, 3e38} : new double[] {-8e307, 8e307};
            default -> new double[] {1e6, 1e6 + 1000};
        };
    }

    private static double[] edges(double[] range, int bins) {
        double step = (range[1] - range[0]) / bins;
        double[] e = new double[bins + 1];
        for (int k = 0; k < bins; k++) {
            e[k] = k * step + range[0];
        }
        e[bins] = range[1];
        return e;
    }

    /** Inside the range: uniform, integers, an edge or its neighbour of the value type, ±0.0. */
    private static double value(SplittableRandom rnd, double[] range, double[] e, boolean integers, boolean single) {
        double x;
        switch (rnd.nextInt(6)) {
            case 0, 1 -> x = integers ? rnd.nextInt(256) : range[0] + rnd.nextDouble() * (range[1] - range[0]);
            case 2 -> x = e[rnd.nextInt(e.length)];
            case 3 -> x = single ? Math.nextUp((float) e[rnd.nextInt(e.length)]) : Math.nextUp(e[rnd.nextInt(e.length)]);
            case 4 -> x = single ? Math.nextDown((float) e[rnd.nextInt(e.length)])
                    : Math.nextDown(e[rnd.nextInt(e.length)]);
            default -> x = rnd.nextBoolean() ? 0.0 : -0.0;
        }
        if (single) {
            x = (float) x;
        }
        // keep inside (the planted value is the only one outside)
        if (x < range[0] || x > range[1]) {
            x = rnd.nextBoolean() ? e[0] : e[e.length - 1];
            if (single && (float) x != x) {
                x = e[e.length / 2];
            }
        }
        return single ? (float) x : x;
    }
}
