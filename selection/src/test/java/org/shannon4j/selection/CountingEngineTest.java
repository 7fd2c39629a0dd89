package org.shannon4j.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.dependence.Dependence;

/**
 * The counting engine ({@link PairCounts}) behind every criterion: its two counting paths (bitset popcounts for
 * few levels, histograms for many) against a plain recomputation of every term from label arrays, the same bits
 * for every thread count and executor, and the byte, short and int inputs giving the same selection.
 */
class CountingEngineTest {

    private static final Criterion[] ALL = {Criterion.MIM, Criterion.MRMR, Criterion.JMI, Criterion.JMIM,
        Criterion.CMIM, Criterion.DISR, Criterion.ICAP, Criterion.CIFE, Criterion.COND_MI,
        Criterion.betaGamma(0.5, 0.25), Criterion.mifs(0.7)};

    /**
     * Columns of 1 to 60 levels (so both sides of {@link PairCounts#MAX_SET_LEVELS} and of
     * {@link PairCounts#MAX_POPCOUNT_CELLS}), informative, redundant and noise, a target of 2 to 4 classes, and a
     * row count that is not a multiple of 64 (the bitsets' padding).
     */
    private static Data data(long seed, int rows, int features) {
        return data(seed, rows, features, 2 + new SplittableRandom(seed).nextInt(3));
    }

