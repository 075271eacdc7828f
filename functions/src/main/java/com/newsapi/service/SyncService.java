package com.newsapi.service;

import com.newsapi.error.SyncTokenExpired;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Page;
import com.newsapi.model.SyncEntry;
import com.newsapi.model.SyncPosition;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Change;
import com.newsapi.store.Tombstone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delta sync for offline-first clients: a full pass over the feed, then passes over the change log
 * with only what changed, deletions and unpublishings as tombstones. A filtered sync (tag, author)
 * also sends a tombstone for an article that changed and no longer answers the filter, when the
 * client may hold it (its feed instant is not after what the client has seen). A client applies a
 * tombstone for an id it does not hold as a no-op: tombstones of deletions are sent whether or not
 * the client could hold the article, since a rescheduled article's feed instant is no proof.
 */
public final class SyncService {

    /** How far a pass reaches back behind the previous one: longer than any write takes to commit and index. */
    static final Duration SETTLE = Duration.ofSeconds(60);

    private final ArticleStore store;
    private final Clock clock;

    public SyncService(ArticleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A page, and either where the pass goes on ({@code more}) or, on its last page, where the next pass starts. */
    public record SyncPage(List<SyncEntry> entries, SyncPosition next, boolean more) {
    }

    /** Where a first, full sync starts: now. */
    public SyncPosition start() {
        return new SyncPosition(false, now(), Instant.EPOCH, Instant.EPOCH, Optional.empty());
    }

    /**
     * The next page of a sync with this filter (only its tag and author count).
     *
     * @throws SyncTokenExpired a new pass would start before the tombstone retention
     */
    public SyncPage page(ArticleQuery filter, SyncPosition at, int limit) {
        SyncPosition pass = at;
        if (at.delta() && at.position().isEmpty()) {
            // A new delta pass: it reads up to now.
            Instant now = now();
            if (at.since().isBefore(now.minus(Tombstone.RETENTION))) {
                throw new SyncTokenExpired(Tombstone.RETENTION.toDays());
            }
            pass = new SyncPosition(true, now, at.since(), at.seenUpTo(), Optional.empty());
        }
        return pass.delta() ? deltaPage(filter, pass, limit) : fullPage(filter, pass, limit);
    }

    private SyncPage fullPage(ArticleQuery filter, SyncPosition pass, int limit) {
        Page<Article> page = ResponseBudget.fit(store.find(filter, pass.position(), limit, pass.passStart()), true,
                pass.passStart());
        return finish(pass, page.items().stream().map(SyncEntry::upsert).toList(), page.next());
    }

    private SyncPage deltaPage(ArticleQuery filter, SyncPosition pass, int limit) {
        List<SyncEntry> entries = new ArrayList<>();
        Optional<FeedKey> position = pass.position();
        int examined = 0;
        ResponseBudget budget = new ResponseBudget(true);
        boolean exhausted = false;
        while (!exhausted && entries.size() < limit && examined < ArticleStore.MAX_EXAMINED && !budget.exhausted()) {
            Page<Change> changes = store.changes(pass.since(), position, pass.passStart(),
                    Math.min(limit - entries.size(), ArticleStore.MAX_EXAMINED - examined));
            int processed = 0;
            for (Change change : changes.items()) {
                processed++;
                examined++;
                position = Optional.of(change.key());
                Optional<SyncEntry> entry = entryFor(change, filter, pass);
                if (entry.isPresent()) {
                    entries.add(entry.get());
                    boolean fits = entry.get().article().map(budget::add).orElseGet(budget::addTombstone);
                    if (!fits) {
                        break;
                    }
                }
            }
            exhausted = processed == changes.items().size() && changes.next().isEmpty();
        }
        return finish(pass, entries, exhausted ? Optional.empty() : position);
    }

    /** What a change means to a client holding this filter's articles as of {@code pass.seenUpTo()}. */
    private static Optional<SyncEntry> entryFor(Change change, ArticleQuery filter, SyncPosition pass) {
        if (change.article().isPresent()) {
            Article article = change.article().get();
            if (filter.matches(article)) {
                return Optional.of(SyncEntry.upsert(article.asSeenAt(pass.passStart())));
            }
            return mayHold(article.feedInstant(), pass)
                    ? Optional.of(SyncEntry.tombstone(article.id(), article.updatedAt()))
                    : Optional.empty();
        }
        Tombstone tombstone = change.tombstone().orElseThrow();
        return Optional.of(SyncEntry.tombstone(tombstone.id(), tombstone.at()));
    }

    private static boolean mayHold(Instant feedInstant, SyncPosition pass) {
        return !feedInstant.isAfter(pass.seenUpTo());
    }

    private static SyncPage finish(SyncPosition pass, List<SyncEntry> entries, Optional<FeedKey> next) {
        if (next.isPresent()) {
            return new SyncPage(entries, new SyncPosition(pass.delta(), pass.passStart(), pass.since(), pass.seenUpTo(), next), true);
        }
        return new SyncPage(entries, pass.nextPass(SETTLE), false);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
