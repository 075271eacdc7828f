package com.newsapi.service;

import com.newsapi.error.ArticleNotFound;
import com.newsapi.error.IdempotencyKeyReused;
import com.newsapi.error.InvalidField;
import com.newsapi.error.RevisionNotFound;
import com.newsapi.error.StoreUnavailable;
import com.newsapi.error.VersionConflict;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleDraft;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Block;
import com.newsapi.model.Revision;
import com.newsapi.model.Source;
import com.newsapi.model.ArticleIds;
import com.newsapi.store.ArticleStore;
import com.newsapi.model.DeskPage;
import com.newsapi.model.DeskPosition;
import com.newsapi.store.IdempotencyKeyTaken;
import com.newsapi.store.IdempotencyRecord;
import com.newsapi.model.RevisionPage;
import com.newsapi.store.SlugTaken;
import com.newsapi.store.StoredArticle;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The write side: editors create, replace, publish, restore and delete articles. Every change of an
 * existing article names the version it was based on; the store's conditional writes make a stale
 * one fail. Each write keeps a revision of the version it makes (see {@link Revision}); the
 * overloads without {@code savedBy} keep it with no editor's name, for callers that have none (the
 * handlers pass the caller's).
 */
public final class EditorService {

    /** How long a retried create with the same Idempotency-Key gets the first answer. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final int SLUG_ATTEMPTS = 50;

    private final ArticleStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public EditorService(ArticleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A create's answer: the article it made, or the first answer to the same request, replayed. */
    public sealed interface Created {
    }

    /** A new article; the handler renders it. */
    public record Made(Article article) implements Created {
    }

    /** A retry with the same Idempotency-Key and body: the first answer, for article {@code articleId}, unchanged. */
    public record Replayed(String articleId, RenderedArticle firstResponse) implements Created {
    }

    /** Creates an article with a fresh id and a unique slug, without an idempotency key, its revision saved by no editor. */
    public Article create(ArticleDraft draft) {
        // Without a key nothing is replayed: the answer is always Made.
        return ((Made) create(draft, Optional.empty(), article -> {
            throw new IllegalStateException("rendered only to keep an answer for an idempotency key");
        }, Optional.empty())).article();
    }

