package com.newsapi.bench;

import com.newsapi.loader.SeedFile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seed pages made up from scratch for the scale benchmark, in the text format of seeds/ (what
 * {@link com.newsapi.seed.SeedPageParser} reads), where {@link SeedPages} only renumbers the real
 * pages. Each page is one story (a date line on most, an author box on most, a body of paragraphs
 * and subheadings of realistic length) and a few "More News" teasers, like the real pages.
 *
 * <p>Words come from a {@value #VOCABULARY}-word vocabulary drawn Zipf-distributed (s = 1), whose
 * most frequent words are the English stop words the search ignores; the rest are made-up words
 * of two or three syllables. Authors ({@value #AUTHORS}) and tags ({@value #TAGS}) are also drawn
 * Zipf-distributed, so a few are prolific and most are rare. Tags are not part of the page format
 * (the loader writes none): {@link #page} reports each story's tags for an editor to set.
 *
 * <p>Page {@code i} depends only on {@code i} (its own random stream), so a smaller corpus is a
 * prefix of a larger one: the planted words ({@link #RARE_WORD}, {@link #PHRASE}) and the dates of
 * the first pages are the same at every size. Story dates fall with the page number, three hours
 * apart with some jitter (an archive read from its front page back), so the newest articles, the
 * ones first pages show, are the same at every size and a page costs the same to read whatever the
 * table holds beyond it; {@value #UNDATED_PERCENT}% of pages show no date, and teasers never do.
 */
public final class NewsPages {

    static final int VOCABULARY = 50_000;
    static final int AUTHORS = 300;
    static final int TAGS = 300;
    static final int UNDATED_PERCENT = 12;
    static final int AUTHORED_PERCENT = 85;
    static final Instant NEWEST_DATE = Instant.parse("2025-12-31T18:00:00Z");
    static final Duration PAGE_SPACING = Duration.ofHours(3);

    /** Pages whose story carries {@link #RARE_WORD}: all within the first 40, so present at every size. */
    static final Set<Integer> RARE_WORD_PAGES = Set.of(3, 11, 19, 27, 35);
    /** One story in this many carries {@link #PHRASE} as adjacent words. */
    static final int PHRASE_EVERY = 4;

    /** The same stop words {@link com.newsapi.search.Terms} drops, most frequent first. */
    private static final List<String> STOPWORDS = List.of(
            "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "on", "he", "by",
            "at", "be", "this", "his", "from", "are", "or", "an", "they", "her", "she", "has", "have", "their",
            "were", "will", "but", "its");
    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final List<String> FIRST_NAMES = List.of(
            "Amara", "Bilal", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Lena",
            "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wen", "Yusuf", "Zara");
    private static final List<String> LAST_NAMES = List.of(
            "Adeyemi", "Bauer", "Costa", "Deshpande", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen",
            "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov");
    private static final List<String> ROLES = List.of(
            "Staff Reporter", "Correspondent", "Senior Editor", "Business Reporter", "Defence Analyst", "Sports Writer");
    private static final List<String> SITES = List.of(
            "Dailywire Times", "Metro Ledger", "Harbour Post", "Northern Gazette", "Capital Bulletin", "Valley Herald");
    private static final List<String> TOPICS = List.of(
            "politics", "economy", "sport", "world", "health", "science", "technology", "climate", "business", "culture",
            "education", "energy", "transport", "housing", "crime", "elections", "football", "markets", "travel", "music");
    private static final DateTimeFormatter DATE_LINE =
            DateTimeFormatter.ofPattern("MMMM d, uuuu h:mm a", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** What the page says about one of its stories, beyond its text. */
    public record Story(String title, boolean teaser, Instant publishedAt, String author, List<String> tags) {
    }

    /** One page: its file, and its stories (the page's own first, then its teasers). */
    public record Page(SeedFile file, List<Story> stories) {
    }

    private final long seed;
    private final String[] words = new String[VOCABULARY];
    private final Zipf wordRanks = new Zipf(VOCABULARY, 1.1);
    private final String[] authors = new String[AUTHORS];
    private final Zipf authorRanks = new Zipf(AUTHORS, 1.0);
    private final String[] tags = new String[TAGS];
    private final Zipf tagRanks = new Zipf(TAGS, 1.0);

    public NewsPages(long seed) {
        this.seed = seed;
        for (int rank = 0; rank < VOCABULARY; rank++) {
            words[rank] = rank < STOPWORDS.size() ? STOPWORDS.get(rank) : madeUpWord(rank - STOPWORDS.size());
        }
        for (int i = 0; i < AUTHORS; i++) {
            // Every pairing of a first and a last name, in an order that does not put one first name first.
            int pairing = (int) ((i * 97L) % (FIRST_NAMES.size() * LAST_NAMES.size()));
            authors[i] = FIRST_NAMES.get(pairing % FIRST_NAMES.size()) + " " + LAST_NAMES.get(pairing / FIRST_NAMES.size());
        }
        for (int i = 0; i < TAGS; i++) {
            tags[i] = i < TOPICS.size() ? TOPICS.get(i) : madeUpWord(VOCABULARY + i);
        }
    }

    /** The most frequent word the search indexes (the first after the stop words): in about 85% of stories. */
    public String commonWord() {
        return words[STOPWORDS.size()];
    }

    /** In exactly the stories of {@link #RARE_WORD_PAGES}; spelled with a letter the made-up words never use. */
    public static final String RARE_WORD = "quillwort";
    /** A word no article has. */
    public static final String NO_MATCH_WORD = "xylophonic";

    /** Two frequent words; every {@value #PHRASE_EVERY}th story has them side by side, many more have both apart. */
    public String phrase() {
        return words[STOPWORDS.size() + 40] + " " + words[STOPWORDS.size() + 70];
    }

    /** The most prolific author (rank 1 of the Zipf draw). */
    public String topAuthor() {
        return authors[0];
    }

    /** The most used tag. */
    public String topTag() {
        return tags[0];
    }

    /** When the story of page {@code index} is dated, give or take {@value #JITTER_MINUTES} minutes later (if the page shows a date). */
    public static Instant dateOf(int index) {
        return NEWEST_DATE.minus(PAGE_SPACING.multipliedBy(index));
    }

    static final int JITTER_MINUTES = 150;

    /** Pages {@code from … to-1}, each made when the iteration reaches it. */
    public Iterable<SeedFile> files(int from, int to) {
        return () -> new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public SeedFile next() {
                if (next >= to) {
                    throw new NoSuchElementException();
                }
                return page(next++).file();
            }
        };
    }

    /** How many stories (story plus teasers) page {@code index} holds. */
    public int storiesOn(int index) {
        return 1 + teasersOn(random(index));
    }

    /** The first pages whose stories add up to at least {@code articles}: how many pages that is. */
    public int pagesFor(int articles) {
        int pages = 0;
        for (int stories = 0; stories < articles; pages++) {
            stories += storiesOn(pages);
        }
        return pages;
    }

    public Page page(int index) {
        SplittableRandom random = random(index);
        int teasers = teasersOn(random);
        boolean dated = random.nextInt(100) >= UNDATED_PERCENT;
        Instant publishedAt = dated ? dateOf(index).plusSeconds(60L * random.nextInt(JITTER_MINUTES)) : null;
        boolean authored = random.nextInt(100) < AUTHORED_PERCENT;
        String author = authored ? authors[authorRanks.draw(random)] : null;
        String site = SITES.get(random.nextInt(SITES.size()));
        List<Story> stories = new ArrayList<>();
        StringBuilder text = new StringBuilder(8192);
        if (dated) {
            text.append(DATE_LINE.format(publishedAt).replace("AM", "am").replace("PM", "pm")).append("\nFull News\n\n");
        }
        String title = headline(random);
        text.append(title).append("\n\n");
        if (authored) {
            String role = ROLES.get(random.nextInt(ROLES.size()));
            text.append("More from Author\n\n").append(author).append(", ").append(role).append('\n')
                    .append(author).append(", ").append(role).append('\n')
                    .append(author).append(" is a ").append(role.toLowerCase(Locale.ROOT)).append(" who writes about ")
                    .append(sentence(random, 8, 14)).append(' ').append(sentence(random, 10, 20)).append("\n\n");
        }
        List<String> paragraphs = storyParagraphs(random, index);
        for (int p = 0; p < paragraphs.size(); p++) {
            if (p > 0 && p % 5 == 0 && random.nextBoolean()) {
                text.append(subheading(random, paragraphs.get(p))).append("\n\n");
            }
            text.append(paragraphs.get(p)).append("\n\n");
        }
        stories.add(new Story(title, false, publishedAt, author, storyTags(random)));
        text.append("Related News\n");
        for (int i = 0; i < 4; i++) {
            text.append(headline(random)).append('\n');
        }
        if (teasers > 0) {
            text.append("More News\n\n");
            for (int t = 0; t < teasers; t++) {
                String teaserTitle = headline(random);
                text.append(teaserTitle).append("\n\n").append(teaserText(random)).append("\n\n");
                stories.add(new Story(teaserTitle, true, null, null, List.of()));
            }
        }
        text.append("Trending on ").append(site).append('\n');
        return new Page(new SeedFile(String.format("news_%06d.txt", index), text.toString()), List.copyOf(stories));
    }

    /** Stories take 1 to 5 distinct tags, two on average; teasers none. */
    private List<String> storyTags(SplittableRandom random) {
        int count = new int[] {1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5}[random.nextInt(11)];
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(tags[tagRanks.draw(random)]);
        }
        return List.copyOf(chosen);
    }

    /** 0 to 6 teasers, 2.6 on average (the real pages have 0 and 10). */
    private static int teasersOn(SplittableRandom random) {
        return new int[] {0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6}[random.nextInt(12)];
    }

    /**
     * A story's paragraphs: about 550 words in the median (log-normal, most between 250 and 1,200),
     * in paragraphs of two to five sentences; the planted words go into the second paragraph.
     */
    private List<String> storyParagraphs(SplittableRandom random, int index) {
        int target = (int) Math.round(550 * Math.exp(0.45 * gaussian(random)));
        List<String> paragraphs = new ArrayList<>();
        int written = 0;
        while (written < Math.max(120, target)) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 2 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                String sentence = sentence(random, 8, 26);
                written += sentence.split(" ").length;
                paragraph.append(s == 0 ? "" : " ").append(sentence);
            }
            paragraphs.add(paragraph.toString());
        }
        if (paragraphs.size() > 1) {
            StringBuilder planted = new StringBuilder(paragraphs.get(1));
            if (RARE_WORD_PAGES.contains(index)) {
                planted.append(" Officials described it as a ").append(RARE_WORD).append(" moment.");
            }
            if (index % PHRASE_EVERY == 0) {
                planted.append(" Critics pointed to the ").append(phrase()).append(" again.");
            }
            paragraphs.set(1, planted.toString());
        }
        return paragraphs;
    }

    /** A short line made of words of the paragraph it introduces, so the parser keeps it as a subheading. */
    private static String subheading(SplittableRandom random, String paragraph) {
        String[] tokens = paragraph.replaceAll("[^\\p{L} ]", "").split(" ");
        int length = 3 + random.nextInt(4);
        int start = random.nextInt(Math.max(1, tokens.length - length));
        String line = String.join(" ", Arrays.copyOfRange(tokens, start, Math.min(tokens.length, start + length)));
        return capitalise(line);
    }

    /** 6 to 13 words, capitalised, no closing punctuation: what the parser takes for a headline. */
    private String headline(SplittableRandom random) {
        int length = 6 + random.nextInt(8);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < length; i++) {
            line.append(i == 0 ? "" : " ").append(capitalise(words[wordRanks.draw(random)]));
        }
        return line.toString();
    }

    /** 30 to 60 words cut off with "[…]", as the real pages' teasers are. */
    private String teaserText(SplittableRandom random) {
        StringBuilder text = new StringBuilder(sentence(random, 12, 24));
        int length = 30 + random.nextInt(31) - text.toString().split(" ").length;
        for (int i = 0; i < length; i++) {
            text.append(' ').append(words[wordRanks.draw(random)]);
        }
        return text.append(" […]").toString();
    }

    private String sentence(SplittableRandom random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String word = words[wordRanks.draw(random)];
            sentence.append(i == 0 ? capitalise(word) : " " + word);
            if (i > 2 && i < length - 2 && random.nextInt(12) == 0) {
                sentence.append(',');
            }
        }
        return sentence.append('.').toString();
    }

    /** Two syllables for the first 4,900 made-up words, three after: frequent words are short. */
    private static String madeUpWord(int number) {
        int syllables = CONSONANTS.length() * VOWELS.length();
        int twoSyllableWords = syllables * syllables;
        int count = number < twoSyllableWords ? 2 : 3;
        int rest = number < twoSyllableWords ? number : number - twoSyllableWords;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int syllable = rest % syllables;
            rest /= syllables;
            word.append(CONSONANTS.charAt(syllable / VOWELS.length())).append(VOWELS.charAt(syllable % VOWELS.length()));
        }
        return word.toString();
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private SplittableRandom random(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian of its own.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Ranks 0 … n-1 drawn with probability proportional to 1 / (rank + 1)^s. */
    private static final class Zipf {

        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int rank = 0; rank < n; rank++) {
                sum += 1 / Math.pow(rank + 1, s);
                cumulative[rank] = sum;
            }
            for (int rank = 0; rank < n; rank++) {
                cumulative[rank] /= sum;
            }
        }

        int draw(SplittableRandom random) {
            int found = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
        }
    }
}
