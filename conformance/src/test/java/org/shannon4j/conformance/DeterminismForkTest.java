package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;

/**
 * The SIMD results of {@link DeterminismBattery} have the same bits whichever JIT tier computes them: forked
 * JVMs run the battery interpreted ({@code -XX:TieredStopAtLevel=0}: the interpreter of {@code -Xint}, which
 * the provider itself rejects as too slow), C1-compiled only ({@code -XX:TieredStopAtLevel=1}) and C2-compiled
 * after warm-up (300 runs with {@code -Xbatch}; the compilation log must show C2 compiling
 * the float log loop), and all must print the same bits. The
 * test JVM's {@code shannon4j.simd.bits} is passed on, so the narrowed-species surefire runs check their paths
 * too; under {@code -Dshannon4j.simd.log=jdk} (the JDK's log: documented as not tier-independent) it is skipped.
 */
class DeterminismForkTest {

    private static String classPath() throws Exception {
        List<String> parts = new ArrayList<>();
        for (String name : new String[] {Shannon.class.getName(), "org.shannon4j.scalar.ScalarBackendProvider",
                "org.shannon4j.simd.SimdBackendProvider", DeterminismBattery.class.getName()}) {
            parts.add(Path.of(Class.forName(name).getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, parts);
    }

    private static String battery(String runs, String size, String... vmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        command.add("-Xshare:auto");
        String bits = System.getProperty("shannon4j.simd.bits");
        if (bits != null) {
            command.add("-Dshannon4j.simd.bits=" + bits);
        }
        // The VM's own output (the compilation log, warnings) goes to stderr, into a file: printed by compiler
        // threads, it would otherwise land in the middle of the battery's lines on stdout.
        command.add("-XX:+DisplayVMOutputToStderr");
        command.addAll(List.of(vmOptions));
        command.addAll(List.of("-cp", classPath(), DeterminismBattery.class.getName(), "simd", runs, size));
        Path vmOutput = Files.createTempFile("battery-vm", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectError(vmOutput.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "battery timed out: " + command);
            String vm = Files.readString(vmOutput);
            assertEquals(0, process.exitValue(), command + "\n" + out + "\n" + vm);
            if (List.of(vmOptions).contains("-XX:+PrintCompilation")) {
                // FloatLog.loop runs at every width (DoubleLog.loop not on 2 double lanes, see SimdKernels)
                assertTrue(vm.lines().anyMatch(l -> l.matches(".*\\s4\\s+org\\.shannon4j\\.simd\\.FloatLog::loop .*")),
                        "C2 never compiled FloatLog.loop:\n" + vm);
            }
            return String.join("\n", out.lines().filter(l -> l.contains("=") && !l.contains("::")).toList());
        } finally {
            Files.deleteIfExists(vmOutput);
        }
    }

    @Test
    void interpreterC1AndWarmC2GiveTheSameBits() throws Exception {
        Assumptions.assumeTrue(Shannon.backends().stream().anyMatch(b -> b.name().equals("simd") && b.supported()),
                "the SIMD backend is not supported here");
        Assumptions.assumeFalse("jdk".equalsIgnoreCase(System.getProperty("shannon4j.simd.log")),
                "-Dshannon4j.simd.log=jdk uses the JDK's LOG, documented as not the same on every JIT tier");
        // The interpreter runs the small battery only (the 2^18-element inputs would take a minute there); C1 and
        // C2 add the deterministic-parallel passes over two chunks, and the small results are their prefix.
        String interpreted = battery("1", "small", "-XX:TieredStopAtLevel=0");
        String c1 = battery("20", "large", "-XX:TieredStopAtLevel=1");
        String c2 = battery("300", "large", "-Xbatch", "-XX:+PrintCompilation");
        assertTrue(interpreted.lines().count() > 50, interpreted);
        assertTrue(c1.contains("deterministic-parallel"), c1);
        assertEquals(interpreted, c1.substring(0, Math.min(c1.length(), interpreted.length())), "interpreter vs C1");
        assertEquals(c1, c2, "C1 vs warm C2");
    }

}
