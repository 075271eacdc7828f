package com.newsapi.bench;

import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedFile;
import com.newsapi.seed.ParsedArticle;
import com.newsapi.seed.ParsedPage;
import com.newsapi.seed.SeedPageParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Seed-like pages made on demand from the shapes of the real seed pages: page {@code i} is real page
 * {@code i mod n} with every headline on it (its story's and each "More News" teaser's) prefixed
 * "No. i: ", so every story gets a new id and slug while the text, sizes and structure stay those of
 * the real page. The number leads because slugs are cut at 80 characters: at the end it would be cut
 * off long titles, and their slugs would collide. Lazy: an iteration holds the few real pages and the
 * page it is on, nothing more. The scale benchmark needs more varied articles (authors, tags, words,
 * lengths): {@link NewsPages} makes pages of the same format from scratch.
 */
public final class SeedPages {

    private record Shape(String name, List<String> lines, Set<String> headlines, int stories) {
    }

    private final List<Shape> shapes;

    private SeedPages(List<Shape> shapes) {
        this.shapes = shapes;
    }

    /** The shapes of every seed page in {@code folder} (as the loader would read them). */
    public static SeedPages from(Path folder) {
        List<Shape> shapes = new ArrayList<>();
        for (SeedFile seed : BundledSeeds.fromFolder(folder)) {
            ParsedPage page = SeedPageParser.parse(seed.text());
            Set<String> headlines = new HashSet<>();
            headlines.add(page.article().title());
            page.excerpts().forEach(teaser -> headlines.add(teaser.title()));
            shapes.add(new Shape(seed.name(), List.of(seed.text().split("\\R", -1)), headlines, 1 + page.excerpts().size()));
        }
        if (shapes.isEmpty()) {
            throw new IllegalStateException("no seed pages in " + folder);
        }
        SeedPages pages = new SeedPages(shapes);
        pages.checkNumbering();
        return pages;
    }

    /** How many stories (story plus teasers) page {@code index} holds, each a new article for the loader. */
    public int storiesOn(int index) {
        return shapes.get(index % shapes.size()).stories();
    }

    /** The first pages whose stories add up to at least {@code articles}: how many pages that is. */
    public int pagesFor(int articles) {
        int pages = 0;
        for (int stories = 0; stories < articles; pages++) {
            stories += storiesOn(pages);
        }
        return pages;
    }

    /** Pages {@code 0 … count-1}, each made when the iteration reaches it. */
    public Iterable<SeedFile> pages(int count) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public SeedFile next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return page(next++);
            }
        };
    }

    /** Page {@code index}: its real page's text with each headline line numbered. */
    public SeedFile page(int index) {
        Shape shape = shapes.get(index % shapes.size());
        StringBuilder text = new StringBuilder(8192);
        for (String line : shape.lines()) {
            String headline = normalise(line);
            text.append(shape.headlines().contains(headline) ? "No. " + index + ": " + headline : line).append('\n');
        }
        return new SeedFile(String.format("gen_%06d_%s", index, shape.name()), text.toString());
    }

    /** As the parser reads a line: odd spaces made plain, control characters dropped, runs collapsed, trimmed. */
    private static String normalise(String line) {
        return line.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ')
                .replaceAll("[\\p{Cntrl}&&[^\\t]]", "").replaceAll("[ \\t]+", " ").strip();
    }

    /** Fails unless every story of a page of each shape comes out of the parser numbered (so with a new id). */
    private void checkNumbering() {
        for (int index = 0; index < shapes.size(); index++) {
            ParsedPage parsed = SeedPageParser.parse(page(index).text());
            List<String> titles = new ArrayList<>();
            titles.add(parsed.article().title());
            parsed.excerpts().stream().map(ParsedArticle::title).forEach(titles::add);
            String prefix = "No. " + index + ": ";
            if (titles.size() != storiesOn(index) || !titles.stream().allMatch(title -> title.startsWith(prefix))) {
                throw new IllegalStateException("generated page " + index + " has stories not numbered: " + titles);
            }
        }
    }
}
