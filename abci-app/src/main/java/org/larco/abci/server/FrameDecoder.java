package org.larco.abci.server;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Splits a byte stream into ABCI frames: an unsigned varint length (protobuf's delimited format,
 * as CometBFT v0.38 writes it), then that many bytes. Not thread-safe: one decoder per connection,
 * fed from its event loop.
 */
final class FrameDecoder {

    /** A frame that cannot be accepted; the connection must be closed. */
    static final class FrameException extends Exception {
        FrameException(String message) {
            super(message);
        }
    }

    private static final int MAX_VARINT_BYTES = 10;

    private final int maxFrameBytes;
    private Buffer pending = Buffer.buffer();

    FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Appends {@code chunk} and passes every complete frame's payload to {@code frames}, in order. */
    void feed(Buffer chunk, Consumer<byte[]> frames) throws FrameException {
        pending.appendBuffer(chunk);
        int readIndex = 0;
        while (true) {
            long header = readVarint(pending, readIndex);
            if (header < 0) {
                break;
            }
            int headerBytes = (int) (header >>> 32);
            int length = (int) header;
            int end = readIndex + headerBytes + length;
            if (end > pending.length()) {
                break;
            }
            frames.accept(pending.getBytes(readIndex + headerBytes, end));
            readIndex = end;
        }
        if (readIndex > 0) {
            pending = pending.getBuffer(readIndex, pending.length());
        }
    }

    /** Returns the number of buffered bytes that do not yet form a complete frame. */
    int bufferedBytes() {
        return pending.length();
    }

    /**
     * Reads the varint at {@code offset}; returns (header bytes << 32 | length), or -1 when the
     * varint is incomplete.
     */
    private long readVarint(Buffer buffer, int offset) throws FrameException {
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (offset + i >= buffer.length()) {
                return -1;
            }
            byte b = buffer.getByte(offset + i);
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return checkLength(value, i + 1);
            }
            if (value > maxFrameBytes) {
                throw tooLarge(value);
            }
        }
        throw new FrameException("frame length varint is longer than " + MAX_VARINT_BYTES + " bytes");
    }

    private long checkLength(long length, int headerBytes) throws FrameException {
        if (length > maxFrameBytes || length < 0) {
            throw tooLarge(length);
        }
        if (length == 0) {
            throw new FrameException("empty frame: an ABCI request is never empty");
        }
        return ((long) headerBytes << 32) | length;
    }

    private FrameException tooLarge(long length) {
        return new FrameException("frame of " + length + " bytes exceeds the maximum of " + maxFrameBytes
                + " bytes; raise --max-frame-bytes if CometBFT's block size needs it");
    }
}
