package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.ARTICLE_ID;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Who holds a slug, from the slug claims: what an editor's create and the loader look up before they claim one. */
final class SlugClaims {

    private final Batches batches;

    SlugClaims(Batches batches) {
        this.batches = batches;
    }

    /** Which article holds each of these slugs, for the slugs that are taken. */
    Map<String, String> owners(Collection<String> slugs) {
        Map<String, String> owners = new HashMap<>();
        for (Map<String, AttributeValue> item : batches.get(slugs.stream().map(TableKeys::slugKey).toList(),
                ArticleItemMapper.SLUG_CLAIM)) {
            owners.put(TableKeys.slugOfClaim(item), item.get(ARTICLE_ID).s());
        }
        return owners;
    }
}
