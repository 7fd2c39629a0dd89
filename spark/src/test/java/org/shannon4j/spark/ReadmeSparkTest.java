package org.shannon4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.dependence.NmiAverage;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.Selection;
import org.shannon4j.spark.ml.InfoSelector;
import org.shannon4j.spark.ml.InfoSelectorModel;

/**
 * README's "On Spark" Java snippet runs as written: {@link #theSnippetRuns} holds its lines verbatim (checked
 * line by line against README, which bin/check-readme cannot compile without Spark on its class path).
 */
class ReadmeSparkTest {

    @Test
    void theSnippetRuns() {
        Dataset<Row> ds = SparkTests.session().range(0, 5000, 1, 3).selectExpr("cast(id % 3 as int) as label",
                "cast((id * 7) % 5 as int) as f0", "cast(id % 3 + (id % 2) * 3 as int) as f1",
                "cast((id / 3) % 4 as int) as f2");
        // ds: a Dataset<Row> with int columns "label", "f0", "f1", "f2" (codes >= 0)
        Selection jmi = SparkSelection.of(Shannon.get().withUnit(InfoUnit.BITS))
                .select(ds, "label", List.of("f0", "f1", "f2"), Criterion.JMI, 2);
        jmi.names();                                  // the selected columns in order; scores(), relevance() in bits
        TargetCounts counts = SparkCounts.withTarget(ds, "label", "f0", "f1", "f2");    // one pass, exact PairCounts
        for (PairMeasures m : counts.measures(Shannon.get().dependence(), NmiAverage.ARITHMETIC)) {
            System.out.println(m.x() + ": MI " + m.mutualInformation() + " nats, G " + m.gTest().statistic()
                    + ", ln p " + m.gTest().logPValue());
        }
        InfoSelectorModel model = new InfoSelector().setInputCols("f0", "f1", "f2").setLabelCol("label")
                .setCriterion("jmi").setK(2).setUnit("bits").fit(ds);
        model.getSelectedNames();                     // as jmi.names(); model.transform(ds) adds "selectedFeatures"

        assertEquals("f1", jmi.names().get(0), "f1 determines the label");
        assertEquals(jmi.names(), model.getSelectedNames());
    }

    @Test
    void readmeHoldsTheSnippetVerbatim() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> readme = Files.readAllLines(root.resolve("README.md"));
        int start = readme.indexOf("## On Spark");
        assertTrue(start >= 0, "README has a section \"## On Spark\"");
        List<String> snippet = new ArrayList<>();
        boolean in = false;
        for (int i = start + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++) {
            String line = readme.get(i);
            if (line.equals("```java")) {
                in = true;
            } else if (in && line.equals("```")) {
                break;
            } else if (in) {
                snippet.add(line.strip());
            }
        }
        assertFalse(snippet.isEmpty(), "the section has a java block");
        List<String> source = Files.readAllLines(root.resolve(
                "spark/src/test/java/org/shannon4j/spark/ReadmeSparkTest.java")).stream().map(String::strip).toList();
        int at = 0;
        for (String line : snippet) {
            int found = source.subList(at, source.size()).indexOf(line);
            assertTrue(found >= 0, "README line not in this test, in order: " + line);
            at += found + 1;
        }
    }
}
