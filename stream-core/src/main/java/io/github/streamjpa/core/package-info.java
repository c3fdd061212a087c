/**
 * Java client for the Stream Feeds REST API v1.0.
 *
 * <p>Everything starts at {@link io.github.streamjpa.core.StreamClient}; feeds come from it, and
 * values are records or immutable builder-backed classes.
 *
 * <pre>{@code
 * StreamClient client = StreamClient.builder("key", "secret").location("us-east").build();
 * Feed user1 = client.feed("user", "1");
 * user1.addActivity(NewActivity.builder()
 *     .actor("User:1").verb("pin").object("Place:42")
 *     .foreignId("Pin:7").time(Instant.now())
 *     .to(FeedId.of("notification", "2"))
 *     .build());
 * FeedPage<FeedActivity> page = user1.getActivities(ReadOptions.limit(10));
 * client.feed("timeline", "2").follow(user1.id());
 * }</pre>
 *
 * <p>All failures are unchecked {@link io.github.streamjpa.core.StreamException}s: {@link
 * io.github.streamjpa.core.StreamApiException} (and a subclass per Stream error code) when Stream
 * answered with an error, {@link io.github.streamjpa.core.StreamTransportException} when no answer
 * came. Bad arguments throw {@link IllegalArgumentException} or {@link NullPointerException} before
 * any request is sent.
 */
package io.github.streamjpa.core;
