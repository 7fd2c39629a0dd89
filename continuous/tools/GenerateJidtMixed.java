import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
            List<Sample> samples = new ArrayList<>();
            for (Object[] s : sets) {
                Sample m = Sample.make((String) s[0], (Integer) s[1], (Integer) s[2], (Integer) s[3], (Long) s[4]);
                samples.add(m);
                out.println("#data\t" + m.name + "\t" + m.c.length + "\t" + m.d + "\t1\t0");
                for (int i = 0; i < m.c.length; i++) {
                    StringBuilder sb = new StringBuilder();
                    for (double v : m.c[i]) {
                        sb.append((float) v).append('\t');
                    }
                    out.println(sb.append(m.labels[i]));
                }
                for (int k : new int[] {1, 3, 4, 8}) {
                    out.println("#case\t" + m.name + "\tmixed\t" + m.base + "\t" + k + "\t" + estimate(m, k, false));
                }
            }
            // NORMALISE=true (JIDT's default) after the cases above, so that their lines stay as they were
            for (Sample m : samples) {
                for (int k : new int[] {3, 4}) {
                    out.println("#case\t" + m.name + "\tmixed_norm\t" + m.base + "\t" + k + "\t"
                            + estimate(m, k, true));
                }
            }
        }
    }

    record Sample(String name, double[][] c, int[] labels, int d, int base) {
        static Sample make(String name, int n, int d, int base, long seed) {
            Random r = new Random(seed);
            double[][] c = new double[n][d];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = r.nextInt(base);
                double shift = name.startsWith("indep") ? 0 : 0.8 * labels[i];
                for (int q = 0; q < d; q++) {
                    c[i][q] = (float) (shift + r.nextGaussian());
                }
            }
            return new Sample(name, c, labels, d, base);
        }
    }

    static double estimate(Sample m, int k, boolean normalise) throws Exception {
        MutualInfoCalculatorMultiVariateWithDiscreteKraskov calc =
                new MutualInfoCalculatorMultiVariateWithDiscreteKraskov();
        calc.setProperty("k", Integer.toString(k));
        calc.setProperty("NORMALISE", Boolean.toString(normalise));
        calc.setProperty("NOISE_LEVEL_TO_ADD", "0");
        calc.initialise(m.d, m.base);
        double[][] copy = new double[m.c.length][];
        for (int i = 0; i < m.c.length; i++) {
            copy[i] = m.c[i].clone();
        }
        calc.setObservations(copy, m.labels.clone());
        return calc.computeAverageLocalOfObservations();
    }
}
