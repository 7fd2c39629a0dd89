package org.shannon4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The renderer on a committed sample (run1 of the JMH suite with its raw data trimmed: sizes 1e3 and 1e6, both
 * backends, both types, with {@code -prof gc}), so the report cannot silently break when its code changes.
 */
class ReportWriterTest {

    static String sample() throws IOException {
        try (InputStream in = ReportWriterTest.class.getResourceAsStream("/sample-jmh.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesEveryRowOfTheSample() throws IOException {
        JmhResults r = JmhResults.parse(sample());
        assertEquals(40, r.rows().size());
        JmhResults.Row row = r.find("DistributionBenchmark.entropy", "simd", 1_000_000, "double").orElseThrow();
        assertEquals(1244272.0288200604, row.score());
        assertEquals("ns/op", row.unit());
        assertTrue(row.scoreError() > 0);
        assertTrue(row.allocBytesPerOp() >= 0);
        assertEquals("25.0.3", row.jvm().get("jdkVersion"));
        assertEquals("--add-modules=jdk.incubator.vector", row.jvm().get("jvmArgs"), "duplicates collapsed");
        assertTrue(r.find("RooflineBenchmark.sumPQ", null, 1000, "float").isPresent());
    }

    @Test
    void writesTablesChartsAndEnvironment(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jmh.json"), sample());
        RunEnvironment.write(Map.of("profile", "quick", "cpu", "Test CPU @ 1 GHz"), dir.resolve(RunEnvironment.FILE_NAME));
        Path report = ReportCommand.render(dir.resolve("jmh.json"), dir.resolve("out"), System.out);
        assertEquals(dir.resolve("out").resolve("report.md"), report);
        String md = Files.readString(report);

        assertTrue(md.contains("## Headline: n = 1e6"), md);
        assertTrue(md.contains("| measure | type | scalar ns/elem | simd ns/elem | roofline ns/elem | simd GB/s | simd speed-up | simd ÷ roofline |"), md);
        // entropy, double, n = 1e6: scalar 8568486 ns, simd 1244272 ns, roofline sumP 128257 ns.
        assertTrue(md.contains("| entropy | double | 8.57 ± 0.28 | 1.24 ± 1.2 | 0.128 ± 0.018 | 6.43 | 6.89× | 9.70× |"), md);
        assertTrue(md.contains("## All results, double (8 bytes per element)"), md);
        assertTrue(md.contains("## All results, float (4 bytes per element)"), md);
        assertTrue(md.contains("| jsDivergence | 1e3 | *roofline (sumPQ)* |"), md);
        assertTrue(md.contains("![klDivergence, float](klDivergence-float.svg)"), md);
        assertTrue(md.contains("| cpu | Test CPU @ 1 GHz |"), md);
        assertTrue(md.contains("profile **quick**"), md);
        assertFalse(md.contains("scalar only"), md);

        for (String measure : List.of("entropy", "crossEntropy", "klDivergence", "jsDivergence")) {
            for (String type : List.of("double", "float")) {
                Path svg = dir.resolve("out").resolve(measure + "-" + type + ".svg");
                assertTrue(Files.isRegularFile(svg), svg.toString());
                Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
                assertEquals("svg", doc.getDocumentElement().getTagName());
                // Sizes 1e3 and 1e6 only: 1000× apart, nothing measured between them, so no line joins them;
                // every point is there (2 sizes × scalar, simd, roofline, plus 3 legend markers).
                assertEquals(0, doc.getElementsByTagName("polyline").getLength(), svg.toString());
                assertEquals(9, doc.getElementsByTagName("circle").getLength(), svg.toString());
                assertTrue(Files.readString(svg).contains(measure + ", " + type), svg.toString());
            }
        }
    }

    @Test
    void renderingIsDeterministic(@TempDir Path dir) throws Exception {
        JmhResults r = JmhResults.parse(sample());
        ReportWriter w = new ReportWriter(r, null, "test");
        assertEquals(w.markdown(), new ReportWriter(JmhResults.parse(sample()), null, "test").markdown());
        assertEquals(w.chart("entropy", "float"), new ReportWriter(r, null, "test").chart("entropy", "float"));
    }

    @Test
    void saysScalarOnlyWhenNoOtherBackendWasMeasured() throws IOException {
        JmhResults all = JmhResults.parse(sample());
        JmhResults scalar = new JmhResults(all.rows().stream()
                .filter(row -> !row.param("backend").equals("simd") && !row.benchClass().equals("RooflineBenchmark"))
                .toList());
        String md = new ReportWriter(scalar, null, "test").markdown();
        assertTrue(md.contains("**scalar only**"), md);
        assertTrue(md.contains("| entropy | double | 8.57 ± 0.28 | – |"), md);
    }

    @Test
    void jsonReaderHandlesEscapesNumbersAndJmhNaN() {
        Object v = Json.parse("{\"a\": [1, -2.5e3, true, false, null], \"s\": \"x\\\"y\\u00e9\\n\", \"n\": \"NaN\"}");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertEquals(List.of(1.0, -2500.0, true, false), ((List<?>) m.get("a")).subList(0, 4));
        assertEquals("x\"yé\n", m.get("s"));
        assertTrue(Double.isNaN(Json.number(m.get("n"))));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
    }

    @Test
    void formatsNumbersReadably() {
        assertEquals("8.57", ReportWriter.sig3(8.5684));
        assertEquals("0.0466", ReportWriter.sig3(0.046552));
        assertEquals("185", ReportWriter.sig3(185.2));
        assertEquals("1e7", ReportWriter.size(10_000_000));
        assertEquals("64", ReportWriter.size(64));
        assertEquals("0.01", SvgChart.number(0.01));
        assertEquals("1e4", SvgChart.number(1e4));
    }

    @Test
    void parsesTheCommandLine() {
        ReportCommand.Options o = ReportCommand.parse(new String[] {"--profile", "smoke", "--sizes=64,1e3", "--types", "float"});
        assertEquals("smoke", o.profile().name());
        assertEquals(List.of(64L, 1000L), o.profile().sizes());
        assertEquals(List.of("float"), o.types());
        assertEquals(Path.of("bench", "results", "smoke"), o.out());
        assertThrows(IllegalArgumentException.class, () -> ReportCommand.parse(new String[] {"--profile", "huge"}));
        assertThrows(IllegalArgumentException.class, () -> ReportCommand.parse(new String[] {"--types", "int"}));
        assertThrows(IllegalArgumentException.class, () -> ReportCommand.parse(new String[] {"--sizes"}));
    }

    private static String miRow(String method, String backend, String k, String size, double ns) {
        return "{\"benchmark\": \"org.shannon4j.bench.MutualInformationBenchmark." + method + "\", \"params\": {\"backend\": \""
                + backend + "\"" + (k == null ? "" : ", \"k\": \"" + k + "\", \"size\": \"" + size + "\"")
                + "}, \"primaryMetric\": {\"score\": " + ns + ", \"scoreError\": " + ns / 100 + ", \"scoreUnit\": \"ns/op\"}}";
    }

    @Test
    void mutualInformationSectionFromItsOwnRowsAppendedToTheSuite() throws IOException {
        String mi = "[" + String.join(",", miRow("mutualInformation", "scalar", "10", "10000000", 1.2e7),
                miRow("mutualInformation", "simd", "10", "10000000", 0.9e7),
                miRow("mutualInformation", "simd", "1000", "10000000", 1.4e7),
                miRow("adjustedMutualInformation", "simd", null, null, 1.1e7)) + "]";
        String json = ReportCommand.appendJsonArrays(sample(), mi);
        JmhResults all = JmhResults.parse(json);
        assertEquals(JmhResults.parse(sample()).rows().size() + 4, all.rows().size());
        ReportWriter w = new ReportWriter(all, null, "test");
        String md = w.markdown();
        assertTrue(md.contains("## Mutual information from labels"), md);
        assertTrue(md.contains("| 1e7 | 10 | 1.20 ± 0.012 | 0.900 ± 0.0090 |"), md);
        assertTrue(md.contains("| 1e7 | 1000 | – | 1.40 ± 0.014 |"), md);
        assertTrue(md.contains("n = 1e6, k = 100 a side, time per call: simd 11.0 ms."), md);
        // MI's n does not become a size of the distribution tables.
        assertEquals(new ReportWriter(JmhResults.parse(sample()), null, "test").headlineSize(), w.headlineSize());
        assertFalse(new ReportWriter(JmhResults.parse(sample()), null, "t").markdown().contains("Mutual information"));
        assertEquals("[\n]\n", ReportCommand.appendJsonArrays("[]", " [ ] "));
    }

    private static String lossRow(String backend, String shape, String type, double ns) {
        return "{\"benchmark\": \"org.shannon4j.bench.LossBenchmark.softmaxCrossEntropy\", \"params\": {\"backend\": \""
                + backend + "\", \"shape\": \"" + shape + "\", \"type\": \"" + type + "\"}, \"primaryMetric\": {\"score\": "
                + ns + ", \"scoreError\": " + ns / 100 + ", \"scoreUnit\": \"ns/op\"}}";
    }

    @Test
    void lossSectionFromItsOwnRowsAppendedToTheSuite() throws IOException {
        String loss = "[" + String.join(",", lossRow("scalar", "1000000x10", "double", 1.3e8),
                lossRow("simd", "1000000x10", "double", 1.3e7), lossRow("simd", "100000x1000", "float", 1.2e8)) + "]";
        JmhResults all = JmhResults.parse(ReportCommand.appendJsonArrays(sample(), loss));
        ReportWriter w = new ReportWriter(all, null, "test");
        String md = w.markdown();
        assertTrue(md.contains("## Softmax cross-entropy"), md);
        assertTrue(md.contains("| 1000000 × 10 | double | scalar | 13.0 ± 0.13 |"), md);
        assertTrue(md.contains("| 1000000 × 10 | double | simd | 1.30 ± 0.013 | 13.0 ms | 10.0× |"), md);
        assertTrue(md.contains("| 100000 × 1000 | float | simd | 1.20 ± 0.012 | 120 ms | – |"), md);
        // the loss rows' shapes do not become sizes of the distribution tables
        assertEquals(new ReportWriter(JmhResults.parse(sample()), null, "test").headlineSize(), w.headlineSize());
        assertFalse(new ReportWriter(JmhResults.parse(sample()), null, "t").markdown().contains("Softmax cross"));
    }

    @Test
    void errorBarsReachingZeroAreDrawnToTheAxisWithAMarkerNotDropped() {
        SvgChart.Series s = new SvgChart.Series("simd", "#0072B2", false, List.of(
                new SvgChart.Point(1e3, 1.0, 0.9, 1.1), new SvgChart.Point(1e6, 1.24, -0.01, 2.44)));
        String svg = SvgChart.render("t", "caption", "x", "y", List.of(s));
        assertEquals(1, svg.split("class=\"clipped\"", -1).length - 1, svg);
    }

    @Test
    void linesJoinOnlySizesMeasuredCloseTogether() {
        List<SvgChart.Point> pts = List.of(new SvgChart.Point(1e3, 1, 1, 1), new SvgChart.Point(1e6, 1, 1, 1),
                new SvgChart.Point(1e7, 1, 1, 1), new SvgChart.Point(1e8, 1, 1, 1), new SvgChart.Point(8e9, 1, 1, 1));
        List<List<SvgChart.Point>> runs = SvgChart.joinedRuns(pts);
        assertEquals(1, runs.size());
        assertEquals(List.of(1e6, 1e7, 1e8), runs.get(0).stream().map(SvgChart.Point::x).toList());
        assertEquals(List.of(), SvgChart.joinedRuns(List.of(new SvgChart.Point(8, 1, 1, 1))));
    }

    @Test
    void chartsNameTheMachineJdkAndCommitAndTheReportSaysWhetherTheMachineWasIdle() throws IOException {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("profile", "full");
        env.put("cpu", "Test CPU @ 1 GHz");
        env.put("cores", "2 available to the JVM");
        env.put("jdk", "25.0.3+9-LTS (Eclipse Adoptium, OpenJDK 64-Bit Server VM)");
        env.put("git commit", "0123456789abcdef0123");
        env.put(RunEnvironment.LOAD_BEFORE, "0.10 0.20 0.30");
        env.put(RunEnvironment.LOAD_AFTER, "1.05 0.90 0.50");
        ReportWriter w = new ReportWriter(JmhResults.parse(sample()), env, "test");
        assertTrue(w.chart("entropy", "double").contains(
                "Test CPU @ 1 GHz, 2 cores · JDK 25.0.3+9-LTS · commit 0123456789ab · profile full"));
        String md = w.markdown();
        assertTrue(md.contains("0.10 0.20 0.30 before the run, 1.05 0.90 0.50 after it — the machine was **idle**"), md);
        assertTrue(md.contains("fork(s) per benchmark"), md);
        env.put(RunEnvironment.LOAD_BEFORE, "9.3 9.8 6.6");
        assertTrue(new ReportWriter(JmhResults.parse(sample()), env, "test").markdown().contains("**busy**"));
        assertFalse(md.contains("target"), "no internal jargon");
    }

    @Test
    void allocationColumnOnlyWhenMeasured() throws IOException {
        assertTrue(new ReportWriter(JmhResults.parse(sample()), null, "t").markdown().contains("÷ roofline | alloc B/call |"));
        JmhResults noGc = JmhResults.parse(sample().replaceAll("\"gc\\.alloc\\.rate\\.norm\"", "\"x.other\""));
        assertFalse(new ReportWriter(noGc, null, "t").markdown().contains("÷ roofline | alloc B/call |"));
    }

    @Test
    void pythonLibrariesSideBySide(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("python-baseline.csv"), """
                library,case,shape,dtype,unit,value
                scipy 1.10.1,entropy: scipy.stats.entropy(p),1000000,float64,ns/element,12.5
                scipy 1.10.1,"KL: rel_entr(p, q).sum()",10000000,float32,ns/element,9.0
                """);
        List<PythonBaselines.Row> rows = PythonBaselines.read(dir);
        assertEquals(2, rows.size());
        String md = new ReportWriter(JmhResults.parse(sample()), null, "t", null, rows).markdown();
        assertTrue(md.contains("## Next to numpy, scipy, scikit-learn and PyTorch"), md);
        // n = 1e6 double entropy: scalar 8.57, simd 1.24 ns/element in the sample; 12.5 / 1.24 = 10.1
        assertTrue(md.contains("| entropy | 1000000 | double | scipy 1.10.1 | `scipy.stats.entropy(p)` | ns/element | 12.5 |"
                + " 8.57 | 1.24 | 10.0× |"), md);
        assertTrue(md.contains("| KL | 10000000 | float | scipy 1.10.1 | `rel_entr(p, q).sum()` | ns/element | 9.00 | – | – | – |"), md);
    }

    @Test
    void coldStartTableWhenMeasured() throws IOException {
        String md = new ReportWriter(JmhResults.parse(sample()), null, "t").withColdStart(List.of(
                "backend,measure,warm_up,warm_up_ms,first_call_ms_median,first_call_ms_min,first_call_ms_max,"
                        + "first_n_ms_median,first_n_ms_min,first_n_ms_max,calls,size,forks,same_bits",
                "simd,entropy,true,25948.9,9.78,2.16,13.75,1122.50,329.23,1165.80,100,1000000,3,true")).markdown();
        assertTrue(md.contains("| simd | entropy | 1e6 | 3 | yes | 25949 ms | 9.78 [2.16–13.8] | 1123 [329–1166] (100) | yes |"),
                md);
        assertFalse(new ReportWriter(JmhResults.parse(sample()), null, "t").markdown().contains("Cold start"));
    }
}
