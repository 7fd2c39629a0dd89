package org.shannon4j.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peers' side of the report's "Drift" and "Continuous MI and registration" sections: Python scripts
 * ({@code drift/tools/bench_evidently.py}, {@code continuous/tools/time_sklearn_ksg.py},
 * {@code bench/tools/registration_numpy.py}) run by the report on the benchmarks' own data, each with
 * {@code --csv FILE} ({@link PythonBaselines}' columns). Kept in one file per section next to the JMH file, so that
 * {@code report --from} renders them again; a script that could not run leaves a line saying why instead of rows.
 *
 * <p>File: lines {@code # unavailable<TAB>SCRIPT<TAB>REASON}, then the CSV header and rows.
 */
final class PeerTimings {

    static final String DRIFT_FILE = "peers-drift.csv";
    static final String CONTINUOUS_FILE = "peers-continuous.csv";
    /** Debian's interpreter: it has numpy, scipy and scikit-learn (the default python3 here is a bare pyenv one). */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String HEADER = "library,case,shape,dtype,unit,value";

    /** One script to run: its path relative to the repository root and its arguments (before {@code --csv}). */
    record Script(Path path, List<String> args) {
        String name() {
            return path.getFileName().toString();
        }
    }

    /** A script that gave no timings, and why. */
    record Unavailable(String script, String reason) {
    }

    /** The timings of every script that ran, and why the others did not. */
    record Result(List<PythonBaselines.Row> rows, List<Unavailable> unavailable) {
        /** The first row of {@code library}'s {@code caseName} at {@code shape}, if timed. */
        java.util.Optional<PythonBaselines.Row> find(String caseName, String shape) {
            return rows.stream().filter(r -> r.caseName().equals(caseName) && r.shape().equals(shape)).findFirst();
        }
    }

    private PeerTimings() {
    }

    /** Runs every script with {@code python} (stdout and stderr copied to {@code log}); never throws for a failed one. */
    static Result measure(Path python, List<Script> scripts, Path dir, PrintStream log) throws IOException {
        List<PythonBaselines.Row> rows = new ArrayList<>();
        List<Unavailable> unavailable = new ArrayList<>();
        for (Script s : scripts) {
            if (!Files.isExecutable(python)) {
                unavailable.add(new Unavailable(s.name(), python + " not found"));
                continue;
            }
            if (!Files.isRegularFile(s.path())) {
                unavailable.add(new Unavailable(s.name(), s.path() + " not found (run from the repository root, as "
                        + "bin/shannon4j does)"));
                continue;
            }
            Path csv = dir.resolve("peer-" + s.name() + ".csv");
            Path out = Files.createTempFile("peer-timing", ".out");
            try {
                List<String> cmd = new ArrayList<>(List.of(python.toString(), s.path().toString()));
                cmd.addAll(s.args());
                cmd.addAll(List.of("--csv", csv.toString()));
                log.println("report: " + String.join(" ", cmd.subList(0, cmd.size() - 2)) + " ...");
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                int status = p.waitFor();
                List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
                lines.forEach(l -> log.println("  " + l));
                if (status != 0 || !Files.isReadable(csv)) {
                    unavailable.add(new Unavailable(s.name(), failure(python, status, lines)));
                } else {
                    rows.addAll(PythonBaselines.readFile(csv));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable.add(new Unavailable(s.name(), "interrupted"));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(csv);
            }
        }
        return new Result(rows, unavailable);
    }

    private static final Pattern NO_MODULE = Pattern.compile("No module named '([^'.]+)");

    /** Why a script failed, in a reader's words: a missing Python module by name, else the exit status and last line. */
    static String failure(Path python, int status, List<String> output) {
        for (String l : output) {
            Matcher m = NO_MODULE.matcher(l);
            if (m.find()) {
                return m.group(1) + " is not installed for " + python;
            }
        }
        String last = output.isEmpty() ? "" : output.getLast().strip();
        return "exit status " + status + (last.isEmpty() ? "" : ": " + last);
    }

    static void write(Result r, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Unavailable u : r.unavailable()) {
            sb.append("# unavailable\t").append(u.script()).append('\t').append(u.reason().replace('\n', ' ')).append('\n');
        }
        sb.append(HEADER).append('\n');
        for (PythonBaselines.Row x : r.rows()) {
            sb.append(String.join(",", csvField(x.library()), csvField(x.caseName()), csvField(x.shape()),
                    csvField(x.dtype()), csvField(x.unit()), String.valueOf(x.value()))).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Reads {@link #write}'s file; null if there is none. */
    static Result read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return null;
        }
        List<Unavailable> unavailable = new ArrayList<>();
        List<String> csv = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# unavailable\t")) {
                String[] c = line.split("\t", 3);
                unavailable.add(new Unavailable(c[1], c.length > 2 ? c[2] : ""));
            } else {
                csv.add(line);
            }
        }
        return new Result(PythonBaselines.parse(csv), unavailable);
    }

    private static String csvField(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
