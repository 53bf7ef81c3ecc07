package org.larco.node.round;

/** One duty of this member: propose or vote in one round of one experiment. */
record DutyKey(long experiment, long round, Kind kind) {

    enum Kind {
        PROPOSE,
        VOTE
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " experiment=" + experiment + " round=" + round;
    }
}
