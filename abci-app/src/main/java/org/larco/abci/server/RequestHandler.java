package org.larco.abci.server;

import org.larco.abci.Application;
import org.larco.protocol.abci.Request;
import org.larco.protocol.abci.Response;
import org.larco.protocol.abci.ResponseApplySnapshotChunk;
import org.larco.protocol.abci.ResponseEcho;
import org.larco.protocol.abci.ResponseException;
import org.larco.protocol.abci.ResponseExtendVote;
import org.larco.protocol.abci.ResponseFlush;
import org.larco.protocol.abci.ResponseListSnapshots;
import org.larco.protocol.abci.ResponseLoadSnapshotChunk;
import org.larco.protocol.abci.ResponseOfferSnapshot;
import org.larco.protocol.abci.ResponseVerifyVoteExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps one ABCI request to the application's response. State sync is not offered (no snapshots)
 * and vote extensions are empty and accepted.
 */
final class RequestHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);

    private final Application app;

    RequestHandler(Application app) {
        this.app = app;
    }

    /**
     * Returns the response to {@code request}. An exception from the application becomes
     * Response{exception}, which makes CometBFT stop. Only failures the node cannot continue from
     * get there: invalid genesis, a failed Commit, a bug in a rule during FinalizeBlock. Bad txs
     * get result codes instead.
     */
    Response handle(Request request, String connection) {
        try {
            return dispatch(request);
        } catch (RuntimeException e) {
            log.error("ABCI {} on connection {} failed; responding with an exception, which stops CometBFT",
                    request.getValueCase(), connection, e);
            String error = request.getValueCase() + " failed: " + e.getMessage();
            return Response.newBuilder().setException(ResponseException.newBuilder().setError(error)).build();
        }
    }

    private Response dispatch(Request request) {
        Response.Builder response = Response.newBuilder();
        switch (request.getValueCase()) {
            case ECHO -> response.setEcho(ResponseEcho.newBuilder().setMessage(request.getEcho().getMessage()));
            case FLUSH -> response.setFlush(ResponseFlush.getDefaultInstance());
            case INFO -> response.setInfo(app.info(request.getInfo()));
            case INIT_CHAIN -> response.setInitChain(app.initChain(request.getInitChain()));
            case QUERY -> response.setQuery(app.query(request.getQuery()));
            case CHECK_TX -> response.setCheckTx(app.checkTx(request.getCheckTx()));
            case COMMIT -> response.setCommit(app.commit());
            case LIST_SNAPSHOTS -> response.setListSnapshots(ResponseListSnapshots.getDefaultInstance());
            case OFFER_SNAPSHOT -> response.setOfferSnapshot(ResponseOfferSnapshot.newBuilder()
                    .setResult(ResponseOfferSnapshot.Result.REJECT));
            case LOAD_SNAPSHOT_CHUNK -> response.setLoadSnapshotChunk(ResponseLoadSnapshotChunk.getDefaultInstance());
            case APPLY_SNAPSHOT_CHUNK -> response.setApplySnapshotChunk(ResponseApplySnapshotChunk.newBuilder()
                    .setResult(ResponseApplySnapshotChunk.Result.ABORT));
            case PREPARE_PROPOSAL -> response.setPrepareProposal(app.prepareProposal(request.getPrepareProposal()));
            case PROCESS_PROPOSAL -> response.setProcessProposal(app.processProposal(request.getProcessProposal()));
            case EXTEND_VOTE -> response.setExtendVote(ResponseExtendVote.getDefaultInstance());
            case VERIFY_VOTE_EXTENSION -> response.setVerifyVoteExtension(ResponseVerifyVoteExtension.newBuilder()
                    .setStatus(ResponseVerifyVoteExtension.VerifyStatus.ACCEPT));
            case FINALIZE_BLOCK -> response.setFinalizeBlock(app.finalizeBlock(request.getFinalizeBlock()));
            case VALUE_NOT_SET -> throw new IllegalArgumentException("request has no known value; "
                    + "this server speaks ABCI 2.0 as in CometBFT v0.38");
        }
        return response.build();
    }
}
