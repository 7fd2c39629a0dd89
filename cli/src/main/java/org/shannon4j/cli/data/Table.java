package org.shannon4j.cli.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A columnar table read from a data file, with a way back from a cell to its place in the file so that a command
 * that rejects a value later (a NaN, a missing cell) can still say {@code file:line:column}.
 *
 * @param file    the file it was read from
 * @param columns the columns, in file order, all of {@code rows} rows
 * @param rows    the number of data rows
 * @param locator where each cell is in the file
 */
public record Table(Path file, List<Column> columns, int rows, Locator locator) {

    /** Maps a cell back to its place in the file. */
    @FunctionalInterface
    public interface Locator {
        /**
         * An error about one cell, located in the file.
         *
         * @param column the column index
         * @param row    the 0-based data row
         * @param detail what is wrong with it
         * @return the exception to throw
         */
        DataFileException error(int column, int row, String detail);
    }

    /**
     * Compact constructor: copies the column list.
     *
     * @param file    the file it was read from
     * @param columns the columns
     * @param rows    the number of data rows
     * @param locator where each cell is in the file
     */
    public Table {
        columns = List.copyOf(columns);
    }

    /**
     * The index of the column called {@code name}.
     *
     * @param name a column name
     * @return its index, or -1 if there is none
     */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the column names, in file order */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * An error about one cell, located in the file.
     *
     * @param column the column index
     * @param row    the 0-based data row
     * @param detail what is wrong with it
     * @return the exception to throw
     */
    public DataFileException error(int column, int row, String detail) {
        return locator.error(column, row, detail);
    }
}
