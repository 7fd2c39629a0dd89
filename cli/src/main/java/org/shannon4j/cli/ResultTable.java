package org.shannon4j.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a data command prints: named columns of text or numbers, one row per result, in the three formats every
 * data command offers ({@code --format table|tsv|json}). {@code tsv} is for scripts: the header, then one line
 * per row, text as is (tab, newline and backslash escaped as {@code \t \n \\}), numbers as C's {@code %.17g}
 * (17 significant digits, trailing zeros dropped: they read back to the same double). {@code json} is one object:
 * the command's metadata and a {@code results} array, numbers as the shortest decimal that reads back exactly.
 * {@code table} is for people: a title line, then right-aligned numbers with 6 decimals.
 */
public final class ResultTable {

    /** The output formats, as {@code --format} names them. */
    public static final List<String> FORMATS = List.of("table", "tsv", "json");

    private final List<String> header;
    private final List<Object[]> rows = new ArrayList<>();
    private final Map<String, Object> meta = new LinkedHashMap<>();

    /**
     * @param header the column names (the tsv header line)
     */
    public ResultTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /**
     * Adds a fact about the whole result (json: a top-level key; table: part of the title line).
     *
     * @param key   its name
     * @param value a String, a Number or a Boolean
     * @return this
     */
    public ResultTable meta(String key, Object value) {
        meta.put(key, value);
        return this;
    }

    /**
     * Adds a row.
     *
     * @param cells one per column: String, Double, Integer, Long or Boolean
     * @return this
     */
    public ResultTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("cells: " + cells.length + " given for " + header.size()
                    + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /**
     * Prints the table.
     *
     * @param format one of {@link #FORMATS}
     * @param title  the table format's first line
     * @param out    where to
     */
    public void print(String format, String title, PrintStream out) {
        switch (format) {
            case "tsv" -> printTsv(out);
            case "json" -> printJson(out);
            case "table" -> printTable(title, out);
            default -> throw new IllegalArgumentException("format: unknown '" + format + "'");
        }
        out.flush();
    }

    private void printTsv(PrintStream out) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            b.append(i > 0 ? "\t" : "").append(escape(header.get(i)));
        }
        out.print(b.append('\n'));
        for (Object[] row : rows) {
            b.setLength(0);
            for (int i = 0; i < row.length; i++) {
                b.append(i > 0 ? "\t" : "");
                b.append(row[i] instanceof Double d ? g17(d) : escape(String.valueOf(row[i])));
            }
            out.print(b.append('\n'));
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private void printJson(PrintStream out) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            b.append(json(e.getKey())).append(": ").append(json(e.getValue())).append(", ");
        }
        b.append("\"results\": [");
        for (int r = 0; r < rows.size(); r++) {
            b.append(r > 0 ? "," : "").append("\n  {");
            Object[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                b.append(i > 0 ? ", " : "").append(json(header.get(i))).append(": ").append(json(row[i]));
            }
            b.append('}');
        }
        out.print(b.append(rows.isEmpty() ? "]}\n" : "\n]}\n"));
    }

    private static String json(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        String s = String.valueOf(v);
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private void printTable(String title, PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        cells.add(header.toArray(String[]::new));
        for (Object[] row : rows) {
            String[] s = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                s[i] = row[i] instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : String.valueOf(row[i]);
            }
            cells.add(s);
        }
        int[] width = new int[header.size()];
        for (String[] s : cells) {
            for (int i = 0; i < s.length; i++) {
                width[i] = Math.max(width[i], s[i].codePointCount(0, s[i].length()));
            }
        }
        boolean[] numeric = new boolean[header.size()];
        for (int i = 0; i < numeric.length; i++) {
            final int col = i;
            numeric[i] = !rows.isEmpty() && rows.stream().allMatch(r -> r[col] instanceof Number);
        }
        StringBuilder b = new StringBuilder();
        if (title != null) {
            b.append(title).append('\n');
        }
        for (String[] s : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < s.length; i++) {
                String pad = " ".repeat(width[i] - s[i].codePointCount(0, s[i].length()));
                line.append(i > 0 ? "  " : "").append(numeric[i] ? pad + s[i] : s[i] + pad);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        out.print(b);
    }

    /**
     * C's (and Python's) {@code "%.17g"}: 17 significant digits of the exact binary value, trailing zeros and a
     * trailing point dropped, an exponent of at least two digits when the exponent is below -4 or above 16.
     * Java's own {@code %.17g} differs: it pads the shortest repr with zeros and keeps them.
     *
     * @param x any double
     * @return its {@code %.17g} text ({@code nan}, {@code inf}, {@code -inf} for the special values)
     */
    public static String g17(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(17, RoundingMode.HALF_EVEN));
        int exponent = d.precision() - d.scale() - 1;
        String digits = d.unscaledValue().abs().toString();
        digits = (digits + "0".repeat(17)).substring(0, 17);
        String sign = x < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 17) {
            String mantissa = stripZeros(digits.charAt(0) + "." + digits.substring(1));
            return sign + mantissa + (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        String fixed;
        if (exponent >= 0) {
            fixed = digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
        } else {
            fixed = "0." + "0".repeat(-exponent - 1) + digits;
        }
        return sign + stripZeros(fixed);
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
