package com.newsapi.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.codec.ArticleDrafts;
import com.newsapi.codec.ArticleFields;
import com.newsapi.codec.ArticleJson;
import com.newsapi.codec.Json;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.model.Source;
import com.newsapi.service.ArticleService;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * SnapStart's runtime hook: before Lambda snapshots an initialised function, run the paths every
 * request takes, so the snapshot holds their loaded classes, JIT-compiled code and SDK state
 * (signer, marshallers, HTTP client) instead of each restored container paying for them on its
 * first request. Nothing here writes: a read of an id no article has, one feed query, and JSON both
 * ways. A failure only costs the warm-up, never the snapshot, except one that says the function
 * cannot sign its calls: that is logged as an error, because every request would fail the same way.
 */
public final class Priming implements Resource {

    /** 16 hex digits like every id; no article is ever given it (ids are random or hashes of titles). */
    static final String ABSENT_ID = "0000000000000000";

    /** The registered hooks: Lambda's CRaC context holds its resources only weakly, so they are held here too. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    private final ArticleService articles;
    private final PrintStream log;

    public Priming(ArticleService articles) {
        this(articles, System.err);
    }

    Priming(ArticleService articles, PrintStream log) {
        this.articles = articles;
        this.log = log;
    }

    /**
     * Registers the hook for this container's snapshot (once per container: by the graph a Lambda
     * handler's constructor builds). Where no checkpoint is taken, registering costs nothing.
     */
    static void register(Priming hook) {
        REGISTERED.add(hook);
        org.crac.Core.getGlobalContext().register(hook);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the SDK opens new connections when the snapshot's ones are gone. But the
        // next request is this sandbox's first: its log line says cold.
        com.newsapi.observe.Cold.reset();
    }

    /** Runs the warm-up; true when every step ran (false is logged and otherwise harmless). */
    public boolean prime() {
        try {
            Article sample = new Article(ABSENT_ID, "priming", "Priming", "A sample.",
                    List.of(Block.heading("Heading"), Block.paragraph("Paragraph.")), new Author("Name", "Bio"),
                    new Source("file.txt", "Site"), Instant.EPOCH, List.of("tag"), ArticleStatus.PUBLISHED, false, 1,
                    Instant.EPOCH, Instant.EPOCH, 1);
            String json = ArticleJson.article(sample, ArticleFields.ARTICLE_DEFAULT);
            ObjectNode request = (ObjectNode) Json.mapper().readTree(json);
            ArticleDrafts.toDraft(request.retain("title", "summary", "body", "author", "tags"));
            articles.list(ArticleQuery.ALL, Optional.empty(), 1, false);
            try {
                articles.get(ABSENT_ID);
            } catch (com.newsapi.error.ArticleNotFound expected) {
                // the answer every request path knows how to give
            }
            return true;
        } catch (Exception e) {
            credentialsFailure(e).ifPresentOrElse(cause -> {
                log.println("ERROR priming: AWS credentials could not be loaded, so every AWS call of this function will fail: "
                        + cause.getMessage().replace('\n', ' '));
                e.printStackTrace(log);
            }, () -> log.println("priming skipped a step: " + e));
            return false;
        }
    }

    /**
     * The SDK has no exception type of its own for credentials it cannot load: it throws an
     * {@link SdkClientException} whose message says so ("Unable to load credentials from any of the
     * providers in the chain ...", "Failed to load credentials from metadata service."), which the
     * store keeps as the cause of its own exception.
     */
    static Optional<Throwable> credentialsFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkClientException && cause.getMessage() != null
                    && cause.getMessage().toLowerCase(Locale.ROOT).contains("credentials")) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
