package org.larco.protocol.tx;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A fixed-layout byte writer for sign bytes: integers big-endian at full width, byte strings and
 * UTF-8 strings prefixed with their 4-byte big-endian length. The layout never depends on how
 * protobuf serialises a message (field order, default values, unknown fields).
 */
final class CanonicalWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    CanonicalWriter u8(int value) {
        out.write(value & 0xff);
        return this;
    }

    CanonicalWriter u32(long value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xff);
        }
        return this;
    }

    CanonicalWriter u64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xff);
        }
        return this;
    }

    CanonicalWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    CanonicalWriter bytes(ByteString value) {
        return bytes(value.toByteArray());
    }

    CanonicalWriter bytes(byte[] value) {
        u32(value.length);
        out.write(value, 0, value.length);
        return this;
    }

    CanonicalWriter string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
