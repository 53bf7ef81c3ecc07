package org.larco.abci.ledger;

import com.google.protobuf.ByteString;
import java.util.List;
import org.larco.protocol.abci.Event;
import org.larco.protocol.tx.Member;

/**
 * Liveness: a member's duties are proposing when it is a round's proposer and voting when it is
 * eligible. A duty done resets its consecutive-miss counter; a missed duty increments it, and at
 * {@code params.max_missed_duties} misses (0 disables the rule) the member becomes inactive.
 */
final class Duties {

    private Duties() {
    }

    static void done(LedgerState state, ByteString key, long height) {
        Member member = state.member(key);
        if (member == null) {
            return;
        }
        state.putMember(member.toBuilder().setMissedDuties(0).setLastSeenHeight(height).build());
    }

    static void missed(LedgerState state, ByteString key, List<Event> events) {
        Member member = state.member(key);
        if (member == null) {
            return;
        }
        int missed = member.getMissedDuties() + 1;
        int limit = state.params.getMaxMissedDuties();
        boolean deactivate = member.getActive() && limit > 0 && missed >= limit;
        state.putMember(member.toBuilder().setMissedDuties(missed).setActive(member.getActive() && !deactivate).build());
        if (deactivate) {
            events.add(Events.of("member", "member", Events.hex(key), "status", "inactive"));
        }
    }

    /** Records that {@code key} sent a valid tx at {@code height}. */
    static void seen(LedgerState state, ByteString key, long height) {
        Member member = state.member(key);
        if (member != null && member.getLastSeenHeight() != height) {
            state.putMember(member.toBuilder().setLastSeenHeight(height).build());
        }
    }
}
