package io.github.streamjpa.core;

import java.time.Instant;

/**
 * The rate-limit headers of a response ({@code X-Ratelimit-Limit}, {@code X-Ratelimit-Remaining},
 * {@code X-Ratelimit-Reset}); each component is null when its header was absent or unreadable.
 *
 * @param limit calls allowed in the current window
 * @param remaining calls left in the current window
 * @param reset when the window resets (the header carries epoch seconds)
 */
public record RateLimit(Integer limit, Integer remaining, Instant reset) {}
