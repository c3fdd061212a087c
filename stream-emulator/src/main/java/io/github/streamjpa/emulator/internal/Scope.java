package io.github.streamjpa.emulator.internal;

/**
 * What a request needs its credentials to allow.
 *
 * @param resource the JWT resource (feed, follower, feed_targets, activities)
 * @param action read, write or delete: chosen by the operation, never from the HTTP method alone
 * @param feed the feed the request is about, or {@code null} for app-wide operations
 * @param batch whether HTTP-signature auth is also accepted (the three batch paths)
 */
record Scope(String resource, String action, FeedRef feed, boolean batch) {}
