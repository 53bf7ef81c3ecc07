package org.larco.node.round;

import org.larco.protocol.tx.PendingJoin;

/** Decides this member's vote on a newcomer's Join. */
@FunctionalInterface
public interface AdmissionPolicy {

    boolean approve(PendingJoin join);

    /** Approves every newcomer that announced a blob endpoint: the policy of an open testnet. */
    static AdmissionPolicy approveWithEndpoint() {
        return join -> !join.getEndpoint().isBlank();
    }
}
