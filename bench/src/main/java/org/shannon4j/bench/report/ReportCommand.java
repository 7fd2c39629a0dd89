package org.shannon4j.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;

/**
 * {@code report}: runs {@code DistributionBenchmark} and {@code RooflineBenchmark} through JMH with one of the
 * {@link Profile}s, saves JMH's JSON and the {@link RunEnvironment} next to each other, and renders the report
 * with {@link ReportWriter}, after measuring the accuracy of every backend ({@link Accuracy}). With
 * {@code --from FILE} it only renders an existing JMH JSON file (and the accuracy file next to it, if any).
 *
 * <pre>
 *   report [--profile quick|full|smoke] [--out DIR] [--sizes 1000,1e6] [--types double,float] [--include REGEX]
 *          [--sections suite,mi,losses,selection,drift,continuous]
 *   report --from bench/results/quick/jmh.json [--out DIR]
 * </pre>
 */
public final class ReportCommand {

    /** The lines of {@code bin/shannon4j}'s usage text for this subcommand (two-space indent, like the others). */
    public static final String USAGE = """
              report [--profile quick|full|smoke] [--out DIR] [--sizes 1000,1e6] [--types double,float]
                     [--include REGEX] [--forks N]
                        run the JMH suite (every supported backend + roofline; without --include also MI
                        from labels, n = 1e7, k = 10/100/1000, and AMI: about 1 more minute; softmax
                        cross-entropy; feature selection at 100,000 x 1,000, k = 50, next to FEAST built from
                        source with gcc where it can be: about 4 more minutes) and write DIR/report.md, one
                        SVG chart per measure and type, DIR/jmh.json, DIR/environment.txt, DIR/accuracy.csv
                        (DIR defaults to bench/results/PROFILE); quick takes about 17 minutes on 2 cores
              report ... --sections suite,mi,losses,selection,drift,continuous
                        run only these parts (default: all; with --include: suite only). drift: one column
                        of 3M + 3M values per method and 3M x 200 columns against profiles, next to numpy +
                        scipy doing Evidently's arithmetic (about 3 minutes); continuous: KSG at n = 1e5 and
                        1e6 next to scikit-learn (1e6 only with --profile full: ~3 minutes more) and histogram
                        MI of two 1e7-voxel images next to numpy (about 1.5 minutes)
              report --from JMH.json [--out DIR]
                        only render a report from an existing JMH JSON file (DIR defaults to its folder)\
            """;

    /** Benchmark selection and JMH settings of one run. */
    public record Profile(String name, List<Long> sizes, int forks, int warmups, String warmupTime, int iterations,
                          String iterationTime) {

        static Profile named(String name) {
            return switch (name) {
                // README and the default: three sizes (L1/L2-resident, L3/memory, memory), about 6 minutes on 2 cores.
                case "quick" -> new Profile("quick", List.of(1_000L, 1_000_000L, 10_000_000L), 1, 2, "1s", 3, "1s");
                // Publication: per-call overhead (n = 8, 64), then five decades; two forks for fork-to-fork
                // variance; 1e8 is dropped on small heaps.
                case "full" -> new Profile("full", List.of(8L, 64L, 1_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L),
                        2, 3, "2s", 5, "2s");
                // CI and "does it still run": one size, one short iteration.
                case "smoke" -> new Profile("smoke", List.of(1_000L), 1, 1, "100ms", 1, "100ms");
                default -> throw new IllegalArgumentException("--profile " + name + ": expected quick, full or smoke");
            };
        }

        Profile withSizes(List<Long> s) {
            return new Profile(name, s, forks, warmups, warmupTime, iterations, iterationTime);
        }

        Profile withForks(int f) {
            return new Profile(name, sizes, f, warmups, warmupTime, iterations, iterationTime);
        }
    }

    /** Parsed command line. */
    record Options(Profile profile, Path out, Path from, List<String> types, String include, List<String> sections) {
    }

    /**
     * The parts of a run, in order: the suite (DistributionBenchmark, roofline, accuracy), then the sections of
     * their own. {@code --sections} picks some; {@code --include} narrows the suite and leaves out the others.
     */
    static final List<String> SECTIONS = List.of("suite", "mi", "losses", "selection", "drift", "continuous");

    /** Heap a forked JVM needs for one n = 1e8 trial: p and q in double plus the float copies, with room to spare. */
    static final long BYTES_FOR_1E8 = 3L << 30;

