package org.larco.abci;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.larco.protocol.tx.LedgerSnapshot;

/**
 * The committed state on disk: {@code <home>/state.pb}, the protobuf {@code LedgerSnapshot}.
 *
 * <p>Each write goes to {@code state.pb.tmp}, is synced, renamed over {@code state.pb}, and the
 * directory is synced, so a crash leaves either the old or the new state, never a mix.
 */
final class StateStore {

    static final String STATE_FILE = "state.pb";

    private final Path home;
    private final Path file;
    private final Path temp;

    StateStore(Path home) throws IOException {
        this.home = home;
        this.file = home.resolve(STATE_FILE);
        this.temp = home.resolve(STATE_FILE + ".tmp");
        Files.createDirectories(home);
    }

    /** Returns the committed snapshot, or null when nothing was committed yet. */
    LedgerSnapshot load() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return LedgerSnapshot.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("state file " + file + " is corrupt (" + e.getMessage() + "); restore it from a backup, "
                    + "or delete the home directory and let CometBFT replay the chain from genesis", e);
        }
    }

    void save(byte[] snapshot) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(snapshot);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(home, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
            if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
                return;
            }
            throw e;
        }
    }

    Path file() {
        return file;
    }
}
