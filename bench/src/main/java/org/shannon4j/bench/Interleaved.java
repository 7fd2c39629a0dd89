package org.shannon4j.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * A/B timing outside JMH for a shared, noisy machine: the variants run round-robin, one call each per round, so
 * that load from other processes falls on all of them alike; the minimum and the median per variant are printed.
 */
final class Interleaved {

    private Interleaved() {
    }

    /**
     * Runs {@code runs} round-robin for a few warm-up rounds and then {@code rounds} timed ones, and prints each
     * variant's minimum and median time divided by {@code per} (e.g. ns per sample), labelled {@code unit}.
     */
    static void time(String[] names, Runnable[] runs, int rounds, double per, String unit) {
        double[][] t = new double[names.length][rounds];
        for (int r = -3; r < rounds; r++) {
            for (int v = 0; v < names.length; v++) {
                long start = System.nanoTime();
                runs[v].run();
                if (r >= 0) {
                    t[v][r] = (System.nanoTime() - start) / per;
                }
            }
        }
        for (int v = 0; v < names.length; v++) {
            double[] s = t[v].clone();
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%-12s min %8.3f  median %8.3f %s%n", names[v], s[0], s[s.length / 2],
                    unit);
        }
    }
}
