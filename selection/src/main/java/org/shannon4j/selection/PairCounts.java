package org.shannon4j.selection;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

import org.shannon4j.dependence.PlugInSums;
import org.shannon4j.spi.CpuCaches;
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
 *
 * <p>When the sets of all columns exceed the last-level cache, each step reads them all from memory, and a column
 * of m ≥ 3 sets is stored as ⌈log2(m + 1)⌉ bit planes instead (the binary digits of level + 1; the last level and
 * the padding are 0), decoded a class segment at a time into L1/L2 just before its counts
 * ({@link Kernels#decodePlanes}): 4 planes for the 9 sets of a 10-level column, 4/9 of the memory traffic, for a
 * decoding pass of about a fifth of the popcounts' work. Where the sets fit in cache, or the backend's counting
 * is slower than memory (the scalar reference), the decoding would be all cost, so they stay sets.
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
     * Column j's bitsets, or null for the histogram path: m = levels − 1 sets, the segment of class g of set a at
     * {@code m·classBase[g] + a·classWords[g]}, {@code classWords[g]} words; or, if {@code planes[j] > 0}, that many
     * bit planes coding set a as a + 1, plane q of class g at {@code planes[j]·classBase[g] + q·classWords[g]}.
     */
    private final long[][] bits;
    /** The number of planes in {@code bits[j]}, or 0 where it holds the sets themselves. */
    private final int[] planes;
    /** Column j's counts per level and class, {@code [a·ly + g]} (the (column, target) table). */
    private final long[][] classCounts;
    private final Scratch.Pool pool;
    private final Scratch callerScratch = new Scratch();

    /**
     * How the columns' bitsets are stored: planes beyond the last-level cache on a backend whose counting outruns
     * memory ({@link Kernels#bitsetsMemoryBound}), or as told (for tests).
     */
    enum Layout { BY_CACHE, SETS, PLANES }

    PairCounts(Kernels kernels, Parallelism parallelism, DiscreteColumns columns, int[] y, int ly) {
        this(kernels, parallelism, columns, y, ly, Layout.BY_CACHE);
    }

    PairCounts(Kernels kernels, Parallelism parallelism, DiscreteColumns columns, int[] y, int ly, Layout layout) {
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
        this.bits = new long[features][];
        this.planes = new int[features];
        this.classCounts = new long[features][];
        this.pool = new Scratch.Pool();
        long setBytes = 0;
        for (int j = 0; j < features && split; j++) {
            int l = columns.levels(j);
            if (l <= MAX_SET_LEVELS) {
                setBytes += (long) (l - 1) * totalWords * Long.BYTES;
            }
        }
        boolean inPlanes = layout == Layout.PLANES || layout == Layout.BY_CACHE && kernels.bitsetsMemoryBound()
                && setBytes > CpuCaches.lastLevelBytes();
        long budget = setBudget();
        boolean[] withSets = new boolean[features];
        for (int j = 0; j < features && split; j++) {
            int l = columns.levels(j);
            int stored = inPlanes ? Math.min(l - 1, planesFor(l - 1)) : l - 1;
            long bytes = (long) stored * totalWords * Long.BYTES;
            if (l <= MAX_SET_LEVELS && bytes <= budget) {
                withSets[j] = true;
                budget -= bytes;
                if (stored < l - 1) {
                    planes[j] = stored;
                }
            }
        }
        long[] byClass = split && ly > 1 ? classMasks(y) : null;
        forEachColumn((scratch, j) -> {
            int l = columns.levels(j);
            long[] counts = new long[l * ly];
            if (withSets[j]) {
                int m = l - 1;
                int stored = planes[j] == 0 ? m : planes[j];
                bits[j] = splitSets(j, m, planes[j], byClass, scratch, counts, new long[stored * totalWords]);
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

    /** Each class's rows as a bitset of ⌈n/64⌉ words, class g's at g·⌈n/64⌉ (the splitByClass kernel's masks). */
    private long[] classMasks(int[] y) {
        int words = Math.ceilDiv(n, 64);
        long[] masks = new long[ly * words];
        for (int r = 0; r < n; r++) {
            masks[y[r] * words + (r >>> 6)] |= 1L << r;
        }
        return masks;
    }

    /**
     * Column j's level sets, split by class, or (p &gt; 0) its p bit planes: its byte codes grouped by class (the
     * splitByClass kernel, by the classes' row masks byClass; null for a one-class target, whose order is the
     * rows'), then each class's run of codes into that class's segments (the levelSets or levelPlanes kernel);
     * fills counts[a·ly + g] from the segments' popcounts (of the decoded planes; the last level by difference).
     * Rows keep their order within a class; out (all zero, sized for the sets or planes) is returned. The codes
     * are grouped, not the bitsets of all rows compressed by class masks (Long.compress, PEXT), because PEXT is
     * microcoded on AMD before Zen 3, its time growing with the mask's set bits: on a Zen 1 host this setup took
     * 1.5 s (about 50 ns a word) of a 6 s selection at 100,000 rows × 1,000 columns.
     */
    private long[] splitSets(int j, int m, int p, long[] byClass, Scratch scratch, long[] counts, long[] out) {
        byte[] codes = columns.bytes(j);
        if (byClass != null) {
            byte[] grouped = scratch.bytes(n);
            int[] starts = scratch.starts(ly);
            for (int g = 0, first = 0; g < ly; g++) {
                starts[g] = first;
                first += (int) classRows[g];
            }
            kernels.splitByClass(codes, 0, n, byClass, ly, starts, grouped);
            codes = grouped;
        }
        for (int g = 0, first = 0; g < ly; g++) {
            int rows = (int) classRows[g];
            int words = classWords[g];
            long[] sets = out;
            int setsBase = m * classBase[g];
            if (m > 0 && p == 0) {
                kernels.levelSets(codes, first, rows, m, out, setsBase, words);
            } else if (m > 0) {
                kernels.levelPlanes(codes, first, rows, m, out, p * classBase[g], words);
                // the level counts from the sets themselves, decoded into scratch
                sets = scratch.decoded(m * words);
                setsBase = 0;
                kernels.decodePlanes(out, p * classBase[g], p, m, words, sets, 0);
            }
            first += rows;
            long rest = rows;
            for (int a = 0; a < m; a++) {
                int base = setsBase + a * words;
                long c = 0;
                for (int i = base, end = base + words; i < end; i++) {
                    c += Long.bitCount(sets[i]);
                }
                counts[a * ly + g] = c;
                rest -= c;
            }
            counts[m * ly + g] = rest;
        }
        return out;
    }

    /** Bit planes that code m stored levels as 1..m (0 for the rest): ⌈log2(m + 1)⌉. */
    static int planesFor(int m) {
        return 32 - Integer.numberOfLeadingZeros(m);
    }

    /** Column j's level sets, its planes decoded (all classes) into a new array. */
    private long[] decodedSets(int j) {
        int p = planes[j];
        int m = columns.levels(j) - 1;
        long[] out = new long[m * totalWords];
        for (int g = 0; g < ly; g++) {
            kernels.decodePlanes(bits[j], p * classBase[g], p, m, classWords[g], out, m * classBase[g]);
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
        if (bits[j] != null && bits[z.feature] != null && (long) xs * zs <= MAX_POPCOUNT_CELLS) {
            long[] sj = bits[j];
            int pj = planes[j];
            long[] ss = ((Coded) z).sets;
            long[] cj = classCounts[j];
            long[] cs = classCounts[z.feature];
            long[] part = s.partial;
            for (int g = 0; g < ly; g++) {
                int cellsOfClass = xs * zs;
                Arrays.fill(part, 0, cellsOfClass, 0L);
                if (cellsOfClass > 0) {
                    if (pj == 0) {
                        kernels.intersectionCounts(sj, xs * classBase[g], xs, ss, zs * classBase[g], zs,
                                classWords[g], part);
                    } else {
                        // decoded a class segment at a time, so the sets are still in L1/L2 when counted
                        long[] decoded = s.decoded(xs * classWords[g]);
                        kernels.decodePlanes(sj, pj * classBase[g], pj, xs, classWords[g], decoded, 0);
                        kernels.intersectionCounts(decoded, 0, xs, ss, zs * classBase[g], zs, classWords[g], part);
                    }
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
        private long[] decoded = new long[0];
        private int[] starts = new int[0];

        /** Per class, where its codes go next (splitByClass). */
        int[] starts(int length) {
            return starts = starts.length < length ? new int[length] : starts;
        }

        /** A candidate's class segment decoded from its planes. */
        long[] decoded(int length) {
            return decoded = decoded.length < length ? new long[length] : decoded;
        }

        void ensure(int cells) {
            if (table.length < cells) {
                table = new long[cells];
                aux = new long[cells];
                intTable = new int[cells];
            }
        }

        int[] codes(int rows) {
            return codes = codes.length < rows ? new int[rows] : codes;
        }

        byte[] bytes(int length) {
            return bytes = bytes.length < length ? new byte[length] : bytes;
        }

        long[] longs(int length) {
            return longs = longs.length < length ? new long[length] : longs;
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

    /**
     * Z: its level sets (decoded once per step where it is stored in planes), and the codes s·ly + y of its rows
     * for the histogram path, made on first use.
     */
    private final class Coded extends Given {
        private int[] codes;
        /** The selected feature's level sets (decoded once if it stores planes), or null. */
        private final long[] sets;

        private Coded(int s) {
            super(s, columns.levels(s) * ly, tWithTarget(s));
            this.sets = bits[s] == null || planes[s] == 0 ? bits[s] : decodedSets(s);
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
