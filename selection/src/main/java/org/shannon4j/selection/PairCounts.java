package org.shannon4j.selection;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

import org.shannon4j.dependence.PlugInSums;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;

/**
 * The counting engine of a selection: the joint count table of every candidate feature with the target, or with
 * a selected feature and the target, and the information terms the criteria take from it, for all candidates of
 * a step at once over the context's threads.
 *
 * <p>A column of few levels is held as the row sets of its levels but the last, as bitsets, and each bitset is
 * split by the target's class: the rows of class 0 packed first, then those of class 1, and so on (the order of
 * rows within a table does not matter). The (candidate, selected, target) table is then, per class, the
 * popcounts of the pairwise intersections of the two columns' sets over that class's words
 * ({@link Kernels#intersectionCounts}), its last row and column the differences from the known per-class level
 * counts: (la − 1)·(lb − 1) AND+POPCNT per 64 rows for the whole table — 81 for two 10-level columns, whatever the
 * number of classes — against one scattered increment per row for a histogram, and against 171 when the selected
 * feature's sets are intersected with each class's rows. The table with the target alone is the per-class level
 * counts, with no pass at all. Columns of more levels (or beyond the memory budget of the bitsets), and targets of
 * more than {@link #MAX_CLASS_SEGMENTS} classes, are counted as histograms ({@link Kernels#countPairs}). Both give
 * the same integer table, so the path never changes a result. Every candidate's terms land in its own slot, so
 * results do not depend on the thread count.
 */
final class PairCounts extends StepTables {

    /** A column gets bitsets when it has at most this many levels (the last level is implied). */
    static final int MAX_SET_LEVELS = 33;
    /** Targets of at most this many classes split the bitsets by class; more go through histograms. */
    static final int MAX_CLASS_SEGMENTS = 16;
    /** Largest (candidate sets)·(selected sets) counted by popcounts; beyond it a histogram pass is cheaper. */
    static final int MAX_POPCOUNT_CELLS = 640;
    /** Candidates per part of a step's parallel loop: about a millisecond of work at 100,000 rows. */
    private static final int CANDIDATES_PER_PART = 16;

    private final Parallelism parallelism;
    private final DiscreteColumns columns;
    /** Rows. */
    private final int n;
    private final int[] y;
    /** Whether the bitsets are split by class (ly ≤ {@link #MAX_CLASS_SEGMENTS}); if not, no column has sets. */
    private final boolean split;
    /** Rows, words and first word (per set) of each class's segment of a bitset. */
    private final long[] classRows;
    private final int[] classWords;
    private final int[] classBase;
    private final int totalWords;
    /**
     * Column j's bitsets, or null for the histogram path: m = levels − 1 sets; the segment of class g of set a
     * at {@code m·classBase[g] + a·classWords[g]}, {@code classWords[g]} words.
     */
    private final long[][] sets;
    /** Column j's counts per level and class, {@code [a·ly + g]} (the (column, target) table). */
    private final long[][] classCounts;
    private final Scratch.Pool pool;
    private final Scratch callerScratch = new Scratch();

