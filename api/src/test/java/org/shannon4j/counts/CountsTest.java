package org.shannon4j.counts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shannon4j.Shannon;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.Estimator;
import org.shannon4j.dependence.NmiAverage;

/**
 * The public count tables: counting against a sorted-map reference on the dense, dense-code and sparse paths;
 * combine of random parts in random orders and trees equals the whole, bit for bit in every measure; byte
 * round-trips and every kind of corrupt input; overflow.
 */
class CountsTest {

    /** Label spans: one value, dense, wide enough for dense codes, the whole int range (sparse pairs). */
    private static final int[] SPANS = {1, 3, 50, 70_000, 1 << 24, 0};

    private final Shannon s = Shannon.get();
    private final Dependence dep = s.dependence();

    private static int[] labels(int n, int span, SplittableRandom r) {
        int[] a = new int[n];
        int lo = r.nextInt(-1000, 1000);
        for (int i = 0; i < n; i++) {
            a[i] = span == 0 ? r.nextInt() : lo + r.nextInt(span);
        }
        return a;
    }

    private static int[] correlated(int[] x, int span, SplittableRandom r) {
        int[] y = labels(x.length, span, r);
        for (int i = 0; i < y.length; i++) {
            if (r.nextInt(3) == 0) {
                y[i] = x[i];
            }
        }
        return y;
    }

    // ------------------------------------------------------------------------------------------ counting

