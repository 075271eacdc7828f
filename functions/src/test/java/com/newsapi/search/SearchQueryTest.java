package com.newsapi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Block;
import com.newsapi.testing.Articles;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What q means: words, phrases and exclusions, checked against an article's folded text; everything else refused. */
class SearchQueryTest {

    private static final Instant AT = Instant.parse("2025-01-10T09:00:00Z");
    private static final Article STORY = Articles.titled("Zürich’s harbour reopens").id("0123456789abcdef").slug("harbour")
            .summary("Boats return to the lake after the storm.")
            .body(List.of(Block.paragraph("The COVID-19 rules ended in May."), Block.heading("Crème brûlée"),
                    Block.paragraph("Fishermen said the harbour lights were back on.")))
            .author("Ana Ortiz").source(null).publishedAt(AT).tags(List.of("europe")).status(ArticleStatus.PUBLISHED)
            .createdAt(AT).updatedAt(AT).wordCount(30).build();

    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of("harbour", true),
                Arguments.of("HARBOUR zurich", true),
                Arguments.of("zürich", true),
                Arguments.of("zurich", true),                    // a possessive is the word itself
                Arguments.of("creme brulee", true),
                Arguments.of("storm lake", true),                // the summary is searched
                Arguments.of("reopens storm", true),             // every word, wherever it is
                Arguments.of("harbour volcano", false),
                Arguments.of("\"harbour lights\"", true),
                Arguments.of("“harbour lights”", true),          // typographic quotes are quotes
                Arguments.of("\"lights harbour\"", false),       // a phrase is in order
                Arguments.of("\"harbour reopens boats\"", false), // nor across the title's end and the summary's start
                Arguments.of("\"were back on\"", true),          // very common words count inside a phrase
                Arguments.of("\"after storm\"", false),          // ... and must be there: "after the storm"
                Arguments.of("covid-19", true),                  // read as the text is: covid then 19
                Arguments.of("\"19 covid\"", false),
                Arguments.of("harbour -volcano", true),
                Arguments.of("harbour -storm", false),           // exclusion checks the summary too
                Arguments.of("harbour -\"harbour lights\"", false),
                Arguments.of("harbour -\"lights harbour\"", true),
                Arguments.of("harbour - storm", true),           // a dash alone is punctuation: storm is required
                Arguments.of("harbour, storm!", true),
                Arguments.of("harbour: storm", true),            // a colon before a space is punctuation
                Arguments.of("may 19", true),
                Arguments.of("19:30", false));                   // a time is its numbers: 19, then 30
    }

    @ParameterizedTest
    @MethodSource("searches")
    void matches_checksEveryPhraseAgainstTheFoldedText(String q, boolean expected) {
        SearchQuery search = SearchQuery.parse(q);

        assertThat(search.matches(STORY.passages())).as(q).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("war OR peace", "operator OR"),
                Arguments.of("war AND peace", "operator AND"),
                Arguments.of("war NOT peace", "operator NOT"),
                Arguments.of("war || peace", "operator ||"),
                Arguments.of("harb*", "wildcards"),
                Arguments.of("wom?n", "wildcards"),
                Arguments.of("title:harbour", "field:value"),
                Arguments.of("(war peace)", "parentheses"),
                Arguments.of("\"harbour lights", "opening quote"),
                Arguments.of("harbour \"\"", "phrase without words"),
                Arguments.of("-war -peace", "only excludes"),
                Arguments.of("+war", "'+'"),
                Arguments.of("harbour~", "fuzzy"),
                Arguments.of("the of and", "no searchable words"),
                Arguments.of("!!! ...", "no searchable words"),
                Arguments.of("one two three four five six seven eight nine", "at most 8 words"),
                Arguments.of("one two three four five six seven eight -nine", "at most 8 words"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void parse_refusesWhatItDoesNotSupport_namingIt(String q, String named) {
        assertThatThrownBy(() -> SearchQuery.parse(q)).isInstanceOf(InvalidSearch.class).hasMessageContaining(named);
    }

    @Test
    void parse_allowsEightWords_notCountingVeryCommonOnes() {
        SearchQuery search = SearchQuery.parse("the one of two three four five six seven eight");

        assertThat(search.required()).hasSize(10);
    }

    @Test
    void lookupTerm_isTheLongestIndexedRequiredWord() {
        assertThat(SearchQuery.parse("\"the harbour of\" lights -fishermen").lookupTerm()).isEqualTo("harbour");
    }

    @Test
    void canonical_spellsEqualQueriesAlike() {
        assertThat(SearchQuery.parse("Lights  HARBOUR -storm").canonical())
                .isEqualTo(SearchQuery.parse("-storm harbour lights harbour").canonical())
                .isEqualTo("-storm harbour lights");
        assertThat(SearchQuery.parse("\"harbour lights\"").canonical()).isNotEqualTo(SearchQuery.parse("harbour lights").canonical());
    }

    @Test
    void fold_isTheOneFolder_ofSearchAndSlugs() {
        assertThat(Terms.fold("Zürich CAFÉ Ångström")).isEqualTo("zurich cafe angstrom");
        assertThat(com.newsapi.model.ArticleIds.slugOf("Zürich CAFÉ’s")).isEqualTo("zurich-cafes");
    }
}
