package org.larco.abci.ledger;

import com.google.protobuf.ByteString;
import java.util.List;
import org.larco.abci.ResultCodes;
import org.larco.protocol.abci.Event;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.OpenExperiment;

/** OpenExperiment: any active member opens an experiment, which opens its round 1 at once. */
final class ExperimentRules {

    static final int HASH_BYTES = 32;
    static final int MAX_EXPERIMENT_NAME_CHARS = 128;
    static final int MAX_TASK_CHARS = 64;

    private ExperimentRules() {
    }

    static void openExperiment(LedgerState state, ByteString signer, OpenExperiment spec, long height, List<Event> events)
            throws TxRejectedException {
        MembershipRules.requireActiveMember(state, signer, "open_experiment");
        validate(spec);
        Duties.seen(state, signer, height);
        open(state, spec, signer, height, events);
    }

    /** Adds an experiment with the next id (ids start at 1) and opens its first round at {@code height}. */
    static Experiment open(LedgerState state, OpenExperiment spec, ByteString creator, long height, List<Event> events) {
        long id = state.experiments.isEmpty() ? 1 : state.experiments.lastKey() + 1;
        Experiment experiment = Experiment.newBuilder()
                .setId(id)
                .setSpec(spec)
                .setCreator(creator)
                .setOpenedHeight(height)
                .setHead(spec.getInitialWeightsHash())
                .build();
        state.experiments.put(id, experiment);
        events.add(Events.of("experiment_open", "experiment", Long.toString(id)));
        Rounds.open(state, experiment, 1, height, events);
        return state.experiments.get(id);
    }

    /** Checks an experiment spec from a tx or from genesis. */
    static void validate(OpenExperiment spec) throws TxRejectedException {
        MembershipRules.checkText("experiment name", spec.getName(), 1, MAX_EXPERIMENT_NAME_CHARS);
        checkHash("model_spec_hash", spec.getModelSpecHash());
        checkHash("initial_weights_hash", spec.getInitialWeightsHash());
        long num = Integer.toUnsignedLong(spec.getThresholdNum());
        long den = Integer.toUnsignedLong(spec.getThresholdDen());
        if (den == 0 || num > den) {
            throw new TxRejectedException(ResultCodes.INVALID_FIELD, "experiment threshold " + num + "/" + den
                    + " is invalid: need threshold_den > 0 and threshold_num <= threshold_den");
        }
        if (spec.getProposalDeadlineBlocks() < 1 || spec.getVoteDeadlineBlocks() < 1) {
            throw new TxRejectedException(ResultCodes.INVALID_FIELD, "experiment deadlines must be at least 1 block, got"
                    + " proposal_deadline_blocks=" + spec.getProposalDeadlineBlocks()
                    + " vote_deadline_blocks=" + spec.getVoteDeadlineBlocks());
        }
        if (spec.getCompetition()) {
            MembershipRules.checkText("competition task", spec.getTask(), 1, MAX_TASK_CHARS);
        } else {
            MembershipRules.checkText("task", spec.getTask(), 0, MAX_TASK_CHARS);
        }
    }

    static void checkHash(String field, ByteString hash) throws TxRejectedException {
        if (hash.size() != HASH_BYTES) {
            throw new TxRejectedException(ResultCodes.INVALID_FIELD, field + " must be a 32-byte SHA-256 hash, got "
                    + hash.size() + " bytes");
        }
    }

    static Experiment requireExperiment(LedgerState state, long id, String what) throws TxRejectedException {
        Experiment experiment = state.experiments.get(id);
        if (experiment == null) {
            throw new TxRejectedException(ResultCodes.EXPERIMENT_NOT_FOUND, what + " for experiment " + id
                    + " rejected: no such experiment (ids 1.." + state.experiments.size() + ")");
        }
        return experiment;
    }
}
