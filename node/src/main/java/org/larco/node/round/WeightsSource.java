package org.larco.node.round;

import io.vertx.core.Future;
import java.util.List;
import org.larco.node.store.BlobFetcher;
import org.larco.node.store.BlobStore;
import org.larco.node.weights.Weights;

/**
 * Loads weights by hash from the local blob store, fetching them from members' blob servers when
 * missing. The fetcher checks size and hash before anything is stored.
 */
public final class WeightsSource {

    private final BlobStore store;
    private final BlobFetcher fetcher;
    private final LearnerWorker worker;

    public WeightsSource(BlobStore store, BlobFetcher fetcher, LearnerWorker worker) {
        this.store = store;
        this.fetcher = fetcher;
        this.worker = worker;
    }

    /**
     * Returns the decoded weights for {@code hashHex}; {@code expectedSize} 0 means unknown.
     * Fails with a message that names the endpoints tried, or why the blob does not decode.
     */
    public Future<Weights> load(String hashHex, long expectedSize, List<String> endpoints) {
        // The fetcher reads the local store first, off the event loop; with no endpoints it reads only that.
        return fetcher.fetch(hashHex, expectedSize, endpoints).compose(bytes -> worker.run(() -> Weights.fromBlob(bytes)));
    }

    public String save(Weights weights) {
        return store.put(weights.blob());
    }
}
