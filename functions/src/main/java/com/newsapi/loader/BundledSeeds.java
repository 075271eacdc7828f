package com.newsapi.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seed pages packaged with the function under {@code seeds/} on the class path (a folder in the
 * deployment package, or a jar entry when run from a jar), in file-name order. Files are read one at
 * a time as the loader asks for them.
 */
public final class BundledSeeds {

    static final String FOLDER = "seeds";

    private BundledSeeds() {
    }

    public static Iterable<SeedFile> fromClassPath() {
        URL folder = BundledSeeds.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            throw new IllegalStateException("No '" + FOLDER + "' folder on the class path: the seeds were not packaged");
        }
        try {
            if ("jar".equals(folder.getProtocol())) {
                return fromFolder(jarFileSystem(folder).getPath(FOLDER));
            }
            return fromFolder(Path.of(folder.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileSystem jarFileSystem(URL folder) throws IOException, URISyntaxException {
        try {
            return FileSystems.newFileSystem(folder.toURI(), Map.of());
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(folder.toURI());
        }
    }

    /** Every {@code .txt} file of a folder, by name. */
    public static Iterable<SeedFile> fromFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> String.valueOf(path.getFileName()).endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return () -> new Iterator<>() {
            private final Iterator<Path> next = files.iterator();

            @Override
            public boolean hasNext() {
                return next.hasNext();
            }

            @Override
            public SeedFile next() {
                Path file = next.next();
                try (InputStream in = Files.newInputStream(file)) {
                    return new SeedFile(String.valueOf(file.getFileName()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
