package org.shannon4j.selection;

/** {@link SelectionTables} of rows in memory: the in-process engine's tables, handed out. */
final class RowTables implements SelectionTables {

    private final PairCounts counts;
    private final DiscreteColumns columns;

    RowTables(PairCounts counts, DiscreteColumns columns) {
        this.counts = counts;
        this.columns = columns;
    }

    @Override
    public int features() {
        return counts.features;
    }

    @Override
    public int levels(int feature) {
        return counts.levels(feature);
    }

    @Override
    public int classes() {
        return counts.ly;
    }

    @Override
    public long[] targetTable(int feature) {
        return counts.targetTable(feature).clone();
    }

    @Override
    public void tablesGiven(int selected, boolean[] excluded, TableSink sink) {
        if (excluded.length != counts.features) {
            throw new IllegalArgumentException("excluded.length = " + excluded.length + " but there are "
                    + counts.features + " features");
        }
        counts.forEachCandidate(excluded, counts.given(selected), (j, table, lj, given, scratch) ->
                sink.accept(j, table));
    }

    @Override
    public String name(int feature) {
        return columns.name(feature);
    }

    @Override
    public String toString() {
        return "SelectionTables[" + columns.rows() + " rows, " + counts.features + " features, " + counts.ly
                + " classes]";
    }
}
