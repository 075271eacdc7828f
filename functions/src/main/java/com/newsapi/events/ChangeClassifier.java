package com.newsapi.events;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one DynamoDB stream record into the change event it means, or none: only article items
 * count (slug claims, postings, registrations and revisions are bookkeeping).
 */
public final class ChangeClassifier {

    static final List<String> EDITABLE_FIELDS =
            List.of("title", "summary", "body", "authorName", "authorBio", "tags", "status", "publishedAt");
    private static final String ARTICLE_PREFIX = "ARTICLE#";
    private static final String ARTICLE_SK = "ARTICLE";

    private ChangeClassifier() {
    }

    public static Optional<ChangeEvent> classify(String eventName, Map<String, AttributeValue> oldImage,
                                                 Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> any = newImage != null && !newImage.isEmpty() ? newImage : oldImage;
        if (any == null || !any.containsKey("pk") || !any.get("pk").getS().startsWith(ARTICLE_PREFIX)) {
            return Optional.empty();
        }
        if (any.containsKey("sk") && !ARTICLE_SK.equals(any.get("sk").getS())) {
            return Optional.empty(); // a revision kept in the article's partition: written, or removed, with a change of its own
        }
        String before = status(oldImage);
        String after = status(newImage);
        if ("INSERT".equals(eventName) && "draft".equals(after)) {
            return Optional.empty(); // a new draft: nothing happened that anyone outside can see
        }
        // A scheduled article appears at its publishAt without any write, so it has no event of
        // its own then: ArticleScheduled (with publishedAt among the changed fields) announces it.
        String type = "REMOVE".equals(eventName) ? ChangeEvent.DELETED
                : "scheduled".equals(after) ? ChangeEvent.SCHEDULED
                : "published".equals(after) ? (wasVisible(oldImage, newImage) ? ChangeEvent.UPDATED : ChangeEvent.PUBLISHED)
                : "draft".equals(before) ? ChangeEvent.UPDATED
                : ChangeEvent.UNPUBLISHED;
        List<String> changed = changedFields(oldImage, newImage);
        if (type.equals(ChangeEvent.UPDATED) && changed.isEmpty() && "MODIFY".equals(eventName)) {
            return Optional.empty();
        }
        return Optional.of(new ChangeEvent(type, string(any, "id"), string(any, "slug"),
                Long.parseLong(any.get("version").getN()), changed));
    }

    /** Published before, or scheduled for an instant that had come by the time of this change. */
    private static boolean wasVisible(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        String before = status(oldImage);
        if (!"scheduled".equals(before)) {
            return "published".equals(before);
        }
        String publishAt = string(oldImage, "publishedAt");
        String changedAt = string(newImage, "updatedAt");
        return publishAt != null && changedAt != null && !Instant.parse(publishAt).isAfter(Instant.parse(changedAt));
    }

    private static String status(Map<String, AttributeValue> image) {
        return image != null && image.containsKey("status") ? image.get("status").getS() : "draft";
    }

    private static List<String> changedFields(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        List<String> changed = new ArrayList<>();
        for (String field : EDITABLE_FIELDS) {
            AttributeValue before = oldImage == null ? null : oldImage.get(field);
            AttributeValue after = newImage == null ? null : newImage.get(field);
            if (!Objects.equals(before, after)) {
                changed.add(field);
            }
        }
        return changed;
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.getS();
    }
}
