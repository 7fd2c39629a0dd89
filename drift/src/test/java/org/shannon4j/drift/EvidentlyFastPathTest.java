package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Parallelism;

/**
 * The fast Evidently paths (scans instead of sorts and copies, Hellinger's distinct count by a bound) and the
 * exact profiles give, bit for bit, the numbers of the literal implementation they replaced (kept below), on the
 * golden cases and on data built to hit every branch: ties, ≤ 20 distinct values with and without other current
 * values, ±0.0, a constant column, NaN and ±∞, distinct counts at and around powers of two.
 */
class EvidentlyFastPathTest {

    private static final Drift DRIFT = Drift.of(Shannon.get().context());

    @Test
    void goldenCasesAndProfilesAreBitIdentical() throws IOException {
        List<double[][]> cases = goldenPairs();
        cases.addAll(builtPairs());
        for (double[][] c : cases) {
            assertSame(c[0], c[1]);
        }
        assertTrue(cases.size() > 30, "cases: " + cases.size());
    }

    @Test
    void hellingerAtPowersOfTwoOfDistinctValues() {
        // distinct counts 2^k − 1, 2^k, 2^k + 1: the bound cannot settle some of them, the sort must
        for (int k = 4; k <= 12; k++) {
            for (int d : new int[] {(1 << k) - 1, 1 << k, (1 << k) + 1}) {
                double[] ref = new double[d];
                for (int i = 0; i < d; i++) {
                    ref[i] = i * 0.37 - 3;
                }
                double[] cur = Arrays.copyOf(ref, d / 2); // no new values: the union has d
                assertSame(ref, cur);
            }
        }
    }

    private static void assertSame(double[] ref, double[] cur) {
        double[] r = EvidentlyRules.finite("reference", ref);
        double[] c = EvidentlyRules.finite("current", cur);
        double[][] want = Literal.binnedShares(r, c);
        double[][] got = EvidentlyRules.binnedShares(r, c);
        assertTrue(Arrays.equals(want[0], got[0]) && Arrays.equals(want[1], got[1]),
                () -> "shares differ for " + Arrays.toString(ref).substring(0, 60));
        EvidentlyBinning.Reference side = EvidentlyBinning.column(r, ColumnScan.of(r));
        assertEquals(Literal.hellinger(r, c), EvidentlyBinning.hellinger(side, c, ColumnScan.of(c), null,
                Parallelism.SEQUENTIAL), 0.0);
        assertEquals(Literal.wasserstein(r, c), Drift.wasserstein(r, c), 0.0);
        ExactProfile profile = ExactProfile.of(ref);
        // every numeric method of the preset, the whole result (value, decision, p-value) bit for bit
        for (DriftMethod m : DriftMethod.values()) {
            if (m.numericIn(DriftPreset.EVIDENTLY)) {
                // or the same error (KS above 10,000 values, where scipy is asymptotic)
                assertEquals(outcome(() -> DRIFT.numeric(DriftPreset.EVIDENTLY, m, ref, cur, 0.1)),
                        outcome(() -> profile.evidently(DRIFT, m, cur, 0.1)), m.toString());
            }
        }
    }

    private static Object outcome(java.util.function.Supplier<DriftResult> r) {
        try {
            return r.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static List<double[][]> builtPairs() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<double[][]> out = new ArrayList<>();
        for (int n : new int[] {1, 2, 5, 50, 3000}) {
            double[] g = new double[n];
            double[] h = new double[n + 7];
            for (int i = 0; i < n; i++) {
                g[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < h.length; i++) {
                h[i] = rnd.nextGaussian() * 1.3 + 0.2;
            }
            out.add(new double[][] {g, h});
            double[] few = new double[n];
            double[] fewCur = new double[n + 3];
            double[] otherCur = new double[n + 3];
            for (int i = 0; i < n; i++) {
                few[i] = rnd.nextInt(5) - 2.0; // includes 0.0
            }
            for (int i = 0; i < fewCur.length; i++) {
                fewCur[i] = i % 3 == 0 ? -0.0 : rnd.nextInt(5) - 2.0;
                otherCur[i] = rnd.nextInt(200) / 7.0;
            }
            out.add(new double[][] {few, fewCur});
            out.add(new double[][] {few, otherCur});
            out.add(new double[][] {otherCur, few});
            double[] constant = new double[n];
            Arrays.fill(constant, 4.25);
            out.add(new double[][] {constant, g});
            out.add(new double[][] {constant, constant.clone()});
            double[] withBad = Arrays.copyOf(g, n + 3);
            withBad[n] = Double.NaN;
            withBad[n + 1] = Double.POSITIVE_INFINITY;
            withBad[n + 2] = Double.NEGATIVE_INFINITY;
            out.add(new double[][] {withBad, h});
            out.add(new double[][] {h, withBad});
            double[] zeros = new double[n + 1];
            for (int i = 0; i < zeros.length; i++) {
                zeros[i] = i % 2 == 0 ? -0.0 : 0.0;
            }
            out.add(new double[][] {zeros, g});
            // 21 distinct values: just over the limit
            double[] d21 = new double[Math.max(n, 21)];
            for (int i = 0; i < d21.length; i++) {
                d21[i] = i % 21;
            }
            out.add(new double[][] {d21, few.length > 0 ? few : g});
        }
        return out;
    }

    /** The (reference, current) pairs of the golden file. */
    static List<double[][]> goldenPairs() throws IOException {
        List<double[][]> out = new ArrayList<>();
        double[] ref = null;
        try (InputStream in = EvidentlyFastPathTest.class.getResourceAsStream("evidently.tsv.gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("R")) {
                    ref = parse(f[1]);
                } else if (f[0].equals("U")) {
                    out.add(new double[][] {ref, parse(f[1])});
                }
            }
        }
        return out;
    }

    private static double[] parse(String s) {
        return Arrays.stream(s.split(",")).mapToDouble(p -> switch (p) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(p);
        }).toArray();
    }

