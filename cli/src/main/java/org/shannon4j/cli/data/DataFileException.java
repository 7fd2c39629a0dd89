package org.shannon4j.cli.data;

import java.nio.file.Path;

/**
 * A data file that cannot be read as asked, with where: {@code file:line:column: message} for text files
 * (1-based line and column, the column counted in Unicode code points), {@code file: byte offset N: message} for
 * binary ones (0-based offset from the start of the file). The location is also in fields, for tools that point at
 * it; {@link #detail()} is the message without it.
 */
public final class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Marks a field that does not apply to this error (no line and column in a binary file, and so on). */
    public static final long NONE = -1;

    private final transient Path file;
    private final long line;
    private final long column;
    private final long byteOffset;
    private final String detail;

    private DataFileException(Path file, long line, long column, long byteOffset, String detail) {
        super(format(file, line, column, byteOffset, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.byteOffset = byteOffset;
        this.detail = detail;
    }

    /**
     * An error at a place in a text file.
     *
     * @param file   the file
     * @param line   1-based line
     * @param column 1-based column in code points, or {@link #NONE} when the whole line is meant
     * @param detail what is wrong
     * @return the exception
     */
    public static DataFileException at(Path file, long line, long column, String detail) {
        return new DataFileException(file, line, column, NONE, detail);
    }

    /**
     * An error at a byte offset of a binary file.
     *
     * @param file       the file
     * @param byteOffset 0-based offset from the start of the file
     * @param detail     what is wrong
     * @return the exception
     */
    public static DataFileException atByte(Path file, long byteOffset, String detail) {
        return new DataFileException(file, NONE, NONE, byteOffset, detail);
    }

    private static String format(Path file, long line, long column, long byteOffset, String detail) {
        StringBuilder b = new StringBuilder().append(file);
        if (line != NONE) {
            b.append(':').append(line);
            if (column != NONE) {
                b.append(':').append(column);
            }
        } else if (byteOffset != NONE) {
            b.append(": byte offset ").append(byteOffset);
        }
        return b.append(": ").append(detail).toString();
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the 1-based line, or {@link #NONE} in a binary file */
    public long line() {
        return line;
    }

    /** @return the 1-based column in code points, or {@link #NONE} */
    public long column() {
        return column;
    }

    /** @return the 0-based byte offset, or {@link #NONE} in a text file */
    public long byteOffset() {
        return byteOffset;
    }

    /** @return the message without the location */
    public String detail() {
        return detail;
    }
}
