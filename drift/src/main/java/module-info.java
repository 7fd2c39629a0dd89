/**
 * shannon4j drift: comparing a current window of data with a reference, column by column: the binning (numpy's
 * {@code histogram_bin_edges} rules, equal-frequency edges, {@code np.histogram}'s counting; see
 * {@link org.shannon4j.drift.BinEdges}), the drift measures and the Evidently preset (see
 * {@link org.shannon4j.drift.Drift}).
 */
module org.shannon4j.drift {
    requires transitive org.shannon4j;

    exports org.shannon4j.drift;
}
