package org.shannon4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerSectionsTest {

    private static String row(String benchmark, Map<String, String> params, double score, String unit) {
        StringBuilder p = new StringBuilder();
        params.forEach((k, v) -> p.append(p.isEmpty() ? "" : ", ").append('"').append(k).append("\": \"").append(v).append('"'));
        return "{\"benchmark\": \"org.shannon4j.bench." + benchmark + "\", \"params\": {" + p + "}, \"primaryMetric\": "
                + "{\"score\": " + score + ", \"scoreError\": " + score / 10 + ", \"scoreUnit\": \"" + unit + "\"}}";
    }

    private static JmhResults results(long driftSize) {
        List<String> rows = new ArrayList<>();
        String n = String.valueOf(driftSize);
        rows.add(row("DriftBenchmark.evidently", Map.of("size", n, "method", "PSI"), 8.0, "ms/op"));
        rows.add(row("DriftBenchmark.profile", Map.of("size", n, "method", "PSI"), 5.0, "ms/op"));
        rows.add(row("DriftBenchmark.evidently", Map.of("size", n, "method", "WASSERSTEIN"), 200.0, "ms/op"));
        rows.add(row("DriftBenchmark.monitorPsi", Map.of("rows", n, "columns", "200", "threads", "1"), 3000.0, "ms/op"));
        rows.add(row("DriftBenchmark.monitorPsi", Map.of("rows", n, "columns", "200", "threads", "2"), 1600.0, "ms/op"));
        rows.add(row("KsgBenchmark.mutualInformation", Map.of("size", "100000", "threads", "1", "k", "3"), 10.0, "ms/op"));
        rows.add(row("KsgBenchmark.mutualInformation", Map.of("size", "1000000", "threads", "2", "k", "3"), 1200.0, "ms/op"));
        rows.add(row("RegistrationBenchmark.mutualInformation",
                Map.of("backend", "simd", "threads", "2", "range", "measured", "bins", "256"), 0.8, "ns/op"));
        rows.add(row("RegistrationBenchmark.mutualInformation",
                Map.of("backend", "scalar", "threads", "1", "range", "measured", "bins", "256"), 4.0, "ns/op"));
        return JmhResults.parse("[" + String.join(",", rows) + "]");
    }

    private static PythonBaselines.Row py(String library, String c, String shape, String unit, double v) {
        return new PythonBaselines.Row(library, c, shape, "float64", unit, v);
    }

    private static PeerTimings.Result driftPeers() {
        return new PeerTimings.Result(List.of(py("numpy+scipy", "PSI", "3000000", "ms/call", 400),
                py("numpy+scipy", "WASSERSTEIN", "3000000", "ms/call", 2000)), List.of());
    }

    private static PeerTimings.Result continuousPeers() {
        return new PeerTimings.Result(List.of(py("scikit-learn", "mutual_info_regression", "100000", "ms/call", 600),
                py("numpy", "histogram2d(bins=256) + MI", "10000000", "ns/voxel", 90)), List.of());
    }

    @Test
    void driftSectionShowsOursNextToNumpyWithTheTargets() {
        String md = new ReportWriter(results(3_000_000), null, "t").withPeers(driftPeers(), continuousPeers()).markdown();
        assertTrue(md.contains("## Drift"), md);
        assertTrue(md.contains("| PSI | 3e6 + 3e6 | 8.00 ± 0.80 | 5.00 ± 0.50 | 400 | 50.0× | ≤ 10.0 ms | met |"), md);
        assertTrue(md.contains("| normed Wasserstein | 3e6 + 3e6 | 200 ± 20 | – | 2000 | 10.0× | ≤ 150 ms | **not met** |"), md);
        // per column = 1.6 s / 200 = 8 ms; 1,000 columns 8 s
        assertTrue(md.contains("| 3e6 × 200 | 2 | 1.60 s ± 160 ms | 8.00 | 8.00 s | ≤ 2 s | met |"), md);
        assertTrue(md.contains("| 3e6 × 200 | 1 | 3.00 s ± 300 ms | 15.0 | 15.0 s | – | – |"), md);
        assertFalse(md.contains("was not timed in this run**"), md);
    }

    @Test
    void targetsAreJudgedOnlyAtTheirSize() {
        String md = new ReportWriter(results(100_000), null, "t").withPeers(driftPeers(), continuousPeers()).markdown();
        assertTrue(md.contains("| PSI | 1e5 + 1e5 | 8.00 ± 0.80 | 5.00 ± 0.50 | – | – | ≤ 10.0 ms | – (n ≠ 3e6) |"), md);
        assertTrue(md.contains("| 1e5 × 200 | 2 | 1.60 s ± 160 ms | 8.00 | 8.00 s | – | – |"), md);
    }

    @Test
    void continuousSectionShowsKsgAndRegistrationNextToTheirPeers() {
        String md = new ReportWriter(results(3_000_000), null, "t").withPeers(driftPeers(), continuousPeers()).markdown();
        assertTrue(md.contains("## Continuous MI and registration"), md);
        assertTrue(md.contains("| 1e5 | 1 | 10.0 ± 1.0 | 600 | 60.0× | ≥ 50× scikit-learn | met |"), md);
        assertTrue(md.contains("| 1e6 | 2 | 1200 ± 120 | – | – | ≤ 1 s | **not met** |"), md);
        assertTrue(md.contains("scikit-learn was not timed at n = 1e6 in this run"), md);
        assertTrue(md.contains(": **90.0 ns/voxel**. Target"), md);
        assertTrue(md.contains("| scalar | 1 | measured | 4.00 ± 0.40 | 40.0 ms | 22.5× | **not met** |"), md);
        assertTrue(md.contains("| simd | 2 | measured | 0.800 ± 0.080 | 8.00 ms | 113× | met |"), md);
        assertTrue(md.indexOf("| scalar | 1 |") < md.indexOf("| simd | 2 |"), md);
    }

    @Test
    void numpyOnFewerVoxelsGivesNoRatio() {
        PeerTimings.Result small = new PeerTimings.Result(List.of(
                py("numpy", "histogram2d(bins=256) + MI", "100000", "ns/voxel", 300)), List.of());
        String md = new ReportWriter(results(3_000_000), null, "t").withPeers(null, small).markdown();
        assertTrue(md.contains("**300 ns/voxel** (on 1e5 voxels, not the benchmark's 1e7"), md);
        assertTrue(md.contains("| simd | 2 | measured | 0.800 ± 0.080 | 8.00 ms | – | met |"), md);
    }

    @Test
    void sectionsSayWhyThePeersAreMissing() {
        PeerTimings.Result none = new PeerTimings.Result(List.of(), List.of(
                new PeerTimings.Unavailable("bench_evidently.py", "numpy is not installed for /usr/bin/python3")));
        String md = new ReportWriter(results(3_000_000), null, "t").withPeers(none, null).markdown();
        assertTrue(md.contains("**`bench_evidently.py` was not timed in this run**: numpy is not installed for "
                + "/usr/bin/python3. Ours only where it is missing."), md);
        assertTrue(md.contains("| PSI | 3e6 + 3e6 | 8.00 ± 0.80 | 5.00 ± 0.50 | – | – | ≤ 10.0 ms | met |"), md);
        assertTrue(md.contains("The Python side was not timed with these results"), md);
        assertTrue(md.contains("| 1e5 | 1 | 10.0 ± 1.0 | – | – | ≥ 50× scikit-learn | – (scikit-learn not timed) |"), md);
        assertFalse(md.contains("scikit-learn was not timed at n ="), md);
        String empty = new ReportWriter(JmhResults.parse("[]"), null, "t").withPeers(driftPeers(), null).markdown();
        assertFalse(empty.contains("## Drift"), empty);
        assertFalse(empty.contains("## Continuous MI"), empty);
    }

    @Test
    void countsReadAsPowersOfTen() {
        assertEquals("3e6", PeerSections.count(3_000_000));
        assertEquals("1e5", PeerSections.count(100_000));
        assertEquals("200", PeerSections.count(200));
        assertEquals("25000", PeerSections.count(25_000));
    }

    @Test
    void peerTimingsRoundTripThroughTheirFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve(PeerTimings.CONTINUOUS_FILE);
        assertNull(PeerTimings.read(f));
        PeerTimings.Result r = new PeerTimings.Result(continuousPeers().rows(),
                List.of(new PeerTimings.Unavailable("x.py", "exit status 1: boom, again")));
        PeerTimings.write(r, f);
        PeerTimings.Result back = PeerTimings.read(f);
        assertEquals(r.rows(), back.rows());
        assertEquals(r.unavailable(), back.unavailable());
        assertEquals("histogram2d(bins=256) + MI", back.find("histogram2d(bins=256) + MI", "10000000").orElseThrow().caseName());
    }

    @Test
    void aMissingInterpreterOrModuleIsAReasonNotAnError(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PeerTimings.Result r = PeerTimings.measure(dir.resolve("no-python"),
                List.of(new PeerTimings.Script(Path.of("bench", "tools", "registration_numpy.py"), List.of())), dir,
                new PrintStream(log));
        assertTrue(r.rows().isEmpty());
        assertEquals(List.of(new PeerTimings.Unavailable("registration_numpy.py", dir.resolve("no-python") + " not found")),
                r.unavailable());
        assertEquals("numpy is not installed for /usr/bin/python3", PeerTimings.failure(PeerTimings.PYTHON, 1,
                List.of("Traceback (most recent call last):", "ModuleNotFoundError: No module named 'numpy'")));
        assertEquals("sklearn is not installed for /usr/bin/python3", PeerTimings.failure(PeerTimings.PYTHON, 1,
                List.of("ModuleNotFoundError: No module named 'sklearn.feature_selection'")));
        assertEquals("exit status 2: MemoryError", PeerTimings.failure(PeerTimings.PYTHON, 2, List.of("x", "MemoryError ")));
    }

    @Test
    void sectionsOptionPicksThePartsOfARun() {
        assertEquals(ReportCommand.SECTIONS, ReportCommand.parse(new String[] {}).sections());
        assertEquals(List.of("suite"), ReportCommand.parse(new String[] {"--include", "X"}).sections());
        assertEquals(List.of("drift", "continuous"),
                ReportCommand.parse(new String[] {"--sections", "drift, continuous"}).sections());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReportCommand.parse(new String[] {"--sections", "drift,ksg"}));
        assertTrue(e.getMessage().contains("'ksg' is not one of suite, mi, losses, selection, drift, continuous"),
                e.getMessage());
    }
}
