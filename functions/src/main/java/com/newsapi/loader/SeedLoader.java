package com.newsapi.loader;

import com.newsapi.digest.Sha256;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Block;
import com.newsapi.model.Source;
import com.newsapi.observe.Telemetry;
import com.newsapi.seed.ParsedArticle;
import com.newsapi.seed.ParsedPage;
import com.newsapi.seed.SeedPageParser;
import com.newsapi.model.ArticleIds;
import com.newsapi.model.FeedKey;
import com.newsapi.store.SeedWrites;
import com.newsapi.store.StoredVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Turns seed pages into stored articles, one page at a time (memory stays flat however many pages).
 *
 * <p>Idempotent: ids are derived from the story's title, so a rerun, or a run after a crash half-way,
 * finds what is already there. An article whose stored content hash equals the new one is left as it
 * is; a changed seed, or one whose feed position the rules now put elsewhere, is rewritten with its
 * version raised and its createdAt kept. A teaser never
 * replaces the full story of the same title, and an article an editor has changed is never
 * overwritten (its hash no longer starts with {@link #SEED_HASH_PREFIX}).
 */
public final class SeedLoader {

    static final String SEED_HASH_PREFIX = "seed:";

    private final SeedWrites writes;
    private final Clock clock;
    private final LongSupplier retries;

    public SeedLoader(SeedWrites writes, Clock clock) {
        this(writes, clock, null);
    }

    /**
     * @param retries how many batch retries its writes have made so far (a counting {@link com.newsapi.store.Backoff}),
     *                logged per page; null when not counted
     */
    public SeedLoader(SeedWrites writes, Clock clock, LongSupplier retries) {
        this.writes = writes;
        this.clock = clock;
        this.retries = retries;
    }

    /** What a run did: stories and excerpts found in the pages, and how many items it (re)wrote. */
    public record Result(int pages, int articles, int excerpts, int written, int unchanged) {
    }

    public Result load(Iterable<SeedFile> files) {
        int pages = 0;
        int articles = 0;
        int excerpts = 0;
        int written = 0;
        int unchanged = 0;
        for (SeedFile file : files) {
            ParsedPage page = SeedPageParser.parse(file.text());
            pages++;
            articles++;
            excerpts += page.excerpts().size();
            List<ParsedArticle> stories = new ArrayList<>();
            stories.add(page.article());
            stories.addAll(page.excerpts());
            long retriesBefore = retries == null ? 0 : retries.getAsLong();
            int changed = write(file.name(), stories);
            written += changed;
            unchanged += stories.size() - changed;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("page", file.name());
            fields.put("pages", pages);
            fields.put("stories", stories.size());
            fields.put("written", changed);
            fields.put("unchanged", stories.size() - changed);
            fields.put("retries", retries == null ? null : retries.getAsLong() - retriesBefore);
            Telemetry.current().info("seed page loaded", fields);
        }
        return new Result(pages, articles, excerpts, written, unchanged);
    }

    /** Writes the stories of one page that are new or changed; returns how many. */
    private int write(String fileName, List<ParsedArticle> stories) {
        Map<String, ParsedArticle> byId = new LinkedHashMap<>();
        for (ParsedArticle story : stories) {
            byId.putIfAbsent(idOf(story), story);
        }
        Map<String, StoredVersion> stored = writes.storedVersions(byId.keySet());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Article> toWrite = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        for (var entry : byId.entrySet()) {
            String id = entry.getKey();
            ParsedArticle story = entry.getValue();
            StoredVersion existing = stored.get(id);
            if (existing != null && (!existing.contentHash().startsWith(SEED_HASH_PREFIX)
                    || (story.excerpt() && !isExcerptHash(existing.contentHash())))) {
                continue; // an editor's article, or the full story a teaser of the same title stands for
            }
            ParsedArticle dated = existing == null || !story.excerpt() ? story : earliest(story, existing.publishedAt());
            String hash = contentHash(dated);
            Article article = toArticle(id, fileName, dated,
                    existing == null ? 1 : existing.version() + 1,
                    existing == null ? now : existing.createdAt(),
                    now);
            // Unchanged content in its right place is left alone; a rule that moves it (as the feed order
            // once did for undated articles) makes the next run rewrite it there.
            if (existing != null && existing.contentHash().equals(hash) && FeedKey.of(article).equals(existing.feedKey())) {
                continue;
            }
            hashes.put(id, hash);
            toWrite.add(article);
        }
        List<Article> withSlugs = assignSlugs(toWrite);
        return writes.putAll(withSlugs, hashes, stored);
    }

    /**
     * A teaser seen on several pages is dated by the earliest of them: each page shows it by its own
     * date, so the earliest is the closest bound on when the story appeared. Keeps reruns stable
     * whatever the order of the pages.
     */
    private static ParsedArticle earliest(ParsedArticle teaser, Instant storedDate) {
        if (storedDate == null || teaser.publishedAt() != null && !storedDate.isBefore(teaser.publishedAt())) {
            return teaser;
        }
        return new ParsedArticle(teaser.title(), teaser.summary(), teaser.body(), storedDate, teaser.author(),
                teaser.siteName(), teaser.excerpt());
    }

    /** The same story on several pages (a teaser shown everywhere) is one article. */
    static String idOf(ParsedArticle story) {
        return ArticleIds.deterministicId("story", story.title().strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Gives each article its title's slug, or that slug with a number where another article holds
     * it. Owners are read in batches: the page's slugs at once, then suffixes ten at a time.
     */
    private List<Article> assignSlugs(List<Article> articles) {
        Map<String, String> claimedHere = new HashMap<>();
        Map<String, Optional<String>> owners = new HashMap<>();
        lookUp(articles.stream().map(Article::slug).toList(), owners);
        List<Article> result = new ArrayList<>(articles.size());
        for (Article article : articles) {
            String base = article.slug();
            for (int suffix = 1; ; suffix++) {
                String candidate = suffix == 1 ? base : base + "-" + suffix;
                if (!claimedHere.containsKey(candidate) && !owners.containsKey(candidate)) {
                    List<String> next = new ArrayList<>();
                    for (int ahead = suffix; ahead < suffix + SUFFIXES_PER_LOOKUP; ahead++) {
                        next.add(base + "-" + ahead);
                    }
                    lookUp(next, owners);
                }
                String owner = claimedHere.containsKey(candidate) ? claimedHere.get(candidate) : owners.get(candidate).orElse(null);
                if (owner == null || owner.equals(article.id())) {
                    claimedHere.put(candidate, article.id());
                    result.add(article.withSlug(candidate));
                    break;
                }
            }
        }
        return result;
    }

    private static final int SUFFIXES_PER_LOOKUP = 10;

    /** Records who holds each of these slugs, and that the others are free. */
    private void lookUp(List<String> slugs, Map<String, Optional<String>> owners) {
        Map<String, String> found = writes.slugOwners(slugs);
        for (String slug : slugs) {
            owners.put(slug, Optional.ofNullable(found.get(slug)));
        }
    }

    private static Article toArticle(String id, String fileName, ParsedArticle story, long version,
                                     Instant createdAt, Instant updatedAt) {
        return new Article(id, ArticleIds.slugOf(story.title()), story.title(), story.summary(), story.body(),
                story.author(), new Source(fileName, story.siteName()), story.publishedAt(), List.of(),
                ArticleStatus.PUBLISHED, story.excerpt(), version, createdAt, updatedAt, Block.wordCount(story.body()));
    }

    private static boolean isExcerptHash(String hash) {
        return hash.startsWith(SEED_HASH_PREFIX + "excerpt:");
    }

    /**
     * A digest of the story's content (not of the file it came from: a teaser shown on several pages
     * is one unchanged article); equal digests mean nothing to rewrite.
     */
    static String contentHash(ParsedArticle story) {
        StringBuilder canonical = new StringBuilder()
                .append(story.title()).append('\u0000')
                .append(story.summary()).append('\u0000')
                .append(story.publishedAt()).append('\u0000')
                .append(story.author()).append('\u0000')
                .append(story.siteName()).append('\u0000');
        for (Block block : story.body()) {
            canonical.append(block.type()).append(':').append(block.text()).append('\u0000');
        }
        return SEED_HASH_PREFIX + (story.excerpt() ? "excerpt:" : "story:") + Sha256.hex(canonical.toString());
    }
}
