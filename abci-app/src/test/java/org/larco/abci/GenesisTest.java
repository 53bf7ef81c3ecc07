package org.larco.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.LedgerDriver;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.abci.RequestInitChain;
import org.larco.protocol.tx.Params;
import org.larco.protocol.tx.Round;

/** InitChain reads the genesis app_state and rejects bad input with the field's name. */
class GenesisTest {

    @TempDir
    Path home;

    private RuntimeException initChainFails(String appState) {
        LarcoApplication app = LedgerDriver.open(home);
        return assertThrows(RuntimeException.class, () -> app.initChain(RequestInitChain.newBuilder()
                .setChainId("c").setInitialHeight(1).setAppStateBytes(ByteString.copyFromUtf8(appState)).build()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON|{oops|not valid JSON",
        "no members|{\"members\":[]}|at least one member",
        "short key|{\"members\":[{\"name\":\"a\",\"pub_key\":\"abcd\"}]}|members[0].pub_key",
        "bad threshold|{\"members\":[{\"name\":\"a\",\"pub_key\":\"KEY\"}],\"params\":{\"admission_threshold_num\":3,\"admission_threshold_den\":2}}|admission threshold 3/2",
        "negative deadline|{\"members\":[{\"name\":\"a\",\"pub_key\":\"KEY\"}],\"params\":{\"admission_deadline_blocks\":-1}}|admission_deadline_blocks",
        "bad experiment hash|{\"members\":[{\"name\":\"a\",\"pub_key\":\"KEY\"}],\"experiments\":[{\"name\":\"e\",\"model_spec_hash\":\"00\"}]}|experiments[0].model_spec_hash",
    })
    void invalidGenesisNamesField(String label, String appState, String expected) {
        RuntimeException error = initChainFails(appState.replace("KEY", TestKeys.key(0).publicKeyHex()));

        assertTrue(error.getMessage().contains(expected), label + ": " + error.getMessage());
    }

    @Test
    void duplicateMemberRejected() {
        String appState = new GenesisBuilder().members(List.of(TestKeys.key(0), TestKeys.key(0))).json();

        RuntimeException error = initChainFails(appState);

        assertTrue(error.getMessage().contains("listed twice"), error.getMessage());
    }

    @Test
    void missingParamsTakeDefaults() {
        String appState = "{\"members\":[{\"name\":\"a\",\"pub_key\":\"" + TestKeys.key(0).publicKeyHex() + "\"}]}";

        LarcoApplication app = (LarcoApplication) LedgerDriver.genesis(LedgerDriver.open(home), appState).app();
        Params params = app.committedState().params();

        assertEquals(1, params.getAdmissionThresholdNum());
        assertEquals(2, params.getAdmissionThresholdDen());
        assertEquals(30, params.getAdmissionDeadlineBlocks());
        assertEquals(3, params.getMaxMissedDuties());
    }

    @Test
    void genesisExperimentOpensAtInitialHeight() {
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home),
                new GenesisBuilder().members(TestKeys.keys(2)).experiment("e").json());

        Round round = chain.query("/experiments/1/rounds/1", Round.parser());

        assertEquals(1, round.getOpenedHeight());
        assertEquals(ByteString.copyFrom(TestKeys.key(0).publicKey()), round.getProposer());
    }

    @Test
    void initChainOnUsedHomeFails() {
        String appState = new GenesisBuilder().members(TestKeys.keys(1)).json();
        LedgerDriver.genesis(LedgerDriver.open(home), appState).emptyBlocks(1);

        RuntimeException error = initChainFails(appState);

        assertTrue(error.getMessage().contains("already committed"), error.getMessage());
    }
}