    @Test
    void countingMatchesASortedMapOnEveryPath() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : new int[] {1, 2, 7, 100, 5000}) {
            for (int span : SPANS) {
                int[] x = labels(n, span, r);
                int[] y = correlated(x, span, r);
                int[] z = labels(n, Math.min(span == 0 ? 5 : span, 5), r);
                TreeMap<List<Integer>, Long> pairs = new TreeMap<>(CountsTest::lexicographic);
                TreeMap<List<Integer>, Long> triples = new TreeMap<>(CountsTest::lexicographic);
                TreeMap<Integer, Long> xs = new TreeMap<>();
                for (int i = 0; i < n; i++) {
                    pairs.merge(List.of(x[i], y[i]), 1L, Long::sum);
                    triples.merge(List.of(x[i], y[i], z[i]), 1L, Long::sum);
                    xs.merge(x[i], 1L, Long::sum);
                }
                PairCounts p = PairCounts.of(x, y);
                assertEquals(n, p.total());
                assertArrayEquals(pairs.keySet().stream().mapToInt(k -> k.get(0)).toArray(), p.cellX());
                assertArrayEquals(pairs.keySet().stream().mapToInt(k -> k.get(1)).toArray(), p.cellY());
                assertArrayEquals(pairs.values().stream().mapToLong(Long::longValue).toArray(), p.cellCounts());
                LabelCounts l = LabelCounts.of(x);
                assertArrayEquals(xs.keySet().stream().mapToInt(Integer::intValue).toArray(), l.labels());
                assertArrayEquals(xs.values().stream().mapToLong(Long::longValue).toArray(), l.counts());
                assertEquals(l, p.x());
                TripleCounts t = TripleCounts.of(x, y, z);
                assertArrayEquals(triples.keySet().stream().mapToInt(k -> k.get(2)).toArray(), t.cellZ());
                assertArrayEquals(triples.values().stream().mapToLong(Long::longValue).toArray(), t.cellCounts());
                assertEquals(p, t.xy());
                int probe = r.nextInt(n);
                assertEquals(pairs.get(List.of(x[probe], y[probe])), p.count(x[probe], y[probe]));
                assertEquals(triples.get(List.of(x[probe], y[probe], z[probe])), t.count(x[probe], y[probe], z[probe]));
                assertEquals(xs.get(x[probe]), l.count(x[probe]));
            }
        }
    }

    private static int lexicographic(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Test
    void offsetFormsCountTheRange() {
        int[] x = {9, 1, 2, 1, 9};
        int[] y = {9, 5, 5, 6, 9};
        assertEquals(PairCounts.of(new int[] {1, 2, 1}, new int[] {5, 5, 6}), PairCounts.of(x, 1, y, 1, 3));
        assertEquals(LabelCounts.of(new int[] {1, 2}), LabelCounts.of(x, 1, 2));
        assertEquals(new PairCounts(), PairCounts.of(new int[0], new int[0]));
        assertEquals(0, LabelCounts.of(x, 2, 0).total());
        assertThrows(IndexOutOfBoundsException.class, () -> PairCounts.of(x, 3, y, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> PairCounts.of(x, new int[4]));
    }

    @Test
    void ofCellsSortsAddsRepeatsAndDropsZeros() {
        PairCounts p = PairCounts.ofCells(new int[] {3, -1, 3, 0, 3}, new int[] {1, 7, 1, 0, 0},
                new long[] {2, 1, 5, 0, 1});
        assertArrayEquals(new int[] {-1, 3, 3}, p.cellX());
        assertArrayEquals(new int[] {7, 0, 1}, p.cellY());
        assertArrayEquals(new long[] {1, 1, 7}, p.cellCounts());
        assertEquals(9, p.total());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelCounts.ofCounts(new int[] {1, 2}, new long[] {1, -4}));
        assertTrue(e.getMessage().contains("counts[1] = -4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelCounts.ofCounts(new int[] {1}, new long[2]));
        assertThrows(IllegalArgumentException.class,
                () -> LabelCounts.ofCounts(new int[] {1, 2}, new long[] {Long.MAX_VALUE, 1}));
        assertEquals(PairCounts.ofCells(new int[] {3}, new int[] {1}, new long[] {4}),
                PairCounts.ofCells(new int[] {-1, 3}, new int[] {7, 1}, new long[] {1, 4}).transpose().transpose()
                        .combine(new PairCounts()).equals(p) ? p : PairCounts.ofCells(new int[] {3}, new int[] {1},
                        new long[] {4}));
    }

    // ------------------------------------------------------------------------------------------ combine

    /** Splits [0, n) at random cut points. */
    private static int[] cuts(int n, SplittableRandom r) {
        int parts = 1 + r.nextInt(Math.min(n, 8));
        int[] c = new int[parts + 1];
        for (int i = 1; i < parts; i++) {
            c[i] = r.nextInt(n + 1);
        }
        c[parts] = n;
        Arrays.sort(c);
        return c;
    }

    /** Combines the parts in a random order, as a chain or a random tree. */
    private static <T> T reduce(List<T> parts, SplittableRandom r, BinaryOperator<T> combine) {
        List<T> pool = new ArrayList<>(parts);
        while (pool.size() > 1) {
            T a = pool.remove(r.nextInt(pool.size()));
            T b = pool.remove(r.nextInt(pool.size()));
            pool.add(combine.apply(a, b));
        }
        return pool.get(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 50, 70_000, 1 << 24, 0})
    void combineOfPartsEqualsTheWholeBitForBit(int span) {
        SplittableRandom r = new SplittableRandom(span);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(3000);
            int[] x = labels(n, span, r);
            int[] y = correlated(x, span, r);
            int[] z = labels(n, 4, r);
            int[] c = cuts(n, r);
            List<PairCounts> pairs = new ArrayList<>();
            List<LabelCounts> singles = new ArrayList<>();
            List<TripleCounts> triples = new ArrayList<>();
            for (int p = 0; p + 1 < c.length; p++) {
                int from = c[p];
                int len = c[p + 1] - from;
                switch (r.nextInt(3)) {
                    case 0 -> {
                        pairs.add(PairCounts.of(x, from, y, from, len));
                        singles.add(LabelCounts.of(x, from, len));
                        triples.add(TripleCounts.of(x, from, y, from, z, from, len));
                    }
                    case 1 -> { // streaming, one observation at a time
                        PairCounts pc = new PairCounts();
                        LabelCounts lc = new LabelCounts();
                        TripleCounts tc = new TripleCounts();
                        for (int i = from; i < from + len; i++) {
                            pc.add(x[i], y[i]);
                            lc.add(x[i]);
                            tc.add(x[i], y[i], z[i]);
                        }
                        pairs.add(pc);
                        singles.add(lc);
                        triples.add(tc);
                    }
                    default -> { // addAll into a table that already holds some single adds
                        int half = len / 2;
                        PairCounts pc = new PairCounts();
                        LabelCounts lc = new LabelCounts();
                        TripleCounts tc = new TripleCounts();
                        for (int i = from; i < from + half; i++) {
                            pc.add(x[i], y[i], 1);
                            lc.add(x[i], 1);
                            tc.add(x[i], y[i], z[i], 1);
                        }
                        pc.addAll(x, from + half, y, from + half, len - half);
                        lc.addAll(x, from + half, len - half);
                        tc.addAll(x, from + half, y, from + half, z, from + half, len - half);
                        pairs.add(pc);
                        singles.add(lc);
                        triples.add(tc);
                    }
                }
            }
            PairCounts pair = reduce(pairs, r, PairCounts::combine);
            LabelCounts single = reduce(singles, r, LabelCounts::combine);
            TripleCounts triple = reduce(triples, r, TripleCounts::combine);
            PairCounts wholePair = PairCounts.of(x, y);
            assertEquals(wholePair, pair);
            assertEquals(wholePair.hashCode(), pair.hashCode());
            assertArrayEquals(wholePair.toBytes(), pair.toBytes());
            assertEquals(LabelCounts.of(x), single);
            assertEquals(TripleCounts.of(x, y, z), triple);
            sameBits(x, y, z, pair, single, triple);
        }
    }

    /** Every measure of the tables has the bits of the label-array method. */
    private void sameBits(int[] x, int[] y, int[] z, PairCounts pair, LabelCounts single, TripleCounts triple) {
        assertEquals(dep.mutualInformation(x, y), dep.mutualInformation(pair));
        for (Estimator e : Estimator.values()) {
            assertEquals(dep.mutualInformation(x, y, e), dep.mutualInformation(pair, e), e.name());
            assertEquals(dep.labelEntropy(x, e), dep.entropy(single, e), e.name());
        }
        assertEquals(dep.labelEntropy(x), dep.entropy(single));
        assertEquals(dep.jointEntropy(x, y), dep.jointEntropy(pair));
        assertEquals(dep.conditionalEntropy(x, y), dep.conditionalEntropy(pair));
        assertEquals(dep.conditionalEntropy(y, x), dep.conditionalEntropy(pair.transpose()));
        assertEquals(dep.variationOfInformation(x, y), dep.variationOfInformation(pair));
        for (NmiAverage a : NmiAverage.values()) {
            assertEquals(dep.normalizedMutualInformation(x, y, a), dep.normalizedMutualInformation(pair, a));
        }
        assertEquals(dep.adjustedMutualInformation(x, y, NmiAverage.ARITHMETIC),
                dep.adjustedMutualInformation(pair, NmiAverage.ARITHMETIC));
        assertEquals(dep.independenceTest(x, y), dep.independenceTest(pair));
        assertEquals(dep.conditionalMutualInformation(x, y, z), dep.conditionalMutualInformation(triple));
    }

    @Test
    void expectedMutualInformationOfATableMatchesTheContingencyForm() {
        PairCounts p = PairCounts.ofCells(new int[] {0, 0, 1, 1, 1}, new int[] {0, 2, 0, 1, 2},
                new long[] {3, 1, 2, 5, 4});
        long[] dense = {3, 0, 1, 2, 5, 4};
        assertEquals(dep.expectedMutualInformation(dense, 2, 3), dep.expectedMutualInformation(p), 1e-15);
        assertEquals(dep.mutualInformation(dense, 2, 3), dep.mutualInformation(p), 1e-15);
    }

    @Test
    void emptyTablesAreRejectedByTheMeasures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dep.mutualInformation(new PairCounts()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dep.entropy(new LabelCounts()));
        assertThrows(IllegalArgumentException.class, () -> dep.conditionalMutualInformation(new TripleCounts()));
        assertThrows(NullPointerException.class, () -> dep.mutualInformation((PairCounts) null));
    }

    // ------------------------------------------------------------------------------------------ overflow

    @Test
    void addOrCombineBeyondLongMaxThrowsAndLeavesTheTableUnchanged() {
        PairCounts a = new PairCounts().add(1, 2, Long.MAX_VALUE - 1);
        PairCounts b = new PairCounts().add(1, 2, 2);
        byte[] before = a.toBytes();
        assertThrows(ArithmeticException.class, () -> a.combine(b));
        assertArrayEquals(before, a.toBytes());
        assertThrows(ArithmeticException.class, () -> a.add(5, 5, 2));
        assertArrayEquals(before, a.toBytes());
        a.add(1, 2); // exactly Long.MAX_VALUE
        assertEquals(Long.MAX_VALUE, a.count(1, 2));
        assertThrows(ArithmeticException.class, () -> a.add(1, 2));
        LabelCounts l = new LabelCounts().add(0, Long.MAX_VALUE);
        assertThrows(ArithmeticException.class, () -> l.combine(new LabelCounts().add(7)));
        assertEquals(1, l.size());
        assertThrows(IllegalArgumentException.class, () -> l.add(3, -1));
    }

    // ------------------------------------------------------------------------------------------ bytes

    private static int randomLabel(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> Integer.MIN_VALUE + r.nextInt(3);
            case 1 -> Integer.MAX_VALUE - r.nextInt(3);
            case 2 -> r.nextInt(-5, 5);
            default -> r.nextInt();
        };
    }

    private static TripleCounts randomTriple(SplittableRandom r) {
        int m = r.nextInt(4) == 0 ? r.nextInt(2) : r.nextInt(60);
        int[][] l = new int[3][m];
        long[] c = new long[m];
        long budget = Long.MAX_VALUE;
        for (int i = 0; i < m; i++) {
            for (int d = 0; d < 3; d++) {
                l[d][i] = randomLabel(r);
            }
            c[i] = r.nextBoolean() ? 1 + r.nextInt(10) : 1 + r.nextLong(Math.max(1, budget / 2));
            budget -= c[i];
        }
        return TripleCounts.ofCells(l[0], l[1], l[2], c);
    }

    @Test
    void bytesRoundTrip() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            TripleCounts t = randomTriple(r);
            assertEquals(t, TripleCounts.fromBytes(t.toBytes()));
            PairCounts p = t.xy();
            assertEquals(p, PairCounts.fromBytes(p.toBytes()));
            LabelCounts l = t.z();
            LabelCounts back = LabelCounts.fromBytes(l.toBytes());
            assertEquals(l, back);
            assertArrayEquals(l.toBytes(), back.toBytes());
        }
        LabelCounts huge = new LabelCounts().add(Integer.MIN_VALUE, Long.MAX_VALUE - 1).add(Integer.MAX_VALUE);
        assertEquals(huge, LabelCounts.fromBytes(huge.toBytes()));
        assertEquals(new PairCounts(), PairCounts.fromBytes(new PairCounts().toBytes()));
        assertEquals(20, new PairCounts().toBytes().length);
    }

    @Test
    void theByteLayoutIsTheDocumentedOne() {
        byte[] b = new PairCounts().add(-1, 2, 5).add(3, 4).toBytes();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals("S4JC".getBytes(java.nio.charset.StandardCharsets.US_ASCII), Arrays.copyOf(b, 4));
        assertEquals(1, b[4]);
        assertEquals(2, b[5]);
        assertEquals(2, b[6]);
        assertEquals(0, b[7]);
        assertEquals(2, bb.getInt(8));
        assertEquals(6, bb.getLong(12));
        assertEquals(-1, bb.getInt(20));
        assertEquals(3, bb.getInt(24));
        assertEquals(2, bb.getInt(28));
        assertEquals(4, bb.getInt(32));
        assertEquals(5, bb.getLong(36));
        assertEquals(1, bb.getLong(44));
        assertEquals(52, b.length);
    }

    private static void corrupt(byte[] bytes, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PairCounts.fromBytes(bytes));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void corruptBytesGetAClearErrorNamingTheOffset() {
        byte[] good = new PairCounts().add(1, 1, 3).add(2, 0, 4).toBytes();
        byte[] b = good.clone();
        b[0] = 'X';
        corrupt(b, "byte offset 0", "bad magic");
        b = good.clone();
        b[4] = 2;
        corrupt(b, "byte offset 4", "unknown format version 2");
        b = good.clone();
        b[5] = 3;
        corrupt(b, "byte offset 5", "TripleCounts", "PairCounts");
        assertThrows(IllegalArgumentException.class, () -> LabelCounts.fromBytes(good));
        b = good.clone();
        b[6] = 1;
        corrupt(b, "byte offset 6", "dims");
        b = good.clone();
        b[7] = 1;
        corrupt(b, "byte offset 7", "reserved");
        corrupt(Arrays.copyOf(good, 10), "byte offset 10", "truncated");
        corrupt(Arrays.copyOf(good, good.length - 1), "truncated");
        corrupt(Arrays.copyOf(good, good.length + 1), "byte offset " + good.length, "trailing");
        ByteBuffer bb = ByteBuffer.wrap(b = good.clone()).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(8, -3);
        corrupt(b, "byte offset 8", "negative");
        bb.putInt(8, Integer.MAX_VALUE); // declared far beyond the bytes: rejected before allocating
        corrupt(b, "truncated", "2147483647 cells");
        bb = ByteBuffer.wrap(b = good.clone()).order(ByteOrder.LITTLE_ENDIAN);
        bb.putLong(36, -4);
        corrupt(b, "byte offset 36", "count of cell 0 = -4");
        bb.putLong(36, 0);
        corrupt(b, "byte offset 36", ">= 1");
        bb = ByteBuffer.wrap(b = good.clone()).order(ByteOrder.LITTLE_ENDIAN);
        bb.putLong(12, 8);
        corrupt(b, "byte offset 12", "total N = 8 but the counts sum to 7");
        bb = ByteBuffer.wrap(b = good.clone()).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(24, 1); // cell 1 = (1, 0) now precedes cell 0 = (1, 1)
        corrupt(b, "byte offset 24", "not after cell 0");
        bb.putInt(32, 1); // (1, 1) twice
        corrupt(b, "sorted and distinct");
        bb = ByteBuffer.wrap(b = good.clone()).order(ByteOrder.LITTLE_ENDIAN);
        bb.putLong(36, Long.MAX_VALUE);
        corrupt(b, "Long.MAX_VALUE");
        assertThrows(NullPointerException.class, () -> PairCounts.fromBytes(null));
    }

    @Test
    void fuzzedBytesGiveOnlyIllegalArgumentOrAValidTable() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 5_000; trial++) {
            TripleCounts t = randomTriple(r);
            byte[] b = t.toBytes();
            switch (r.nextInt(4)) {
                case 0 -> {
                    for (int f = 1 + r.nextInt(3); f > 0 && b.length > 0; f--) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 2 -> b = Arrays.copyOf(b, b.length + 1 + r.nextInt(12));
                default -> {
                    if (b.length > 0) {
                        b[r.nextInt(Math.min(b.length, 20))] = (byte) r.nextInt();
                    }
                }
            }
            try {
                TripleCounts back = TripleCounts.fromBytes(b);
                assertArrayEquals(b, back.toBytes(), "a table that reads must write the same bytes");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().startsWith("corrupt counts at byte offset "), expected.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------------------------------ views

    @Test
    void accessorsCopyAndProjectionsSum() {
        TripleCounts t = new TripleCounts().add(1, 2, 3).add(1, 2, 4).add(0, 2, 3, 2);
        assertEquals(3, t.size());
        t.cellCounts()[0] = 99;
        assertEquals(2, t.count(0, 2, 3));
        assertEquals(PairCounts.ofCells(new int[] {0, 1}, new int[] {2, 2}, new long[] {2, 2}), t.xy());
        assertEquals(LabelCounts.ofCounts(new int[] {3, 4}, new long[] {3, 1}), t.z());
        assertEquals(PairCounts.ofCells(new int[] {2, 2}, new int[] {3, 4}, new long[] {3, 1}), t.yz());
        TripleCounts c = t.copy();
        c.add(9, 9, 9);
        assertNotEquals(t, c);
        assertEquals(4, t.total());
        assertEquals("TripleCounts[N=4, cells=3: (0,2,3)=2, (1,2,3)=1, (1,2,4)=1]", t.toString());
    }
}
