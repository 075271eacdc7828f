package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Block;
import com.newsapi.model.Revision;
import com.newsapi.testing.Articles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Stream images decoded as the store decodes the items it reads: articles, and nothing for the table's bookkeeping. */
class StreamImagesTest {

    private final List<DynamodbEvent.DynamodbStreamRecord> records =
            EventLoader.loadDynamoDbEvent("../events/article-changes.json").getRecords();

    @Test
    void anArticleImage_isTheArticle() {
        Map<String, AttributeValue> published = records.get(3).getDynamodb().getNewImage();

        Article article = StreamImages.article(published).orElseThrow();

        assertThat(article.id()).isEqualTo("3f2a9c0d4b1e7a65");
        assertThat(article.slug()).isEqualTo("rivers-rise");
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.version()).isEqualTo(2);
        assertThat(article.body()).containsExactly(Block.paragraph("Heavy rain."));
        assertThat(article.tags()).containsExactly("weather");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-23T10:02:00Z"));
    }

    @Test
    void anImageOfWhatTheStoreWrites_decodesToTheSameArticle() {
        Article written = Articles.published("Harbour reopens", Instant.parse("2026-11-20T08:00:00Z"));

        Optional<Article> decoded = StreamImages.article(image(ArticleItemMapper.toItem(written, "edited")));

        assertThat(decoded).contains(written);
    }

    @Test
    void slugClaims_revisions_tombstones_andNoImage_areNoArticle() {
        Article article = Articles.published("Harbour reopens", Instant.parse("2026-11-20T08:00:00Z"));
        Map<String, AttributeValue> slugClaim = records.get(0).getDynamodb().getNewImage();
        Map<String, AttributeValue> revision = image(ArticleItemMapper.revisionItem(article.id(),
                Revision.of(null, article, Optional.of("ann@example.com"), OptionalLong.empty())));
        Map<String, AttributeValue> tombstone = image(ArticleItemMapper.tombstoneItem(
                new Tombstone(article.id(), Instant.parse("2026-11-21T08:00:00Z"))));

        assertThat(StreamImages.article(slugClaim)).isEmpty();
        assertThat(StreamImages.article(revision)).isEmpty();
        assertThat(StreamImages.article(tombstone)).isEmpty();
        assertThat(StreamImages.article(null)).isEmpty();
        assertThat(StreamImages.article(Map.of())).isEmpty();
    }

    /** An item as the stream carries it: the Lambda events library's attribute values. */
    private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        item.forEach((name, value) -> image.put(name, value(value)));
        return image;
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        return switch (value.type()) {
            case S -> new AttributeValue().withS(value.s());
            case N -> new AttributeValue().withN(value.n());
            case BOOL -> new AttributeValue().withBOOL(value.bool());
            case L -> new AttributeValue().withL(value.l().stream().map(StreamImagesTest::value).toList());
            case M -> new AttributeValue().withM(image(value.m()));
            default -> throw new IllegalArgumentException("the table writes no " + value.type());
        };
    }
}
