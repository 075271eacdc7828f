package com.newsapi.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserAgentsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "okhttp/4.12.0|okhttp",
        "Dart/3.5 (dart:io)|dart",
        "NewsApp/12 CFNetwork/1494.0.7 Darwin/23.4.0|ios",
        "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A)|android",
        "curl/8.5.0|curl",
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36|browser",
        "python-requests/2.32|other",
        "''|none"})
    void family_isACoarseClassOfTheClient_neverTheStringItself(String userAgent, String family) {
        String classified = UserAgents.family(userAgent);

        assertThat(classified).isEqualTo(family);
    }
}
