package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Estimator;
import org.shannon4j.NmiAverage;
import org.shannon4j.Shannon;
import org.shannon4j.counts.LabelCounts;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.counts.TripleCounts;

/**
 * The public count tables on every backend: each MI-family measure of a table counted by the backend — whole,
 * combined from random parts, or read back from bytes — has exactly the bits of the label-array method on the
 * same samples, on the dense, dense-code and sparse counting paths and with several threads. Integer counts are
 * exact, so a backend that counts or sums differently for a table than for labels fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CountsConformanceSuite {

    /** The backends to certify: every supported one by default. */
    protected Stream<Shannon> backends() {
        return ConformanceBackends.supported();
    }

    Stream<Shannon> all() {
        return backends();
    }

    private static void sameBits(Shannon s, int[] x, int[] y, int[] z, PairCounts p, LabelCounts l,
                                 TripleCounts t, String where) {
        assertEquals(s.mutualInformation(x, y), s.mutualInformation(p), where);
        for (Estimator e : Estimator.values()) {
            assertEquals(s.mutualInformation(x, y, e), s.mutualInformation(p, e), where + ", " + e);
            assertEquals(s.labelEntropy(x, e), s.entropy(l, e), where + ", " + e);
        }
        assertEquals(s.jointEntropy(x, y), s.jointEntropy(p), where);
        assertEquals(s.conditionalEntropy(x, y), s.conditionalEntropy(p), where);
        assertEquals(s.variationOfInformation(x, y), s.variationOfInformation(p), where);
        for (NmiAverage a : NmiAverage.values()) {
            assertEquals(s.normalizedMutualInformation(x, y, a), s.normalizedMutualInformation(p, a), where + ", " + a);
        }
        assertEquals(s.adjustedMutualInformation(x, y, NmiAverage.ARITHMETIC),
                s.adjustedMutualInformation(p, NmiAverage.ARITHMETIC), where);
        assertEquals(s.independenceTest(x, y), s.independenceTest(p), where);
        assertEquals(s.conditionalMutualInformation(x, y, z), s.conditionalMutualInformation(t), where);
    }

    private static int[] labels(int n, int lo, int span, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = span == 0 ? r.nextInt() : lo + r.nextInt(span);
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void tablesGiveTheBitsOfTheLabelMethodsOnEveryPath(Shannon s) {
        SplittableRandom r = new SplittableRandom(5);
        int[] spans = {1, 2, 10, 300, 5000, 1 << 20, 0};
        for (int n = 1; n <= 3 * 64 + 3; n += (n < 40 ? 1 : 17)) {
            for (int span : spans) {
                int[] x = labels(n, -7, span, r);
                int[] y = labels(n, -7, span, r);
                for (int i = 0; i < n; i += 3) {
                    y[i] = x[i];
                }
                int[] z = labels(n, 3, Math.max(1, Math.min(span, 6)), r);
                sameBits(s, x, y, z, s.countPairs(x, y), s.countLabels(x), s.countTriples(x, y, z),
                        "n = " + n + ", span = " + span);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void combinedPartsAndBytesGiveTheBitsOfTheWhole(Shannon s) {
        SplittableRandom r = new SplittableRandom(9);
        for (int span : new int[] {4, 1000, 1 << 22, 0}) {
            int n = 20_000 + r.nextInt(1000);
            int[] x = labels(n, -50, span, r);
            int[] y = labels(n, 100, span == 0 ? 0 : Math.max(2, span / 3), r);
            for (int i = 0; i < n; i += 2) {
                y[i] = x[i] / 2;
            }
            int[] z = labels(n, 0, 5, r);
            List<PairCounts> pairs = new ArrayList<>();
            List<LabelCounts> singles = new ArrayList<>();
            List<TripleCounts> triples = new ArrayList<>();
            for (int from = 0; from < n; ) {
                int len = Math.min(n - from, 1 + r.nextInt(n / 3));
                PairCounts p = s.countPairs(x, from, y, from, len);
                pairs.add(PairCounts.fromBytes(p.toBytes())); // as a Spark partition would ship it
                singles.add(s.countLabels(x, from, len));
                triples.add(TripleCounts.fromBytes(s.countTriples(x, from, y, from, z, from, len).toBytes()));
                from += len;
            }
            PairCounts p = new PairCounts();
            LabelCounts l = new LabelCounts();
            TripleCounts t = new TripleCounts();
            for (int i = pairs.size() - 1; i >= 0; i--) { // reverse order: combine does not care
                p.combine(pairs.get(i));
                l.combine(singles.get(i));
                t.combine(triples.get(i));
            }
            assertEquals(s.countPairs(x, y), p, "span " + span);
            assertEquals(s.withParallelism(2).countPairs(x, y), p, "span " + span);
            sameBits(s, x, y, z, p, l, t, "span " + span);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void longInputsCountedOverThreadsGiveTheSameTable(Shannon s) {
        SplittableRandom r = new SplittableRandom(13);
        int n = (1 << 21) + 11;
        int[] x = labels(n, 0, 300, r);
        int[] y = labels(n, 0, 300, r);
        PairCounts sequential = s.countPairs(x, y);
        assertEquals(sequential, s.withParallelism(2).countPairs(x, y));
        assertEquals(s.mutualInformation(x, y), s.mutualInformation(sequential));
        assertEquals(s.withParallelism(2).mutualInformation(x, y), s.mutualInformation(sequential));
    }
}
