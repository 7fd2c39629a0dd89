package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;

/**
 * scikit-learn 1.2's {@code _compute_mi_cc} on the data sets of {@code continuous/tools/generate_ksg.py}
 * (Gaussians with ρ = 0, 0.5, 0.9, uniform, heavy tails, heavy ties, very different scales; n = 10 … 10,000;
 * k = 1, 3, 5; with and without {@code scale(·, with_mean=False)}), on every backend and with 1 and 3 threads.
 *
 * <p>The means ⟨ψ(n_x + 1)⟩ and ⟨ψ(n_y + 1)⟩ are held to 1e-12 relative (so the counts are exact: one count off
 * moves a mean by ≥ 1/(n²) relative to ψ ≈ ln n, far above 1e-12 for n ≤ 10⁴). The estimate itself is their
 * difference from ψ(N) + ψ(k) and cancels near independence (it may be ~1e-3 from terms ~9), so it is held to
 * 1e-12 of the terms' magnitude ψ(N) + |ψ(k)| + the two means: a relative bound on the estimate itself would ask
 * for more digits than scikit-learn's own double arithmetic has.
 */
class KsgGoldenTest {

    static List<String> backends() {
        return Shannon.backends().stream().filter(BackendInfo::supported).map(BackendInfo::name).toList();
    }

    private static final double TOL = 1e-12;

    static Map<String, double[]> data() throws IOException {
        Map<String, double[]> columns = new HashMap<>();
        try (InputStream in = KsgGoldenTest.class.getResourceAsStream("ksg_data.tsv.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                     StandardCharsets.UTF_8))) {
            String[] names = r.readLine().split("\t");
            List<float[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                float[] row = new float[f.length];
                for (int j = 0; j < f.length; j++) {
                    row[j] = Float.parseFloat(f[j]);
                }
                rows.add(row);
            }
            for (int j = 0; j < names.length; j++) {
                double[] c = new double[rows.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = rows.get(i)[j];
                }
                columns.put(names[j], c);
            }
        }
        return columns;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void matchesScikitLearn(String backend) throws IOException {
        Map<String, double[]> data = data();
        Shannon handle = Shannon.get(backend);
        Ksg one = Ksg.of(handle.context());
        Ksg three = Ksg.of(handle.withParallelism(3).context());
        int exact = 0;
        int checked = 0;
        double worst = 0;
        try (InputStream in = KsgGoldenTest.class.getResourceAsStream("ksg_sklearn.tsv.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                     StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                int n = Integer.parseInt(f[1]);
                int k = Integer.parseInt(f[2]);
                boolean scaled = f[3].equals("1");
                double sklearn = Double.parseDouble(f[4]);
                double raw = Double.parseDouble(f[5]);
                double meanX = Double.parseDouble(f[6]);
                double meanY = Double.parseDouble(f[7]);
                double[] x = java.util.Arrays.copyOf(data.get(f[0] + "_x"), n);
                double[] y = java.util.Arrays.copyOf(data.get(f[0] + "_y"), n);
                String what = line;

                double[] sx = scaled ? scaled(x, Ksg.scaleOf("x", x, 10 * Math.ulp(1.0))) : x;
                double[] sy = scaled ? scaled(y, Ksg.scaleOf("y", y, 0.0)) : y;
                double[] sums = new KsgSearch(sx, sy, k).sums(KsgConvention.SKLEARN, handle.context().parallelism());
                assertEquals(meanX, sums[0] / n, TOL * Math.abs(meanX), what);
                assertEquals(meanY, sums[1] / n, TOL * Math.abs(meanY), what);

                double scale = Digamma.of(n) + Math.abs(Digamma.of(k)) + Math.abs(meanX) + Math.abs(meanY);
                Ksg ksg = one.withScaling(scaled);
                double mi = ksg.mutualInformation(x, y, k);
                assertEquals(raw, mi, TOL * scale, what);
                assertEquals(sklearn, ksg.withClipAtZero(true).mutualInformation(x, y, k), TOL * scale, what);
                assertEquals(mi, three.withScaling(scaled).mutualInformation(x, y, k), 0.0, what);
                worst = Math.max(worst, Math.abs(raw - mi) / scale);
                exact += raw == mi ? 1 : 0;
                checked++;
            }
        }
        assertTrue(checked >= 200, "only " + checked + " golden values");
        // scipy's ψ and numpy's pairwise means: to the bit but where Java's log and glibc's round apart
        assertTrue(exact >= checked - checked / 50, exact + " of " + checked + " to the bit");
        System.out.println(backend + ": scikit-learn KSG golden values: " + checked
                + " checked, " + exact + " to the bit, largest difference / terms " + worst);
    }

    private static double[] scaled(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / s;
        }
        return out;
    }
}
