package org.shannon4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeastTest {

    @Test
    void parsesTheDriversOutput() {
        List<Feast.Timing> t = Feast.parse("criterion\tcpu_seconds\twall_seconds\tselected\n"
                + "JMI\t21.034\t21.100\t2 10 18\nCMIM\t1.250\t1.260\t2 6\n");
        assertEquals(2, t.size());
        assertEquals("JMI", t.get(0).criterion());
        assertEquals(21.034, t.get(0).cpuSeconds());
        assertEquals(21.1, t.get(0).wallSeconds());
        assertArrayEquals(new int[] {2, 10, 18}, t.get(0).selected());
        assertArrayEquals(new int[] {2, 6}, t.get(1).selected());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Feast.parse("indices 1 2\n")).getMessage()
                .contains("header"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Feast.parse(
                "criterion\tcpu_seconds\twall_seconds\tselected\nJMI\t1.0\t2 3\n")).getMessage().contains("line 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Feast.parse(
                "criterion\tcpu_seconds\twall_seconds\tselected\nJMI\tx\t1\t2 3\n")).getMessage().contains("line 2"));
    }

    @Test
    void aMissingScriptOrAnUnavailableFeastIsAReasonNotAnError(@TempDir Path dir) throws IOException {
        PrintStream log = new PrintStream(new ByteArrayOutputStream());
        Feast.Result none = Feast.run(dir.resolve("nope.sh"), dir.resolve("d.bin"), 5, List.of("JMI"), log);
        assertTrue(none.unavailable().contains("not found"), none.unavailable());
        Path script = dir.resolve("s.sh");
        Files.writeString(script, "echo 'feast_bench: unavailable: no C compiler' >&2; exit 3\n");
        Feast.Result r = Feast.run(script, dir.resolve("d.bin"), 5, List.of("JMI"), log);
        assertEquals("no C compiler", r.unavailable());
        Files.writeString(script, "echo 'feast_bench: FEAST abc, MIToolbox def, gcc' >&2\n"
                + "printf 'criterion\\tcpu_seconds\\twall_seconds\\tselected\\nJMI\\t1.5\\t1.6\\t4 2\\n'\n");
        Feast.Result ok = Feast.run(script, dir.resolve("d.bin"), 2, List.of("JMI"), log);
        assertNull(ok.unavailable());
        assertEquals("FEAST abc, MIToolbox def, gcc", ok.build());
        assertArrayEquals(new int[] {4, 2}, ok.timing("JMI").selected());
        assertNull(ok.timing("CMIM"));
    }
}
