/**
 * Public, mergeable count tables — the seam between counting (in process, streaming, per Spark partition) and
 * the measures: {@link org.shannon4j.counts.LabelCounts} (one variable), {@link org.shannon4j.counts.PairCounts}
 * (two) and {@link org.shannon4j.counts.TripleCounts} (three, for I(X;Y|Z)). JDK only.
 *
 * <h2>Model</h2>
 * A table maps label tuples (arbitrary ints, not dense codes) to long counts ≥ 1; only tuples seen are stored,
 * in increasing lexicographic order (signed int order). Tables built on different partitions with different
 * label sets therefore merge correctly, and equal tables have equal arrays, hash codes and bytes.
 * <ul>
 *   <li><b>Building</b>: {@code of(labels...)} counts label arrays through the backend's counting kernels, as the
 *       label-array measures do (a dense table for a small label range, dense codes for a wide one), then turns
 *       the non-empty cells into the table in O(cells); {@code ofCells}/{@code ofCounts} take cells in any order.</li>
 *   <li><b>Streaming</b>: {@code add(label...)} (O(1), buffered in a hash map and folded in, sorted, at the next
 *       read) and {@code addAll(arrays)}.</li>
 *   <li><b>Combining</b>: {@code a.combine(b)} adds b's counts to a and returns a, as Apache Commons Statistics'
 *       accumulators. Counts are integers, so combining the tables of the parts of a sample in any order or tree
 *       gives exactly the table of the whole, and every measure of it the same bits.</li>
 *   <li><b>Overflow</b>: {@code add} and {@code combine} throw {@link java.lang.ArithmeticException} when N would
 *       exceed {@code Long.MAX_VALUE}, leaving the table unchanged (every cell count is at most N).</li>
 *   <li><b>Measures</b>: {@link org.shannon4j.dependence.Dependence} takes these tables wherever it takes label
 *       arrays ({@code entropy}, {@code mutualInformation} with an {@link org.shannon4j.dependence.Estimator},
 *       {@code jointEntropy}, {@code conditionalEntropy}, {@code conditionalMutualInformation}, NMI, AMI, {@code expectedMutualInformation},
 *       {@code variationOfInformation}, {@code independenceTest}) and gives the same bits as the label-array method
 *       on the same samples with the same backend.</li>
 *   <li><b>Threads</b>: the tables are mutable accumulators and not thread-safe (as Commons Statistics'
 *       {@code DoubleStatistic}s): even reads may fold buffered adds. Count one table per thread or partition and
 *       combine them; hand a table to another thread through a safe publication, or give it a {@code copy()}.</li>
 * </ul>
 *
 * <h2>Byte format, version 1 ({@code toBytes} / {@code fromBytes})</h2>
 * All integers little-endian; m = number of non-empty cells, d = dimensions (1, 2 or 3).
 * <table class="striped">
 *   <caption>Layout</caption>
 *   <thead><tr><th>offset</th><th>bytes</th><th>field</th></tr></thead>
 *   <tbody>
 *     <tr><td>0</td><td>4</td><td>magic: the ASCII bytes {@code S4JC} (0x53 0x34 0x4A 0x43)</td></tr>
 *     <tr><td>4</td><td>1</td><td>format version: 1</td></tr>
 *     <tr><td>5</td><td>1</td><td>kind: 1 = LabelCounts, 2 = PairCounts, 3 = TripleCounts</td></tr>
 *     <tr><td>6</td><td>1</td><td>d, the number of dimensions (equal to the kind in version 1)</td></tr>
 *     <tr><td>7</td><td>1</td><td>reserved: 0</td></tr>
 *     <tr><td>8</td><td>4</td><td>m, int32 ≥ 0</td></tr>
 *     <tr><td>12</td><td>8</td><td>N, int64: the sum of the counts</td></tr>
 *     <tr><td>20</td><td>4·m·d</td><td>labels, int32, dimension by dimension: the m labels of X (cell order), then
 *         those of Y, then Z</td></tr>
 *     <tr><td>20 + 4·m·d</td><td>8·m</td><td>counts, int64, each ≥ 1, cell order</td></tr>
 *   </tbody>
 * </table>
 * The cells are strictly increasing in lexicographic (signed) order of their label tuples; nothing follows the
 * counts. {@code fromBytes} rejects anything else with an {@link java.lang.IllegalArgumentException} naming the
 * byte offset: bad magic, unknown version, other kind, wrong dimensions, nonzero reserved byte, negative m,
 * truncated input (m is checked against the bytes present before anything is allocated), trailing bytes, a
 * count &lt; 1, counts summing past {@code Long.MAX_VALUE} or to another N, unsorted or repeated cells. A later
 * version will change the version byte; readers of version 1 reject it.
 */
package org.shannon4j.counts;
