package org.larco.node.simulate;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.larco.node.chain.ChainEvent;
import org.larco.node.chain.NewBlock;
import org.larco.node.learner.TestResult;
import org.larco.node.ledger.LedgerReader;
import org.larco.node.report.RoundRecord;
import org.larco.node.round.RoundListener;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;
import org.larco.protocol.tx.VoteRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one {@link RoundRecord} per closed round of the simulated experiment, from the ledger
 * (proposer, status, votes, vote scores) and from the learners' own reports (test scores), and
 * completes when the experiment is finished.
 */
final class RoundCollector {

    private static final Logger log = LoggerFactory.getLogger(RoundCollector.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final double PPM = 1_000_000.0;

    /** Scores the shared model after a round; blocking, runs off the event loop. */
    interface SharedScorer {
        Future<Double> score(String headHex);
    }

    /** Receives each record as soon as it is complete. */
    interface RecordSink {
        void accept(RoundRecord record, Round round);
    }

    private final long experimentId;
    private final List<String> learnerNames;
    private final Map<String, String> namesByKey;
    private final LedgerReader ledger;
    private final SharedScorer sharedScorer;
    private final RecordSink sink;
    private final Map<String, TestResult> testResults = new ConcurrentHashMap<>();
    private final Map<Long, Long> openedNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> closedNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> proposerWorkNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> slowestEvaluationNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> totalEvaluationNanos = new ConcurrentHashMap<>();
    private final List<RoundRecord> records = new ArrayList<>();
    private final Promise<List<RoundRecord>> finished = Promise.promise();
    private Future<Void> chain = Future.succeededFuture();
    private long collectedThrough;
    private String lastHeadHex = "";
    private final Map<Long, String> headsAfterRound = new ConcurrentHashMap<>();
    private double lastSharedAccuracy = Double.NaN;

    RoundCollector(long experimentId, List<String> learnerNames, Map<String, String> namesByKey, LedgerReader ledger,
            SharedScorer sharedScorer, RecordSink sink) {
        this.experimentId = experimentId;
        this.learnerNames = List.copyOf(learnerNames);
        this.namesByKey = Map.copyOf(namesByKey);
        this.ledger = ledger;
        this.sharedScorer = sharedScorer;
        this.sink = sink;
    }

    /** Returns a listener for one learner's node that records its test scores, which never go on the ledger. */
    RoundListener listenerFor(String learnerName) {
        return new RoundListener() {
            @Override
            public void proposed(long experiment, long round, String weightsHashHex, TestResult ownResult, long workNanos) {
                testResults.put(key(experiment, round, learnerName), ownResult);
                if (experiment == experimentId) {
                    proposerWorkNanos.put(round, workNanos);
                }
            }

            @Override
            public void voted(long experiment, long round, boolean approve, TestResult result, String reason, long evaluationNanos) {
                if (result != null) {
                    testResults.put(key(experiment, round, learnerName), result);
                }
                if (experiment == experimentId) {
                    slowestEvaluationNanos.merge(round, evaluationNanos, Math::max);
                    totalEvaluationNanos.merge(round, evaluationNanos, Long::sum);
                }
            }
        };
    }

    /**
     * Returns the records with the shared accuracy scored now, after the last round, for runs that
     * deferred it; each distinct head is scored once.
     */
    List<RoundRecord> withSharedAccuracy(java.util.function.Function<String, Double> scorer) {
        Map<String, Double> byHead = new java.util.HashMap<>();
        List<RoundRecord> scored = new ArrayList<>();
        for (RoundRecord record : records) {
            String head = headsAfterRound.get(record.round());
            double accuracy = byHead.computeIfAbsent(head, scorer);
            scored.add(new RoundRecord(record.round(), record.proposer(), record.status(), record.votes(), record.voteScores(),
                    record.testScores(), accuracy));
        }
        return scored;
    }

    Future<List<RoundRecord>> finished() {
        return finished.future();
    }

    /** Returns each closed round's wall-clock split; a round without a proposal counts no work. */
    List<RoundTiming> timings() {
        List<RoundTiming> timings = new ArrayList<>();
        for (RoundRecord record : records) {
            Long opened = openedNanos.get(record.round());
            Long closed = closedNanos.get(record.round());
            if (opened != null && closed != null) {
                timings.add(new RoundTiming(record.round(), millis(closed - opened),
                        millis(proposerWorkNanos.getOrDefault(record.round(), 0L)),
                        millis(slowestEvaluationNanos.getOrDefault(record.round(), 0L)),
                        millis(totalEvaluationNanos.getOrDefault(record.round(), 0L))));
            }
        }
        return timings;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    void onNewBlock(NewBlock block) {
        long nowNanos = System.nanoTime();
        for (ChainEvent event : block.events()) {
            String experiment = event.attributes().get("experiment");
            String round = event.attributes().get("round");
            if (!Long.toString(experimentId).equals(experiment) || round == null) {
                continue;
            }
            if (event.type().equals("round_open")) {
                openedNanos.putIfAbsent(Long.parseLong(round), nowNanos);
            } else if (event.type().equals("round_close")) {
                closedNanos.putIfAbsent(Long.parseLong(round), nowNanos);
            }
        }
        boolean roundClosed = block.events().stream().anyMatch(RoundCollector::closesRound);
        if (roundClosed) {
            chain = chain.compose(ignored -> collect()).recover(e -> {
                log.warn("experiment={} collecting round records failed: {}", experimentId, e.toString());
                return Future.succeededFuture();
            });
        }
    }

    private static boolean closesRound(ChainEvent event) {
        return event.type().equals("round_close");
    }

    private Future<Void> collect() {
        return ledger.experiment(experimentId).compose(experiment -> ledger.rounds(experimentId).compose(rounds -> {
            Future<Void> steps = Future.succeededFuture();
            for (Round round : rounds.getRoundsList()) {
                if (round.getRound() > collectedThrough && isClosed(round)) {
                    steps = steps.compose(ignored -> record(round, experiment));
                }
            }
            return steps.map(ignored -> {
                if (experiment.getFinished() && !finished.future().isComplete()) {
                    finished.complete(List.copyOf(records));
                }
                return null;
            });
        }));
    }

    private static boolean isClosed(Round round) {
        RoundStatus status = round.getStatus();
        return status == RoundStatus.ACCEPTED || status == RoundStatus.REJECTED || status == RoundStatus.MISSED;
    }

    private Future<Void> record(Round round, Experiment experiment) {
        collectedThrough = round.getRound();
        String head = headAfter(round, experiment);
        headsAfterRound.put(round.getRound(), head);
        Future<Double> accuracy = round.getStatus() == RoundStatus.ACCEPTED || Double.isNaN(lastSharedAccuracy)
                ? sharedScorer.score(head)
                : Future.succeededFuture(lastSharedAccuracy);
        return accuracy.map(shared -> {
            lastSharedAccuracy = shared;
            RoundRecord record = buildRecord(round, shared);
            records.add(record);
            sink.accept(record, round);
            return null;
        });
    }

    /** Returns the head after {@code round}: its proposal when accepted, else the last accepted head seen. */
    private String headAfter(Round round, Experiment experiment) {
        if (round.getStatus() == RoundStatus.ACCEPTED) {
            lastHeadHex = HEX.formatHex(round.getProposal().getWeightsHash().toByteArray());
        } else if (lastHeadHex.isEmpty()) {
            lastHeadHex = HEX.formatHex(experiment.getSpec().getInitialWeightsHash().toByteArray());
        }
        return lastHeadHex;
    }

    private RoundRecord buildRecord(Round round, double sharedAccuracy) {
        String proposer = nameOf(round.getProposer().toByteArray());
        Map<String, String> votes = new LinkedHashMap<>();
        Map<String, Double> voteScores = new LinkedHashMap<>();
        Map<String, Double> testScores = new LinkedHashMap<>();
        for (String learner : learnerNames) {
            votes.put(learner, learner.equals(proposer) ? "PROPOSER" : "ABSENT");
        }
        for (VoteRecord vote : round.getVotesList()) {
            String voter = nameOf(vote.getVoter().toByteArray());
            votes.put(voter, vote.getApprove() ? "APPROVE" : "REJECT");
            voteScores.put(voter, vote.getVoteScorePpm() / PPM);
        }
        if (round.hasProposal()) {
            voteScores.put(proposer, round.getProposal().getClaimedScorePpm() / PPM);
        }
        for (String learner : learnerNames) {
            TestResult result = testResults.get(key(experimentId, round.getRound(), learner));
            if (result != null) {
                testScores.put(learner, result.testScore());
            }
        }
        return new RoundRecord(round.getRound(), proposer, round.getStatus().name(), votes, voteScores, testScores, sharedAccuracy);
    }

    private String nameOf(byte[] key) {
        String hex = HEX.formatHex(key);
        return namesByKey.getOrDefault(hex, hex.substring(0, 8));
    }

    private static String key(long experiment, long round, String learner) {
        return experiment + "/" + round + "/" + learner;
    }
}
