package com.newsapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import com.newsapi.model.ArticleStatus;
import com.newsapi.testing.Articles;

class PreviewResponsesTest {

    @Test
    void theStyleHash_inThePolicy_isTheHashOfThePagesOneStyleBlock() throws Exception {
        String page = PreviewResponses.page(Articles.article("A draft", null, ArticleStatus.DRAFT));
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);

        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(PreviewResponses.CONTENT_SECURITY_POLICY).contains("style-src 'sha256-" + hash + "'");
        assertThat(style.find()).as("a second style block").isFalse();
        assertThat(page).doesNotContain("style=\"", "<script", "<link", "<img");
    }

    @Test
    void escape_replacesEveryCharacterHtmlGivesMeaningTo() {
        assertThat(PreviewResponses.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    }

    @Test
    void aPublishedOrScheduledArticle_saysWhereItStands() {
        assertThat(PreviewResponses.page(Articles.published("Out now", java.time.Instant.parse("2026-11-20T08:30:00Z"))))
                .contains("Preview — published", "Published 20 November 2026, 08:30 UTC");
        assertThat(PreviewResponses.page(Articles.article("Coming up", java.time.Instant.parse("2026-12-01T06:00:00Z"), ArticleStatus.SCHEDULED)))
                .contains("Preview — not published", "Scheduled for 1 December 2026, 06:00 UTC");
    }
}
