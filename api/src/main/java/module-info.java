/**
 * shannon4j: information-theory measures. {@link org.shannon4j.Shannon} is the entry point;
 * backends plug in through {@link org.shannon4j.spi.BackendProvider}.
 */
module org.shannon4j {
    exports org.shannon4j;
    exports org.shannon4j.counts;
    exports org.shannon4j.dependence;
    exports org.shannon4j.loss;
    exports org.shannon4j.rows;
    exports org.shannon4j.spi;

    uses org.shannon4j.spi.BackendProvider;
}
