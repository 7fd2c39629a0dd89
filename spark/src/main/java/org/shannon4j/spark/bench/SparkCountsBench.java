package org.shannon4j.spark.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.shannon4j.Shannon;
import org.shannon4j.counts.PairCounts;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.spark.SparkCounts;
import org.shannon4j.spark.TargetCounts;

/**
 * Timed harness of the distributed counts against in-process counting of the same data on one thread: rows ×
 * columns integer columns with a binary target, generated inside the tasks and cached; per-core throughput in
 * rows·columns per second per core, from the wall time and from the process's CPU time (the latter holds on a
 * machine busy with other work). Run with Spark's JVM options ({@code spark/tools/bench-counts.sh} does).
 *
 * <p>Arguments (all optional): rows (1000000), columns (20), levels (10), master (local[2]), repetitions (7),
 * whether the cache is compressed (false: Spark's default is true, but decoding compressed cached columns costs
 * more CPU than counting them; at most 100 columns stay a columnar scan under Spark's default
 * {@code spark.sql.codegen.maxFields}).
 */
public final class SparkCountsBench {

    private SparkCountsBench() {
    }

    /**
     * Runs the harness.
     *
     * @param args rows, columns, levels, master, repetitions, compressed cache (all optional)
     */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int levels = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String master = args.length > 3 ? args[3] : "local[2]";
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        // Spark compresses cached columns by default; decoding them costs more than counting them
        boolean compressed = args.length > 5 && Boolean.parseBoolean(args[5]);

        SparkSession spark = SparkSession.builder().master(master).appName("SparkCountsBench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.inMemoryColumnarStorage.compressed", compressed).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int cores = spark.sparkContext().defaultParallelism();
        try {
            String[] names = new String[cols];
            List<Column> select = new ArrayList<>();
            Column y = functions.pmod(functions.hash(functions.col("id")), functions.lit(2)).cast("int");
            select.add(y.as("y"));
            for (int i = 0; i < cols; i++) {
                names[i] = "f" + i;
                // Feature i depends on the target more strongly as i grows; the rest is a per-row hash.
                Column noise = functions.pmod(functions.hash(functions.col("id"), functions.lit(i)),
                        functions.lit(levels * (i + 1)));
                select.add(functions.when(noise.lt(levels), noise)
                        .otherwise(functions.pmod(noise.plus(y), functions.lit(levels))).cast("int").as(names[i]));
            }
            Dataset<Row> ds = spark.range(0, rows, 1, cores * 2).select(select.toArray(new Column[0])).cache();
            System.out.printf(Locale.ROOT, "data: %d rows x %d columns, %d levels, binary target, %d partitions,"
                    + " master %s (%d cores), cache compressed: %s%n", ds.count(), cols, levels,
                    ds.rdd().getNumPartitions(), master, cores, compressed);

            System.out.println("plan of the counted projection: " + ds.selectExpr(names).queryExecution()
                    .executedPlan().treeString().replace('\n', ' '));
            double cells = (double) rows * cols;
            TargetCounts reference = null;
            for (SparkCounts.Path path : SparkCounts.Path.values()) {
                SparkCounts counts = SparkCounts.of(ds).path(path);
                double[] t = new double[reps];
                double[] cpu = new double[reps];
                TargetCounts last = null;
                for (int r = -3; r < reps; r++) {
                    long c0 = processCpu();
                    long t0 = System.nanoTime();
                    last = counts.countTarget("y", names);
                    if (r >= 0) {
                        t[r] = (System.nanoTime() - t0) * 1e-9;
                        cpu[r] = (processCpu() - c0) * 1e-9;
                    }
                }
                report(path.name(), t, cells, cores);
                reportCpu(path.name(), cpu, cells);
                if (reference == null) {
                    reference = last;
                } else if (!reference.asMap().equals(last.asMap())) {
                    throw new AssertionError("the two paths counted different tables");
                }
            }

            // In process, one thread: the same columns as int arrays, one PairCounts per column.
            List<Row> collected = ds.collectAsList();
            int[] target = new int[rows];
            int[][] x = new int[cols][rows];
            for (int i = 0; i < rows; i++) {
                Row row = collected.get(i);
                target[i] = row.getInt(0);
                for (int c = 0; c < cols; c++) {
                    x[c][i] = row.getInt(c + 1);
                }
            }
            collected = null;
            Dependence dep = Shannon.get().dependence();
            double[] t = new double[reps];
            double[] cpu = new double[reps];
            PairCounts[] local = new PairCounts[cols];
            for (int r = -3; r < reps; r++) {
                long c0 = processCpu();
                long t0 = System.nanoTime();
                for (int c = 0; c < cols; c++) {
                    local[c] = dep.countPairs(x[c], target);
                }
                if (r >= 0) {
                    t[r] = (System.nanoTime() - t0) * 1e-9;
                    cpu[r] = (processCpu() - c0) * 1e-9;
                }
            }
            report("in-process (" + Shannon.get().backendName() + ", 1 thread)", t, cells, 1);
            reportCpu("in-process", cpu, cells);
            for (int c = 0; c < cols; c++) {
                if (!local[c].equals(reference.counts(names[c]))) {
                    throw new AssertionError("column " + names[c] + ": distributed table differs from in-process");
                }
            }
            System.out.println("tables: distributed == in-process for all " + cols + " columns");
        } finally {
            spark.stop();
        }
    }

    /** CPU time of the whole JVM (all threads: tasks, driver, GC), robust against other load on the machine. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void reportCpu(String what, double[] cpuSeconds, double cells) {
        double[] s = cpuSeconds.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        System.out.printf(Locale.ROOT, "%-34s CPU median %8.1f ms (min %8.1f)  %7.1f M rows·cols per CPU-second%n",
                what + " (process CPU)", median * 1e3, s[0] * 1e3, cells / median / 1e6);
    }

    private static void report(String what, double[] seconds, double cells, int cores) {
        double[] s = seconds.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        System.out.printf(Locale.ROOT, "%-34s median %8.1f ms (min %8.1f, max %8.1f)  %7.1f M rows·cols/s/core%n",
                what, median * 1e3, s[0] * 1e3, s[s.length - 1] * 1e3, cells / median / cores / 1e6);
    }
}
