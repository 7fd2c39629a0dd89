package org.shannon4j.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.shannon4j.bench.SelectionBenchmark;
import org.shannon4j.bench.SelectionRun;
import org.shannon4j.bench.report.JmhResults.Row;

/**
 * Turns the JMH results of {@code DistributionBenchmark} and {@code RooflineBenchmark} into {@value #REPORT_NAME}
 * and one chart per measure and element type ({@code entropy-double.svg}, ...), all under fixed names so that a
 * results directory can be committed and diffed.
 *
 * <p>Definitions (also printed in the report): ns/element = score / n; GB/s = bytes read / time, bytes read =
 * n × element size × arrays read (1 for entropy, 2 for the others); time ÷ roofline = measure time / roofline
 * time over the same bytes ({@code sumP} for entropy, {@code sumPQ} for the two-input measures), same n and type;
 * speed-up = scalar time / backend time. Error bars are JMH's 99.9% confidence half-width ({@code scoreError}).
 */
public final class ReportWriter {

    public static final String REPORT_NAME = "report.md";
    static final String DIST = "DistributionBenchmark";
    static final String ROOF = "RooflineBenchmark";
    static final String MI = "MutualInformationBenchmark";
    static final String LOSS = "LossBenchmark";
    static final String SELECTION = "SelectionBenchmark";
    static final String SCALAR = "scalar";
    static final List<String> KNOWN_MEASURES = List.of("entropy", "crossEntropy", "klDivergence", "jsDivergence");
    static final List<String> TYPES = List.of("double", "float");

    private final JmhResults results;
    private final Map<String, String> environment;
    private final String source;
    private final List<Accuracy.Row> accuracy;
    private final List<String> measures;
    private final List<String> backends;
    private final List<String> types;
    private final List<Long> sizes;
    private final List<PythonBaselines.Row> python;
    /** Lines of {@value #COLD_START_FILE} (header first), or empty. */
    private List<String> coldStart = List.of();
    /** FEAST's timings on the selection benchmark's data, or null when the results came without them. */
    private FeastSelections.Result feast;
    /** The Python peers of the drift and continuous sections ({@link PeerTimings}), or null when not timed. */
    private PeerTimings.Result driftPeers;
    private PeerTimings.Result continuousPeers;
    static final String COLD_START_FILE = "cold-start.csv";

    /**
     * @param results     parsed JMH JSON
     * @param environment what {@link RunEnvironment} captured for the run, or null if unknown
     * @param source      how the results were made (profile, file name), one line for the report's header
     */
    public ReportWriter(JmhResults results, Map<String, String> environment, String source) {
        this(results, environment, source, null);
    }

    /** As above, with the accuracy comparison made alongside the run ({@link Accuracy}), or null if none. */
    public ReportWriter(JmhResults results, Map<String, String> environment, String source, List<Accuracy.Row> accuracy) {
        this(results, environment, source, accuracy, List.of());
    }

    /** As above, with the Python libraries' timings on the same shapes ({@link PythonBaselines}), maybe empty. */
    ReportWriter(JmhResults results, Map<String, String> environment, String source, List<Accuracy.Row> accuracy,
                 List<PythonBaselines.Row> python) {
        this.python = List.copyOf(python);
        this.accuracy = accuracy;
        this.results = results;
        this.environment = environment;
        this.source = source;
        List<Row> dist = results.rows().stream().filter(r -> r.benchClass().equals(DIST)).toList();
        List<String> m = new ArrayList<>();
        KNOWN_MEASURES.stream().filter(k -> dist.stream().anyMatch(r -> r.method().equals(k))).forEach(m::add);
        new TreeSet<>(dist.stream().map(Row::method).filter(k -> !KNOWN_MEASURES.contains(k)).toList()).forEach(m::add);
        this.measures = List.copyOf(m);
        this.backends = dist.stream().map(r -> r.param("backend")).distinct()
                .sorted(Comparator.comparing((String b) -> !b.equals(SCALAR)).thenComparing(Comparator.naturalOrder()))
                .toList();
        List<String> t = new ArrayList<>(TYPES.stream().filter(k -> dist.stream().anyMatch(r -> r.param("type").equals(k))).toList());
        dist.stream().map(r -> r.param("type")).distinct().filter(k -> !TYPES.contains(k)).sorted().forEach(t::add);
        this.types = List.copyOf(t);
        // Only the suite's sizes: the other sections' benchmarks (MI, KSG, drift) have size parameters of their own.
        this.sizes = results.rows().stream().filter(r -> r.benchClass().equals(DIST) || r.benchClass().equals(ROOF)).map(Row::size).filter(s -> s > 0)
                .distinct().sorted().toList();
    }

    /** Arrays each measure reads: entropy reads p, the others p and q. */
    static int arraysRead(String measure) {
        return measure.equals("entropy") ? 1 : 2;
    }

    static String rooflineFor(String measure) {
        return ROOF + (arraysRead(measure) == 1 ? ".sumP" : ".sumPQ");
    }

    static int elementBytes(String type) {
        return type.equals("float") ? 4 : 8;
    }

