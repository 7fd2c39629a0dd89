package org.shannon4j.continuous.registration;

/**
 * How the bits of a byte or short voxel are read: Java's own signed values (CT's signed 16-bit Hounsfield units,
 * numpy's {@code int8}/{@code int16}) or unsigned ones (8-bit photographs, 16-bit MR and microscopy, numpy's
 * {@code uint8}/{@code uint16}). The bins are those of the values read, converted to double.
 */
public enum Signedness {
    /** −128..127 for bytes, −32768..32767 for shorts. */
    SIGNED,
    /** 0..255 for bytes, 0..65535 for shorts. */
    UNSIGNED
}
