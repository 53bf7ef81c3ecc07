package org.larco.abci.ledger;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.larco.protocol.tx.Account;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.LedgerSnapshot;
import org.larco.protocol.tx.Leaderboard;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.Params;
import org.larco.protocol.tx.PendingJoin;
import org.larco.protocol.tx.Round;

/**
 * The ledger's state: members in join order, pending joins, accounts (nonces), experiments,
 * their rounds and leaderboards.
 *
 * <p>Every collection that is ever iterated is ordered (a list or a TreeMap); the one hash map
 * serves lookups only, so no transition depends on hash order. Values are immutable protobuf
 * messages, so {@link #copy()} is shallow. Not thread-safe: the application confines each
 * instance to one lock, and never changes an instance after publishing it as committed.
 */
public final class LedgerState {

    static final Comparator<ByteString> KEY_ORDER = ByteString.unsignedLexicographicalComparator();

    long height;
    long initialHeight;
    String chainId = "";
    Params params = Params.getDefaultInstance();
    final List<Member> members;
    final Map<ByteString, Integer> memberIndex;
    final TreeMap<ByteString, PendingJoin> pending;
    final TreeMap<ByteString, Long> nonces;
    final TreeMap<Long, Experiment> experiments;
    final TreeMap<Long, List<Round>> rounds;
    final TreeMap<String, Leaderboard> leaderboards;

    public LedgerState() {
        members = new ArrayList<>();
        memberIndex = new HashMap<>();
        pending = new TreeMap<>(KEY_ORDER);
        nonces = new TreeMap<>(KEY_ORDER);
        experiments = new TreeMap<>();
        rounds = new TreeMap<>();
        leaderboards = new TreeMap<>();
    }

    private LedgerState(LedgerState other) {
        height = other.height;
        initialHeight = other.initialHeight;
        chainId = other.chainId;
        params = other.params;
        members = new ArrayList<>(other.members);
        memberIndex = new HashMap<>(other.memberIndex);
        pending = new TreeMap<>(other.pending);
        nonces = new TreeMap<>(other.nonces);
        experiments = new TreeMap<>(other.experiments);
        rounds = new TreeMap<>();
        other.rounds.forEach((experiment, list) -> rounds.put(experiment, new ArrayList<>(list)));
        leaderboards = new TreeMap<>(other.leaderboards);
    }

    /** Returns an independent copy; changing either does not change the other. */
    public LedgerState copy() {
        return new LedgerState(this);
    }

    public long height() {
        return height;
    }

    public String chainId() {
        return chainId;
    }

    public Params params() {
        return params;
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    public List<PendingJoin> pending() {
        return List.copyOf(pending.values());
    }

    public List<Experiment> experiments() {
        return List.copyOf(experiments.values());
    }

    public Experiment experiment(long id) {
        return experiments.get(id);
    }

    /** Returns the rounds of experiment {@code id} in round order, empty when it does not exist. */
    public List<Round> rounds(long id) {
        return List.copyOf(rounds.getOrDefault(id, List.of()));
    }

    /** Returns round {@code round} (1-based) of experiment {@code id}, or null. */
    public Round round(long id, long round) {
        List<Round> list = rounds.get(id);
        if (list == null || round < 1 || round > list.size()) {
            return null;
        }
        return list.get((int) (round - 1));
    }

    public Leaderboard leaderboard(String task) {
        return leaderboards.get(task);
    }

    /** Returns the nonce that the next tx of {@code account} must carry (0 for a new account). */
    public long nextNonce(ByteString account) {
        return nonces.getOrDefault(account, 0L);
    }

    /** Sets the next nonce of {@code account}; CheckTx uses it on its own copy of the state. */
    public void setNextNonce(ByteString account, long next) {
        nonces.put(account, next);
    }

    public Member member(ByteString key) {
        Integer index = memberIndex.get(key);
        return index == null ? null : members.get(index);
    }

    public boolean isMember(ByteString key) {
        return memberIndex.containsKey(key);
    }

    void putMember(Member member) {
        Integer index = memberIndex.get(member.getPubKey());
        if (index == null) {
            memberIndex.put(member.getPubKey(), members.size());
            members.add(member.toBuilder().setIndex(members.size()).build());
        } else {
            members.set(index, member);
        }
    }

    /** Returns the active members in join order. */
    List<Member> activeMembers() {
        List<Member> active = new ArrayList<>();
        for (Member member : members) {
            if (member.getActive()) {
                active.add(member);
            }
        }
        return active;
    }

    void putRound(Round round) {
        List<Round> list = rounds.computeIfAbsent(round.getExperiment(), id -> new ArrayList<>());
        int position = (int) (round.getRound() - 1);
        if (position == list.size()) {
            list.add(round);
        } else {
            list.set(position, round);
        }
    }

    /** Returns the canonical encoding: the bytes persisted at Commit and hashed into the app hash. */
    public LedgerSnapshot toSnapshot() {
        LedgerSnapshot.Builder snapshot = LedgerSnapshot.newBuilder()
                .setHeight(height)
                .setInitialHeight(initialHeight)
                .setChainId(chainId)
                .setParams(params)
                .addAllMembers(members)
                .addAllPending(pending.values())
                .addAllExperiments(experiments.values())
                .addAllLeaderboards(leaderboards.values());
        nonces.forEach((key, next) -> snapshot.addAccounts(Account.newBuilder().setPubKey(key).setNextNonce(next)));
        rounds.values().forEach(snapshot::addAllRounds);
        return snapshot.build();
    }

    /** Rebuilds a state from {@link #toSnapshot()}'s output. */
    public static LedgerState fromSnapshot(LedgerSnapshot snapshot) {
        LedgerState state = new LedgerState();
        state.height = snapshot.getHeight();
        state.initialHeight = snapshot.getInitialHeight();
        state.chainId = snapshot.getChainId();
        state.params = snapshot.getParams();
        snapshot.getMembersList().forEach(state::putMember);
        snapshot.getPendingList().forEach(join -> state.pending.put(join.getCandidate(), join));
        snapshot.getAccountsList().forEach(account -> state.nonces.put(account.getPubKey(), account.getNextNonce()));
        snapshot.getExperimentsList().forEach(experiment -> state.experiments.put(experiment.getId(), experiment));
        snapshot.getRoundsList().forEach(state::putRound);
        snapshot.getLeaderboardsList().forEach(board -> state.leaderboards.put(board.getTask(), board));
        return state;
    }

    /** Returns SHA-256 of the canonical encoding. */
    public static byte[] appHash(byte[] snapshotBytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(snapshotBytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
