package org.larco.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.LedgerDriver;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.abci.RequestQuery;
import org.larco.protocol.abci.ResponseQuery;
import org.larco.protocol.tx.ExperimentList;
import org.larco.protocol.tx.MemberList;

class QueriesTest {

    @TempDir
    Path home;

    private ResponseQuery query(LedgerDriver chain, String path) {
        return chain.app().query(RequestQuery.newBuilder().setPath(path).build());
    }

    private LedgerDriver chain() {
        return LedgerDriver.genesis(LedgerDriver.open(home),
                new GenesisBuilder().members(TestKeys.keys(2)).experiment("a").experiment("b").json());
    }

    @Test
    void membersListedInJoinOrder() {
        LedgerDriver chain = chain();

        MemberList members = chain.query("/members", MemberList.parser());

        assertEquals("alice", members.getMembers(0).getName());
        assertEquals("bob", members.getMembers(1).getName());
    }

    @Test
    void experimentsNumberedFromOne() {
        ExperimentList experiments = chain().query("/experiments", ExperimentList.parser());

        assertEquals(1, experiments.getExperiments(0).getId());
        assertEquals(2, experiments.getExperiments(1).getId());
    }

    @Test
    void headReturnsRawHash() {
        ResponseQuery response = query(chain(), "/experiments/2/head");

        assertEquals(Hashes.bytes("init:b"), response.getValue());
    }

    @Test
    void missingExperimentIsNotFound() {
        assertEquals(ResultCodes.QUERY_NOT_FOUND, query(chain(), "/experiments/9").getCode());
    }

    @Test
    void missingRoundIsNotFound() {
        assertEquals(ResultCodes.QUERY_NOT_FOUND, query(chain(), "/experiments/1/rounds/5").getCode());
    }

    @Test
    void nonNumericIdIsBadArgument() {
        assertEquals(ResultCodes.QUERY_BAD_ARGUMENT, query(chain(), "/experiments/one").getCode());
    }

    @Test
    void badAccountKeyIsBadArgument() {
        assertEquals(ResultCodes.QUERY_BAD_ARGUMENT, query(chain(), "/accounts/xyz/nonce").getCode());
    }

    @Test
    void unknownPathListsValidPaths() {
        ResponseQuery response = query(chain(), "/votes");

        assertEquals(ResultCodes.QUERY_UNKNOWN_PATH, response.getCode());
        assertEquals(true, response.getLog().contains("/leaderboard/{task}"), response.getLog());
    }

    @Test
    void missingLeaderboardIsNotFound() {
        assertEquals(ResultCodes.QUERY_NOT_FOUND, query(chain(), "/leaderboard/pid").getCode());
    }

    @Test
    void queryReportsCommittedHeight() {
        LedgerDriver chain = chain();
        chain.emptyBlocks(2);

        assertEquals(2, query(chain, "/members").getHeight());
    }
}
