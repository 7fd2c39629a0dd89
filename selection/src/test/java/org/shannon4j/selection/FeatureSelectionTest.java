package org.shannon4j.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.dependence.Dependence;

class FeatureSelectionTest {

    private static final Shannon BITS = Shannon.get("scalar").withUnit(InfoUnit.BITS);
    private static final FeatureSelection FS = FeatureSelection.of(BITS.context());
    private static final Dependence DEP = BITS.dependence();

    private static final Criterion[] ALL = {Criterion.MIM, Criterion.MRMR, Criterion.JMI, Criterion.JMIM,
        Criterion.CMIM, Criterion.DISR, Criterion.ICAP, Criterion.CIFE, Criterion.COND_MI,
        Criterion.betaGamma(0.5, 0.25), Criterion.mifs(0.7)};

    /**
     * Y = X0 xor X1 with X0 uniform and P(X1 = 1) = 1/4, so I(X0;Y) = 1 − h(1/4) and I(X1;Y) = 0; X2 = Y flipped
     * with probability 3/8 (I = 1 − h(3/8), less than X0's). 64 rows enumerating every combination.
     */
    private static int[][] xor() {
        List<int[]> rows = new ArrayList<>();
        for (int x0 = 0; x0 < 2; x0++) {
            for (int b = 0; b < 4; b++) {
                int x1 = b == 0 ? 1 : 0;
                for (int f = 0; f < 8; f++) {
                    int y = x0 ^ x1;
                    rows.add(new int[] {x0, x1, y ^ (f < 3 ? 1 : 0), y});
                }
            }
        }
        return transpose(rows);
    }

