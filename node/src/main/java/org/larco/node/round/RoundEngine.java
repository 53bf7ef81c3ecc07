package org.larco.node.round;

import com.google.protobuf.ByteString;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.larco.node.learner.Learner;
import org.larco.node.learner.TestResult;
import org.larco.node.ledger.LedgerReader;
import org.larco.node.ledger.TxSubmitter;
import org.larco.node.weights.Weights;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.MemberList;
import org.larco.protocol.tx.Propose;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;
import org.larco.protocol.tx.TxBody;
import org.larco.protocol.tx.Vote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one member's part in collaborative learning from committed ledger state.
 *
 * <p>On every new block it re-reads the ledger and does whatever duty is due: adopt a new head,
 * train and propose when it is this member's turn, fetch and score a proposal and vote, vote on
 * pending joins, and resume after being marked inactive. Because every decision is derived from
 * the ledger, a restarted node picks up mid-round from the state the ledger records. Duties already
 * started in this process are remembered so a block that arrives during training does not start
 * the same work twice. Runs on one Vert.x context; blocking learner calls go to a
 * {@link LearnerWorker}.
 */
public final class RoundEngine {

    private static final Logger log = LoggerFactory.getLogger(RoundEngine.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final double PPM = 1_000_000.0;

    private final String memberName;
    private final ByteString memberKey;
    private final ByteString modelSpecHash;
    private final Learner learner;
    private final LearnerWorker worker;
    private final WeightsSource weights;
    private final LedgerReader ledger;
    private final TxSubmitter submitter;
    private final RoundListener listener;
    private final MembershipDuties membership;

    private final Set<DutyKey> startedDuties = new HashSet<>();
    private String adoptedHeadHex = "";
    private String adoptingHeadHex = "";
    private boolean reconciling;
    private boolean reconcileAgain;
    private boolean stopped;

    public RoundEngine(
            String memberName,
            byte[] memberKey,
            byte[] modelSpecHash,
            Learner learner,
            LearnerWorker worker,
            WeightsSource weights,
            LedgerReader ledger,
            TxSubmitter submitter,
            RoundListener listener,
            AdmissionPolicy admissionPolicy,
            Supplier<String> endpointSupplier) {
        this.memberName = memberName;
        this.memberKey = ByteString.copyFrom(memberKey);
        this.modelSpecHash = ByteString.copyFrom(modelSpecHash);
        this.learner = learner;
        this.worker = worker;
        this.weights = weights;
        this.ledger = ledger;
        this.submitter = submitter;
        this.listener = listener;
        this.membership = new MembershipDuties(memberName, this.memberKey, ledger, submitter, admissionPolicy, endpointSupplier);
    }

    /** Re-reads the ledger and acts; calls made while a pass is running schedule one more pass. */
    public void onNewBlock(long height) {
        if (stopped) {
            return;
        }
        if (reconciling) {
            reconcileAgain = true;
            return;
        }
        reconciling = true;
        reconcile(height).onComplete(result -> {
            if (result.failed()) {
                log.warn("member={} height={} ledger pass failed: {}", memberName, height, result.cause().toString());
            }
            reconciling = false;
            if (reconcileAgain) {
                reconcileAgain = false;
                onNewBlock(height);
            }
        });
    }

    public void stop() {
        stopped = true;
    }

    /** Returns the head hash this learner's current model was last set to, or empty before the first adoption. */
    public String adoptedHeadHex() {
        return adoptedHeadHex;
    }

    private Future<Void> reconcile(long height) {
        return ledger.members().compose(members -> {
            Optional<Member> self = findSelf(members);
            if (self.isEmpty()) {
                return membership.askToJoin(height);
            }
            membership.resumeIfInactive(self.get());
            return membership.voteOnJoins()
                    .compose(ignored -> ledger.experiments())
                    .compose(list -> {
                        List<Future<Void>> steps = new ArrayList<>();
                        followedExperiment(list.getExperimentsList()).ifPresent(e -> steps.add(handleExperiment(e, members)));
                        for (Experiment experiment : list.getExperimentsList()) {
                            if (experiment.getSpec().getCompetition() && !experiment.getFinished()) {
                                steps.add(handleCompetition(experiment, members));
                            }
                        }
                        return Future.join(steps).mapEmpty();
                    });
        });
    }

    /**
     * Picks the experiment this learner works on, since one model can follow one head: the oldest
     * unfinished experiment for this learner's model spec, or else the newest finished one, whose
     * final head the learner keeps. Competition entries go to {@link #handleCompetition}.
     */
    private Optional<Experiment> followedExperiment(List<Experiment> experiments) {
        Optional<Experiment> newestFinished = Optional.empty();
        for (Experiment experiment : experiments) {
            boolean sameSpec = experiment.getSpec().getModelSpecHash().equals(modelSpecHash);
            if (!sameSpec || experiment.getSpec().getCompetition()) {
                continue;
            }
            if (!experiment.getFinished()) {
                return Optional.of(experiment);
            }
            newestFinished = Optional.of(experiment);
        }
        return newestFinished;
    }

    private Optional<Member> findSelf(MemberList members) {
        return members.getMembersList().stream().filter(m -> m.getPubKey().equals(memberKey)).findFirst();
    }

    private Future<Void> handleExperiment(Experiment experiment, MemberList members) {
        String headHex = HEX.formatHex(experiment.getHead().toByteArray());
        Future<Void> adopted = adoptHead(experiment, headHex, members);
        if (experiment.getFinished()) {
            return adopted;
        }
        return adopted
                .compose(ignored -> ledger.round(experiment.getId(), experiment.getCurrentRound()))
                .compose(round -> performDuty(experiment, round, headHex, members));
    }

    private Future<Void> adoptHead(Experiment experiment, String headHex, MemberList members) {
        if (headHex.equals(adoptedHeadHex) || headHex.equals(adoptingHeadHex)) {
            return Future.succeededFuture();
        }
        adoptingHeadHex = headHex;
        return weights.load(headHex, 0, endpointsOf(members, null))
                .compose(head -> worker.run(() -> {
                    learner.acceptWeights(head);
                    return head;
                }))
                .compose(head -> roundThatAccepted(experiment, headHex))
                .map(round -> {
                    adoptedHeadHex = headHex;
                    log.info("member={} experiment={} adopted head={} of round {}", memberName, experiment.getId(), shortHash(headHex), round);
                    listener.adopted(experiment.getId(), round, headHex);
                    return (Void) null;
                })
                .onComplete(result -> adoptingHeadHex = "");
    }

    /** Returns the round whose accepted proposal is {@code headHex}, or 0 when the head is the initial weights. */
    private Future<Long> roundThatAccepted(Experiment experiment, String headHex) {
        return ledger.rounds(experiment.getId()).map(rounds -> {
            long accepted = 0;
            for (Round round : rounds.getRoundsList()) {
                boolean sameHash = round.hasProposal() && HEX.formatHex(round.getProposal().getWeightsHash().toByteArray()).equals(headHex);
                if (round.getStatus() == RoundStatus.ACCEPTED && sameHash) {
                    accepted = round.getRound();
                }
            }
            return accepted;
        });
    }

    private Future<Void> performDuty(Experiment experiment, Round round, String headHex, MemberList members) {
        if (!headHex.equals(adoptedHeadHex)) {
            return Future.succeededFuture();
        }
        if (round.getStatus() == RoundStatus.AWAITING_PROPOSAL && round.getProposer().equals(memberKey)) {
            DutyKey duty = new DutyKey(experiment.getId(), round.getRound(), DutyKey.Kind.PROPOSE);
            if (startedDuties.add(duty)) {
                propose(experiment, round, headHex, duty);
            }
        }
        if (round.getStatus() == RoundStatus.VOTING && isEligibleWithoutVote(round)) {
            DutyKey duty = new DutyKey(experiment.getId(), round.getRound(), DutyKey.Kind.VOTE);
            if (startedDuties.add(duty)) {
                vote(experiment, round, members, duty);
            }
        }
        return Future.succeededFuture();
    }

    private boolean isEligibleWithoutVote(Round round) {
        boolean eligible = round.getEligibleList().contains(memberKey);
        boolean voted = round.getVotesList().stream().anyMatch(v -> v.getVoter().equals(memberKey));
        return eligible && !voted;
    }

    /**
     * Takes part in a competition entry. Its creator proposes the entered weights (the
     * experiment's head) without training, and every other member scores them on its vote set and
     * votes. The ledger ranks entries by the median vote score. A member whose model spec differs
     * from the entry's votes no with that reason, because it cannot score that architecture.
     */
    private Future<Void> handleCompetition(Experiment experiment, MemberList members) {
        return ledger.round(experiment.getId(), experiment.getCurrentRound()).map(round -> {
            if (round.getStatus() == RoundStatus.AWAITING_PROPOSAL && round.getProposer().equals(memberKey)) {
                DutyKey duty = new DutyKey(experiment.getId(), round.getRound(), DutyKey.Kind.PROPOSE);
                if (startedDuties.add(duty)) {
                    proposeEntry(experiment, round, members, duty);
                }
            }
            if (round.getStatus() == RoundStatus.VOTING && isEligibleWithoutVote(round)) {
                DutyKey duty = new DutyKey(experiment.getId(), round.getRound(), DutyKey.Kind.VOTE);
                if (startedDuties.add(duty)) {
                    vote(experiment, round, members, duty);
                }
            }
            return null;
        });
    }

    private void proposeEntry(Experiment experiment, Round round, MemberList members, DutyKey duty) {
        String entryHex = HEX.formatHex(experiment.getHead().toByteArray());
        weights.load(entryHex, 0, endpointsOf(members, null))
                .compose(entry -> worker.run(() -> learner.testWeights(entry)).map(own -> {
                    Propose propose = Propose.newBuilder()
                            .setExperiment(experiment.getId())
                            .setRound(round.getRound())
                            .setParent(experiment.getHead())
                            .setWeightsHash(experiment.getHead())
                            .setSizeBytes(entry.blob().length)
                            .setClaimedScorePpm(toPpm(own.voteScore()))
                            .build();
                    return propose;
                }))
                .compose(propose -> submitter.submit(TxBody.newBuilder().setPropose(propose), "entry " + duty))
                .onSuccess(sent -> log.info("member={} {} entered weights={} in task {}", memberName, duty, shortHash(entryHex),
                        experiment.getSpec().getTask()))
                .onFailure(e -> log.warn("member={} {} failed: {}", memberName, duty, e.toString()));
    }

    private void propose(Experiment experiment, Round round, String parentHex, DutyKey duty) {
        log.info("member={} {} training from head={}", memberName, duty, shortHash(parentHex));
        worker.run(() -> {
                    long startNanos = System.nanoTime();
                    Weights proposal = learner.proposeWeights();
                    TestResult own = learner.testWeights(proposal);
                    return new TrainedProposal(proposal, own, System.nanoTime() - startNanos);
                })
                .compose(trained -> worker.run(() -> weights.save(trained.weights())).map(hashHex -> new SavedProposal(trained, hashHex)))
                .compose(saved -> {
                    TrainedProposal trained = saved.trained();
                    String hashHex = saved.hashHex();
                    Propose propose = Propose.newBuilder()
                            .setExperiment(experiment.getId())
                            .setRound(round.getRound())
                            .setParent(experiment.getHead())
                            .setWeightsHash(ByteString.copyFrom(trained.weights().sha256()))
                            .setSizeBytes(trained.weights().blob().length)
                            .setClaimedScorePpm(toPpm(trained.own().voteScore()))
                            .build();
                    return submitter.submit(TxBody.newBuilder().setPropose(propose), duty.toString())
                            .map(result -> {
                                log.info("member={} {} proposed weights={} claimed vote score={}",
                                        memberName, duty, shortHash(hashHex), trained.own().voteScore());
                                listener.proposed(experiment.getId(), round.getRound(), hashHex, trained.own(), trained.workNanos());
                                return result;
                            });
                })
                .onFailure(e -> log.warn("member={} {} failed: {}", memberName, duty, e.toString()));
    }

    private void vote(Experiment experiment, Round round, MemberList members, DutyKey duty) {
        Propose proposal = round.getProposal();
        String hashHex = HEX.formatHex(proposal.getWeightsHash().toByteArray());
        List<String> endpoints = endpointsOf(members, round.getProposer());
        weights.load(hashHex, proposal.getSizeBytes(), endpoints)
                .compose(candidate -> checkSpec(experiment, candidate))
                .compose(candidate -> worker.run(() -> {
                    long startNanos = System.nanoTime();
                    TestResult result = learner.testWeights(candidate);
                    return new Scored(result, System.nanoTime() - startNanos);
                }))
                .compose(
                        scored -> sendVote(duty, proposal, scored.result().approve(), scored.result(), "", scored.nanos()),
                        failure -> sendVote(duty, proposal, false, null, failure.getMessage(), 0))
                .onFailure(e -> log.warn("member={} {} failed: {}", memberName, duty, e.toString()));
    }

    private Future<Weights> checkSpec(Experiment experiment, Weights candidate) {
        byte[] expected = experiment.getSpec().getModelSpecHash().toByteArray();
        if (!Arrays.equals(expected, candidate.spec().sha256())) {
            return Future.failedFuture(new IllegalArgumentException("proposal model spec "
                    + HEX.formatHex(candidate.spec().sha256()) + " differs from the experiment's "
                    + HEX.formatHex(expected)));
        }
        return Future.succeededFuture(candidate);
    }

    private Future<Void> sendVote(DutyKey duty, Propose proposal, boolean approve, TestResult result, String reason,
            long evaluationNanos) {
        if (result == null) {
            log.warn("member={} {} votes no without scoring: {}", memberName, duty, reason);
        }
        Vote vote = Vote.newBuilder()
                .setExperiment(duty.experiment())
                .setRound(duty.round())
                .setProposal(proposal.getWeightsHash())
                .setApprove(approve)
                .setVoteScorePpm(result == null ? 0 : toPpm(result.voteScore()))
                .setReason(truncate(reason, 200))
                .build();
        return submitter.submit(TxBody.newBuilder().setVote(vote), duty.toString()).map(sent -> {
            log.info("member={} {} voted {} vote score={}", memberName, duty, approve ? "yes" : "no",
                    result == null ? "none" : result.voteScore());
            listener.voted(duty.experiment(), duty.round(), approve, result, reason, evaluationNanos);
            return null;
        });
    }

    /** Other members' blob endpoints, {@code first}'s at the front; this member's own is left out. */
    private List<String> endpointsOf(MemberList members, ByteString first) {
        List<String> endpoints = new ArrayList<>();
        for (Member member : members.getMembersList()) {
            if (member.getPubKey().equals(memberKey) || member.getEndpoint().isEmpty()) {
                continue;
            }
            if (member.getPubKey().equals(first)) {
                endpoints.add(0, member.getEndpoint());
            } else {
                endpoints.add(member.getEndpoint());
            }
        }
        return endpoints;
    }

    private static long toPpm(double score) {
        return Math.round(score * PPM);
    }

    private static String truncate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }

    private static String shortHash(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    private record TrainedProposal(Weights weights, TestResult own, long workNanos) {
    }

    private record Scored(TestResult result, long nanos) {
    }

    private record SavedProposal(TrainedProposal trained, String hashHex) {
    }
}
