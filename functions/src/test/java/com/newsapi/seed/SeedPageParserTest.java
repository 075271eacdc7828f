package com.newsapi.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsapi.model.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeedPageParserTest {

    private static final String KIM_PAGE = read("000_f5b8cecab90531ab.txt");
    private static final String SOLVE_PAGE = read("003_f1dc891d24e002f1.txt");

    @Test
    void parse_kimPage_findsTitleDateAndBody_withoutAuthorOrSite() {
        ParsedArticle article = SeedPageParser.parse(KIM_PAGE).article();

        assertThat(article.title()).isEqualTo("Trump Wants to Reconnect with Kim Jong Un");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-01-24T20:20:00Z"));
        assertThat(article.author()).isNull();
        assertThat(article.siteName()).isNull();
        assertThat(article.excerpt()).isFalse();
        assertThat(paragraphs(article)).hasSize(9);
        assertThat(paragraphs(article).getFirst()).isEqualTo("After assuming office for a second term, U.S. President Donald "
                + "Trump has expressed his desire to reconnect with North Korea’s supreme leader, Kim Jong Un. He also referred "
                + "to Kim as a “smart individual.”");
        assertThat(paragraphs(article).getLast()).isEqualTo("Meanwhile, it has recently been reported that the U.S. Department "
                + "of Defense headquarters has officially recognized North Korea as a “nuclear power.” For the first time, "
                + "Washington has extended such recognition to Pyongyang.");
        assertThat(headings(article)).isEmpty();
        assertThat(article.summary()).isEqualTo(paragraphs(article).getFirst());
    }

    @Test
    void parse_solvePage_findsAuthorFromTheAuthorBox_andSiteFromTrending() {
        ParsedArticle article = SeedPageParser.parse(SOLVE_PAGE).article();

        assertThat(article.title()).isEqualTo("“I’ll Solve It!” — Trump Drops Bombshell on North Korea as Tensions Soar Again");
        assertThat(article.publishedAt()).isNull();
        assertThat(article.author().name()).isEqualTo("Ruta Deshpande");
        assertThat(article.author().bio()).startsWith("Ruta Deshpande is a seasoned Defense Technology Analyst")
                .endsWith("participation in strategic dialogue forums.");
        assertThat(article.siteName()).isEqualTo("Deftechtimes");
        assertThat(paragraphs(article)).hasSize(16);
        assertThat(paragraphs(article).getFirst()).isEqualTo("U.S. President Donald Trump made headlines again on Friday with "
                + "a bold declaration about one of the world’s most sensitive issues — the North Korea conflict.");
        assertThat(paragraphs(article).getLast()).isEqualTo("While Trump’s latest statement has generated curiosity, it remains "
                + "uncertain whether it will lead to any immediate changes in the current state of U.S.-North Korea relations.");
    }

    @Test
    void parse_keepsSubheadings_asHeadingBlocks_inReadingOrder() {
        ParsedArticle article = SeedPageParser.parse(SOLVE_PAGE).article();

        assertThat(headings(article)).containsExactly(
                "Trump Hints at Fresh Approach to North Korea Conflict",
                "Reports of Letter Spark New Attention",
                "North Korea Expands Its Military Despite Past Diplomacy");
        assertThat(article.body().get(1)).isEqualTo(Block.heading("Trump Hints at Fresh Approach to North Korea Conflict"));
    }

    static Stream<Arguments> furniture() {
        return Stream.of(
                Arguments.of(KIM_PAGE, List.of("Full News", "Related News", "Related Posts", "More News",
                        "Miami wants Messi to play in Europe", "Eli Paul 26.2 mile run at NYC Marathon 2024",
                        "Hamas Announces Next Hostages to Be Freed Under Ceasefire",
                        "President Trump Orders Declassification Plan for Historic Assassination Files",
                        "UN Warns: Refugees at the Forefront of Global Climate Crisis", "Indian Rupee Hits Historic Low",
                        "The Indian Rupee has hit a new record low", "January 24, 2025")),
                Arguments.of(SOLVE_PAGE, List.of("More from Author", "Ruta Deshpande, Deftech Analyst",
                        "Ruta Deshpande is a seasoned", "Kursk Conflict Heats Up with North Korean Troop Deployment",
                        "U.S. Cracks Spy-Arms Plot", "South Korea on High Alert After North Korea Launches Missiles",
                        "Advertisement", "Trending on Deftechtimes")));
    }

    @ParameterizedTest
    @MethodSource("furniture")
    void parse_leavesEveryFurnitureLineOutOfTheStory(String page, List<String> furniture) {
        ParsedArticle article = SeedPageParser.parse(page).article();

        for (Block block : article.body()) {
            for (String line : furniture) {
                assertThat(block.text()).as("block %s", block).doesNotContain(line);
            }
        }
        for (String line : furniture) {
            assertThat(article.title()).doesNotContain(line);
        }
    }

    @Test
    void parse_keepsMoreNewsTeasers_asExcerptsOfTheirOwn() {
        List<ParsedArticle> teasers = SeedPageParser.parse(KIM_PAGE).excerpts();

        assertThat(teasers).extracting(ParsedArticle::title).containsExactly(
                "UN Warns: Refugees at the Forefront of Global Climate Crisis",
                "Sudanese Suspect Denies Charges as ICC Darfur Atrocities Trial Concludes",
                "Bangladeshi Man Arrested in New York for Illegal Streaming; Brother Wanted",
                "Elton John Slams Marijuana Legalization: One of the Greatest Mistakes of All Time",
                "Thanos Returning in New Avengers Movie",
                "Tottenham until 2026",
                "Farrell’s absence, World Cup and Lions to come in exciting 2025",
                "Hostage Deal Reached Between Israel and Hamas, Ceasefire Brings Hope Amid Crisis",
                "Zelensky: US Security Guarantees Essential to End Russia’s War on Ukraine",
                "Indian Rupee Hits Historic Low");
        assertThat(teasers).allSatisfy(teaser -> {
            assertThat(teaser.excerpt()).isTrue();
            assertThat(teaser.body()).containsExactly(Block.paragraph(teaser.summary()));
            assertThat(teaser.publishedAt()).as("the page's date").isEqualTo(java.time.Instant.parse("2025-01-24T20:20:00Z"));
            assertThat(teaser.summary()).doesNotContain("[…]", "*");
        });
        assertThat(teasers.getFirst().summary()).startsWith("Azerbaijan – A new report from the United Nations Refugee Agency")
                .endsWith("According to the…");
        assertThat(teasers.get(5).summary()).isEqualTo("The English Premier League club has extended the contract with the "
                + "South Korean forward for one year. Tottenham Hotspur have signed a one-year extension to Son Heung-min’s "
                + "contract. So the South Korean forward will stay at the English Premier League club until 2026. Son joined "
                + "Tottenham in 2015. The 32-year-old is now the club’s captain.");
    }

    @Test
    void parse_solvePage_hasNoTeasers() {
        assertThat(SeedPageParser.parse(SOLVE_PAGE).excerpts()).isEmpty();
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of("January 24, 2025 8:20 pm", "2025-01-24T20:20:00Z"),
                Arguments.of("Jan 24, 2025 8:20 AM", "2025-01-24T08:20:00Z"),
                Arguments.of("January 24, 2025", "2025-01-24T00:00:00Z"),
                Arguments.of("24 January 2025", "2025-01-24T00:00:00Z"),
                Arguments.of("2025-01-24", "2025-01-24T00:00:00Z"),
                Arguments.of("2025-01-24T20:20:00+02:00", "2025-01-24T18:20:00Z"));
    }

    @ParameterizedTest
    @MethodSource("dates")
    void parse_readsTheDateLine_asUtc(String dateLine, String expected) {
        String page = dateLine + "\n\nA Headline Here\n\nThe story starts here and it is a sentence.\n";

        assertThat(SeedPageParser.parse(page).article().publishedAt()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\n  ", "Full News\nRelated News\nSome other story\n- Advertisement -",
        "\u0000\u0001\u0002 binary junk \uFFFD\uFFFD", "A Headline Only", "More News\n\nTeaser title\n\nTeaser text. […]"})
    void parse_rejectsPagesWithoutAStory_clearly(String page) {
        assertThatThrownBy(() -> SeedPageParser.parse(page)).isInstanceOf(SeedParseException.class);
    }

    @Test
    void parse_isDeterministic() {
        assertThat(SeedPageParser.parse(SOLVE_PAGE)).isEqualTo(SeedPageParser.parse(SOLVE_PAGE));
        assertThat(SeedPageParser.parse(KIM_PAGE)).isEqualTo(SeedPageParser.parse(KIM_PAGE));
    }

    @Test
    void parse_readsWindowsLineEndingsAndNonBreakingSpaces_likePlainOnes() {
        String page = "\u00a0Headline\u00a0with  spaces\r\n\r\nFirst  sentence\u00a0here.\r\n";

        ParsedArticle article = SeedPageParser.parse(page).article();

        assertThat(article.title()).isEqualTo("Headline with spaces");
        assertThat(article.body()).containsExactly(Block.paragraph("First sentence here."));
    }

    private static List<String> paragraphs(ParsedArticle article) {
        return article.body().stream().filter(block -> block.type() == Block.Type.PARAGRAPH).map(Block::text).toList();
    }

    private static List<String> headings(ParsedArticle article) {
        return article.body().stream().filter(block -> block.type() == Block.Type.HEADING).map(Block::text).toList();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of("../seeds", file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
