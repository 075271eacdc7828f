package com.newsapi.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.newsapi.config.Config;
import com.newsapi.config.Dependencies;
import com.newsapi.events.EventSink;
import com.newsapi.events.PrintingSink;
import com.newsapi.handler.LoadSeedsHandler;
import com.newsapi.handler.PublishChangesHandler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * The Docker-free local API: the local DynamoDB engine, the table from template.yaml, the seeds loaded by the
 * real loader handler, every HttpApi route served through its real handler class, and the table's
 * stream fed to the real change publisher, which prints one line per change event.
 *
 * <p>Run with {@code make local}. Settings: {@code PORT} (default 3000), {@code DYNAMODB_PORT}
 * (default 8000; 0 picks a free one), {@code DYNAMODB_HOST} (default 127.0.0.1; the sam local suite
 * gives the Docker bridge's address), {@code DYNAMODB_ENDPOINT} (an engine you run yourself instead), {@code TEMPLATE} (default template.yaml), {@code SEED}
 * (default true; false leaves the table empty), {@code EVENTS} (off: no change events),
 * {@code RATE_LIMITS} (off: the template's throttling is not applied, for load tools).
 */
public final class LocalApi implements AutoCloseable {

    public static final String TABLE_NAME = "news-local";
    static final String LOOPBACK = "127.0.0.1";

    private final LocalDatabase dynamo;
    private final LocalApiServer server;
    private final Routes routes;
    private final Map<String, Object> seeded;
    private final StreamPump pump;

    private LocalApi(LocalDatabase dynamo, LocalApiServer server, Routes routes, Map<String, Object> seeded, StreamPump pump) {
        this.dynamo = dynamo;
        this.server = server;
        this.routes = routes;
        this.seeded = seeded;
        this.pump = pump;
    }

    /** Starts everything; ports may be 0. */
    public static LocalApi start(Path template, int port, int dynamoPort, Path keyFolder) {
        return start(template, port, dynamoPort, keyFolder, true);
    }

    /** As {@link #start(Path, int, int, Path)}; without {@code seed} the table starts empty (the sam local suite seeds it through `sam local invoke LoaderFunction`). */
    public static LocalApi start(Path template, int port, int dynamoPort, Path keyFolder, boolean seed) {
        return start(template, port, dynamoPort, keyFolder, seed, new PrintingSink(System.out));
    }

    /** As {@link #start(Path, int, int, Path, boolean)}, with change events going to {@code events}; null: none. */
    public static LocalApi start(Path template, int port, int dynamoPort, Path keyFolder, boolean seed, EventSink events) {
        return start(template, port, LOOPBACK, dynamoPort, keyFolder, seed, events, true);
    }

    /**
     * As above, with the engine listening on {@code dynamoHost} (an address of this machine, never 0.0.0.0),
     * and without the template's throttling unless {@code throttled}; on the system clock.
     */
    public static LocalApi start(Path template, int port, String dynamoHost, int dynamoPort, Path keyFolder, boolean seed,
            EventSink events, boolean throttled) {
        return start(template, port, dynamoHost, dynamoPort, keyFolder, seed, events, throttled, Clock.systemUTC());
    }

    /**
     * As above, on {@code clock}: the handlers, the token checks and the rate limits all read it (tests
     * move it instead of waiting). The handlers are built here, from this server's own settings
     * ({@link #config}) and clock.
     */
    public static LocalApi start(Path template, int port, String dynamoHost, int dynamoPort, Path keyFolder, boolean seed,
            EventSink events, boolean throttled, Clock clock) {
        SamTemplate sam = SamTemplate.read(template);
        LocalDatabase dynamo = LocalDatabase.start(dynamoHost, dynamoPort);
        try {
            try (var client = dynamo.client()) {
                client.createTable(sam.table(TABLE_NAME));
            } catch (ResourceInUseException alreadyThere) {
                // an engine of your own (DYNAMODB_ENDPOINT) that has the table from an earlier run: use it
            }
            Dependencies dependencies = new Dependencies(config(dynamo.endpoint()), clock);
            Map<String, Object> seeded = seed
                    ? new LoadSeedsHandler(dependencies).handleRequest(Map.of(), new LocalContext())
                    : Map.of("articles", 0, "excerpts", 0, "written", 0);
            Routes routes = Routes.of(throttled ? sam.routes() : withoutThrottling(sam.routes()), dependencies);
            // From LATEST, after seeding: replaying the seed load would bury the events of the
            // developer's own writes. (Lambda reads from TRIM_HORIZON, of a table new and empty then.)
            StreamPump pump = events == null ? null : StreamPump.start(dynamo, TABLE_NAME, new PublishChangesHandler(events));
            try {
                LocalApiServer server = LocalApiServer.start(port, routes, sam.cors(), LocalTokens.inFolder(keyFolder), clock);
                return new LocalApi(dynamo, server, routes, seeded, pump);
            } catch (RuntimeException e) {
                if (pump != null) {
                    pump.close();
                }
                throw e;
            }
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    /**
     * The functions' settings here, as events/env.json gives them to sam local: this server's table
     * and engine, the same signing key (a cursor from one server works on the other), and this
     * server's own stand-in for the hosted sign-in ({@link LocalAuth}).
     */
    static Config config(URI dynamoDbEndpoint) {
        return Config.from(Map.of(
                Config.TABLE_NAME, TABLE_NAME,
                Config.DYNAMODB_ENDPOINT, dynamoDbEndpoint.toString(),
                Config.AWS_REGION, "us-east-1",
                Config.SYNC_TOKEN_KEY, "local-sync-token-key-not-secret",
                Config.DESK_AUTHORIZE_URL, LocalAuth.PREFIX + "authorize",
                Config.DESK_TOKEN_URL, LocalAuth.PREFIX + "token",
                Config.DESK_LOGOUT_URL, LocalAuth.PREFIX + "logout",
                Config.DESK_CLIENT_ID, LocalAuth.CLIENT_ID));
    }

    /** For load tools (bench/run.sh): the same routes, unthrottled. */
    private static List<SamTemplate.Route> withoutThrottling(List<SamTemplate.Route> routes) {
        return routes.stream().map(route -> route.withThrottle(java.util.Optional.empty())).toList();
    }

    public int port() {
        return server.port();
    }

    /** Every served route as "METHOD /path/{param}". */
    public List<String> routeKeys() {
        return routes.all().stream().map(route -> route.method() + " " + route.path()).toList();
    }

    /** The handler instance serving a route, for invoking it with a stored event. */
    public RequestHandler<?, ?> handlerOf(String method, String pathTemplate) {
        return routes.handlerOf(method, pathTemplate);
    }

    public LocalDatabase dynamo() {
        return dynamo;
    }

    public Map<String, Object> seeded() {
        return seeded;
    }

    @Override
    public void close() {
        if (pump != null) {
            pump.close();
        }
        server.close();
        dynamo.close();
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
        int dynamoPort = Integer.parseInt(System.getenv().getOrDefault("DYNAMODB_PORT", "8000"));
        String dynamoHost = System.getenv().getOrDefault("DYNAMODB_HOST", LOOPBACK);
        Path template = Path.of(System.getenv().getOrDefault("TEMPLATE", "template.yaml"));
        boolean seed = !"false".equals(System.getenv("SEED"));
        EventSink events = "off".equals(System.getenv("EVENTS")) ? null : new PrintingSink(System.out);
        boolean throttled = !"off".equals(System.getenv("RATE_LIMITS"));
        LocalApi api = start(template, port, dynamoHost, dynamoPort, Path.of(".local"), seed, events, throttled);
        Runtime.getRuntime().addShutdownHook(new Thread(api::close));
        System.out.printf("DynamoDB engine: %s (table %s)%n", api.dynamo().endpoint(), TABLE_NAME);
        System.out.printf("Local API: http://localhost:%d (%s articles seeded, %s excerpts)%n",
                api.port(), api.seeded().get("articles"), api.seeded().get("excerpts"));
    }
}
