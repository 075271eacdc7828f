package com.newsapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packages' direction, as README's "Packages" table states it: each imports only packages below it. */
class PackageDependenciesTest {

    /** README's table, top to bottom; packages on one row may not import each other. */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("handler"), Set.of("config"), Set.of("http"), Set.of("service"), Set.of("loader"), Set.of("events"),
            Set.of("store"), Set.of("seed"), Set.of("observe"), Set.of("codec"), Set.of("model"),
            Set.of("search", "digest", "error"));

    /** The one import upwards: telemetry's two settings, through the class that imports nothing of the project. */
    private static final Map<String, String> ALLOWED_UPWARDS = Map.of("observe", "com.newsapi.config.Config");

    private static final Path SOURCES = Path.of("src/main/java/com/newsapi");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(com\\.newsapi\\.([a-z]+)\\.[A-Z]\\w*)", Pattern.MULTILINE);

    @Test
    void everyPackage_importsOnlyPackagesBelowIt() throws IOException {
        assertThat(upwardImports(SOURCES)).isEmpty();
    }

    @Test
    void theTable_namesEveryPackage() throws IOException {
        try (Stream<Path> packages = Files.list(SOURCES)) {
            assertThat(packages.filter(Files::isDirectory).map(path -> path.getFileName().toString()))
                    .allSatisfy(name -> assertThat(layer(name)).as(name).isNotNegative());
        }
    }

    @Test
    void anImportUpwards_isReported_andTheOneExceptionIsNot(@TempDir Path sources) throws IOException {
        write(sources, "model/Article.java", "package com.newsapi.model;\n\nimport com.newsapi.store.ArticleStore;\n");
        write(sources, "observe/Telemetry.java", "package com.newsapi.observe;\n\nimport com.newsapi.config.Config;\n");
        write(sources, "observe/Emf.java", "package com.newsapi.observe;\n\nimport com.newsapi.config.Dependencies;\n");
        write(sources, "http/Guard.java", "package com.newsapi.http;\n\nimport com.newsapi.codec.Json;\nimport com.newsapi.http.Requests;\n");

        assertThat(upwardImports(sources)).containsExactlyInAnyOrder(
                "model/Article.java imports com.newsapi.store.ArticleStore",
                "observe/Emf.java imports com.newsapi.config.Dependencies");
    }

    /** Each import of a package above the importing file's own, as "file imports class". */
    private static List<String> upwardImports(Path sources) throws IOException {
        List<String> upwards = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                Path relative = sources.relativize(file);
                String from = relative.getName(0).toString();
                Matcher imported = IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    String to = imported.group(2);
                    boolean allowed = to.equals(from) || layer(to) > layer(from)
                            || imported.group(1).equals(ALLOWED_UPWARDS.get(from));
                    if (!allowed) {
                        upwards.add(relative.toString().replace('\\', '/') + " imports " + imported.group(1));
                    }
                }
            }
        }
        return upwards;
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }
}
