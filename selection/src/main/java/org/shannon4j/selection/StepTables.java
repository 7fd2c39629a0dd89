package org.shannon4j.selection;

import org.shannon4j.spi.Kernels;

/**
 * What a greedy selection reads its counts from: every column's table with the target (summed once into the
 * Σ c·ln c terms here), and at each step the (candidate, selected, target) table of every remaining candidate.
 * {@link PairCounts} counts them from the rows in process; {@link SourceTables} takes them from a public
 * {@link SelectionTables} (a cluster's merged counts). Both hand {@link Greedy} the same integer tables, and the
 * terms are computed here from them with the same kernels, so a selection has the same bits from either.
 */
abstract class StepTables {

    final Kernels kernels;
    /** Rows. */
    final long n;
    /** Target classes. */
    final int ly;
    final int features;
    private final int[] levels;
    /** Σ c·ln c of each column's level counts. */
    private final double[] tLevels;
    /** Σ c·ln c of each column's (level, class) table. */
    private final double[] tWithTarget;
    /** Σ c·ln c of the class counts. */
    final double tTarget;

    StepTables(Kernels kernels, long n, int ly, int[] levels, long[] classRows) {
        this.kernels = kernels;
        this.n = n;
        this.ly = ly;
        this.features = levels.length;
        this.levels = levels;
        this.tLevels = new double[features];
        this.tWithTarget = new double[features];
        this.tTarget = kernels.nLogN(classRows, 0, ly);
    }

    /**
     * Sets column j's terms from its (level, class) table {@code counts[a·ly + g]}; levelScratch holds at least
     * levels(j) longs. Called once per column, from any thread (each writes its own slots).
     */
    final void setTargetTable(int j, long[] counts, long[] levelScratch) {
        int l = levels[j];
        for (int a = 0; a < l; a++) {
            long sum = 0;
            for (int g = 0; g < ly; g++) {
                sum += counts[a * ly + g];
            }
            levelScratch[a] = sum;
        }
        tLevels[j] = kernels.nLogN(levelScratch, 0, l);
        tWithTarget[j] = kernels.nLogN(counts, 0, l * ly);
    }

    final int levels(int j) {
        return levels[j];
    }

    /** Σ c·ln c of column j's level counts. */
    final double tLevels(int j) {
        return tLevels[j];
    }

    /** Σ c·ln c of column j's (level, class) table: H(X_j, Y) = ln n − this/n. */
    final double tWithTarget(int j) {
        return tWithTarget[j];
    }

    /** The conditioning variable Z = (s, target) of a step that selected s. */
    Given given(int s) {
        return new Given(s, levels[s] * ly, tWithTarget[s]);
    }

    /** The terms a step needs of a candidate's table with Z = (s, target), in nats. */
    interface Terms {
        /**
         * Sets the terms of candidate j from its table {@code table[(a·ls + b)·ly + c]} (lj × ls × ly cells).
         *
         * @param j the candidate
         * @param table the joint counts of (candidate level a, selected level b, class c)
         * @param lj the candidate's levels
         * @param given Z
         * @param scratch longs the method may use (at least lj·ls·ly)
         */
        void of(int j, long[] table, int lj, Given given, long[] scratch);
    }

    /**
     * Hands the table of each candidate j with {@code chosen[j] == false} against Z to terms, on any of the
     * context's threads (each call writes only candidate j's slots).
     */
    abstract void forEachCandidate(boolean[] chosen, Given given, Terms terms);

    /**
     * Whether {@link #one} is cheap (counted on the spot from the rows): CMIM then refines lazily, one table at a
     * time; otherwise it takes every remaining candidate's table with each newly selected feature in one batch.
     */
    abstract boolean countsOneAtATime();

    /** Candidate j's table with Z, on the calling thread, handed to terms. */
    abstract void one(int j, Given given, Terms terms);

    /**
     * Sums the table t[a][b][c] (lj × ls × ly) over the target into ab (lj × ls) and returns Σ c·ln c of that
     * (candidate, selected) marginal.
     */
    final double tPair(long[] t, int lj, int ls, long[] ab) {
        for (int cell = 0, i = 0; cell < lj * ls; cell++) {
            long sum = 0;
            for (int c = 0; c < ly; c++) {
                sum += t[i++];
            }
            ab[cell] = sum;
        }
        return kernels.nLogN(ab, 0, lj * ls);
    }

    final double nLogN(long[] t, int length) {
        return kernels.nLogN(t, 0, length);
    }

    /** The conditioning variable Z = (s, target): its level count ls·ly and the Σ c·ln c of the (s, class) table. */
    static class Given {
        final int levels;
        /** The selected feature in Z. */
        final int feature;
        /** Σ c·ln c of the (s, class) table. */
        final double t;

        Given(int feature, int levels, double t) {
            this.feature = feature;
            this.levels = levels;
            this.t = t;
        }
    }
}
