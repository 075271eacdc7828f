package com.newsapi.clients;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.ApiResponse;
import org.openapitools.client.api.DefaultApi;
import org.openapitools.client.model.Article;
import org.openapitools.client.model.ArticleInput;
import org.openapitools.client.model.ArticlePage;
import org.openapitools.client.model.ArticlePatch;
import org.openapitools.client.model.BlockInput;
import org.openapitools.client.model.BlockType;
import org.openapitools.client.model.CountPage;
import org.openapitools.client.model.EditorArticle;
import org.openapitools.client.model.Problem;
import org.openapitools.client.model.StatusInput;
import org.openapitools.client.model.SyncArticle;
import org.openapitools.client.model.SyncItem;
import org.openapitools.client.model.SyncPage;
import org.openapitools.client.model.Tombstone;

/**
 * The scripted run of the generated Java client (openapi-generator {@code java}, library
 * {@code native}) against a running local API: what a client's code does with it. Prints each
 * check; any failure throws, and the process exits non-zero.
 * Usage: {@code ScriptedRun <base URL> <editor token>} (scripts/client-test.sh passes both).
 */
public final class ScriptedRun {

    private final ApiClient client;
    private final DefaultApi api;
    private final String base;

    private ScriptedRun(String base) {
        this.base = base;
        client = new ApiClient();
        client.updateBaseUri(base);
        api = new DefaultApi(client);
    }

