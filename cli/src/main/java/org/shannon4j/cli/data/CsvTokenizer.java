package org.shannon4j.cli.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Splits a UTF-8 CSV stream into records, one at a time (RFC 4180): fields separated by the delimiter, records by
 * CRLF, LF or a lone CR; a field that starts with {@code "} is quoted, may hold delimiters and line breaks
 * (read as {@code \n}) and writes a quote as {@code ""}; a quote inside an unquoted field is an ordinary character
 * (as Python's csv module and pandas read it). Blank lines are skipped. Keeps the fields of the current record
 * only, each with the line and column (code points, 1-based) where it starts.
 */
final class CsvTokenizer implements AutoCloseable {

    private final Path file;
    private final InputStream in;
    private final char delimiter;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private boolean eof;
    private boolean badBytes;
    private boolean first = true;

    /** Position of the next character. */
    private long line = 1;
    private long col = 1;
    /** Position of the character read last (or of the end of the input). */
    private long charLine;
    private long charCol;

    // The current record: field i is text[start[i] .. start[i+1]) (start[count] is the end of the last field).
    private char[] text = new char[256];
    private int[] start = new int[17];
    private long[] fieldLine = new long[16];
    private long[] fieldCol = new long[16];
    private int count;
    private long endLine;
    private long endCol;

    CsvTokenizer(Path file, InputStream in, char delimiter) {
        this.file = file;
        this.in = in;
        this.delimiter = delimiter;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        int c = read();
        while (c == '\n') {
            c = read();
        }
        if (c < 0) {
            return false;
        }
        count = 0;
        start[0] = 0;
        while (true) {
            if (count == fieldLine.length) {
                fieldLine = Arrays.copyOf(fieldLine, count * 2);
                fieldCol = Arrays.copyOf(fieldCol, count * 2);
                start = Arrays.copyOf(start, count * 2 + 1);
            }
            fieldLine[count] = charLine;
            fieldCol[count] = charCol;
            int len = start[count];
            if (c == '"') {
                while (true) {
                    c = read();
                    if (c < 0) {
                        throw DataFileException.at(file, fieldLine[count], fieldCol[count],
                                "unterminated quoted field (the quote opened here is never closed)");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    }
                    len = append(len, (char) c);
                }
                if (c >= 0 && c != delimiter && c != '\n') {
                    throw DataFileException.at(file, charLine, charCol, "unexpected character '"
                            + Character.toString(c) + "' after the closing quote of a quoted field (a quote inside"
                            + " a quoted field is written \"\")");
                }
            } else {
                while (c >= 0 && c != delimiter && c != '\n') {
                    len = append(len, (char) c);
                    c = read();
                }
            }
            start[++count] = len;
            if (c != delimiter) {
                endLine = charLine;
                endCol = charCol;
                return true;
            }
            c = read();
        }
    }

    private int append(int len, char c) {
        if (len == text.length) {
            text = Arrays.copyOf(text, len * 2);
        }
        text[len] = c;
        return len + 1;
    }

    /** The next character, with CRLF and lone CR read as LF; -1 at the end. Updates the positions. */
    private int read() throws IOException {
        if (!chars.hasRemaining() && !fill()) {
            charLine = line;
            charCol = col;
            return -1;
        }
        char c = chars.get();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                return read();
            }
        }
        charLine = line;
        charCol = col;
        if (c == '\r') {
            if ((chars.hasRemaining() || fill()) && chars.get(chars.position()) == '\n') {
                chars.get();
            }
            c = '\n';
        }
        if (c == '\n') {
            line++;
            col = 1;
        } else if (!Character.isLowSurrogate(c)) {
            col++;
        }
        return c;
    }

    /** Decodes more characters; false at the end of the input. Malformed UTF-8 is reported where it starts. */
    private boolean fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (badBytes) {
                    throw DataFileException.at(file, line, col, "not valid UTF-8 (malformed byte sequence)");
                }
                if (!bytes.hasRemaining() && eof) {
                    return false;
                }
                if (!eof) {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
                CoderResult r = decoder.decode(bytes, chars, eof);
                if (r.isError()) {
                    badBytes = true;
                } else if (eof && r.isUnderflow()) {
                    decoder.flush(chars);
                    if (chars.position() == 0) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            chars.flip();
        }
    }

    int count() {
        return count;
    }

    String field(int i) {
        return new String(text, start[i], start[i + 1] - start[i]);
    }

    boolean isEmpty(int i) {
        return start[i + 1] == start[i];
    }

    char[] chars() {
        return text;
    }

    int fieldStart(int i) {
        return start[i];
    }

    int fieldEnd(int i) {
        return start[i + 1];
    }

    long line(int i) {
        return fieldLine[i];
    }

    long column(int i) {
        return fieldCol[i];
    }

    /** Line of the record's end (its line break, or the end of the input). */
    long endLine() {
        return endLine;
    }

    /** Column of the record's end. */
    long endColumn() {
        return endCol;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
