package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.shannon4j.Shannon;
import org.shannon4j.ShannonInfo;

/**
 * Runs with {@link WithoutVectorModuleTest} in a JVM without {@code --add-modules jdk.incubator.vector}: the
 * library must say once, at INFO, that it fell back to scalar, what that costs, the flag that fixes it and how
 * to silence it. {@link RecordingLoggerFinder} captures the records.
 */
class SimdHintTest {

    private static final String HINT_START = "INFO: shannon4j uses its 'scalar' backend because the faster 'simd'"
            + " backend is unsupported in this JVM: jdk.incubator.vector is not in the module graph";

    @Test
    void saysOnceAtInfoWhatIsLostTheFlagAndHowToSilenceIt() {
        assertEquals("scalar", Shannon.get().backendName());
        Shannon.get();
        Shannon.backends();
        List<String> hints = RecordingLoggerFinder.RECORDS.stream().filter(r -> r.startsWith(HINT_START)).toList();
        assertEquals(1, hints.size(), RecordingLoggerFinder.RECORDS.toString());
        String hint = hints.get(0);
        assertTrue(hint.contains("10-25x faster than scalar"), hint);
        assertTrue(hint.contains("--add-modules jdk.incubator.vector"), hint);
        assertTrue(hint.contains("-Dshannon4j.backend=scalar or -Dshannon4j.backend.hint=false"), hint);
    }

    @Test
    void freshJvmsLogItOnceAndNotWhenSilencedOrChosenExplicitly() throws Exception {
        assertEquals(1, hintsLoggedBy(List.of()));
        assertEquals(0, hintsLoggedBy(List.of("-Dshannon4j.backend.hint=false")));
        assertEquals(0, hintsLoggedBy(List.of("-Dshannon4j.backend=scalar")));
    }

    /** Runs ShannonInfo (which asks for the default twice) in a JVM like this one, with extra flags. */
    private static long hintsLoggedBy(List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ShannonInfo.class.getName()));
        Path err = Files.createTempFile("shannon4j-hint", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "forked JVM did not finish");
            assertEquals(0, process.exitValue());
            return Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("[recorded] INFO org.shannon4j: shannon4j uses its 'scalar' backend"))
                    .count();
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
