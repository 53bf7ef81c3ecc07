package org.larco.abci.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.testing.FreePorts;
import org.larco.protocol.abci.Request;
import org.larco.protocol.abci.RequestEcho;
import org.larco.protocol.abci.Response;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AbciCommandTest {

    @TempDir
    Path dir;

    @Test
    void abciServesUntilSigterm() throws Exception {
        int port = FreePorts.next();
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AbciMain.class.getName(), "abci", "--home", dir.resolve("home").toString(),
                "--listen", "tcp://127.0.0.1:" + port))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("abci.log").toFile())
                .start();
        try {
            String echoed = echoWhenUp(port, "ping");
            process.destroy();
            boolean exited = process.waitFor(20, TimeUnit.SECONDS);

            assertEquals("ping", echoed);
            assertTrue(exited, "larco abci did not stop within 20 s of SIGTERM");
            assertEquals(143, process.exitValue(), "exit status after SIGTERM");
            assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void listenRejectsUnixSocket() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ListenAddress.parse("unix:///tmp/abci.sock"));

        assertTrue(error.getMessage().contains("tcp://"), error.getMessage());
    }

    private static String echoWhenUp(int port, String message) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Request.newBuilder().setEcho(RequestEcho.newBuilder().setMessage(message)).build()
                        .writeDelimitedTo(socket.getOutputStream());
                return Response.parseDelimitedFrom(socket.getInputStream()).getEcho().getMessage();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
