package org.shannon4j.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * FEAST's reference feature selections ({@code golden/feast_selections.tsv}), for the selection module's tests:
 * FEAST (Brown, Pocock, Zhao, Luján, JMLR 13, 2012) built from its public source and run on discretised
 * scikit-learn data sets and synthetic XOR / redundant / tie / degenerate / parity / random sets by
 * {@code conformance/tools/generate_feast_selections.py}, whose fixture header documents the commits, the
 * compiler and every column. Scores are FEAST's, in bits.
 *
 * <p>FEAST is only FEAST-identical where the selection is not decided by its rounding or its bookkeeping: a test
 * should compare the steps before {@link Case#decidedPrefix()} exactly (indices) and within its tolerance
 * (scores), and treat the rest through the {@link Case#stepFlags() step flags}.
 */
public final class FeastFixtures {

    /** Classpath location of the fixture. */
    public static final String RESOURCE = "/org/shannon4j/conformance/golden/feast_selections.tsv";

    /**
     * A discrete data set: every feature column and the target as codes 0..35 (FEAST uses them as states).
     *
     * @param name        the fixture's name (e.g. {@code iris-b5}, {@code xor})
     * @param description how it was made (source, binning, seed)
     * @param features    column-major codes: {@code features[j][row]}
     * @param target      the target's codes, one per row
     */
    public record DataSet(String name, String description, int[][] features, int[] target) {
        /** @return the number of rows */
        public int rows() {
            return target.length;
        }

        /** @return the number of feature columns */
        public int featureCount() {
            return features.length;
        }
    }

    /** What FEAST did instead of a selection. */
    public enum Accident {
        /** Every step is a selection. */
        NONE,
        /** JMI/DISR: nothing scored &gt; 0, FEAST returned its default feature 0, already selected (score 0). */
        DUPLICATE,
        /** CondMI: nothing scored &gt; 0, FEAST wrote −1 (score 0). */
        SENTINEL
    }

    /** Per-step observations (found by re-scoring every candidate independently after FEAST's prefix). */
    public enum StepFlag {
        /** A plain step: FEAST's pick is the unique best candidate. */
        OK,
        /** This step is a {@link Accident#DUPLICATE}. */
        DUP,
        /** This step is a {@link Accident#SENTINEL}. */
        SENTINEL,
        /** After the first accident: FEAST's bookkeeping, not a selection. */
        POST,
        /** Another candidate scores within 1e-10 bits of the pick; FEAST took the lowest index. */
        TIE,
        /** Another candidate scores within 1e-10 bits of the pick; FEAST took a higher index (its rounding). */
        ROUNDING_TIE,
        /** JMI/DISR/CondMI: the best score is within 1e-10 bits of FEAST's "&gt; 0" threshold. */
        ZERO;

        static StepFlag parse(String token) {
            return valueOf(token.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * One FEAST run.
     *
     * @param data         the data set
     * @param criterion    FEAST's name: MIM, mRMR_D, JMI, CMIM, DISR, ICAP, CIFE (= BetaGamma(1, 1)), CondMI,
     *                     BetaGamma
     * @param k            features requested
     * @param beta         BetaGamma's β (also CIFE's, 1), NaN for the other criteria
     * @param gamma        BetaGamma's γ (also CIFE's, 1), NaN for the other criteria
     * @param indices      FEAST's selected indices in order, 0-based (−1: CondMI's sentinel)
     * @param scores       FEAST's per-step scores, in bits
     * @param accident     the first accident, if any
     * @param accidentStep the 0-based step of the first accident, −1 if none
     * @param stepFlags    one set of flags per step
     * @param line         the fixture line (for messages)
     */
    public record Case(DataSet data, String criterion, int k, double beta, double gamma, int[] indices,
            double[] scores, Accident accident, int accidentStep, List<Set<StepFlag>> stepFlags, int line) {

        /**
         * @return the number of leading steps whose indices any FEAST-faithful selector must reproduce: the steps
         *         before the first accident, rounding-decided tie or threshold decided by rounding. Exact ties
         *         ({@link StepFlag#TIE}) count: the lowest index wins them.
         */
        public int decidedPrefix() {
            for (int step = 0; step < k; step++) {
                Set<StepFlag> flags = stepFlags.get(step);
                if (!Collections.disjoint(flags, EnumSet.of(StepFlag.DUP, StepFlag.SENTINEL, StepFlag.POST,
                        StepFlag.ROUNDING_TIE, StepFlag.ZERO))) {
                    return step;
                }
            }
            return k;
        }

        @Override
        public String toString() {
            String params = Double.isNaN(beta) ? "" : "(" + beta + ", " + gamma + ")";
            return data.name() + " " + criterion + params + " k=" + k;
        }
    }

    private final Map<String, DataSet> dataSets;
    private final List<Case> cases;

    private FeastFixtures(Map<String, DataSet> dataSets, List<Case> cases) {
        this.dataSets = Collections.unmodifiableMap(dataSets);
        this.cases = List.copyOf(cases);
    }

    /** @return the fixture read from {@link #RESOURCE} */
    public static FeastFixtures load() {
        try (InputStream in = FeastFixtures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the data sets by name, in file order */
    public Map<String, DataSet> dataSets() {
        return dataSets;
    }

    /** @return every case, in file order */
    public List<Case> cases() {
        return cases;
    }

    static FeastFixtures parse(BufferedReader reader) throws IOException {
        Map<String, DataSet> dataSets = new LinkedHashMap<>();
        List<Case> cases = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] f = text.split("\t", -1);
            switch (f[0]) {
                case "data" -> {
                    DataSet data = parseData(f, line);
                    if (dataSets.put(data.name(), data) != null) {
                        throw bad(line, "data set " + data.name() + " defined twice");
                    }
                }
                case "case" -> cases.add(parseCase(f, dataSets, line));
                default -> throw bad(line, "unknown row type '" + f[0] + "'");
            }
        }
        return new FeastFixtures(dataSets, cases);
    }

    private static DataSet parseData(String[] f, int line) {
        int rows = Integer.parseInt(f[2]);
        int features = Integer.parseInt(f[3]);
        if (f.length != 6 + features) {
            throw bad(line, "expected " + (6 + features) + " fields, found " + f.length);
        }
        int[] target = codes(f[5], rows, line);
        int[][] columns = new int[features][];
        for (int j = 0; j < features; j++) {
            columns[j] = codes(f[6 + j], rows, line);
        }
        return new DataSet(f[1], f[4], columns, target);
    }

    private static int[] codes(String field, int rows, int line) {
        if (field.length() != rows) {
            throw bad(line, "column of " + field.length() + " codes, expected " + rows);
        }
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            int code = Character.digit(field.charAt(i), 36);
            if (code < 0) {
                throw bad(line, "code '" + field.charAt(i) + "' at row " + i + " is not base 36");
            }
            codes[i] = code;
        }
        return codes;
    }

    private static Case parseCase(String[] f, Map<String, DataSet> dataSets, int line) {
        if (f.length != 11) {
            throw bad(line, "expected 11 fields, found " + f.length);
        }
        DataSet data = dataSets.get(f[1]);
        if (data == null) {
            throw bad(line, "unknown data set " + f[1]);
        }
        int k = Integer.parseInt(f[3]);
        double beta = f[4].equals("-") ? Double.NaN : Double.parseDouble(f[4]);
        double gamma = f[5].equals("-") ? Double.NaN : Double.parseDouble(f[5]);
        String[] idx = f[6].split(",");
        String[] sc = f[7].split(",");
        String[] fl = f[10].split(",");
        if (idx.length != k || sc.length != k || fl.length != k) {
            throw bad(line, "k = " + k + " but " + idx.length + " indices, " + sc.length + " scores, " + fl.length
                    + " step flags");
        }
        int[] indices = new int[k];
        double[] scores = new double[k];
        List<Set<StepFlag>> flags = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            indices[s] = Integer.parseInt(idx[s]);
            if (indices[s] < -1 || indices[s] >= data.featureCount()) {
                throw bad(line, "index[" + s + "] = " + indices[s] + " outside -1.." + (data.featureCount() - 1));
            }
            scores[s] = Double.parseDouble(sc[s]);
            EnumSet<StepFlag> set = EnumSet.noneOf(StepFlag.class);
            for (String token : fl[s].split("\\+")) {
                set.add(StepFlag.parse(token));
            }
            flags.add(Collections.unmodifiableSet(set));
        }
        Accident accident = Accident.valueOf(f[8].toUpperCase(Locale.ROOT));
        int accidentStep = f[9].equals("-") ? -1 : Integer.parseInt(f[9]);
        if ((accident == Accident.NONE) != (accidentStep < 0)) {
            throw bad(line, "accident " + f[8] + " with step " + f[9]);
        }
        return new Case(data, f[2], k, beta, gamma, indices, scores, accident, accidentStep,
                Collections.unmodifiableList(flags), line);
    }

    private static IllegalStateException bad(int line, String message) {
        return new IllegalStateException(RESOURCE + ":" + line + ": " + message);
    }
}
