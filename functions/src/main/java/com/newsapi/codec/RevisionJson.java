package com.newsapi.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.newsapi.model.Revision;
import com.newsapi.model.RevisionSummary;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The revisions' JSON: a list {@code {"items": [{"version", "savedAt", "savedBy", "changed",
 * "status", "restoredFrom"?}], "nextCursor"}} and one revision with its whole article as it was.
 */
public final class RevisionJson {

    private RevisionJson() {
    }

    public static String list(List<RevisionSummary> items, Optional<String> nextCursor) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (RevisionSummary item : items) {
                json.writeStartObject();
                header(json, item.version(), item.savedAt(), item.savedBy(), item.changed(), item.restoredFrom());
                json.writeStringField("status", item.status().wireName());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", nextCursor.orElse(null));
            json.writeEndObject();
        });
    }

    /** The article is written whole, as the write routes answer it ({@link ArticleJson#whole}). */
    public static String revision(Revision revision) {
        return Json.write(json -> {
            json.writeStartObject();
            header(json, revision.version(), revision.savedAt(), revision.savedBy(), revision.changed(), revision.restoredFrom());
            json.writeFieldName("article");
            json.writeRawValue(ArticleJson.whole(revision.article()));
            json.writeEndObject();
        });
    }

    private static void header(JsonGenerator json, long version, Instant savedAt, Optional<String> savedBy, List<String> changed,
                               OptionalLong restoredFrom) throws IOException {
        json.writeNumberField("version", version);
        json.writeStringField("savedAt", savedAt.toString());
        json.writeStringField("savedBy", savedBy.orElse(null));
        json.writeArrayFieldStart("changed");
        for (String field : changed) {
            json.writeString(field);
        }
        json.writeEndArray();
        if (restoredFrom.isPresent()) {
            json.writeNumberField("restoredFrom", restoredFrom.getAsLong());
        }
    }
}
