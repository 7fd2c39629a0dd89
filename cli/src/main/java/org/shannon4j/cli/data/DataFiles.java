package org.shannon4j.cli.data;

import java.nio.file.Path;
import java.util.Locale;

/** Opens a data file by its extension: {@code .npy} is numpy's format, anything else is CSV. */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * Reads {@code file} as a table.
     *
     * @param file a {@code .npy} or CSV file
     * @param csv  the CSV options (ignored for .npy)
     * @return its table
     * @throws DataFileException for a malformed file, located
     */
    public static Table read(Path file, CsvReader.Options csv) {
        return isNpy(file) ? NpyReader.read(file) : CsvReader.read(file, csv);
    }

    /**
     * Whether {@code file} is read as .npy.
     *
     * @param file a path
     * @return true for a {@code .npy} extension (any case)
     */
    public static boolean isNpy(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }
}
