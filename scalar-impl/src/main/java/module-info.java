/** The plain-Java reference backend of shannon4j. */
module org.shannon4j.scalar {
    requires org.shannon4j;

    exports org.shannon4j.scalar;

    provides org.shannon4j.spi.BackendProvider with org.shannon4j.scalar.ScalarBackendProvider;
}
