package org.larco.node.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.larco.abci.Application;
import org.larco.protocol.abci.CheckTxType;
import org.larco.protocol.abci.RequestCheckTx;
import org.larco.protocol.abci.RequestFinalizeBlock;
import org.larco.protocol.abci.RequestInfo;
import org.larco.protocol.abci.RequestInitChain;
import org.larco.protocol.abci.RequestPrepareProposal;
import org.larco.protocol.abci.RequestProcessProposal;
import org.larco.protocol.abci.RequestQuery;
import org.larco.protocol.abci.ResponseCheckTx;
import org.larco.protocol.abci.ResponseFinalizeBlock;
import org.larco.protocol.abci.ResponseInfo;
import org.larco.protocol.abci.ResponseInitChain;
import org.larco.protocol.abci.ResponseProcessProposal;
import org.larco.protocol.abci.ResponseQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The block-producing half of {@link EmbeddedDevChain}: it drives the {@link Application} through
 * the ABCI 2.0 calls in CometBFT v0.38's order and owns the mempool and the block log.
 *
 * <p>Not thread-safe: every method runs on the dev chain's single application worker, which is
 * what keeps the calls into the application ordered.
 */
final class DevChainEngine {

    private static final Logger log = LoggerFactory.getLogger(DevChainEngine.class);
    private static final HexFormat HEX = HexFormat.of();
    /** The ABCI version CometBFT v0.38 announces in Info. */
    private static final String ABCI_VERSION = "2.0.0";

    private final Application app;
    private final BlockLog blockLog;
    private final String chainId;
    private final DevChainLimits limits;
    private final ByteString proposerAddress;
    private final Mempool mempool;

    private volatile long height;
    private ByteString appHash = ByteString.EMPTY;
    private Instant lastBlockTime = Instant.EPOCH;

    DevChainEngine(Application app, BlockLog blockLog, String chainId, DevChainLimits limits, byte[] proposerAddress) {
        this.app = app;
        this.blockLog = blockLog;
        this.chainId = chainId;
        this.limits = limits;
        this.proposerAddress = ByteString.copyFrom(proposerAddress);
        this.mempool = new Mempool(limits.maxMempoolTxs());
    }

    long height() {
        return height;
    }

    ByteString appHash() {
        return appHash;
    }

    /**
     * Brings the application level with the block log: Info, then InitChain when the application
     * is at height 0, then FinalizeBlock and Commit for every logged block it lacks.
     */
    void handshake(byte[] genesisAppStateJson) throws IOException {
        ResponseInfo info = app.info(RequestInfo.newBuilder().setVersion("larco-devchain").setAbciVersion(ABCI_VERSION)
                .build());
        long appHeight = info.getLastBlockHeight();
        long logHeight = blockLog.lastHeight();
        log.info("dev chain {}: application at height {}, block log {} at height {}", chainId, appHeight,
                blockLog.file(), logHeight);
        if (appHeight > logHeight) {
            throw new IllegalStateException("application is at height " + appHeight + " but block log "
                    + blockLog.file() + " ends at height " + logHeight + "; restore the block log or start the "
                    + "application from an empty home");
        }

        appHash = info.getLastBlockAppHash();
        if (appHeight == 0) {
            appHash = initChain(genesisAppStateJson);
        }
        height = appHeight;
        for (long replayHeight = appHeight + 1; replayHeight <= logHeight; replayHeight++) {
            replay(blockLog.read(replayHeight));
        }
        if (logHeight > appHeight) {
            log.info("dev chain {}: replayed blocks {} to {}, app hash {}", chainId, appHeight + 1, logHeight,
                    HEX.formatHex(appHash.toByteArray()));
        }
    }

    /** Runs CheckTx on a new transaction and adds it to the mempool when the application accepts it. */
    BroadcastResult checkNewTx(byte[] tx) {
        String txHash = txHashHex(tx);
        if (mempool.contains(txHash)) {
            throw new IllegalStateException("tx " + txHash + " is already in the mempool; send a new tx with the "
                    + "next nonce instead of resending the same bytes");
        }
        if (mempool.isFull()) {
            log.warn("dev chain {}: mempool is full ({} txs), rejecting tx {}", chainId, mempool.size(), txHash);
            throw new IllegalStateException("mempool is full: " + mempool.size() + " txs (max " + mempool.maxTxs()
                    + "); retry tx " + txHash + " after the next block");
        }

        ByteString txBytes = ByteString.copyFrom(tx);
        ResponseCheckTx response = app.checkTx(RequestCheckTx.newBuilder().setTx(txBytes).setType(CheckTxType.NEW)
                .build());
        if (response.getCode() == 0) {
            mempool.add(txHash, txBytes);
        } else {
            log.debug("dev chain {}: CheckTx rejected tx {}: code={} log={}", chainId, txHash, response.getCode(),
                    response.getLog());
        }
        return new BroadcastResult(response.getCode(), response.getLog(), txHash);
    }

    QueryResult query(String path, byte[] data) {
        ResponseQuery response = app.query(RequestQuery.newBuilder().setPath(path).setData(ByteString.copyFrom(data))
                .build());
        long queryHeight = response.getHeight() > 0 ? response.getHeight() : height;
        return new QueryResult(response.getCode(), response.getLog(), response.getValue().toByteArray(), queryHeight);
    }

