import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import infodynamics.measures.mixed.kraskov.MutualInfoCalculatorMultiVariateWithDiscreteKraskov;

/**
 * Fixtures for KsgMixed's JIDT convention: JIDT's MutualInfoCalculatorMultiVariateWithDiscreteKraskov (max-norm,
 * NORMALISE=false, or true in the mixed_norm cases; NOISE_LEVEL_TO_ADD=0: its noise is unseeded) on seeded data,
 * labels in column y. Run by
 * generate_jidt.sh. Format as GenerateJidtKsg.java: "#data name n dx 1 0" + rows, "#case dataset mixed base k value".
 */
public class GenerateJidtMixed {

    public static void main(String[] args) throws Exception {
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new GZIPOutputStream(new FileOutputStream(args[0])), StandardCharsets.UTF_8))) {
            Object[][] sets = {{"mix200_1", 200, 1, 3, 1L}, {"mix1000_1", 1000, 1, 4, 2L}, {"mix500_3", 500, 3, 2, 3L},
                    {"indep300_2", 300, 2, 3, 4L}};
            for (Object[] s : sets) {
                String name = (String) s[0];
                int n = (Integer) s[1];
                int d = (Integer) s[2];
                int base = (Integer) s[3];
                Random r = new Random((Long) s[4]);
                double[][] c = new double[n][d];
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = r.nextInt(base);
                    double shift = name.startsWith("indep") ? 0 : 0.8 * labels[i];
                    for (int q = 0; q < d; q++) {
                        c[i][q] = (float) (shift + r.nextGaussian());
                    }
                }
                out.println("#data\t" + name + "\t" + n + "\t" + d + "\t1\t0");
                for (int i = 0; i < n; i++) {
                    StringBuilder sb = new StringBuilder();
                    for (double v : c[i]) {
                        sb.append((float) v).append('\t');
                    }
                    out.println(sb.append(labels[i]));
                }
                for (int k : new int[] {1, 3, 4, 8}) {
                    out.println("#case\t" + name + "\tmixed\t" + base + "\t" + k + "\t"
                            + estimate(c, labels, d, base, k, false));
                }
            }
            // NORMALISE=true (JIDT's default) after the cases above, so that their lines stay as they were
            for (Object[] s : sets) {
                String name = (String) s[0];
                int n = (Integer) s[1];
                int d = (Integer) s[2];
                int base = (Integer) s[3];
                Random r = new Random((Long) s[4]);
                double[][] c = new double[n][d];
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = r.nextInt(base);
                    double shift = name.startsWith("indep") ? 0 : 0.8 * labels[i];
                    for (int q = 0; q < d; q++) {
                        c[i][q] = (float) (shift + r.nextGaussian());
                    }
                }
                for (int k : new int[] {3, 4}) {
                    out.println("#case\t" + name + "\tmixed_norm\t" + base + "\t" + k + "\t"
                            + estimate(c, labels, d, base, k, true));
                }
            }
        }
    }

    static double estimate(double[][] c, int[] labels, int d, int base, int k, boolean normalise) throws Exception {
        MutualInfoCalculatorMultiVariateWithDiscreteKraskov calc =
                new MutualInfoCalculatorMultiVariateWithDiscreteKraskov();
        calc.setProperty("k", Integer.toString(k));
        calc.setProperty("NORMALISE", Boolean.toString(normalise));
        calc.setProperty("NOISE_LEVEL_TO_ADD", "0");
        calc.initialise(d, base);
        double[][] copy = new double[c.length][];
        for (int i = 0; i < c.length; i++) {
            copy[i] = c[i].clone();
        }
        calc.setObservations(copy, labels.clone());
        return calc.computeAverageLocalOfObservations();
    }
}
