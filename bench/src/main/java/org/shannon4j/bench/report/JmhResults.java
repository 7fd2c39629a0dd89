package org.shannon4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a JMH JSON result file ({@code -rf json}) that the report uses: one {@link Row} per benchmark and
 * parameter combination, plus the JVM facts JMH records with every row.
 */
public record JmhResults(List<Row> rows) {

    /**
     * One result.
     *
     * @param benchmark  the simple name: {@code DistributionBenchmark.entropy}, {@code RooflineBenchmark.sumP}
     * @param params     JMH parameters (backend, size, type); empty map if none
     * @param score      the primary score, in {@code unit}
     * @param scoreError half-width of JMH's 99.9% confidence interval (NaN with a single iteration)
     * @param unit       e.g. {@code ns/op}
     * @param allocBytesPerOp gc.alloc.rate.norm when run with {@code -prof gc}, else NaN
     * @param jvm        facts about the measured JVM: jdkVersion, vmName, vmVersion, jvmArgs, forks, iterations
     */
    public record Row(String benchmark, Map<String, String> params, double score, double scoreError, String unit,
                      double allocBytesPerOp, Map<String, String> jvm) {

        /** The class part of {@link #benchmark}. */
        public String benchClass() {
            int dot = benchmark.indexOf('.');
            return dot < 0 ? benchmark : benchmark.substring(0, dot);
        }

        /** The method part of {@link #benchmark}. */
        public String method() {
            return benchmark.substring(benchmark.indexOf('.') + 1);
        }

        public String param(String name) {
            return params.getOrDefault(name, "");
        }

        /** The {@code size} parameter, or -1 if absent. */
        public long size() {
            String v = params.get("size");
            return v == null ? -1 : Long.parseLong(v);
        }

        /** The score in nanoseconds per operation, or NaN if the unit is not a time per operation. */
        public double nanosPerOp() {
            return score * nanosFactor(unit);
        }

        public double errorNanosPerOp() {
            return scoreError * nanosFactor(unit);
        }

        private static double nanosFactor(String unit) {
            return switch (unit) {
                case "ns/op" -> 1;
                case "us/op" -> 1e3;
                case "ms/op" -> 1e6;
                case "s/op" -> 1e9;
                default -> Double.NaN;
            };
        }
    }

    /** Reads a JMH JSON file. */
    public static JmhResults read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** Parses the text of a JMH JSON file (an array of result objects). */
    @SuppressWarnings("unchecked")
    public static JmhResults parse(String json) {
        Object top = Json.parse(json);
        if (!(top instanceof List<?> list)) {
            throw new IllegalArgumentException("not a JMH JSON result file: the top level is not an array");
        }
        List<Row> rows = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> r = (Map<String, Object>) o;
            String full = (String) r.get("benchmark");
            String[] parts = full.split("\\.");
            String simple = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
            Map<String, String> params = new LinkedHashMap<>();
            if (r.get("params") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> params.put((String) k, String.valueOf(v)));
            }
            Map<String, Object> primary = (Map<String, Object>) r.get("primaryMetric");
            double alloc = Double.NaN;
            if (r.get("secondaryMetrics") instanceof Map<?, ?> sec
                    && sec.get("gc.alloc.rate.norm") instanceof Map<?, ?> norm) {
                alloc = Json.number(norm.get("score"));
            }
            Map<String, String> jvm = new LinkedHashMap<>();
            for (String key : List.of("jmhVersion", "jdkVersion", "vmName", "vmVersion", "jvm", "forks",
                    "warmupIterations", "warmupTime", "measurementIterations", "measurementTime", "threads", "mode")) {
                Object v = r.get(key);
                if (v != null) {
                    jvm.put(key, v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v));
                }
            }
            if (r.get("jvmArgs") instanceof List<?> args) {
                jvm.put("jvmArgs", String.join(" ", args.stream().map(String::valueOf).distinct().toList()));
            }
            rows.add(new Row(simple, params, Json.number(primary.get("score")), Json.number(primary.get("scoreError")),
                    String.valueOf(primary.get("scoreUnit")), alloc, jvm));
        }
        return new JmhResults(List.copyOf(rows));
    }

    /** The first row matching benchmark and the given parameters (others ignored). */
    public Optional<Row> find(String benchmark, String backend, long size, String type) {
        return rows.stream()
                .filter(r -> r.benchmark().equals(benchmark) && r.size() == size && r.param("type").equals(type)
                        && (backend == null || r.param("backend").equals(backend)))
                .findFirst();
    }
}
