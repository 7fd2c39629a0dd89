package org.shannon4j.spi;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data cache sizes of the machine, for code that picks between ways to the same integer result by what fits
 * in cache (a count table in L2, a selection's bitsets in the last level). Read once from what Linux reports for
 * cpu0 ({@code /sys/devices/system/cpu/cpu0/cache/index*}); a system property overrides each size (a diagnostic
 * knob; "1048576", "1024K", "1M"; any other value is ignored, since a size only picks between ways to the same
 * result); elsewhere (not Linux, or a container that hides the information) a default.
 */
public final class CpuCaches {

    private static final Path LINUX = Path.of("/sys/devices/system/cpu/cpu0/cache");
    /** The L2 of the machine the L2 choices were first measured on. */
    static final long DEFAULT_L2_BYTES = 2 << 20;
    /** A last level smaller than most current servers', so that a choice made for data beyond it errs that way. */
    static final long DEFAULT_LAST_LEVEL_BYTES = 8 << 20;

    private static final long L2 = bytes(System.getProperty("shannon4j.l2CacheBytes"), LINUX, 2, DEFAULT_L2_BYTES);
    private static final long LAST_LEVEL = bytes(System.getProperty("shannon4j.lastLevelCacheBytes"), LINUX, 0,
            DEFAULT_LAST_LEVEL_BYTES);

    private CpuCaches() {
    }

    /**
     * A core's L2 data (or unified) cache; {@code -Dshannon4j.l2CacheBytes} overrides it.
     *
     * @return its size in bytes
     */
    public static long l2Bytes() {
        return L2;
    }

    /**
     * The last-level cache in bytes (the highest level Linux lists: the L3 that a core shares with its neighbours
     * on most servers); {@code -Dshannon4j.lastLevelCacheBytes} overrides it.
     *
     * @return its size in bytes
     */
    public static long lastLevelBytes() {
        return LAST_LEVEL;
    }

    /**
     * The property if it is a positive number of bytes, else the data or unified cache of the given level in
     * {@code cacheDir} (level 0: the highest level there; {@code index*}/{@code level}, {@code type},
     * {@code size} as Linux writes them: "1024K"), else the default.
     */
    static long bytes(String property, Path cacheDir, int level, long defaultBytes) {
        if (property != null) {
            long bytes = size(property.strip());
            if (bytes > 0) {
                return bytes;
            }
        }
        long found = -1;
        int foundLevel = -1;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cacheDir, "index*")) {
            for (Path d : dirs) {
                int l = Integer.parseInt(read(d.resolve("level")));
                if ((level == 0 ? l > foundLevel : l == level) && !read(d.resolve("type")).equals("Instruction")) {
                    long bytes = size(read(d.resolve("size")));
                    if (bytes > 0) {
                        found = bytes;
                        foundLevel = l;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no cache information (a container may hide it): the default
        }
        return found > 0 ? found : defaultBytes;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p).strip();
    }

    /** "1024K", "2M", "524288": bytes, or −1. */
    static long size(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        char unit = Character.toUpperCase(s.charAt(s.length() - 1));
        long scale = unit == 'K' ? 1 << 10 : unit == 'M' ? 1 << 20 : unit == 'G' ? 1 << 30 : 1;
        String digits = scale == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long v = Long.parseLong(digits);
            return v > 0 && v <= Long.MAX_VALUE / scale ? v * scale : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
