package com.newsapi.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.config.Config;
import com.newsapi.config.Dependencies;
import com.newsapi.config.DynamoClients;
import com.newsapi.handler.CreateArticleHandler;
import com.newsapi.handler.DeleteArticleHandler;
import com.newsapi.handler.GetArticleHandler;
import com.newsapi.handler.ListArticlesHandler;
import com.newsapi.handler.ListAuthorsHandler;
import com.newsapi.handler.ListTagsHandler;
import com.newsapi.handler.PatchArticleHandler;
import com.newsapi.handler.SyncHandler;
import com.newsapi.loader.SeedLoader;
import com.newsapi.model.Block;
import com.newsapi.seed.ParsedArticle;
import com.newsapi.seed.SeedPageParser;
import com.newsapi.model.ArticleIds;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One size of the scale benchmark, in a JVM of its own (the handlers' shared dependencies are one
 * table per JVM): a fresh table from template.yaml in the engine at {@code args[0]}, {@code args[1]}
 * articles of {@link NewsPages} loaded by the real {@link SeedLoader} on the handlers' own store,
 * tags set through the editor route, then every request type made through the public handler
 * classes with API Gateway v2 events, as the local API and Lambda call them. Prints one
 * {@code RESULT} line per request type, one {@code WRITE} line per edit type and one {@code LOAD}
 * line, which {@link ScaleReport} puts side by side.
 *
 * <p>Per request type: read units by DynamoDB's rules ({@link CapacityMeter}) and by the engine's
 * own ConsumedCapacity, items read and returned, queries whose filter threw items away (each
 * request made once per variant, metered), then latency over {@code -DROUNDS} interleaved rounds
 * with the meter off (a request type stops after {@code -DROUTE_SECONDS} seconds of rounds).
 */
public final class ScaleMain {

    /** The loader's "now": undated stories sort by it (createdAt), as they would after a real load. */
    private static final Clock LOADER_CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    private static final long SEED = 16;
    /** Articles of the first pages (the same at every size) that the get requests and the edits use. */
    private static final int SAMPLE_PAGES = 12;
    private static final int EDITS = 3;
    /** The pages whose stories the creates send: far beyond any loaded page, and the same at every size. */
    private static final int CREATED_PAGES = 10_000_000;
    private static final int SYNC_PAGE = 100;
    /** SyncService.SETTLE, and a second more. */
    private static final Duration SYNC_REACH_BACK = Duration.ofSeconds(61);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> EDITOR_CLAIMS = Map.of("sub", "scale-bench", "cognito:groups", "[editors]");

    private final NewsPages pages = new NewsPages(SEED);
    private final Dependencies dependencies;
    private final GetArticleHandler get;
    private final ListArticlesHandler list;
    private final ListTagsHandler tags;
    private final ListAuthorsHandler authors;
    private final SyncHandler sync;
    private final CreateArticleHandler create;
    private final PatchArticleHandler patch;
    private final DeleteArticleHandler delete;
    private final int size;

    /** Every handler on one graph, as the local API builds them. */
    private ScaleMain(int size, Dependencies dependencies) {
        this.size = size;
        this.dependencies = dependencies;
        this.get = new GetArticleHandler(dependencies);
        this.list = new ListArticlesHandler(dependencies);
        this.tags = new ListTagsHandler(dependencies);
        this.authors = new ListAuthorsHandler(dependencies);
        this.sync = new SyncHandler(dependencies);
        this.create = new CreateArticleHandler(dependencies);
        this.patch = new PatchArticleHandler(dependencies);
        this.delete = new DeleteArticleHandler(dependencies);
    }

    /** A request type: a name, and its variants (one event each, made when used). */
    private record RequestType(String name, List<Supplier<APIGatewayV2HTTPResponse>> variants) {
    }

    /** An article of the sample, as the API returned it. */
    private record Known(String id, String slug, String etag, boolean teaser) {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int articles = Integer.parseInt(args[1]);
        String table = "scale-" + articles + "-" + System.currentTimeMillis();
        Config config = Config.from(Map.of(Config.TABLE_NAME, table, Config.DYNAMODB_ENDPOINT, endpoint.toString(),
                Config.AWS_REGION, "us-east-1", Config.SYNC_TOKEN_KEY, "scale-benchmark-sync-token-key-0123456789abcdef"));
        try (DynamoDbClient admin = DynamoClients.create(new Config(table, Optional.of(endpoint), "us-east-1"))) {
            if (CapacityMeter.clients() == 0) {
                throw new IllegalStateException("CapacityMeter is not registered: put bench/scale-hook on the class path (bench/scale.sh does)");
            }
            admin.createTable(LoaderBench.freshTable(table));
            CapacityMeter.start(admin);
            try {
                new ScaleMain(articles, new Dependencies(config, Clock.systemUTC())).run();
            } finally {
                admin.deleteTable(drop -> drop.tableName(table).overrideConfiguration(slow -> slow
                        .apiCallTimeout(Duration.ofMinutes(5)).apiCallAttemptTimeout(Duration.ofMinutes(5))));
            }
        }
    }

