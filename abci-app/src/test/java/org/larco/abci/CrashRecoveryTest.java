package org.larco.abci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.LedgerDriver;
import org.larco.protocol.abci.RequestFinalizeBlock;
import org.larco.protocol.abci.RequestInfo;
import org.larco.protocol.abci.ResponseFinalizeBlock;
import org.larco.protocol.abci.ResponseInfo;

/** A crash between FinalizeBlock and Commit loses only the staged block, which CometBFT replays. */
class CrashRecoveryTest {

    private static final int BLOCKS = 30;

    @TempDir
    Path dir;

    private static String genesis() {
        return new GenesisBuilder()
                .members(RandomWorkload.KEYS.subList(0, RandomWorkload.MEMBERS))
                .experiment("crash", 1, 2, 3, 3, 0)
                .json();
    }

    @Test
    void crashBeforeCommitReplaysToSameState() {
        LedgerDriver reference = LedgerDriver.genesis(LedgerDriver.open(dir.resolve("reference")), genesis());
        new RandomWorkload(3, reference).run(BLOCKS);
        List<RequestFinalizeBlock> blocks = reference.blocks();

        Path home = dir.resolve("crashing");
        LedgerDriver crashing = LedgerDriver.genesis(LedgerDriver.open(home), genesis());
        for (RequestFinalizeBlock block : blocks.subList(0, BLOCKS - 1)) {
            crashing.app().finalizeBlock(block);
            crashing.app().commit();
        }
        ResponseFinalizeBlock beforeCrash = crashing.app().finalizeBlock(blocks.get(BLOCKS - 1));

        LarcoApplication restarted = LedgerDriver.open(home);
        ResponseInfo info = restarted.info(RequestInfo.getDefaultInstance());
        ResponseFinalizeBlock replayed = restarted.finalizeBlock(blocks.get(BLOCKS - 1));
        restarted.commit();

        assertEquals(BLOCKS - 1, info.getLastBlockHeight());
        assertEquals(beforeCrash, replayed);
        assertArrayEquals(((LarcoApplication) reference.app()).committedAppHash(), restarted.committedAppHash());
    }

    @Test
    void leftoverTempFileIsIgnored() throws IOException {
        Path home = dir.resolve("ledger");
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home), genesis());
        chain.emptyBlocks(3);
        Files.write(home.resolve(StateStore.STATE_FILE + ".tmp"), new byte[] {1, 2, 3});

        LarcoApplication restarted = LedgerDriver.open(home);

        assertEquals(3, restarted.committedState().height());
    }

    @Test
    void corruptStateFileIsReported() throws IOException {
        Path home = dir.resolve("ledger");
        Files.createDirectories(home);
        Files.write(home.resolve(StateStore.STATE_FILE), new byte[] {(byte) 0xff, 0x00, 0x13});

        IOException error = assertThrows(IOException.class, () -> LarcoApplication.open(home));

        assertEquals(true, error.getMessage().contains("is corrupt"), error.getMessage());
    }

    @Test
    void crashAfterInitChainRunsInitChainAgain() {
        Path home = dir.resolve("ledger");
        LedgerDriver.genesis(LedgerDriver.open(home), genesis());

        ResponseInfo info = LedgerDriver.open(home).info(RequestInfo.getDefaultInstance());

        assertEquals(0, info.getLastBlockHeight());
    }
}
