package org.larco.node.chain;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.OpenExperiment;
import org.larco.protocol.tx.Transactions;

/** A one-member LArCo genesis and signed transactions for chain tests against the real ledger. */
final class LarcoLedgerFixture {

    static final String CHAIN_ID = "larco-chain-test";

    final NodeKey alice = NodeKey.generate("alice");

    byte[] genesis() {
        String json = "{\"members\":[{\"name\":\"alice\",\"pub_key\":\"" + alice.publicKeyHex()
                + "\",\"endpoint\":\"http://127.0.0.1:8081\"}],"
                + "\"params\":{\"admission_threshold_num\":1,\"admission_threshold_den\":2,"
                + "\"admission_deadline_blocks\":30,\"max_missed_duties\":3},"
                + "\"experiments\":[{\"name\":\"first\",\"model_spec_hash\":\"" + hashHex("spec") + "\","
                + "\"initial_weights_hash\":\"" + hashHex("init") + "\",\"threshold_num\":1,\"threshold_den\":2,"
                + "\"proposal_deadline_blocks\":60,\"vote_deadline_blocks\":60,\"max_rounds\":10,"
                + "\"competition\":false,\"task\":\"\"}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns alice's signed OpenExperiment tx with {@code nonce}; the ledger gives it experiment id 2. */
    byte[] openExperimentTx(long nonce, String name) {
        OpenExperiment spec = OpenExperiment.newBuilder().setName(name)
                .setModelSpecHash(ByteString.copyFrom(hash("spec")))
                .setInitialWeightsHash(ByteString.copyFrom(hash("init-" + name)))
                .setThresholdNum(1).setThresholdDen(2).setProposalDeadlineBlocks(60).setVoteDeadlineBlocks(60)
                .setMaxRounds(3).build();
        return Transactions.encode(Transactions.sign(alice, Transactions.openExperiment(CHAIN_ID, nonce, spec)));
    }

    String noncePath() {
        return "/accounts/" + alice.publicKeyHex() + "/nonce";
    }

    private static String hashHex(String text) {
        return HexFormat.of().formatHex(hash(text));
    }

    private static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