    PairCounts(Kernels kernels, Parallelism parallelism, DiscreteColumns columns, int[] y, int ly) {
        long[] rowsOfClass = new long[ly];
        for (int v : y) {
            rowsOfClass[v]++;
        }
        int[] levels = new int[columns.columns()];
        for (int j = 0; j < levels.length; j++) {
            levels[j] = columns.levels(j);
        }
        super(kernels, columns.rows(), ly, levels, rowsOfClass);
        this.parallelism = parallelism;
        this.columns = columns;
        this.n = columns.rows();
        this.y = y;
        this.split = ly <= MAX_CLASS_SEGMENTS;
        this.classRows = rowsOfClass;
        this.classWords = new int[ly];
        this.classBase = new int[ly];
        int total = 0;
        for (int g = 0; g < ly; g++) {
            classBase[g] = total;
            // whole 512-bit vectors (the padding bits are clear), so the kernels have no scalar tail words; from
            // 256 words on, whole groups of 32 (at most 12% more), the steps of eight 256-bit vectors of the SIMD
            // backend's carry-save counts, which would count a rest of fewer vectors one vector at a time
            int words = (int) Math.ceilDiv(classRows[g], 512) * 8;
            classWords[g] = words >= 256 ? Math.ceilDiv(words, 32) * 32 : words;
            total += classWords[g];
        }
        this.totalWords = total;
        this.sets = new long[features][];
        this.classCounts = new long[features][];
        this.pool = new Scratch.Pool();
        long budget = setBudget();
        boolean[] withSets = new boolean[features];
        for (int j = 0; j < features && split; j++) {
            int l = columns.levels(j);
            long bytes = (long) (l - 1) * totalWords * Long.BYTES;
            if (l <= MAX_SET_LEVELS && bytes <= budget) {
                withSets[j] = true;
                budget -= bytes;
            }
        }
        int[] byClass = split && ly > 1 ? rowsByClass(y) : null;
        forEachColumn((scratch, j) -> {
            int l = columns.levels(j);
            long[] counts = new long[l * ly];
            if (withSets[j]) {
                sets[j] = splitSets(j, l - 1, byClass, scratch, counts);
            } else {
                int[] codes = scratch.codes(n);
                columns.codes(j, codes);
                for (int r = 0; r < n; r++) {
                    counts[codes[r] * ly + y[r]]++;
                }
            }
            classCounts[j] = counts;
            setTargetTable(j, counts, scratch.longs(l));
        });
    }

    /** The rows in class order: those of class 0 ascending, then those of class 1, and so on. */
    private int[] rowsByClass(int[] y) {
        int[] next = new int[ly];
        for (int g = 1; g < ly; g++) {
            next[g] = next[g - 1] + (int) classRows[g - 1];
        }
        int[] order = new int[n];
        for (int r = 0; r < n; r++) {
            order[next[y[r]]++] = r;
        }
        return order;
    }

    /**
     * Column j's level sets, split by class: its byte codes gathered into class order (byClass; null for a
     * one-class target, whose order is the rows'), then each class's run of codes into that class's segments
     * (the levelSets kernel); fills counts[a·ly + g] from the segments' popcounts (the last level by difference).
     * Rows keep their order within a class. Gathering the codes, not compressing the bitsets of all rows by class
     * masks (Long.compress, PEXT), because PEXT is microcoded on AMD before Zen 3, its time growing with the
     * mask's set bits: on a Zen 1 host this setup took 1.5 s (about 50 ns a word) of a 6 s selection at 100,000
     * rows × 1,000 columns.
     */
    private long[] splitSets(int j, int m, int[] byClass, Scratch scratch, long[] counts) {
        byte[] codes = columns.bytes(j);
        if (byClass != null) {
            byte[] ordered = scratch.bytes(n);
            for (int i = 0; i < n; i++) {
                ordered[i] = codes[byClass[i]];
            }
            codes = ordered;
        }
        long[] out = new long[m * totalWords];
        for (int g = 0, first = 0; g < ly; g++) {
            int rows = (int) classRows[g];
            if (m > 0) {
                kernels.levelSets(codes, first, rows, m, out, m * classBase[g], classWords[g]);
            }
            first += rows;
            long rest = rows;
            for (int a = 0; a < m; a++) {
                int base = m * classBase[g] + a * classWords[g];
                long c = 0;
                for (int i = base, end = base + classWords[g]; i < end; i++) {
                    c += Long.bitCount(out[i]);
                }
                counts[a * ly + g] = c;
                rest -= c;
            }
            counts[m * ly + g] = rest;
        }
        return out;
    }