    private ReportCommand() {
    }

    /** Entry point from {@code BenchCommands}; returns the exit status. */
    public static int run(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("report: " + e.getMessage());
            System.err.println("usage:\n" + USAGE);
            return 2;
        }
        try {
            Path report = o.from() != null ? render(o.from(), o.out(), System.out) : measureAndRender(o, System.out);
            System.out.println();
            System.out.println("report: " + report.toAbsolutePath().normalize());
            return 0;
        } catch (IOException | RunnerException | RuntimeException e) {
            System.err.println("report: " + e);
            return 1;
        }
    }

    static Options parse(String[] args) {
        String profile = "quick";
        Path out = null;
        Path from = null;
        List<Long> sizes = null;
        List<String> types = List.of("double", "float");
        String include = null;
        Integer forks = null;
        List<String> sections = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value" : "unknown argument '" + arg + "'");
                }
                value = args[++i];
            }
            switch (arg) {
                case "--profile" -> profile = value;
                case "--out" -> out = Path.of(value);
                case "--from" -> from = Path.of(value);
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(String::strip).map(s -> (long) org.shannon4j.bench.Sizes.parse(s)).toList();
                case "--types" -> {
                    types = Arrays.stream(value.split(",")).map(String::strip).toList();
                    for (String t : types) {
                        if (!t.equals("double") && !t.equals("float")) {
                            throw new IllegalArgumentException("--types " + value + ": expected double and/or float");
                        }
                    }
                }
                case "--include" -> include = value;
                case "--sections" -> {
                    sections = Arrays.stream(value.split(",")).map(String::strip).toList();
                    for (String x : sections) {
                        if (!SECTIONS.contains(x)) {
                            throw new IllegalArgumentException("--sections " + value + ": '" + x + "' is not one of "
                                    + String.join(", ", SECTIONS));
                        }
                    }
                }
                case "--forks" -> {
                    try {
                        forks = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--forks " + value + ": not an integer");
                    }
                    if (forks < 0) {
                        throw new IllegalArgumentException("--forks " + value + ": must be >= 0 (0 runs in this JVM)");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i - 1] + "'");
            }
        }
        Profile p = Profile.named(profile);
        if (sizes != null) {
            p = p.withSizes(sizes);
        }
        if (forks != null) {
            p = p.withForks(forks);
        }
        if (out == null) {
            out = from != null ? from.toAbsolutePath().getParent() : Path.of("bench", "results", p.name());
        }
        if (sections == null) {
            sections = include != null ? List.of("suite") : SECTIONS;
        }
        return new Options(p, out, from, types, include, sections);
    }

    // ------------------------------------------------------------------------------------------ mutual information

    /** MI from labels: n and the label counts k measured by the default suite (AMI runs once per backend). */
    static final String MI_SIZE = "10000000";
    static final String[] MI_KS = {"10", "100", "1000"};

    /**
     * Runs {@code MutualInformationBenchmark} with its own parameters (the suite's size/type do not apply to it)
     * and appends its rows to {@code json}, so that one file still renders the whole report. With the quick
     * profile: 6 MI trials + 2 AMI trials, about a minute. Smoke: k = 10 at n = 1e5 only.
     */
    static void mutualInformation(Profile p, List<String> backends, Path json, PrintStream log)
            throws IOException, RunnerException {
        boolean smoke = p.name().equals("smoke");
        ChainedOptionsBuilder b = timed(p, "org\\.shannon4j\\.bench\\.MutualInformationBenchmark\\.")
                .param("backend", backends.toArray(String[]::new))
                .param("size", smoke ? "100000" : MI_SIZE)
                .param("k", smoke ? new String[] {"10"} : MI_KS);
        log.println("report: mutual information from labels (MutualInformationBenchmark, k = "
                + String.join(", ", smoke ? new String[] {"10"} : MI_KS) + ", one fork) ...");
        runAppended(b, "mi", json);
    }

    static final String[] LOSS_SHAPES = {"1000000x10", "100000x1000"};

    /**
     * Runs {@code LossBenchmark} (softmax cross-entropy with class-index targets) with its own parameters — the
     * issue's shapes N = 1e6, C = 10 and N = 1e5, C = 1000 in float and double — and appends its rows to
     * {@code json}. Quick profile: 8 trials, about a minute. Smoke: 1000 × 10 only.
     */
    static void losses(Profile p, List<String> backends, List<String> types, Path json, PrintStream log)
            throws IOException, RunnerException {
        boolean smoke = p.name().equals("smoke");
        String[] shapes = smoke ? new String[] {"1000x10"} : LOSS_SHAPES;
        ChainedOptionsBuilder b = timed(p, "org\\.shannon4j\\.bench\\.LossBenchmark\\.")
                .param("backend", backends.toArray(String[]::new))
                .param("shape", shapes)
                .param("type", types.toArray(String[]::new));
        log.println("report: softmax cross-entropy (LossBenchmark, " + String.join(", ", shapes) + ", one fork) ...");
        runAppended(b, "loss", json);
    }

    /** Features selected by the report's selection benchmarks (the k). */
    static final int SELECTION_K = 50;
    static final String[] SELECTION_CRITERIA = {"jmi", "mrmr", "cmim"};

    /** Shapes of the feature-selection benchmark per profile: the 100,000 × 1,000 (full: also 1e6 × 100). */
    static List<String> selectionShapes(Profile p) {
        return switch (p.name()) {
            case "smoke" -> List.of("2000x40");
            case "full" -> List.of("100000x1000", "1000000x100");
            default -> List.of("100000x1000");
        };
    }

    /**
     * Runs {@code SelectionBenchmark} (one selection of k = 50 per shot; every criterion, backend and 1 and 2
     * threads; one warm-up shot and two measured, full: three) and appends its rows to {@code json}, then times
     * FEAST on the same data ({@link FeastSelections}) into {@value FeastSelections#FILE_NAME}. Quick profile:
     * 12 trials of a few seconds per shot plus FEAST's ~35 s, about 3 to 4 minutes at this commit on 2 cores.
     * Smoke: 2,000 × 40, k = 10, one shot.
     */
    static void selection(Profile p, List<String> backends, Path json, PrintStream log)
            throws IOException, RunnerException {
        boolean smoke = p.name().equals("smoke");
        List<String> shapes = selectionShapes(p);
        int k = smoke ? 10 : SELECTION_K;
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("org\\.shannon4j\\.bench\\.SelectionBenchmark\\.")
                .param("criterion", SELECTION_CRITERIA)
                .param("backend", backends.toArray(String[]::new))
                .param("threads", "1", "2")
                .param("shape", shapes.toArray(String[]::new))
                .param("k", String.valueOf(k))
                .forks(1)
                .warmupIterations(smoke ? 0 : 1)
                .measurementIterations(smoke ? 1 : p.name().equals("full") ? 3 : 2);
        log.println("report: feature selection (SelectionBenchmark, " + String.join(", ", shapes) + ", k = " + k
                + ", one fork) ...");
        runAppended(b, "selection", json);
        String ours = backends.contains("simd") ? "simd" : backends.getFirst();
        FeastSelections.write(FeastSelections.measure(shapes, List.of(SELECTION_CRITERIA), k, ours,
                json.toAbsolutePath().getParent(), log), json.resolveSibling(FeastSelections.FILE_NAME));
    }

    /**
     * Runs one section's JMH options into {@code jmh-NAME.json} and appends its rows to {@code json}, so that one
     * file still renders the whole report.
     */
    static void runAppended(ChainedOptionsBuilder b, String name, Path json) throws IOException, RunnerException {
        Path side = json.resolveSibling("jmh-" + name + ".json");
        b.shouldFailOnError(true).resultFormat(ResultFormatType.JSON).result(side.toString());
        new Runner(b.build()).run();
        Files.writeString(json, appendJsonArrays(Files.readString(json), Files.readString(side)));
        Files.delete(side);
    }

    /** One fork with the profile's warm-up and measurement iterations. */
    static ChainedOptionsBuilder timed(Profile p, String include) {
        return new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(p.warmups())
                .warmupTime(TimeValue.fromString(p.warmupTime()))
                .measurementIterations(p.iterations())
                .measurementTime(TimeValue.fromString(p.iterationTime()));
    }

    // ------------------------------------------------------------------------------------------------ drift

    static final Path EVIDENTLY_SCRIPT = Path.of("drift", "tools", "bench_evidently.py");
    static final Path SKLEARN_KSG_SCRIPT = Path.of("continuous", "tools", "time_sklearn_ksg.py");
    static final Path REGISTRATION_NUMPY_SCRIPT = Path.of("bench", "tools", "registration_numpy.py");

    /**
     * Runs {@code DriftBenchmark} (every method on one column of 3M + 3M values, two columns and against a
     * profile; the 3M × 200 monitor on 1 and 2 threads) and appends its rows to {@code json}, then times
     * {@code bench_evidently.py} on the same data into {@value PeerTimings#DRIFT_FILE}. Quick profile: 12 trials,
     * the monitor's data alone (620 million normal values) takes about 20 s a trial to make; about 3 minutes
     * with Python. Smoke: 1e5 + 1e5 values and 1e5 × 10.
     */
    static void drift(Profile p, Path json, PrintStream log) throws IOException, RunnerException {
        boolean smoke = p.name().equals("smoke");
        String size = smoke ? "100000" : String.valueOf(PeerSections.DRIFT_SIZE);
        ChainedOptionsBuilder b = timed(p, "org\\.shannon4j\\.bench\\.DriftBenchmark\\.")
                .param("size", size)
                .param("method", PeerSections.DRIFT_METHODS.toArray(String[]::new))
                .param("rows", size)
                .param("columns", smoke ? "10" : "200")
                .param("threads", "1", "2");
        log.println("report: drift (DriftBenchmark, " + size + " + " + size + " values; monitor " + size + " x "
                + (smoke ? 10 : 200) + " on 1 and 2 threads; one fork) ...");
        runAppended(b, "drift", json);
        PeerTimings.write(PeerTimings.measure(PeerTimings.PYTHON,
                        List.of(new PeerTimings.Script(EVIDENTLY_SCRIPT, List.of(size))), json.toAbsolutePath().getParent(), log),
                json.resolveSibling(PeerTimings.DRIFT_FILE));
    }

    /**
     * Runs {@code KsgBenchmark} (n = 1e5 and 1e6 on 1 and 2 threads) and {@code RegistrationBenchmark} (every
     * backend, 1 and 2 threads, the measured range; full: also the given one) and appends their rows to
     * {@code json}, then times scikit-learn's KSG (n = 1e5; full: also 1e6, about 40 s a call) and numpy's
     * histogram2d on the same data into {@value PeerTimings#CONTINUOUS_FILE}. Quick profile: 8 trials and the
     * Python side, about 1.5 minutes. Smoke: KSG at n = 1e4 on one thread, registration on one thread, numpy on
     * 1e5 voxels.
     */
    static void continuous(Profile p, List<String> backends, Path json, PrintStream log)
            throws IOException, RunnerException {
        boolean smoke = p.name().equals("smoke");
        boolean full = p.name().equals("full");
        String[] threads = smoke ? new String[] {"1"} : new String[] {"1", "2"};
        String[] ksgSizes = smoke ? new String[] {"10000"} : new String[] {"100000", "1000000"};
        log.println("report: KSG (KsgBenchmark, n = " + String.join(", ", ksgSizes) + "; one fork) ...");
        runAppended(timed(p, "org\\.shannon4j\\.bench\\.KsgBenchmark\\.").param("size", ksgSizes)
                .param("threads", threads).param("k", "3"), "ksg", json);
        log.println("report: registration (RegistrationBenchmark, 1e7 voxels, 256 bins; one fork) ...");
        runAppended(timed(p, "org\\.shannon4j\\.bench\\.RegistrationBenchmark\\.")
                .param("backend", backends.toArray(String[]::new)).param("threads", threads).param("bins", "256")
                .param("range", full ? new String[] {"measured", "given"} : new String[] {"measured"}), "registration", json);
        // scikit-learn at 1e6 is four calls of about 40 s: only the full profile pays for it.
        List<String> sklearnSizes = smoke ? List.of("10000") : full ? List.of("100000", "1000000") : List.of("100000");
        PeerTimings.write(PeerTimings.measure(PeerTimings.PYTHON, List.of(
                        new PeerTimings.Script(SKLEARN_KSG_SCRIPT, sklearnSizes),
                        new PeerTimings.Script(REGISTRATION_NUMPY_SCRIPT, smoke ? List.of("100000") : List.of())),
                        json.toAbsolutePath().getParent(), log),
                json.resolveSibling(PeerTimings.CONTINUOUS_FILE));
    }

    /** Two JSON arrays (JMH result files) as one. */
    static String appendJsonArrays(String a, String b) {
        String x = a.strip();
        String y = b.strip();
        if (!x.startsWith("[") || !x.endsWith("]") || !y.startsWith("[") || !y.endsWith("]")) {
            throw new IllegalArgumentException("not JSON arrays");
        }
        String xi = x.substring(1, x.length() - 1).strip();
        String yi = y.substring(1, y.length() - 1).strip();
        String items = xi.isEmpty() ? yi : yi.isEmpty() ? xi : xi + ",\n" + yi;
        return "[\n" + (items.isEmpty() ? "" : items + "\n") + "]\n";
    }

    /** Renders {@code jmhJson} (with the environment file next to it, if any) into {@code out}. */
    public static Path render(Path jmhJson, Path out, PrintStream log) throws IOException {
        JmhResults results = JmhResults.read(jmhJson);
        Path envFile = jmhJson.toAbsolutePath().resolveSibling(RunEnvironment.FILE_NAME);
        Map<String, String> env = Files.isReadable(envFile) ? RunEnvironment.read(envFile) : null;
        if (env == null) {
            log.println("report: no " + RunEnvironment.FILE_NAME + " next to " + jmhJson
                    + "; the report's environment section will only have what JMH recorded");
        }
        Path accuracyFile = jmhJson.toAbsolutePath().resolveSibling(Accuracy.FILE_NAME);
        List<Accuracy.Row> accuracy = Files.isReadable(accuracyFile) ? Accuracy.read(accuracyFile) : null;
        String profile = env == null ? "" : env.getOrDefault("profile", "");
        String source = "Rendered from `" + jmhJson.getFileName() + "` (" + results.rows().size() + " JMH results)"
                + (profile.isEmpty() ? "" : ", profile **" + profile + "**")
                + (env != null && env.containsKey("captured") ? ", run started " + env.get("captured") : "") + "."
                + switch (profile) {
                    case "smoke" -> "\n\n> **Smoke profile — not for publication**: one 100 ms iteration, mostly before "
                            + "the JIT has compiled the kernels. These numbers only show that the suite runs.";
                    case "full" -> "";
                    default -> "\n\n> **" + (profile.isEmpty() ? "Unknown profile" : "Quick profile")
                            + " — not for publication**: one fork and short iterations give indicative numbers. "
                            + "Publish the results of `bin/shannon4j report --profile full` (2 forks × 5 × 2 s, "
                            + "n = 8 … 1e8) on an idle machine.";
                };
        Path dir = jmhJson.toAbsolutePath().getParent();
        List<PythonBaselines.Row> python = PythonBaselines.read(dir);
        if (!python.isEmpty()) {
            log.println("report: " + python.size() + " Python library timings read from " + dir);
        }
        Path coldStart = dir.resolve(ReportWriter.COLD_START_FILE);
        List<String> cold = Files.isReadable(coldStart) ? Files.readAllLines(coldStart) : List.of();
        FeastSelections.Result feast = FeastSelections.read(dir.resolve(FeastSelections.FILE_NAME));
        return new ReportWriter(results, env, source, accuracy, python).withColdStart(cold).withFeast(feast)
                .withPeers(PeerTimings.read(dir.resolve(PeerTimings.DRIFT_FILE)),
                        PeerTimings.read(dir.resolve(PeerTimings.CONTINUOUS_FILE)))
                .write(out);
    }

    /** Files of an earlier run in the same directory would otherwise mix with this one's (e.g. an old chart). */
    static void removeStaleOutputs(Path dir) throws IOException {
        for (String name : List.of("jmh.json", "jmh-mi.json", "jmh-loss.json", "jmh-selection.json", "jmh-drift.json",
                "jmh-ksg.json", "jmh-registration.json", FeastSelections.FILE_NAME, PeerTimings.DRIFT_FILE,
                PeerTimings.CONTINUOUS_FILE,
                RunEnvironment.FILE_NAME, Accuracy.FILE_NAME, ReportWriter.REPORT_NAME)) {
            Files.deleteIfExists(dir.resolve(name));
        }
        try (var files = Files.newDirectoryStream(dir, "*-{double,float}.svg")) {
            for (Path f : files) {
                Files.delete(f);
            }
        }
    }

    static Path measureAndRender(Options o, PrintStream log) throws IOException, RunnerException {
        Profile p = o.profile();
        Files.createDirectories(o.out());
        Path json = o.out().resolve("jmh.json");

        List<String> backends = new ArrayList<>();
        for (BackendInfo b : Shannon.backends()) {
            if (b.supported()) {
                backends.add(b.name());
            } else {
                log.println("report: backend '" + b.name() + "' is unsupported here (" + b.reason() + "): not measured");
            }
        }
        // Scalar first: it is the baseline of every ratio, and the accuracy table reads best in that order.
        backends.sort(java.util.Comparator.comparing((String n) -> !n.equals(ReportWriter.SCALAR)));
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!vector) {
            log.println("report: jdk.incubator.vector is not in this JVM (run with --add-modules=jdk.incubator.vector, "
                    + "as bin/shannon4j does): scalar only, no roofline");
        }
        if (backends.isEmpty()) {
            throw new IllegalStateException("no supported backend found");
        }
        List<Long> sizes = new ArrayList<>(p.sizes());
        long heap = Runtime.getRuntime().maxMemory();
        if (sizes.removeIf(n -> n >= 100_000_000L && heap < BYTES_FOR_1E8)) {
            log.printf(Locale.ROOT, "report: n = 1e8 skipped: the default heap (%.1f GiB) is under %.0f GiB%n",
                    heap / (double) (1L << 30), BYTES_FOR_1E8 / (double) (1L << 30));
        }

        removeStaleOutputs(o.out());
        Map<String, String> env = RunEnvironment.capture();
        Map<String, String> withProfile = new java.util.LinkedHashMap<>();
        withProfile.put("profile", p.name());
        withProfile.putAll(env);
        RunEnvironment.write(withProfile, o.out().resolve(RunEnvironment.FILE_NAME));

        List<String> sections = o.sections();
        if (sections.contains("suite")) {
            // Accuracy first, in this JVM, so that it never competes with JMH's forks for the cores.
            log.println("report: accuracy of every backend against the double-double reference ...");
            Accuracy.write(Accuracy.measure(backends, sizes, o.types(), log), o.out().resolve(Accuracy.FILE_NAME));

            String include = o.include() != null ? o.include()
                    : vector ? "org\\.shannon4j\\.bench\\.(DistributionBenchmark|RooflineBenchmark)\\."
                    : "org\\.shannon4j\\.bench\\.DistributionBenchmark\\.";
            String sizeList = sizes.stream().map(String::valueOf).collect(Collectors.joining(","));
            ChainedOptionsBuilder b = new OptionsBuilder()
                    .include(include)
                    .param("backend", backends.toArray(String[]::new))
                    .param("size", sizes.stream().map(String::valueOf).toArray(String[]::new))
                    .param("type", o.types().toArray(String[]::new))
                    .forks(p.forks())
                    .warmupIterations(p.warmups())
                    .warmupTime(TimeValue.fromString(p.warmupTime()))
                    .measurementIterations(p.iterations())
                    .measurementTime(TimeValue.fromString(p.iterationTime()))
                    .shouldFailOnError(true)
                    .resultFormat(ResultFormatType.JSON)
                    .result(json.toString());
            log.printf(Locale.ROOT, "report: profile %s — backends %s, sizes %s, types %s; %d fork(s), %d×%s warm-up, "
                            + "%d×%s measurement per benchmark%n", p.name(), backends, sizeList, o.types(), p.forks(),
                    p.warmups(), p.warmupTime(), p.iterations(), p.iterationTime());
            log.println("report: JMH results go to " + json + " (JMH's progress follows)");
            new Runner(b.build()).run();
        } else {
            // The sections append to this file.
            Files.writeString(json, "[]\n");
        }
        if (sections.contains("mi")) {
            mutualInformation(p, backends, json, log);
        }
        if (sections.contains("losses")) {
            losses(p, backends, o.types(), json, log);
        }
        if (sections.contains("selection")) {
            selection(p, backends, json, log);
        }
        if (sections.contains("drift")) {
            drift(p, json, log);
        }
        if (sections.contains("continuous")) {
            continuous(p, backends, json, log);
        }
        // Was the machine idle? The load average after the run says whether something else ran meanwhile.
        RunEnvironment.loadAverage().ifPresent(l -> withProfile.put(RunEnvironment.LOAD_AFTER, l));
        RunEnvironment.write(withProfile, o.out().resolve(RunEnvironment.FILE_NAME));
        log.println("report: rendering " + o.out().resolve(ReportWriter.REPORT_NAME));
        return render(json, o.out(), log);
    }
}
