package org.shannon4j.spark;

import org.apache.spark.sql.SparkSession;

/** The one local[2] session every test class of the module shares (a session start costs seconds). */
final class SparkTests {

    private SparkTests() {
    }

    private static volatile SparkSession session;

    static SparkSession session() {
        SparkSession s = session;
        if (s == null) {
            synchronized (SparkTests.class) {
                s = session;
                if (s == null) {
                    s = SparkSession.builder()
                            .master("local[2]")
                            .appName("shannon4j-spark-tests")
                            .config("spark.ui.enabled", "false")
                            .config("spark.sql.shuffle.partitions", "4")
                            .config("spark.driver.host", "127.0.0.1")
                            .getOrCreate();
                    session = s;
                    Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
                }
            }
        }
        return s;
    }
}
