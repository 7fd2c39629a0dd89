package org.shannon4j.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shannon4j.counts.LabelCounts;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.NmiAverage;

/**
 * The merged joint tables of many columns against one target, from one pass over the data: for each column c
 * the {@link PairCounts} with c as X and the target as Y, equal to {@code PairCounts.of(c, target)} in process.
 */
public final class TargetCounts {

    private final String target;
    private final CountTables tables;
    private final Map<String, PairCounts> byColumn;

    TargetCounts(String target, List<String> columns, CountTables tables) {
        this.target = target;
        this.tables = tables;
        Map<String, PairCounts> m = new LinkedHashMap<>();
        for (String c : columns) {
            m.put(c, tables.pair(c, target));
        }
        this.byColumn = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The target column's name.
     *
     * @return the name given to {@code withTarget}
     */
    public String target() {
        return target;
    }

    /**
     * The counted columns in request order, each to its joint table with the target (column first).
     *
     * @return column → PairCounts(column, target) (unmodifiable map)
     */
    public Map<String, PairCounts> asMap() {
        return byColumn;
    }

    /**
     * The joint counts of one column with the target.
     *
     * @param column a counted column
     * @return PairCounts with the column as X and the target as Y
     * @throws IllegalArgumentException if the column was not counted
     */
    public PairCounts counts(String column) {
        PairCounts t = byColumn.get(column);
        if (t == null) {
            throw new IllegalArgumentException("column '" + column + "' was not counted against '" + target
                    + "'; counted: " + byColumn.keySet());
        }
        return t;
    }

    /**
     * The target's label counts (the Y marginal of any column's table; all are equal).
     *
     * @return a new LabelCounts of the target
     */
    public LabelCounts targetCounts() {
        return byColumn.values().iterator().next().y();
    }

    /**
     * The per-column measures against the target (X = column, Y = target), in column order, computed in the
     * driver; see {@link PairMeasures}.
     *
     * @param dependence the handle (backend, unit) to compute with
     * @param average    the normaliser of NMI and AMI
     * @return one {@link PairMeasures} per column
     */
    public List<PairMeasures> measures(Dependence dependence, NmiAverage average) {
        return tables.measures(dependence, average);
    }
}
