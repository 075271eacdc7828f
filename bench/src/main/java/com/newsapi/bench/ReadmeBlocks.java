package com.newsapi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated parts of bench/README.md: each lies between {@code <!-- NAME: begin -->} and
 * {@code <!-- NAME: end -->} on lines of their own, and only the script named there writes it
 * (bench/run.sh one block per section, bench/scale.sh one), so a table cannot drift from what the
 * script printed. The text around the blocks is written by hand.
 */
public final class ReadmeBlocks {

    private ReadmeBlocks() {
    }

    static String begin(String name) {
        return "<!-- " + name + ": begin -->";
    }

    static String end(String name) {
        return "<!-- " + name + ": end -->";
    }

    /** The text between the markers of block {@code name}, without them. */
    static String read(String readme, String name) {
        int[] span = span(readme, name);
        return readme.substring(span[0], span[1]);
    }

    /** {@code readme} with block {@code name}'s text replaced by {@code content}. */
    static String replace(String readme, String name, String content) {
        int[] span = span(readme, name);
        String body = content.strip();
        return readme.substring(0, span[0]) + "\n\n" + body + "\n" + readme.substring(span[1]);
    }

    /** Where the text of block {@code name} starts (after its begin marker's line) and ends (at its end marker). */
    private static int[] span(String readme, String name) {
        String begin = "\n" + begin(name) + "\n";
        String end = "\n" + end(name) + "\n";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        if (from < 0 || to < 0 || to < from || readme.indexOf(begin, from + 1) >= 0 || readme.indexOf(end, to + 1) >= 0) {
            throw new IllegalArgumentException("bench/README.md needs exactly one " + begin(name) + " line, then one "
                    + end(name) + " line");
        }
        return new int[] {from + begin.length() - 1, to};
    }

    /** {@code ReadmeBlocks <readme> <block name> <file>}: writes the file's text into that block of the readme. */
    public static void main(String[] args) throws IOException {
        Path readme = Path.of(args[0]);
        String content = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
        Files.writeString(readme, replace(Files.readString(readme, StandardCharsets.UTF_8), args[1], content), StandardCharsets.UTF_8);
    }
}
