package org.larco.node.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.larco.protocol.abci.RequestFinalizeBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded dev chain's append-only block store: one file, a header naming the chain, then one
 * record per height starting at 1.
 *
 * <p>A record is {@code int payloadLength, int crc32c(payload), payload}, and the payload is
 * {@code short appHashLength, appHash, RequestFinalizeBlock}: the app hash before the block, then
 * the decided block exactly as FinalizeBlock receives it. Each append is fsynced before the
 * application receives the block, so a crash leaves at most one torn record at the end; {@link #open}
 * truncates it. Not thread-safe: only the dev chain's application worker uses it.
 */
final class BlockLog implements Closeable {

    static final String FILE_NAME = "blocks.log";

    private static final Logger log = LoggerFactory.getLogger(BlockLog.class);
    private static final byte[] MAGIC = "LARCOBLK".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final int RECORD_HEADER_BYTES = 8;
    private static final int MAX_RECORD_BYTES = 256 * 1024 * 1024;

    /** A block read back from the log, with the app hash that preceded it. */
    record LoggedBlock(ByteString lastAppHash, RequestFinalizeBlock block) {
    }

    private final Path file;
    private final FileChannel channel;
    private final List<Long> recordOffsets;

    private BlockLog(Path file, FileChannel channel, List<Long> recordOffsets) {
        this.file = file;
        this.channel = channel;
        this.recordOffsets = recordOffsets;
    }

    /**
     * Opens the log in {@code home}, creating it for {@code chainId} when missing. Truncates a torn
     * last record; rejects a log of another chain, a corrupt record followed by more data, and a
     * gap in heights.
     */
    static BlockLog open(Path home, String chainId) throws IOException {
        Files.createDirectories(home);
        Path file = home.resolve(FILE_NAME);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            if (created || channel.size() == 0) {
                writeHeader(channel, chainId);
                forceDirectory(home);
                return new BlockLog(file, channel, new ArrayList<>());
            }
            long firstRecordOffset = readHeader(file, channel, chainId);
            List<Long> offsets = scanRecords(file, channel, firstRecordOffset);
            return new BlockLog(file, channel, offsets);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** Returns the height of the last logged block, 0 when the log is empty. */
    long lastHeight() {
        return recordOffsets.size();
    }

    /** Reads the block at {@code height} (1 to {@link #lastHeight()}). */
    LoggedBlock read(long height) throws IOException {
        if (height < 1 || height > lastHeight()) {
            throw new IllegalArgumentException("block " + height + " is not in " + file
                    + ", which contains heights 1 to " + lastHeight());
        }
        long offset = recordOffsets.get((int) (height - 1));
        ByteBuffer header = readFully(channel, offset, RECORD_HEADER_BYTES);
        int payloadLength = header.getInt();
        return decodePayload(readFully(channel, offset + RECORD_HEADER_BYTES, payloadLength));
    }

    /** Appends the block at the next height and fsyncs the file before returning. */
    void append(ByteString lastAppHash, RequestFinalizeBlock block) throws IOException {
        long expectedHeight = lastHeight() + 1;
        if (block.getHeight() != expectedHeight) {
            throw new IllegalStateException("cannot append block " + block.getHeight() + " to " + file
                    + ": the next height is " + expectedHeight);
        }
        byte[] payload = encodePayload(lastAppHash, block);
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER_BYTES + payload.length);
        record.putInt(payload.length).putInt(crc(payload)).put(payload).flip();

        long offset = channel.size();
        while (record.hasRemaining()) {
            channel.write(record, offset + record.position());
        }
        channel.force(false);
        recordOffsets.add(offset);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void writeHeader(FileChannel channel, String chainId) throws IOException {
        byte[] chainIdBytes = chainId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 4 + 2 + chainIdBytes.length);
        header.put(MAGIC).putInt(FORMAT_VERSION).putShort((short) chainIdBytes.length).put(chainIdBytes).flip();
        channel.truncate(0);
        while (header.hasRemaining()) {
            channel.write(header, header.position());
        }
        channel.force(true);
    }

    private static long readHeader(Path file, FileChannel channel, String chainId) throws IOException {
        int fixedBytes = MAGIC.length + 4 + 2;
        if (channel.size() < fixedBytes) {
            throw new IllegalStateException(file + " is not a LArCo block log (shorter than its header); move it away "
                    + "or point the dev chain at another home");
        }
        ByteBuffer fixed = readFully(channel, 0, fixedBytes);
        byte[] magic = new byte[MAGIC.length];
        fixed.get(magic);
        int version = fixed.getInt();
        int chainIdLength = Short.toUnsignedInt(fixed.getShort());
        if (!Arrays.equals(magic, MAGIC) || version != FORMAT_VERSION) {
            throw new IllegalStateException(file + " is not a LArCo block log of format " + FORMAT_VERSION
                    + "; move it away or point the dev chain at another home");
        }
        String loggedChainId = StandardCharsets.UTF_8.decode(readFully(channel, fixedBytes, chainIdLength)).toString();
        if (!loggedChainId.equals(chainId)) {
            throw new IllegalArgumentException("block log " + file + " belongs to chain '" + loggedChainId
                    + "', not '" + chainId + "'; use chain id '" + loggedChainId + "' or another home");
        }
        return fixedBytes + chainIdLength;
    }

    private static List<Long> scanRecords(Path file, FileChannel channel, long firstRecordOffset) throws IOException {
        List<Long> offsets = new ArrayList<>();
        long size = channel.size();
        long offset = firstRecordOffset;
        while (offset < size) {
            String tornReason = validateRecord(file, channel, offset, size, offsets.size() + 1L);
            if (tornReason != null) {
                log.warn("block log {}: dropping a torn last record at offset {} ({} bytes): {}", file, offset,
                        size - offset, tornReason);
                channel.truncate(offset);
                channel.force(true);
                break;
            }
            offsets.add(offset);
            offset += RECORD_HEADER_BYTES + readFully(channel, offset, 4).getInt();
        }
        return offsets;
    }

    /** Returns why the record at {@code offset} is a torn tail, or null when it is valid. */
    private static String validateRecord(Path file, FileChannel channel, long offset, long size, long expectedHeight)
            throws IOException {
        if (size - offset < RECORD_HEADER_BYTES) {
            return "record header cut short";
        }
        ByteBuffer header = readFully(channel, offset, RECORD_HEADER_BYTES);
        int payloadLength = header.getInt();
        int storedCrc = header.getInt();
        long recordEnd = offset + RECORD_HEADER_BYTES + (long) payloadLength;
        if (payloadLength < 0 || payloadLength > MAX_RECORD_BYTES || recordEnd > size) {
            return "record length " + payloadLength + " runs past the end of the file";
        }
        byte[] payload = new byte[payloadLength];
        readFully(channel, offset + RECORD_HEADER_BYTES, payloadLength).get(payload);
        if (crc(payload) != storedCrc) {
            if (recordEnd == size) {
                return "checksum mismatch in the last record";
            }
            throw new IllegalStateException("block log " + file + " is corrupt: record for height " + expectedHeight
                    + " at offset " + offset + " fails its checksum and more records follow; restore the file from a "
                    + "backup or start over with a fresh home");
        }
        long height = decodePayload(ByteBuffer.wrap(payload)).block().getHeight();
        if (height != expectedHeight) {
            throw new IllegalStateException("block log " + file + " is corrupt: record at offset " + offset
                    + " contains height " + height + " where height " + expectedHeight + " was expected");
        }
        return null;
    }

    private static byte[] encodePayload(ByteString lastAppHash, RequestFinalizeBlock block) {
        byte[] blockBytes = block.toByteArray();
        ByteBuffer payload = ByteBuffer.allocate(2 + lastAppHash.size() + blockBytes.length);
        payload.putShort((short) lastAppHash.size()).put(lastAppHash.toByteArray()).put(blockBytes);
        return payload.array();
    }

    private static LoggedBlock decodePayload(ByteBuffer payload) {
        int appHashLength = Short.toUnsignedInt(payload.getShort());
        byte[] appHash = new byte[appHashLength];
        payload.get(appHash);
        try {
            return new LoggedBlock(ByteString.copyFrom(appHash), RequestFinalizeBlock.parseFrom(payload));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("block log record does not decode as a block: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer readFully(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at offset " + (offset + buffer.position()));
            }
        }
        return buffer.flip();
    }

    private static int crc(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync directory " + directory, e);
        }
    }
}
