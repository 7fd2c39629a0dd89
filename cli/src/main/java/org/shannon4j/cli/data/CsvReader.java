package org.shannon4j.cli.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a UTF-8 CSV file with a header row into a columnar {@link Table}, streaming record by record (see
 * {@link CsvTokenizer} for the syntax). Every row must have as many fields as the header. An empty cell is
 * missing (a column with no cell at all is {@code TEXT} without levels). Each column's kind is inferred from its present cells — {@code INTEGER} if all are ints,
 * {@code FLOATING} if all are numbers, else {@code TEXT} — unless {@code kinds} forces it, in which case a cell
 * that does not fit is an error at its line and column.
 *
 * <p>One pass over the file, plus a second one over the columns (if any) that turned out to be text after numeric
 * cells had been seen, so that their levels are the cells as written ({@code 1.50} stays {@code 1.50}).
 */
public final class CsvReader {

    /**
     * Options of the reader.
     *
     * @param delimiter the field separator ({@code ,} by default)
     * @param kinds     columns whose kind is given rather than inferred, by name
     */
    public record Options(char delimiter, Map<String, Column.Kind> kinds, Set<String> missingWords) {
        /**
         * Compact constructor: checks the delimiter.
         *
         * @param delimiter the field separator
         * @param kinds     forced kinds by column name
         * @param missingWords cells that are missing values besides empty ones, as written (unquoted or quoted)
         */
        public Options {
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
                throw new IllegalArgumentException("delimiter: must not be a quote or a line break, got "
                        + Character.getName(delimiter));
            }
            kinds = Map.copyOf(kinds);
            missingWords = Set.copyOf(missingWords);
        }

        /**
         * Only empty cells missing.
         *
         * @param delimiter the field separator
         * @param kinds     forced kinds by column name
         */
        public Options(char delimiter, Map<String, Column.Kind> kinds) {
            this(delimiter, kinds, Set.of());
        }

