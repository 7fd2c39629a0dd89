package org.shannon4j.drift;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The frame that the drift profiles' byte formats share, big-endian: a 4-byte ASCII magic number naming the
 * profile type, an int32 format version, an int32 count (bins or values) that fixes the length, the type's
 * fields, and the CRC-32C of every byte before it. A reader checks, in this order and before it allocates
 * anything of the count's size: null (a NullPointerException, as for every null argument), the magic (naming the other profile type when the bytes are one), the
 * frame's minimum length, the version, the count, the exact length for that count, the checksum; then the type
 * checks its fields' values (a checksum guards against corruption, not against crafted input).
 */
final class ProfileBytes {

    /** Magic, version, count. */
    static final int HEADER = 12;
    /** The CRC-32C. */
    static final int TRAILER = 4;

    /** The profile types, with what fixes their length: fixed + perCount · count bytes between header and CRC. */
    enum Kind {
        BINNED("BinnedProfile", "S4JB", 2, "bins", 8 + 24, 16),
        EXACT("ExactProfile", "S4JE", 1, "values", 8, 8);

        final String type;
        /** "a BinnedProfile", "an ExactProfile". */
        final String named;
        final String magicText;
        final int magic;
        final int version;
        final String countName;
        final int fixed;
        final int perCount;

        Kind(String type, String magicText, int version, String countName, int fixed, int perCount) {
            this.type = type;
            this.named = ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
            this.magicText = magicText;
            this.magic = ByteBuffer.wrap(magicText.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).getInt();
            this.version = version;
            this.countName = countName;
            this.fixed = fixed;
            this.perCount = perCount;
        }

        long length(int count) {
            return HEADER + fixed + (long) perCount * count + TRAILER;
        }
    }

    private ProfileBytes() {
    }

    /** A buffer of the whole frame for {@code count}, its header written, positioned at the type's fields. */
    static ByteBuffer writer(Kind kind, int count) {
        long length = kind.length(count);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(kind.named + " of " + count + " " + kind.countName + " needs "
                    + length + " bytes, more than a byte[] holds");
        }
        return ByteBuffer.allocate((int) length).order(ByteOrder.BIG_ENDIAN).putInt(kind.magic)
                .putInt(kind.version).putInt(count);
    }

    /** Appends the checksum to a buffer from {@link #writer} whose fields are all written. */
    static byte[] seal(ByteBuffer b) {
        if (b.remaining() != TRAILER) {
            throw new IllegalStateException(b.remaining() - TRAILER + " bytes of the profile left unwritten");
        }
        b.putInt(crc(b.array(), b.position()));
        return b.array();
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, 0, length);
        return (int) c.getValue();
    }

    /**
     * The checked frame of {@code kind} (see the class comment): a buffer positioned at the type's fields, whose
     * count is at {@link #HEADER} − 4.
     *
     * @param minCount the least count the type allows
     */
    static ByteBuffer reader(byte[] bytes, Kind kind, int minCount) {
        if (bytes == null) {
            throw new NullPointerException("bytes must not be null: no " + kind.type + " to read");
        }
        String what = "bytes (length " + bytes.length + ")";
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if (bytes.length >= 4 && b.getInt(0) != kind.magic) {
            int magic = b.getInt(0);
            for (Kind other : Kind.values()) {
                if (other.magic == magic) {
                    throw new IllegalArgumentException(what + " hold " + other.named + " (magic \"" + other.magicText
                            + "\"), not " + kind.named + " (magic \"" + kind.magicText + "\"): read them with "
                            + other.type + ".fromBytes");
                }
            }
            throw new IllegalArgumentException(String.format("%s do not start with the magic number of %s "
                    + "(\"%s\", 0x%08X) but with 0x%08X", what, kind.named, kind.magicText, kind.magic, magic));
        }
        if (bytes.length < HEADER + TRAILER) {
            throw new IllegalArgumentException(what + " are truncated: " + kind.named + " has at least "
                    + (HEADER + TRAILER) + " bytes (magic, version, count, checksum)");
        }
        int version = b.getInt(4);
        if (version != kind.version) {
            throw new IllegalArgumentException(what + " hold " + kind.named + " of format version " + version
                    + " (byte offset 4); this library reads version " + kind.version);
        }
        int count = b.getInt(8);
        if (count < minCount) {
            throw new IllegalArgumentException(what + ": " + kind.countName + " = " + count
                    + " (byte offset 8), " + kind.named + " has at least " + minCount);
        }
        long expected = kind.length(count);
        if (bytes.length != expected) {
            throw new IllegalArgumentException(what + " are " + (bytes.length < expected ? "truncated" : "too long")
                    + ": " + kind.named + " of " + count + " " + kind.countName + " has " + expected + " bytes");
        }
        int at = bytes.length - TRAILER;
        int stored = b.getInt(at);
        int computed = crc(bytes, at);
        if (stored != computed) {
            throw new IllegalArgumentException(String.format("%s are corrupt: the CRC-32C at byte offset %d is "
                    + "0x%08X but the %d bytes before it give 0x%08X", what, at, stored, at, computed));
        }
        return b.position(HEADER).limit(at);
    }

    /** A stored count, which must be ≥ 0. */
    static long nonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " = " + v + ": a stored count must be >= 0");
        }
        return v;
    }
}
