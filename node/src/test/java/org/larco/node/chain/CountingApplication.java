package org.larco.node.chain;

import java.util.concurrent.atomic.AtomicInteger;
import org.larco.abci.Application;
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

/** Passes every call to another application and counts InitChain and FinalizeBlock calls. */
final class CountingApplication implements Application {

    private final Application delegate;
    private final AtomicInteger initChainCalls = new AtomicInteger();
    private final AtomicInteger finalizeBlockCalls = new AtomicInteger();

    CountingApplication(Application delegate) {
        this.delegate = delegate;
    }

    int initChainCalls() {
        return initChainCalls.get();
    }

    int finalizeBlockCalls() {
        return finalizeBlockCalls.get();
    }

    @Override
    public ResponseInfo info(RequestInfo request) {
        return delegate.info(request);
    }

    @Override
    public ResponseInitChain initChain(RequestInitChain request) {
        initChainCalls.incrementAndGet();
        return delegate.initChain(request);
    }

    @Override
    public ResponseQuery query(RequestQuery request) {
        return delegate.query(request);
    }

    @Override
    public ResponseCheckTx checkTx(RequestCheckTx request) {
        return delegate.checkTx(request);
    }

    @Override
    public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
        return delegate.prepareProposal(request);
    }

    @Override
    public ResponseProcessProposal processProposal(RequestProcessProposal request) {
        return delegate.processProposal(request);
    }

    @Override
    public ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
        finalizeBlockCalls.incrementAndGet();
        return delegate.finalizeBlock(request);
    }

    @Override
    public ResponseCommit commit() {
        return delegate.commit();
    }
}
