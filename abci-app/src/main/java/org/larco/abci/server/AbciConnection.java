package org.larco.abci.server;

import com.google.protobuf.InvalidProtocolBufferException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.larco.protocol.abci.Request;
import org.larco.protocol.abci.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ABCI connection from CometBFT (query, snapshot, mempool or consensus).
 *
 * <p>Frames are decoded on the event loop; the application runs on this connection's own single
 * worker thread, so responses go out in arrival order without blocking the event loop, and a
 * slow FinalizeBlock on the consensus connection never delays a query. Back-pressure: reading
 * pauses while more than {@value #MAX_BACKLOG} requests wait for a response, or while the socket's
 * write queue is full.
 */
final class AbciConnection {

    private static final Logger log = LoggerFactory.getLogger(AbciConnection.class);
    static final int MAX_BACKLOG = 1024;

    private final NetSocket socket;
    private final Context context;
    private final RequestHandler handler;
    private final FrameDecoder decoder;
    private final String id;
    private final ExecutorService worker;
    private final Runnable onClosed;
    /** Requests read but without a response yet. Only the event loop touches it. */
    private int backlog;
    private boolean paused;
    private boolean closed;

    AbciConnection(NetSocket socket, Context context, RequestHandler handler, int maxFrameBytes, String id,
            Runnable onClosed) {
        this.socket = socket;
        this.onClosed = onClosed;
        this.context = context;
        this.handler = handler;
        this.decoder = new FrameDecoder(maxFrameBytes);
        this.id = id;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "abci-" + id);
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        socket.handler(this::onData);
        socket.closeHandler(ignored -> onClosed());
        socket.exceptionHandler(e -> log.warn("ABCI connection {} failed: {}", id, e.toString()));
        socket.drainHandler(ignored -> updateFlow());
        log.info("ABCI connection {} opened from {}", id, socket.remoteAddress());
    }

    private void onData(Buffer chunk) {
        if (closed) {
            return;
        }
        try {
            decoder.feed(chunk, this::onFrame);
        } catch (FrameDecoder.FrameException e) {
            if (!closed) {
                log.error("ABCI connection {} sent an invalid frame, closing it: {}", id, e.getMessage());
                close();
            }
        }
    }

    private void onFrame(byte[] frame) {
        if (closed) {
            return;
        }
        Request request;
        try {
            request = Request.parseFrom(frame);
        } catch (InvalidProtocolBufferException e) {
            log.error("ABCI connection {} sent a frame of {} bytes that is not a Request, closing it: {}", id, frame.length,
                    e.getMessage());
            close();
            return;
        }
        if (request.getValueCase() == Request.ValueCase.VALUE_NOT_SET) {
            log.error("ABCI connection {} sent a Request of {} bytes with no known type (not ABCI 2.0?), closing it",
                    id, frame.length);
            close();
            return;
        }
        backlog++;
        updateFlow();
        try {
            worker.execute(() -> answer(request));
        } catch (RejectedExecutionException e) {
            log.debug("ABCI connection {} is closing; dropped a {} request", id, request.getValueCase());
        }
    }

    private void answer(Request request) {
        Response response = handler.handle(request, id);
        Buffer bytes = encode(response);
        context.runOnContext(ignored -> {
            backlog--;
            if (!closed) {
                socket.write(bytes);
            }
            updateFlow();
        });
    }

    private static Buffer encode(Response response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(response.getSerializedSize() + 10);
        try {
            response.writeDelimitedTo(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** Pauses reading while the backlog or the write queue is full; resumes when both drained. */
    private void updateFlow() {
        if (closed) {
            return;
        }
        boolean full = backlog > MAX_BACKLOG || socket.writeQueueFull();
        if (full && !paused) {
            paused = true;
            socket.pause();
        } else if (!full && paused) {
            paused = false;
            socket.resume();
        }
    }

    Future<Void> close() {
        if (!closed) {
            closed = true;
            worker.shutdown();
        }
        return socket.close();
    }

    private void onClosed() {
        closed = true;
        worker.shutdown();
        if (decoder.bufferedBytes() > 0) {
            log.warn("ABCI connection {} closed with {} bytes of an incomplete frame", id, decoder.bufferedBytes());
        }
        log.info("ABCI connection {} closed", id);
        onClosed.run();
    }

    /** Blocks until the request in progress, if any, has its response. Call it from a worker thread, never the event loop. */
    void awaitIdle(long timeoutMs) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
            log.warn("ABCI connection {} still busy after {} ms at shutdown", id, timeoutMs);
        }
    }
}
