package com.newsapi.config;

import com.newsapi.http.SignedPositions;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.service.SyncService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The object graph the handlers' no-arg constructors use: built once per JVM (a Lambda container
 * or the local API), on first use, from {@link Config#load()}.
 */
public final class Dependencies {

    private final ArticleStore store;
    private final ArticleService articles;
    private final EditorService editor;
    private final SyncService sync;
    private final Clock clock;
    private final Optional<Config> config;
    private final Optional<AwsCredentialsProvider> credentials;
    private final LongAdder storeRetries;
    private Priming priming;
    private SignedPositions positions;

    public Dependencies(ArticleStore store, Clock clock) {
        this(store, clock, Optional.empty(), Optional.empty(), null);
    }

    private Dependencies(ArticleStore store, Clock clock, Optional<Config> config, Optional<AwsCredentialsProvider> credentials,
                         LongAdder storeRetries) {
        this.config = config;
        this.credentials = credentials;
        this.storeRetries = storeRetries;
        this.store = store;
        this.clock = clock;
        this.articles = new ArticleService(store, clock);
        this.editor = new EditorService(store, clock);
        this.sync = new SyncService(store, clock);
    }

    public static Dependencies shared() {
        return Holder.INSTANCE;
    }

    public ArticleStore store() {
        return store;
    }

    public ArticleService articles() {
        return articles;
    }

    public EditorService editor() {
        return editor;
    }

    public SyncService sync() {
        return sync;
    }

    /**
     * The signer of list cursors and sync tokens, its keys read on the first call ({@link SyncKeys}):
     * from a handler's no-arg constructor, so at init, before a SnapStart snapshot, and only in the
     * functions that hand out cursors (the others have neither the key's setting nor its parameter).
     */
    public synchronized SignedPositions positions() {
        if (positions == null) {
            positions = new SignedPositions(SyncKeys.load(
                    config.orElseThrow(() -> new IllegalStateException("A graph built by a test has no signing keys: give the handler its own")),
                    credentials.orElseThrow()));
        }
        return positions;
    }

    /** The SnapStart hook (null for graphs built by tests). */
    public Priming priming() {
        return priming;
    }

    public Clock clock() {
        return clock;
    }

    /** The settings the shared graph was built from (empty for graphs built by tests). */
    public Optional<Config> config() {
        return config;
    }

    /** How many batch retries the store has waited for so far; null for graphs built by tests (not counted). */
    public LongSupplier storeRetries() {
        return storeRetries == null ? null : storeRetries::sum;
    }

    /** The credentials every client of this container signs with (empty for graphs built by tests). */
    public Optional<AwsCredentialsProvider> credentials() {
        return credentials;
    }

    /** Initialised by the JVM on first access only, and exactly once, without locking. */
    private static final class Holder {
        private static final Dependencies INSTANCE = create(Config.load());

        private static Dependencies create(Config config) {
            AwsCredentialsProvider credentials = CredentialsProviders.create(config);
            LongAdder storeRetries = new LongAdder();
            Dependencies dependencies = new Dependencies(
                    new ArticleStore(DynamoClients.create(config, credentials), config.tableName(), Backoff.counting(storeRetries)),
                    Clock.systemUTC(), Optional.of(config), Optional.of(credentials), storeRetries);
            // Runs only where a checkpoint is taken (SnapStart); elsewhere registering costs nothing.
            // Held by the instance: the CRaC context keeps its resources only weakly.
            dependencies.priming = new Priming(dependencies.articles());
            org.crac.Core.getGlobalContext().register(dependencies.priming);
            return dependencies;
        }
    }
}
