package com.newsapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A handler written the common way, for comparison: SDK defaults (HTTP client found on the class
 * path, default credentials chain), the Enhanced Client with a bean schema, default Jackson
 * databind. It answers the same GET the same way.
 */
public final class ReferenceMain {

    private ReferenceMain() {
    }

    /** The article as a mutable bean, as the Enhanced Client's bean schema wants it. */
    @DynamoDbBean
    public static class ArticleBean {
        private String pk;
        private String sk;
        private String id;
        private String slug;
        private String title;
        private String summary;
        private String publishedAt;
        private List<String> tags;
        private Long version;

        @DynamoDbPartitionKey
        public String getPk() { return pk; }
        public void setPk(String pk) { this.pk = pk; }
        @DynamoDbSortKey
        public String getSk() { return sk; }
        public void setSk(String sk) { this.sk = sk; }
        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getSlug() { return slug; }
        public void setSlug(String slug) { this.slug = slug; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getSummary() { return summary; }
        public void setSummary(String summary) { this.summary = summary; }
        public String getPublishedAt() { return publishedAt; }
        public void setPublishedAt(String publishedAt) { this.publishedAt = publishedAt; }
        public List<String> getTags() { return tags; }
        public void setTags(List<String> tags) { this.tags = tags; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(System.getProperty("DYNAMODB_ENDPOINT")))
                .region(Region.US_EAST_1)
                .build();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        DynamoDbTable<ArticleBean> table = enhanced.table(System.getProperty("TABLE_NAME"), TableSchema.fromBean(ArticleBean.class));
        // The key written out, not from store/TableKeys: a baseline loads none of the project's classes.
        ArticleBean article = table.getItem(Key.builder().partitionValue("ARTICLE#" + args[0]).sortValue("ARTICLE").build());
        String body = new ObjectMapper().writeValueAsString(article);
        System.out.println(200 + " " + body.length());
    }
}
