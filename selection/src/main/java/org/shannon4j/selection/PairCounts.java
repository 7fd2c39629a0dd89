package org.shannon4j.selection;

import java.util.ArrayDeque;
import java.util.List;

import org.shannon4j.dependence.PlugInSums;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * The counting engine of a selection: the joint count table of every candidate feature with a conditioning
 * variable Z (the target, a selected feature, or the pair (selected feature, target)), and the information terms
 * the criteria take from it, for all candidates of a step at once over the context's threads.
 *
 * <p>A column of few levels is held as the row sets of its levels but the last, as bitsets; Z likewise. The table
 * of a candidate with Z is then the popcounts of the pairwise intersections
 * ({@link Kernels#intersectionCounts}), its last row and column the differences from the known marginals: for 10
 * levels against a 20-level Z that is 171 AND+POPCNT per 64 rows, a few cycles per 512-bit word, against one
 * scattered increment per row for a histogram. Columns of more levels (or beyond the memory budget of the bitsets)
 * are counted as histograms ({@link Kernels#countPairs}). Both give the same integer table, so the path never
 * changes a result. Every candidate's terms land in its own slot, so results do not depend on the thread count.
 */
final class PairCounts {

    /** A column gets bitsets when it has at most this many levels (the last level is implied). */
    static final int MAX_SET_LEVELS = 33;
    /** Z gets bitsets when it has at most this many levels. */
    static final int MAX_Z_SET_LEVELS = 65;
    /** Largest (candidate sets)·(Z sets) counted by popcounts; beyond it a histogram pass is cheaper. */
    static final int MAX_POPCOUNT_CELLS = 640;
    /** Candidates per part of a step's parallel loop: about a millisecond of work at 100,000 rows. */
    private static final int CANDIDATES_PER_PART = 16;

    private final Kernels kernels;
    private final Parallelism parallelism;
    private final DiscreteColumns columns;
    final int n;
    private final int features;
    /** Longs per bitset: ⌈n/64⌉ rounded up to 8 (one 512-bit vector), the padding bits clear. */
    private final int words;
    /** Bitsets of each column's levels 0 .. levels−2, or null for the histogram path. */
    private final long[][] sets;
    private final long[][] levelCounts;
    /** Σ c·ln c of each column's level counts. */
    private final double[] tLevels;
    private final Scratch.Pool pool;
    private final Scratch callerScratch = new Scratch();

    /** The target as a conditioning variable. */
    final Given target;

    PairCounts(Kernels kernels, Parallelism parallelism, DiscreteColumns columns, int[] y, int ly) {
        this.kernels = kernels;
        this.parallelism = parallelism;
        this.columns = columns;
        this.n = columns.rows();
        this.features = columns.columns();
        this.words = Math.ceilDiv(Math.ceilDiv(n, 64), 8) * 8;
        this.sets = new long[features][];
        this.levelCounts = new long[features][];
        this.tLevels = new double[features];
        this.pool = new Scratch.Pool();
        long budget = setBudget();
        boolean[] withSets = new boolean[features];
        for (int j = 0; j < features; j++) {
            int l = columns.levels(j);
            long bytes = (long) (l - 1) * words * Long.BYTES;
            if (l <= MAX_SET_LEVELS && bytes <= budget) {
                withSets[j] = true;
                budget -= bytes;
            }
        }
        forEachColumn(j -> {
            int l = columns.levels(j);
            long[] counts = new long[l];
            if (withSets[j]) {
                long[] bits = new long[(l - 1) * words];
                kernels.levelSets(columns.bytes(j), 0, n, l - 1, bits, 0, words);
                sets[j] = bits;
                countSets(bits, l - 1, counts);
            } else {
                columns.levelCounts(j, counts);
            }
            levelCounts[j] = counts;
            tLevels[j] = kernels.nLogN(counts, 0, l);
        });
        this.target = ly <= MAX_Z_SET_LEVELS ? new Given(narrow(y), ly, -1) : new Given(y.clone(), ly, -1);
    }

    /** The sizes of the first {@code sets} row sets into counts, and the rows in none into counts[sets]. */
    private void countSets(long[] bits, int sets, long[] counts) {
        long rest = n;
        for (int v = 0; v < sets; v++) {
            long c = 0;
            for (int w = v * words, end = w + words; w < end; w++) {
                c += Long.bitCount(bits[w]);
            }
            counts[v] = c;
            rest -= c;
        }
        counts[sets] = rest;
    }

    private static byte[] narrow(int[] codes) {
        byte[] b = new byte[codes.length];
        for (int r = 0; r < codes.length; r++) {
            b[r] = (byte) codes[r];
        }
        return b;
    }

    /** Bytes the column bitsets may take: a third of the heap not yet used, so large inputs fall back to counting. */
    private static long setBudget() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.max(0, free / 3);
    }

    private void forEachColumn(java.util.function.IntConsumer body) {
        int parts = Math.ceilDiv(features, CANDIDATES_PER_PART);
        runParts(parts, (scratch, part) -> {
            int end = Math.min(features, (part + 1) * CANDIDATES_PER_PART);
            for (int j = part * CANDIDATES_PER_PART; j < end; j++) {
                body.accept(j);
            }
        });
    }

    private void runParts(int parts, Parallelism.Part<Scratch> body) {
        if (parallelism.threads() == 1 || parts == 1) {
            Scratch s = pool.take();
            for (int p = 0; p < parts; p++) {
                body.run(s, p);
            }
            pool.give(List.of(s));
        } else {
            pool.give(parallelism.forEachPart(parts, parallelism.threads() - 1, pool::take, body));
        }
    }

    /**
     * Σ c·ln c of column j's level counts.
     */
    double tLevels(int j) {
        return tLevels[j];
    }

    /** Z = column s alone (for I(X_j; X_s)) or the pair (s, target) (for the criteria that condition on both). */
    Given given(int s, boolean withTarget) {
        if (!withTarget) {
            return new Given(s);
        }
        int ly = target.levels;
        int levels = columns.levels(s) * ly;
        if (levels <= MAX_Z_SET_LEVELS) {
            // then the target has bytes too (ly ≤ levels)
            byte[] x = columns.bytes(s);
            byte[] y = target.bytes;
            byte[] z = new byte[n];
            for (int r = 0; r < n; r++) {
                z[r] = (byte) ((x[r] & 0xFF) * ly + (y[r] & 0xFF));
            }
            return new Given(z, levels, s);
        }
        int[] z = new int[n];
        columns.codes(s, z);
        int[] y = target.codes();
        for (int r = 0; r < n; r++) {
            z[r] = z[r] * ly + y[r];
        }
        return new Given(z, levels, s);
    }

    /** The terms a step needs of a candidate's table with Z, in nats. */
    interface Terms {
        /**
         * Sets the terms of candidate j from its table {@code table[a·lz + z]} (lj × lz cells) with Z.
         *
         * @param j the candidate
         * @param table the joint counts, row-major (candidate level, Z level)
         * @param lj the candidate's levels
         * @param given Z
         * @param scratch longs the method may use (at least lj·lz)
         */
        void of(int j, long[] table, int lj, Given given, long[] scratch);
    }

    /** Counts the table of each candidate j with {@code chosen[j] == false} against Z and hands it to terms. */
    void forEachCandidate(boolean[] chosen, Given given, Terms terms) {
        int parts = Math.ceilDiv(features, CANDIDATES_PER_PART);
        runParts(parts, (scratch, part) -> {
            int end = Math.min(features, (part + 1) * CANDIDATES_PER_PART);
            for (int j = part * CANDIDATES_PER_PART; j < end; j++) {
                if (chosen == null || !chosen[j]) {
                    table(j, given, scratch);
                    terms.of(j, scratch.table, columns.levels(j), given, scratch.aux);
                }
            }
        });
    }

    /**
     * Counts candidate j's table with Z on the calling thread and hands it to terms (the caller's own scratch:
     * for sequential callers, such as CMIM's lazy refinement, one at a time).
     */
    void one(int j, Given given, Terms terms) {
        table(j, given, callerScratch);
        terms.of(j, callerScratch.table, columns.levels(j), given, callerScratch.aux);
    }

    /** The full lj × lz table of candidate j with Z into scratch.table. */
    private void table(int j, Given z, Scratch s) {
        int lj = columns.levels(j);
        int lz = z.levels;
        int cells = lj * lz;
        s.ensure(cells, n);
        long[] t = s.table;
        int xs = lj - 1;
        int zs = lz - 1;
        if (sets[j] != null && z.sets != null && (long) xs * zs <= MAX_POPCOUNT_CELLS) {
            java.util.Arrays.fill(t, 0, cells, 0L);
            if (xs > 0 && zs > 0) {
                // the xs × zs intersections into the first cells, then spread to rows of lz
                kernels.intersectionCounts(sets[j], 0, xs, z.sets, 0, zs, words, t);
                for (int a = xs - 1; a >= 0; a--) {
                    System.arraycopy(t, a * zs, t, a * lz, zs);
                    t[a * lz + zs] = 0;
                }
            }
            long[] cj = levelCounts[j];
            long[] cz = z.counts;
            long corner = n;
            for (int a = 0; a < xs; a++) {
                long rest = cj[a];
                for (int c = 0; c < zs; c++) {
                    rest -= t[a * lz + c];
                }
                t[a * lz + zs] = rest;
                corner -= cj[a];
            }
            for (int c = 0; c < zs; c++) {
                long rest = cz[c];
                for (int a = 0; a < xs; a++) {
                    rest -= t[a * lz + c];
                }
                t[xs * lz + c] = rest;
                corner -= rest;
            }
            t[xs * lz + zs] = corner;
        } else {
            int[] counts = s.intTable;
            java.util.Arrays.fill(counts, 0, cells, 0);
            columns.codes(j, s.codes);
            kernels.countPairs(s.codes, 0, 0, z.codes(), 0, 0, lz, n, counts);
            for (int c = 0; c < cells; c++) {
                t[c] = counts[c];
            }
        }
    }

    /** Per-thread buffers, reused across candidates and steps. */
    static final class Scratch {
        long[] table = new long[0];
        long[] aux = new long[0];
        int[] intTable = new int[0];
        int[] codes = new int[0];

        void ensure(int cells, int rows) {
            if (table.length < cells) {
                table = new long[cells];
                aux = new long[cells];
                intTable = new int[cells];
            }
            if (codes.length < rows) {
                codes = new int[rows];
            }
        }

        /** Scratch objects handed back after each parallel loop, so threads reuse them across steps. */
        static final class Pool {
            private final ArrayDeque<Scratch> free = new ArrayDeque<>();

            synchronized Scratch take() {
                Scratch s = free.poll();
                return s == null ? new Scratch() : s;
            }

            synchronized void give(List<Scratch> used) {
                free.addAll(used);
            }
        }
    }

    /** A conditioning variable Z: its codes, level counts, Σ c·ln c, and (when few levels) bitsets. */
    final class Given {
        final int levels;
        final long[] counts;
        final double t;
        /** The selected feature in Z, or −1 for the target alone. */
        final int feature;
        private final int[] codes;
        /** Z's codes as bytes when it has bitsets (then codes is null), else null. */
        private final byte[] bytes;
        private final long[] sets;

        /** Z = column s. */
        private Given(int s) {
            this.levels = columns.levels(s);
            this.counts = levelCounts[s];
            this.t = tLevels[s];
            this.feature = s;
            this.codes = null;
            this.bytes = null;
            this.sets = PairCounts.this.sets[s];
        }

        /** Z with the given byte codes in [0, levels), levels ≤ {@link PairCounts#MAX_Z_SET_LEVELS}: bitsets, counts from them. */
        private Given(byte[] bytes, int levels, int feature) {
            this.levels = levels;
            this.codes = null;
            this.bytes = bytes;
            this.feature = feature;
            this.sets = new long[(levels - 1) * words];
            if (levels > 1) {
                kernels.levelSets(bytes, 0, n, levels - 1, sets, 0, words);
            }
            this.counts = new long[levels];
            countSets(sets, levels - 1, counts);
            this.t = kernels.nLogN(counts, 0, levels);
        }

        /** Z with the given codes in [0, levels), levels &gt; {@link PairCounts#MAX_Z_SET_LEVELS}: no bitsets. */
        private Given(int[] codes, int levels, int feature) {
            this.levels = levels;
            this.codes = codes;
            this.bytes = null;
            this.feature = feature;
            this.counts = new long[levels];
            for (int v : codes) {
                counts[v]++;
            }
            this.t = kernels.nLogN(counts, 0, levels);
            this.sets = null;
        }

        /** The int codes of Z (a column alone or byte codes: widened once, on first use). */
        private int[] codes() {
            if (codes != null) {
                return codes;
            }
            synchronized (this) {
                if (wide == null) {
                    int[] w = new int[n];
                    if (bytes != null) {
                        for (int r = 0; r < n; r++) {
                            w[r] = bytes[r] & 0xFF;
                        }
                    } else {
                        columns.codes(feature, w);
                    }
                    wide = w;
                }
                return wide;
            }
        }

        private int[] wide;
    }

    // ------------------------------------------------------------------------------------------ information terms

    /** I(X_j; Z) of table t (lj × lz), nats. */
    double mutualInformation(int j, long[] t, int lj, Given z) {
        double tJoint = kernels.nLogN(t, 0, lj * z.levels);
        return PlugInSums.mutualInformation(n, tJoint, tLevels[j], z.t);
    }

    /**
     * Sums the table t[a][b][c] (lj × ls × ly, Z = (s, target)) over the target into ab (lj × ls) and returns
     * Σ c·ln c of that (candidate, selected) marginal.
     */
    double tPair(long[] t, int lj, int ls, int ly, long[] ab) {
        for (int cell = 0, i = 0; cell < lj * ls; cell++) {
            long sum = 0;
            for (int c = 0; c < ly; c++) {
                sum += t[i++];
            }
            ab[cell] = sum;
        }
        return kernels.nLogN(ab, 0, lj * ls);
    }

    double nLogN(long[] t, int length) {
        return kernels.nLogN(t, 0, length);
    }
}
