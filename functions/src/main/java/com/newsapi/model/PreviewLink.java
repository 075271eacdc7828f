package com.newsapi.model;

import java.time.Instant;

/** A new preview link's token and the instant (whole seconds) it stops working. */
public record PreviewLink(String token, Instant expiresAt) {
}