    /** The implementation before the fast paths (commit 2ec0466), literally: sorts, copies, concatenation. */
    private static final class Literal {

        static double[][] binnedShares(double[] ref, double[] cur) {
            double[] sortedRef = ref.clone();
            Arrays.sort(sortedRef);
            long[] rc;
            long[] cc;
            int distinct = 1;
            for (int i = 1; i < sortedRef.length; i++) {
                distinct += sortedRef[i] != sortedRef[i - 1] ? 1 : 0;
            }
            if (distinct > EvidentlyRules.MAX_DISTINCT_FOR_VALUE_BINS) {
                double[] both = Arrays.copyOf(ref, ref.length + cur.length);
                System.arraycopy(cur, 0, both, ref.length, cur.length);
                double[] edges = BinEdges.ofNumpy(both, BinRule.STURGES);
                rc = binarySearchCount(ref, edges);
                cc = binarySearchCount(cur, edges);
            } else {
                double[] sortedCur = cur.clone();
                Arrays.sort(sortedCur);
                double[] keys = EvidentlyRules.distinctUnion(sortedRef, sortedCur);
                rc = EvidentlyBinning.countPerValue(sortedRef, keys);
                cc = EvidentlyBinning.countPerValue(sortedCur, keys);
            }
            return new double[][] {Drift.shares(rc, ref.length), Drift.shares(cc, cur.length)};
        }

        static double hellinger(double[] ref, double[] cur) {
            double[] sortedRef = ref.clone();
            Arrays.sort(sortedRef);
            double[] sortedCur = cur.clone();
            Arrays.sort(sortedCur);
            double[] keys = EvidentlyRules.distinctUnion(sortedRef, sortedCur);
            double[] edges = BinEdges.ofNumpy(keys, BinRule.STURGES);
            long[] rc = binarySearchCount(ref, edges);
            long[] cc = binarySearchCount(cur, edges);
            int bins = rc.length;
            double width = (edges[bins] - edges[0]) / bins;
            double bc = 0.0;
            for (int i = 0; i < bins; i++) {
                double db = edges[i + 1] - edges[i];
                double d1 = rc[i] / db / ref.length;
                double d2 = cc[i] / db / cur.length;
                bc += Math.sqrt(d1 * d2) * width;
            }
            bc = Math.min(1.0, Math.max(0.0, bc));
            return Math.sqrt(1 - bc);
        }

        /** np.histogram's counts, literally: the differences of #(v < e_i) (#(v ≤ e_last) at the end). */
        static long[] binarySearchCount(double[] values, double[] edges) {
            int bins = edges.length - 1;
            long[] below = new long[bins + 1];
            for (double v : values) {
                for (int i = 0; i <= bins; i++) {
                    below[i] += v < edges[i] || i == bins && v == edges[i] ? 1 : 0;
                }
            }
            long[] counts = new long[bins];
            for (int i = 0; i < bins; i++) {
                counts[i] = below[i + 1] - below[i];
            }
            return counts;
        }

        static double wasserstein(double[] a, double[] b) {
            double[] u = a.clone();
            Arrays.sort(u);
            double[] v = b.clone();
            Arrays.sort(v);
            int nu = u.length;
            int nv = v.length;
            int i = 0;
            int j = 0;
            double sum = 0;
            double c = 0;
            double z = Math.min(u[0], v[0]);
            while (true) {
                while (i < nu && u[i] <= z) {
                    i++;
                }
                while (j < nv && v[j] <= z) {
                    j++;
                }
                if (i == nu && j == nv) {
                    break;
                }
                double next = i == nu ? v[j] : j == nv ? u[i] : Math.min(u[i], v[j]);
                double term = Math.abs((double) i / nu - (double) j / nv) * (next - z);
                double t = sum + term;
                c += sum >= term ? (sum - t) + term : (term - t) + sum;
                sum = t;
                z = next;
            }
            return sum + c;
        }
    }
}
