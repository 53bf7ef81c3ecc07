package org.larco.abci.ledger;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.larco.abci.ResultCodes;
import org.larco.protocol.abci.Event;
import org.larco.protocol.tx.Admit;
import org.larco.protocol.tx.Join;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.PendingJoin;

/**
 * Join, Admit and Resume, and the admission deadline.
 *
 * <p>A non-member's Join creates a pending join with deadline {@code height +
 * admission_deadline_blocks}. Each active member may send one Admit per candidate. The candidate
 * is admitted as soon as approvals * den >= active * num (params admission threshold, counting the
 * active members at that Admit), and rejected as soon as enough rejections make that impossible,
 * or at the deadline.
 */
final class MembershipRules {

    static final int MAX_NAME_CHARS = 64;
    static final int MAX_ENDPOINT_CHARS = 256;

    private MembershipRules() {
    }

    static void join(LedgerState state, ByteString signer, Join join, long height, List<Event> events)
            throws TxRejectedException {
        String who = Events.hex(signer);
        if (state.isMember(signer)) {
            throw new TxRejectedException(ResultCodes.ALREADY_MEMBER, "join from " + who + " rejected: already a member");
        }
        if (state.pending.containsKey(signer)) {
            throw new TxRejectedException(ResultCodes.ALREADY_PENDING, "join from " + who
                    + " rejected: a join is already pending until height " + state.pending.get(signer).getDeadlineHeight());
        }
        checkText("join name", join.getName(), 1, MAX_NAME_CHARS);
        checkText("join endpoint", join.getEndpoint(), 0, MAX_ENDPOINT_CHARS);

        state.pending.put(signer, PendingJoin.newBuilder()
                .setCandidate(signer)
                .setName(join.getName())
                .setEndpoint(join.getEndpoint())
                .setRequestedHeight(height)
                .setDeadlineHeight(height + state.params.getAdmissionDeadlineBlocks())
                .build());
        events.add(Events.of("join", "member", who));
    }

    static void admit(LedgerState state, ByteString signer, Admit admit, long height, List<Event> events)
            throws TxRejectedException {
        requireActiveMember(state, signer, "admit");
        PendingJoin join = state.pending.get(admit.getCandidate());
        String candidate = Events.hex(admit.getCandidate());
        if (join == null) {
            throw new TxRejectedException(ResultCodes.NO_PENDING_JOIN, "admit for " + candidate
                    + " rejected: no pending join (never sent, already decided, or past its deadline)");
        }
        if (join.getApprovalsList().contains(signer) || join.getRejectionsList().contains(signer)) {
            throw new TxRejectedException(ResultCodes.DOUBLE_ADMIT, "admit for " + candidate + " from "
                    + Events.hex(signer) + " rejected: this member already voted on the join");
        }

        PendingJoin updated = admit.getApprove()
                ? join.toBuilder().addApprovals(signer).build()
                : join.toBuilder().addRejections(signer).build();
        events.add(Events.of("admit", "member", candidate, "voter", Events.hex(signer),
                "approve", Boolean.toString(admit.getApprove())));
        Duties.seen(state, signer, height);
        decide(state, updated, height, events);
    }

    private static void decide(LedgerState state, PendingJoin join, long height, List<Event> events) {
        long eligible = state.activeMembers().size();
        long num = Integer.toUnsignedLong(state.params.getAdmissionThresholdNum());
        long den = Integer.toUnsignedLong(state.params.getAdmissionThresholdDen());
        String candidate = Events.hex(join.getCandidate());
        if (Rounds.meetsThreshold(join.getApprovalsCount(), eligible, num, den)) {
            state.pending.remove(join.getCandidate());
            state.putMember(Member.newBuilder()
                    .setPubKey(join.getCandidate())
                    .setName(join.getName())
                    .setEndpoint(join.getEndpoint())
                    .setActive(true)
                    .setJoinedHeight(height)
                    .setLastSeenHeight(height)
                    .build());
            events.add(Events.of("member", "member", candidate, "status", "admitted"));
        } else if (!Rounds.meetsThreshold(eligible - join.getRejectionsCount(), eligible, num, den)) {
            state.pending.remove(join.getCandidate());
            events.add(Events.of("member", "member", candidate, "status", "rejected"));
        } else {
            state.pending.put(join.getCandidate(), join);
        }
    }

    static void resume(LedgerState state, ByteString signer, long height, List<Event> events) throws TxRejectedException {
        Member member = requireMember(state, signer, "resume");
        if (member.getActive()) {
            throw new TxRejectedException(ResultCodes.ALREADY_ACTIVE, "resume from " + Events.hex(signer)
                    + " rejected: the member is already active");
        }
        state.putMember(member.toBuilder().setActive(true).setMissedDuties(0).setLastSeenHeight(height).build());
        events.add(Events.of("member", "member", Events.hex(signer), "status", "active"));
    }

    /** Rejects the pending joins whose deadline is at or before {@code height}, in key order. */
    static void expireJoins(LedgerState state, long height, List<Event> events) {
        List<ByteString> expired = new ArrayList<>();
        for (PendingJoin join : state.pending.values()) {
            if (height >= join.getDeadlineHeight()) {
                expired.add(join.getCandidate());
            }
        }
        for (ByteString candidate : expired) {
            state.pending.remove(candidate);
            events.add(Events.of("member", "member", Events.hex(candidate), "status", "rejected"));
        }
    }

    static Member requireMember(LedgerState state, ByteString signer, String what) throws TxRejectedException {
        Member member = state.member(signer);
        if (member == null) {
            throw new TxRejectedException(ResultCodes.NOT_MEMBER, what + " from " + Events.hex(signer)
                    + " rejected: not a member; send a join first");
        }
        return member;
    }

    static Member requireActiveMember(LedgerState state, ByteString signer, String what) throws TxRejectedException {
        Member member = requireMember(state, signer, what);
        if (!member.getActive()) {
            throw new TxRejectedException(ResultCodes.INACTIVE_MEMBER, what + " from " + Events.hex(signer)
                    + " rejected: the member is inactive after " + member.getMissedDuties()
                    + " missed duties; send a resume first");
        }
        return member;
    }

    static void checkText(String field, String value, int minChars, int maxChars) throws TxRejectedException {
        if (value.length() < minChars || value.length() > maxChars) {
            throw new TxRejectedException(ResultCodes.INVALID_FIELD, field + " must have " + minChars + " to "
                    + maxChars + " characters, got " + value.length());
        }
    }
}