    private void run() throws Exception {
        int pageCount = pages.pagesFor(size);
        int threads = Integer.getInteger("LOAD_THREADS", 2);
        long start = System.nanoTime();
        Loaded loaded = load(pageCount, threads);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int tagged = inParallel(pageCount, threads, this::tagStories);
        double tagSeconds = (System.nanoTime() - start) / 1e9;
        Instant lastSetupWrite = Instant.now();
        System.out.printf(Locale.ROOT, "LOAD size=%d articles=%d pages=%d written=%d tagged=%d threads=%d loadSeconds=%.1f tagSeconds=%.1f%n",
                size, loaded.articles(), pageCount, loaded.written(), tagged, threads, loadSeconds, tagSeconds);

        List<Known> sample = sample();
        List<RequestType> reads = reads(sample);
        for (RequestType type : reads) {
            meter(type);
        }
        time(reads);
        String syncToken = fullSyncToken(lastSetupWrite);
        RequestType fullPage = new RequestType("GET /sync (full pass, first page)",
                List.of(() -> sync.handleRequest(event("/sync", Map.of()), null)));
        meter(fullPage);
        time(List.of(fullPage));
        edits(sample, pageCount);
        RequestType delta = new RequestType("GET /sync?syncToken= (delta after " + 3 * EDITS + " edits)",
                List.of(() -> sync.handleRequest(event("/sync", Map.of("syncToken", syncToken)), null)));
        meter(delta);
        time(List.of(delta));
    }

    /**
     * The real loader over the pages, on {@code threads} threads at once (each a SeedLoader of its own
     * on the shared store, over its own run of pages), since one engine call at a time leaves most
     * of this machine idle; the items written are the same either way.
     */
    private Loaded load(int pageCount, int threads) throws Exception {
        AtomicInteger articles = new AtomicInteger();
        int written = inParallel(pageCount, threads, (from, to) -> {
            SeedLoader.Result result = new SeedLoader(dependencies.seedWrites(), LOADER_CLOCK, dependencies.storeRetries()).load(pages.files(from, to));
            articles.addAndGet(result.articles() + result.excerpts());
            return result.written();
        });
        return new Loaded(articles.get(), written);
    }

    /** What the loaders reported: stories found in the pages (teasers included), and articles written. */
    private record Loaded(int articles, int written) {
    }

    /** Pages {@code from … to-1} of a job: returns how many things it did. */
    private interface PageRun {
        int run(int from, int to) throws Exception;
    }

