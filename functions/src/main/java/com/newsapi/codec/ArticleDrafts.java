package com.newsapi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.error.InvalidField;
import com.newsapi.error.InvalidField.Violation;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleDraft;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an article's JSON against every field rule and turns it into an {@link ArticleDraft}, or
 * reports every broken rule at once (422). An article these rules accept fits well inside DynamoDB's
 * 400 KB item limit.
 */
public final class ArticleDrafts {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 500;
    static final int MAX_BLOCKS = 500;
    static final int MAX_BLOCK_TEXT = 20_000;
    static final int MAX_AUTHOR_NAME = 100;
    static final int MAX_BIO = 2_000;
    static final int MAX_TAG = 50;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]*");
    private static final Set<String> EDITABLE = Set.of("title", "summary", "body", "author", "tags", "status", "publishAt");
    private static final Set<String> READ_ONLY = Set.of(
            "id", "slug", "version", "createdAt", "updatedAt", "publishedAt", "wordCount", "excerpt", "source");

    private ArticleDrafts() {
    }

    /** A minimal valid article: a patch applied to it shows every rule the patch itself breaks. */
    private static final ObjectNode MINIMAL = JsonNodeFactory.instance.objectNode().put("title", "t")
            .set("body", JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()
                    .put("type", "paragraph").put("text", "t")));

    /**
     * Refuses a merge patch that breaks a field rule on its own (422), before the article is read
     * or its version checked: a bad request is reported as such whatever the article's state.
     */
    public static void checkPatch(ObjectNode patch) {
        toDraft((ObjectNode) MergePatch.apply(MINIMAL, patch));
    }

    /** Checks every rule and reports every broken one at once. */
    public static ArticleDraft toDraft(ObjectNode json) {
        List<Violation> violations = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (READ_ONLY.contains(name)) {
                violations.add(new Violation(name, "is set by the server and cannot be written"));
            } else if (!EDITABLE.contains(name)) {
                violations.add(new Violation(clip(name), "is not a field of an article"));
            }
        });
        String title = string(json.get("title"), "title", true, MAX_TITLE, violations);
        String summary = string(json.get("summary"), "summary", false, MAX_SUMMARY, violations);
        List<Block> body = blocks(json.get("body"), violations);
        Author author = author(json.get("author"), violations);
        List<String> tags = tags(json.get("tags"), violations);
        Optional<ArticleStatus> status = status(json.get("status"), violations);
        Optional<Instant> publishAt = publishAt(json.get("publishAt"), status, violations);
        if (!violations.isEmpty()) {
            throw new InvalidField(violations);
        }
        return new ArticleDraft(title, summary, body, author, tags, status, publishAt);
    }

    private static String string(JsonNode node, String path, boolean required, int max, List<Violation> violations) {
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(new Violation(path, "is required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new Violation(path, "must be a string"));
            return null;
        }
        String value = node.asText().strip();
        if (value.isEmpty() && required) {
            violations.add(new Violation(path, "must not be blank"));
        } else if (value.codePointCount(0, value.length()) > max) {
            violations.add(new Violation(path, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            violations.add(new Violation(path, "must not contain control characters"));
        }
        return value.isEmpty() ? null : value;
    }

    private static List<Block> blocks(JsonNode node, List<Violation> violations) {
        if (node == null || node.isNull()) {
            violations.add(new Violation("body", "is required"));
            return List.of();
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_BLOCKS) {
            violations.add(new Violation("body", "must be an array of 1 to " + MAX_BLOCKS + " blocks"));
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode block = node.get(i);
            String path = "body/" + i;
            if (!block.isObject()) {
                violations.add(new Violation(path, "must be an object with type and text"));
                continue;
            }
            block.fieldNames().forEachRemaining(name -> {
                if (!name.equals("type") && !name.equals("text")) {
                    violations.add(new Violation(path + "/" + clip(name), "is not a field of a block"));
                }
            });
            JsonNode type = block.get("type");
            String text = string(block.get("text"), path + "/text", true, MAX_BLOCK_TEXT, violations);
            if (type == null || !type.isTextual() || !Set.of("paragraph", "heading").contains(type.asText())) {
                violations.add(new Violation(path + "/type", "must be \"paragraph\" or \"heading\""));
            } else if (text != null) {
                blocks.add(new Block(Block.Type.valueOf(type.asText().toUpperCase(Locale.ROOT)), text));
            }
        }
        return blocks;
    }

    private static Author author(JsonNode node, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            violations.add(new Violation("author", "must be an object with name and optional bio"));
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals("name") && !name.equals("bio")) {
                violations.add(new Violation("author/" + clip(name), "is not a field of an author"));
            }
        });
        String name = string(node.get("name"), "author/name", true, MAX_AUTHOR_NAME, violations);
        String bio = string(node.get("bio"), "author/bio", false, MAX_BIO, violations);
        return name == null ? null : new Author(name.replaceAll("\\s+", " "), bio);
    }

    private static List<String> tags(JsonNode node, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > Article.MAX_TAGS) {
            violations.add(new Violation("tags", "must be an array of at most " + Article.MAX_TAGS + " tags"));
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String tag = string(node.get(i), "tags/" + i, true, MAX_TAG, violations);
            if (tag != null && !TAG.matcher(tag).matches()) {
                violations.add(new Violation("tags/" + i, "may hold only letters, digits, spaces, '-' and '_'"));
            } else if (tag != null && tags.stream().noneMatch(tag::equalsIgnoreCase)) {
                tags.add(tag.toLowerCase(Locale.ROOT));
            }
        }
        return tags;
    }

    private static Optional<ArticleStatus> status(JsonNode node, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || !Set.of("draft", "scheduled", "published").contains(node.asText())) {
            violations.add(new Violation("status", "must be \"draft\", \"scheduled\" or \"published\""));
            return Optional.empty();
        }
        return Optional.of(ArticleStatus.fromWireName(node.asText()));
    }

    /** Required with status "scheduled", refused with any other: when it becomes visible is then never ambiguous. */
    private static Optional<Instant> publishAt(JsonNode node, Optional<ArticleStatus> status, List<Violation> violations) {
        boolean scheduled = status.filter(ArticleStatus.SCHEDULED::equals).isPresent();
        if (node == null || node.isNull()) {
            if (scheduled) {
                violations.add(new Violation("publishAt", "is required when status is \"scheduled\""));
            }
            return Optional.empty();
        }
        if (!scheduled) {
            violations.add(new Violation("publishAt", "is only for status \"scheduled\" (send null to remove it)"));
            return Optional.empty();
        }
        try {
            Instant instant = OffsetDateTime.parse(node.isTextual() ? node.asText() : "").toInstant();
            if (instant.isAfter(LATEST_PUBLISH_AT)) {
                violations.add(new Violation("publishAt", "must be before the year 9000"));
                return Optional.empty();
            }
            return Optional.of(instant.truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeParseException e) {
            violations.add(new Violation("publishAt", "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T06:00:00Z"));
            return Optional.empty();
        }
    }

    private static final Instant LATEST_PUBLISH_AT = Instant.parse("9000-01-01T00:00:00Z");

    private static String clip(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
