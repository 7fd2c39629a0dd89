package org.shannon4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FEAST timed on a {@link SelectionData} file by {@code bench/tools/feast_bench.sh} (which builds FEAST from
 * source with gcc and runs {@code bench/tools/feast_bench.c}), for {@code selectbench} and the report.
 */
public final class Feast {

    /** The script, relative to the repository root (where {@code bin/shannon4j} runs the benchmark commands). */
    public static final Path SCRIPT = Path.of("bench", "tools", "feast_bench.sh");

    /** One FEAST selection: its C function's name, CPU and wall seconds of the call, the selected columns. */
    public record Timing(String criterion, double cpuSeconds, double wallSeconds, int[] selected) {
    }

    /**
     * What a run gave: the timings, or why there are none ({@code unavailable} non-null), and the build line
     * (FEAST and MIToolbox commits, compiler and flags) when known.
     */
    public record Result(List<Timing> timings, String unavailable, String build) {
        /** The timing of FEAST's {@code criterion} (its C name), or null. */
        public Timing timing(String criterion) {
            return timings.stream().filter(t -> t.criterion().equals(criterion)).findFirst().orElse(null);
        }
    }

    private Feast() {
    }

    /**
     * Runs {@code script DATA K CRITERION...}; its stderr is copied to {@code log}. Never throws for a FEAST that
     * cannot be built or run here: the result says why.
     */
    public static Result run(Path script, Path data, int k, List<String> feastCriteria, PrintStream log) {
        if (!Files.isRegularFile(script)) {
            return new Result(List.of(), script + " not found (run from the repository root, as bin/shannon4j does)",
                    "");
        }
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString(), data.toString(), String.valueOf(k)));
        cmd.addAll(feastCriteria);
        try {
            Path err = Files.createTempFile("feast-bench", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int status = p.waitFor();
                List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8);
                errLines.forEach(l -> log.println("  " + l));
                String build = errLines.stream().filter(l -> l.startsWith("feast_bench: FEAST ")).findFirst()
                        .map(l -> l.substring("feast_bench: ".length())).orElse("");
                if (status != 0) {
                    String last = errLines.isEmpty() ? "" : errLines.getLast();
                    String why = last.startsWith("feast_bench: unavailable: ")
                            ? last.substring("feast_bench: unavailable: ".length())
                            : "feast_bench.sh failed (exit " + status + ")" + (last.isEmpty() ? "" : ": " + last);
                    return new Result(List.of(), why, build);
                }
                return new Result(parse(out), null, build);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(List.of(), "could not run " + script + ": " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.of(), "interrupted", "");
        }
    }

    /** The driver's output: a header line, then "criterion cpu_seconds wall_seconds selected" tab-separated. */
    static List<Timing> parse(String stdout) {
        List<Timing> rows = new ArrayList<>();
        String[] lines = stdout.strip().split("\n");
        if (lines.length == 0 || !lines[0].strip().equals("criterion\tcpu_seconds\twall_seconds\tselected")) {
            throw new IllegalArgumentException("feast_bench output: expected the header 'criterion\\tcpu_seconds\\t"
                    + "wall_seconds\\tselected', got '" + (lines.length == 0 ? "" : lines[0]) + "'");
        }
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].strip().split("\t");
            if (c.length != 4) {
                throw new IllegalArgumentException("feast_bench output line " + (i + 1) + ": expected 4 tab-separated "
                        + "fields, got '" + lines[i] + "'");
            }
            try {
                int[] selected = Arrays.stream(c[3].strip().split(" ")).mapToInt(Integer::parseInt).toArray();
                rows.add(new Timing(c[0], Double.parseDouble(c[1]), Double.parseDouble(c[2]), selected));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("feast_bench output line " + (i + 1) + ": " + e.getMessage()
                        + " in '" + lines[i] + "'");
            }
        }
        return rows;
    }
}
