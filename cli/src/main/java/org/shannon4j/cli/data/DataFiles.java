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

    /**
     * Why a file could not be read, in words: the JDK's message of a missing or unreadable file is only its path.
     *
     * @param e the failure
     * @return a reason for the message after the file's name
     */
    static String reason(java.io.IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such file";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason();
            default -> e.getMessage();
        };
    }
}
