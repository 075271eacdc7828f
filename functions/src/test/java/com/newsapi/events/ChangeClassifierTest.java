package com.newsapi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.store.StreamImages;
import com.newsapi.testing.Articles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which event a write of a scheduled article means. */
class ChangeClassifierTest {

    @Test
    void schedulingAnArticle_isArticleScheduled_whetherNewOrADraftBefore() {
        assertThat(type("INSERT", null, article("scheduled", "2026-12-01T06:00:00Z", "2026-11-23T08:00:00Z")))
                .hasValue(ChangeEvent.SCHEDULED);
        assertThat(type("MODIFY", article("draft", null, "2026-11-23T08:00:00Z"),
                article("scheduled", "2026-12-01T06:00:00Z", "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.SCHEDULED);
    }

    @Test
    void publishingAScheduledArticleEarly_isArticlePublished() {
        assertThat(type("MODIFY", article("scheduled", "2026-12-01T06:00:00Z", "2026-11-23T08:00:00Z"),
                article("published", "2026-11-23T09:00:00Z", "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.PUBLISHED);
    }

    @Test
    void editingAScheduledArticleThatHasAppeared_isArticleUpdated() {
        assertThat(type("MODIFY", article("scheduled", "2026-11-23T08:30:00Z", "2026-11-23T08:00:00Z"),
                article("published", "2026-11-23T08:30:00Z", "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.UPDATED);
    }

    @Test
    void unpublishing_isArticleUnpublished_whetherPublishedOrScheduledBefore() {
        assertThat(type("MODIFY", article("published", "2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z"),
                article("draft", "2026-11-20T08:00:00Z", "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.UNPUBLISHED);
        assertThat(type("MODIFY", article("scheduled", "2026-12-01T06:00:00Z", "2026-11-23T08:00:00Z"),
                article("draft", null, "2026-11-23T09:00:00Z"))).hasValue(ChangeEvent.UNPUBLISHED);
    }

    @Test
    void aRevisionKeptInTheArticlesPartition_isNoEvent_whenWrittenOrRemoved() {
        Map<String, AttributeValue> revision = Map.of(
                "pk", new AttributeValue("ARTICLE#3f2a9c0d4b1e7a65"), "sk", new AttributeValue("REVISION#0000000000000000002"),
                "version", new AttributeValue().withN("2"), "savedAt", new AttributeValue("2026-11-23T08:00:00Z"));

        Optional<Article> decoded = StreamImages.article(revision);

        assertThat(decoded).isEmpty();
        assertThat(ChangeClassifier.classify("INSERT", Optional.empty(), decoded)).isEmpty();
        assertThat(ChangeClassifier.classify("MODIFY", decoded, decoded)).isEmpty();
        assertThat(ChangeClassifier.classify("REMOVE", decoded, Optional.empty())).isEmpty();
    }

    private static Optional<String> type(String eventName, Article before, Article after) {
        return ChangeClassifier.classify(eventName, Optional.ofNullable(before), Optional.ofNullable(after)).map(ChangeEvent::type);
    }

    private static Article article(String status, String publishedAt, String updatedAt) {
        return Articles.titled("Rivers rise").id("3f2a9c0d4b1e7a65").slug("rivers-rise").summary("The summary.").paragraph("Text.")
                .author("Ana Ortiz").source(null).publishedAt(publishedAt == null ? null : Instant.parse(publishedAt))
                .tags(List.of("weather")).status(ArticleStatus.fromWireName(status)).version(2)
                .createdAt(Instant.parse("2026-11-20T08:00:00Z")).updatedAt(Instant.parse(updatedAt)).wordCount(1).build();
    }
}
