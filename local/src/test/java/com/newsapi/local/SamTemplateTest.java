package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

class SamTemplateTest {

    private final SamTemplate template = SamTemplate.read(Path.of("../template.yaml"));

    @Test
    void routes_areEveryHttpApiEvent_withItsHandlerClassAndAuthorizer() {
        assertThat(template.routes()).contains(
                new SamTemplate.Route("GET", "/articles", "com.newsapi.handler.ListArticlesHandler", "ListArticlesFunction", Optional.empty()),
                new SamTemplate.Route("GET", "/articles/{id}", "com.newsapi.handler.GetArticleHandler", "GetArticleFunction", Optional.empty()),
                new SamTemplate.Route("POST", "/articles", "com.newsapi.handler.CreateArticleHandler", "CreateArticleFunction",
                        Optional.of("EditorJwt")),
                new SamTemplate.Route("POST", "/articles/{id}/publish", "com.newsapi.handler.PublishArticleHandler",
                        "PublishArticleFunction", Optional.of("EditorJwt")));
        assertThat(template.routes()).extracting(route -> route.method() + " " + route.path()).doesNotHaveDuplicates()
                .hasSize(11);
        assertThat(template.routes()).contains(
                new SamTemplate.Route("GET", "/sync", "com.newsapi.handler.SyncHandler", "SyncFunction", Optional.empty()));
    }

    @Test
    void table_isTheTemplatesTable_withKeysIndexesAndStream() {
        CreateTableRequest table = template.table("t");

        assertThat(table.tableName()).isEqualTo("t");
        assertThat(table.keySchema()).extracting(key -> key.attributeName() + ":" + key.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndex::indexName)
                .containsExactly("feed", "byAuthor", "byTag1", "byTag2", "byTag3", "byTag4", "byTag5", "changes");
        assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
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