    /** Writes the report and the charts into {@code dir}; returns the report's path. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String measure : measures) {
            for (String type : types) {
                Files.writeString(dir.resolve(chartName(measure, type)), chart(measure, type), StandardCharsets.UTF_8);
            }
        }
        Path report = dir.resolve(REPORT_NAME);
        Files.writeString(report, markdown(), StandardCharsets.UTF_8);
        return report;
    }

    static String chartName(String measure, String type) {
        return measure + "-" + type + ".svg";
    }

    /** The whole Markdown report. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# shannon4j benchmark report\n\n");
        md.append(source).append("\n\n");
        boolean scalarOnly = backends.stream().allMatch(SCALAR::equals);
        if (scalarOnly) {
            md.append("> **scalar only**: no other backend was measured (JDK without `jdk.incubator.vector`, or the "
                    + "module not added). Speed-ups are therefore absent.\n\n");
        }
        // What a reader needs first (the numbers, where they come from, the pictures), then the full tables.
        run(md);
        headline(md);
        python(md);
        coldStart(md);
        environment(md);
        charts(md);
        accuracy(md);
        mutualInformation(md);
        losses(md);
        selection(md);
        PeerSections.drift(md, results, driftPeers);
        PeerSections.continuous(md, results, continuousPeers);
        for (String type : types) {
            details(md, type);
        }
        definitions(md);
        return md.toString();
    }

    // --------------------------------------------------------------------------------------------- run

    /** How the numbers were made: JMH forks and iterations, and whether the machine was idle. */
    void run(StringBuilder md) {
        md.append("## How this run was made\n\n");
        Map<String, String> jvm = results.rows().stream().filter(r -> r.benchClass().equals(DIST)).findFirst()
                .or(() -> results.rows().stream().findFirst()).map(Row::jvm).orElse(Map.of());
        if (!jvm.isEmpty()) {
            md.append(String.format(Locale.ROOT, "- JMH %s: %s fork(s) per benchmark, each %s warm-up iteration(s) of %s "
                            + "then %s measured iteration(s) of %s, %s thread, mode %s.%n",
                    jvm.getOrDefault("jmhVersion", "?"), jvm.getOrDefault("forks", "?"),
                    jvm.getOrDefault("warmupIterations", "?"), jvm.getOrDefault("warmupTime", "?"),
                    jvm.getOrDefault("measurementIterations", "?"), jvm.getOrDefault("measurementTime", "?"),
                    jvm.getOrDefault("threads", "?"), jvm.getOrDefault("mode", "?")));
        }
        String before = environment == null ? null : environment.get(RunEnvironment.LOAD_BEFORE);
        String after = environment == null ? null : environment.get(RunEnvironment.LOAD_AFTER);
        if (before == null) {
            md.append("- Machine load: not recorded (no load average in the environment file).\n");
        } else {
            int cores = coresOf(environment.getOrDefault("cores", ""));
            double b = Double.parseDouble(before.split(" ")[0]);
            double a = after == null ? Double.NaN : Double.parseDouble(after.split(" ")[0]);
            // The benchmark itself keeps about one core busy, so 'after' may exceed 'before' by about 1.
            boolean idle = b < 0.5 && (Double.isNaN(a) || a < 1.5);
            md.append(String.format(Locale.ROOT, "- Machine load (1, 5, 15-minute load averages%s): %s before the run, %s "
                            + "after it — %s.%n", cores > 0 ? ", " + cores + " cores" : "", before,
                    after == null ? "not recorded" : after,
                    idle ? "the machine was **idle**"
                            : "the machine was **busy** (other work ran alongside): the numbers are disturbed, "
                            + "error bars are wider and some ratios are off; do not publish them"));
        }
        md.append('\n');
    }