    /**
     * Creates an article with a fresh id and a unique slug, its revision saved by {@code savedBy} (the
     * editor's display name). With an idempotency key, a retry of the same request returns the first
     * answer and creates nothing; the same key with another body is refused.
     *
     * @param render the created article's answer, kept with the key for retries (called only with a key)
     */
    public Created create(ArticleDraft draft, Optional<IdempotencyKey> idempotencyKey, RenderedArticle.Renderer render,
                          Optional<String> savedBy) {
        if (idempotencyKey.isPresent()) {
            Optional<Created> replay = replay(idempotencyKey.get());
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Instant now = now();
        ArticleStatus status = draft.status().orElse(ArticleStatus.DRAFT);
        Instant publishedAt = switch (status) {
            case DRAFT -> null;
            case PUBLISHED -> now;
            case SCHEDULED -> futurePublishAt(draft, now);
        };
        String id = HexFormat.of().formatHex(randomBytes());
        String baseSlug = ArticleIds.slugOf(draft.title());
        for (int attempt = 1; attempt <= SLUG_ATTEMPTS; attempt++) {
            String slug = attempt == 1 ? baseSlug : baseSlug + "-" + attempt;
            if (store.slugOwners(List.of(slug)).containsKey(slug)) {
                continue;
            }
            Article article = build(id, slug, draft, status, publishedAt, 1, now, now);
            Optional<IdempotencyRecord> record = idempotencyKey.map(key -> {
                RenderedArticle response = render.render(article);
                return new IdempotencyRecord(key.scopedKey(), key.requestHash(), id, response.body(), response.etag(),
                        now.plus(IDEMPOTENCY_WINDOW));
            });
            try {
                store.create(Revision.of(null, article, savedBy, OptionalLong.empty()), record);
                return new Made(article);
            } catch (SlugTaken e) {
                // Claimed between our look and our write: try the next suffix.
            } catch (IdempotencyKeyTaken e) {
                return replay(idempotencyKey.orElseThrow()).orElseThrow(() -> new StoreUnavailable(e));
            }
        }
        throw new StoreUnavailable(new IllegalStateException("no free slug for " + baseSlug));
    }

    private Optional<Created> replay(IdempotencyKey key) {
        return store.findIdempotency(key.scopedKey())
                .filter(record -> record.expiresAt().isAfter(now()))
                .map(record -> {
                    if (!record.requestHash().equals(key.requestHash())) {
                        throw new IdempotencyKeyReused(
                                "This Idempotency-Key was first used with a different body; use a new key for a new article.");
                    }
                    return new Replayed(record.articleId(), new RenderedArticle(record.responseBody(), record.etag()));
                });
    }

    /** The stored article, drafts and scheduled ones included, for an editor. */
    public Article get(String id) {
        return (ArticleIds.isId(id) ? store.findById(id) : Optional.<Article>empty())
                .map(article -> article.asSeenAt(now()))
                .orElseThrow(() -> new ArticleNotFound(id));
    }

    /**
     * Replaces the editable fields of the article at {@code expectedVersion}. Publishing sets
     * publishedAt the first time (scheduling sets it to publishAt); the slug and createdAt never change,
     * nor does the date of an article already published.
     */
    public Article replace(String id, long expectedVersion, ArticleDraft draft) {
        return replace(id, expectedVersion, draft, Optional.empty());
    }

    /** As {@link #replace(String, long, ArticleDraft)}, its revision saved by {@code savedBy} (the editor's display name). */
    public Article replace(String id, long expectedVersion, ArticleDraft draft, Optional<String> savedBy) {
        return replace(current(id, expectedVersion), draft, savedBy, OptionalLong.empty());
    }

    private Article replace(StoredArticle stored, ArticleDraft draft, Optional<String> savedBy, OptionalLong restoredFrom) {
        Article previous = stored.article();
        String id = previous.id();
        Instant now = now();
        ArticleStatus status = draft.status().orElse(previous.status());
        // A scheduled article that has not appeared yet was never published: its date is only a plan.
        Instant everPublished = previous.status() == ArticleStatus.SCHEDULED ? null : previous.publishedAt();
        Instant publishedAt = switch (status) {
            case DRAFT -> everPublished;
            // An edit never dates an article: a published one keeps its date, or its lack of one (a
            // seeded story whose page shows none stays undated, after the dated news).
            case PUBLISHED -> everPublished != null || previous.status() == ArticleStatus.PUBLISHED ? everPublished : now;
            case SCHEDULED -> {
                if (previous.isVisibleAt(now)) {
                    throw new InvalidField("status", "the article is already published; set it to draft before scheduling it");
                }
                yield draft.status().isPresent() ? futurePublishAt(draft, now) : previous.publishedAt();
            }
        };
        Article updated = build(id, previous.slug(), draft, status, publishedAt, previous.version() + 1,
                previous.createdAt(), now);
        store.replace(stored, Revision.of(previous, updated, savedBy, restoredFrom));
        return updated;
    }

    /** Publishes a draft (idempotent on an already published article, which then does not change). */
    public Article publish(String id, long expectedVersion) {
        return publish(id, expectedVersion, Optional.empty());
    }

    /** As {@link #publish(String, long)}, its revision saved by {@code savedBy} (the editor's display name). */
    public Article publish(String id, long expectedVersion, Optional<String> savedBy) {
        return moveTo(ArticleStatus.PUBLISHED, id, expectedVersion, savedBy);
    }

    /**
     * Makes a new version whose title, summary, body, author and tags are those of the kept
     * {@code revision}; status and dates stay as they are. Its revision names {@code revision} as restoredFrom.
     *
     * @throws ArticleNotFound the article does not exist, or has no kept revision {@code revision}
     */
    public Article restore(String id, long expectedVersion, long revision, Optional<String> savedBy) {
        StoredArticle stored = current(id, expectedVersion);
        Article kept = store.findRevision(id, revision)
                .orElseThrow(() -> new RevisionNotFound(id, revision)).article();
        return replace(stored, contentOf(kept, Optional.empty()), savedBy, OptionalLong.of(revision));
    }

    /** A page of the article's kept revisions, newest first, below version {@code before} (from the newest when empty). */
    public RevisionPage revisions(String id, OptionalLong before, int limit) {
        if (!ArticleIds.isId(id)) {
            throw new ArticleNotFound(id);
        }
        RevisionPage page = store.revisions(id, before, limit);
        // Revisions go in the same transaction as their article: finding some proves it exists.
        if (page.items().isEmpty() && store.findById(id).isEmpty()) {
            throw new ArticleNotFound(id);
        }
        return page;
    }

    /** One kept revision of the article, whole. */
    public Revision revision(String id, long version) {
        return (ArticleIds.isId(id) ? store.findRevision(id, version) : Optional.<Revision>empty())
                .orElseThrow(() -> new RevisionNotFound(id, version));
    }

    /**
     * Takes an article off the readers' feeds, back to draft (a scheduled one too, which keeps no
     * date); idempotent on a draft, which then does not change. The same replace as a PATCH to
     * status "draft": the tombstone goes to the change log in the same transaction.
     */
    public Article unpublish(String id, long expectedVersion, Optional<String> savedBy) {
        return moveTo(ArticleStatus.DRAFT, id, expectedVersion, savedBy);
    }

    /** Publish and unpublish: the article's content unchanged, in {@code target}; no change when already there. */
    private Article moveTo(ArticleStatus target, String id, long expectedVersion, Optional<String> savedBy) {
        StoredArticle stored = current(id, expectedVersion);
        Article previous = stored.article();
        if (previous.status() == target) {
            return previous;
        }
        return replace(stored, contentOf(previous, Optional.of(target)), savedBy, OptionalLong.empty());
    }

    /** What an editor writes, taken from {@code article}: title, summary, body, author, tags; no publishAt. */
    private static ArticleDraft contentOf(Article article, Optional<ArticleStatus> status) {
        return new ArticleDraft(article.title(), article.summary(), article.body(), article.author(), article.tags(),
                status, Optional.empty());
    }

    /** The editors' desk list: every article in any status, or in {@code status} as seen now; see {@link ArticleStore#desk}. */
    public DeskPage desk(Optional<ArticleStatus> status, ArticleQuery query, Optional<DeskPosition> after, int limit) {
        return store.desk(status, query, after, limit, now());
    }

    public void delete(String id, long expectedVersion) {
        store.delete(current(id, expectedVersion).article(), now());
    }

    /**
     * The stored article as seen now, if it is still at the version the editor based the change on,
     * with whether its version's revision is recorded.
     */
    private StoredArticle current(String id, long expectedVersion) {
        StoredArticle stored = (ArticleIds.isId(id) ? store.findStored(id) : Optional.<StoredArticle>empty())
                .orElseThrow(() -> new ArticleNotFound(id));
        Article previous = stored.article().asSeenAt(now());
        if (previous.version() != expectedVersion) {
            throw new VersionConflict("The article is at version " + previous.version()
                    + ", not " + expectedVersion + "; fetch it again and reapply your change.");
        }
        return stored.withArticle(previous);
    }

    private static Instant futurePublishAt(ArticleDraft draft, Instant now) {
        Instant publishAt = draft.publishAt().orElseThrow(() -> new InvalidField("publishAt", "is required when status is \"scheduled\""));
        if (!publishAt.isAfter(now)) {
            throw new InvalidField("publishAt", "must be in the future; to publish now, use status \"published\"");
        }
        return publishAt;
    }

    private static Article build(String id, String slug, ArticleDraft draft, ArticleStatus status, Instant publishedAt,
                                 long version, Instant createdAt, Instant updatedAt) {
        return new Article(id, slug, draft.title(), draft.summary(), draft.body(), draft.author(), new Source(null, null),
                publishedAt, draft.tags(), status, false, version, createdAt, updatedAt,
                Block.wordCount(draft.body()));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
