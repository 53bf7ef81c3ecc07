package org.larco.node.round;

import com.google.protobuf.ByteString;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;
import org.larco.node.ledger.LedgerReader;
import org.larco.node.ledger.TxSubmitter;
import org.larco.protocol.tx.Admit;
import org.larco.protocol.tx.Join;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.PendingJoin;
import org.larco.protocol.tx.Resume;
import org.larco.protocol.tx.TxBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's duties towards the membership itself: ask to join while not a member, resume after
 * being marked inactive, and vote on other newcomers' joins. Used by {@link RoundEngine} on its
 * Vert.x context only.
 */
final class MembershipDuties {

    private static final Logger log = LoggerFactory.getLogger(MembershipDuties.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final long JOIN_RETRY_BLOCKS = 20;

    private final String memberName;
    private final ByteString memberKey;
    private final LedgerReader ledger;
    private final TxSubmitter submitter;
    private final AdmissionPolicy admissionPolicy;
    private final Supplier<String> endpointSupplier;
    private final Set<String> admissionsSent = new HashSet<>();
    private boolean resumeSent;
    private boolean joinInFlight;
    private long lastJoinHeight;

    MembershipDuties(String memberName, ByteString memberKey, LedgerReader ledger, TxSubmitter submitter,
            AdmissionPolicy admissionPolicy, Supplier<String> endpointSupplier) {
        this.memberName = memberName;
        this.memberKey = memberKey;
        this.ledger = ledger;
        this.submitter = submitter;
        this.admissionPolicy = admissionPolicy;
        this.endpointSupplier = endpointSupplier;
    }

    /**
     * Sends Join when this key is neither a member nor pending, as a newcomer does. A Join whose
     * admission deadline passed disappears from the pending list, so it is sent again, at most once
     * every {@link #JOIN_RETRY_BLOCKS} blocks.
     */
    Future<Void> askToJoin(long height) {
        return ledger.pendingJoins().map(pending -> {
            boolean isPending = pending.getPendingList().stream().anyMatch(join -> join.getCandidate().equals(memberKey));
            if (isPending || joinInFlight || (lastJoinHeight > 0 && height < lastJoinHeight + JOIN_RETRY_BLOCKS)) {
                return null;
            }
            String endpoint = endpointSupplier.get();
            log.info("member={} is not a member yet; sending Join with endpoint {}", memberName, endpoint);
            joinInFlight = true;
            lastJoinHeight = height;
            Join join = Join.newBuilder().setName(memberName).setEndpoint(endpoint).build();
            submitter.submit(TxBody.newBuilder().setJoin(join), "join").onComplete(result -> joinInFlight = false);
            return null;
        });
    }

    void resumeIfInactive(Member self) {
        if (self.getActive()) {
            resumeSent = false;
            return;
        }
        if (resumeSent) {
            return;
        }
        resumeSent = true;
        log.info("member={} is inactive after {} missed duties; sending Resume", memberName, self.getMissedDuties());
        submitter.submit(TxBody.newBuilder().setResume(Resume.getDefaultInstance()), "resume")
                .onFailure(e -> resumeSent = false);
    }

    Future<Void> voteOnJoins() {
        return ledger.pendingJoins().map(pending -> {
            for (PendingJoin join : pending.getPendingList()) {
                String candidate = HEX.formatHex(join.getCandidate().toByteArray());
                boolean alreadyVoted = join.getApprovalsList().contains(memberKey) || join.getRejectionsList().contains(memberKey);
                if (alreadyVoted || !admissionsSent.add(candidate)) {
                    continue;
                }
                boolean approve = admissionPolicy.approve(join);
                log.info("member={} votes {} on join of name={} key={}", memberName, approve ? "yes" : "no", join.getName(), candidate);
                Admit admit = Admit.newBuilder().setCandidate(join.getCandidate()).setApprove(approve).build();
                submitter.submit(TxBody.newBuilder().setAdmit(admit), "admit " + join.getName())
                        .onFailure(e -> admissionsSent.remove(candidate));
            }
            return null;
        });
    }
}