    private static int coresOf(String text) {
        try {
            return Integer.parseInt(text.split(" ")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Shows the {@code bin/shannon4j coldstart --out DIR/cold-start.csv} table in the report. */
    ReportWriter withColdStart(List<String> csvLines) {
        this.coldStart = List.copyOf(csvLines);
        return this;
    }

    /** First-call latency in fresh JVMs, with and without {@code Shannon.warmUp()}, when measured. */
    void coldStart(StringBuilder md) {
        if (coldStart.size() < 2) {
            return;
        }
        List<String> head = List.of(coldStart.get(0).split(","));
        md.append("## Cold start: the first calls in a fresh JVM\n\n");
        md.append("`bin/shannon4j coldstart --out DIR/" + COLD_START_FILE + "`: each sample is a new JVM that "
                + "generates its input, optionally calls `Shannon.warmUp()`, then times its first call and its first "
                + "calls in a row (n doubles). Median [min–max] over the forks, in ms; separate from the JMH run "
                + "above.\n\n");
        md.append("| backend | measure | n | forks | warm-up first | warm-up took | first call | first calls (count) "
                + "| results the same bits as without warm-up |\n|---|---|--:|--:|---|--:|--:|--:|---|\n");
        for (String line : coldStart.subList(1, coldStart.size())) {
            String[] c = line.split(",");
            if (c.length != head.size()) {
                continue;
            }
            java.util.function.Function<String, String> v = k -> c[head.indexOf(k)];
            boolean warm = Boolean.parseBoolean(v.apply("warm_up"));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s [%s–%s] | %s [%s–%s] (%s) | %s |%n",
                    v.apply("backend"), v.apply("measure"), size(Long.parseLong(v.apply("size"))), v.apply("forks"),
                    warm ? "yes" : "no", warm ? sig3(Double.parseDouble(v.apply("warm_up_ms"))) + " ms" : "–",
                    ms(v.apply("first_call_ms_median")), ms(v.apply("first_call_ms_min")), ms(v.apply("first_call_ms_max")),
                    ms(v.apply("first_n_ms_median")), ms(v.apply("first_n_ms_min")), ms(v.apply("first_n_ms_max")),
                    v.apply("calls"), Boolean.parseBoolean(v.apply("same_bits")) ? "yes" : "**no**"));
        }
        md.append('\n');
    }

    private static String ms(String v) {
        return sig3(Double.parseDouble(v));
    }

    // ------------------------------------------------------------------------------------------ python

    /** numpy, scipy, scikit-learn and PyTorch on the same shapes, next to this run's figures (when measured). */
    void python(StringBuilder md) {
        if (python.isEmpty()) {
            return;
        }
        md.append("## Next to numpy, scipy, scikit-learn and PyTorch\n\n");
        md.append("The Python libraries on the same shapes and the same kinds of inputs (`bench/tools/python_baseline*.py"
                + " --csv`, best of several repetitions, single-threaded; they ran on this machine, but not inside "
                + "JMH, so treat small differences as noise). shannon4j columns are this report's JMH figures for "
                + "the same measure, size and type (– where this run did not measure that case). Lower is better; "
                + "the last column is the library's time divided by the fastest shannon4j backend's.\n\n");
        List<String> bs = backends.isEmpty() ? List.of(SCALAR) : backends;
        md.append("| measure | shape | type | library | route | unit | library |");
        bs.forEach(b -> md.append(" shannon4j ").append(b).append(" |"));
        md.append(" library ÷ shannon4j |\n|---|---|---|---|---|---|--:|");
        bs.forEach(b -> md.append("--:|"));
        md.append("--:|\n");
        for (PythonBaselines.Row p : python) {
            double best = Double.POSITIVE_INFINITY;
            StringBuilder ours = new StringBuilder();
            for (String b : bs) {
                double v = ours(p, b);
                best = Math.min(best, Double.isNaN(v) ? Double.POSITIVE_INFINITY : v);
                ours.append(' ').append(Double.isNaN(v) ? "–" : sig3(v)).append(" |");
            }
            String route = p.caseName().contains(":") ? p.caseName().substring(p.caseName().indexOf(':') + 1).strip()
                    : p.caseName();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | `%s` | %s | %s |%s %s |%n", p.measure(), p.shape(),
                    p.type(), p.library(), cell(route), p.unit(), sig3(p.value()), ours,
                    best < Double.POSITIVE_INFINITY ? sig3(p.value() / best) + "×" : "–"));
        }
        md.append('\n');
    }

    /** This run's figure for the case of {@code p} on {@code backend}, in p's unit; NaN if not measured. */
    double ours(PythonBaselines.Row p, String backend) {
        String m = switch (p.measure()) {
            case "entropy" -> "entropy";
            case "crossEntropy" -> "crossEntropy";
            case "KL" -> "klDivergence";
            case "JS" -> "jsDivergence";
            default -> p.measure();
        };
        switch (p.unit()) {
            case "ns/element" -> {
                long n = Long.parseLong(p.shape());
                return results.find(DIST + "." + m, backend, n, p.type()).map(r -> r.nanosPerOp() / n).orElse(Double.NaN);
            }
            case "ns/sample", "ms/call" -> {
                // shape "n=1e7 k=10"
                String[] f = p.shape().split(" ");
                long n = (long) Double.parseDouble(f[0].substring(2));
                String k = f[1].substring(2);
                String bench = MI + (p.unit().equals("ms/call") ? ".adjustedMutualInformation" : ".mutualInformation");
                return results.rows().stream().filter(r -> r.benchmark().equals(bench) && r.param("backend").equals(backend)
                                && r.size() == n && k.equals(r.param("k")))
                        .findFirst().map(r -> p.unit().equals("ms/call") ? r.nanosPerOp() * 1e-6 : r.nanosPerOp() / n)
                        .orElse(Double.NaN);
            }
            case "ns/logit" -> {
                return results.rows().stream().filter(r -> r.benchmark().equals(LOSS + ".softmaxCrossEntropy")
                                && r.param("backend").equals(backend) && p.shape().equals(r.param("shape"))
                                && p.type().equals(r.param("type")))
                        .findFirst().map(r -> r.nanosPerOp() / logits(p.shape())).orElse(Double.NaN);
            }
            default -> {
                return Double.NaN;
            }
        }
    }

    static boolean hasAlloc(List<Row> rows) {
        return rows.stream().anyMatch(r -> !Double.isNaN(r.allocBytesPerOp()));
    }

    // ---------------------------------------------------------------------------------------------- MI

    /** MI from label arrays (ns per sample, per backend and k) and AMI (ms per call); nothing without MI rows. */
    void mutualInformation(StringBuilder md) {
        List<Row> mi = results.rows().stream().filter(r -> r.benchmark().equals(MI + ".mutualInformation")).toList();
        List<Row> ami = results.rows().stream().filter(r -> r.benchmark().equals(MI + ".adjustedMutualInformation"))
                .toList();
        if (mi.isEmpty() && ami.isEmpty()) {
            return;
        }
        md.append("## Mutual information from labels\n\n");
        List<String> bs = java.util.stream.Stream.concat(mi.stream(), ami.stream()).map(r -> r.param("backend")).distinct()
                .sorted(Comparator.comparing((String b) -> !b.equals(SCALAR)).thenComparing(Comparator.naturalOrder()))
                .toList();
        if (!mi.isEmpty()) {
            md.append("`mutualInformation(int[] x, int[] y)`: labels uniform in [0, k) on each side, y = x for a third of "
                    + "the samples. ns per sample (± 99.9% half-width).\n\n| n | k |");
            bs.forEach(b -> md.append(' ').append(cell(b)).append(" |"));
            md.append("\n|---|---|");
            bs.forEach(b -> md.append("---:|"));
            md.append('\n');
            List<Long> ns = mi.stream().map(Row::size).distinct().sorted().toList();
            List<Integer> ks = mi.stream().map(r -> Integer.parseInt(r.param("k"))).distinct().sorted().toList();
            for (long n : ns) {
                for (int k : ks) {
                    md.append("| ").append(size(n)).append(" | ").append(k).append(" |");
                    for (String b : bs) {
                        Optional<Row> r = mi.stream().filter(x -> x.size() == n && x.param("k").equals(String.valueOf(k))
                                && x.param("backend").equals(b)).findFirst();
                        md.append(' ').append(r.map(x -> withError(x, n)).orElse("–")).append(" |");
                    }
                    md.append('\n');
                }
            }
            md.append('\n');
        }
        if (!ami.isEmpty()) {
            md.append("`adjustedMutualInformation` (arithmetic average), n = 1e6, k = 100 a side, time per call: ");
            md.append(String.join(", ", bs.stream().flatMap(b -> ami.stream().filter(r -> r.param("backend").equals(b))
                    .findFirst().map(r -> b + " " + perCall(r)).stream()).toList()));
            md.append(".\n\n");
        }
    }

    // ---------------------------------------------------------------------------------------------- losses

    /** Softmax cross-entropy (ns per logit, per backend, shape and type); nothing without loss rows. */
    void losses(StringBuilder md) {
        List<Row> rows = results.rows().stream().filter(r -> r.benchmark().equals(LOSS + ".softmaxCrossEntropy"))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Softmax cross-entropy\n\n");
        boolean alloc = hasAlloc(rows);
        md.append("`softmaxCrossEntropy(logits, rows, classes, int[] targets)`, mean reduction, logits N(0, 3²). ns per "
                + "logit (± 99.9% half-width)" + (alloc ? ", allocation per call" : "") + ".\n\n"
                + "| N × C | type | backend | ns/logit | per call | vs scalar |" + (alloc ? " B/op |" : "")
                + "\n|---|---|---|---:|---:|---:|" + (alloc ? "---:|" : "") + "\n");
        List<String> shapes = rows.stream().map(r -> r.param("shape")).distinct()
                .sorted(Comparator.comparingLong(ReportWriter::logits)).toList();
        List<String> bs = rows.stream().map(r -> r.param("backend")).distinct()
                .sorted(Comparator.comparing((String b) -> !b.equals(SCALAR)).thenComparing(Comparator.naturalOrder()))
                .toList();
        for (String shape : shapes) {
            for (String type : TYPES) {
                Optional<Row> scalar = rows.stream().filter(r -> r.param("shape").equals(shape)
                        && r.param("type").equals(type) && r.param("backend").equals(SCALAR)).findFirst();
                for (String b : bs) {
                    rows.stream().filter(r -> r.param("shape").equals(shape) && r.param("type").equals(type)
                            && r.param("backend").equals(b)).findFirst().ifPresent(r -> md.append(String.format(
                            Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%s%n", shape.replace("x", " × "), type, b,
                            withError(r, logits(shape)), perCall(r),
                            b.equals(SCALAR) ? "1×" : ratio(scalar, Optional.of(r)),
                            alloc ? " " + alloc(r) + " |" : "")));
                }
            }
        }
        md.append('\n');
    }

    // ------------------------------------------------------------------------------------------- selection

    /** Shows FEAST's timings and selections ({@link FeastSelections}) next to {@code SelectionBenchmark}'s. */
    ReportWriter withFeast(FeastSelections.Result r) {
        this.feast = r;
        return this;
    }

    /** Shows the Python peers' timings next to the drift and the continuous MI/registration benchmarks. */
    ReportWriter withPeers(PeerTimings.Result drift, PeerTimings.Result continuous) {
        this.driftPeers = drift;
        this.continuousPeers = continuous;
        return this;
    }

    /** Seconds per selection per shape, criterion, backend and thread count, next to FEAST's; nothing without rows. */
    void selection(StringBuilder md) {
        List<Row> rows = results.rows().stream().filter(r -> r.benchmark().equals(SELECTION + ".select")).toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Feature selection\n\n");
        Row any = rows.getFirst();
        md.append("`FeatureSelection.select(columns, target, criterion, k)`, k = ").append(any.param("k"))
                .append(", on `SelectionData` (byte codes, 10 levels, binary target, fixed seed: a fifth of the "
                        + "columns (at most 25) noisy views of the target, as many noisy relabelled copies of them "
                        + "and as many mixtures, the rest noise). Ours: seconds per selection, JMH single shot, mean "
                        + "± 99.9% half-width (`±?`: one shot), the data made once per trial. ");
        if (feast == null) {
            md.append("FEAST was not timed with these results (no `").append(FeastSelections.FILE_NAME)
                    .append("` next to the JMH file).\n\n");
        } else if (feast.unavailable() != null) {
            md.append("**FEAST was not timed in this run**: ").append(feast.unavailable()).append(".\n\n");
        } else {
            md.append("FEAST (").append(feast.build().isEmpty() ? "built from source" : cell(feast.build()))
                    .append("; `bench/tools/feast_bench.sh`): CPU seconds of one call of its uint API, timed in the "
                            + "same run on the same data (the codes widened to its uint columns outside the timing); "
                            + "single-threaded. In parentheses: FEAST's time / ours. \"Same\": both selected the "
                            + "same features in the same order (ours once more in the report's JVM).\n\n");
        }
        boolean alloc = hasAlloc(rows);
        List<String> configs = rows.stream().map(r -> r.param("backend") + "|" + r.param("threads")).distinct()
                .sorted(Comparator.comparing((String c) -> !c.startsWith(SCALAR + "|")).thenComparing(Comparator.naturalOrder()))
                .toList();
        md.append("| rows × features | criterion | FEAST s |");
        configs.forEach(c -> md.append(' ').append(c.replace("|", ", ")).append(c.endsWith("|1") ? " thread |" : " threads |"));
        md.append(" same |\n|---|---|--:|");
        configs.forEach(c -> md.append("--:|"));
        md.append("---|\n");
        List<String> shapes = rows.stream().map(r -> r.param("shape")).distinct()
                .sorted(Comparator.comparingLong(ReportWriter::logits)).toList();
        List<String> criteria = rows.stream().map(r -> r.param("criterion")).distinct().toList();
        for (String shape : shapes) {
            for (String c : criteria) {
                Optional<FeastSelections.Row> f = feast == null ? Optional.empty() : feast.rows().stream()
                        .filter(x -> x.shape().equals(shape) && x.criterion().equals(c)).findFirst();
                md.append("| ").append(shape.replace("x", " × ")).append(" | ").append(SelectionBenchmark.feastName(c)).append(" | ")
                        .append(f.map(x -> sig3(x.cpuSeconds())).orElse("–")).append(" |");
                for (String config : configs) {
                    String[] bt = config.split("\\|");
                    Optional<Row> r = rows.stream().filter(x -> x.param("shape").equals(shape)
                            && x.param("criterion").equals(c) && x.param("backend").equals(bt[0])
                            && x.param("threads").equals(bt[1])).findFirst();
                    md.append(' ').append(r.map(x -> seconds(x)
                            + f.map(y -> " (" + sig3(y.cpuSeconds() * 1e9 / x.nanosPerOp()) + "×)").orElse("")
                            + (alloc && !Double.isNaN(x.allocBytesPerOp())
                            ? ", " + sig3(x.allocBytesPerOp() / 1e6) + " MB" : "")).orElse("–")).append(" |");
                }
                md.append(' ').append(f.map(x -> x.same() ? "yes" : "**no**").orElse("–")).append(" |\n");
            }
        }
        md.append('\n');
        if (alloc) {
            md.append("MB: allocated per selection (`gc.alloc.rate.norm`).\n\n");
        }
        md.append("Issue 14's targets at 100,000 × 1,000 on 2 cores: JMI and mRMR ≥ 20× FEAST with 1 thread and ≥ 35× "
                + "with 2; CMIM ≥ 5× and ≥ 8×.\n\n");
        if (feast != null && feast.rows().stream().anyMatch(x -> !x.same())) {
            md.append("Selections that differ (ours, then FEAST's):\n\n");
            feast.rows().stream().filter(x -> !x.same()).forEach(x -> md.append("- ").append(x.shape()).append(' ')
                    .append(SelectionBenchmark.feastName(x.criterion())).append(": `").append(SelectionRun.indices(x.ours()))
                    .append("` vs `").append(SelectionRun.indices(x.feast())).append("`\n"));
            md.append('\n');
        }
    }

    /** Seconds per selection ± the 99.9% half-width. */
    private static String seconds(Row r) {
        double s = r.nanosPerOp() * 1e-9;
        double e = r.errorNanosPerOp() * 1e-9;
        return sig3(s) + (Double.isFinite(e) ? " ± " + sig2(e) : " ±?") + " s";
    }

    private static long logits(String shape) {
        String[] rc = shape.split("x");
        return Long.parseLong(rc[0]) * Long.parseLong(rc[1]);
    }

    // ---------------------------------------------------------------------------------------------- headline

    /** The largest n at which the first measure was measured for every type, on any backend. */
    long headlineSize() {
        String first = DIST + "." + measures.getFirst();
        for (int k = sizes.size() - 1; k >= 0; k--) {
            long n = sizes.get(k);
            if (types.stream().allMatch(t -> backends.stream().anyMatch(b -> results.find(first, b, n, t).isPresent()))) {
                return n;
            }
        }
        return sizes.isEmpty() ? -1 : sizes.getLast();
    }

    private void headline(StringBuilder md) {
        if (measures.isEmpty()) {
            md.append("No DistributionBenchmark results in this file.\n\n");
            return;
        }
        long n = headlineSize();
        md.append("## Headline: n = ").append(size(n)).append("\n\n");
        md.append("ns per element ± 99.9% confidence half-width (lower is better); for each backend other than scalar, "
                + "its throughput, its speed-up over scalar and its time divided by the roofline's (a plain SIMD sum "
                + "over the same bytes: 1× would be memory speed).\n\n");
        List<String> others = backends.stream().filter(b -> !b.equals(SCALAR)).toList();
        StringBuilder head = new StringBuilder("| measure | type |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String b : backends) {
            head.append(' ').append(b).append(" ns/elem |");
            rule.append("--:|");
        }
        head.append(" roofline ns/elem |");
        rule.append("--:|");
        for (String b : others) {
            head.append(' ').append(b).append(" GB/s | ").append(b).append(" speed-up | ").append(b).append(" ÷ roofline |");
            rule.append("--:|--:|--:|");
        }
        md.append(head).append('\n').append(rule).append('\n');
        for (String measure : measures) {
            for (String type : types) {
                Optional<Row> roof = results.find(rooflineFor(measure), null, n, type);
                Optional<Row> scalar = results.find(DIST + "." + measure, SCALAR, n, type);
                StringBuilder line = new StringBuilder("| ").append(measure).append(" | ").append(type).append(" |");
                for (String b : backends) {
                    Optional<Row> r = results.find(DIST + "." + measure, b, n, type);
                    line.append(' ').append(r.map(x -> withError(x, n)).orElse("–")).append(" |");
                }
                line.append(' ').append(roof.map(x -> withError(x, n)).orElse("–")).append(" |");
                for (String b : others) {
                    Optional<Row> r = results.find(DIST + "." + measure, b, n, type);
                    line.append(' ').append(r.map(x -> sig3(gbPerSecond(x, measure, type))).orElse("–"));
                    line.append(" | ").append(ratio(scalar, r)).append(" | ").append(ratio(r, roof)).append(" |");
                }
                md.append(line).append('\n');
            }
        }
        md.append('\n');
    }

    // ----------------------------------------------------------------------------------------------- details

    private void details(StringBuilder md, String type) {
        md.append("## All results, ").append(type).append(" (").append(elementBytes(type)).append(" bytes per element)\n\n");
        // Allocation is known only from a run with -prof gc; the column is left out rather than left empty.
        boolean alloc = hasAlloc(results.rows());
        md.append("| measure | n | backend | ns/element ± 99.9% CI | time/call | GB/s | speed-up vs scalar | ÷ roofline |"
                + (alloc ? " alloc B/call |" : "") + "\n");
        md.append("|---|--:|---|--:|--:|--:|--:|--:|" + (alloc ? "--:|" : "") + "\n");
        for (String measure : measures) {
            for (long n : sizes) {
                Optional<Row> roof = results.find(rooflineFor(measure), null, n, type);
                Optional<Row> scalar = results.find(DIST + "." + measure, SCALAR, n, type);
                for (String b : backends) {
                    Optional<Row> r = results.find(DIST + "." + measure, b, n, type);
                    if (r.isEmpty()) {
                        continue;
                    }
                    Row x = r.get();
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%s%n", measure, size(n),
                            b, withError(x, n), perCall(x), sig3(gbPerSecond(x, measure, type)),
                            b.equals(SCALAR) ? "1×" : ratio(scalar, r), ratio(r, roof), alloc ? " " + alloc(x) + " |" : ""));
                }
                roof.ifPresent(x -> md.append(String.format(Locale.ROOT, "| %s | %s | *roofline (%s)* | %s | %s | %s | | 1× |%s%n",
                        measure, size(n), x.method(), withError(x, n), perCall(x), sig3(gbPerSecond(x, measure, type)),
                        alloc ? " " + alloc(x) + " |" : "")));
            }
        }
        md.append('\n');
    }

    // ------------------------------------------------------------------------------------------------ charts

    private void charts(StringBuilder md) {
        if (measures.isEmpty()) {
            return;
        }
        md.append("## Charts\n\nns per element against n, both on log scales; error bars are the 99.9% confidence "
                + "intervals. An interval that reaches zero cannot end on a log scale: its bar runs down to the axis "
                + "and ends in an open triangle. Lines join only sizes measured within a factor "
                + (int) SvgChart.MAX_JOINED_RATIO + " of each other; between points farther apart nothing was "
                + "measured, so nothing is drawn. The dashed grey line is the roofline. Each chart's caption names "
                + "the machine, JDK and commit.\n\n");
        md.append('|');
        types.forEach(t -> md.append(' ').append(t).append(" |"));
        md.append("\n|");
        types.forEach(t -> md.append("---|"));
        md.append('\n');
        for (String measure : measures) {
            md.append('|');
            for (String type : types) {
                md.append(String.format(Locale.ROOT, " ![%s, %s](%s) |", measure, type, chartName(measure, type)));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    String chart(String measure, String type) {
        List<SvgChart.Series> series = new ArrayList<>();
        for (int k = 0; k < backends.size(); k++) {
            String b = backends.get(k);
            series.add(new SvgChart.Series(b, SvgChart.PALETTE.get(k % SvgChart.PALETTE.size()), false,
                    points(DIST + "." + measure, b, type)));
        }
        String roof = rooflineFor(measure);
        series.add(new SvgChart.Series("roofline (" + roof.substring(roof.indexOf('.') + 1) + ")",
                SvgChart.ROOFLINE_COLOR, true, points(roof, null, type)));
        return SvgChart.render(measure + ", " + type + ": ns per element", caption(), "n (elements)", "ns per element",
                series);
    }

    /** Machine, JDK, commit and profile, for every chart: a chart copied out of the report still says where it
     *  comes from. */
    String caption() {
        if (environment == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        String cpu = environment.getOrDefault("cpu", "unknown CPU");
        parts.add((cpu.length() > 48 ? cpu.substring(0, 47) + "…" : cpu) + ", "
                + environment.getOrDefault("cores", "?").replace(" available to the JVM", " cores"));
        String jdk = environment.getOrDefault("jdk", "");
        parts.add("JDK " + (jdk.contains(" ") ? jdk.substring(0, jdk.indexOf(' ')) : jdk));
        String commit = environment.getOrDefault("git commit", "");
        parts.add("commit " + (commit.isEmpty() ? "unknown" : commit.length() > 12 ? commit.substring(0, 12) : commit));
        parts.add("profile " + environment.getOrDefault("profile", "?"));
        return String.join(" · ", parts);
    }

    private List<SvgChart.Point> points(String benchmark, String backend, String type) {
        List<SvgChart.Point> pts = new ArrayList<>();
        for (long n : sizes) {
            results.find(benchmark, backend, n, type).ifPresent(r -> {
                double y = r.nanosPerOp() / n;
                double e = r.errorNanosPerOp() / n;
                boolean hasError = Double.isFinite(e) && e > 0;
                pts.add(new SvgChart.Point(n, y, hasError ? y - e : y, hasError ? y + e : y));
            });
        }
        return pts;
    }

    // ---------------------------------------------------------------------------------------------- accuracy

    private void accuracy(StringBuilder md) {
        md.append("## Accuracy\n\n");
        if (accuracy == null || accuracy.isEmpty()) {
            md.append("Not measured with these results (no `").append(Accuracy.FILE_NAME)
                    .append("` next to the JMH file; `report` writes one before it starts JMH).\n\n");
            return;
        }
        md.append("Relative error |value − reference| / |reference| on the benchmark's inputs (several seeds per size, "
                + "n ≤ 1e6), against the double-double exact value of the same input, and against the other backend. "
                + "For float input the reference is that of the float values themselves.\n\n");
        md.append("| measure | type | backend | samples | vs exact: max | vs exact: median | vs | vs other: max | vs other: median |\n");
        md.append("|---|---|---|--:|--:|--:|---|--:|--:|\n");
        for (Accuracy.Row r : accuracy) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s |%n", r.measure(), r.type(),
                    r.backend(), r.samples(), err(r.maxVsExact()), err(r.medianVsExact()),
                    r.other().isEmpty() ? "–" : r.other(), err(r.maxVsOther()), err(r.medianVsOther())));
        }
        md.append('\n');
    }

    private static String err(double v) {
        return Double.isNaN(v) ? "–" : v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v);
    }

    // ------------------------------------------------------------------------------------------- environment

    private void environment(StringBuilder md) {
        md.append("## Environment\n\n");
        Map<String, String> jvm = new LinkedHashMap<>();
        results.rows().stream().filter(r -> r.benchClass().equals(DIST)).findFirst()
                .or(() -> results.rows().stream().findFirst())
                .ifPresent(r -> jvm.putAll(r.jvm()));
        md.append("| | |\n|---|---|\n");
        if (environment == null) {
            md.append("| note | no ").append(RunEnvironment.FILE_NAME)
                    .append(" next to the JMH file: only what JMH itself records is known |\n");
        } else {
            environment.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n"));
        }
        if (!jvm.isEmpty()) {
            md.append("| measured JVM | ").append(cell(jvm.getOrDefault("jdkVersion", "?") + ", "
                    + jvm.getOrDefault("vmName", "?") + " " + jvm.getOrDefault("vmVersion", ""))).append(" |\n");
            md.append("| measured JVM flags | `").append(cell(jvm.getOrDefault("jvmArgs", ""))).append("` |\n");
            md.append("| JMH | ").append(cell(String.format(Locale.ROOT,
                    "%s; %s fork(s) × %s iterations of %s after %s warm-up iterations of %s; %s thread, mode %s",
                    jvm.getOrDefault("jmhVersion", "?"), jvm.getOrDefault("forks", "?"),
                    jvm.getOrDefault("measurementIterations", "?"), jvm.getOrDefault("measurementTime", "?"),
                    jvm.getOrDefault("warmupIterations", "?"), jvm.getOrDefault("warmupTime", "?"),
                    jvm.getOrDefault("threads", "?"), jvm.getOrDefault("mode", "?")))).append(" |\n");
        }
        md.append('\n');
    }

    private static void definitions(StringBuilder md) {
        md.append("## How to read it\n\n");
        md.append("- **ns/element** = JMH score (ns per call) / n. **±** is JMH's 99.9% confidence half-width "
                + "(`scoreError`), divided by n; `±?` means a single iteration, so no interval.\n");
        md.append("- **GB/s** = bytes read / time, bytes read = n × element size × arrays read (1 for entropy, "
                + "2 for cross-entropy, KL and JS); 1 GB = 10⁹ bytes.\n");
        md.append("- **speed-up vs scalar** = scalar time / backend time, same measure, n and type.\n");
        md.append("- **÷ roofline** = measure time / roofline time: `RooflineBenchmark.sumP` (one array) for "
                + "entropy, `sumPQ` (two arrays) for the others — a plain single-threaded SIMD sum over exactly the "
                + "same bytes. 1× would mean the measure runs at memory (or L1/L2) speed; the excess is the cost of "
                + "the logarithms and the validation.\n");
        md.append("- **Ratios below 1× the roofline** do not mean a measure beat the memory: the roofline is one "
                + "particular loop (four vector accumulators, no unrolling beyond that), not a hardware limit. "
                + "Where the data sits in L1/L2 (small n), that loop is bound by the latency of its additions, and a "
                + "kernel with more independent accumulators can finish sooner; at memory-bound sizes both wait for "
                + "the same bytes and ratios near 1× are within the noise (compare the error bars). A ratio below 1× "
                + "at large n on a busy machine usually means the roofline's trial was disturbed.\n");
        md.append("- **alloc B/call** (only when the run used `-prof gc`) = `gc.alloc.rate.norm`, bytes allocated "
                + "per call (should be ≈ 0).\n");
        md.append("- Inputs: `Distributions` with its fixed seed — p ~ Dirichlet(0.5) with 10% exact zeros, "
                + "q ~ Dirichlet(2); generated once per trial, outside the measured method.\n");
    }

    // ------------------------------------------------------------------------------------------- formatting

    static double gbPerSecond(Row r, String measure, String type) {
        long n = r.size();
        double bytes = (double) n * elementBytes(type) * arraysRead(measure);
        return bytes / r.nanosPerOp(); // bytes per ns = GB/s
    }

    /** a / b as "12.3×", or "–" if either is missing. */
    static String ratio(Optional<Row> a, Optional<Row> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return "–";
        }
        double v = a.get().nanosPerOp() / b.get().nanosPerOp();
        return sig3(v) + "×";
    }

    static String withError(Row r, long n) {
        double v = r.nanosPerOp() / n;
        double e = r.errorNanosPerOp() / n;
        if (!Double.isFinite(e)) {
            return sig3(v) + " ±?";
        }
        return sig3(v) + " ± " + sig2(e);
    }

    /** Time per call in the unit that keeps it readable: 43.2 ns, 1.24 µs, 8.57 ms, 1.92 s. */
    static String perCall(Row r) {
        double ns = r.nanosPerOp();
        if (ns < 1e3) {
            return sig3(ns) + " ns";
        }
        if (ns < 1e6) {
            return sig3(ns * 1e-3) + " µs";
        }
        if (ns < 1e9) {
            return sig3(ns * 1e-6) + " ms";
        }
        return sig3(ns * 1e-9) + " s";
    }

    static String alloc(Row r) {
        double a = r.allocBytesPerOp();
        if (Double.isNaN(a)) {
            return "";
        }
        return a < 0.5 ? "0" : String.format(Locale.ROOT, "%.0f", a);
    }

    static String size(long n) {
        if (n <= 0) {
            return "?";
        }
        int d = (int) Math.round(Math.log10(n));
        if (d >= 3 && Math.pow(10, d) == n) {
            return "1e" + d;
        }
        return String.valueOf(n);
    }

    /** Three significant digits, plain notation for 1e-4 ≤ |v| < 1e6. */
    static String sig3(double v) {
        return sig(v, 3);
    }

    static String sig2(double v) {
        return sig(v, 2);
    }

    private static String sig(double v, int digits) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-4 || a >= 1e6) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        }
        int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String cell(String v) {
        return v.replace("|", "\\|");
    }
}
