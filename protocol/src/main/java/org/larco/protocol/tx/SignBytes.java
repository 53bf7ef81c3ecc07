package org.larco.protocol.tx;

import java.nio.charset.StandardCharsets;

/**
 * The canonical, domain-separated bytes that a transaction's Ed25519 signature covers.
 *
 * <p>Layout (see {@link CanonicalWriter}: integers big-endian at full width, strings and bytes
 * prefixed with a 4-byte length): the domain tag {@value #DOMAIN_TAG}, the chain id, the nonce
 * (u64), a one-byte message tag equal to the message's field number in {@code TxBody}
 * (join 10, admit 11, open_experiment 12, propose 13, vote 14, resume 15), then the message's
 * fields in field-number order: bytes and strings length-prefixed, uint64/int64 as 8 bytes,
 * uint32 as 4 bytes, bool as one byte. The tag keeps a LArCo signature from being valid for
 * anything else. The chain id stops replays on another chain, and the nonce stops replays on this
 * one.
 */
public final class SignBytes {

    public static final String DOMAIN_TAG = "larco/tx/v1";

    private SignBytes() {
    }

    /**
     * Returns the sign bytes of {@code body}.
     *
     * @throws IllegalArgumentException when the body carries no message
     */
    public static byte[] of(TxBody body) {
        CanonicalWriter out = new CanonicalWriter()
                .bytes(DOMAIN_TAG.getBytes(StandardCharsets.US_ASCII))
                .string(body.getChainId())
                .u64(body.getNonce());
        switch (body.getMsgCase()) {
            case JOIN -> writeJoin(out.u8(TxBody.JOIN_FIELD_NUMBER), body.getJoin());
            case ADMIT -> writeAdmit(out.u8(TxBody.ADMIT_FIELD_NUMBER), body.getAdmit());
            case OPEN_EXPERIMENT -> writeOpenExperiment(out.u8(TxBody.OPEN_EXPERIMENT_FIELD_NUMBER),
                    body.getOpenExperiment());
            case PROPOSE -> writePropose(out.u8(TxBody.PROPOSE_FIELD_NUMBER), body.getPropose());
            case VOTE -> writeVote(out.u8(TxBody.VOTE_FIELD_NUMBER), body.getVote());
            case RESUME -> out.u8(TxBody.RESUME_FIELD_NUMBER);
            case MSG_NOT_SET -> throw new IllegalArgumentException(
                    "transaction body has no message; set one of join, admit, open_experiment, propose, vote, resume");
        }
        return out.toByteArray();
    }

    private static void writeJoin(CanonicalWriter out, Join join) {
        out.string(join.getName()).string(join.getEndpoint());
    }

    private static void writeAdmit(CanonicalWriter out, Admit admit) {
        out.bytes(admit.getCandidate()).bool(admit.getApprove());
    }

    private static void writeOpenExperiment(CanonicalWriter out, OpenExperiment spec) {
        out.string(spec.getName())
                .bytes(spec.getModelSpecHash())
                .bytes(spec.getInitialWeightsHash())
                .u32(Integer.toUnsignedLong(spec.getThresholdNum()))
                .u32(Integer.toUnsignedLong(spec.getThresholdDen()))
                .u64(spec.getProposalDeadlineBlocks())
                .u64(spec.getVoteDeadlineBlocks())
                .u32(Integer.toUnsignedLong(spec.getMaxRounds()))
                .bool(spec.getCompetition())
                .string(spec.getTask());
    }

    private static void writePropose(CanonicalWriter out, Propose propose) {
        out.u64(propose.getExperiment())
                .u64(propose.getRound())
                .bytes(propose.getParent())
                .bytes(propose.getWeightsHash())
                .u64(propose.getSizeBytes())
                .u64(propose.getClaimedScorePpm());
    }

    private static void writeVote(CanonicalWriter out, Vote vote) {
        out.u64(vote.getExperiment())
                .u64(vote.getRound())
                .bytes(vote.getProposal())
                .bool(vote.getApprove())
                .u64(vote.getVoteScorePpm())
                .string(vote.getReason());
    }
}