        /** Comma-separated, every kind inferred. */
        public static final Options DEFAULT = new Options(',', Map.of());
    }

    /**
     * pandas' {@code read_csv} default {@code na_values} (pandas 1.5 / 2.x, {@code _libs/parsers.pyx}
     * {@code STR_NA_VALUES}): the cells it reads as NaN, in every column.
     */
    public static final Set<String> PANDAS_NA_VALUES = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND",
            "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a",
            "nan", "null");

    private CsvReader() {
    }

    /**
     * Reads {@code file} with the default options.
     *
     * @param file a CSV file with a header row
     * @return its table
     * @throws DataFileException for a malformed file, with its line and column
     * @throws UncheckedIOException if it cannot be read
     */
    public static Table read(Path file) {
        return read(file, Options.DEFAULT);
    }

    /**
     * Reads {@code file}.
     *
     * @param file    a CSV file with a header row
     * @param options the delimiter and forced kinds
     * @return its table
     * @throws DataFileException for a malformed file, with its line and column
     * @throws UncheckedIOException if it cannot be read
     */
    public static Table read(Path file, Options options) {
        try {
            return readChecked(file, options);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + DataFiles.reason(e), e);
        }
    }

    private static CsvTokenizer open(Path file, Options options) throws IOException {
        return new CsvTokenizer(file, new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                options.delimiter());
    }

    private static Table readChecked(Path file, Options options) throws IOException {
        List<String> names;
        Builder[] builders;
        int rows = 0;
        try (CsvTokenizer t = open(file, options)) {
            if (!t.next()) {
                throw DataFileException.at(file, 1, 1, "empty file: a header row is expected");
            }
            names = header(file, t, options);
            builders = new Builder[names.size()];
            for (int j = 0; j < builders.length; j++) {
                builders[j] = new Builder(names.get(j), options.kinds().get(names.get(j)),
                        options.missingWords());
            }
            while (t.next()) {
                checkWidth(file, t, builders.length);
                if (rows == Integer.MAX_VALUE - 8) {
                    throw DataFileException.at(file, t.line(0), 1, "too many rows (at most " + rows + ")");
                }
                for (int j = 0; j < builders.length; j++) {
                    builders[j].add(file, t, j, rows);
                }
                rows++;
            }
        }
        if (Arrays.stream(builders).anyMatch(b -> b.reread)) {
            try (CsvTokenizer t = open(file, options)) {
                t.next();
                for (int row = 0; t.next(); row++) {
                    for (Builder b : builders) {
                        if (b.reread) {
                            b.addText(t, names.indexOf(b.name), row);
                        }
                    }
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Builder b : builders) {
            columns.add(b.build(rows));
        }
        return new Table(file, columns, rows, (column, row, detail) -> locate(file, options, column, row, detail));
    }

    private static List<String> header(Path file, CsvTokenizer t, Options options) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < t.count(); j++) {
            String name = t.field(j);
            if (name.isEmpty()) {
                throw DataFileException.at(file, t.line(j), t.column(j), "empty column name in the header (column "
                        + (j + 1) + ")");
            }
            Integer before = seen.putIfAbsent(name, j);
            if (before != null) {
                throw DataFileException.at(file, t.line(j), t.column(j), "duplicate column name '" + name
                        + "' (columns " + (before + 1) + " and " + (j + 1) + ")");
            }
            names.add(name);
        }
        for (String forced : options.kinds().keySet()) {
            if (!seen.containsKey(forced)) {
                throw DataFileException.at(file, t.line(0), 1, "no column '" + forced + "' in the header "
                        + names);
            }
        }
        return names;
    }

    private static void checkWidth(Path file, CsvTokenizer t, int width) {
        if (t.count() > width) {
            throw DataFileException.at(file, t.line(width), t.column(width), "row has " + t.count()
                    + " fields but the header has " + width + " (the header is shorter than this row)");
        }
        if (t.count() < width) {
            throw DataFileException.at(file, t.endLine(), t.endColumn(), "row has " + t.count()
                    + " fields but the header has " + width);
        }
    }

    /** Re-reads the file up to {@code row} to say where a cell is: errors are rare, positions are not kept. */
    private static DataFileException locate(Path file, Options options, int column, int row, String detail) {
        try (CsvTokenizer t = open(file, options)) {
            t.next();
            for (int r = 0; t.next(); r++) {
                if (r == row) {
                    return DataFileException.at(file, t.line(column), t.column(column), detail);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("row: no data row " + row + " in " + file);
    }

    /** One column while it is read: the values of its current kind, widened as cells demand. */
    private static final class Builder {
        final String name;
        final Column.Kind forced;
        Column.Kind kind = Column.Kind.INTEGER;
        boolean numericSeen;
        boolean reread;
        int[] ints = new int[1024];
        double[] doubles;
        final BitSet missing = new BitSet();
        final Map<String, Integer> dictionary = new LinkedHashMap<>();
        final Set<String> missingWords;
        /** The longest missing word: a longer cell is not one, so no String is made for it. */
        final int longestMissingWord;
        /** Every present cell so far an integer literal (within the long range). */
        boolean integerLiterals = true;
        /**
         * A floating column's cells as written while {@link #integerLiterals} holds: integers beyond 2^53, which a
         * double rounds, stay distinct categories (pandas reads the column as int64).
         */
        long[] longs;

        Builder(String name, Column.Kind forced, Set<String> missingWords) {
            this.name = name;
            this.forced = forced;
            this.missingWords = missingWords;
            this.longestMissingWord = missingWords.stream().mapToInt(String::length).max().orElse(-1);
            if (forced != null) {
                kind = forced;
                if (forced == Column.Kind.FLOATING) {
                    doubles = new double[1024];
                    ints = null;
                }
            }
        }

        void add(Path file, CsvTokenizer t, int j, int row) {
            if (reread) {
                return;
            }
            if (isMissing(t, j)) {
                missing.set(row);
                put(row, Double.NaN, -1);
                return;
            }
            char[] s = t.chars();
            int from = t.fieldStart(j);
            int to = t.fieldEnd(j);
            if (kind == Column.Kind.INTEGER) {
                long v = Numbers.parseInt(s, from, to);
                if (v != Long.MIN_VALUE) {
                    numericSeen = true;
                    put(row, v, (int) v);
                    return;
                }
                if (forced != null) {
                    throw DataFileException.at(file, t.line(j), t.column(j), "column '" + name
                            + "' is integer (as asked) but this cell is '" + t.field(j) + "'");
                }
                kind = Column.Kind.FLOATING;
                doubles = new double[ints.length];
                longs = new long[ints.length];
                for (int r = 0; r < row; r++) {
                    doubles[r] = missing.get(r) ? Double.NaN : ints[r];
                    longs[r] = ints[r];
                }
                ints = null;
            }
            if (kind == Column.Kind.FLOATING) {
                Double v = Numbers.parseDouble(s, from, to);
                if (v != null) {
                    numericSeen = true;
                    Long exact = integerLiterals ? Numbers.longValue(s, from, to) : null;
                    if (exact == null) {
                        integerLiterals = false;
                        longs = null;
                    }
                    put(row, v, 0);
                    if (longs != null) {
                        longs[row] = exact;
                    }
                    return;
                }
                if (forced != null) {
                    throw DataFileException.at(file, t.line(j), t.column(j), "column '" + name
                            + "' is numeric (as asked) but this cell is '" + t.field(j) + "'");
                }
                kind = Column.Kind.TEXT;
                doubles = null;
                if (numericSeen) {
                    reread = true; // its earlier cells must become levels as written: read them again
                    return;
                }
                ints = new int[1024];
                for (int r = 0; r < row; r++) {
                    ints[r] = -1;
                }
            }
            addText(t, j, row);
        }

        boolean isMissing(CsvTokenizer t, int j) {
            return t.isEmpty(j) || t.fieldEnd(j) - t.fieldStart(j) <= longestMissingWord
                    && missingWords.contains(t.field(j));
        }

        void addText(CsvTokenizer t, int j, int row) {
            if (isMissing(t, j)) {
                missing.set(row);
                put(row, 0, -1);
                return;
            }
            Integer code = dictionary.computeIfAbsent(t.field(j), k -> dictionary.size());
            put(row, 0, code);
        }

        private void put(int row, double d, int i) {
            if (kind == Column.Kind.FLOATING) {
                if (row == doubles.length) {
                    doubles = Arrays.copyOf(doubles, grow(row));
                }
                doubles[row] = d;
                if (longs != null && row >= longs.length) {
                    longs = Arrays.copyOf(longs, doubles.length);
                }
            } else {
                if (ints == null) {
                    ints = new int[1024];
                }
                if (row >= ints.length) {
                    ints = Arrays.copyOf(ints, Math.max(grow(ints.length), row + 1));
                }
                ints[row] = kind == Column.Kind.TEXT ? i : (i == -1 && missing.get(row) ? 0 : i);
            }
        }

        private static int[] filled(int n, int value) {
            int[] a = new int[n];
            Arrays.fill(a, value);
            return a;
        }

        private static int grow(int n) {
            return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16L, n + (n >> 1)));
        }

        Column build(int rows) {
            if (forced == null && kind == Column.Kind.INTEGER && !numericSeen) {
                // no cell at all: nothing says it is a number
                return new Column.Text(name, filled(rows, -1), new String[0], missing);
            }
            return switch (kind) {
                case INTEGER -> new Column.Ints(name, Arrays.copyOf(ints, rows), missing);
                case FLOATING -> forced == null && integerLiterals
                        ? new Column.Doubles(name, Arrays.copyOf(doubles, rows), missing, true,
                                longs == null ? null : Arrays.copyOf(longs, rows))
                        : new Column.Doubles(name, Arrays.copyOf(doubles, rows), missing);
                case TEXT -> new Column.Text(name, ints == null ? new int[rows] : Arrays.copyOf(ints, rows),
                        dictionary.keySet().toArray(String[]::new), missing);
            };
        }
    }
}
