package org.shannon4j.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Timings of numpy, scipy, scikit-learn and PyTorch on the benchmark's shapes, written by the scripts in
 * {@code bench/tools} with {@code --csv FILE} (columns library,case,shape,dtype,unit,value) into the results
 * directory as {@value #PREFIX}*.csv. The report shows them next to its own figures when they are there.
 */
final class PythonBaselines {

    static final String PREFIX = "python-baseline";

    /** One timing: {@code case} is "entropy: scipy.stats.entropy(p)"-style (measure, then the route). */
    record Row(String library, String caseName, String shape, String dtype, String unit, double value) {
        /** The part of the case before the colon: entropy, crossEntropy, KL, JS, MI, AMI, or the loss route. */
        String measure() {
            int colon = caseName.indexOf(':');
            return colon > 0 ? caseName.substring(0, colon).strip() : caseName;
        }

        /** double/float for float64/float32, else the dtype as given. */
        String type() {
            return switch (dtype) {
                case "float64" -> "double";
                case "float32" -> "float";
                default -> dtype;
            };
        }
    }

    private PythonBaselines() {
    }

    /** Every row of every {@value #PREFIX}*.csv in {@code dir}, in file-name order; empty if there are none. */
    static List<Row> read(Path dir) throws IOException {
        List<Row> rows = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return rows;
        }
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        for (Path f : files) {
            rows.addAll(readFile(f));
        }
        return rows;
    }

    /** The rows of one such CSV file. */
    static List<Row> readFile(Path f) throws IOException {
        return parse(Files.readAllLines(f, StandardCharsets.UTF_8));
    }

    /** The rows of the lines of one such CSV file, header first. */
    static List<Row> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] c = fields(line).toArray(String[]::new);
            if (c.length == 6) {
                try {
                    rows.add(new Row(c[0], c[1], c[2], c[3], c[4], Double.parseDouble(c[5])));
                } catch (NumberFormatException e) {
                    // a malformed line is skipped; the CSV comes from our own scripts
                }
            }
        }
        return rows;
    }

    /** The fields of one CSV line as Python's csv module writes it: quoted when they hold a comma or a quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
