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
 * Forks fresh JVMs to check the ways users launch: the module path (JPMS {@code provides}/{@code uses}), the
 * class path with the vector module, the class path without it, and the {@code -Dshannon4j.backend} override.
 * The program is {@code org.shannon4j.ShannonInfo}, which prints the backends and the selection.
 */
class LaunchModesTest {

    private static String location(String className) throws Exception {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String jars() throws Exception {
        return String.join(java.io.File.pathSeparator, location(Shannon.class.getName()),
                location("org.shannon4j.scalar.ScalarBackendProvider"), location("org.shannon4j.simd.SimdBackendProvider"));
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launch timed out");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    @Test
    void modulePathFindsBothBackendsThroughJpmsServices() throws Exception {
        // On the module path, org.shannon4j.simd requires jdk.incubator.vector, so service binding resolves the
        // incubator module without any --add-modules flag.
        String out = run("--module-path", jars(), "--module", "org.shannon4j/org.shannon4j.ShannonInfo");
        assertTrue(out.contains("simd (priority 100, supported"), out);
        assertTrue(out.contains("scalar (priority 0, supported"), out);
        assertTrue(out.contains("selected: simd"), out);
    }

    @Test
    void classPathWithTheVectorModuleSelectsSimd() throws Exception {
        String out = run("--add-modules", "jdk.incubator.vector", "-cp", jars(), "org.shannon4j.ShannonInfo");
        assertTrue(out.contains("selected: simd"), out);
        assertEquals(1, out.split("Using incubator modules", -1).length - 1, "the incubator warning once: " + out);
    }

    @Test
    void classPathWithoutTheVectorModuleFallsBackToScalar() throws Exception {
        String out = run("-cp", jars(), "org.shannon4j.ShannonInfo");
        assertTrue(out.contains("simd (priority 100, unsupported: jdk.incubator.vector is not in the module graph"), out);
        assertTrue(out.contains("selected: scalar"), out);
        assertTrue(!out.contains("NoClassDefFoundError"), out);
    }

    @Test
    void systemPropertyOverridesAndRejectsUnknownNames() throws Exception {
        String out = run("--add-modules", "jdk.incubator.vector", "-Dshannon4j.backend=scalar", "-cp", jars(),
                "org.shannon4j.ShannonInfo");
        assertTrue(out.contains("selected: scalar"), out);
        out = run("-Dshannon4j.backend=gpu", "-cp", jars(), "org.shannon4j.ShannonInfo");
        assertTrue(out.contains("selected: none (no shannon4j backend named 'gpu'. Available: scalar. Unsupported: simd"), out);
    }
}
