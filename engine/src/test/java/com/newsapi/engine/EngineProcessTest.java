package com.newsapi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine runs as a child process that lives exactly as long as its owner wants it, or its owner does. */
class EngineProcessTest {

    @Test
    void anEngine_acceptsConnectionsOnLoopback_untilItIsStopped() {
        EngineProcess engine = EngineProcess.onLoopback();
        int port = engine.port();

        assertThat(accepts(port)).isTrue();
        assertThat(engine.endpoint().toString()).isEqualTo("http://127.0.0.1:" + port);
        engine.close();

        assertThat(accepts(port)).isFalse();
    }

    @Test
    void aKilledEngine_restartsOnTheSamePort() {
        try (EngineProcess engine = EngineProcess.start("127.0.0.1", 0, Optional.empty())) {
            engine.kill();
            assertThat(accepts(engine.port())).isFalse();

            engine.restart();

            assertThat(accepts(engine.port())).isTrue();
        }
    }

    @Test
    void anEngineWhoseOwnerIsKilled_stopsToo() throws Exception {
        Process owner = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OwnerMain.class.getName())).redirectErrorStream(true).start();
        int port;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            port = Integer.parseInt(output.readLine().strip());
            assertThat(accepts(port)).isTrue();

            owner.destroyForcibly(); // SIGKILL: no shutdown hook runs
            owner.waitFor(10, TimeUnit.SECONDS);

            assertThat(stopsAccepting(port, Duration.ofSeconds(10))).as("the engine on port %d outlived its owner", port).isTrue();
        }
    }

    /** The owner in {@link #anEngineWhoseOwnerIsKilled_stopsToo}: starts an engine, prints its port, waits. */
    public static final class OwnerMain {
        public static void main(String[] args) throws InterruptedException {
            System.out.println(EngineProcess.onLoopback().port());
            Thread.currentThread().join();
        }
    }

    private static boolean stopsAccepting(int port, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!accepts(port)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
