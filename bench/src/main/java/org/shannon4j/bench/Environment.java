package org.shannon4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;

/**
 * The machine and JVM a measurement ran on, as "key: value" lines (printed by {@code compare}; meant to be reused
 * by the report generator). Touches no {@code jdk.incubator.vector} type, so it works without the module; the
 * vector species appear in the SIMD backend's description when it is supported.
 */
public final class Environment {

    private Environment() {
    }

    /** One line per fact, then one line per backend found. */
    public static List<String> describe() {
        Runtime rt = Runtime.getRuntime();
        List<String> lines = new ArrayList<>();
        lines.add("jdk:        " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                + ", " + System.getProperty("java.vm.name") + ", " + System.getProperty("java.home") + ")");
        lines.add("os:         " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", os.arch " + System.getProperty("os.arch"));
        cpuModel().ifPresent(cpu -> lines.add("cpu:        " + cpu));
        lines.add("processors: " + rt.availableProcessors() + " available");
        lines.add(String.format(Locale.ROOT, "max heap:   %.1f GiB", rt.maxMemory() / (double) (1L << 30)));
        lines.add("vector mod: jdk.incubator.vector "
                + (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "present" : "absent"));
        for (BackendInfo b : Shannon.backends()) {
            lines.add("backend:    " + b);
        }
        return lines;
    }

    /** The CPU model name from /proc/cpuinfo (Linux), if readable. */
    public static java.util.Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return java.util.Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
