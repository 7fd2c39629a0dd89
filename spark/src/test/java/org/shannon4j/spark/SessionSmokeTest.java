package org.shannon4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionSmokeTest {

    @Test
    void localSessionRunsAJob() {
        assertEquals(1000L, SparkTests.session().range(1000).count());
    }
}
