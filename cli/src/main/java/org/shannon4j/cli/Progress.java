package org.shannon4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Progress lines of a long data command on stderr ({@code --progress auto|on|off}), each with the seconds since
 * the command started. Under {@code auto} (the default) a line is printed only when the input is large (at least
 * {@link #LARGE_CELLS} cells) and the command has run for at least {@link #AFTER_SECONDS}: short runs, and so
 * the tests' and scripts' stderr, stay clean whatever the machine's speed, and a long run reports from its first
 * slow second on. Results never go here: stdout stays exactly the table, tsv or json.
 */
final class Progress {

    /** The {@code --progress} values. */
    static final List<String> MODES = List.of("auto", "on", "off");

    /** Fewer cells than this (rows × columns) never print under auto: such a run takes well under a second. */
    static final long LARGE_CELLS = 1_000_000;

    /** Under auto, nothing is printed before the command has run this long. */
    static final double AFTER_SECONDS = 1.0;

    private final PrintStream err;
    private final String command;
    private final String mode;
    private final long start = System.nanoTime();
    private long cells;

    /**
     * @param err     where the lines go
     * @param command the command's name, the lines' prefix
     * @param mode    one of {@link #MODES}
     */
    Progress(PrintStream err, String command, String mode) {
        this.err = err;
        this.command = command;
        this.mode = mode;
    }

    /**
     * Sets the size of the input, once it is known (until then, auto prints nothing).
     *
     * @param cells rows × columns
     */
    void size(long cells) {
        this.cells = cells;
    }

    /** @return the seconds since this command started */
    double seconds() {
        return (System.nanoTime() - start) * 1e-9;
    }

    /**
     * Prints {@code line()} with the elapsed time if the mode says so (the line is only built then).
     *
     * @param line what happened, e.g. {@code read 100000 rows x 1000 columns}
     */
    void say(Supplier<String> line) {
        double s = seconds();
        boolean print = switch (mode) {
            case "on" -> true;
            case "off" -> false;
            default -> cells >= LARGE_CELLS && s >= AFTER_SECONDS;
        };
        if (print) {
            err.println(String.format(Locale.ROOT, "shannon4j %s: %s (%.1f s)", command, line.get(), s));
            err.flush();
        }
    }
}
