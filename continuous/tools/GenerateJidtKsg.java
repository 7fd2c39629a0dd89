import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import infodynamics.measures.continuous.kraskov.ConditionalMutualInfoCalculatorMultiVariateKraskov;
import infodynamics.measures.continuous.kraskov.ConditionalMutualInfoCalculatorMultiVariateKraskov1;
import infodynamics.measures.continuous.kraskov.ConditionalMutualInfoCalculatorMultiVariateKraskov2;
import infodynamics.measures.continuous.kraskov.MutualInfoCalculatorMultiVariateKraskov;
import infodynamics.measures.continuous.kraskov.MutualInfoCalculatorMultiVariateKraskov1;
import infodynamics.measures.continuous.kraskov.MutualInfoCalculatorMultiVariateKraskov2;

/**
 * Fixtures for MultivariateKsg: JIDT's KSG 1 and 2 mutual information and conditional mutual information (max-norm,
 * NORMALISE=false, NUM_THREADS=1, NOISE_LEVEL_TO_ADD=0 unless a case names a noise level and seed; kinds mi_norm and
 * cmi_norm with NORMALISE=true) on seeded data sets (KSG2 without noise only on untied data). Run by
 * generate_jidt.sh; writes one gzip'd text file:
 *   #data name n dx dy dz        then n rows of dx + dy + dz values (floats, so the text is exact)
 *   #case dataset kind algo k noise seed value
 */
public class GenerateJidtKsg {

    record Data(String name, int n, int dx, int dy, int dz, double[][] x, double[][] y, double[][] z) {}

