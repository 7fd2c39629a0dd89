package org.shannon4j.cli.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a numpy {@code .npy} file (format versions 1.0, 2.0 and 3.0) into a {@link Table}, memory-mapped. A 1-D
 * array is one column, a 2-D array of shape (rows, cols) is cols columns named {@code c0 .. c<cols-1>}, in C or
 * Fortran order. Types: {@code f8 f4} (floating; {@code f4} widened exactly), {@code i1 i2 i4 i8 u1 u2 u4 b1}
 * (integer; an {@code i8} or {@code u4} value outside the int range is an error at its byte offset), each
 * little- ({@code <}), big-endian ({@code >}) or without order ({@code |}, one-byte types). Bytes after the data
 * are ignored, as numpy does. Errors say {@code file: byte offset N: message}.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** A parsed header: where the data starts and how it is laid out. */
    private record Header(char kind, int size, ByteOrder order, boolean fortran, long[] shape, long dataStart) {
    }

    private NpyReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @param file an .npy file holding a 1-D or 2-D array
     * @return its table, one column per array column
     * @throws DataFileException for a malformed or unsupported file, with the byte offset
     * @throws UncheckedIOException if it cannot be read
     */
    public static Table read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            MemorySegment m = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            Header h = header(file, m);
            long rows = h.shape().length == 0 ? 1 : h.shape()[0];
            long cols = h.shape().length == 2 ? h.shape()[1] : 1;
            if (h.shape().length == 0 || h.shape().length > 2) {
                throw DataFileException.atByte(file, 0, "shape " + shape(h.shape())
                        + ": only 1-D and 2-D arrays are tables");
            }
            if (rows > Integer.MAX_VALUE - 8) {
                throw DataFileException.atByte(file, 0, "shape " + shape(h.shape()) + ": too many rows");
            }
            long need = Math.multiplyExact(Math.multiplyExact(rows, cols), (long) h.size());
            if (m.byteSize() - h.dataStart() < need) {
                throw DataFileException.atByte(file, m.byteSize(), "truncated data: shape " + shape(h.shape())
                        + " of " + h.order() + " " + h.kind() + h.size() + " needs " + need + " bytes after offset "
                        + h.dataStart() + ", the file has " + (m.byteSize() - h.dataStart()));
            }
            List<Column> columns = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                columns.add(column(file, m, h, "c" + j, j, (int) rows, cols));
            }
            final long cs = cols;
            return new Table(file, columns, (int) rows,
                    (column, row, detail) -> DataFileException.atByte(file, offset(h, row, column, rows, cs), detail));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + DataFiles.reason(e), e);
        }
    }

    private static long offset(Header h, long row, long column, long rows, long cols) {
        long index = h.fortran() ? column * rows + row : row * cols + column;
        return h.dataStart() + index * h.size();
    }

    private static String shape(long[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static Column column(Path file, MemorySegment m, Header h, String name, int j, int rows, long cols) {
        ByteOrder o = h.order();
        if (h.kind() == 'f') {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                long at = offset(h, i, j, rows, cols);
                v[i] = h.size() == 8 ? m.get(ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(o), at)
                        : m.get(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(o), at);
            }
            return new Column.Doubles(name, v, new BitSet());
        }
        int[] v = new int[rows];
        for (int i = 0; i < rows; i++) {
            long at = offset(h, i, j, rows, cols);
            long x = switch (h.kind() + "" + h.size()) {
                case "i1" -> m.get(ValueLayout.JAVA_BYTE, at);
                case "u1" -> m.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
                case "b1" -> m.get(ValueLayout.JAVA_BYTE, at) != 0 ? 1 : 0;
                case "i2" -> m.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(o), at);
                case "u2" -> m.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(o), at) & 0xFFFF;
                case "i4" -> m.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(o), at);
                case "u4" -> m.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(o), at) & 0xFFFF_FFFFL;
                case "i8" -> m.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(o), at);
                default -> throw new AssertionError(h.kind() + "" + h.size());
            };
            if (x != (int) x) {
                throw DataFileException.atByte(file, at, "value " + x + " (row " + i + ", column " + j
                        + ") does not fit an int code");
            }
            v[i] = (int) x;
        }
        return new Column.Ints(name, v, new BitSet());
    }

    private static Header header(Path file, MemorySegment m) {
        long size = m.byteSize();
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= size || m.get(ValueLayout.JAVA_BYTE, i) != MAGIC[i]) {
                throw DataFileException.atByte(file, Math.min(i, size), "not an .npy file (it must start with"
                        + " \\x93NUMPY)");
            }
        }
        if (size < 10) {
            throw DataFileException.atByte(file, size, "truncated header");
        }
        int major = m.get(ValueLayout.JAVA_BYTE, 6);
        int minor = m.get(ValueLayout.JAVA_BYTE, 7);
        if (major < 1 || major > 3 || minor != 0) {
            throw DataFileException.atByte(file, 6, "unsupported .npy format version " + major + "." + minor
                    + " (1.0, 2.0 and 3.0 are read)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        long textStart = 8 + lengthBytes;
        if (size < textStart) {
            throw DataFileException.atByte(file, size, "truncated header");
        }
        long length = major == 1 ? m.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8)
                & 0xFFFF : m.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8) & 0xFFFF_FFFFL;
        if (textStart + length > size) {
            throw DataFileException.atByte(file, size, "truncated header: it says " + length
                    + " bytes of header text, the file ends first");
        }
        byte[] raw = m.asSlice(textStart, length).toArray(ValueLayout.JAVA_BYTE);
        // Versions 1 and 2 are latin-1, version 3 UTF-8; the keys and values read here are ASCII either way.
        String text = new String(raw, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new HeaderParser(file, text, textStart).dict();
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw DataFileException.atByte(file, textStart, "header has no '" + key + "' key: " + text.strip());
            }
        }
        if (dict.size() != 3) {
            throw DataFileException.atByte(file, textStart, "header has keys other than descr, fortran_order and"
                    + " shape: " + dict.keySet());
        }
        Object descr = dict.get("descr");
        long descrAt = textStart + text.indexOf("descr");
        if (!(descr instanceof String d) || d.length() < 3) {
            throw DataFileException.atByte(file, descrAt, "unsupported dtype " + descr
                    + " (structured or unknown; supported: f8 f4 i8 i4 i2 i1 u4 u2 u1 b1 with < > | byte order)");
        }
        char orderChar = d.charAt(0);
        String type = d.substring(1);
        boolean oneByte = type.equals("i1") || type.equals("u1") || type.equals("b1");
        boolean known = oneByte || List.of("f8", "f4", "i8", "i4", "i2", "u4", "u2").contains(type);
        ByteOrder order = switch (orderChar) {
            case '<' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            case '|' -> oneByte ? ByteOrder.LITTLE_ENDIAN : null;
            default -> null;
        };
        if (!known || order == null) {
            throw DataFileException.atByte(file, descrAt, "unsupported dtype '" + d
                    + "' (supported: f8 f4 i8 i4 i2 i1 u4 u2 u1 b1 with < > | byte order)");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw DataFileException.atByte(file, textStart + text.indexOf("fortran_order"),
                    "fortran_order must be True or False, got " + dict.get("fortran_order"));
        }
        if (!(dict.get("shape") instanceof long[] shape)) {
            throw DataFileException.atByte(file, textStart + text.indexOf("shape"),
                    "shape must be a tuple of integers, got " + dict.get("shape"));
        }
        return new Header(type.charAt(0), type.charAt(1) - '0', order, fortran, shape, textStart + length);
    }

    /** The Python literal of an .npy header: a dict of str keys to str, bool or tuple-of-int values. */
    private static final class HeaderParser {
        private final Path file;
        private final String s;
        private final long base;
        private int i;

        HeaderParser(Path file, String s, long base) {
            this.file = file;
            this.s = s;
            this.base = base;
        }

        Map<String, Object> dict() {
            Map<String, Object> d = new HashMap<>();
            expect('{');
            while (peek() != '}') {
                int at = i;
                Object key = value();
                if (!(key instanceof String k)) {
                    throw error(at, "header key must be a string");
                }
                expect(':');
                d.put(k, value());
                if (peek() == ',') {
                    i++;
                } else if (peek() != '}') {
                    throw error(i, "expected ',' or '}' in the header");
                }
            }
            return d;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw error(i, "unterminated string in the header");
                }
                String v = s.substring(i + 1, end);
                i = end + 1;
                return v;
            }
            if (c == '(') {
                i++;
                List<Long> dims = new ArrayList<>();
                while (peek() != ')') {
                    dims.add(integer());
                    if (peek() == ',') {
                        i++;
                    } else if (peek() != ')') {
                        throw error(i, "expected ',' or ')' in the shape");
                    }
                }
                i++;
                return dims.stream().mapToLong(Long::longValue).toArray();
            }
            for (String word : List.of("True", "False")) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("True");
                }
            }
            if (c == '[') {
                throw error(i, "unsupported dtype: structured arrays are not tables of numbers");
            }
            throw error(i, "unexpected '" + c + "' in the header");
        }

        private long integer() {
            int from = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (from == i) {
                throw error(from, "expected a non-negative integer in the shape");
            }
            long v;
            try {
                v = Long.parseLong(s.substring(from, i));
            } catch (NumberFormatException e) {
                throw error(from, "dimension too large: " + s.substring(from, i));
            }
            if (i < s.length() && s.charAt(i) == 'L') {
                i++; // written by Python 2
            }
            return v;
        }

        private char peek() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i == s.length()) {
                throw error(i, "header ends early: " + s.strip());
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error(i, "expected '" + c + "' in the header, found '" + s.charAt(i) + "'");
            }
            i++;
        }

        private DataFileException error(int at, String detail) {
            // the offset counts characters, which are bytes in the ASCII headers numpy writes
            return DataFileException.atByte(file, base + at, detail);
        }
    }
}
