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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Shannon;

/**
 * Evidently's and NannyML's categorical values, thresholds, decisions and chi-square p-values for every case of
 * drift/tools/generate_categorical.py within 1e-10 relative, and scipy's chi2.sf.
 */
class CategoricalGoldenTest {

    private static final double TOLERANCE = 1e-10;

    static List<String> backends() {
        return EvidentlyGoldenTest.backends();
    }

    private static List<String[]> lines() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = CategoricalGoldenTest.class.getResourceAsStream("categorical.tsv.gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line.split("\t", -1));
            }
        }
        return out;
    }

    private static String[] categories(String s) {
        String[] out = s.split(",", -1);
        for (int i = 0; i < out.length; i++) {
            if (out[i].isEmpty()) {
                out[i] = null; // the script writes a missing value as an empty field
            }
        }
        return out;
    }

    private static double relative(double got, double want) {
        return want == got ? 0 : Math.abs(got - want) / Math.abs(want);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void everyMethodMatchesTheTools(String backend) throws IOException {
        Drift drift = Drift.of(Shannon.get(backend).withUnit(org.shannon4j.InfoUnit.BITS).context());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        double worst = 0;
        String worstCase = "";
        String[] ref = null;
        String[] cur = null;
        for (String[] f : lines()) {
            switch (f[0]) {
                case "R" -> ref = categories(f[1]);
                case "U" -> cur = categories(f[1]);
                case "V" -> {
                    DriftPreset preset = DriftPreset.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
                    DriftMethod method = DriftMethod.named(f[3]);
                    double want = Double.parseDouble(f[4]);
                    double wantThreshold = Double.parseDouble(f[5]);
                    boolean wantDrift = Boolean.parseBoolean(f[6]);
                    double wantP = f[7].equals("nan") ? Double.NaN : Double.parseDouble(f[7]);
                    DriftResult got = drift.categorical(preset, method, ref, cur);
                    double rel = Math.max(relative(got.value(), want), relative(got.threshold(), wantThreshold));
                    if (!Double.isNaN(wantP)) {
                        rel = Math.max(rel, relative(got.pValue(), wantP));
                    }
                    if (rel > worst) {
                        worst = rel;
                        worstCase = f[1] + " " + f[2] + " " + f[3];
                    }
                    if (!(rel <= TOLERANCE) || got.drift() != wantDrift || Double.isNaN(wantP) != Double.isNaN(got.pValue())) {
                        failures.add(f[1] + " " + f[2] + " " + f[3] + ": " + got + ", tool " + want + " threshold "
                                + wantThreshold + " drift=" + wantDrift + " p=" + wantP + " (relative " + rel + ")");
                    }
                    assertEquals(got.threshold(), drift.defaultThreshold(preset, method, ref));
                    checked++;
                }
                default -> { }
            }
        }
        System.out.println(backend + ": categorical golden values: " + checked + " checked, largest relative"
                + " difference " + worst + " (" + worstCase + ")");
        assertTrue(checked >= 120, "golden values read: " + checked);
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " values differ");
    }

    @Test
    void chiSquareSurvivalMatchesScipy() throws IOException {
        int checked = 0;
        for (String[] f : lines()) {
            if (f[0].equals("P")) {
                double want = Double.parseDouble(f[3]);
                double got = Chi2.sf(Double.parseDouble(f[1]), Integer.parseInt(f[2]));
                assertTrue(relative(got, want) <= TOLERANCE, () -> "chi2.sf(" + f[1] + ", " + f[2] + ") = " + got
                        + ", scipy " + want);
                checked++;
            }
        }
        assertTrue(checked >= 10);
    }

    @Test
    void normalCdfMatchesScipy() throws IOException {
        int checked = 0;
        for (String[] f : lines()) {
            if (f[0].equals("N")) {
                double want = Double.parseDouble(f[2]);
                double got = Chi2.normalCdf(Double.parseDouble(f[1]));
                assertTrue(relative(got, want) <= 1e-14, () -> "norm.cdf(" + f[1] + ") = " + got + ", scipy " + want);
                checked++;
            }
        }
        assertTrue(checked >= 10);
    }
}
