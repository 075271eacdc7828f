package com.newsapi.model;

import java.util.List;
import java.util.Optional;

/**
 * What an editor writes: the editable part of an article, already validated. Everything else (id,
 * slug, version, timestamps, word count) the server decides.
 *
 * @param status empty where the request did not say: a new article is then a draft, an existing
 *               one keeps its status
 */
public record ArticleDraft(
        String title,
        String summary,
        List<Block> body,
        Author author,
        List<String> tags,
        Optional<ArticleStatus> status) {

    public ArticleDraft {
        body = List.copyOf(body);
        tags = List.copyOf(tags);
    }
}
