package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Shannon;

/**
 * NannyML's value, default threshold and decision for every case and method of drift/tools/generate_nannyml.py,
 * within 1e-10 relative (the largest relative difference seen is reported).
 */
class NannyMLGoldenTest {

    private static final double TOLERANCE = 1e-10;

    static List<String> backends() {
        return EvidentlyGoldenTest.backends();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void everyMethodMatchesNannyML(String backend) throws IOException {
        Drift drift = Drift.of(Shannon.get(backend).withUnit(org.shannon4j.InfoUnit.BANS).context());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        double worst = 0;
        String worstCase = "";
        double[] ref = null;
        double[] cur = null;
        try (InputStream in = NannyMLGoldenTest.class.getResourceAsStream("nannyml.tsv.gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "R" -> ref = EvidentlyGoldenTest.parse(f[1]);
                    case "U" -> cur = EvidentlyGoldenTest.parse(f[1]);
                    case "V" -> {
                        DriftMethod method = DriftMethod.named(f[2]);
                        double want = Double.parseDouble(f[3]);
                        double wantThreshold = Double.parseDouble(f[4]);
                        boolean wantDrift = Boolean.parseBoolean(f[5]);
                        DriftResult got = drift.numeric(DriftPreset.NANNYML, method, ref, cur);
                        double rel = Math.max(relative(got.value(), want), relative(got.threshold(), wantThreshold));
                        if (rel > worst) {
                            worst = rel;
                            worstCase = f[1] + " " + f[2];
                        }
                        if (!(rel <= TOLERANCE) || got.drift() != wantDrift) {
                            failures.add(f[1] + " " + f[2] + ": " + got + ", NannyML " + want + " threshold "
                                    + wantThreshold + " drift=" + wantDrift + " (relative difference " + rel + ")");
                        }
                        assertEquals(got.threshold(), drift.defaultThreshold(DriftPreset.NANNYML, method, ref));
                        checked++;
                    }
                    default -> { }
                }
            }
        }
        System.out.println(backend + ": NannyML golden values: " + checked + " checked, largest relative difference "
                + worst + " (" + worstCase + ")");
        assertTrue(checked >= 90, "golden values read: " + checked);
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " values differ from NannyML");
    }

    private static double relative(double got, double want) {
        return want == got ? 0 : Math.abs(got - want) / Math.abs(want);
    }
}
