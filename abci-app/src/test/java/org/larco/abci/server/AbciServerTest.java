package org.larco.abci.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.LarcoApplication;
import org.larco.abci.ResultCodes;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.abci.Request;
import org.larco.protocol.abci.RequestCheckTx;
import org.larco.protocol.abci.RequestEcho;
import org.larco.protocol.abci.RequestFlush;
import org.larco.protocol.abci.RequestInfo;
import org.larco.protocol.abci.RequestInitChain;
import org.larco.protocol.abci.RequestProcessProposal;
import org.larco.protocol.abci.RequestQuery;
import org.larco.protocol.abci.Response;
import org.larco.protocol.abci.ResponseProcessProposal;

/** The socket server: framing, ordering, Flush, and what it does with bad input. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AbciServerTest {

    private static final int MAX_FRAME_BYTES = 64 * 1024;

    @TempDir
    Path home;

    private Vertx vertx;
    private AbciServer server;

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        LarcoApplication app = LarcoApplication.open(home);
        app.initChain(RequestInitChain.newBuilder().setChainId("server-test").setInitialHeight(1)
                .setAppStateBytes(ByteString.copyFromUtf8(new GenesisBuilder().members(TestKeys.keys(2)).experiment("e").json()))
                .build());
        server = AbciServer.start(vertx, app, "127.0.0.1", 0, MAX_FRAME_BYTES)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void pipelinedRequestsAnsweredInOrder() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 50; i++) {
                echo("m" + i).writeDelimitedTo(out);
            }
            Request.newBuilder().setFlush(RequestFlush.getDefaultInstance()).build().writeDelimitedTo(out);
            out.flush();

            InputStream in = socket.getInputStream();
            for (int i = 0; i < 50; i++) {
                assertEquals("m" + i, Response.parseDelimitedFrom(in).getEcho().getMessage());
            }
            assertTrue(Response.parseDelimitedFrom(in).hasFlush());
        }
    }

    @Test
    void badTxGetsCodeNotException() throws IOException {
        try (Socket socket = connect()) {
            Request.newBuilder().setCheckTx(RequestCheckTx.newBuilder().setTx(ByteString.copyFromUtf8("not a tx")))
                    .build().writeDelimitedTo(socket.getOutputStream());

            Response response = Response.parseDelimitedFrom(socket.getInputStream());

            assertEquals(ResultCodes.MALFORMED_TX, response.getCheckTx().getCode());
            assertTrue(response.getCheckTx().getLog().contains("malformed"), response.getCheckTx().getLog());
        }
    }

    @Test
    void processProposalRejectsGarbageBlock() throws IOException {
        try (Socket socket = connect()) {
            Request.newBuilder().setProcessProposal(RequestProcessProposal.newBuilder().setHeight(1)
                    .addTxs(ByteString.copyFromUtf8("garbage"))).build().writeDelimitedTo(socket.getOutputStream());

            Response response = Response.parseDelimitedFrom(socket.getInputStream());

            assertEquals(ResponseProcessProposal.ProposalStatus.REJECT, response.getProcessProposal().getStatus());
        }
    }

    @Test
    void unknownQueryPathGetsCode() throws IOException {
        try (Socket socket = connect()) {
            Request.newBuilder().setQuery(RequestQuery.newBuilder().setPath("/nope")).build()
                    .writeDelimitedTo(socket.getOutputStream());

            Response response = Response.parseDelimitedFrom(socket.getInputStream());

            assertEquals(ResultCodes.QUERY_UNKNOWN_PATH, response.getQuery().getCode());
        }
    }

    @Test
    void randomBytesCloseOnlyThatConnection() throws IOException {
        byte[] garbage = new byte[256];
        new Random(5).nextBytes(garbage);
        garbage[0] = 0x20;
        try (Socket socket = connect()) {
            socket.getOutputStream().write(garbage);
            socket.getOutputStream().flush();

            assertEquals(-1, socket.getInputStream().read(), "the server closes a connection that sends a bad frame");
        }
        assertServerAnswers();
    }

    @Test
    void oversizedFrameClosesConnection() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            writeVarint(out, MAX_FRAME_BYTES + 1);
            out.write(new byte[1024]);
            out.flush();

            assertEquals(-1, socket.getInputStream().read());
        }
        assertServerAnswers();
    }

    @Test
    void truncatedFrameLeavesServerRunning() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            writeVarint(out, 500);
            out.write(new byte[100]);
            out.flush();
        }
        assertServerAnswers();
    }

    @Test
    void emptyFrameClosesConnection() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(0);
            socket.getOutputStream().flush();

            assertEquals(-1, socket.getInputStream().read());
        }
        assertServerAnswers();
    }

    @Test
    void infoReportsHeightZeroBeforeFirstCommit() throws IOException {
        try (Socket socket = connect()) {
            Request.newBuilder().setInfo(RequestInfo.newBuilder().setAbciVersion("2.0.0")).build()
                    .writeDelimitedTo(socket.getOutputStream());

            Response response = Response.parseDelimitedFrom(socket.getInputStream());

            assertEquals(0, response.getInfo().getLastBlockHeight());
        }
    }

    private void assertServerAnswers() throws IOException {
        try (Socket socket = connect()) {
            echo("still here").writeDelimitedTo(socket.getOutputStream());
            assertEquals("still here", Response.parseDelimitedFrom(socket.getInputStream()).getEcho().getMessage());
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static Request echo(String message) {
        return Request.newBuilder().setEcho(RequestEcho.newBuilder().setMessage(message)).build();
    }

    private static void writeVarint(OutputStream out, long value) throws IOException {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
