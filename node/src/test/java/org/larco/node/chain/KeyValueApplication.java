package org.larco.node.chain;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.larco.abci.Application;
import org.larco.protocol.abci.Event;
import org.larco.protocol.abci.EventAttribute;
import org.larco.protocol.abci.ExecTxResult;
import org.larco.protocol.abci.RequestCheckTx;
import org.larco.protocol.abci.RequestFinalizeBlock;
import org.larco.protocol.abci.RequestInfo;
import org.larco.protocol.abci.RequestInitChain;
import org.larco.protocol.abci.RequestPrepareProposal;
import org.larco.protocol.abci.RequestProcessProposal;
import org.larco.protocol.abci.RequestQuery;
import org.larco.protocol.abci.ResponseCheckTx;
import org.larco.protocol.abci.ResponseCommit;
import org.larco.protocol.abci.ResponseFinalizeBlock;
import org.larco.protocol.abci.ResponseInfo;
import org.larco.protocol.abci.ResponseInitChain;
import org.larco.protocol.abci.ResponsePrepareProposal;
import org.larco.protocol.abci.ResponseProcessProposal;
import org.larco.protocol.abci.ResponseQuery;

/**
 * A small persistent key-value ABCI application for testing the dev chain's block mechanics
 * without the LArCo ledger: a tx is {@code key=value} in UTF-8, each applied tx emits
 * {@code set{key,value}}, each block emits {@code block{height}}, and Commit persists the state
 * with write, fsync and rename. Query path {@code /key/<key>} returns the value.
 */
final class KeyValueApplication implements Application {

    private final Path stateFile;
    private final AtomicInteger initChainCalls = new AtomicInteger();
    private final AtomicInteger finalizeBlockCalls = new AtomicInteger();

    private TreeMap<String, String> committed = new TreeMap<>();
    private long committedHeight;
    private ByteString committedHash = ByteString.EMPTY;
    private TreeMap<String, String> staged;
    private long stagedHeight;
    private ByteString stagedHash;

    KeyValueApplication(Path home) {
        this.stateFile = home.resolve("kv-state");
        try {
            Files.createDirectories(home);
            if (Files.exists(stateFile)) {
                load(Files.readAllLines(stateFile, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int initChainCalls() {
        return initChainCalls.get();
    }

    int finalizeBlockCalls() {
        return finalizeBlockCalls.get();
    }

    @Override
    public synchronized ResponseInfo info(RequestInfo request) {
        return ResponseInfo.newBuilder().setLastBlockHeight(committedHeight).setLastBlockAppHash(committedHash).build();
    }

    @Override
    public synchronized ResponseInitChain initChain(RequestInitChain request) {
        initChainCalls.incrementAndGet();
        committed.put("genesis", request.getAppStateBytes().toStringUtf8());
        committedHash = hash(committed);
        return ResponseInitChain.newBuilder().setAppHash(committedHash).build();
    }

    @Override
    public synchronized ResponseQuery query(RequestQuery request) {
        String key = request.getPath().substring("/key/".length());
        String value = committed.get(key);
        if (value == null) {
            return ResponseQuery.newBuilder().setCode(1).setLog("key " + key + " not found").build();
        }
        return ResponseQuery.newBuilder().setValue(ByteString.copyFromUtf8(value)).setHeight(committedHeight).build();
    }

    @Override
    public synchronized ResponseCheckTx checkTx(RequestCheckTx request) {
        if (parse(request.getTx()) == null) {
            return ResponseCheckTx.newBuilder().setCode(1).setLog("tx is not key=value").build();
        }
        return ResponseCheckTx.getDefaultInstance();
    }

    @Override
    public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
        return ResponsePrepareProposal.newBuilder().addAllTxs(request.getTxsList()).build();
    }

    @Override
    public ResponseProcessProposal processProposal(RequestProcessProposal request) {
        return ResponseProcessProposal.newBuilder().setStatus(ResponseProcessProposal.ProposalStatus.ACCEPT).build();
    }

    @Override
    public synchronized ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
        finalizeBlockCalls.incrementAndGet();
        staged = new TreeMap<>(committed);
        ResponseFinalizeBlock.Builder response = ResponseFinalizeBlock.newBuilder()
                .addEvents(event("block", "height", Long.toString(request.getHeight())));
        for (ByteString tx : request.getTxsList()) {
            String[] pair = parse(tx);
            if (pair == null) {
                response.addTxResults(ExecTxResult.newBuilder().setCode(1).setLog("tx is not key=value"));
                continue;
            }
            staged.put(pair[0], pair[1]);
            response.addTxResults(ExecTxResult.newBuilder().addEvents(event("set", "key", pair[0], "value", pair[1])));
        }
        stagedHeight = request.getHeight();
        stagedHash = hash(staged);
        return response.setAppHash(stagedHash).build();
    }

    @Override
    public synchronized ResponseCommit commit() {
        List<String> lines = new ArrayList<>();
        lines.add(Long.toString(stagedHeight));
        staged.forEach((key, value) -> lines.add(key + "=" + value));
        try {
            Path temp = stateFile.resolveSibling("kv-state.tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        committed = staged;
        committedHeight = stagedHeight;
        committedHash = stagedHash;
        return ResponseCommit.getDefaultInstance();
    }

    private void load(List<String> lines) {
        committedHeight = Long.parseLong(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            int split = line.indexOf('=');
            committed.put(line.substring(0, split), line.substring(split + 1));
        }
        committedHash = hash(committed);
    }

    private static String[] parse(ByteString tx) {
        String text = tx.toStringUtf8();
        int split = text.indexOf('=');
        if (split < 1 || !tx.isValidUtf8()) {
            return null;
        }
        return new String[] {text.substring(0, split), text.substring(split + 1)};
    }

    private static Event event(String type, String... keyValues) {
        Event.Builder event = Event.newBuilder().setType(type);
        for (int i = 0; i < keyValues.length; i += 2) {
            event.addAttributes(EventAttribute.newBuilder().setKey(keyValues[i]).setValue(keyValues[i + 1])
                    .setIndex(true));
        }
        return event.build();
    }

    private static ByteString hash(Map<String, String> state) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            state.forEach((key, value) -> digest.update((key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            return ByteString.copyFrom(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