    private static int[][] transpose(List<int[]> rows) {
        int[][] cols = new int[rows.get(0).length][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.length; c++) {
                cols[c][r] = rows.get(r)[c];
            }
        }
        return cols;
    }

    private static double h(double p) {
        return -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
    }

    @Test
    void jmiFindsTheXorPairMimMisses() {
        int[][] c = xor();
        DiscreteColumns x = DiscreteColumns.of(new int[][] {c[0], c[1], c[2]});
        Selection mim = FS.select(x, c[3], Criterion.MIM, 2);
        assertArrayEquals(new int[] {0, 2}, mim.features());
        assertEquals(1 - h(0.25), mim.score(0), 1e-12);
        assertEquals(1 - h(0.375), mim.score(1), 1e-12);
        Selection jmi = FS.select(x, c[3], Criterion.JMI, 2);
        assertArrayEquals(new int[] {0, 1}, jmi.features());
        assertEquals(1.0, jmi.score(1), 1e-12, "X0, X1 determine Y: I(X0,X1;Y) = H(Y) = 1 bit");
        assertEquals(0.0, jmi.relevance(1), 1e-12);
        assertEquals(StopReason.K_REACHED, jmi.stopReason());
        for (Criterion cr : new Criterion[] {Criterion.JMIM, Criterion.COND_MI, Criterion.CIFE}) {
            assertArrayEquals(new int[] {0, 1}, FS.select(x, c[3], cr, 2).features(), cr.toString());
        }
        // CMIM's score starts at I(X;Y) = 0 for X1 (Fleuret's definition): it cannot see the pair
        assertArrayEquals(new int[] {0, 2}, FS.select(x, c[3], Criterion.CMIM, 2).features());
    }

    @Test
    void redundantCopyIsSkipped() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 400;
        int[] y = new int[n];
        int[] good = new int[n];
        int[] weak = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(2);
            good[i] = rnd.nextInt(10) < 8 ? y[i] : 1 - y[i];
            weak[i] = rnd.nextInt(10) < 7 ? y[i] : 1 - y[i];
        }
        DiscreteColumns x = DiscreteColumns.of(new int[][] {good, good.clone(), weak});
        assertArrayEquals(new int[] {0, 1}, FS.select(x, y, Criterion.MIM, 2).features());
        for (Criterion cr : new Criterion[] {Criterion.MRMR, Criterion.JMI, Criterion.JMIM, Criterion.CMIM,
            Criterion.ICAP, Criterion.CIFE, Criterion.COND_MI}) {
            Selection s = FS.select(x, y, cr, 2);
            assertArrayEquals(new int[] {0, 2}, s.features(), cr.toString());
        }
        // the copy's CMIM score is min(I(X;Y), I(X;Y|copy) = 0) = 0, and it is still selected third
        Selection cmim = FS.select(x, y, Criterion.CMIM, 3);
        assertArrayEquals(new int[] {0, 2, 1}, cmim.features());
        assertEquals(0.0, cmim.score(2), 1e-12);
    }

    @Test
    void exactTiesGoToTheLowestIndex() {
        int[] y = {0, 1, 1, 0, 1, 0, 0, 1, 1, 1};
        int[] f = {0, 1, 1, 0, 1, 0, 1, 1, 0, 1};
        int[] noise = {0, 0, 1, 1, 0, 1, 0, 0, 1, 0};
        DiscreteColumns x = DiscreteColumns.of(new int[][] {noise, f, noise.clone(), f.clone(), f.clone()});
        for (Criterion cr : ALL) {
            Selection s = FS.select(x, y, cr, 1);
            assertArrayEquals(new int[] {1}, s.features(), cr.toString());
        }
        assertArrayEquals(new int[] {1, 3, 4, 0, 2}, FS.select(x, y, Criterion.MIM, 5).features());
    }

    @Test
    void stopsInsteadOfDuplicatingOrSentinel() {
        // Y = X0 xor X1 xor X2 over all 8 patterns: every single and pairwise term is 0
        List<int[]> rows = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            int a = p & 1, b = (p >> 1) & 1, c = (p >> 2) & 1;
            rows.add(new int[] {a, b, c, a ^ b ^ c});
        }
        int[][] c = transpose(rows);
        DiscreteColumns x = DiscreteColumns.of(new int[][] {c[0], c[1], c[2]});
        for (Criterion cr : new Criterion[] {Criterion.JMI, Criterion.DISR}) {
            Selection s = FS.select(x, c[3], cr, 3);
            assertArrayEquals(new int[] {0}, s.features(), cr.toString());
            assertEquals(StopReason.NO_POSITIVE_SCORE, s.stopReason());
            assertEquals(3, s.requested());
        }
        // CondMI: I(X1;Y|X0) = 0 too, but with Y = X0 xor X1 it continues to X1 then stops
        Selection cond = FS.select(x, c[3], Criterion.COND_MI, 3);
        assertArrayEquals(new int[] {0}, cond.features());
        int[][] two = xor();
        Selection cond2 = FS.select(DiscreteColumns.of(new int[][] {two[0], two[1], two[0].clone()}), two[3],
                Criterion.COND_MI, 3);
        assertArrayEquals(new int[] {0, 1}, cond2.features());
        assertEquals(StopReason.NO_POSITIVE_SCORE, cond2.stopReason());
        // the criteria with no zero rule select k distinct features, scores 0
        for (Criterion cr : new Criterion[] {Criterion.CMIM, Criterion.MRMR, Criterion.JMIM, Criterion.ICAP}) {
            Selection s = FS.select(x, c[3], cr, 3);
            assertArrayEquals(new int[] {0, 1, 2}, s.features(), cr.toString());
            assertEquals(StopReason.K_REACHED, s.stopReason());
        }
    }

    @Test
    void badInput() {
        DiscreteColumns x = DiscreteColumns.of(new int[][] {{0, 1, 0}, {1, 1, 0}});
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> FS.select(x, new int[] {4, 4, 4}, Criterion.JMI, 1));
        assertEquals("target is constant (every row is 4): I(X;Y) = 0 for every feature, so there is nothing to "
                + "select", constant.getMessage());
        // a huge code: its (candidate, target) table would overflow an int array (was NegativeArraySizeException)
        DiscreteColumns huge = DiscreteColumns.of(new int[][] {{0, 1_500_000_000, 0, 1_500_000_000}});
        for (Criterion c : new Criterion[] {Criterion.MIM, Criterion.COND_MI, Criterion.JMI}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FS.select(huge, new int[] {0, 1, 0, 1}, c, 1));
            assertTrue(e.getMessage().startsWith("a column has 1500000001 levels and the target 2: the dense "
                    + "(candidate, target) table of 3000000002 cells is above the limit"), e.getMessage());
        }
        for (int k : new int[] {0, -1, 3}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FS.select(x, new int[] {0, 1, 0}, Criterion.MIM, k));
            assertTrue(e.getMessage().startsWith("k = " + k + ": "), e.getMessage());
        }
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> FS.select(x, new int[] {0, 1}, Criterion.MIM, 1));
        assertTrue(length.getMessage().startsWith("target.length = 2 but the columns have 3 rows"));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> DiscreteColumns.of(new int[][] {{0, 1, 0}, {1, 1}}));
        assertTrue(ragged.getMessage().startsWith("columns[1].length = 2 but columns[0].length = 3"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> DiscreteColumns.of(new int[][] {{0, 1, 0}, {1, 2, 0}}, new int[] {2, 2}));
        assertEquals("columns[1][1] = 2 (column 1, row 1): column 1 has 2 levels, codes must be in [0, 2)",
                range.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> DiscreteColumns.of(new int[][] {{0, -3, 0}}));
        assertEquals("columns[0][1] = -3 (column 0, row 1): codes must be >= 0", negative.getMessage());
        // byte and short codes are read unsigned; the first code out of range is named
        IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class,
                () -> DiscreteColumns.wrap(new byte[][] {{0, 1, 0, 1}, {1, 3, 4, (byte) 200}}, new int[] {2, 4}));
        assertEquals("columns[1][2] = 4 (column 1, row 2): column 1 has 4 levels, codes must be in [0, 4)",
                bytes.getMessage());
        IllegalArgumentException shorts = assertThrows(IllegalArgumentException.class,
                () -> DiscreteColumns.of(new short[][] {{0, 299, 0, (short) 40000, 300}}, new int[] {300}));
        assertEquals("columns[0][3] = 40000 (column 0, row 3): column 0 has 300 levels, codes must be in [0, 300)",
                shorts.getMessage());
        assertEquals(256, DiscreteColumns.wrap(new byte[][] {{(byte) 255, 0}}, new int[] {256}).levels(0));
        // offset codes: the three-way table counts up to the largest code, and the error says how to avoid it
        int[][] offset = new int[2][500];
        int[] y3 = new int[500];
        for (int r = 0; r < 500; r++) {
            offset[0][r] = 5000 + r % 11;
            offset[1][r] = 5000 + (r * 7) % 11;
            y3[r] = r % 3;
        }
        IllegalArgumentException sparse = assertThrows(IllegalArgumentException.class,
                () -> FS.select(DiscreteColumns.of(offset), y3, Criterion.JMI, 2));
        assertTrue(sparse.getMessage().contains("renumber sparse or offset codes"), sparse.getMessage());
        // a finite β/γ whose products overflow: an error, not -∞ scores left to index order
        // (a copy of the first pick: β·I(X;X_s) = 1e308·ln 8)
        int[] eight = {0, 1, 2, 3, 4, 5, 6, 7};
        DiscreteColumns bg = DiscreteColumns.of(new int[][] {eight, eight.clone(), {0, 0, 0, 0, 0, 0, 0, 0}});
        ArithmeticException overflow = assertThrows(ArithmeticException.class,
                () -> FS.select(bg, new int[] {0, 1, 0, 1, 0, 1, 0, 1}, Criterion.betaGamma(1e308, -1e308), 3));
        assertTrue(overflow.getMessage().contains("beyond the double range"), overflow.getMessage());
    }

    @Test
    void unitsAndDisr() {
        int[][] c = xor();
        DiscreteColumns x = DiscreteColumns.of(new int[][] {c[0], c[1], c[2]});
        FeatureSelection natsFs = FeatureSelection.of(Shannon.get("scalar").context());
        Selection bits = FS.select(x, c[3], Criterion.DISR, 3);
        Selection nats = natsFs.select(x, c[3], Criterion.DISR, 3);
        assertArrayEquals(bits.features(), nats.features());
        assertEquals(bits.score(0) * Math.log(2), nats.score(0), 1e-14);
        assertEquals(bits.score(1), nats.score(1), 1e-14, "DISR's ratios are unitless");
        assertEquals(bits.relevance(2) * Math.log(2), nats.relevance(2), 1e-14);
    }

    /**
     * Every criterion against a plain re-implementation that recomputes each score in full from label arrays at
     * every step (no caches, no lazy CMIM), through Dependence's label path: same selections, scores within 1e-12
     * bits, on random data with informative, redundant and duplicated columns.
     */
    @Test
    void matchesAFullRecomputation() {
        SplittableRandom rnd = new SplittableRandom(2026);
        for (int trial = 0; trial < 12; trial++) {
            int n = 50 + rnd.nextInt(300);
            int features = 3 + rnd.nextInt(7);
            int ly = 2 + rnd.nextInt(3);
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextInt(ly);
            }
            int[][] cols = new int[features][n];
            for (int c = 0; c < features; c++) {
                int levels = 2 + rnd.nextInt(4);
                int kind = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    cols[c][i] = switch (kind) {
                        case 0 -> rnd.nextInt(levels);
                        case 1 -> rnd.nextInt(3) == 0 ? rnd.nextInt(levels) : y[i] % levels;
                        case 2 -> c > 0 ? cols[c - 1][i] : y[i] % levels;
                        default -> (y[i] + (rnd.nextInt(4) == 0 ? 1 : 0) + (c > 0 ? cols[c - 1][i] : 0)) % levels;
                    };
                }
            }
            DiscreteColumns x = DiscreteColumns.of(cols);
            int k = 1 + rnd.nextInt(features);
            for (Criterion cr : ALL) {
                Selection s = FS.select(x, y, cr, k);
                Reference ref = new Reference(cols, y, cr, k);
                assertArrayEquals(ref.selected.stream().mapToInt(Integer::intValue).toArray(), s.features(),
                        "trial " + trial + " " + cr + " " + s + " ref " + ref.scores);
                for (int i = 0; i < s.size(); i++) {
                    assertEquals(ref.scores.get(i), s.score(i), 1e-12, "trial " + trial + " " + cr + " step " + i);
                    assertEquals(DEP.mutualInformation(cols[s.feature(i)], y), s.relevance(i), 1e-12);
                }
            }
        }
    }

    /** FEAST's algorithms written out plainly (bits), with this library's stop rule. */
    private static final class Reference {
        final List<Integer> selected = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();

        Reference(int[][] cols, int[] y, Criterion cr, int k) {
            int f = cols.length;
            double[] rel = new double[f];
            for (int j = 0; j < f; j++) {
                rel[j] = mi(cols[j], y);
            }
            // The documented tie rule: scores within 1e-13·(1 + ln n)·(1 + selected) are tied, lowest index wins.
            double unitTie = 1e-13 * (1 + Math.log(y.length));
            int first = 0;
            for (int j = 1; j < f; j++) {
                if (rel[j] > rel[first] + unitTie) {
                    first = j;
                }
            }
            selected.add(first);
            scores.add(rel[first]);
            while (selected.size() < k) {
                int best = -1;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < f; j++) {
                    if (selected.contains(j)) {
                        continue;
                    }
                    double score = score(cols, y, rel, cr, j);
                    if (best < 0 || score > bestScore + unitTie * (1 + selected.size())) {
                        best = j;
                        bestScore = score;
                    }
                }
                Criterion.Method m = cr.method();
                if ((m == Criterion.Method.JMI || m == Criterion.Method.DISR || m == Criterion.Method.COND_MI)
                        && !(bestScore > 0)) {
                    return;
                }
                selected.add(best);
                scores.add(bestScore);
            }
        }

        private double score(int[][] cols, int[] y, double[] rel, Criterion cr, int j) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            int[] joint = null;
            for (int s : selected) {
                int[] xs = cols[s];
                int[] pair = pairCodes(cols[j], xs);
                switch (cr.method()) {
                    case MIM -> { }
                    case MRMR -> sum += mi(cols[j], xs);
                    case JMI -> sum += mi(pair, y);
                    case JMIM -> min = Math.min(min, mi(pair, y));
                    case CMIM -> min = Math.min(min, cmi(cols[j], y, xs));
                    case DISR -> sum += mi(pair, y) / DEP.jointEntropy(pair, y);
                    case ICAP -> sum += Math.min(0, cmi(cols[j], xs, y)
                            - mi(cols[j], xs));
                    case BETA_GAMMA -> sum += cr.beta() * mi(cols[j], xs)
                            - cr.gamma() * cmi(cols[j], xs, y);
                    case COND_MI -> joint = joint == null ? xs.clone() : pairCodes(joint, xs);
                }
            }
            return switch (cr.method()) {
                case MIM -> rel[j];
                case MRMR -> rel[j] - sum / selected.size();
                case JMI, DISR -> sum;
                case JMIM -> min;
                case CMIM -> Math.min(rel[j], min);
                case ICAP -> rel[j] + sum;
                case BETA_GAMMA -> rel[j] - sum;
                case COND_MI -> cmi(cols[j], y, joint);
            };
        }

        /** The engine's rule: a term at or below 1e-13·(1 + ln N) nats is 0. */
        private static double snap(double bits, int n) {
            return bits <= 1e-13 * (1 + Math.log(n)) / Math.log(2) ? 0.0 : bits;
        }

        private static double mi(int[] a, int[] b) {
            return snap(DEP.mutualInformation(a, b), a.length);
        }

        private static double cmi(int[] a, int[] b, int[] c) {
            return snap(DEP.conditionalMutualInformation(a, b, c), a.length);
        }

        private static int[] pairCodes(int[] a, int[] b) {
            int[] c = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i] * 1000 + b[i];
            }
            return c;
        }
    }
}