    static Data make(String name, int n, int dx, int dy, int dz, String dist, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][dx];
        double[][] y = new double[n][dy];
        double[][] z = new double[n][Math.max(dz, 1)];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < z[i].length; c++) {
                z[i][c] = draw(r, dist);
            }
            for (int c = 0; c < dx; c++) {
                x[i][c] = shape(0.7 * z[i][c % z[i].length] + draw(r, dist), dist);
            }
            for (int c = 0; c < dy; c++) {
                double dep = dist.equals("indep") ? 0 : 0.6;
                y[i][c] = shape(dep * x[i][c % dx] + 0.5 * z[i][c % z[i].length] + draw(r, dist), dist);
            }
            for (int c = 0; c < z[i].length; c++) {
                z[i][c] = shape(z[i][c], dist);
            }
        }
        return new Data(name, n, dx, dy, dz, x, y, dz == 0 ? null : z);
    }

    static double draw(Random r, String dist) {
        return dist.equals("uniform") ? r.nextDouble() : r.nextGaussian();
    }

    /** Heavy tails, ties, and float precision so that the written text is the exact value. */
    static double shape(double v, String dist) {
        switch (dist) {
            case "cauchy": v = v * v * v; break;
            case "ties": v = Math.rint(v * 2) / 2; break;
            default: break;
        }
        return (float) v;
    }

    public static void main(String[] args) throws Exception {
        Data[] data = {
                make("tiny", 8, 1, 1, 1, "gauss", 1),
                make("gauss100", 100, 1, 1, 1, "gauss", 2),
                make("gauss1000", 1000, 1, 1, 1, "gauss", 3),
                make("indep400", 400, 1, 1, 1, "indep", 4),
                make("gauss500_212", 500, 2, 1, 2, "gauss", 5),
                make("uniform500_321", 500, 3, 2, 1, "uniform", 6),
                make("cauchy2000_222", 2000, 2, 2, 2, "cauchy", 7),
                make("ties300", 300, 1, 1, 1, "ties", 8),
                make("gauss12000", 12000, 1, 1, 0, "gauss", 9),
        };
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new GZIPOutputStream(new FileOutputStream(args[0])), StandardCharsets.UTF_8))) {
            for (Data d : data) {
                out.println("#data\t" + d.name + "\t" + d.n + "\t" + d.dx + "\t" + d.dy + "\t" + d.dz);
                for (int i = 0; i < d.n; i++) {
                    StringBuilder sb = new StringBuilder();
                    append(sb, d.x[i]);
                    append(sb, d.y[i]);
                    if (d.z != null) {
                        append(sb, d.z[i]);
                    }
                    out.println(sb.substring(1));
                }
            }
            for (Data d : data) {
                for (int algo = 1; algo <= 2; algo++) {
                    for (int k : new int[] {1, 4, 10}) {
                        // KSG2 on tied data: which of several points tied at the k-th joint distance JIDT's k-d tree
                        // takes sets eps_x and eps_y, so it is not a convention to match (the noisy cases cover ties)
                        boolean ambiguous = algo == 2 && d.name.startsWith("ties");
                        if (k >= d.n || ambiguous || (d.n > 10_000 && k != 4)) {
                            continue;
                        }
                        out.println(line(d, "mi", algo, k, 0, 0, mi(d, algo, k, 0, 0)));
                        if (d.z != null) {
                            out.println(line(d, "cmi", algo, k, 0, 0, cmi(d, algo, k, 0, 0)));
                        }
                    }
                }
            }
            for (Data d : new Data[] {data[7], data[1]}) {
                for (int algo = 1; algo <= 2; algo++) {
                    out.println(line(d, "mi", algo, 4, 1e-8, 42, mi(d, algo, 4, 1e-8, 42)));
                    out.println(line(d, "cmi", algo, 4, 1e-3, 43, cmi(d, algo, 4, 1e-3, 43)));
                }
            }
            // JIDT's NORMALISE=true (its default), alone and with its default noise level, seeded
            for (Data d : new Data[] {data[1], data[4], data[5], data[6], data[7], data[8]}) {
                for (int algo = 1; algo <= 2; algo++) {
                    for (double noise : new double[] {0, 1e-8}) {
                        boolean ambiguous = algo == 2 && noise == 0 && d.name.startsWith("ties");
                        if (ambiguous) {
                            continue;
                        }
                        long seed = noise == 0 ? 0 : 44;
                        out.println(line(d, "mi_norm", algo, 4, noise, seed, mi(d, algo, 4, noise, seed, true)));
                        if (d.z != null) {
                            out.println(line(d, "cmi_norm", algo, 4, noise, seed,
                                    cmi(d, algo, 4, noise, seed, true)));
                        }
                    }
                }
            }
        }
    }

    static void append(StringBuilder sb, double[] v) {
        for (double a : v) {
            sb.append('\t').append((float) a);
        }
    }

    static String line(Data d, String kind, int algo, int k, double noise, long seed, double value) {
        return "#case\t" + d.name + "\t" + kind + "\t" + algo + "\t" + k + "\t" + noise + "\t" + seed + "\t" + value;
    }

    static double mi(Data d, int algo, int k, double noise, long seed) throws Exception {
        return mi(d, algo, k, noise, seed, false);
    }

    static double mi(Data d, int algo, int k, double noise, long seed, boolean normalise) throws Exception {
        MutualInfoCalculatorMultiVariateKraskov c = algo == 1 ? new MutualInfoCalculatorMultiVariateKraskov1()
                : new MutualInfoCalculatorMultiVariateKraskov2();
        configure(c::setProperty, k, noise, seed, normalise);
        c.initialise(d.dx, d.dy);
        c.setObservations(copy(d.x), copy(d.y));
        return c.computeAverageLocalOfObservations();
    }

    static double cmi(Data d, int algo, int k, double noise, long seed) throws Exception {
        return cmi(d, algo, k, noise, seed, false);
    }

    static double cmi(Data d, int algo, int k, double noise, long seed, boolean normalise) throws Exception {
        ConditionalMutualInfoCalculatorMultiVariateKraskov c = algo == 1
                ? new ConditionalMutualInfoCalculatorMultiVariateKraskov1()
                : new ConditionalMutualInfoCalculatorMultiVariateKraskov2();
        configure(c::setProperty, k, noise, seed, normalise);
        c.initialise(d.dx, d.dy, d.dz);
        c.setObservations(copy(d.x), copy(d.y), copy(d.z));
        return c.computeAverageLocalOfObservations();
    }

    interface Properties {
        void set(String name, String value) throws Exception;
    }

    static void configure(Properties p, int k, double noise, long seed, boolean normalise) throws Exception {
        p.set("k", Integer.toString(k));
        p.set("NORMALISE", Boolean.toString(normalise));
        p.set("NUM_THREADS", "1");
        p.set("NOISE_LEVEL_TO_ADD", Double.toString(noise));
        if (noise > 0) {
            p.set("NOISE_SEED", Long.toString(seed));
        }
    }

    static double[][] copy(double[][] a) {
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
        }
        return b;
    }
}
