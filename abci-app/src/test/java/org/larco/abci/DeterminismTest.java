package org.larco.abci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.LedgerDriver;
import org.larco.protocol.abci.RequestFinalizeBlock;
import org.larco.protocol.abci.ResponseFinalizeBlock;
import org.larco.protocol.tx.RoundList;

/** Same blocks, same state: app hashes agree across instances, replays and restarts. */
class DeterminismTest {

    private static final int BLOCKS = 80;

    @TempDir
    Path dir;

    private static String genesis() {
        return new GenesisBuilder()
                .members(RandomWorkload.KEYS.subList(0, RandomWorkload.MEMBERS))
                .param("admission_deadline_blocks", 4)
                .param("max_missed_duties", 2)
                .experiment("random", 1, 2, 3, 3, 0)
                .json();
    }

    @Test
    void twoInstancesReachSameAppHash() {
        LedgerDriver first = LedgerDriver.genesis(LedgerDriver.open(dir.resolve("a")), genesis());
        new RandomWorkload(42, first).run(BLOCKS);
        LedgerDriver second = LedgerDriver.genesis(LedgerDriver.open(dir.resolve("b")), genesis());

        List<ResponseFinalizeBlock> firstResponses = replayResponses(first, LedgerDriver.genesis(
                LedgerDriver.open(dir.resolve("a-replay")), genesis()));
        List<ResponseFinalizeBlock> secondResponses = replayResponses(first, second);

        assertEquals(firstResponses, secondResponses);
        assertArrayEquals(((LarcoApplication) first.app()).committedAppHash(),
                ((LarcoApplication) second.app()).committedAppHash());
    }

    @Test
    void workloadMakesProgress() {
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(dir.resolve("a")), genesis());
        new RandomWorkload(42, chain).run(BLOCKS);

        RoundList rounds = chain.query("/experiments/1/rounds", RoundList.parser());
        assertTrue(rounds.getRoundsCount() > 3, "only " + rounds.getRoundsCount() + " rounds in " + BLOCKS + " blocks");
    }

    @Test
    void replayFromGenesisReachesSameAppHash() {
        LedgerDriver original = LedgerDriver.genesis(LedgerDriver.open(dir.resolve("a")), genesis());
        new RandomWorkload(7, original).run(BLOCKS);
        LedgerDriver replay = LedgerDriver.genesis(LedgerDriver.open(dir.resolve("replay")), genesis());

        replayResponses(original, replay);

        assertArrayEquals(((LarcoApplication) original.app()).committedAppHash(),
                ((LarcoApplication) replay.app()).committedAppHash());
    }

    @Test
    void reopenedLedgerReportsSameAppHash() {
        LedgerDriver original = LedgerDriver.genesis(LedgerDriver.open(dir.resolve("a")), genesis());
        new RandomWorkload(11, original).run(BLOCKS);

        LarcoApplication reopened = LedgerDriver.open(dir.resolve("a"));

        assertArrayEquals(((LarcoApplication) original.app()).committedAppHash(), reopened.committedAppHash());
        assertEquals(BLOCKS, reopened.committedState().height());
    }

    /** Feeds {@code source}'s blocks to {@code target} and returns target's responses. */
    private static List<ResponseFinalizeBlock> replayResponses(LedgerDriver source, LedgerDriver target) {
        List<ResponseFinalizeBlock> responses = new ArrayList<>();
        for (RequestFinalizeBlock block : source.blocks()) {
            responses.add(target.app().finalizeBlock(block));
            target.app().commit();
        }
        return responses;
    }
}
