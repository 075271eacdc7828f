package com.newsapi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.search.Terms;
import com.newsapi.seed.ParsedArticle;
import com.newsapi.seed.ParsedPage;
import com.newsapi.seed.SeedPageParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NewsPagesTest {

    private final NewsPages pages = new NewsPages(16);

    @Test
    void everyPage_parsesBackIntoTheStoriesItReports() {
        for (int index = 0; index < 120; index++) {
            NewsPages.Page page = pages.page(index);

            ParsedPage parsed = SeedPageParser.parse(page.file().text());

            List<ParsedArticle> stories = new ArrayList<>(List.of(parsed.article()));
            stories.addAll(parsed.excerpts());
            assertThat(stories).extracting(ParsedArticle::title).containsExactlyElementsOf(page.stories().stream().map(NewsPages.Story::title).toList());
            // A teaser carries the date of the page that shows it (README, "Feed order").
            Instant pageDate = page.stories().getFirst().publishedAt();
            assertThat(stories).extracting(ParsedArticle::publishedAt).containsExactlyElementsOf(page.stories().stream()
                    .map(story -> story.teaser() ? pageDate : story.publishedAt()).toList());
            assertThat(stories).extracting(story -> story.author() == null ? null : story.author().name())
                    .containsExactlyElementsOf(page.stories().stream().map(NewsPages.Story::author).toList());
            assertThat(stories).extracting(ParsedArticle::excerpt).containsExactlyElementsOf(page.stories().stream().map(NewsPages.Story::teaser).toList());
        }
    }

    @Test
    void aPage_isTheSameWhicheverCorpusItIsPartOf() {
        NewsPages other = new NewsPages(16);

        other.page(500);

        assertThat(other.page(7)).isEqualTo(pages.page(7));
        assertThat(pages.pagesFor(1000)).isGreaterThan(pages.pagesFor(100));
    }

    @Test
    void datesFall_withThePageNumber_andSomePagesAreUndated() {
        List<NewsPages.Story> stories = IntStream.range(0, 200).mapToObj(index -> pages.page(index).stories().getFirst()).toList();

        List<NewsPages.Story> dated = stories.stream().filter(story -> story.publishedAt() != null).toList();
        for (int i = 1; i < dated.size(); i++) {
            assertThat(dated.get(i).publishedAt()).isBefore(dated.get(i - 1).publishedAt());
        }
        assertThat(stories.size() - dated.size()).isBetween(10, 45);
        assertThat(stories).allSatisfy(story -> assertThat(story.tags()).hasSizeBetween(1, 5).doesNotHaveDuplicates());
    }

    @Test
    void theRareWord_isInExactlyThePlantedStories_andTheNoMatchWordInNone() {
        Set<Integer> withRareWord = new HashSet<>();
        for (int index = 0; index < 300; index++) {
            Set<String> terms = new HashSet<>(Terms.words(pages.page(index).file().text()));
            if (terms.contains(NewsPages.RARE_WORD)) {
                withRareWord.add(index);
            }
            assertThat(terms).doesNotContain(NewsPages.NO_MATCH_WORD);
        }

        assertThat(withRareWord).isEqualTo(NewsPages.RARE_WORD_PAGES);
    }

    @Test
    void wordsAreZipfDistributed_soTheCommonWordIsInMostStories_andAuthorsAndTagsAreSkewed() {
        List<NewsPages.Story> stories = new ArrayList<>();
        long withCommonWord = 0;
        for (int index = 0; index < 300; index++) {
            NewsPages.Page page = pages.page(index);
            stories.addAll(page.stories());
            withCommonWord += new HashSet<>(Terms.words(page.file().text().split("More News")[0])).contains(pages.commonWord()) ? 1 : 0;
        }

        assertThat(withCommonWord).isBetween(240L, 290L);
        long byTopAuthor = stories.stream().filter(story -> pages.topAuthor().equals(story.author())).count();
        long byAuthors = stories.stream().filter(story -> story.author() != null).count();
        assertThat((double) byTopAuthor / byAuthors).isBetween(0.08, 0.30);
        assertThat(stories.stream().filter(story -> story.tags().contains(pages.topTag())).count()).isGreaterThan(40);
    }
}
