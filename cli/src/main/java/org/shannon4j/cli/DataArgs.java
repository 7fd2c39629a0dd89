package org.shannon4j.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shannon4j.InfoUnit;
import org.shannon4j.cli.data.Column;
import org.shannon4j.cli.data.CsvReader;
import org.shannon4j.cli.data.DataFileException;
import org.shannon4j.cli.data.DataFiles;
import org.shannon4j.cli.data.Table;

/** The arguments every data command reads the same way: one file, a target column, unit, missing policy, delimiter. */
final class DataArgs {

    private DataArgs() {
    }

    /** The one positional argument, the data file. */
    static Path file(Args args, String command) {
        if (args.positional().size() != 1) {
            throw new UsageException(command + " needs exactly one data file, got " + args.positional());
        }
        return Path.of(args.positional().getFirst());
    }

    /** {@code --target}, required. */
    static String target(Args args, String command) {
        String target = args.get("target");
        if (target == null) {
            throw new UsageException(command + " needs --target COL");
        }
        return target;
    }

    /** {@code --unit nats|bits}, nats by default. */
    static InfoUnit unit(Args args) {
        return args.choice("unit", "nats", List.of("nats", "bits")).equals("bits") ? InfoUnit.BITS : InfoUnit.NATS;
    }

    /** {@code --missing error|level}, error by default. */
    /** The most bins a column is cut into: its edges are an array of that many doubles. */
    static final int MAX_BINS = 1 << 24;

    /** {@code --bins}, 10 by default, 1 to {@link #MAX_BINS}. */
    static int bins(Args args) {
        int bins = args.positiveInt("bins", 10);
        if (bins > MAX_BINS) {
            throw new UsageException("--bins must be at most " + MAX_BINS + ", got " + bins);
        }
        return bins;
    }

    static Codes.Missing missing(Args args) {
        return Codes.Missing.valueOf(args.choice("missing", "error", List.of("error", "level"))
                .toUpperCase(Locale.ROOT));
    }

    /**
     * Reads {@code file} with the {@code --delimiter} option, and {@code --text A,B} (the columns read as text
     * whatever their cells) for the commands that declare it.
     *
     * @throws DataFileException for a malformed file or one without data rows
     */
    static Table read(Path file, Args args) {
        return read(file, args, java.util.Set.of());
    }

    /** As {@link #read(Path, Args)}, with cells that are missing besides empty ones. */
    static Table read(Path file, Args args, java.util.Set<String> missingWords) {
        Map<String, Column.Kind> kinds = new HashMap<>();
        List<String> text = args.list("text");
        if (text != null) {
            text.forEach(name -> kinds.put(name, Column.Kind.TEXT));
        }
        char delimiter = delimiter(args.get("delimiter", ","));
        CsvReader.Options csv = new CsvReader.Options(delimiter, kinds, missingWords);
        Table table;
        try {
            table = DataFiles.read(file, csv);
        } catch (DataFileException e) {
            if (text != null) { // a --text name that is no column is a usage error (status 2), as for --target
                Table plain = DataFiles.read(file, new CsvReader.Options(delimiter, Map.of(), missingWords));
                text.forEach(name -> columnIndex(plain, name, "--text"));
            }
            throw e;
        }
        if (table.rows() == 0) {
            throw DataFiles.isNpy(file) ? DataFileException.atByte(file, 0, "no data rows (the array is empty)")
                    : DataFileException.at(file, 1, DataFileException.NONE, "no data rows after the header");
        }
        return table;
    }

    /** A column by name; in an .npy table also by index ({@code 3} for {@code c3}). */
    static int columnIndex(Table table, String name, String option) {
        int j = table.indexOf(name);
        if (j < 0 && DataFiles.isNpy(table.file()) && name.matches("\\d{1,9}")) {
            j = table.indexOf("c" + name);
        }
        if (j < 0) {
            List<String> names = table.names();
            throw new UsageException(option + ": no column '" + name + "' in " + table.file() + " (columns: "
                    + String.join(", ", names.size() > 20 ? names.subList(0, 20) : names)
                    + (names.size() > 20 ? ", ..." : "") + ")");
        }
        return j;
    }

    private static char delimiter(String d) {
        return switch (d) {
            case "\\t", "tab", "\t" -> '\t';
            default -> {
                if (d.length() != 1 || d.equals("\"") || d.equals("\n") || d.equals("\r")) {
                    throw new UsageException("--delimiter must be one character (or 'tab') other than a quote or a"
                            + " line break, got '" + d + "'");
                }
                yield d.charAt(0);
            }
        };
    }
}
