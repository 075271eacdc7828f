package com.newsapi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.newsapi.seed.ParsedPage;
import com.newsapi.seed.SeedPageParser;
import com.newsapi.seed.SeedParseException;
import java.util.Objects;

/** Any text is either a page with a titled story or a clear SeedParseException, never another failure. */
class SeedParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse_givesAStoryOrAClearRejection(FuzzedDataProvider data) {
        try {
            ParsedPage page = SeedPageParser.parse(data.consumeRemainingAsString());
            Objects.requireNonNull(page.article().title());
            if (page.article().body().isEmpty()) {
                throw new AssertionError("a parsed story has a body");
            }
        } catch (SeedParseException expected) {
            // the documented rejection
        }
    }
}
