package com.newsapi.events;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one DynamoDB stream record into the change event it means, or none: only article items
 * count (slug claims, postings and registrations are index bookkeeping).
 */
public final class ChangeClassifier {

    static final List<String> EDITABLE_FIELDS =
            List.of("title", "summary", "body", "authorName", "authorBio", "tags", "status", "publishedAt");
    private static final String ARTICLE_PREFIX = "ARTICLE#";

    private ChangeClassifier() {
    }

    public static Optional<ChangeEvent> classify(String eventName, Map<String, AttributeValue> oldImage,
                                                 Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> any = newImage != null && !newImage.isEmpty() ? newImage : oldImage;
        if (any == null || !any.containsKey("pk") || !any.get("pk").getS().startsWith(ARTICLE_PREFIX)) {
            return Optional.empty();
        }
        boolean wasPublished = isPublished(oldImage);
        boolean isPublished = isPublished(newImage);
        if ("INSERT".equals(eventName) && !isPublished) {
            return Optional.empty(); // a new draft: nothing happened that anyone outside can see
        }
        String type = switch (eventName) {
            case "REMOVE" -> ChangeEvent.DELETED;
            case "INSERT" -> ChangeEvent.PUBLISHED;
            default -> !wasPublished && isPublished ? ChangeEvent.PUBLISHED
                    : wasPublished && !isPublished ? ChangeEvent.UNPUBLISHED
                    : ChangeEvent.UPDATED;
        };
        List<String> changed = changedFields(oldImage, newImage);
        if (type.equals(ChangeEvent.UPDATED) && changed.isEmpty() && "MODIFY".equals(eventName)) {
            return Optional.empty();
        }
        return Optional.of(new ChangeEvent(type, string(any, "id"), string(any, "slug"),
                Long.parseLong(any.get("version").getN()), changed));
    }

    private static boolean isPublished(Map<String, AttributeValue> image) {
        return image != null && image.containsKey("status") && "published".equals(image.get("status").getS());
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
