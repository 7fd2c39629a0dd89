/**
 * shannon4j continuous: mutual information and entropy of continuous and mixed variables — the k-nearest-neighbour
 * estimators (package {@code org.shannon4j.continuous}) and the histogram and Parzen-window measures of image
 * registration (package {@code org.shannon4j.continuous.registration}).
 */
module org.shannon4j.continuous {
    requires transitive org.shannon4j;

    exports org.shannon4j.continuous;
    exports org.shannon4j.continuous.registration;
}
