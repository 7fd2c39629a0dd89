package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;
import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Kernels;

/**
 * The O(1) bin lookup equals numpy's searchsorted (the binary search {@link Histogram#bin}) for any edges: values
 * planted on and next to every edge, ±0.0, subnormals, huge values, and edges from uniform to wildly uneven.
 */
class BinLocatorPropertyTest {

    private int kernelsUsed;

    /**
     * Edges that repeat (numpy's linspace over a range of a few ulps): the counts are numpy's searchsorted
     * differences, cum[i] = #(v < e_i) for i < last and #(v ≤ e_last), values planted on every edge and next to it.
     */
    @Test
    void repeatedEdgesCountAsNumpy() {
        SplittableRandom rnd = new SplittableRandom(33);
        double[] starts = {0.3, 1.0, -2.5, 0.0, Double.MIN_VALUE, 1e300};
        int repeating = 0;
        int decreasing = 0;
        for (double start : starts) {
            for (int ulps = 1; ulps <= 6; ulps++) {
                double stop = start;
                for (int u = 0; u < ulps; u++) {
                    stop = Math.nextUp(stop);
                }
                for (int bins = 1; bins <= 12; bins++) {
                    double[] edges;
                    try {
                        edges = BinEdges.spacedOverNumpy(start, stop, bins);
                    } catch (IllegalArgumentException e) {
                        // a rounded subnormal step past the last edge: numpy raises too
                        assertTrue(e.getMessage().contains("bins must increase monotonically"), e.getMessage());
                        decreasing++;
                        continue;
                    }
                    repeating += BinEdges.repeats(edges) ? 1 : 0;
                    double[] values = new double[200];
                    for (int i = 0; i < values.length; i++) {
                        double e = edges[rnd.nextInt(edges.length)];
                        int move = rnd.nextInt(5);
                        values[i] = move == 0 ? Math.nextDown(e) : move == 1 ? Math.nextUp(e)
                                : move == 2 ? Double.NaN : e;
                    }
                    long[] want = new long[bins];
                    for (int i = 0; i < bins; i++) {
                        want[i] = below(values, edges[i + 1], i + 1 == bins) - below(values, edges[i], false);
                    }
                    assertArrayEquals(want, Histogram.countNumpy(values, edges, NonFinite.DROP),
                            () -> Arrays.toString(edges));
                }
            }
        }
        assertTrue(repeating > 50 && decreasing > 0, "cases with repeated edges: " + repeating + ", decreasing: "
                + decreasing);
    }

    /** #(v < e), or #(v ≤ e) for the closed last edge. */
    private static long below(double[] values, double e, boolean closed) {
        long n = 0;
        for (double v : values) {
            n += v < e || closed && v == e ? 1 : 0;
        }
        return n;
    }

