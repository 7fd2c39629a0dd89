package org.shannon4j.cli.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixtures written by numpy (make_fixtures.py), and broken files written here byte by byte. */
class NpyReaderTest {

    static final Path NPY = Path.of("src/test/resources/fixtures/npy");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lef8", "bef8", "lef4", "bef4", "lei8", "bei8", "lei4", "bei4", "lei2", "bei2", "i1",
            "leu4", "beu4", "leu2", "beu2", "u1", "b1"})
    void everyDtypeByteOrderAndMemoryOrder(String type) {
        for (String order : List.of("C", "F")) {
            Table t = NpyReader.read(NPY.resolve(type + "-" + order + ".npy"));
            assertEquals(List.of("c0", "c1", "c2", "c3"), t.names());
            assertEquals(3, t.rows());
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 3; i++) {
                    int v = i * 4 + j;
                    switch (t.columns().get(j)) {
                        case Column.Doubles d -> assertEquals((v - 5) * 0.5 + 0.25, d.values()[i], type + order);
                        case Column.Ints n -> assertEquals(type.endsWith("b1") ? (v != 0 ? 1 : 0)
                                : type.contains("u") ? v : v - 5, n.values()[i], type + order);
                        case Column.Text x -> throw new AssertionError(x);
                    }
                }
            }
        }
    }

    @Test
    void versionsTwoAndThreeAndOneDimension() {
        for (String v : List.of("v2", "v3")) {
            Table t = NpyReader.read(NPY.resolve(v + "-le-f8-C.npy"));
            assertEquals(-2.25, ((Column.Doubles) t.columns().get(0)).values()[0]);
            assertEquals(3.25, ((Column.Doubles) t.columns().get(3)).values()[2]);
        }
        Table t = NpyReader.read(NPY.resolve("1d-le-i4.npy"));
        assertEquals(List.of("c0"), t.names());
        assertArrayEquals(new int[] {-3, -2, -1, 0, 1, 2, 3}, ((Column.Ints) t.columns().get(0)).values());
    }

    @Test
    void locatorGivesTheElementsByteOffsetInEitherOrder() {
        // header of these files: 128 bytes; 8-byte elements; row 1, column 2 of a 3 x 4 array
        assertEquals(128 + (4 + 2) * 8, NpyReader.read(NPY.resolve("lef8-C.npy")).error(2, 1, "x").byteOffset());
        assertEquals(128 + (2 * 3 + 1) * 8, NpyReader.read(NPY.resolve("lef8-F.npy")).error(2, 1, "x").byteOffset());
    }

    /** A version 1.0 file with this header text (padded as numpy pads it) and data. */
    private Path npy(String header, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int len = header.length() + 1;
        int padded = (len + 10 + 63) / 64 * 64 - 10;
        b.write(padded & 0xFF);
        b.write(padded >> 8);
        b.write((header + " ".repeat(padded - len) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        b.write(data);
        Path f = dir.resolve("t.npy");
        Files.write(f, b.toByteArray());
        return f;
    }

    private static DataFileException fails(Path f) {
        DataFileException e = assertThrows(DataFileException.class, () -> NpyReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": byte offset " + e.byteOffset() + ": "), e.getMessage());
        assertEquals(DataFileException.NONE, e.line());
        return e;
    }

    @Test
    void truncatedDataIsReportedAtTheEndOfTheFile() throws IOException {
        Path f = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", new byte[24]);
        DataFileException e = fails(f);
        assertEquals(128 + 24, e.byteOffset());
        assertTrue(e.detail().contains("truncated data"), e.getMessage());
    }

    @Test
    void unknownDtypeIsReportedAtItsKey() throws IOException {
        DataFileException e = fails(npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]));
        assertEquals(10 + 2, e.byteOffset());
        assertTrue(e.detail().contains("unsupported dtype '<c16'"), e.getMessage());
        e = fails(npy("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        assertEquals(10 + 10, e.byteOffset());
        assertTrue(e.detail().contains("structured"), e.getMessage());
    }

    @Test
    void badMagicVersionHeaderAndShape() throws IOException {
        Path f = dir.resolve("x.npy");
        Files.write(f, "NUMPY".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, fails(f).byteOffset());
        Files.write(f, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 4, 0, 0, 0});
        assertEquals(6, fails(f).byteOffset());
        Files.write(f, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 100, 0, '{'});
        assertTrue(fails(f).detail().contains("truncated header"));
        DataFileException e = fails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, x), }", new byte[0]));
        assertEquals(10 + 54, e.byteOffset());
        assertTrue(fails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }", new byte[8]))
                .detail().contains("only 1-D and 2-D"));
        assertTrue(fails(npy("{'descr': '<f8', 'shape': (1,), }", new byte[8])).detail()
                .contains("no 'fortran_order' key"));
    }

    @Test
    void wideIntegersThatDoNotFitAnIntAreLocated() throws IOException {
        byte[] data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(5).putLong(1L << 40).array();
        DataFileException e = fails(npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", data));
        assertEquals(128 + 8, e.byteOffset());
        assertTrue(e.detail().contains("does not fit an int"), e.getMessage());
    }
}
