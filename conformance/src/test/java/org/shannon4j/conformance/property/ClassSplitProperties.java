package org.shannon4j.conformance.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shannon4j.Shannon;

/**
 * The {@code splitByClass} kernel of every backend against an independent grouping: each class's codes in row
 * order at its start, the starts advanced by its rows, nothing else in the output written (a sentinel around and
 * between the classes' ranges, which lie apart), the same bits on a second call. Lengths from 1 to 3 × 64 + 1 and
 * up to 20,000 rows, so whole 64-row words and tails; 1 to 16 classes (the selection's limit) drawn uniformly, with
 * one class taking almost every row, or some classes empty; every code byte value including 0, 127, 128 and 255.
 * The reflective kernel suite leaves this kernel out: its masks must partition the rows, which its generic
 * arguments do not.
 */
class ClassSplitProperties {

    /** One case: what to generate from the seed. */
    record SplitCase(long seed, int length, int classes, int skew, int offset) {
    }

    private static final byte SENTINEL = (byte) 0xA5;

    @Provide
    Arbitrary<SplitCase> cases() {
        return Combinators.combine(Arbitraries.longs(),
                Arbitraries.oneOf(Arbitraries.integers().between(1, 193), Arbitraries.integers().between(190, 20_000)),
                Arbitraries.integers().between(1, 16), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 70))
                .as(SplitCase::new);
    }

    @Property(tries = 150)
    void everyBackendGroupsCodesByClassInRowOrder(@ForAll("cases") SplitCase c) {
        SplittableRandom rnd = new SplittableRandom(c.seed());
        int n = c.length();
        int classes = c.classes();
        byte[] codes = new byte[c.offset() + n + 3];
        rnd.nextBytes(codes);
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            cls[i] = switch (c.skew()) {
                case 0 -> rnd.nextInt(classes);
                case 1 -> rnd.nextInt(50) == 0 ? rnd.nextInt(classes) : classes - 1; // one class has most rows
                default -> rnd.nextInt(Math.max(1, classes / 2)) * 2 % classes;   // odd classes empty
            };
        }
        int words = Math.ceilDiv(n, 64);
        long[] masks = new long[classes * words];
        int[] rows = new int[classes];
        for (int i = 0; i < n; i++) {
            masks[cls[i] * words + (i >>> 6)] |= 1L << i;
            rows[cls[i]]++;
        }
        // each class's range starts 2 past the previous one's end: a write past a range shows in the gap
        int[] starts = new int[classes];
        for (int g = 0, at = 1; g < classes; g++) {
            starts[g] = at;
            at += rows[g] + 2;
        }
        byte[] expected = new byte[starts[classes - 1] + rows[classes - 1] + 2];
        Arrays.fill(expected, SENTINEL);
        int[] next = starts.clone();
        for (int i = 0; i < n; i++) {
            expected[next[cls[i]]++] = codes[c.offset() + i];
        }
        for (Shannon backend : Backends.ALL) {
            for (int call = 0; call < 2; call++) {
                byte[] out = new byte[expected.length];
                Arrays.fill(out, SENTINEL);
                int[] s = starts.clone();
                byte[] input = codes.clone();
                backend.context().kernels().splitByClass(input, c.offset(), n, masks.clone(), classes, s, out);
                String where = backend.backendName() + " " + c + ", call " + (call + 1);
                assertArrayEquals(expected, out, where);
                assertArrayEquals(next, s, where + ": starts advanced by each class's rows");
                assertArrayEquals(codes, input, where + ": codes unchanged");
            }
        }
    }
}
