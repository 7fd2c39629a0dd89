package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Shannon;

/**
 * R's k-NN estimators on the data of continuous/tools/generate_r_knn.R (FNN 1.1.3.1, parmigene 1.1.0, Debian):
 * FNN's {@code entropy} is {@link KozachenkoLeonenko} with the Euclidean norm; FNN's {@code mutinfo} (counts that
 * include the point itself, ψ(n_x)) is {@link KsgAlgorithm#KSG1} wherever ε &gt; 0; parmigene's
 * {@code knnmi} is {@link Ksg#parmigeneKnnmi} (its standardisation and seeded noise, then KSG algorithm 2), checked
 * with noise 0, its default 1e-12, 0.01 and 0.5. Held to 1e-12 of the terms' magnitude, as in
 * {@link MultivariateKsgJidtTest}; on every backend and with 1 and 3 threads.
 */
class RKnnPeersTest {

    private static final double TOL = 1e-12;

    @ParameterizedTest
    @MethodSource("org.shannon4j.continuous.JidtFixtures#backends")
    void matchesFnnAndParmigene(String backend) {
        JidtFixtures fx = new JidtFixtures("r_knn.txt.gz", false);
        Shannon handle = Shannon.get(backend);
        Ksg one = Ksg.of(handle.context());
        KozachenkoLeonenko kl = KozachenkoLeonenko.of(handle.context());
        KozachenkoLeonenko kl3 = KozachenkoLeonenko.of(handle.withParallelism(3).context());
        int checked = 0;
        for (JidtFixtures.Case c : fx.cases) {
            String[] f = c.fields();
            int k = Integer.parseInt(f[2]);
            JidtFixtures.Data d = c.data();
            int n = d.x().length;
            String what = String.join(" ", f);
            double ours;
            double scale;
            switch (f[1]) {
                case "fnn_entropy" -> {
                    ours = kl.entropy(d.x(), k);
                    assertEquals(ours, kl3.entropy(MultivariateKsgJidtTest.flat(d.x()), d.x()[0].length, k), 0.0,
                            what + ": threads or layout changed the bits");
                    scale = Math.abs(c.value()) + Digamma.of(n) + Math.abs(Digamma.of(k)) + 1;
                }
                case "fnn_mutinfo" -> {
                    ours = one.multivariate(KsgAlgorithm.KSG1).mutualInformation(d.x(), d.y(), k);
                    scale = JidtFixtures.terms(n, k);
                }
                case "parmigene_knnmi" -> {
                    double noise = Double.parseDouble(f[3]);
                    ours = one.parmigeneKnnmi(column(d.x()), column(d.y()), k, noise);
                    scale = JidtFixtures.terms(n, k);
                }
                default -> throw new AssertionError(what);
            }
            assertEquals(c.value(), ours, TOL * scale, what);
            checked++;
        }
        assertTrue(checked >= 50, "only " + checked + " R values");
    }

    private static double[] column(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][0];
        }
        return out;
    }
}