    @Test
    void equalsBinarySearchForAnyEdges() {
        SplittableRandom rnd = new SplittableRandom(15);
        int checked = 0;
        kernelsUsed = 0;
        for (double[] edges : edgeSets(rnd)) {
            BinLocator loc = new BinLocator(edges);
            double[] values = planted(edges, rnd);
            long[] want = new long[edges.length - 1];
            for (double v : values) {
                if (v >= edges[0] && v <= edges[edges.length - 1]) {
                    int b = Histogram.bin(edges, v);
                    assertEquals(b, loc.bin(v), () -> "v = " + v + " edges " + Arrays.toString(edges));
                    want[b]++;
                    checked++;
                }
            }
            assertArrayEquals(want, Histogram.count(values, edges, NonFinite.DROP));
            float[] f = new float[values.length];
            long[] wantF = new long[edges.length - 1];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
                double v = f[i];
                if (v >= edges[0] && v <= edges[edges.length - 1]) {
                    wantF[Histogram.bin(edges, v)]++;
                }
            }
            assertArrayEquals(wantF, Histogram.count(f, edges, NonFinite.DROP));
            // through each backend's equal-width kernel (the SIMD one bins when the edges are linspace's), values in
            // every lane; the kernel's own output equals the reference's lane for lane
            for (String backend : new String[] {"scalar", "simd"}) {
                Kernels kernels = Shannon.get(backend).context().kernels();
                BinLocator viaKernel = new BinLocator(edges, kernels);
                if (viaKernel.usesKernel()) {
                    kernelsUsed++;
                    int bins = edges.length - 1;
                    double first = edges[0];
                    double last = edges[bins];
                    double step = (last - first) / bins;
                    double scale = bins / (last - first);
                    int[] out = new int[values.length];
                    for (int shift = 0; shift < 9; shift++) {
                        int len = values.length - shift;
                        kernels.equalWidthBins(values, shift, len, edges, bins, out);
                        for (int i = 0; i < len; i++) {
                            double v = values[shift + i];
                            int bin = KernelMath.equalWidthBin(v, first, Math.nextUp(last), step, scale, bins);
                            assertEquals(bin, out[i], () -> "v = " + v + " edges " + Arrays.toString(edges));
                        }
                    }
                }
                for (int shift = 0; shift < 9; shift++) {
                    double[] shifted = Arrays.copyOfRange(values, shift, values.length);
                    long[] wantShifted = new long[edges.length - 1];
                    long outside = 0;
                    for (double v : shifted) {
                        if (v >= edges[0] && v <= edges[edges.length - 1]) {
                            wantShifted[Histogram.bin(edges, v)]++;
                        } else {
                            outside++;
                        }
                    }
                    long[] got = new long[edges.length - 1];
                    long[] left = viaKernel.countInto(shifted, 0, shifted.length, got, false);
                    assertArrayEquals(wantShifted, got, () -> backend + " kernel, edges " + Arrays.toString(edges));
                    assertEquals(outside, left[0] + left[1] + left[2]);
                }
                // floats, widened block by block (through the byte-code kernels when the backend has them)
                long[] gotF = new long[edges.length - 1];
                viaKernel.countInto(f, 0, f.length, gotF, false);
                assertArrayEquals(wantF, gotF, () -> backend + " kernel, floats, edges " + Arrays.toString(edges));
                // three copies: more than one block of the byte-code kernels
                double[] thrice = new double[3 * values.length];
                for (int c = 0; c < 3; c++) {
                    System.arraycopy(values, 0, thrice, c * values.length, values.length);
                }
                long[] got = new long[edges.length - 1];
                viaKernel.countInto(thrice, 0, thrice.length, got, false);
                assertArrayEquals(Arrays.stream(want).map(c -> 3 * c).toArray(), got,
                        () -> backend + " kernel, three copies, edges " + Arrays.toString(edges));
            }
            // the sorted-reference count (ExactProfile) agrees with the pass
            double[] finiteSorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
            assertArrayEquals(want, loc.countSorted(finiteSorted, finiteSorted.length));
        }
        System.out.println("BinLocator: " + checked + " values checked against the binary search");
        assertTrue(kernelsUsed >= 20, () -> "the SIMD kernel binned only " + kernelsUsed + " edge sets");
    }

    private static List<double[]> edgeSets(SplittableRandom rnd) {
        List<double[]> sets = new ArrayList<>();
        sets.add(new double[] {0, 1});
        sets.add(new double[] {-0.0, Double.MIN_VALUE});
        sets.add(new double[] {-Double.MAX_VALUE, 0, Double.MAX_VALUE}); // range overflows
        sets.add(new double[] {-Double.MAX_VALUE, -1e300, 1e-300, Double.MAX_VALUE});
        sets.add(new double[] {-Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MIN_NORMAL});
        for (int bins : new int[] {1, 2, 3, 7, 24, 100, 1000}) {
            sets.add(BinEdges.linspace(-3.7, 5.1, bins + 1));
            sets.add(BinEdges.linspace(1e6, 1e6 + bins * 0.5, bins + 1));
            sets.add(BinEdges.linspace(-1e300, 1e300, bins + 1));
            // logarithmic and random edges: the guess is far off
            double[] log = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                log[i] = Math.pow(10, -8 + 16.0 * i / bins);
            }
            sets.add(log);
            double[] r = new double[bins + 1];
            r[0] = rnd.nextDouble(-10, 10);
            for (int i = 1; i <= bins; i++) {
                r[i] = r[i - 1] + (rnd.nextBoolean() ? rnd.nextDouble() * 1e-6 : rnd.nextDouble() * 100) + 1e-9;
            }
            sets.add(r);
            // near-uniform: each edge nudged by a few ulps
            double[] nudged = BinEdges.linspace(0, 1, bins + 1);
            for (int i = 1; i < bins; i++) {
                nudged[i] = Math.scalb(nudged[i], 0) + (rnd.nextInt(7) - 3) * Math.ulp(nudged[i]);
            }
            sets.add(nudged);
        }
        return sets;
    }

    private static double[] planted(double[] edges, SplittableRandom rnd) {
        List<Double> v = new ArrayList<>();
        for (double e : edges) {
            v.add(e);
            v.add(Math.nextUp(e));
            v.add(Math.nextDown(e));
            v.add(Math.nextUp(Math.nextUp(e)));
            v.add(Math.nextDown(Math.nextDown(e)));
        }
        for (double s : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            v.add(s);
        }
        double lo = edges[0];
        double hi = edges[edges.length - 1];
        for (int i = 0; i < 2000; i++) {
            double t = rnd.nextDouble();
            double x = lo + t * (hi - lo);
            v.add(Double.isFinite(x) ? x : lo * (1 - t) + hi * t);
            int k = rnd.nextInt(edges.length);
            v.add(edges[k] + (rnd.nextInt(5) - 2) * Math.ulp(edges[k]));
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
