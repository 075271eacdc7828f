package com.newsapi.events;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns one change of an article, as a DynamoDB stream record carries it (the article before and
 * after; absent where the record's item is none, or not an article), into the change event it means,
 * or none: only article items count (slug claims, postings, registrations and revisions are
 * bookkeeping, and the store decodes them as no article).
 */
public final class ChangeClassifier {

    /** The fields an event names as changed, in this order, with what each reads of an article. */
    private static final Map<String, Function<Article, Object>> EDITABLE_FIELDS = editableFields();

    private ChangeClassifier() {
    }

    public static Optional<ChangeEvent> classify(String eventName, Optional<Article> before, Optional<Article> after) {
        Optional<Article> any = after.or(() -> before);
        if (any.isEmpty()) {
            return Optional.empty();
        }
        ArticleStatus statusBefore = status(before);
        ArticleStatus statusAfter = status(after);
        if ("INSERT".equals(eventName) && statusAfter == ArticleStatus.DRAFT) {
            return Optional.empty(); // a new draft: nothing happened that anyone outside can see
        }
        // A scheduled article appears at its publishAt without any write, so it has no event of
        // its own then: ArticleScheduled (with publishedAt among the changed fields) announces it.
        String type = "REMOVE".equals(eventName) ? ChangeEvent.DELETED
                : statusAfter == ArticleStatus.SCHEDULED ? ChangeEvent.SCHEDULED
                : statusAfter == ArticleStatus.PUBLISHED ? (wasVisible(before, after) ? ChangeEvent.UPDATED : ChangeEvent.PUBLISHED)
                : statusBefore == ArticleStatus.DRAFT ? ChangeEvent.UPDATED
                : ChangeEvent.UNPUBLISHED;
        List<String> changed = changedFields(before, after);
        if (type.equals(ChangeEvent.UPDATED) && changed.isEmpty() && "MODIFY".equals(eventName)) {
            return Optional.empty();
        }
        Article article = any.get();
        return Optional.of(new ChangeEvent(type, article.id(), article.slug(), article.version(), changed));
    }

    /** Published before, or scheduled for an instant that had come by the time of this change. */
    private static boolean wasVisible(Optional<Article> before, Optional<Article> after) {
        if (status(before) != ArticleStatus.SCHEDULED) {
            return status(before) == ArticleStatus.PUBLISHED;
        }
        return before.get().publishedAt() != null && after.isPresent()
                && !before.get().publishedAt().isAfter(after.get().updatedAt());
    }

    private static ArticleStatus status(Optional<Article> article) {
        return article.map(Article::status).orElse(ArticleStatus.DRAFT);
    }

    private static List<String> changedFields(Optional<Article> before, Optional<Article> after) {
        List<String> changed = new ArrayList<>();
        EDITABLE_FIELDS.forEach((field, value) -> {
            if (!Objects.equals(before.map(value).orElse(null), after.map(value).orElse(null))) {
                changed.add(field);
            }
        });
        return changed;
    }

    private static Map<String, Function<Article, Object>> editableFields() {
        Map<String, Function<Article, Object>> fields = new LinkedHashMap<>();
        fields.put("title", Article::title);
        fields.put("summary", Article::summary);
        fields.put("body", Article::body);
        fields.put("authorName", article -> article.author() == null ? null : article.author().name());
        fields.put("authorBio", article -> article.author() == null ? null : article.author().bio());
        fields.put("tags", Article::tags);
        fields.put("status", Article::status);
        fields.put("publishedAt", Article::publishedAt);
        return fields;
    }
}
