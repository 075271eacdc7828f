package com.newsapi.config;

import com.newsapi.events.CdnInvalidator;
import com.newsapi.events.CloudFrontInvalidator;
import com.newsapi.events.EventBridgeSink;
import com.newsapi.events.EventSink;
import com.newsapi.codec.PreviewTokens;
import com.newsapi.codec.SignedPositions;
import com.newsapi.loader.SeedLoader;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.service.PreviewService;
import com.newsapi.service.SyncService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.store.CounterRebuild;
import com.newsapi.store.SeedWrites;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The one factory of a container's clients (DynamoDB, EventBridge, CloudFront, Parameter Store) and
 * services, from a {@link Config} and a {@link Clock}. What several handlers share (credentials, the
 * DynamoDB client and everything on it, the signing keys) is built on its first ask and then kept;
 * what one function alone uses (the loader, the event sink, the CDN invalidator, the preview service)
 * is built when asked, which its handler's constructor does once. Either way a handler's constructor
 * builds exactly what its function uses, at init (before a SnapStart snapshot). A Lambda handler's
 * no-arg constructor makes one with {@link #fromEnvironment()};
 * the local API makes one from its own settings and hands it to every handler it serves.
 */
public final class Dependencies {

    private final Config config;
    private final Clock clock;
    /** Whether building the store also registers SnapStart's priming hook (Lambda containers only). */
    private final boolean primedBeforeSnapshot;
    private final LongAdder storeRetries = new LongAdder();
    /** The store's and the loader's writes' backoff: one counter of their retries. */
    private final Backoff backoff = Backoff.counting(storeRetries);
    private AwsCredentialsProvider credentials;
    private DynamoDbClient dynamo;
    private ArticleStore store;
    private SeedWrites seedWrites;
    private CounterRebuild counterRebuild;
    private ArticleService articles;
    private EditorService editor;
    private SyncService sync;
    private SignedPositions positions;

    /** Built from these settings and clock; registers no SnapStart hook (the local API, tools). */
    public Dependencies(Config config, Clock clock) {
        this(config, clock, false);
    }

    private Dependencies(Config config, Clock clock, boolean primedBeforeSnapshot) {
        this.config = config;
        this.clock = clock;
        this.primedBeforeSnapshot = primedBeforeSnapshot;
    }

    /** A Lambda container's: the process environment, the system clock, and the priming hook once the store is built. */
    public static Dependencies fromEnvironment() {
        return new Dependencies(Config.fromProcess(), Clock.systemUTC(), true);
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The credentials every client of this container signs with. */
    public synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) {
            credentials = CredentialsProviders.create(config);
        }
        return credentials;
    }

    /** The table's store, whose backoff counts its retries ({@link #storeRetries()}), and the services on it. */
    public synchronized ArticleStore store() {
        onTable();
        return store;
    }

    /**
     * Builds, once, what every function on the table has: the one DynamoDB client (the store, the
     * loader's writes and the counter rebuild share it), the store and the services on it, and, in a
     * Lambda container, the priming hook over them (the loader's too).
     */
    private synchronized void onTable() {
        if (dynamo == null) {
            String table = config.tableName();
            dynamo = DynamoClients.create(config, credentials());
            store = new ArticleStore(dynamo, table, backoff);
            articles = new ArticleService(store, clock);
            editor = new EditorService(store, clock);
            sync = new SyncService(store, clock);
            if (primedBeforeSnapshot) {
                Priming.register(priming());
            }
        }
    }

    public synchronized ArticleService articles() {
        store();
        return articles;
    }

    public synchronized EditorService editor() {
        store();
        return editor;
    }

    public synchronized SyncService sync() {
        store();
        return sync;
    }

    /** How many batch retries the store and the loader's writes have waited for so far. */
    public LongSupplier storeRetries() {
        return storeRetries::sum;
    }

    /** The loader's writes to the table, on the shared client, counting their retries. */
    public synchronized SeedWrites seedWrites() {
        onTable();
        if (seedWrites == null) {
            seedWrites = new SeedWrites(dynamo, config.tableName(), backoff);
        }
        return seedWrites;
    }

    /** The rebuild of the tag and author counters, on the shared client. */
    public synchronized CounterRebuild counterRebuild() {
        onTable();
        if (counterRebuild == null) {
            counterRebuild = new CounterRebuild(dynamo, config.tableName());
        }
        return counterRebuild;
    }

    /** The loader, on its writes, counting their retries. */
    public SeedLoader seedLoader() {
        return new SeedLoader(seedWrites(), clock, storeRetries());
    }

    public PreviewService previews() {
        return new PreviewService(store(), new PreviewTokens(positions()), clock);
    }

    /**
     * The signer of list cursors, sync tokens and preview links, its keys read on the first call
     * ({@link SyncKeys}): from a handler's constructor, so at init, before a SnapStart snapshot, and
     * only in the functions that hand out cursors (the others have neither the key's setting nor its parameter).
     */
    public synchronized SignedPositions positions() {
        if (positions == null) {
            positions = new SignedPositions(SyncKeys.load(config, this::ssm));
        }
        return positions;
    }

    /** The bus of {@code EVENT_BUS_NAME}, through the EventBridge client. */
    public EventSink eventSink() {
        String bus = config.eventBusName();
        return new EventBridgeSink(EventBridgeClients.create(config, credentials()), bus);
    }

    /** The distribution of {@code CDN_DISTRIBUTION_ID}, through the CloudFront client; empty without one. */
    public Optional<CdnInvalidator> cdn() {
        return config.cdnDistributionId().<CdnInvalidator>map(id -> new CloudFrontInvalidator(CloudFrontClients.create(config, credentials()), id));
    }

    /** Reads the desk's sign-in settings (Parameter Store on AWS): call on a request, not at init (see DeskSettings). */
    public DeskSettings deskSettings() {
        return DeskSettings.load(config, this::ssm);
    }

    /** SnapStart's warm-up over this container's services (registered by {@link #fromEnvironment()}'s graphs). */
    public Priming priming() {
        return new Priming(articles());
    }

    /** A Parameter Store client for one read; the caller closes it. */
    private SsmClient ssm() {
        return SsmClients.create(config, credentials());
    }
}