    /** Splits the pages into {@code threads} runs, runs them at once, adds up what they did. */
    private static int inParallel(int pageCount, int threads, PageRun job) throws Exception {
        List<Future<Integer>> runs = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) pageCount * t / threads);
                int to = (int) ((long) pageCount * (t + 1) / threads);
                runs.add(pool.submit(() -> job.run(from, to)));
            }
        }
        int done = 0;
        for (var run : runs) {
            done += run.get();
        }
        return done;
    }

    // ---- setup through the editor routes

    /**
     * Sets each dated story's tags through PATCH /articles/{id} (the loader writes none); returns how
     * many. Undated stories stay untagged: an edit gives a published article without a date the
     * edit's time as its publishedAt (EditorService), which would move them to the top of the feed.
     */
    private int tagStories(int from, int to) throws Exception {
        int tagged = 0;
        for (int index = from; index < to; index++) {
            for (NewsPages.Story story : pages.page(index).stories()) {
                if (!story.tags().isEmpty() && story.publishedAt() != null) {
                    Known article = find(story);
                    ObjectNode body = JSON.createObjectNode();
                    body.putArray("tags").addAll(story.tags().stream().map(JSON.getNodeFactory()::textNode).toList());
                    expect(200, patch.handleRequest(editorEvent("/articles/" + article.id(), Map.of("id", article.id()),
                            Map.of("If-Match", article.etag(), "Content-Type", "application/merge-patch+json"), body), null), "tag " + article.id());
                    tagged++;
                }
            }
        }
        return tagged;
    }

    /** A story as stored: by its title's slug (or the numbered slug the loader gave it where another held that). */
    private Known find(NewsPages.Story story) throws Exception {
        String slug = ArticleIds.slugOf(story.title());
        for (int suffix = 1; suffix <= 5; suffix++) {
            String candidate = suffix == 1 ? slug : slug + "-" + suffix;
            APIGatewayV2HTTPResponse response = get.handleRequest(event("/articles/" + candidate, Map.of(), Map.of("id", candidate)), null);
            if (response.getStatusCode() == 200) {
                JsonNode article = JSON.readTree(response.getBody());
                if (article.path("title").asText().equals(story.title())) {
                    return new Known(article.path("id").asText(), article.path("slug").asText(), response.getHeaders().get("ETag"), story.teaser());
                }
            }
        }
        throw new IllegalStateException("story not found by slug: " + story.title());
    }

    /** Every article of the first pages, stories and teasers: the same articles at every size. */
    private List<Known> sample() throws Exception {
        List<Known> sample = new ArrayList<>();
        for (int index = 0; index < SAMPLE_PAGES; index++) {
            for (NewsPages.Story story : pages.page(index).stories()) {
                sample.add(find(story));
            }
        }
        return sample;
    }

    /**
     * A full sync, page after page of 100, each metered: prints its cost per 100 articles, and returns the last
     * page's token, where the delta starts. A delta reaches back a minute before the pass that gave
     * its token (SyncService.SETTLE, for writes still committing), so the pass starts a minute after
     * the last setup write: the delta then holds the benchmark's edits and nothing else.
     */
    private String fullSyncToken(Instant lastSetupWrite) throws Exception {
        Duration wait = Duration.between(Instant.now(), lastSetupWrite.plus(SYNC_REACH_BACK));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        List<Metered> pass = new ArrayList<>();
        Map<String, String> query = Map.of("limit", String.valueOf(SYNC_PAGE));
        while (true) {
            Map<String, String> asked = query;
            Metered page = metered(() -> sync.handleRequest(event("/sync", asked), null));
            pass.add(page);
            JsonNode body = JSON.readTree(expect(200, page.response(), "full sync").getBody());
            if (!body.path("nextSyncToken").isNull() && !body.path("nextSyncToken").isMissingNode()) {
                // Pages grow in number with the table and the last one holds what is left: per 100 articles synced.
                report("GET /sync?limit=100 (full pass, per 100 articles)", pass, SYNC_PAGE);
                return body.path("nextSyncToken").asText();
            }
            query = Map.of("limit", String.valueOf(SYNC_PAGE), "cursor", body.path("nextCursor").asText());
        }
    }

    // ---- the request types

    private List<RequestType> reads(List<Known> sample) {
        Instant from = NewsPages.dateOf(50);
        Instant to = NewsPages.dateOf(10);
        List<RequestType> types = new ArrayList<>();
        types.add(new RequestType("GET /articles/{id}", sample.stream()
                .<Supplier<APIGatewayV2HTTPResponse>>map(known -> () -> get.handleRequest(event("/articles/" + known.id(), Map.of(), Map.of("id", known.id())), null))
                .toList()));
        types.add(new RequestType("GET /articles/{slug}", sample.stream()
                .<Supplier<APIGatewayV2HTTPResponse>>map(known -> () -> get.handleRequest(event("/articles/" + known.slug(), Map.of(), Map.of("id", known.slug())), null))
                .toList()));
        types.add(listing("GET /articles (feed page)", Map.of("limit", "20")));
        types.add(listing("GET /articles?tag= (top tag)", Map.of("tag", pages.topTag(), "limit", "20")));
        types.add(listing("GET /articles?author= (top author)", Map.of("author", pages.topAuthor(), "limit", "20")));
        types.add(listing("GET /articles?from=&to= (date window)", Map.of("from", from.toString(), "to", to.toString(), "limit", "20")));
        types.add(listing("GET /articles?q= (common word)", Map.of("q", pages.commonWord(), "limit", "20")));
        types.add(listing("GET /articles?q= (rare word)", Map.of("q", NewsPages.RARE_WORD, "limit", "20")));
        types.add(listing("GET /articles?q= (\"phrase\")", Map.of("q", "\"" + pages.phrase() + "\"", "limit", "20")));
        types.add(listing("GET /articles?q= (no match)", Map.of("q", NewsPages.NO_MATCH_WORD, "limit", "20")));
        types.add(new RequestType("GET /tags", List.of(() -> tags.handleRequest(event("/tags", Map.of()), null))));
        types.add(new RequestType("GET /authors", List.of(() -> authors.handleRequest(event("/authors", Map.of()), null))));
        return types;
    }

    private RequestType listing(String name, Map<String, String> query) {
        return new RequestType(name, List.of(() -> list.handleRequest(event("/articles", query), null)));
    }

    /** Each variant once, metered; prints the mean per request. */
    private void meter(RequestType type) {
        report(type.name(), type.variants().stream().map(ScaleMain::metered).toList(), 0);
    }

    /** One request, metered: its answer and what its DynamoDB calls added up to. */
    private record Metered(APIGatewayV2HTTPResponse response, CapacityMeter.Tally tally) {
    }

    private static Metered metered(Supplier<APIGatewayV2HTTPResponse> request) {
        CapacityMeter.begin();
        APIGatewayV2HTTPResponse response = request.get();
        return new Metered(response, CapacityMeter.end());
    }

    /**
     * A RESULT line: the mean per request over these requests of one type, or, with {@code perItems}
     * above 0, the sums per that many items answered (a whole sync pass per 100 articles).
     */
    private void report(String name, List<Metered> requests, int perItems) {
        double units = 0;
        double engine = 0;
        long evaluated = 0;
        long read = 0;
        long filtered = 0;
        long filteredOut = 0;
        long scans = 0;
        long returned = 0;
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (Metered request : requests) {
            CapacityMeter.Tally tally = request.tally();
            statuses.merge(request.response().getStatusCode(), 1, Integer::sum);
            units += tally.readUnits;
            engine += tally.engineReadUnits;
            evaluated += tally.itemsEvaluated;
            read += tally.itemsReturned;
            filtered += tally.filteredQueries;
            filteredOut += tally.itemsFilteredOut;
            scans += tally.scans;
            returned += itemsIn(request.response());
        }
        double n = perItems > 0 ? (double) returned / perItems : requests.size();
        StringJoiner line = new StringJoiner(" ", "RESULT ", "");
        line.add("size=" + size).add("route=" + name.replace(' ', '_'))
                .add("variants=" + requests.size())
                .add("status=" + statuses.keySet().stream().map(String::valueOf).reduce((a, b) -> a + "/" + b).orElse("-"))
                .add(String.format(Locale.ROOT, "rru=%.3f", units / n))
                .add(String.format(Locale.ROOT, "engineRru=%.3f", engine / n))
                .add(String.format(Locale.ROOT, "returned=%.1f", (double) returned / n))
                .add(String.format(Locale.ROOT, "itemsRead=%.1f", (double) evaluated / n))
                .add(String.format(Locale.ROOT, "itemsFromDb=%.1f", (double) read / n))
                .add(String.format(Locale.ROOT, "filteredQueries=%.1f", (double) filtered / n))
                .add(String.format(Locale.ROOT, "filteredOut=%.1f", (double) filteredOut / n))
                .add("scans=" + scans)
                // The same for every variant of a type: the last one's stand for all.
                .add("calls=" + requests.getLast().tally().calls());
        System.out.println(line);
    }

    /**
     * Latency with the meter off: rounds interleave the request types, after warm-up rounds; a type
     * over its time budget skips the rest (keeping at least one timed sample).
     */
    private void time(List<RequestType> types) {
        int rounds = Integer.getInteger("ROUNDS", 30);
        int warmup = Integer.getInteger("WARMUP", 3);
        long budget = Duration.ofSeconds(Integer.getInteger("ROUTE_SECONDS", 20)).toNanos();
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        Map<String, Long> spent = new HashMap<>();
        types.forEach(type -> samples.put(type.name(), new ArrayList<>()));
        for (int round = 0; round < warmup + rounds; round++) {
            for (RequestType type : types) {
                // Over its budget, a type skips its remaining rounds, but not its first timed one.
                if (spent.getOrDefault(type.name(), 0L) > budget && (round < warmup || !samples.get(type.name()).isEmpty())) {
                    continue;
                }
                Supplier<APIGatewayV2HTTPResponse> variant = type.variants().get(round % type.variants().size());
                long began = System.nanoTime();
                variant.get();
                long nanos = System.nanoTime() - began;
                spent.merge(type.name(), nanos, Long::sum);
                if (round >= warmup) {
                    samples.get(type.name()).add(nanos);
                }
            }
        }
        samples.forEach((name, nanos) -> {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "LATENCY size=%d route=%s samples=%d p50ms=%.2f p99ms=%.2f%n", size, name.replace(' ', '_'),
                    sorted.length, sorted[(sorted.length - 1) / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
        });
    }

    // ---- edits

    /**
     * {@value #EDITS} creates (the stories of pages {@value #CREATED_PAGES} on), {@value #EDITS} updates
     * (a summary and a tag changed on a sample story) and {@value #EDITS} deletes (sample teasers),
     * each metered: write units by DynamoDB's rules, for the table and its indexes, and the
     * engine's own count; also the read units each edit spends.
     */
    private void edits(List<Known> sample, int pageCount) throws Exception {
        for (int i = 0; i < EDITS; i++) {
            NewsPages.Page page = pages.page(CREATED_PAGES + i);
            ParsedArticle parsed = SeedPageParser.parse(page.file().text()).article();
            ObjectNode body = JSON.createObjectNode().put("title", parsed.title()).put("summary", parsed.summary()).put("status", "published");
            ArrayNode blocks = body.putArray("body");
            for (Block block : parsed.body()) {
                blocks.addObject().put("type", block.type().name().toLowerCase(Locale.ROOT)).put("text", block.text());
            }
            if (parsed.author() != null) {
                body.putObject("author").put("name", parsed.author().name());
            }
            body.putArray("tags").addAll(page.stories().getFirst().tags().stream().map(JSON.getNodeFactory()::textNode).toList());
            String idempotencyKey = "scale-" + size + "-" + i;
            meterWrite("create", () -> create.handleRequest(editorEvent("/articles", Map.of(),
                    Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey), body), null), 201);
        }
        List<Known> stories = sample.stream().filter(known -> !known.teaser()).limit(EDITS).toList();
        for (Known story : stories) {
            Known current = refreshed(story);
            ObjectNode body = JSON.createObjectNode().put("summary", "Updated for the scale benchmark: " + current.id());
            body.putArray("tags").add(pages.topTag()).add("scale-bench-update");
            meterWrite("update", () -> patch.handleRequest(editorEvent("/articles/" + current.id(), Map.of("id", current.id()),
                    Map.of("If-Match", current.etag(), "Content-Type", "application/merge-patch+json"), body), null), 200);
        }
        List<Known> teasers = sample.stream().filter(Known::teaser).limit(EDITS).toList();
        for (Known teaser : teasers) {
            Known current = refreshed(teaser);
            meterWrite("delete", () -> delete.handleRequest(editorEvent("/articles/" + current.id(), Map.of("id", current.id()),
                    Map.of("If-Match", current.etag()), null), null), 204);
        }
    }

    private Known refreshed(Known known) throws Exception {
        APIGatewayV2HTTPResponse response = expect(200, get.handleRequest(event("/articles/" + known.id(), Map.of(), Map.of("id", known.id())), null), known.id());
        return new Known(known.id(), known.slug(), response.getHeaders().get("ETag"), known.teaser());
    }

    private void meterWrite(String operation, Supplier<APIGatewayV2HTTPResponse> call, int status) {
        CapacityMeter.begin();
        long began = System.nanoTime();
        APIGatewayV2HTTPResponse response = call.get();
        long nanos = System.nanoTime() - began;
        CapacityMeter.Tally tally = CapacityMeter.end();
        expect(status, response, operation);
        System.out.printf(Locale.ROOT, "WRITE size=%d op=%s wruTable=%.1f wruIndex=%.1f engineWru=%.1f itemsWritten=%d rru=%.1f meteredMs=%.1f calls=%s%n",
                size, operation, tally.tableWriteUnits, tally.indexWriteUnits, tally.engineWriteUnits, tally.itemsWritten,
                tally.readUnits, nanos / 1e6, tally.calls());
    }

    // ---- events

    private static APIGatewayV2HTTPEvent event(String path, Map<String, String> query) {
        return event(path, query, Map.of());
    }

    private static APIGatewayV2HTTPEvent event(String path, Map<String, String> query, Map<String, String> pathParameters) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(Map.of()).build();
    }

    private static APIGatewayV2HTTPEvent editorEvent(String path, Map<String, String> pathParameters, Map<String, String> headers,
                                                     JsonNode body) {
        RequestContext context = RequestContext.builder().withAuthorizer(RequestContext.Authorizer.builder()
                .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(EDITOR_CLAIMS).withScopes(null).build()).build()).build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(headers).withRequestContext(context)
                .withBody(body == null ? null : body.toString()).build();
    }

    private static APIGatewayV2HTTPResponse expect(int status, APIGatewayV2HTTPResponse response, String what) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + response.getStatusCode() + " " + response.getBody());
        }
        return response;
    }

    /** How many items a list, count or sync answer holds (1 for an article, 0 for a problem). */
    private static int itemsIn(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() != 200) {
            return 0;
        }
        try {
            JsonNode body = JSON.readTree(response.getBody());
            return body.has("items") ? body.get("items").size() : 1;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the answer is not JSON: " + response.getBody(), e);
        }
    }
}
