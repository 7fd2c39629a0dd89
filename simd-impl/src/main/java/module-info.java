/** The Vector-API backend of shannon4j. */
module org.shannon4j.simd {
    requires org.shannon4j;
    requires jdk.incubator.vector;

    provides org.shannon4j.spi.BackendProvider with org.shannon4j.simd.SimdBackendProvider;
}
