/**
 * shannon4j feature selection: forward greedy selection of discrete columns by the information-theoretic
 * criteria of Brown et al.'s unifying framework; see {@link org.shannon4j.selection.FeatureSelection}.
 */
module org.shannon4j.selection {
    requires transitive org.shannon4j;

    exports org.shannon4j.selection;
}
