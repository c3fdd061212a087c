package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every Java example of the README's stream-core section against MockWebServer. The code
 * between the README markers below must match the README's java blocks (checked at the end).
 */
class ReadmeExamplesTest {
  @StartStop final MockWebServer mock = new MockWebServer();
  final StreamServer s = new StreamServer(mock);
  StreamClient client;
  Feed userFeed1;

  @BeforeEach
  void connectToTheMockServer() {
    client = s.client();
    userFeed1 = client.feed("user", "1");
  }

  @Test
  void connect() {
    // README:begin
    // Create a client; it is immutable and thread-safe, so share one instance
    StreamClient client = StreamClient.connect("YOUR_API_KEY", "API_KEY_SECRET");
    // README:end
    assertThat(client.baseUrl()).isEqualTo("https://api.stream-io-api.com/api/v1.0/");
  }

  @Test
  void location() {
    // README:begin
    // Create a client for a data center location
    StreamClient client =
        StreamClient.builder("YOUR_API_KEY", "API_KEY_SECRET").location("us-east").build();
    // README:end
    assertThat(client.baseUrl()).isEqualTo("https://us-east-api.stream-io-api.com/api/v1.0/");
  }

  @Test
  void feed() {
    // README:begin
    // Get a feed object
    Feed userFeed1 = client.feed("user", "1");
    // README:end
    assertThat(userFeed1.id()).isEqualTo(FeedId.of("user", "1"));
  }

  @Test
  void paginatedGet() {
    s.reply("flat-feed-response.json").reply("flat-feed-response.json");
    // README:begin
    // Get activities from 5 to 10 (slow pagination)
    FeedPage<FeedActivity> result =
        userFeed1.getActivities(ReadOptions.builder().limit(5).offset(5).build());
    // (Recommended & faster) Filter on an id less than the given UUID
    result =
        userFeed1.getActivities(
            ReadOptions.builder().limit(5).idLt("e561de8f-00f1-11e4-b400-0cc47a024be0").build());
    // The page knows where the next one starts
    Optional<ReadOptions> nextPage = result.nextPage();
    // README:end
    StreamServer.Recorded offset = s.take();
    assertThat(offset.query("offset")).isEqualTo("5");
    assertThat(offset.query("limit")).isEqualTo("5");
    assertThat(s.take().query("id_lt")).isEqualTo("e561de8f-00f1-11e4-b400-0cc47a024be0");
    assertThat(result.results()).hasSize(2);
    assertThat(nextPage.flatMap(ReadOptions::idLt))
        .contains("aaaa0000-69ab-11e4-8080-80003644b625");
  }

