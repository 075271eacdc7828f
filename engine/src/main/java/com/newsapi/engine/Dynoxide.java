package com.newsapi.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The pinned Dynoxide binary (crate {@code dynoxide-rs}, MIT OR Apache-2.0): where it lives and,
 * on first use on a machine, its installation with {@code cargo install --locked}. Installs go to
 * {@code $DYNOXIDE_HOME}, else {@code $XDG_CACHE_HOME/news-api/dynoxide-VERSION}, else
 * {@code ~/.cache/news-api/dynoxide-VERSION}: once per machine, shared by every clone.
 */
public final class Dynoxide {

    public static final String VERSION = "3.2.0";
    static final String CRATE = "dynoxide-rs";
    /** The engine and its HTTP server only: no TLS, no MCP server, SQLite compiled in. */
    static final String FEATURES = "native-sqlite,http-server,cli";

    private Dynoxide() {
    }

    /** The binary, installed first if this machine has none. */
    public static Path binary() {
        return binary(installRoot(System.getenv()));
    }

    static Path binary(Path root) {
        Path binary = root.resolve("bin").resolve("dynoxide");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        try {
            Files.createDirectories(root.getParent());
            // Another build or test JVM may be installing at the same time: one installs, the others wait.
            try (FileChannel lockFile = FileChannel.open(root.resolveSibling(root.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.isExecutable(binary)) {
                    install(root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install Dynoxide into " + root, e);
        }
        return binary;
    }

    static Path installRoot(Map<String, String> environment) {
        String home = environment.get("DYNOXIDE_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String cache = environment.get("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("news-api").resolve("dynoxide-" + VERSION);
    }

    static List<String> installCommand(Path root) {
        return List.of("cargo", "install", "--locked", CRATE + "@" + VERSION, "--root", root.toString(),
                "--no-default-features", "--features", FEATURES);
    }

    private static void install(Path root) throws IOException {
        List<String> command = installCommand(root);
        log("Dynoxide " + VERSION + " (the local DynamoDB engine) is not installed; building it once for this machine "
                + "(about 6 minutes on 2 cores): " + String.join(" ", command));
        Process cargo;
        try {
            cargo = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cargo is needed to build Dynoxide once (install Rust with rustup), or set "
                    + "DYNAMODB_ENDPOINT to an engine you run yourself", e);
        }
        try (BufferedReader output = new BufferedReader(new InputStreamReader(cargo.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = output.readLine()) != null; ) {
                log("cargo: " + line.strip());
            }
        }
        try {
            int exit = cargo.waitFor();
            if (exit != 0) {
                throw new IOException("cargo install exited with " + exit + " (its output is above)");
            }
        } catch (InterruptedException e) {
            cargo.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing Dynoxide", e);
        }
        log("Dynoxide " + VERSION + " installed in " + root);
    }

    private static void log(String line) {
        System.err.println("[dynoxide] " + line);
    }

    /** Installs if needed and prints the binary's path (`make engine`). */
    public static void main(String[] args) {
        System.out.println(binary());
    }
}
