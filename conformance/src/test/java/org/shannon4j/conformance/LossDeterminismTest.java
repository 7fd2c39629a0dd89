package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;

/**
 * Same bits on every JIT tier (issue 12 item 3) for the losses: {@link LossDeterminismProgram} runs in fresh JVMs
 * at the same time — interpreted (every shannon4j and Vector-API method excluded from compilation, so the SIMD
 * backend runs the API's Java fallback; under {@code -Xint} the SIMD provider reports itself unsupported, so that
 * JVM checks the scalar backend only), C1 only ({@code -XX:TieredStopAtLevel=1}) and C2 after warm-up (compile
 * thresholds of shannon4j's methods lowered 1000-fold and compilation synchronous, so that every loss kernel is
 * C2 code from within the first battery on — checked with {@code -XX:+PrintCompilation}; the battery repeated and
 * each repetition compared with the first) — and every result of
 * every backend must have identical bits in all of them.
 */
class LossDeterminismTest {

    private static String location(String className) throws Exception {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private static String classPath() throws Exception {
        return String.join(java.io.File.pathSeparator, location(Shannon.class.getName()),
                location("org.shannon4j.scalar.ScalarBackendProvider"),
                location("org.shannon4j.simd.SimdBackendProvider"),
                location(LossDeterminismProgram.class.getName()));
    }

    private static Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-cp");
        command.add(classPath());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process process, String what) throws Exception {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "fork timed out");
        assertEquals(0, process.exitValue(), what + ":\n" + out);
        return out.lines().filter(l -> !l.startsWith("WARNING")).reduce("", (a, l) -> a + l + "\n");
    }

    @Test
    void everyLossResultHasTheSameBitsInTheInterpreterC1AndWarmC2() throws Exception {
        String program = LossDeterminismProgram.class.getName();
        // C2 early for our methods only (global low thresholds compile the JDK too and take minutes), compiled
        // synchronously (-Xbatch): the kernels reach C2 within the first battery, and the later ones run on it.
        Process c2Run = start("-XX:CompileCommand=quiet",
                "-XX:CompileCommand=CompileThresholdScaling,org.shannon4j.*::*,0.001", "-Xbatch", program, "3");
        Process interpretedRun = start("-XX:CompileCommand=quiet", "-XX:CompileCommand=exclude,org.shannon4j.*::*",
                "-XX:CompileCommand=exclude,jdk.incubator.vector.*::*",
                "-XX:CompileCommand=exclude,jdk.internal.vm.vector.*::*", program, "1");
        Process c1Run = start("-XX:TieredStopAtLevel=1", program, "1");
        Process xintRun = start("-Xint", program, "1");
        String c2 = output(c2Run, "C2 warm");
        String interpreted = output(interpretedRun, "interpreted");
        String c1 = output(c1Run, "C1");
        String xint = output(xintRun, "-Xint");
        assertTrue(c2.contains("simd softmax") && interpreted.contains("simd softmax"),
                "the SIMD backend must run:\n" + c2);
        assertLinesEqual("interpreted", interpreted, "C2 warm", c2);
        assertLinesEqual("C1", c1, "C2 warm", c2);
        String scalarC2 = c2.lines().filter(l -> l.startsWith("scalar ")).reduce("", (a, l) -> a + l + "\n");
        String scalarXint = xint.lines().filter(l -> l.startsWith("scalar ")).reduce("", (a, l) -> a + l + "\n");
        assertLinesEqual("-Xint (scalar)", scalarXint, "C2 warm", scalarC2);
    }

    private static void assertLinesEqual(String aName, String a, String bName, String b) {
        List<String> la = a.lines().toList(), lb = b.lines().toList();
        StringBuilder diff = new StringBuilder();
        for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
            if (!la.get(i).equals(lb.get(i))) {
                diff.append(aName).append(": ").append(la.get(i)).append("  vs  ").append(bName).append(": ")
                        .append(lb.get(i)).append('\n');
            }
        }
        assertTrue(diff.isEmpty() && la.size() == lb.size(), () -> "results differ between JIT tiers:\n" + diff);
    }
}
