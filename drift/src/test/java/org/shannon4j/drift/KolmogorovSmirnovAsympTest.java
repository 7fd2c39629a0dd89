package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ks_2samp's p-value above 10,000 values a column (scipy's asymptotic kstwo), against drift/tools/generate_ks_asymp.py. */
class KolmogorovSmirnovAsympTest {

    @Test
    void matchesScipyAboveTenThousandValues() throws Exception {
        List<String> bad = new ArrayList<>();
        double maxRel = 0;
        int rows = 0;
        int exact = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("ks_asymp.tsv"), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                int n1 = Integer.parseInt(f[0]);
                int n2 = Integer.parseInt(f[1]);
                double d = Double.parseDouble(f[2]);
                double want = Double.parseDouble(f[3]);
                double got = KolmogorovSmirnov.pValue(n1, n2, d);
                rows++;
                double rel = want == got ? 0 : Math.abs(got - want) / Math.abs(want);
                if (want == got) {
                    exact++;
                }
                maxRel = Math.max(maxRel, rel);
                if (!(rel <= 1e-12) || (got <= 0.05) != (want <= 0.05)) {
                    bad.add(line + " got " + got + " rel " + rel);
                }
            }
        }
        System.out.println("ks asymp: " + rows + " rows, " + exact + " bit-identical, max relative difference " + maxRel);
        assertTrue(bad.isEmpty(), bad.size() + " rows differ: " + String.join("\n", bad.subList(0, Math.min(20, bad.size()))));
    }
}
