package org.shannon4j.conformance.property;

import java.util.Arrays;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.shannon4j.InfoUnit;

/**
 * Paired (and tripled) labels for the mutual-information family: lengths 0..~100 and ~3000, alphabets from one
 * value to the whole int range (dense counting and the hash path), y independent of x, a function of it, or
 * x itself; the x and y arrays also placed at offsets of larger arrays.
 */
record LabelCase(int[] x, int[] y, int[] z, int xOff, int yOff, InfoUnit unit, String how) {

    static Arbitrary<LabelCase> arbitrary() {
        Arbitrary<Integer> n = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(12, Arbitraries.integers().between(1, 100)),
                Tuple.of(1, Arbitraries.integers().between(2980, 3100)));
        return Combinators.combine(n, Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 9),
                Arbitraries.integers().between(0, 3), Arbitraries.longs(), Arbitraries.integers().between(0, 17),
                Arbitraries.integers().between(0, 17), Arbitraries.of(InfoUnit.values())).as(LabelCase::build);
    }

    /**
     * alphabet 0: labels 0..k−1; 1: −k..k; 2: any int (Integer.MIN_VALUE and MAX_VALUE among them);
     * 3: k values spread 2^20 apart (a dense table would be too big: the code-mapping path).
     * relation 0: independent; 1: y = x; 2: y a function of x; 3: y = x with a tenth replaced.
     */
    private static LabelCase build(int n, int alphabet, int k, int relation, long seed, int xOff, int yOff,
                                   InfoUnit unit) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] x = labels(rnd, n, alphabet, k);
        int[] y = switch (relation) {
            case 1 -> x.clone();
            case 2 -> Arrays.stream(x).map(v -> (v * 31 + 7) % Math.max(1, k)).toArray();
            case 3 -> {
                int[] c = x.clone();
                for (int i = 0; i < n; i++) {
                    c[i] = rnd.nextInt(10) == 0 ? rnd.nextInt(k + 1) : c[i];
                }
                yield c;
            }
            default -> labels(rnd, n, alphabet, k);
        };
        int[] z = labels(rnd, n, alphabet, Math.max(1, k / 2));
        String how = "alphabet " + alphabet + " k=" + k + " relation " + relation + " seed " + seed;
        return new LabelCase(x, y, z, xOff, yOff, unit, how);
    }

    private static int[] labels(SplittableRandom rnd, int n, int alphabet, int k) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (alphabet) {
                case 0 -> rnd.nextInt(k);
                case 1 -> rnd.nextInt(-k, k + 1);
                case 2 -> rnd.nextInt(8) == 0 ? (rnd.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE)
                        : rnd.nextInt();
                default -> rnd.nextInt(k) << 20;
            };
        }
        return a;
    }

    int n() {
        return x.length;
    }

    int[] embed(int[] a, int off) {
        int[] out = new int[off + a.length + 3];
        Arrays.fill(out, 0x5EED);
        System.arraycopy(a, 0, out, off, a.length);
        return out;
    }

    @Override
    public String toString() {
        return "n=" + x.length + " " + unit + " offsets x@" + xOff + " y@" + yOff + " (" + how + ")\n  x = "
                + Arrays.toString(x) + "\n  y = " + Arrays.toString(y) + "\n  z = " + Arrays.toString(z);
    }
}
