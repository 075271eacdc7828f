package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, checked. template.yaml goes through the SAM transform (scripts/sam-translate.py,
 * the translator CloudFormation and {@code sam validate} use), and each AWS::Lambda::Function of the
 * result is held to {@link #PERMISSIONS}: the statements of the role it runs with, and nothing else,
 * must be exactly the grants listed there. A grant more, a grant fewer, a managed policy, a
 * {@code *} resource, a wildcard action or a Scan fails, naming the difference.
 *
 * <p>Resources are named symbolically: {@code table}, {@code index/feed}, {@code stream} (the
 * table's stream), {@code stream/*} (any stream of the table), {@code bus}, {@code log-group} (the
 * function's own, the one its LoggingConfig names), {@code sync-key-parameter},
 * {@code failure-bucket} and {@code failure-bucket/*} (its objects), {@code distribution} (the CDN),
 * {@code desk-settings-parameter} (the desk page's settings).
 * Anything else shows as written. A statement under a condition ({@code Fn::If}) counts as its
 * branch for the template's default parameters (the CDN on).
 */
class PermissionsTest {

    private static final String TABLE = "table";
    private static final String FEED = "index/feed";
    /** The table, only search postings and tag/author counters (TERM# or COUNTS# partition keys). */
    private static final String POSTINGS_AND_COUNTERS = "table, TERM#* COUNTS#* keys";
    /** The table, only tag/author counters (COUNTS# partition keys). */
    private static final String COUNTERS = "table, COUNTS#* keys";
    /** The table, only items of an article's partition (ARTICLE# partition keys): its revisions. */
    private static final String ARTICLE_PARTITIONS = "table, ARTICLE#* keys";
    /** The table, only postings, counters and items of an article's partition (the revision past the last 20). */
    private static final String POSTINGS_COUNTERS_AND_REVISIONS = "table, TERM#* COUNTS#* ARTICLE#* keys";
    /** The table, only postings and items of an article's partition. */
    private static final String POSTINGS_AND_REVISIONS = "table, TERM#* ARTICLE#* keys";
    private static final String BY_AUTHOR = "index/byAuthor";
    private static final String[] BY_TAG = {"index/byTag1", "index/byTag2", "index/byTag3", "index/byTag4", "index/byTag5"};
    private static final String CHANGES = "index/changes";
    private static final String DESK = "index/desk";

    /** Every function writes its logs to its own group. */
    private static final List<Grant> LOGS = grants(allow("logs:CreateLogStream", "log-group"), allow("logs:PutLogEvents", "log-group"));

    /**
     * Priming (config/Priming.java) runs when SnapStart snapshots a version of any function whose
     * handler asks config/Dependencies for the store: articles.get of an absent id, articles.list of the feed.
     */
    private static final List<Grant> PRIMING = grants(allow("dynamodb:GetItem", TABLE), allow("dynamodb:Query", FEED));

    /** The specification: each function, and every grant its code needs (the code path in the comment). */
    static final Map<String, Set<Grant>> PERMISSIONS = Map.ofEntries(
            function("GetArticleFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE)),                    // ArticleService.get: findById, findBySlug
            function("ListArticlesFunction", LOGS, PRIMING,
                    allow("dynamodb:Query", TABLE),                       // search: a term's postings live in the table
                    allow("dynamodb:BatchGetItem", TABLE),                // search: the articles the postings name
                    allow("dynamodb:Query", FEED, BY_AUTHOR),             // newest first, all or by author
                    allow("dynamodb:Query", BY_TAG),                      // by tag: five slots merged
                    allow("ssm:GetParameter", "sync-key-parameter")),     // the cursor signing key, at init
            function("ListTagsFunction", LOGS, PRIMING,
                    allow("dynamodb:Query", TABLE),                       // a page of the tag counters (the feed's future end: as Priming)
                    allow("ssm:GetParameter", "sync-key-parameter")),     // the cursor signing key, at init
            function("ListAuthorsFunction", LOGS, PRIMING,
                    allow("dynamodb:Query", TABLE),                       // a page of the author counters (the feed's future end: as Priming)
                    allow("ssm:GetParameter", "sync-key-parameter")),     // the cursor signing key, at init
            function("CreateArticleFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE),                     // replay: findIdempotency
                    allow("dynamodb:BatchGetItem", TABLE),                // slugOwners
                    allow("dynamodb:PutItem", TABLE),                     // create: transaction of conditional Puts; postings
                    allow("dynamodb:UpdateItem", TABLE)),                 // ... and of the counters' Updates
            function("ReplaceArticleFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE),                     // current: findById
                    allow("dynamodb:PutItem", TABLE),                     // replace: conditional Put (+ tombstone Put); postings
                    allow("dynamodb:UpdateItem", TABLE),                  // ... with the counters' Updates, when they move
                    allow("dynamodb:BatchGetItem", TABLE),                // removeEmptyCounters: the counters lowered
                    allow("dynamodb:DeleteItem", POSTINGS_COUNTERS_AND_REVISIONS)), // removeStalePostings, removeEmptyCounters; revision v-20
            function("PatchArticleFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE),                     // get, current: findById
                    allow("dynamodb:PutItem", TABLE),                     // replace, as above
                    allow("dynamodb:UpdateItem", TABLE),
                    allow("dynamodb:BatchGetItem", TABLE),
                    allow("dynamodb:DeleteItem", POSTINGS_COUNTERS_AND_REVISIONS)),
            function("PublishArticleFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE),                     // current: findById
                    allow("dynamodb:PutItem", TABLE),                     // publish is a replace (with its revisions)
                    allow("dynamodb:UpdateItem", TABLE),                  // ... raising the counters of a draft it publishes
                    allow("dynamodb:DeleteItem", POSTINGS_AND_REVISIONS)), // a scheduled article's postings move; revision v-20
            function("UnpublishArticleFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE),                     // current: findById
                    allow("dynamodb:PutItem", TABLE),                     // unpublish is a replace: article, revision and tombstone Puts; postings
                    allow("dynamodb:UpdateItem", TABLE),                  // ... lowering the counters
                    allow("dynamodb:BatchGetItem", TABLE),                // removeEmptyCounters: the counters lowered
                    allow("dynamodb:DeleteItem", POSTINGS_COUNTERS_AND_REVISIONS)), // stale postings, empty counters; revision v-20
            function("ListDeskArticlesFunction", LOGS, PRIMING,
                    allow("dynamodb:Query", DESK),                        // DeskQueries: the status partitions, merged
                    allow("ssm:GetParameter", "sync-key-parameter")),     // the cursor signing key, at init
            function("GetDeskArticleFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE)),                    // EditorService.get: findById
            function("ListRevisionsFunction", LOGS, PRIMING,
                    allow("dynamodb:Query", ARTICLE_PARTITIONS),          // revisions: a page of the article's partition
                    allow("ssm:GetParameter", "sync-key-parameter")),     // the cursor signing key, at init (GetItem: findById, as Priming)
            function("GetRevisionFunction", LOGS, PRIMING),               // findRevision: a GetItem, as Priming
            function("RestoreRevisionFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE),                     // current: findStored; findRevision
                    allow("dynamodb:PutItem", TABLE),                     // restore is a replace
                    allow("dynamodb:UpdateItem", TABLE),
                    allow("dynamodb:BatchGetItem", TABLE),
                    allow("dynamodb:DeleteItem", POSTINGS_COUNTERS_AND_REVISIONS)),
            function("DeleteArticleFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE),                     // current: findById
                    allow("dynamodb:DeleteItem", TABLE),                  // delete: transaction's Deletes (revisions too); counters at zero; stale postings
                    allow("dynamodb:PutItem", TABLE),                     // ... and its tombstone Put
                    allow("dynamodb:UpdateItem", TABLE),                  // ... and its counters' Updates
                    allow("dynamodb:BatchGetItem", TABLE),                // removeEmptyCounters: the counters lowered
                    allow("dynamodb:Query", ARTICLE_PARTITIONS)),         // delete: the keys of the article's revisions
            function("SyncFunction", LOGS, PRIMING,
                    allow("dynamodb:Query", FEED, BY_AUTHOR, CHANGES),    // full pass by feed or author; delta pass
                    allow("dynamodb:Query", BY_TAG),                      // full pass by tag
                    allow("ssm:GetParameter", "sync-key-parameter")),     // the signing key, at init
            function("CreatePreviewFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE),                     // PreviewService.create: findById
                    allow("ssm:GetParameter", "sync-key-parameter")),     // the token signing key, at init
            function("GetPreviewFunction", LOGS, PRIMING,
                    allow("dynamodb:GetItem", TABLE),                     // PreviewService.open: findById
                    allow("ssm:GetParameter", "sync-key-parameter")),     // the token signing key, at init
            function("GetOpenApiFunction", LOGS),                         // the document is packaged with it
            function("GetDeskFunction", LOGS,                             // the page is packaged with it; no table
                    allow("ssm:GetParameter", "desk-settings-parameter")), // DeskSettings.load: client id and API URL
            function("ChangePublisherFunction", LOGS,                     // no store: no Priming
                    allow("dynamodb:DescribeStream", "stream"),           // the event source mapping reads the stream
                    allow("dynamodb:GetRecords", "stream"),
                    allow("dynamodb:GetShardIterator", "stream"),
                    allow("dynamodb:ListStreams", "stream/*"),            // as SAM's DynamoDBStreamReadPolicy scopes it
                    allow("events:PutEvents", "bus"),                     // EventBridgeSink
                    allow("s3:PutObject", "failure-bucket/*"),            // the mapping's on-failure destination
                    allow("s3:ListBucket", "failure-bucket"),
                    allow("cloudfront:CreateInvalidation", "distribution")), // CloudFrontInvalidator
            function("LoaderFunction", LOGS, PRIMING,
                    allow("dynamodb:BatchGetItem", TABLE),                // storedVersions, slugOwners, putAll's replaced articles, removeEmptyCounters
                    allow("dynamodb:BatchWriteItem", TABLE),              // putAll: search postings
                    allow("dynamodb:PutItem", TABLE),                     // putAll: transactions of conditional Puts
                    allow("dynamodb:UpdateItem", TABLE),                  // ... and of the counters' Updates; CounterRebuild's SETs
                    allow("dynamodb:DeleteItem", POSTINGS_AND_COUNTERS),  // stale postings, counters at zero, CounterRebuild's removals
                    allow("dynamodb:Query", COUNTERS)));                  // CounterRebuild: the counters (its recount reads the feed, as Priming)

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode translated;

    @BeforeAll
    static void translateTheTemplate() {
        translated = translate();
    }

    @Test
    void eachFunction_isGrantedExactlyWhatThePermissionTableLists() {
        assertThat(problems(translated, PERMISSIONS)).as("permissions of the translated template").isEmpty();
    }

    @Test
    void eachFunction_hasARoleOfItsOwn_andALogGroupKeptForLogRetentionDays() {
        JsonNode resources = translated.path("Resources");
        Map<String, String> roles = new TreeMap<>();
        for (String function : ofType(translated, "AWS::Lambda::Function")) {
            JsonNode properties = resources.path(function).path("Properties");
            roles.put(function, roleOf(properties));
            String logGroup = properties.path("LoggingConfig").path("LogGroup").path("Ref").asText(null);
            assertThat(logGroup).as("%s: LoggingConfig.LogGroup", function).isNotNull();
            JsonNode group = resources.path(logGroup);
            assertThat(group.path("Type").asText()).as("%s: its log group %s", function, logGroup).isEqualTo("AWS::Logs::LogGroup");
            assertThat(group.path("Properties").path("RetentionInDays").path("Ref").asText())
                    .as("%s: RetentionInDays", logGroup).isEqualTo("LogRetentionDays");
        }
        assertThat(roles.values()).as("the role of each function").doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void theChecker_reportsAScan_aWildcardAction_anEveryResourceGrant_andAManagedPolicy() {
        ObjectNode widened = translated.deepCopy();
        statementsOf(widened, "GetArticleFunction").add(statement("dynamodb:Scan", getAtt("ArticlesTable", "Arn")));
        statementsOf(widened, "ListTagsFunction").add(statement("dynamodb:*", getAtt("ArticlesTable", "Arn")));
        statementsOf(widened, "SyncFunction").add(statement("dynamodb:GetItem", JsonNodeFactory.instance.textNode("*")));
        role(widened, "LoaderFunction").putArray("ManagedPolicyArns")
                .add("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");

        List<String> problems = problems(widened, PERMISSIONS);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("GetArticleRole").contains("dynamodb:Scan"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("GetArticleFunction")
                .contains("more than the table", "dynamodb:Scan on table"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("ListTagsRole").contains("wildcard action dynamodb:*"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("SyncRole").contains("dynamodb:GetItem on every resource"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("LoaderRole").contains("managed polic", "AWSLambdaBasicExecutionRole"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).startsWith("ChangePublisher"));
    }

    @Test
    void theChecker_reportsAGrantTheTableListsButTheRoleLacks_andAFunctionTheTableDoesNotKnow() {
        ObjectNode narrowed = translated.deepCopy();
        ArrayNode statements = statementsOf(narrowed, "DeleteArticleFunction");
        for (Iterator<JsonNode> it = statements.iterator(); it.hasNext(); ) {
            JsonNode statement = it.next();
            if (actions(statement).contains("dynamodb:DeleteItem")) {
                ((ObjectNode) statement).set("Action", JsonNodeFactory.instance.arrayNode().addAll(
                        actions(statement).stream().filter(a -> !a.equals("dynamodb:DeleteItem"))
                                .map(JsonNodeFactory.instance::textNode).toList()));
            }
        }
        ObjectNode stranger = ((ObjectNode) narrowed.get("Resources")).putObject("StrangerFunction");
        stranger.put("Type", "AWS::Lambda::Function");
        stranger.putObject("Properties").set("Role", getAtt("GetOpenApiRole", "Arn"));

        List<String> problems = problems(narrowed, PERMISSIONS);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("DeleteArticleFunction")
                .contains("fewer than the table", "dynamodb:DeleteItem on table"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("StrangerFunction").contains("not in the permission table"));
    }

    // ---- The checker ----

    /** One allowed action on one (symbolically named) resource. */
    record Grant(String action, String resource) implements Comparable<Grant> {
        @Override
        public int compareTo(Grant other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    /**
     * Everything wrong with the functions' permissions in a translated template, measured against
     * {@code expected}; empty when every function has exactly its grants and no role breaks a rule.
     */
    static List<String> problems(JsonNode template, Map<String, Set<Grant>> expected) {
        List<String> problems = new ArrayList<>();
        JsonNode resources = template.path("Resources");
        for (String role : ofType(template, "AWS::IAM::Role")) {
            problems.addAll(ruleBreaks(template, role));
        }
        Set<String> functions = ofType(template, "AWS::Lambda::Function");
        for (String function : new TreeSet<>(expected.keySet())) {
            if (!functions.contains(function)) {
                problems.add(function + ": in the permission table, but the template has no such function");
            }
        }
        for (String function : functions) {
            JsonNode properties = resources.path(function).path("Properties");
            String role = roleOf(properties);
            if (role == null || !"AWS::IAM::Role".equals(resources.path(role).path("Type").asText())) {
                problems.add(function + ": runs with a role this template does not declare (Role: " + properties.path("Role") + ")");
                continue;
            }
            String logGroup = properties.path("LoggingConfig").path("LogGroup").path("Ref").asText(null);
            Set<Grant> actual = grantsOf(template, role, logGroup);
            if (!expected.containsKey(function)) {
                problems.add(function + ": not in the permission table; its role " + role + " grants " + actual);
                continue;
            }
            Set<Grant> more = new TreeSet<>(actual);
            more.removeAll(expected.get(function));
            Set<Grant> fewer = new TreeSet<>(expected.get(function));
            fewer.removeAll(actual);
            if (!more.isEmpty()) {
                problems.add(function + ": its role " + role + " grants more than the table: " + more);
            }
            if (!fewer.isEmpty()) {
                problems.add(function + ": its role " + role + " grants fewer than the table: " + fewer);
            }
        }
        return problems;
    }

    /** The rules no role may break, whatever the table says. */
    private static List<String> ruleBreaks(JsonNode template, String role) {
        List<String> problems = new ArrayList<>();
        JsonNode managed = template.path("Resources").path(role).path("Properties").path("ManagedPolicyArns");
        if (!managed.isMissingNode() && !managed.isEmpty()) {
            problems.add(role + ": has managed policies " + managed + "; every grant must be an inline statement");
        }
        for (JsonNode statement : statementsOf(template, role)) {
            if (statement.has("NotAction") || statement.has("NotResource")) {
                problems.add(role + ": NotAction or NotResource grants everything else: " + statement);
            }
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            for (String action : actions(statement)) {
                if (action.contains("*") || action.contains("?")) {
                    problems.add(role + ": wildcard action " + action);
                }
                if (action.equalsIgnoreCase("dynamodb:Scan")) {
                    problems.add(role + ": dynamodb:Scan (the application never scans)");
                }
                for (JsonNode resource : list(statement.path("Resource"))) {
                    if (resource.isTextual() && resource.asText().equals("*")) {
                        problems.add(role + ": " + action + " on every resource (\"*\")");
                    }
                }
            }
        }
        return problems;
    }

    /** The Allow grants of a role: its inline policies and any AWS::IAM::Policy attached to it. */
    private static Set<Grant> grantsOf(JsonNode template, String role, String ownLogGroup) {
        Set<Grant> grants = new TreeSet<>();
        for (JsonNode statement : statementsOf(template, role)) {
            if ("Allow".equals(statement.path("Effect").asText())) {
                String keys = String.join(" ", list(statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys"))
                        .stream().map(JsonNode::asText).toList());
                for (String action : actions(statement)) {
                    for (JsonNode resource : list(statement.path("Resource"))) {
                        grants.add(new Grant(action, describe(resource, ownLogGroup) + (keys.isEmpty() ? "" : ", " + keys + " keys")));
                    }
                }
            }
        }
        return grants;
    }

    private static List<JsonNode> statementsOf(JsonNode template, String role) {
        List<JsonNode> statements = new ArrayList<>();
        JsonNode resources = template.path("Resources");
        for (JsonNode policy : resources.path(role).path("Properties").path("Policies")) {
            for (JsonNode statement : list(policy.path("PolicyDocument").path("Statement"))) {
                JsonNode whenTrue = statement.path("Fn::If").path(1);
                if (!statement.has("Fn::If")) {
                    statements.add(statement);
                } else if (!"AWS::NoValue".equals(whenTrue.path("Ref").asText())) {
                    statements.add(whenTrue);
                }
            }
        }
        for (String policy : ofType(template, "AWS::IAM::Policy")) {
            JsonNode properties = resources.path(policy).path("Properties");
            for (JsonNode attached : properties.path("Roles")) {
                if (role.equals(attached.path("Ref").asText())) {
                    statements.addAll(list(properties.path("PolicyDocument").path("Statement")));
                }
            }
        }
        return statements;
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)}");
    private static final String SYNC_KEY_ARN =
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${SyncTokenKeyParameterName}";
    private static final String DESK_SETTINGS_ARN =
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${AWS::StackName}/desk-settings";
    private static final String DISTRIBUTION_ARN = "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${ApiDistribution}";

    /** A statement's resource as the table names it (see the class comment), or as written. */
    static String describe(JsonNode resource, String ownLogGroup) {
        if (resource.isTextual()) {
            return resource.asText();
        }
        if (resource.has("Fn::GetAtt")) {
            JsonNode getAtt = resource.get("Fn::GetAtt");
            String[] parts = getAtt.isTextual() ? getAtt.asText().split("\\.", 2)
                    : new String[] {getAtt.path(0).asText(), getAtt.path(1).asText()};
            return parts.length == 2 ? name(parts[0], parts[1], ownLogGroup) : resource.toString();
        }
        if (resource.has("Fn::Sub") && resource.get("Fn::Sub").isTextual()) {
            String text = resource.get("Fn::Sub").asText();
            if (text.equals(SYNC_KEY_ARN)) {
                return "sync-key-parameter";
            }
            if (text.equals(DESK_SETTINGS_ARN)) {
                return "desk-settings-parameter";
            }
            if (text.equals(DISTRIBUTION_ARN)) {
                return "distribution";
            }
            Matcher attribute = ATTRIBUTE.matcher(text);
            StringBuilder named = new StringBuilder();
            while (attribute.find()) {
                attribute.appendReplacement(named, Matcher.quoteReplacement(name(attribute.group(1), attribute.group(2), ownLogGroup)));
            }
            attribute.appendTail(named);
            // The table's indexes and streams: "index/feed", "stream/*".
            return named.toString().replaceFirst("^table/(index|stream)/", "$1/");
        }
        return resource.toString();
    }

    private static String name(String logicalId, String attribute, String ownLogGroup) {
        return switch (logicalId + "." + attribute) {
            case "ArticlesTable.Arn" -> "table";
            case "ArticlesTable.StreamArn" -> "stream";
            case "ArticleEventBus.Arn" -> "bus";
            case "ChangePublisherFailures.Arn" -> "failure-bucket";
            default -> logicalId.equals(ownLogGroup) && attribute.equals("Arn") ? "log-group" : logicalId + "." + attribute;
        };
    }

    // ---- The template ----

    /** Runs scripts/sam-translate.py on template.yaml, from the repository root. */
    private static JsonNode translate() {
        Path root = Files.exists(Path.of("template.yaml")) ? Path.of(".") : Path.of("..");
        try {
            Path errors = Files.createTempFile("sam-translate", ".err");
            try {
                Process python = new ProcessBuilder("python3", "scripts/sam-translate.py", "template.yaml")
                        .directory(root.toFile())
                        .redirectError(errors.toFile())
                        .start();
                byte[] out = python.getInputStream().readAllBytes();
                if (!python.waitFor(120, TimeUnit.SECONDS)) {
                    python.destroyForcibly();
                    fail("scripts/sam-translate.py did not finish in 120 s");
                }
                String stderr = Files.readString(errors, StandardCharsets.UTF_8);
                if (python.exitValue() == 2) {
                    fail("The permission test needs the SAM translator (Python): python3 -m pip install aws-sam-translator\n" + stderr);
                }
                if (python.exitValue() != 0) {
                    fail("scripts/sam-translate.py template.yaml failed (exit " + python.exitValue() + "):\n" + stderr);
                }
                return JSON.readTree(out);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            return fail("Cannot run python3 scripts/sam-translate.py (needs Python 3 and: python3 -m pip install aws-sam-translator)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", e);
        }
    }

    private static Set<String> ofType(JsonNode template, String type) {
        Set<String> ids = new TreeSet<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (type.equals(resource.getValue().path("Type").asText())) {
                ids.add(resource.getKey());
            }
        });
        return ids;
    }

    /** The logical id of the role a function names with {@code Fn::GetAtt [Role, Arn]}; null for anything else. */
    private static String roleOf(JsonNode functionProperties) {
        JsonNode getAtt = functionProperties.path("Role").path("Fn::GetAtt");
        if (getAtt.isArray() && "Arn".equals(getAtt.path(1).asText())) {
            return getAtt.path(0).asText();
        }
        if (getAtt.isTextual() && getAtt.asText().endsWith(".Arn")) {
            return getAtt.asText().substring(0, getAtt.asText().length() - ".Arn".length());
        }
        return null;
    }

    private static List<String> actions(JsonNode statement) {
        return list(statement.path("Action")).stream().map(JsonNode::asText).toList();
    }

    /** A single value or a list of them, as a list. */
    private static List<JsonNode> list(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
        return List.of(node);
    }

    // ---- Changing a copy of the template (the checker's own tests) ----

    private static ObjectNode role(ObjectNode template, String function) {
        String role = roleOf(template.path("Resources").path(function).path("Properties"));
        return (ObjectNode) template.path("Resources").path(role).path("Properties");
    }

    private static ArrayNode statementsOf(ObjectNode template, String function) {
        return (ArrayNode) role(template, function).path("Policies").path(0).path("PolicyDocument").path("Statement");
    }

    private static ObjectNode statement(String action, JsonNode resource) {
        ObjectNode statement = JsonNodeFactory.instance.objectNode();
        statement.put("Effect", "Allow");
        statement.put("Action", action);
        statement.set("Resource", resource);
        return statement;
    }

    private static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode getAtt = JsonNodeFactory.instance.objectNode();
        getAtt.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return getAtt;
    }

    // ---- Building the table ----

    private static List<Grant> allow(String action, String... resources) {
        return Arrays.stream(resources).map(resource -> new Grant(action, resource)).toList();
    }

    @SafeVarargs
    private static List<Grant> grants(List<Grant>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    @SafeVarargs
    private static Map.Entry<String, Set<Grant>> function(String logicalId, List<Grant>... parts) {
        return Map.entry(logicalId, Stream.of(parts).flatMap(List::stream).collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
