package org.shannon4j.dependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;

/**
 * The expected mutual information for huge counts (issue 12, item 5): the moment expansion that replaces the
 * walk once the cell count's variance exceeds 2³⁰, against its documented bound — checked against the exact
 * walk where the walk is feasible and against mpmath ({@code src/test/fixtures/expected_mi_pairs.py}) for counts
 * up to the long range.
 */
class ExpectedMutualInformationTest {

    static final Path PAIRS = Path.of("src", "test", "fixtures", "expected_mi_pairs.tsv");

    /** The class comment's bound on |E[g] − expansion|, plus rounding of a result near ½ (a few ulp). */
    private static double bound(long a, long b, long n, double value) {
        double mu = b * (a / (double) n);
        double v = Math.min(mu, b * (a / (double) n) * ((n - a) / (double) n));
        double taylor = 0.8 * Math.pow(15 * v * v * v + 25 * v * v + v, 5.0 / 6) / Math.pow(mu, 4)
                + 2.2 * mu * Math.exp(-3 * mu / 28);
        return taylor + 16 * Math.ulp(Math.max(value, 0.5));
    }

    @Test
    void hugeTablesTakeNoTime() {
        long cell = 1L << 56;
        long[] counts = {cell, cell, cell, cell};
        Shannon s = Shannon.get("naive");
        double ami = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> s.dependence().adjustedMutualInformation(counts, 2, 2, NmiAverage.ARITHMETIC));
        // MI = 0, E[I] = 4·(1/8)/N: AMI = −E[I]/(ln 2 − E[I])
        double e = 0.5 / (4 * (double) cell);
        assertEquals(-e / (Math.log(2) - e), ami, 1e-12 * e);
    }

    @Test
    void expansionMatchesMpmath() throws IOException {
        List<String[]> rows = Files.readAllLines(PAIRS).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.split("\t")).toList();
        assertTrue(rows.size() >= 10, "rows in " + PAIRS.toAbsolutePath());
        for (String[] r : rows) {
            long a = Long.parseLong(r[0]);
            long b = Long.parseLong(r[1]);
            long n = Long.parseLong(r[2]);
            double expected = Double.parseDouble(r[3]);
            double actual = ExpectedMutualInformation.pair(a, b, n) * n;
            assertEquals(expected, actual, bound(a, b, n, expected), a + " " + b + " " + n);
            // E[I] of the table with these marginals: the four pairs (a, b), (a, N−b), (N−a, b), (N−a, N−b)
            double table = ExpectedMutualInformation.of(new long[] {a, n - a}, 2, new long[] {b, n - b}, 2, n);
            assertTrue(table > 0 && table < 2.0 / n, a + " " + b + " " + n + ": " + table);
        }
    }

    @Test
    void expansionMatchesTheWalkWhereTheWalkIsFeasible() {
        double worst = 0;
        for (long[] abn : new long[][] {{1L << 33, 1L << 33, 1L << 34}, {1L << 35, 3L << 33, 1L << 36},
                {(1L << 36) + 17, (1L << 35) - 5, 1L << 37}, {1L << 36, 1L << 36, 1L << 37},
                {30_000_000_000L, 40_000_000_000L, 100_000_000_000L}, {1L << 38, 1L << 38, 1L << 40}}) {
            long a = abn[0];
            long b = abn[1];
            long n = abn[2];
            double variance = ExpectedMutualInformation.variance(a, b, n);
            assertTrue(variance > ExpectedMutualInformation.EXPANSION_VARIANCE && variance < 0x1p37, "" + variance);
            long lo = Math.max(0, a + b - n);
            double walk = ExpectedMutualInformation.walk(a, b, n, lo, Math.min(a, b)) * n;
            double expansion = ExpectedMutualInformation.expansion(a, b, n);
            // The walk multiplies ~9σ ratios in each direction and its rounding drifts: 1.1e-12 relative at
            // σ = 2^17.6, where the expansion is within 1e-15 of mpmath (expected_mi_pairs.tsv has these rows).
            assertEquals(walk, expansion, bound(a, b, n, walk) + 2e-12 * walk, a + " " + b + " " + n);
            worst = Math.max(worst, Math.abs(walk - expansion) / walk);
        }
        System.out.println("walk vs expansion, worst relative difference " + worst);
    }
}
