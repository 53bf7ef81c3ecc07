package org.larco.protocol.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.larco.protocol.keys.NodeKey;

class SignBytesTest {

    private static final Vote VOTE = Vote.newBuilder()
            .setExperiment(3).setRound(7).setProposal(ByteString.copyFrom(new byte[32]))
            .setApprove(true).setVoteScorePpm(812_345).setReason("").build();

    @Test
    void layoutStartsWithDomainChainAndNonce() {
        byte[] bytes = SignBytes.of(Transactions.vote("larco-1", 5, VOTE));
        ByteBuffer buffer = ByteBuffer.wrap(bytes);

        assertEquals(SignBytes.DOMAIN_TAG, readString(buffer));
        assertEquals("larco-1", readString(buffer));
        assertEquals(5, buffer.getLong());
        assertEquals(TxBody.VOTE_FIELD_NUMBER, buffer.get());
        assertEquals(3, buffer.getLong());
        assertEquals(7, buffer.getLong());
    }

    @Test
    void chainIdChangesSignBytes() {
        assertFalse(Arrays.equals(SignBytes.of(Transactions.vote("a", 1, VOTE)), SignBytes.of(Transactions.vote("b", 1, VOTE))));
    }

    @Test
    void nonceChangesSignBytes() {
        assertFalse(Arrays.equals(SignBytes.of(Transactions.vote("a", 1, VOTE)), SignBytes.of(Transactions.vote("a", 2, VOTE))));
    }

    @Test
    void messageTypeChangesSignBytes() {
        byte[] resume = SignBytes.of(Transactions.resume("a", 1));
        byte[] join = SignBytes.of(Transactions.join("a", 1, Join.getDefaultInstance()));

        assertFalse(Arrays.equals(resume, join));
    }

    @Test
    void unknownFieldsDoNotChangeSignBytes() {
        TxBody body = Transactions.vote("a", 1, VOTE);
        TxBody withUnknown = body.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()).build();

        assertArrayEquals(SignBytes.of(body), SignBytes.of(withUnknown));
    }

    @Test
    void bodyWithoutMessageIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SignBytes.of(TxBody.newBuilder().setChainId("a").build()));
    }

    @Test
    void signedTxRoundTripsAndVerifies() {
        NodeKey key = NodeKey.generate("alice");
        Tx tx = Transactions.sign(key, Transactions.vote("a", 1, VOTE));

        Tx decoded = Transactions.decode(Transactions.encode(tx));

        assertEquals(tx, decoded);
        assertTrue(Transactions.verifySignature(decoded));
    }

    @Test
    void changedBodyFailsVerification() {
        Tx tx = Transactions.sign(NodeKey.generate("alice"), Transactions.vote("a", 1, VOTE));
        Tx changed = tx.toBuilder().setBody(tx.getBody().toBuilder().setNonce(2)).build();

        assertFalse(Transactions.verifySignature(changed));
    }

    @Test
    void decodeRejectsGarbage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Transactions.decode(new byte[] {0x0a, 0x7f, 0x01}));

        assertTrue(error.getMessage().contains("malformed"), error.getMessage());
    }

    @Test
    void decodeRejectsMissingSignature() {
        Tx tx = Transactions.sign(NodeKey.generate("alice"), Transactions.vote("a", 1, VOTE)).toBuilder().clearSignature().build();

        assertThrows(IllegalArgumentException.class, () -> Transactions.decode(tx.toByteArray()));
    }

    private static String readString(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
