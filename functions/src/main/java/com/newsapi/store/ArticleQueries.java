package com.newsapi.store;

import static com.newsapi.store.TableKeys.FEED_INDEX;
import static com.newsapi.store.TableKeys.FEED_KEY;
import static com.newsapi.store.TableKeys.FEED_SHARD;
import static com.newsapi.store.TableKeys.FEED_SHARDS;
import static com.newsapi.store.ArticleItemMapper.s;
import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Page;
import com.newsapi.observe.Telemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store's read queries over the indexes: filtered newest-first pages and the change log. */
final class ArticleQueries {

    /**
     * A search page examines at most this many postings, so reads at most this many articles (each
     * an eventually consistent read of its size) besides the postings themselves.
     */
    static final int MAX_SEARCH_CANDIDATES = 200;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Batches batches;

    private static final CandidateStream EMPTY = new CandidateStream() {
        @Override
        public Candidate peek() {
            return null;
        }

        @Override
        public Candidate poll() {
            return null;
        }
    };

    ArticleQueries(DynamoDbClient dynamo, String table, Batches batches) {
        this.dynamo = dynamo;
        this.table = table;
        this.batches = batches;
    }

    /**
     * Published articles that answer {@code query}, newest first, strictly after {@code after} in
     * feed order and visible at {@code now}. The narrowest index serves the page (search terms, then
     * tag, then author, else the sharded feed); every candidate is then checked against the query
     * itself. The list indexes project only what a list shows by default: with {@code whole}, the
     * matches they gave are read again from the table (one BatchGetItem), else they come without
     * body, author bio and source. At most {@link ArticleStore#MAX_EXAMINED} candidates are examined
     * per page, and {@link #MAX_SEARCH_CANDIDATES} for a search: a rare filter may give a short page,
     * with a cursor to go on from.
     */
    Page<Article> find(ArticleQuery query, Optional<FeedKey> after, int limit, Instant now, boolean whole) {
        int maxExamined = query.search().isEmpty() ? ArticleStore.MAX_EXAMINED : MAX_SEARCH_CANDIDATES;
        // Entries of a tag, author or feed partition match the key filters they were read for, so a
        // partition first reads what the page needs; a filter checked on the entries (excerpt, a
        // second key filter) makes it read on, in growing pages.
        CandidateStream candidates = candidates(query, after, now, query.search().isEmpty() ? limit + 1 : PartitionStream.MAX_PAGE);
        List<Article> matches = new ArrayList<>(limit);
        Set<String> partial = new HashSet<>(); // read from a list index: no body, bio or source
        FeedKey lastExamined = null;
        int examined = 0;
        int fetched = 0;
        boolean leftOver = false;
        while (!leftOver && matches.size() < limit && examined < maxExamined && candidates.peek() != null) {
            // Projected candidates cost nothing more to check, so take only as many as the page needs.
            // Posting candidates cost an article read each: fetch as many as the page still needs,
            // twice the last fetch once candidates have failed the check, up to a BatchGetItem.
            int remaining = limit - matches.size();
            int wanted = candidates.peek().item() != null ? remaining : Math.min(Batches.GET_BATCH, Math.max(remaining, 2 * fetched));
            List<Candidate> batch = new ArrayList<>();
            while (batch.size() < wanted && examined + batch.size() < maxExamined && candidates.peek() != null) {
                batch.add(candidates.poll());
            }
            fetched = batch.size();
            Map<String, Map<String, AttributeValue>> items = resolve(batch);
            for (Candidate candidate : batch) {
                if (matches.size() == limit) {
                    leftOver = true;
                    break;
                }
                examined++;
                lastExamined = candidate.key();
                Map<String, AttributeValue> item = items.get(candidate.id());
                if (item != null && isCurrent(item, candidate.key())) {
                    Article article = ArticleItemMapper.fromItem(item);
                    if (query.matches(article)) {
                        matches.add(article);
                        if (!ArticleItemMapper.isWhole(item)) {
                            partial.add(article.id());
                        }
                    }
                }
            }
        }
        if (!query.search().isEmpty()) {
            Telemetry.count("SearchCandidates", examined); // the search's cost, on this request's log line and metrics
        }
        boolean more = leftOver || candidates.peek() != null;
        return new Page<>(whole && !partial.isEmpty() ? wholeArticles(query, matches, partial) : matches,
                more && lastExamined != null ? Optional.of(lastExamined) : Optional.empty());
    }

