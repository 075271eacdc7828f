package com.newsapi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which event a write of a scheduled article means. */
class ChangeClassifierTest {

    @Test
    void schedulingAnArticle_isArticleScheduled_whetherNewOrADraftBefore() {
        assertThat(type("INSERT", null, image("scheduled", "2026-12-01T06:00:00Z", "2026-11-23T08:00:00Z")))
                .hasValue(ChangeEvent.SCHEDULED);
        assertThat(type("MODIFY", image("draft", null, "2026-11-23T08:00:00Z"),
                image("scheduled", "2026-12-01T06:00:00Z", "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.SCHEDULED);
    }

    @Test
    void publishingAScheduledArticleEarly_isArticlePublished() {
        assertThat(type("MODIFY", image("scheduled", "2026-12-01T06:00:00Z", "2026-11-23T08:00:00Z"),
                image("published", "2026-11-23T09:00:00Z", "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.PUBLISHED);
    }

    @Test
    void editingAScheduledArticleThatHasAppeared_isArticleUpdated() {
        assertThat(type("MODIFY", image("scheduled", "2026-11-23T08:30:00Z", "2026-11-23T08:00:00Z"),
                image("published", "2026-11-23T08:30:00Z", "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.UPDATED);
    }

    @Test
    void unpublishing_isArticleUnpublished_whetherPublishedOrScheduledBefore() {
        assertThat(type("MODIFY", image("published", "2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z"),
                image("draft", "2026-11-20T08:00:00Z", "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.UNPUBLISHED);
        assertThat(type("MODIFY", image("scheduled", "2026-12-01T06:00:00Z", "2026-11-23T08:00:00Z"),
                image("draft", null, "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.UNPUBLISHED);
    }

    @Test
    void aRevisionKeptInTheArticlesPartition_isNoEvent_whenWrittenOrRemoved() {
        Map<String, AttributeValue> revision = Map.of(
                "pk", new AttributeValue("ARTICLE#3f2a9c0d4b1e7a65"), "sk", new AttributeValue("REVISION#0000000000000000002"),
                "version", new AttributeValue().withN("2"), "savedAt", new AttributeValue("2026-11-23T08:00:00Z"));

        assertThat(type("INSERT", null, revision)).isEmpty();
        assertThat(type("MODIFY", revision, revision)).isEmpty();
        assertThat(type("REMOVE", revision, null)).isEmpty();
    }

    private static Optional<String> type(String eventName, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        return ChangeClassifier.classify(eventName, before, after).map(ChangeEvent::type);
    }

    private static Map<String, AttributeValue> image(String status, String publishedAt, String updatedAt) {
        Map<String, AttributeValue> image = new java.util.HashMap<>(Map.of(
                "pk", new AttributeValue("ARTICLE#3f2a9c0d4b1e7a65"), "id", new AttributeValue("3f2a9c0d4b1e7a65"),
                "slug", new AttributeValue("rivers-rise"), "status", new AttributeValue(status),
                "updatedAt", new AttributeValue(updatedAt), "version", new AttributeValue().withN("2")));
        if (publishedAt != null) {
            image.put("publishedAt", new AttributeValue(publishedAt));
        }
        return image;
    }
}
