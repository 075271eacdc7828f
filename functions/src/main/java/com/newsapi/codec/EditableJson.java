package com.newsapi.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Block;
import java.util.Locale;

/** Projects an article back to the fields an editor writes, in the shape {@link ArticleDrafts} reads. */
public final class EditableJson {

    private EditableJson() {
    }

    /** The editable fields of an article as a JSON object: what a merge patch applies to. */
    public static ObjectNode of(Article article) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("title", article.title());
        if (article.summary() != null) {
            node.put("summary", article.summary());
        }
        ArrayNode body = node.putArray("body");
        for (Block block : article.body()) {
            body.addObject().put("type", block.type().name().toLowerCase(Locale.ROOT)).put("text", block.text());
        }
        if (article.author() != null) {
            ObjectNode author = node.putObject("author").put("name", article.author().name());
            if (article.author().bio() != null) {
                author.put("bio", article.author().bio());
            }
        }
        ArrayNode tags = node.putArray("tags");
        article.tags().forEach(tags::add);
        node.put("status", article.status().wireName());
        if (article.status() == ArticleStatus.SCHEDULED) {
            node.put("publishAt", article.publishedAt().toString());
        }
        return node;
    }
}