    /** Bytes the column bitsets may take: a third of the heap not yet used, so large inputs fall back to counting. */
    private static long setBudget() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.max(0, free / 3);
    }

    /** One column's work, with the running thread's scratch. */
    private interface ColumnWork {
        void run(Scratch scratch, int column);
    }

    private void forEachColumn(ColumnWork body) {
        int parts = Math.ceilDiv(features, CANDIDATES_PER_PART);
        runParts(parts, (scratch, part) -> {
            int end = Math.min(features, (part + 1) * CANDIDATES_PER_PART);
            for (int j = part * CANDIDATES_PER_PART; j < end; j++) {
                body.run(scratch, j);
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

    /** Column j's (level, class) table {@code [a·ly + g]}; not a copy. */
    long[] targetTable(int j) {
        return classCounts[j];
    }

    @Override
    Given given(int s) {
        return new Coded(s);
    }

    @Override
    boolean countsOneAtATime() {
        return true;
    }

    /** Counts the table of each candidate j with {@code chosen[j] == false} against Z and hands it to terms. */
    @Override
    void forEachCandidate(boolean[] chosen, Given given, Terms terms) {
        int parts = Math.ceilDiv(features, CANDIDATES_PER_PART);
        runParts(parts, (scratch, part) -> {
            int end = Math.min(features, (part + 1) * CANDIDATES_PER_PART);
            for (int j = part * CANDIDATES_PER_PART; j < end; j++) {
                if (!chosen[j]) {
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
    @Override
    void one(int j, Given given, Terms terms) {
        table(j, given, callerScratch);
        terms.of(j, callerScratch.table, columns.levels(j), given, callerScratch.aux);
    }

    /** The full lj × ls × ly table of candidate j with Z = (s, target) into scratch.table. */
    private void table(int j, Given z, Scratch s) {
        int lj = columns.levels(j);
        int lz = z.levels;
        int ls = lz / ly;
        int cells = lj * lz;
        s.ensure(cells);
        long[] t = s.table;
        int xs = lj - 1;
        int zs = ls - 1;
        long[] sj = sets[j];
        long[] ss = sets[z.feature];
        if (sj != null && ss != null && (long) xs * zs <= MAX_POPCOUNT_CELLS) {
            long[] cj = classCounts[j];
            long[] cs = classCounts[z.feature];
            long[] part = s.partial;
            for (int g = 0; g < ly; g++) {
                int cellsOfClass = xs * zs;
                Arrays.fill(part, 0, cellsOfClass, 0L);
                if (cellsOfClass > 0) {
                    kernels.intersectionCounts(sj, xs * classBase[g], xs, ss, zs * classBase[g], zs,
                            classWords[g], part);
                }
                long corner = classRows[g];
                for (int a = 0; a < xs; a++) {
                    long rest = cj[a * ly + g];
                    for (int b = 0; b < zs; b++) {
                        long v = part[a * zs + b];
                        t[(a * ls + b) * ly + g] = v;
                        rest -= v;
                    }
                    t[(a * ls + zs) * ly + g] = rest;
                    corner -= cj[a * ly + g];
                }
                for (int b = 0; b < zs; b++) {
                    long rest = cs[b * ly + g];
                    for (int a = 0; a < xs; a++) {
                        rest -= part[a * zs + b];
                    }
                    t[(xs * ls + b) * ly + g] = rest;
                    corner -= rest;
                }
                t[(xs * ls + zs) * ly + g] = corner;
            }
        } else {
            int[] counts = s.intTable;
            Arrays.fill(counts, 0, cells, 0);
            int[] codes = s.codes(n);
            columns.codes(j, codes);
            kernels.countPairs(codes, 0, 0, ((Coded) z).codes(), 0, 0, lz, n, counts);
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
        long[] partial = new long[MAX_POPCOUNT_CELLS];
        private int[] codes = new int[0];
        private byte[] bytes = new byte[0];
        private long[] longs = new long[0];

        void ensure(int cells) {
            if (table.length < cells) {
                table = new long[cells];
                aux = new long[cells];
                intTable = new int[cells];
            }
        }

        int[] codes(int rows) {
            if (codes.length < rows) {
                codes = new int[rows];
            }
            return codes;
        }

        byte[] bytes(int length) {
            if (bytes.length < length) {
                bytes = new byte[length];
            }
            return bytes;
        }

        long[] longs(int length) {
            if (longs.length < length) {
                longs = new long[length];
            }
            return longs;
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

    /** Z with the codes s·ly + y of its rows for the histogram path, made on first use. */
    private final class Coded extends Given {
        private int[] codes;

        private Coded(int s) {
            super(s, columns.levels(s) * ly, tWithTarget(s));
        }

        private synchronized int[] codes() {
            if (codes == null) {
                int[] z = new int[n];
                columns.codes(feature, z);
                for (int r = 0; r < n; r++) {
                    z[r] = z[r] * ly + y[r];
                }
                codes = z;
            }
            return codes;
        }
    }
}
