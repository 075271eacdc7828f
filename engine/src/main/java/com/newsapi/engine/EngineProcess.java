package com.newsapi.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Dynoxide server as a child process of this JVM: on a free port (or the one asked for), in
 * memory or on a database file, its output kept in a log file for diagnosis, and stopped with its
 * owner (by {@link #close()}, or by a shutdown hook if the JVM exits first).
 */
public final class EngineProcess implements DynamoEngine {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    /**
     * $0 is the engine's binary. The shell ends when the engine does; a reader of its input (kept
     * as fd 3, since a background job's own input is /dev/null) stops the engine as the line it
     * reads says, or gently at end of input.
     */
    private static final String WATCHDOG = "exec 3<&0; \"$0\" \"$@\" </dev/null 3<&- & engine=$!; "
            + "( read how <&3; if [ \"$how\" = kill ]; then kill -KILL $engine; else kill $engine; fi ) </dev/null & "
            + "wait $engine";

    private final Path binary;
    private final String host;
    private final int port;
    private final Optional<Path> databaseFile;
    private final Path log;
    private final Thread stopOnExit = new Thread(this::stop, "dynoxide-stop");
    private Process process;

    private EngineProcess(Path binary, String host, int port, Optional<Path> databaseFile, Path log) {
        this.binary = binary;
        this.host = host;
        this.port = port;
        this.databaseFile = databaseFile;
        this.log = log;
    }

    /**
     * Starts the engine on {@code host} (an address of this machine: loopback, or a bridge that
     * containers reach; never every interface) and {@code port} (0: a free one), keeping its data
     * in memory or, with {@code databaseFile}, in that file across restarts.
     */
    public static EngineProcess start(String host, int port, Optional<Path> databaseFile) {
        try {
            Path log = Files.createTempFile("dynoxide-", ".log");
            Path binary = Dynoxide.binary();
            // A free port can be taken between our probe and the engine's bind: try another.
            for (int attempt = 1; ; attempt++) {
                EngineProcess engine = new EngineProcess(binary, host, port == 0 ? freePort(host) : port, databaseFile, log);
                try {
                    engine.launch();
                    Runtime.getRuntime().addShutdownHook(engine.stopOnExit);
                    return engine;
                } catch (IllegalStateException e) {
                    if (port != 0 || attempt == 3) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback engine in memory on a free port. */
    public static EngineProcess onLoopback() {
        return start("127.0.0.1", 0, Optional.empty());
    }

    @Override
    public URI endpoint() {
        return URI.create("http://" + host + ":" + port);
    }

    public int port() {
        return port;
    }

    /** The file the engine's standard output and error go to. */
    public Path log() {
        return log;
    }

    /** Stops the process as a crash would (SIGKILL): nothing is flushed or closed cleanly. */
    public synchronized void kill() {
        if (process != null) {
            halt("kill");
        }
    }

    /** Starts the process again with the same port and database file. */
    public synchronized void restart() {
        if (process != null) {
            throw new IllegalStateException("the engine is still running");
        }
        launch();
    }

    /** Stops the process (SIGTERM; SIGKILL if it has not ended within ten seconds); idempotent. */
    public synchronized void stop() {
        if (process != null) {
            halt("stop");
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the hook is running already
        }
    }

    /**
     * Runs the engine under a small shell watching its standard input, which only this JVM holds:
     * when the JVM ends in any way (even SIGKILL), the input closes and the engine is stopped, so no
     * engine outlives its owner. A line "kill" stops it with SIGKILL instead.
     */
    private synchronized void launch() {
        List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, binary.toString(),
                "--host", host, "--port", Integer.toString(port)));
        databaseFile.ifPresent(file -> command.addAll(List.of("--db-path", file.toString())));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + binary, e);
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                halt("kill");
                throw new IllegalStateException("Dynoxide did not start on " + endpoint() + ": " + String.join(" ", command.subList(3, command.size()))
                        + "\n--- " + log + " ---\n" + tail());
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /** Tells the watchdog how to stop the engine, waits for both, and forces them if they hang. */
    private void halt(String how) {
        List<ProcessHandle> engine = process.descendants().toList();
        try (var input = process.getOutputStream()) {
            input.write((how + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException alreadyGone) {
            // the watchdog has exited: the engine is stopped below if it is still there
        }
        if (!awaitExit(Duration.ofSeconds(10))) {
            process.destroyForcibly();
        }
        engine.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private boolean awaitExit(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, 0));
            return probe.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Dynoxide", e);
        }
    }
}