  @Test
  void addActivities() {
    s.reply("activity-response.json").reply("activity-response.json");
    // README:begin
    // Create a new activity
    FeedActivity added =
        userFeed1.addActivity(
            NewActivity.builder()
                .actor("1")
                .verb("tweet")
                .object("1")
                .foreignId("tweet:1")
                .build());
    // Create a bit more complex activity
    userFeed1.addActivity(
        NewActivity.builder()
            .actor("1")
            .verb("run")
            .object("1")
            .foreignId("run:1")
            .extra("course", Map.of("name", "Golden Gate park", "distance", 10))
            .extra("participants", List.of("Thierry", "Tommaso"))
            .extra("started_at", Instant.now())
            .build());
    // README:end
    assertThat(added.id()).isEqualTo("ef696c12-69ab-11e4-8080-80003644b625");
    assertThat(s.take().body().path("foreign_id").asText()).isEqualTo("tweet:1");
    var complex = s.take().body();
    assertThat(complex.path("course").path("distance").asInt()).isEqualTo(10);
    assertThat(complex.path("participants").get(1).asText()).isEqualTo("Tommaso");
    assertThat(StreamTimes.parse(complex.path("started_at").asText()))
        .isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void removeActivities() {
    s.replyDuration().replyDuration();
    // README:begin
    // Remove an activity by its id
    userFeed1.removeActivity("e561de8f-00f1-11e4-b400-0cc47a024be0");
    // or by foreign id
    userFeed1.removeActivityByForeignId("tweet:1");
    // README:end
    assertThat(s.take().request.getUrl().encodedPath())
        .isEqualTo("/api/v1.0/feed/user/1/e561de8f-00f1-11e4-b400-0cc47a024be0/");
    assertThat(s.take().query("foreign_id")).isEqualTo("1");
  }

  @Test
  void followAndUnfollow() {
    s.replyDuration().replyDuration();
    // README:begin
    // Follow another feed
    userFeed1.follow(FeedId.of("flat", "42"));
    // Stop following another feed
    userFeed1.unfollow(FeedId.of("flat", "42"));
    // README:end
    assertThat(s.take().body().path("target").asText()).isEqualTo("flat:42");
    assertThat(s.take().request.getMethod()).isEqualTo("DELETE");
  }

  @Test
  void followersAndFollowing() {
    s.reply("following-response.json").reply("followers-response.json");
    // README:begin
    // List followers/following
    List<FollowInfo> following = userFeed1.following(FollowQuery.of(2, 0));
    List<FollowInfo> followers = userFeed1.followers(FollowQuery.of(10, 0));
    // README:end
    assertThat(following).hasSize(1);
    assertThat(followers).hasSize(2);
    assertThat(s.take().query("limit")).isEqualTo("2");
    assertThat(s.take().query("limit")).isEqualTo("10");
  }

  @Test
  void followMany() {
    s.replyDuration();
    // README:begin
    // Create many follow relationships in one request
    client.followMany(
        List.of(
            new FollowRelation(FeedId.parse("flat:1"), FeedId.parse("user:1")),
            new FollowRelation(FeedId.parse("flat:1"), FeedId.parse("user:2")),
            new FollowRelation(FeedId.parse("flat:1"), FeedId.parse("user:3"))));
    // README:end
    assertThat(s.take().body()).hasSize(3);
  }

  @Test
  void batchAdd() {
    s.reply("add-activities-response.json");
    // README:begin
    // Batch adding activities
    userFeed1.addActivities(
        List.of(
            NewActivity.builder().actor("1").verb("tweet").object("1").build(),
            NewActivity.builder().actor("2").verb("watch").object("3").build()));
    // README:end
    assertThat(s.take().body().path("activities")).hasSize(2);
  }

  @Test
  void toField() {
    s.reply("activity-response.json");
    // README:begin
    // Add an activity and push it to other feeds too using the `to` field
    userFeed1.addActivity(
        NewActivity.builder()
            .actor("1")
            .verb("like")
            .object("3")
            .to(FeedId.parse("user:44"), FeedId.parse("user:45"))
            .build());
    // README:end
    assertThat(s.take().body().path("to").toString()).isEqualTo("[\"user:44\",\"user:45\"]");
  }

  @Test
  void getActivities() {
    s.reply("activities-response.json").reply("activities-response.json");
    FeedActivity added = fixtureActivity();
    // README:begin
    // Get activities by id
    List<FeedActivity> byId = client.getActivities(List.of(added.id()));
    // or by foreign id and time
    List<FeedActivity> byForeignIdTime =
        client.getActivitiesByForeignIdTime(List.of(ForeignIdTime.of("tweet:1", added.time())));
    // README:end
    assertThat(byId).hasSize(1);
    assertThat(byForeignIdTime).hasSize(1);
    assertThat(s.take().query("ids")).isEqualTo(added.id());
    assertThat(s.take().query("timestamps")).isEqualTo("2026-11-27T21:05:23.864038");
  }

  @Test
  void partialUpdate() {
    s.reply("partial-update-response.json").reply("partial-update-response.json");
    FeedActivity added = fixtureActivity();
    // README:begin
    // Partial update by id: set fields (dotted paths reach into objects) and unset others
    client.partialUpdate(
        PartialUpdate.byId(
            added.id(), Map.of("product.name", "boots", "product.price", 19.99), List.of("sale")));
    // or by foreign id and time
    client.partialUpdate(
        PartialUpdate.byForeignIdTime(
            "tweet:1", added.time(), Map.of("popularity", 100), List.of()));
    // README:end
    assertThat(s.take().body().path("set").path("product.price").asDouble()).isEqualTo(19.99);
    assertThat(s.take().body().path("foreign_id").asText()).isEqualTo("tweet:1");
  }

  @Test
  void tokens() {
    // README:begin
    // Generate a token for client-side use, with full rights on this feed, for 15 minutes
    String token = userFeed1.token(Duration.ofMinutes(15));
    // Generate a read-only token for client-side use, for an hour
    String readonlyToken = userFeed1.readOnlyToken(Duration.ofHours(1));
    // A user session token with extra claims, expiring in an hour
    String userToken =
        client.userToken("tommaso", Map.of("role", "editor"), Instant.now().plusSeconds(3600));
    // README:end
    assertThat(TokensTest.verify(token).getClaim("action").asString()).isEqualTo("*");
    assertThat(TokensTest.verify(token).getExpiresAtAsInstant())
        .isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60));
    assertThat(TokensTest.verify(readonlyToken).getClaim("action").asString()).isEqualTo("read");
    assertThat(TokensTest.verify(userToken).getClaim("role").asString()).isEqualTo("editor");
  }

  @Test
  void redirectUrl() throws IOException {
    // README:begin
    // Generate a redirect URL for Stream Analytics to track impressions and engagements on clicks
    Map<String, Object> impression =
        Map.of(
            "content_list", List.of("tweet:1", "tweet:2", "tweet:3"),
            "user_data", "tommaso",
            "location", "email",
            "feed_id", "user:global");
    Map<String, Object> engagement =
        Map.of(
            "content", "tweet:2",
            "label", "click",
            "position", 1,
            "user_data", "tommaso",
            "location", "email",
            "feed_id", "user:global");
    String redirectUrl =
        client.redirectUrl("http://google.com/", "user_id", List.of(impression, engagement));
    // README:end
    HttpUrl url = HttpUrl.get(redirectUrl);
    assertThat(url.encodedPath()).isEqualTo("/analytics/redirect/");
    assertThat(StreamServer.JSON.readTree(url.queryParameter("events")))
        .isEqualTo(StreamServer.JSON.valueToTree(List.of(impression, engagement)));
  }

  @Test
  void aggregatedAndNotificationFeeds() {
    s.reply("aggregated-feed-response.json").reply("notification-feed-response.json");
    // README:begin
    // Aggregated feeds return groups of activities
    FeedPage<ActivityGroup> groups =
        client.feed("aggregated", "1").getAggregatedActivities(ReadOptions.limit(10));
    // Notification feeds add seen/read flags and counts; marking happens with the read
    NotificationPage inbox =
        client
            .feed("notification", "1")
            .getNotificationActivities(ReadOptions.builder().limit(10).markSeenAll().build());
    int unread = inbox.unread();
    // README:end
    assertThat(groups.results().get(0).activityCount()).isEqualTo(3);
    assertThat(unread).isEqualTo(2);
    s.take();
    assertThat(s.take().query("mark_seen")).isEqualTo("true");
  }

  @Test
  void timeoutsRetriesAndLocalServer() {
    String emulatorUrl = s.baseUrl();
    s.replyJson(503, "{}").replyJson(200, "{\"results\":[],\"next\":\"\",\"duration\":\"1ms\"}");
    // README:begin
    StreamClient tuned =
        StreamClient.builder("YOUR_API_KEY", "API_KEY_SECRET")
            .baseUrl(emulatorUrl) // e.g. "http://127.0.0.1:8000" for the emulator
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(30))
            .retryPolicy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), 0.5))
            .build();
    StreamClient noRetries = tuned.newBuilder().retryPolicy(RetryPolicy.none()).build();
    // README:end
    assertThat(tuned.feed("user", "1").getActivities().results()).isEmpty();
    assertThat(mock.getRequestCount()).isEqualTo(2);
    assertThat(noRetries.baseUrl()).isEqualTo(tuned.baseUrl());
  }

  @Test
  void errors() {
    s.reply(400, "error-input.json");
    NewActivity activity = NewActivity.builder().actor("1").verb("tweet").object("1").build();
    List<String> problems = new ArrayList<>();
    // README:begin
    try {
      userFeed1.addActivity(activity);
    } catch (InputException e) { // code 4: e.exceptionFields() says which fields are wrong
      problems.add(e.exceptionFields().toString());
    } catch (RateLimitException e) { // code 9: e.retryAfter() and e.rateLimit() say when to retry
      problems.add("retry after " + e.retryAfter().orElse(Duration.ofMinutes(1)));
    } catch (StreamApiException e) { // any other answer: e.httpStatus(), e.code(), e.detail()
      problems.add(e.getMessage());
    } catch (StreamTransportException e) { // no answer: e.getCause() is the IOException
      problems.add("Stream unreachable: " + e.getCause());
    }
    // README:end
    assertThat(problems)
        .containsExactly("{actor=[Missing actor], time=[Invalid time, Time must be UTC]}");
  }

  @Test
  void ownClasses() {
    record Tweet(String actor, String verb, String object) {}
    FeedActivity activity = fixtureActivity();
    // README:begin
    // Map a stored activity (named and custom fields) onto a class of your own
    Tweet tweet = client.convert(activity, Tweet.class);
    // README:end
    assertThat(tweet).isEqualTo(new Tweet("User:1", "pin", "Place:42"));
  }

  private FeedActivity fixtureActivity() {
    return client.json().read(StreamServer.fixtureJson("activity-response.json"));
  }

  // The README check: its java blocks and the regions above must be the same, in order.

  private static final Pattern README_SECTION =
      Pattern.compile("<!-- BEGIN stream-core -->(.*?)<!-- END stream-core -->", Pattern.DOTALL);
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void readmeJavaBlocksAreExactlyTheExamplesRunHere() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Matcher section = README_SECTION.matcher(readme);
    assertThat(section.find()).as("README has the stream-core section").isTrue();
    List<String> readmeBlocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(section.group(1));
    while (block.find()) {
      readmeBlocks.add(normalize(block.group(1)));
    }
    String source =
        Files.readString(
            Path.of("src/test/java/io/github/streamjpa/core/ReadmeExamplesTest.java"),
            StandardCharsets.UTF_8);
    List<String> testedBlocks = new ArrayList<>();
    Matcher region =
        Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL)
            .matcher(source);
    while (region.find()) {
      testedBlocks.add(normalize(region.group(1)));
    }

    assertThat(testedBlocks).hasSizeGreaterThanOrEqualTo(18);
    assertThat(readmeBlocks).containsExactlyElementsOf(testedBlocks);
  }

  /** Removes indentation and blank lines; everything else must match character for character. */
  private static String normalize(String code) {
    return code.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }
}
