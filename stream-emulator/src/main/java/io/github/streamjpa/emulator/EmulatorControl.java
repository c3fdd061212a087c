package io.github.streamjpa.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The in-JVM control surface of a running emulator: reset, request log, fault injection and state
 * inspection. Thread-safe. The same operations are available over HTTP under {@code /_emulator/} to
 * loopback clients that name a loopback {@code Host}, never to cross-site requests, with POST
 * bodies as {@code application/json}.
 *
 * <pre>{@code
 * EmulatorControl control = emulator.control();
 * control.failNext(3, 503);              // the next three API calls get 503
 * control.rateLimitNext(1, Duration.ofSeconds(2));
 * ...
 * assertThat(control.requests()).extracting(RecordedRequest::status).contains(503);
 * }</pre>
 */
public interface EmulatorControl {

  /** Forgets all feeds, activities, follows, logged requests and faults. */
  void reset();

  /**
   * The API requests received since the last reset or clear, oldest first (control requests are not
   * logged).
   *
   * @return an immutable snapshot
   */
  List<RecordedRequest> requests();

  /** Empties the request log. */
  void clearRequests();

  /**
   * Answers the next {@code count} API requests with {@code status} in Stream's error shape,
   * without touching state.
   *
   * @param count how many requests to fail
   * @param status an HTTP status from 400 to 599
   */
  void failNext(int count, int status);

  /**
   * Fails a random fraction of API requests with {@code status}, reproducibly for a given seed,
   * until {@link #clearFaults()}.
   *
   * @param fraction from 0.0 (none) to 1.0 (all)
   * @param status an HTTP status from 400 to 599
   * @param seed the random seed
   */
  void failFraction(double fraction, int status, long seed);

  /**
   * Answers the next {@code count} API requests with 429 RateLimitReached (code 9) and a {@code
   * Retry-After} header.
   *
   * @param count how many requests to refuse
   * @param retryAfter the wait to announce, rounded up to whole seconds
   */
  void rateLimitNext(int count, Duration retryAfter);

  /**
   * Delays every API request by {@code delay} before it is handled ({@link Duration#ZERO} to stop).
   *
   * @param delay the added latency
   */
  void latency(Duration delay);

  /**
   * While true, closes every API connection without answering, as a server that went away would.
   *
   * @param drop whether to drop connections
   */
  void dropConnections(boolean drop);

  /** Removes every injected fault. */
  void clearFaults();

  /**
   * The activities stored in a feed, newest first, as they would be serialised (for grouped feeds
   * the activities of every group).
   *
   * @param slug the feed group slug
   * @param userId the feed's user id
   * @return JSON-shaped maps; empty when the feed has never been written
   */
  List<Map<String, Object>> feedActivities(String slug, String userId);

  /**
   * The feeds a feed follows, as {@code slug:userId} strings, newest follow first.
   *
   * @param slug the feed group slug
   * @param userId the feed's user id
   * @return the followed feed ids
   */
  List<String> following(String slug, String userId);

  /**
   * The feeds following a feed, as {@code slug:userId} strings, newest follow first.
   *
   * @param slug the feed group slug
   * @param userId the feed's user id
   * @return the follower feed ids
   */
  List<String> followers(String slug, String userId);
}
