package org.shannon4j.conformance.property;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;

/**
 * A rows × cols table for the mutual-information family, as long counts, int counts and a joint pmf. Counts
 * are small, large (up to 2^24 per cell) or carry planted bad values (negative, Long.MIN_VALUE, a total beyond
 * Long.MAX_VALUE, all zeros); the pmf is a generated probability vector with planted special values (see
 * {@link DistCase}), under either policy.
 */
record TableCase(int rows, int cols, long[] counts, int[] intCounts, double[] joint, Normalization policy,
                 InfoUnit unit, String how) {

    private static final long[] BAD_COUNTS = {-1, Long.MIN_VALUE, Long.MAX_VALUE, 0, Integer.MAX_VALUE + 1L};

    static Arbitrary<TableCase> arbitrary() {
        Arbitrary<int[]> dims = Combinators.combine(Arbitraries.integers().between(1, 9),
                Arbitraries.integers().between(1, 9)).as((r, c) -> new int[] {r, c});
        return Combinators.combine(dims, Arbitraries.integers().between(0, 2), Arbitraries.longs(),
                DistCase.plants(), Arbitraries.integers().between(0, 5), Arbitraries.of(true, false),
                Arbitraries.of(Normalization.values()), Arbitraries.of(InfoUnit.values())).as(TableCase::build);
    }

    /**
     * countKind 0: counts 0..20; 1: up to 2^b per cell, b in 8..24 or 36..56 per table (AMI's moment expansion
     * takes the huge ones: issue 12 item 5); 2: small counts with the plants' bad values.
     */
    private static TableCase build(int[] dims, int countKind, long seed, List<DistCase.Plant> plants, int pmfKind,
                                   boolean renormalise, Normalization policy, InfoUnit unit) {
        int rows = dims[0];
        int cols = dims[1];
        int cells = rows * cols;
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] counts = new long[cells];
        // Cells up to 2^24 (AMI's exact walk, whose cost grows with √count: 0.5 s a call for 81 cells near 2^30) or
        // from 2^36 to 2^56 (its moment expansion, constant time): every path, at a small runtime.
        int bits = rnd.nextBoolean() ? 8 + rnd.nextInt(17) : 36 + rnd.nextInt(21);
        for (int i = 0; i < cells; i++) {
            counts[i] = countKind == 1 ? rnd.nextLong(1L << bits) : rnd.nextInt(21);
        }
        if (countKind == 2) {
            for (DistCase.Plant pl : plants) {
                counts[pl.lane() % cells] = BAD_COUNTS[pl.value() % BAD_COUNTS.length];
            }
        }
        int[] intCounts = new int[cells];
        for (int i = 0; i < cells; i++) {
            intCounts[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, counts[i]));
        }
        double[] joint = DistCase.vector(cells, seed, pmfKind, plants, renormalise, false);
        String how = "counts kind " + countKind + ", pmf shape " + pmfKind + ", seed " + seed + ", plants " + plants
                + ", renormalised " + renormalise;
        return new TableCase(rows, cols, counts, intCounts, joint, policy, unit, how);
    }

    long[] transposedCounts() {
        long[] t = new long[counts.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = counts[i * cols + j];
            }
        }
        return t;
    }

    double[] transposedJoint() {
        double[] t = new double[joint.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = joint[i * cols + j];
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return rows + "x" + cols + " " + policy + " " + unit + " (" + how + ")\n  counts = " + Arrays.toString(counts)
                + "\n  joint = " + Values.show(joint);
    }
}
