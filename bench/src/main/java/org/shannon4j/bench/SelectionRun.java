package org.shannon4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shannon4j.Shannon;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.Selection;
import org.shannon4j.selection.SelectionProgress;

/**
 * {@code selectbench}: one feature selection per criterion, backend and thread count on {@link SelectionData},
 * timed by the wall clock in this JVM (no JMH: for runs too large to repeat, such as 1,000,000 × 2,000, and for
 * checking the selections), optionally with FEAST on the same data ({@code --feast}) and the check that both
 * select the same features.
 */
public final class SelectionRun {

    public static final String USAGE = """
              selectbench [--shape 100000x1000] [--k 50] [--criteria jmi,mrmr,cmim] [--backends simd]
                          [--threads 2] [--progress] [--feast] [--write FILE]
                        time one selection per criterion/backend/thread count on the benchmark data
                        (SelectionData, byte codes wrapped without a copy); --feast also builds and times FEAST
                        (bench/tools/feast_bench.sh) and checks it selects the same features; --write FILE only
                        writes the data file FEAST's driver reads. 1000000x2000 needs -Xmx12g:
                        bench/tools/selection_large.sh\
            """;

    /** Parsed command line. */
    record Options(int rows, int features, int k, List<String> criteria, List<String> backends, List<Integer> threads,
                   boolean progress, boolean feast, Path write) {
    }

    private SelectionRun() {
    }

    static Options parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>(Map.of("--shape", "100000x1000", "--k", "50",
                "--criteria", "jmi,mrmr,cmim", "--backends", Shannon.get().backendName(), "--threads", "2"));
        boolean progress = false;
        boolean feast = false;
        Path write = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--progress" -> progress = true;
                case "--feast" -> feast = true;
                case "--shape", "--k", "--criteria", "--backends", "--threads", "--write" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    if (a.equals("--write")) {
                        write = Path.of(args[++i]);
                    } else {
                        v.put(a, args[++i]);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        int[] shape = SelectionData.shape(v.get("--shape"));
        int k;
        List<Integer> threads;
        try {
            k = Integer.parseInt(v.get("--k"));
            threads = Arrays.stream(v.get("--threads").split(",")).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--k and --threads take integers: " + e.getMessage());
        }
        List<String> criteria = Arrays.stream(v.get("--criteria").split(",")).map(String::strip).toList();
        criteria.forEach(SelectionBenchmark::criterion);
        List<String> backends = Arrays.stream(v.get("--backends").split(",")).map(String::strip).toList();
        return new Options(shape[0], shape[1], k, criteria, backends, threads, progress, feast, write);
    }

    /** Entry point from {@link BenchCommands}; returns the exit status. */
    public static int run(String[] args) throws IOException {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("selectbench: " + e.getMessage());
            System.err.println("usage:\n" + USAGE);
            return 2;
        }
        return run(o, System.out) ? 0 : 1;
    }

    /** Runs the selections (and FEAST); false if a selection differs between configurations or from FEAST's. */
    static boolean run(Options o, PrintStream out) throws IOException {
        long t0 = System.nanoTime();
        SelectionData data = SelectionData.generate(o.rows(), o.features(), SelectionData.SEED);
        out.printf(Locale.ROOT, "selectbench: %d rows x %d features, %d levels, binary target, seed %d: made in %.1f s%n",
                o.rows(), o.features(), SelectionData.LEVELS, SelectionData.SEED, (System.nanoTime() - t0) * 1e-9);
        if (o.write() != null) {
            data.write(o.write());
            out.println("selectbench: wrote " + o.write().toAbsolutePath());
            return true;
        }
        DiscreteColumns columns = DiscreteColumns.wrap(data.columns(), data.levels());
        boolean same = true;
        Map<String, int[]> ours = new LinkedHashMap<>();
        Map<String, Double> best = new LinkedHashMap<>();
        for (String c : o.criteria()) {
            for (String b : o.backends()) {
                for (int t : o.threads()) {
                    FeatureSelection fs = FeatureSelection.of(Shannon.get(b).withParallelism(t).context());
                    long start = System.nanoTime();
                    SelectionProgress progress = !o.progress() ? SelectionProgress.NONE
                            : (rank, of, feature, score) -> out.printf(Locale.ROOT,
                            "  %s %s %d thread(s): step %d/%d feature %d at %.1f s%n", c, b, t, rank, of, feature,
                            (System.nanoTime() - start) * 1e-9);
                    Selection s = fs.select(columns, data.target(), SelectionBenchmark.criterion(c), o.k(), progress);
                    double secs = (System.nanoTime() - start) * 1e-9;
                    best.merge(c, secs, Math::min);
                    out.printf(Locale.ROOT, "ours  %-5s %-6s threads %d: %8.3f s wall, %d of %d selected (%s)%n", c, b, t,
                            secs, s.size(), o.k(), s.stopReason());
                    int[] prev = ours.putIfAbsent(c, s.features());
                    if (prev != null && !Arrays.equals(prev, s.features())) {
                        out.println("  DIFFERENT selection from the first configuration: " + indices(s.features()));
                        same = false;
                    }
                }
            }
            out.println("ours  " + c + " selected: " + indices(ours.get(c)));
        }
        if (!o.feast()) {
            return same;
        }
        Path file = Files.createTempFile("selection-data", ".bin");
        try {
            data.write(file);
            List<String> names = o.criteria().stream().map(SelectionBenchmark::feastName).toList();
            out.println("feast: building and running " + Feast.SCRIPT + " ...");
            Feast.Result r = Feast.run(Feast.SCRIPT, file, o.k(), names, out);
            if (r.unavailable() != null) {
                out.println("feast: not timed: " + r.unavailable());
                return same;
            }
            for (String c : o.criteria()) {
                Feast.Timing f = r.timing(SelectionBenchmark.feastName(c));
                if (f == null) {
                    continue;
                }
                boolean equal = Arrays.equals(f.selected(), ours.get(c));
                same &= equal;
                out.printf(Locale.ROOT, "feast %-6s: %8.3f s CPU (%.3f s wall); ours (best above) %.3f s: %.1fx; "
                                + "same selection: %s%n", f.criterion(), f.cpuSeconds(), f.wallSeconds(), best.get(c),
                        f.cpuSeconds() / best.get(c), equal ? "yes" : "NO");
                out.println("feast " + f.criterion() + " selected: " + indices(f.selected()));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return same;
    }

    /** Column indices separated by spaces, as FEAST's driver prints them. */
    public static String indices(int[] a) {
        return String.join(" ", Arrays.stream(a).mapToObj(String::valueOf).toList());
    }
}
