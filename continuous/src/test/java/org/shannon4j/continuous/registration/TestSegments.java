package org.shannon4j.continuous.registration;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Test images in segments. */
final class TestSegments {

    private TestSegments() {
    }

    /**
     * The values written with layout (as floats for a float layout) into a segment of arena, starting 3 bytes into
     * an 8-aligned block for an unaligned layout (an odd address).
     */
    static MemorySegment of(Arena arena, ValueLayout layout, double[] values) {
        long offset = layout.byteAlignment() == 1 ? 3 : 0;
        MemorySegment s = arena.allocate(values.length * layout.byteSize() + offset, 8).asSlice(offset);
        for (int i = 0; i < values.length; i++) {
            if (layout instanceof ValueLayout.OfFloat f) {
                s.setAtIndex(f, i, (float) values[i]);
            } else {
                s.setAtIndex((ValueLayout.OfDouble) layout, i, values[i]);
            }
        }
        return s;
    }
}
