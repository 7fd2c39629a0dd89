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
import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;

/**
 * Evidently 0.7's value and decision for every case and method of drift/tools/generate_evidently.py, within 1e-10
 * relative (the test also reports the largest relative difference seen, which is far smaller).
 */
class EvidentlyGoldenTest {

    private static final double TOLERANCE = 1e-10;

    static List<String> backends() {
        return Shannon.backends().stream().filter(BackendInfo::supported).map(BackendInfo::name).toList();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void everyMethodMatchesEvidently(String backend) throws IOException {
        // unit and policy of the handle must not matter: the preset uses nats and scipy's normalisation
        Drift drift = Drift.of(Shannon.get(backend).withUnit(org.shannon4j.InfoUnit.BITS).context());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        double worst = 0;
        String worstCase = "";
        double[] ref = null;
        double[] cur = null;
        try (InputStream in = EvidentlyGoldenTest.class.getResourceAsStream("evidently.tsv.gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "R" -> ref = parse(f[1]);
                    case "U" -> cur = parse(f[1]);
                    case "V" -> {
                        DriftMethod method = DriftMethod.named(f[2]);
                        double want = parse(f[3])[0];
                        double threshold = Double.parseDouble(f[4]);
                        boolean wantDrift = Boolean.parseBoolean(f[5]);
                        DriftResult got = drift.numeric(DriftPreset.EVIDENTLY, method, ref, cur);
                        // Evidently's NaN (Hellinger's 0/0 densities) must be NaN here too
                        double rel = want == got.value() || Double.isNaN(want) && Double.isNaN(got.value()) ? 0
                                : Math.abs(got.value() - want) / Math.abs(want);
                        if (rel > worst) {
                            worst = rel;
                            worstCase = f[1] + " " + f[2];
                        }
                        if (!(rel <= TOLERANCE) || got.drift() != wantDrift || got.threshold() != threshold) {
                            failures.add(f[1] + " " + f[2] + ": " + got + ", Evidently " + want + " drift=" + wantDrift
                                    + " (relative difference " + rel + ")");
                        }
                        checked++;
                    }
                    default -> { }
                }
            }
        }
        System.out.println(backend + ": Evidently golden values: " + checked + " checked, largest relative difference " + worst
                + " (" + worstCase + ")");
        assertTrue(checked >= 100, "golden values read: " + checked);
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " values differ from Evidently");
    }

    static double[] parse(String s) {
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            // Python's float.hex writes nan, inf and -inf
            out[i] = switch (parts[i]) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(parts[i]);
            };
        }
        return out;
    }
}
