/**
 * shannon4j on Apache Spark: count tables built per partition and merged exactly, the measures computed from them
 * in the driver with the same calls as in process, and the greedy feature selectors over a {@code Dataset<Row>}.
 */
package org.shannon4j.spark;