    /**
     * The matches as whole articles: those read from an index that projects only the listed part are
     * read again from the table, in one BatchGetItem for the page, eventually consistent as the index
     * itself is. One that changed meanwhile counts as it is now: kept if it still sits where the
     * index said and still answers the query.
     */
    private List<Article> wholeArticles(ArticleQuery query, List<Article> matches, Set<String> partial) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        for (Map<String, AttributeValue> item : batches.get(partial.stream().map(TableKeys::articleKey).toList(), null, false)) {
            items.put(ArticleItemMapper.idOf(item), item);
        }
        List<Article> whole = new ArrayList<>(matches.size());
        for (Article match : matches) {
            if (!partial.contains(match.id())) {
                whole.add(match);
                continue;
            }
            Map<String, AttributeValue> item = items.get(match.id());
            if (item != null && isCurrent(item, FeedKey.of(match))) {
                Article article = ArticleItemMapper.fromItem(item);
                if (query.matches(article)) {
                    whole.add(article);
                }
            }
        }
        return whole;
    }

    private CandidateStream candidates(ArticleQuery query, Optional<FeedKey> after, Instant now, int pageSize) {
        // A date window asks about dates: undated articles (sorted below every date) are never in one.
        String lower = query.from().map(FeedKey::lowerBound).orElse(query.hasDateRange() ? FeedKey.DATED : FeedKey.MIN);
        String upper = FeedKey.upperBound(now);
        if (query.until().isPresent() && FeedKey.lowerBound(query.until().get()).compareTo(upper) < 0) {
            upper = FeedKey.lowerBound(query.until().get());
        }
        if (after.isPresent() && after.get().render().compareTo(upper) < 0) {
            upper = after.get().render();
        }
        if (lower.compareTo(upper) >= 0) {
            return EMPTY; // e.g. 'from' in the future: nothing can match, and DynamoDB refuses an inverted BETWEEN
        }
        if (!query.search().isEmpty()) {
            String term = query.search().lookupTerm();
            return partition(null, TableKeys.PK, TableKeys.TERM_PREFIX + term, TableKeys.SK,
                    lower, upper, pageSize);
        }
        if (query.tag().isPresent()) {
            List<PartitionStream> slots = new ArrayList<>();
            for (int slot = 1; slot <= TableKeys.MAX_TAGS; slot++) {
                slots.add(partition(TableKeys.TAG_INDEX + slot, TableKeys.TAG_KEY + slot,
                        TableKeys.TAG_PREFIX + query.tag().get(), FEED_KEY, lower, upper,
                        shareOf(pageSize, TableKeys.MAX_TAGS)));
            }
            return new MergedStream(slots);
        }
        if (query.author().isPresent()) {
            return partition(TableKeys.AUTHOR_INDEX, TableKeys.AUTHOR_KEY,
                    TableKeys.authorKeyOf(query.author().get()), FEED_KEY, lower, upper, pageSize);
        }
        List<PartitionStream> shards = new ArrayList<>();
        for (int shard = 0; shard < FEED_SHARDS; shard++) {
            shards.add(partition(FEED_INDEX, FEED_SHARD, TableKeys.feedShard(shard), FEED_KEY, lower, upper,
                    shareOf(pageSize, FEED_SHARDS)));
        }
        return new MergedStream(shards);
    }

    /**
     * The first Query of each of {@code partitions} merged partitions: half again its even share of
     * the page, plus one. Asking each for the whole page would read up to {@code partitions} times
     * what the page shows once the table is big enough to fill every one; a partition that holds
     * more than its share (a tag mostly in its first slot) reads on, each Query asking twice as many.
     */
    static int shareOf(int pageSize, int partitions) {
        return Math.min(pageSize, (3 * pageSize + 2 * partitions - 1) / (2 * partitions) + 1);
    }

    private PartitionStream partition(String index, String partitionAttribute, String partitionValue,
                                      String sortAttribute, String lower, String upper, int pageSize) {
        return partition(index, partitionAttribute, partitionValue, sortAttribute, lower, upper, pageSize, true);
    }

    private PartitionStream partition(String index, String partitionAttribute, String partitionValue,
                                      String sortAttribute, String lower, String upper, int pageSize, boolean newestFirst) {
        return new PartitionStream(request -> call(() -> dynamo.query(request)), table, index,
                partitionAttribute, partitionValue, sortAttribute, lower, upper, pageSize, newestFirst);
    }

    /**
     * Up to {@code limit} change-log entries, oldest first, after {@code since} (or strictly after
     * the position {@code after}) and at or before {@code until}: the shards of the {@code changes}
     * index merged in order. Each article appears once, where it last changed.
     */
    Page<Change> changes(Instant since, Optional<FeedKey> after, Instant until, int limit) {
        String lower = after.map(FeedKey::render).orElse(FeedKey.upperBound(since));
        String upper = FeedKey.upperBound(until);
        if (lower.compareTo(upper) >= 0) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<PartitionStream> shards = new ArrayList<>();
        for (int shard = 0; shard < FEED_SHARDS; shard++) {
            shards.add(partition(TableKeys.CHANGES_INDEX, TableKeys.CHANGE_SHARD,
                    TableKeys.changeShard(shard), TableKeys.CHANGE_KEY, lower, upper,
                    shareOf(limit + 1, FEED_SHARDS), false));
        }
        CandidateStream log = new MergedStream(shards, false);
        List<Change> changes = new ArrayList<>(limit);
        while (changes.size() < limit && log.peek() != null) {
            Candidate entry = log.poll();
            changes.add(TableKeys.isTombstone(entry.item())
                    ? new Change(entry.key(), Optional.empty(), Optional.of(ArticleItemMapper.tombstoneFromItem(entry.item())))
                    : new Change(entry.key(), Optional.of(ArticleItemMapper.fromItem(entry.item())), Optional.empty()));
        }
        boolean more = log.peek() != null;
        return new Page<>(changes, more ? Optional.of(changes.get(changes.size() - 1).key()) : Optional.empty());
    }

    /**
     * Article items for the candidates: projected ones as they are, posting ones fetched by id,
     * eventually consistent (as the indexes are): the check against the item decides, so a read a
     * moment old at worst shows the previous version, as a list page from an index would.
     */
    private Map<String, Map<String, AttributeValue>> resolve(List<Candidate> batch) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        List<Map<String, AttributeValue>> missing = new ArrayList<>();
        for (Candidate candidate : batch) {
            if (candidate.item() != null) {
                items.put(candidate.id(), candidate.item());
            } else {
                missing.add(TableKeys.articleKey(candidate.id()));
            }
        }
        for (Map<String, AttributeValue> item : batches.get(missing, null, false)) {
            items.put(ArticleItemMapper.idOf(item), item);
        }
        return items;
    }

    /** A posting is current when the article is published and still sits where the posting says. */
    private static boolean isCurrent(Map<String, AttributeValue> item, FeedKey key) {
        AttributeValue feedKey = item.get(FEED_KEY);
        return feedKey != null && feedKey.s().equals(key.render());
    }
}
