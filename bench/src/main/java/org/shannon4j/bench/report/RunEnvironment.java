package org.shannon4j.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;
import org.shannon4j.bench.Environment;

/**
 * The machine, JVM and checkout a benchmark run belongs to, as ordered "key: value" pairs. Captured by the
 * {@code report} command when it starts the JMH run and saved next to the JMH JSON ({@value #FILE_NAME}), so
 * that a report rendered later, or on another machine, still describes the machine that measured. Touches no
 * {@code jdk.incubator.vector} type: the species come from the SIMD backend's own description.
 */
public final class RunEnvironment {

    /** The file written next to {@code jmh.json}. */
    public static final String FILE_NAME = "environment.txt";

    /**
     * CPU flags that matter for the Vector API (x86 and ARM); the rest of /proc/cpuinfo's list is noise here.
     * avx512_vpopcntdq: C2's lanewise BIT_COUNT of long lanes, which the selection's intersection counts use.
     */
    static final List<String> SIMD_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512dq",
            "avx512cd", "avx512bw", "avx512vl", "avx512_vpopcntdq", "avx512_fp16", "avx512_bf16", "avx_vnni",
            "asimd", "sve", "sve2");

    private RunEnvironment() {
    }

    /** Facts about this JVM and machine, now. */
    public static Map<String, String> capture() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("captured", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Environment.cpuModel().ifPresent(cpu -> env.put("cpu", cpu));
        cpuFlags().ifPresent(flags -> env.put("cpu SIMD flags", flags));
        env.put("cores", Runtime.getRuntime().availableProcessors() + " available to the JVM");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        env.put("jdk", System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        env.put("launcher JVM flags", String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments()));
        env.put("max heap", String.format(Locale.ROOT, "%.1f GiB", Runtime.getRuntime().maxMemory() / (double) (1L << 30)));
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        env.put("jdk.incubator.vector", vector ? "present" : "absent (scalar only)");
        for (BackendInfo b : Shannon.backends()) {
            env.put("backend " + b.name(), (b.supported() ? "supported" : "unsupported: " + b.reason())
                    + (b.description().isEmpty() ? "" : "; " + b.description()) + (b.selected() ? "; selected" : ""));
        }
        gitCommit().ifPresent(c -> env.put("git commit", c));
        loadAverage().ifPresent(l -> env.put(LOAD_BEFORE, l));
        return env;
    }

    /** Keys of the 1/5/15-minute load averages read before and after the JMH run (Linux only). */
    public static final String LOAD_BEFORE = "load average before";
    public static final String LOAD_AFTER = "load average after";

    /** The 1, 5 and 15-minute load averages from /proc/loadavg ("0.12 0.30 0.25"), if readable. */
    public static java.util.Optional<String> loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f.length >= 3 ? java.util.Optional.of(f[0] + " " + f[1] + " " + f[2]) : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The SIMD-relevant flags of the first CPU in /proc/cpuinfo ("flags" on x86, "Features" on ARM). */
    static java.util.Optional<String> cpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return java.util.Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags") || l.startsWith("Features"))
                    .findFirst()
                    .map(l -> {
                        Set<String> have = Set.of(l.substring(l.indexOf(':') + 1).strip().split("\\s+"));
                        List<String> shown = SIMD_FLAGS.stream().filter(have::contains).toList();
                        return shown.isEmpty() ? "(none of " + String.join(", ", SIMD_FLAGS) + ")" : String.join(" ", shown);
                    });
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code git rev-parse HEAD} in the working directory, with " (modified)" if the tree is dirty. */
    static java.util.Optional<String> gitCommit() {
        try {
            String head = run("git", "rev-parse", "HEAD");
            if (head == null || head.isBlank()) {
                return java.util.Optional.empty();
            }
            String status = run("git", "status", "--porcelain", "--untracked-files=no");
            return java.util.Optional.of(head.strip() + (status != null && !status.isBlank() ? " (modified)" : ""));
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroy();
            return null;
        }
        return p.exitValue() == 0 ? out : null;
    }

    /** Writes "key: value" lines. */
    public static void write(Map<String, String> env, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        env.forEach((k, v) -> lines.add(k + ": " + v.replace('\n', ' ')));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Reads what {@link #write} wrote. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                env.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return env;
    }
}
