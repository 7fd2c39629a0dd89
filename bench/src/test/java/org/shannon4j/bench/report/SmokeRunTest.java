package org.shannon4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke run: the real {@code report} path — JMH with a forked JVM (so the fork's {@code --add-modules}
 * is exercised), JSON, environment, rendering — on one measure and its roofline, one tiny size, one short
 * iteration. Keeps the benchmark suite and the report command from rotting; a few seconds.
 *
 * <p>Skipped while another JMH run holds JMH's lock file: running then would disturb that run's measurements
 * (and JMH would refuse anyway), and `mvn verify` on a machine that is benchmarking should still pass.
 */
class SmokeRunTest {

    /** True when JMH's lock ({@code java.io.tmpdir/jmh.lock}, as in JMH's {@code Runner}) is free right now. */
    static boolean jmhLockFree() throws IOException {
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        try (RandomAccessFile f = new RandomAccessFile(lock.toFile(), "rw")) {
            FileLock l = f.getChannel().tryLock();
            if (l == null) {
                return false;
            }
            l.release();
            return true;
        }
    }

    @Test
    void smokeProfileRunsJmhAndWritesTheReport(@TempDir Path dir) throws Exception {
        assumeTrue(jmhLockFree(), "another JMH run holds its lock: not disturbing it");
        int status = ReportCommand.run(new String[] {"--profile", "smoke", "--sizes", "64", "--types", "float",
                "--include", "org\\.shannon4j\\.bench\\.(DistributionBenchmark\\.entropy|RooflineBenchmark\\.sumP)$",
                "--out", dir.toString()});
        assertEquals(0, status);
        assertTrue(Files.isRegularFile(dir.resolve("jmh.json")));
        assertTrue(Files.isRegularFile(dir.resolve("environment.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("entropy-float.svg")));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Headline: n = 64"), md);
        assertTrue(md.contains("**Smoke profile — not for publication**"), md);
        assertTrue(md.contains("| entropy | float | "), md);
        assertTrue(md.contains("| jdk.incubator.vector | present |"), md);
        JmhResults r = JmhResults.read(dir.resolve("jmh.json"));
        assertTrue(r.find("DistributionBenchmark.entropy", "scalar", 64, "float").isPresent(), r.toString());
        assertTrue(r.find("DistributionBenchmark.entropy", "simd", 64, "float").isPresent(), r.toString());
        assertTrue(r.find("RooflineBenchmark.sumP", null, 64, "float").isPresent(), r.toString());
    }
}