    /** An API whose requests carry the editor's token (the native library has no bearer setting of its own). */
    private DefaultApi editor(String token) {
        ApiClient editorClient = new ApiClient();
        editorClient.updateBaseUri(base);
        editorClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new DefaultApi(editorClient); // reads the interceptor now: set it first
    }

    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : System.getenv().getOrDefault("API_URL", "http://localhost:3000");
        String token = args.length > 1 ? args[1] : System.getenv("EDITOR_TOKEN");
        try {
            new ScriptedRun(base).run(token);
            System.out.println("java: PASSED");
        } catch (Throwable e) {
            e.printStackTrace();
            System.out.println("java: FAILED: " + e);
            System.exit(1);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("FAILED: " + what);
        }
        System.out.println("java: ok   " + what);
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0)).findFirst().orElseThrow(() -> new IllegalStateException("no " + name));
    }

    /** The client's copy of a sync: id to version; applies items in order, as the API asks. */
    private final class Copy {
        final Map<String, Integer> versions = new HashMap<>();
        final List<SyncItem> seen = new ArrayList<>();

        String sync(String token) throws ApiException {
            SyncPage page = api.sync(token, null, null, null, 5, null);
            while (true) {
                for (SyncItem item : page.getItems()) {
                    seen.add(item);
                    if (item.getActualInstance() instanceof SyncArticle article) {
                        versions.put(article.getId(), article.getVersion());
                    } else {
                        versions.remove(item.getTombstone().getId());
                    }
                }
                if (page.getNextCursor() == null) {
                    if (page.getNextSyncToken() == null) {
                        throw new IllegalStateException("last page without nextSyncToken");
                    }
                    return page.getNextSyncToken();
                }
                page = api.sync(null, page.getNextCursor(), null, null, 5, null);
            }
        }

        List<SyncArticle> articles() {
            return seen.stream().filter(item -> item.getActualInstance() instanceof SyncArticle).map(SyncItem::getSyncArticle).toList();
        }

        List<Tombstone> tombstones() {
            return seen.stream().filter(item -> item.getActualInstance() instanceof Tombstone).map(SyncItem::getTombstone).toList();
        }
    }

    private void run(String token) throws ApiException {
        // 1. The whole feed, page by page with `cursor`; `from`/`to` omitted (they are plain strings).
        List<Article> feed = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            ArticlePage page = api.listArticles(5, cursor, null, null, null, null, null, null, null, null);
            feed.addAll(page.getItems());
            pages++;
            cursor = page.getNextCursor();
        } while (cursor != null);
        check(!feed.isEmpty() && pages > 1, "paged the whole feed with cursor: " + feed.size() + " articles in " + pages + " pages");
        Set<String> feedIds = new HashSet<>();
        feed.forEach(article -> feedIds.add(article.getId()));
        check(feedIds.size() == feed.size(), "no article twice in the feed");
        ArticlePage dated = api.listArticles(100, null, null, null, "1900-01-01", OffsetDateTime.now().plusDays(1).toString(),
                null, null, null, null);
        check(dated.getItems().stream().allMatch(article -> article.getPublishedAt() != null),
                "listArticles with from (a date) and to (a date-time): " + dated.getItems().size() + " articles");
        ArticlePage stories = api.listArticles(100, null, null, null, null, null, false, null, null, null);
        check(!stories.getItems().isEmpty() && stories.getItems().stream().noneMatch(story -> Boolean.TRUE.equals(story.getExcerpt())),
                "listArticles with excerpt=false (a boolean): " + stories.getItems().size() + " full stories");

        // 2. One article by id and by slug, then again with If-None-Match: 304.
        Article first = feed.get(0);
        ApiResponse<Article> byId = api.getArticleWithHttpInfo(first.getId(), null, null);
        Article article = byId.getData();
        String etag = header(byId, "ETag");
        check(article.getId().equals(first.getId()) && article.getBody() != null, "getArticle by id " + first.getId() + ", ETag " + etag);
        check(api.getArticle(article.getSlug(), null, null).getId().equals(first.getId()), "getArticle by slug " + article.getSlug());
        try {
            api.getArticleWithHttpInfo(first.getId(), null, etag);
            check(false, "getArticle with If-None-Match answers 304");
        } catch (ApiException notModified) {
            // The native library raises every status outside 2xx; a 304 has no body.
            check(notModified.getCode() == 304, "getArticle with If-None-Match: " + notModified.getCode());
        }

        // 3. Search with q: a word of the first article's title finds it.
        String word = "the";
        for (String part : article.getTitle().split("[^\\p{L}]+")) {
            if (part.length() >= 5 && part.length() > word.length()) {
                word = part;
            }
        }
        ArticlePage found = api.listArticles(100, null, null, null, null, null, null, word, null, null);
        check(found.getItems().stream().anyMatch(item -> item.getId().equals(first.getId())),
                "search q=" + word + " finds it among " + found.getItems().size());

        // 4. Tags and authors.
        CountPage tags = api.listTags(100, null, null);
        check(tags.getNextCursor() == null && tags.getItems().stream().allMatch(count -> count.getArticles() >= 1),
                "listTags: " + tags.getItems().size() + " tags");
        CountPage authors = api.listAuthors(100, null, null);
        check(authors.getNextCursor() == null && !authors.getItems().isEmpty(), "listAuthors: " + authors.getItems().size() + " authors");

        // 5. A full sync: the same set as the feed.
        Copy copy = new Copy();
        String syncToken = copy.sync(null);
        check(copy.versions.keySet().equals(feedIds), "full sync holds the feed's " + copy.versions.size() + " articles");

        // 6. Editor writes, with a token, Idempotency-Key and If-Match.
        DefaultApi editor = editor(token);
        long stamp = System.nanoTime();
        ArticleInput draft = new ArticleInput().title("Java client harbour story " + stamp)
                .body(List.of(new BlockInput().type(BlockType.PARAGRAPH).text("Boats are back in the harbour.")))
                .tags(List.of("clients"));
        String key = UUID.randomUUID().toString();
        ApiResponse<Article> created = editor.createArticleWithHttpInfo(draft, key);
        Article a = created.getData();
        check(created.getStatusCode() == 201 && a.getStatus() == Article.StatusEnum.DRAFT,
                "createArticle (Idempotency-Key): " + a.getId() + ", a draft");
        check(editor.createArticle(draft, key).getId().equals(a.getId()), "the same Idempotency-Key again answers the same article");
        String etagA = header(created, "ETag");
        ApiResponse<EditorArticle> published = editor.publishArticleWithHttpInfo(a.getId(), etagA);
        etagA = header(published, "ETag");
        check(published.getStatusCode() == 200 && published.getData().getStatus() == EditorArticle.StatusEnum.PUBLISHED,
                "publishArticle with If-Match: ETag now " + etagA);
        ApiResponse<EditorArticle> patched = editor.patchArticleWithHttpInfo(a.getId(),
                new ArticlePatch().title("Java client harbour story " + stamp + ", updated"), etagA);
        etagA = header(patched, "ETag");
        check(patched.getStatusCode() == 200 && List.of("clients").equals(patched.getData().getTags()),
                "patchArticle (merge patch: only the title; tags kept) with If-Match: ETag now " + etagA);
        CountPage tagged = api.listTags(100, null, null);
        check(tagged.getItems().stream().anyMatch(count -> count.getName().equals("clients") && count.getArticles() >= 1),
                "listTags now counts the published article's tag 'clients'");

        ApiResponse<Article> other = editor.createArticleWithHttpInfo(new ArticleInput().title("Java client short-lived story " + stamp)
                .body(List.of(new BlockInput().type(BlockType.PARAGRAPH).text("Gone soon."))).status(StatusInput.PUBLISHED),
                UUID.randomUUID().toString());
        String b = other.getData().getId();
        check(editor.deleteArticleWithHttpInfo(b, header(other, "ETag")).getStatusCode() == 204,
                "createArticle published " + b + ", then deleteArticle with If-Match: 204");

        // 7. A delta sync: the created and updated article, and the deleted one's tombstone.
        copy.seen.clear();
        syncToken = copy.sync(syncToken);
        SyncArticle upsert = copy.articles().stream().filter(item -> item.getId().equals(a.getId())).reduce((x, y) -> y).orElse(null);
        check(upsert != null && upsert.getTitle().endsWith("updated") && upsert.getVersion() == 3,
                "delta sync: " + a.getId() + " as kind=article, version " + (upsert == null ? null : upsert.getVersion()) + ", updated title");
        Tombstone tombstone = copy.tombstones().stream().filter(item -> item.getId().equals(b)).reduce((x, y) -> y).orElse(null);
        check(tombstone != null && !copy.versions.containsKey(b),
                "delta sync: " + b + " as kind=deleted (tombstone at " + (tombstone == null ? null : tombstone.getAt()) + ")");
        check(editor.deleteArticleWithHttpInfo(a.getId(), etagA).getStatusCode() == 204, "deleteArticle " + a.getId() + " with If-Match: 204");
        copy.seen.clear();
        copy.sync(syncToken);
        check(copy.tombstones().stream().anyMatch(item -> item.getId().equals(a.getId())) && !copy.versions.containsKey(a.getId()),
                "next delta sync: " + a.getId() + " as kind=deleted");

        // 8. A problem, read as the generated Problem type.
        try {
            api.getArticle("no-such-article-from-java", null, null);
            check(false, "getArticle of an unknown slug fails");
        } catch (ApiException e) {
            Problem problem;
            try {
                problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
            } catch (java.io.IOException unreadable) {
                throw new IllegalStateException("the 404 body is not a Problem: " + e.getResponseBody(), unreadable);
            }
            check(e.getCode() == 404 && problem.getStatus() == 404 && !problem.getTitle().isBlank(),
                    "unknown slug: 404 read as Problem(type=" + problem.getType() + ", title=" + problem.getTitle() + ")");
        }
    }
}
