package org.shannon4j.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shannon4j.counts.LabelCounts;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.NmiAverage;

/**
 * The merged tables of one counting pass, in the driver: one {@link LabelCounts} per requested column and one
 * {@link PairCounts} per requested column pair, each equal to the table {@code LabelCounts.of} /
 * {@code PairCounts.of} builds in process from all the rows. The tables are the caller's (mutable, as every
 * count table).
 */
public final class CountTables {

    private final Map<String, LabelCounts> labels;
    private final Map<ColumnPair, PairCounts> pairs;

    CountTables(List<String> labelColumns, List<ColumnPair> pairColumns, CountsBuffer.Tables tables) {
        Map<String, LabelCounts> l = new LinkedHashMap<>();
        for (int i = 0; i < labelColumns.size(); i++) {
            l.put(labelColumns.get(i), tables.labels()[i]);
        }
        Map<ColumnPair, PairCounts> p = new LinkedHashMap<>();
        for (int i = 0; i < pairColumns.size(); i++) {
            p.put(pairColumns.get(i), tables.pairs()[i]);
        }
        this.labels = Collections.unmodifiableMap(l);
        this.pairs = Collections.unmodifiableMap(p);
    }

    /**
     * The one-column tables, in request order.
     *
     * @return column name → its label counts (unmodifiable map)
     */
    public Map<String, LabelCounts> labels() {
        return labels;
    }

    /**
     * The pair tables, in request order.
     *
     * @return (x, y) → the joint counts of x and y (unmodifiable map)
     */
    public Map<ColumnPair, PairCounts> pairs() {
        return pairs;
    }

    /**
     * The label counts of a requested column.
     *
     * @param column a column counted alone
     * @return its table
     * @throws IllegalArgumentException if the column was not counted alone
     */
    public LabelCounts labels(String column) {
        LabelCounts t = labels.get(column);
        if (t == null) {
            throw new IllegalArgumentException("column '" + column + "' was not counted alone; counted: "
                    + labels.keySet());
        }
        return t;
    }

    /**
     * The joint counts of a requested pair.
     *
     * @param x the pair's first column
     * @param y the pair's second column
     * @return its table (x first)
     * @throws IllegalArgumentException if the pair was not counted
     */
    public PairCounts pair(String x, String y) {
        PairCounts t = pairs.get(new ColumnPair(x, y));
        if (t == null) {
            throw new IllegalArgumentException("pair ('" + x + "', '" + y + "') was not counted; counted: "
                    + pairs.keySet());
        }
        return t;
    }

    /**
     * The measures of every pair table, computed in the driver with {@code dependence}, in request order.
     *
     * @param dependence the handle (backend, unit) whose calls compute the measures
     * @param average    the normaliser of NMI and AMI
     * @return one {@link PairMeasures} per pair
     */
    public List<PairMeasures> measures(Dependence dependence, NmiAverage average) {
        return pairs.entrySet().stream()
                .map(e -> PairMeasures.of(dependence, e.getKey().x(), e.getKey().y(), e.getValue(), average))
                .toList();
    }
}