    static Data data(long seed, int rows, int features, int ly) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rnd.nextInt(ly);
        }
        int[][] cols = new int[features][rows];
        for (int c = 0; c < features; c++) {
            int levels = switch (c % 4) {
                case 0 -> 2 + rnd.nextInt(4);
                case 1 -> 8 + rnd.nextInt(10);
                case 2 -> 30 + rnd.nextInt(30);
                default -> 1;
            };
            int kind = rnd.nextInt(3);
            for (int i = 0; i < rows; i++) {
                cols[c][i] = levels == 1 ? 0 : switch (kind) {
                    case 0 -> rnd.nextInt(levels);
                    case 1 -> rnd.nextInt(3) == 0 ? rnd.nextInt(levels) : (y[i] * 7 + c) % levels;
                    default -> c > 0 && rnd.nextInt(5) > 0 ? cols[c - 1][i] % levels : rnd.nextInt(levels);
                };
            }
        }
        return new Data(cols, y);
    }

    record Data(int[][] cols, int[] y) { }

    /** Every criterion's selection and scores against terms recomputed from labels through {@link Dependence}. */
    @Test
    void bothCountingPathsMatchAPlainRecomputation() {
        Shannon nats = Shannon.get();
        Dependence dep = nats.dependence();
        // {seed, classes}: 2–4 classes (0: drawn); 16, the most that split the bitsets by class (segments of about
        // 65 rows, partial words); 17, the fewest, counted by histograms
        int[][] shapes = {{1, 0}, {2, 0}, {3, 0}, {4, 16}, {5, 17}};
        for (int[] shape : shapes) {
            long seed = shape[0];
            int rows = 1000 + 37 * (int) seed;
            Data d = shape[1] == 0 ? data(seed, rows, 12) : data(seed, rows, 12, shape[1]);
            DiscreteColumns x = DiscreteColumns.of(d.cols());
            for (Criterion cr : ALL) {
                Selection s = FeatureSelection.of(nats.context()).select(x, d.y(), cr, 6);
                double[] expected = recomputedScores(dep, d, cr, s.features());
                for (int i = 0; i < s.size(); i++) {
                    assertEquals(expected[i], s.score(i), 1e-11 * (1 + Math.abs(expected[i])),
                            "seed " + seed + " " + cr + " step " + i + " " + s);
                    assertEquals(dep.mutualInformation(d.cols()[s.feature(i)], d.y()), s.relevance(i), 1e-12);
                }
            }
        }
    }

    /** Each step's score of the selected feature, from the definitions (FEAST's forms), in nats. */
    private static double[] recomputedScores(Dependence dep, Data d, Criterion cr, int[] chosen) {
        int[][] c = d.cols();
        int[] y = d.y();
        double[] out = new double[chosen.length];
        for (int step = 0; step < chosen.length; step++) {
            int j = chosen[step];
            double rel = dep.mutualInformation(c[j], y);
            if (step == 0 || cr.method() == Criterion.Method.MIM) {
                out[step] = rel;
                continue;
            }
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double icap = rel;
            double z = 0;
            int[] joint = c[chosen[0]].clone();
            for (int t = 0; t < step; t++) {
                int s = chosen[t];
                int[] pair = pairCodes(c[j], c[s]);
                double jmi = dep.mutualInformation(pair, y);
                double redundancy = dep.mutualInformation(c[j], c[s]);
                double classCond = dep.conditionalMutualInformation(c[j], c[s], y);
                double condOnS = dep.conditionalMutualInformation(c[j], y, c[s]);
                switch (cr.method()) {
                    case JMI -> sum += jmi;
                    case JMIM -> min = Math.min(min, jmi);
                    case CMIM -> min = Math.min(min, condOnS);
                    case DISR -> sum += jmi / dep.jointEntropy(pair, y);
                    case MRMR -> sum += redundancy;
                    case ICAP -> icap += Math.min(0, classCond - redundancy);
                    case BETA_GAMMA -> z += cr.beta() * redundancy - cr.gamma() * classCond;
                    default -> { }
                }
                if (t > 0) {
                    joint = pairCodes(joint, c[s]);
                }
            }
            out[step] = switch (cr.method()) {
                case JMI, DISR -> sum;
                case JMIM -> min;
                case CMIM -> Math.min(rel, min);
                case MRMR -> rel - sum / step;
                case ICAP -> icap;
                case BETA_GAMMA -> rel - z;
                case COND_MI -> dep.conditionalMutualInformation(c[j], y, joint);
                default -> throw new AssertionError(cr);
            };
        }
        return out;
    }

    private static int[] pairCodes(int[] a, int[] b) {
        int mb = Arrays.stream(b).max().orElse(0) + 1;
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * mb + b[i];
        }
        return out;
    }

    /** 1, 2 and 3 threads, the common pool and a one-thread executor: the same features and the same score bits. */
    @Test
    void sameBitsForEveryThreadCountAndExecutor() {
        Data d = data(11, 4000 + 5, 150);
        DiscreteColumns x = DiscreteColumns.of(d.cols());
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            for (String backend : backends()) {
                Shannon base = Shannon.get(backend);
                for (Criterion cr : ALL) {
                    Selection one = FeatureSelection.of(base.context()).select(x, d.y(), cr, 12);
                    for (Shannon sh : List.of(base.withParallelism(2), base.withParallelism(3),
                            base.withParallelism(4, single))) {
                        Selection s = FeatureSelection.of(sh.context()).select(x, d.y(), cr, 12);
                        assertArrayEquals(one.features(), s.features(), backend + " " + cr);
                        assertArrayEquals(bits(one.scores()), bits(s.scores()), backend + " " + cr);
                    }
                }
            }
        } finally {
            single.shutdownNow();
        }
    }

    /** The scalar and SIMD backends count the same integers, so they select the same features. */
    @Test
    void everyBackendSelectsTheSame() {
        Data d = data(5, 3000 + 11, 60);
        DiscreteColumns x = DiscreteColumns.of(d.cols());
        List<String> names = backends();
        for (Criterion cr : ALL) {
            Selection first = FeatureSelection.of(Shannon.get(names.get(0)).context()).select(x, d.y(), cr, 10);
            for (String b : names) {
                Selection s = FeatureSelection.of(Shannon.get(b).context()).select(x, d.y(), cr, 10);
                assertArrayEquals(first.features(), s.features(), b + " " + cr);
                for (int i = 0; i < s.size(); i++) {
                    assertEquals(first.score(i), s.score(i), 1e-12 * (1 + Math.abs(first.score(i))), b + " " + cr);
                }
            }
        }
    }

    /** The supported backends: scalar and SIMD (when the vector module is present), never fewer than two here. */
    private static List<String> backends() {
        List<String> names = new ArrayList<>();
        for (var info : Shannon.backends()) {
            if (info.supported()) {
                names.add(info.name());
            }
        }
        assertTrue(names.contains("scalar") && names.size() >= 2, "backends under test: " + names);
        return names;
    }

    private static long[] bits(double[] a) {
        return Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void byteShortAndIntColumnsSelectTheSame() {
        Data d = data(3, 2000, 16);
        int[][] c = d.cols();
        int[] levels = new int[c.length];
        byte[][] b = new byte[c.length][];
        short[][] s = new short[c.length][];
        for (int j = 0; j < c.length; j++) {
            levels[j] = Arrays.stream(c[j]).max().orElse(0) + 1;
            b[j] = new byte[c[j].length];
            s[j] = new short[c[j].length];
            for (int i = 0; i < c[j].length; i++) {
                b[j][i] = (byte) c[j][i];
                s[j][i] = (short) c[j][i];
            }
        }
        FeatureSelection fs = FeatureSelection.of(Shannon.get().context());
        Selection expected = fs.select(DiscreteColumns.of(c), d.y(), Criterion.JMI, 8);
        for (DiscreteColumns x : List.of(DiscreteColumns.of(b, levels), DiscreteColumns.of(s, levels),
                DiscreteColumns.wrap(b, levels), DiscreteColumns.of(c, levels))) {
            Selection got = fs.select(x, d.y(), Criterion.JMI, 8);
            assertArrayEquals(expected.features(), got.features());
            assertArrayEquals(bits(expected.scores()), bits(got.scores()));
        }
    }

    /** Byte codes are unsigned: 200 is level 200 of a 256-level column. */
    @Test
    void byteCodesAreUnsigned() {
        byte[][] b = {{(byte) 200, 0, (byte) 255, 1}};
        DiscreteColumns x = DiscreteColumns.of(b, new int[] {256});
        assertArrayEquals(new int[] {200, 0, 255, 1}, x.column(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiscreteColumns.of(b, new int[] {201}));
        assertTrue(e.getMessage().contains("columns[0][2] = 255"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DiscreteColumns.of(b, new int[] {257}));
        assertTrue(e.getMessage().contains("levels[0] = 257"), e.getMessage());
        short[][] s = {{(short) 40000, 3}};
        assertArrayEquals(new int[] {40000, 3}, DiscreteColumns.of(s, new int[] {40001}).column(0));
        e = assertThrows(IllegalArgumentException.class, () -> DiscreteColumns.of(s, new int[] {4}));
        assertTrue(e.getMessage().contains("columns[0][0] = 40000"), e.getMessage());
    }

    @Test
    void wrapDoesNotCopyAndOfDoes() {
        byte[][] b = {{0, 1, 1, 0}, {1, 1, 0, 0}};
        int[] levels = {2, 2};
        DiscreteColumns wrapped = DiscreteColumns.wrap(b, levels);
        DiscreteColumns copied = DiscreteColumns.of(b, levels);
        b[0][0] = 1;
        assertEquals(1, wrapped.column(0)[0]);
        assertEquals(0, copied.column(0)[0]);
    }

    @Test
    void namesAndProgress() {
        Data d = data(9, 500, 8);
        DiscreteColumns x = DiscreteColumns.of(d.cols()).withNames(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
        List<String> reported = new ArrayList<>();
        Selection s = FeatureSelection.of(Shannon.get().withUnit(InfoUnit.BITS).context()).select(x, d.y(),
                Criterion.JMI, 4, (rank, k, feature, score) -> reported.add(rank + "/" + k + ":" + feature + "="
                        + score));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            expected.add((i + 1) + "/4:" + s.feature(i) + "=" + s.score(i));
            assertEquals(x.name(s.feature(i)), s.names().get(i));
        }
        assertEquals(expected, reported, "progress: rank from 1, score in the selection's unit");
        assertEquals("x3", DiscreteColumns.of(d.cols()).name(3));
        assertThrows(IllegalArgumentException.class, () -> DiscreteColumns.of(d.cols()).withNames(List.of("a")));
    }
}
