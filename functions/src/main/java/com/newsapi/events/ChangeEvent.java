package com.newsapi.events;

import java.util.List;

/**
 * One change of an article as listeners see it on the event bus.
 *
 * @param type          ArticlePublished, ArticleScheduled, ArticleUpdated, ArticleUnpublished or ArticleDeleted
 * @param changedFields editable fields whose value differs between the old and the new version
 */
public record ChangeEvent(String type, String id, String slug, long version, List<String> changedFields) {

    public static final String PUBLISHED = "ArticlePublished";
    public static final String SCHEDULED = "ArticleScheduled";
    public static final String UPDATED = "ArticleUpdated";
    public static final String UNPUBLISHED = "ArticleUnpublished";
    public static final String DELETED = "ArticleDeleted";

    public ChangeEvent {
        changedFields = List.copyOf(changedFields);
    }
}