    /**
     * Produces the next block: PrepareProposal, ProcessProposal, the fsynced block log append,
     * FinalizeBlock, Commit, then RECHECK of the transactions left in the mempool.
     */
    NewBlock produceBlock() throws IOException {
        long nextHeight = height + 1;
        Timestamp time = nextBlockTime();
        List<ByteString> txs = proposeTxs(nextHeight, time);

        RequestFinalizeBlock block = withHash(RequestFinalizeBlock.newBuilder().addAllTxs(txs).setHeight(nextHeight)
                .setTime(time).setProposerAddress(proposerAddress));
        blockLog.append(appHash, block);
        ResponseFinalizeBlock result = finalizeAndCommit(block);

        List<String> committedHashes = new ArrayList<>();
        txs.forEach(tx -> committedHashes.add(txHashHex(tx.toByteArray())));
        mempool.removeAll(committedHashes);
        recheckMempool();
        return new NewBlock(nextHeight, AbciEvents.fromFinalizeBlock(result));
    }

    private ByteString initChain(byte[] genesisAppStateJson) {
        Instant genesisTime = Instant.now();
        ResponseInitChain response = app.initChain(RequestInitChain.newBuilder().setChainId(chainId)
                .setTime(toTimestamp(genesisTime)).setAppStateBytes(ByteString.copyFrom(genesisAppStateJson))
                .setInitialHeight(1).build());
        log.info("dev chain {}: InitChain done, genesis app hash {}", chainId,
                HEX.formatHex(response.getAppHash().toByteArray()));
        return response.getAppHash();
    }

    private void replay(BlockLog.LoggedBlock logged) {
        RequestFinalizeBlock block = logged.block();
        if (!logged.lastAppHash().equals(appHash)) {
            throw new IllegalStateException("replay of block " + block.getHeight() + " from " + blockLog.file()
                    + " stopped: the log expects app hash " + HEX.formatHex(logged.lastAppHash().toByteArray())
                    + " before it but the application has " + HEX.formatHex(appHash.toByteArray())
                    + "; the application state diverged, so start it from an empty home to replay every block");
        }
        finalizeAndCommit(block);
        lastBlockTime = toInstant(block.getTime());
    }

    private List<ByteString> proposeTxs(long nextHeight, Timestamp time) {
        List<ByteString> candidates = mempool.reap(limits.maxBlockTxBytes());
        List<ByteString> txs = app.prepareProposal(RequestPrepareProposal.newBuilder()
                .setMaxTxBytes(limits.maxBlockTxBytes()).addAllTxs(candidates).setHeight(nextHeight).setTime(time)
                .setProposerAddress(proposerAddress).build()).getTxsList();
        long totalBytes = txs.stream().mapToLong(ByteString::size).sum();
        if (totalBytes > limits.maxBlockTxBytes()) {
            throw new IllegalStateException("PrepareProposal at height " + nextHeight + " returned " + totalBytes
                    + " tx bytes, more than max_tx_bytes " + limits.maxBlockTxBytes());
        }

        ResponseProcessProposal.ProposalStatus status = app.processProposal(RequestProcessProposal.newBuilder()
                .addAllTxs(txs).setHeight(nextHeight).setTime(time).setProposerAddress(proposerAddress).build())
                .getStatus();
        if (status != ResponseProcessProposal.ProposalStatus.ACCEPT) {
            log.error("dev chain {}: ProcessProposal returned {} for its own proposal at height {} with {} txs; "
                    + "producing an empty block instead", chainId, status, nextHeight, txs.size());
            return List.of();
        }
        return txs;
    }

    private ResponseFinalizeBlock finalizeAndCommit(RequestFinalizeBlock block) {
        ResponseFinalizeBlock result = app.finalizeBlock(block);
        if (result.getTxResultsCount() != block.getTxsCount()) {
            throw new IllegalStateException("FinalizeBlock at height " + block.getHeight() + " returned "
                    + result.getTxResultsCount() + " tx results for " + block.getTxsCount() + " txs");
        }
        app.commit();
        height = block.getHeight();
        appHash = result.getAppHash();
        for (int i = 0; i < result.getTxResultsCount(); i++) {
            int code = result.getTxResults(i).getCode();
            if (code != 0) {
                log.info("dev chain {}: tx {} at height {} rejected by FinalizeBlock: code={} log={}", chainId,
                        txHashHex(block.getTxs(i).toByteArray()), height, code, result.getTxResults(i).getLog());
            }
        }
        return result;
    }

    private void recheckMempool() {
        Iterator<Map.Entry<String, ByteString>> pending = mempool.iterator();
        while (pending.hasNext()) {
            Map.Entry<String, ByteString> entry = pending.next();
            ResponseCheckTx response = app.checkTx(RequestCheckTx.newBuilder().setTx(entry.getValue())
                    .setType(CheckTxType.RECHECK).build());
            if (response.getCode() != 0) {
                log.info("dev chain {}: tx {} dropped from the mempool by RECHECK at height {}: code={} log={}",
                        chainId, entry.getKey(), height, response.getCode(), response.getLog());
                pending.remove();
            }
        }
    }

    /** Returns the wall-clock time, kept strictly after the previous block's time. */
    private Timestamp nextBlockTime() {
        Instant now = Instant.now();
        if (!now.isAfter(lastBlockTime)) {
            now = lastBlockTime.plusMillis(1);
        }
        lastBlockTime = now;
        return toTimestamp(now);
    }

    /** Sets the block hash: SHA-256 of the block's encoding without the hash field. */
    private static RequestFinalizeBlock withHash(RequestFinalizeBlock.Builder block) {
        byte[] hash = sha256(block.clearHash().build().toByteArray());
        return block.setHash(ByteString.copyFrom(hash)).build();
    }

    static String txHashHex(byte[] tx) {
        return HEX.formatHex(sha256(tx));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static Timestamp toTimestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Instant toInstant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
