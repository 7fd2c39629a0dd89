package org.shannon4j.continuous;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;

/** Reader of the peer fixture files (continuous/tools/GenerateJidtKsg.java, generate_r_knn.R): data sets and cases. */
final class JidtFixtures {

    /** A data set: x, y, z as rows (z null when absent). */
    record Data(String name, double[][] x, double[][] y, double[][] z) {
    }

    /** One expected value: the fields after "#case" and the value. */
    record Case(Data data, String[] fields, double value) {
    }

    /** The supported backends' names, for the peer tests' {@code @MethodSource}. */
    static List<String> backends() {
        return Shannon.backends().stream().filter(BackendInfo::supported).map(BackendInfo::name).toList();
    }

    /**
     * The scale a k-NN estimate's tolerance is relative to: a bound on its summed ψ terms (ψ(N), ψ(k) and two means
     * of ψ of counts below N), as the estimate itself may cancel to near 0.
     */
    static double terms(int n, int k) {
        return 3 * Digamma.of(n) + Math.abs(Digamma.of(k));
    }

    final Map<String, Data> data = new LinkedHashMap<>();
    final List<Case> cases = new ArrayList<>();

    /** Values written as floats (JIDT's generator) are parsed as floats, so that they are exactly what JIDT saw. */
    JidtFixtures(String resource, boolean floats) {
        try (InputStream in = JidtFixtures.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                     StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while (line != null) {
                String[] f = line.split("\t");
                if (f[0].equals("#data")) {
                    int n = Integer.parseInt(f[2]);
                    int[] dims = {Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])};
                    double[][][] blocks = new double[3][][];
                    for (int b = 0; b < 3; b++) {
                        blocks[b] = dims[b] == 0 ? null : new double[n][dims[b]];
                    }
                    for (int i = 0; i < n; i++) {
                        String[] v = r.readLine().split("\t");
                        int c = 0;
                        for (int b = 0; b < 3; b++) {
                            for (int j = 0; j < dims[b]; j++) {
                                blocks[b][i][j] = floats ? Float.parseFloat(v[c]) : Double.parseDouble(v[c]);
                                c++;
                            }
                        }
                    }
                    data.put(f[1], new Data(f[1], blocks[0], blocks[1], blocks[2]));
                } else if (f[0].equals("#case")) {
                    String[] fields = java.util.Arrays.copyOfRange(f, 1, f.length - 1);
                    cases.add(new Case(data.get(f[1]), fields, Double.parseDouble(f[f.length - 1])));
                }
                line = r.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
