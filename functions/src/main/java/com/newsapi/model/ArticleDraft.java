package com.newsapi.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an editor writes: the editable part of an article, already validated. Everything else (id,
 * slug, version, timestamps, word count) the server decides.
 *
 * @param status empty where the request did not say: a new article is then a draft, an existing
 *               one keeps its status
 * @param publishAt when a scheduled article becomes visible; present exactly when status is scheduled
 */
public record ArticleDraft(
        String title,
        String summary,
        List<Block> body,
        Author author,
        List<String> tags,
        Optional<ArticleStatus> status,
        Optional<Instant> publishAt) {

    public ArticleDraft {
        body = List.copyOf(body);
        tags = List.copyOf(tags);
    }
}
