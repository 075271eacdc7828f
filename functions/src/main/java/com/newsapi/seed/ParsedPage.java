package com.newsapi.seed;

import java.util.List;

/** What one raw page holds: its main story, and the teasers of other stories it shows (each kept as an excerpt). */
public record ParsedPage(ParsedArticle article, List<ParsedArticle> excerpts) {

    public ParsedPage {
        excerpts = List.copyOf(excerpts);
    }
}
