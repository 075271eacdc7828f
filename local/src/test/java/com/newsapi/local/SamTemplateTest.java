package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

class SamTemplateTest {

    private final SamTemplate template = SamTemplate.read(Path.of("../template.yaml"));

    /** The template's parameter defaults: reads 500/s (burst 1000), writes 20/s (burst 40). */
    private static final Optional<SamTemplate.Throttle> READS = Optional.of(new SamTemplate.Throttle(500, 1000));
    private static final Optional<SamTemplate.Throttle> WRITES = Optional.of(new SamTemplate.Throttle(20, 40));

    @Test
    void routes_areEveryHttpApiEvent_withItsHandlerClassAuthorizerAndThrottling() {
        assertThat(template.routes()).contains(
                new SamTemplate.Route("GET", "/articles", "com.newsapi.handler.ListArticlesHandler", "ListArticlesFunction", Optional.empty(), READS),
                new SamTemplate.Route("GET", "/articles/{id}", "com.newsapi.handler.GetArticleHandler", "GetArticleFunction", Optional.empty(), READS),
                new SamTemplate.Route("POST", "/articles", "com.newsapi.handler.CreateArticleHandler", "CreateArticleFunction",
                        Optional.of("EditorJwt"), WRITES),
                new SamTemplate.Route("POST", "/articles/{id}/publish", "com.newsapi.handler.PublishArticleHandler",
                        "PublishArticleFunction", Optional.of("EditorJwt"), WRITES),
                new SamTemplate.Route("GET", "/desk/articles", "com.newsapi.handler.ListDeskArticlesHandler",
                        "ListDeskArticlesFunction", Optional.of("EditorJwt"), READS),
                new SamTemplate.Route("GET", "/desk/articles/{id}", "com.newsapi.handler.GetDeskArticleHandler",
                        "GetDeskArticleFunction", Optional.of("EditorJwt"), READS),
                new SamTemplate.Route("POST", "/articles/{id}/unpublish", "com.newsapi.handler.UnpublishArticleHandler",
                        "UnpublishArticleFunction", Optional.of("EditorJwt"), WRITES));
        assertThat(template.routes()).extracting(route -> route.method() + " " + route.path()).doesNotHaveDuplicates()
                .hasSize(21);
        assertThat(template.routes()).contains(
                new SamTemplate.Route("GET", "/desk/articles/{id}/revisions", "com.newsapi.handler.ListRevisionsHandler",
                        "ListRevisionsFunction", Optional.of("EditorJwt"), READS),
                new SamTemplate.Route("GET", "/desk/articles/{id}/revisions/{version}", "com.newsapi.handler.GetRevisionHandler",
                        "GetRevisionFunction", Optional.of("EditorJwt"), READS),
                new SamTemplate.Route("POST", "/desk/articles/{id}/revisions/{version}/restore", "com.newsapi.handler.RestoreRevisionHandler",
                        "RestoreRevisionFunction", Optional.of("EditorJwt"), WRITES));
        assertThat(template.routes()).contains(
                new SamTemplate.Route("GET", "/sync", "com.newsapi.handler.SyncHandler", "SyncFunction", Optional.empty(), READS));
        assertThat(template.routes()).contains(
                new SamTemplate.Route("POST", "/desk/articles/{id}/preview", "com.newsapi.handler.CreatePreviewHandler",
                        "CreatePreviewFunction", Optional.of("EditorJwt"), WRITES),
                new SamTemplate.Route("GET", "/preview/{token}", "com.newsapi.handler.GetPreviewHandler", "GetPreviewFunction",
                        Optional.empty(), READS));
        assertThat(template.routes()).contains(
                // The desk page's routes live on DeskApi; the local server serves every API's routes on one port.
                new SamTemplate.Route("GET", "/desk", "com.newsapi.handler.GetDeskHandler", "GetDeskFunction", Optional.empty(), READS),
                new SamTemplate.Route("GET", "/desk/{file}", "com.newsapi.handler.GetDeskHandler", "GetDeskFunction", Optional.empty(), READS));
    }

    @Test
    void table_isTheTemplatesTable_withKeysIndexesAndStream() {
        CreateTableRequest table = template.table("t");

        assertThat(table.tableName()).isEqualTo("t");
        assertThat(table.keySchema()).extracting(key -> key.attributeName() + ":" + key.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndex::indexName)
                .containsExactly("feed", "byAuthor", "byTag1", "byTag2", "byTag3", "byTag4", "byTag5", "desk", "changes");
        assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void listAndDeskIndexes_projectWhatTheStoreReadsFromThem_andTheChangeLogProjectsEverything() {
        List<GlobalSecondaryIndex> indexes = template.table("t").globalSecondaryIndexes();

        assertThat(indexes.subList(0, 7)).allSatisfy(index -> {
            assertThat(index.projection().projectionTypeAsString()).as(index.indexName()).isEqualTo("INCLUDE");
            assertThat(index.projection().nonKeyAttributes()).as(index.indexName())
                    .containsExactlyElementsOf(com.newsapi.store.ArticleStore.LISTED_ATTRIBUTES);
        });
        assertThat(indexes.get(7).keySchema()).extracting(key -> key.attributeName() + ":" + key.keyTypeAsString())
                .containsExactly("status:HASH", "updatedAt:RANGE");
        assertThat(indexes.get(7).projection().nonKeyAttributes()).containsExactlyElementsOf(com.newsapi.store.ArticleStore.DESK_ATTRIBUTES);
        assertThat(indexes.getLast().projection().projectionTypeAsString()).isEqualTo("ALL");
        // DynamoDB allows at most 100 projected attributes summed over a table's indexes.
        assertThat(indexes.stream().mapToInt(index -> index.projection().nonKeyAttributes().size()).sum()).isLessThanOrEqualTo(100);
    }

    @Test
    void cors_isTheHttpApisCorsConfiguration() {
        SamTemplate.Cors cors = template.cors();

        assertThat(cors.allowOrigins()).containsExactly("*");
        assertThat(cors.allowHeaders()).contains("If-Match", "If-None-Match", "Authorization");
        assertThat(cors.exposeHeaders()).contains("ETag");
        assertThat(cors.maxAge()).contains(600);
    }
}
