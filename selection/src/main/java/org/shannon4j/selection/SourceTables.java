package org.shannon4j.selection;

import org.shannon4j.spi.Kernels;

/**
 * A selection's {@link StepTables} read from a public {@link SelectionTables}: the tables are checked (shape,
 * non-negative counts, every table summing to the same N, the same class counts in every feature's table with
 * the target), since a wrong count from a remote source would otherwise give a silently wrong selection.
 */
final class SourceTables extends StepTables {

    private final SelectionTables source;
    private final long[] classRows;
    private long[] aux = new long[0];

    private SourceTables(Kernels kernels, SelectionTables source, long n, int[] levels, long[] classRows) {
        super(kernels, n, source.classes(), levels, classRows);
        this.source = source;
        this.classRows = classRows;
    }

    static SourceTables of(Kernels kernels, SelectionTables source) {
        int features = source.features();
        int ly = source.classes();
        if (features < 1) {
            throw new IllegalArgumentException("the tables have " + features + " features: at least 1 is needed");
        }
        if (ly < 1) {
            throw new IllegalArgumentException("the tables have " + ly + " classes: at least 1 is needed");
        }
        int[] levels = new int[features];
        long[][] tables = new long[features][];
        long[] classRows = null;
        for (int j = 0; j < features; j++) {
            levels[j] = source.levels(j);
            if (levels[j] < 1) {
                throw new IllegalArgumentException("feature " + j + " has " + levels[j] + " levels: at least 1");
            }
            long[] t = source.targetTable(j);
            checkTable("the table of feature " + j + " with the target", t, (long) levels[j] * ly);
            long[] rows = new long[ly];
            for (int a = 0; a < levels[j]; a++) {
                for (int g = 0; g < ly; g++) {
                    rows[g] += t[a * ly + g];
                }
            }
            if (classRows == null) {
                classRows = rows;
            } else {
                for (int g = 0; g < ly; g++) {
                    if (rows[g] != classRows[g]) {
                        throw new IllegalArgumentException("the table of feature " + j + " with the target has "
                                + rows[g] + " rows of class " + g + ", feature 0's has " + classRows[g]
                                + ": the tables are not of the same rows");
                    }
                }
            }
            tables[j] = t;
        }
        long n = 0;
        for (long c : classRows) {
            n = Math.addExact(n, c);
        }
        SourceTables st = new SourceTables(kernels, source, n, levels, classRows);
        int maxLevels = 0;
        for (int l : levels) {
            maxLevels = Math.max(maxLevels, l);
        }
        long[] scratch = new long[maxLevels];
        for (int j = 0; j < features; j++) {
            st.setTargetTable(j, tables[j], scratch);
        }
        return st;
    }

    /** The number of classes with rows. */
    int nonEmptyClasses() {
        int c = 0;
        for (long rows : classRows) {
            if (rows > 0) {
                c++;
            }
        }
        return c;
    }

    private static void checkTable(String what, long[] t, long cells) {
        if (t == null || t.length < cells) {
            throw new IllegalArgumentException(what + " has " + (t == null ? "no array" : t.length + " cells")
                    + ": " + cells + " are needed");
        }
        for (int i = 0; i < cells; i++) {
            if (t[i] < 0) {
                throw new IllegalArgumentException(what + " has count " + t[i] + " at cell " + i
                        + ": counts must be >= 0");
            }
        }
    }

    @Override
    boolean countsOneAtATime() {
        return false;
    }

    @Override
    void one(int j, Given given, Terms terms) {
        throw new UnsupportedOperationException("tables from a SelectionTables come a step at a time");
    }

    @Override
    void forEachCandidate(boolean[] chosen, Given given, Terms terms) {
        int s = given.feature;
        boolean[] seen = new boolean[features];
        source.tablesGiven(s, chosen.clone(), (j, table) -> {
            synchronized (this) {
                if (j < 0 || j >= features || chosen[j] || seen[j]) {
                    throw new IllegalArgumentException("the tables given feature " + s + " delivered feature " + j
                            + (j < 0 || j >= features ? ", which does not exist" : chosen[j]
                            ? ", which is selected" : " twice"));
                }
                seen[j] = true;
                long cells = (long) levels(j) * given.levels;
                String what = "the table of feature " + j + " given feature " + s;
                checkTable(what, table, cells);
                long sum = 0;
                for (int i = 0; i < cells; i++) {
                    sum += table[i];
                }
                if (sum != n) {
                    throw new IllegalArgumentException(what + " sums to " + sum + ", the tables with the target to "
                            + n);
                }
                if (aux.length < cells) {
                    aux = new long[(int) cells];
                }
                terms.of(j, table, levels(j), given, aux);
            }
        });
        for (int j = 0; j < features; j++) {
            if (!chosen[j] && !seen[j]) {
                throw new IllegalArgumentException("the tables given feature " + s + " lack feature " + j);
            }
        }
    }
}
