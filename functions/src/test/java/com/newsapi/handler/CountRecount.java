package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.service.ArticleService;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code /tags} and {@code /authors} should say, recounted here from every article a reader
 * sees in the feed, and what they do say over all their pages: both keyed by normalised name.
 */
final class CountRecount {

    private CountRecount() {
    }

    /** Every article visible to readers now, through the feed. */
    static List<Article> visibleArticles(ArticleService reader) {
        List<Article> articles = new ArrayList<>();
        Optional<FeedKey> after = Optional.empty();
        do {
            Page<Article> page = reader.list(ArticleQuery.ALL, after, 100, false);
            articles.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        return articles;
    }

    static Map<String, Long> tags(List<Article> articles) {
        Map<String, Long> recount = new TreeMap<>();
        for (Article article : articles) {
            article.tags().stream().map(ArticleQuery::normaliseTag).distinct().forEach(tag -> recount.merge(tag, 1L, Long::sum));
        }
        return recount;
    }

    static Map<String, Long> authors(List<Article> articles) {
        Map<String, Long> recount = new TreeMap<>();
        for (Article article : articles) {
            if (article.author() != null) {
                recount.merge(ArticleQuery.normaliseAuthor(article.author().name()), 1L, Long::sum);
            }
        }
        return recount;
    }

    /** Every page of a route, keyed as the counters are (normalised names), in the order served. */
    static Map<String, Long> allPages(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> route, int limit) {
        Map<String, Long> all = new LinkedHashMap<>();
        Map<String, String> query = new HashMap<>(Map.of("limit", Integer.toString(limit)));
        for (int pages = 0; pages < 200; pages++) {
            APIGatewayV2HTTPResponse response = route.handleRequest(event("/counts", query), null);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode page = json(response);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            page.get("items").forEach(item -> {
                Long earlier = all.put(ArticleQuery.normaliseAuthor(item.get("name").asText()), item.get("articles").asLong());
                assertThat(earlier).as("served twice: %s", item).isNull();
            });
            if (page.get("nextCursor").isNull()) {
                return all;
            }
            query.put("cursor", page.get("nextCursor").asText());
        }
        throw new AssertionError("paging did not end");
    }

    static APIGatewayV2HTTPEvent event(String path, Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path).withQueryStringParameters(query).build();
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
