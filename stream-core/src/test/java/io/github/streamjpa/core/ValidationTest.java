package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad arguments fail before any request, with a message naming the value and the rule. */
class ValidationTest {
  @StartStop static final MockWebServer mock = new MockWebServer();

  static final Instant T = Instant.parse("2026-11-27T21:00:00Z");
  static final Class<?> ILLEGAL = IllegalArgumentException.class;
  static final Class<?> NULL = NullPointerException.class;

  interface Case {
    void run(StreamClient client, Feed feed);
  }

  static Arguments bad(String name, Class<?> type, String message, Case call) {
    return Arguments.of(name, type, message, call);
  }

  static NewActivity.Builder activity() {
    return NewActivity.builder().actor("User:1").verb("pin").object("Place:1");
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad(
            "slug with colon",
            ILLEGAL,
            "feed slug 'us:er' must match [A-Za-z0-9_-]+",
            (c, f) -> c.feed("us:er", "1")),
        bad(
            "empty slug",
            ILLEGAL,
            "feed slug '' must match [A-Za-z0-9_-]+",
            (c, f) -> c.feed("", "1")),
        bad(
            "user id with space",
            ILLEGAL,
            "feed user id '1 2' must match [A-Za-z0-9_-]+",
            (c, f) -> c.feed("user", "1 2")),
        bad(
            "user id with slash",
            ILLEGAL,
            "feed user id '../x' must match [A-Za-z0-9_-]+",
            (c, f) -> FeedId.of("user", "../x")),
        bad("null slug", NULL, "feed slug must not be null", (c, f) -> c.feed(null, "1")),
        bad(
            "to without colon",
            ILLEGAL,
            "feed id 'user1' must be 'slug:userId' with exactly one ':'",
            (c, f) -> activity().to(FeedId.parse("user1"))),
        bad(
            "to with two colons",
            ILLEGAL,
            "feed id 'user:1:2' must be 'slug:userId' with exactly one ':'",
            (c, f) -> FeedId.parse("user:1:2")),
        bad(
            "missing actor",
            ILLEGAL,
            "activity actor is required (set it with actor(...))",
            (c, f) -> NewActivity.builder().verb("pin").object("Place:1").build()),
        bad(
            "missing verb",
            ILLEGAL,
            "activity verb is required (set it with verb(...))",
            (c, f) -> NewActivity.builder().actor("User:1").object("Place:1").build()),
        bad(
            "missing object",
            ILLEGAL,
            "activity object is required (set it with object(...))",
            (c, f) -> NewActivity.builder().actor("User:1").verb("pin").build()),
        bad(
            "blank actor",
            ILLEGAL,
            "activity actor is required (set it with actor(...))",
            (c, f) -> activity().actor("  ").build()),
        bad(
            "verb too long",
            ILLEGAL,
            "is 300 bytes; Stream allows at most 255",
            (c, f) -> activity().verb("v".repeat(300)).build()),
        bad(
            "custom field shadowing a named one",
            ILLEGAL,
            "custom field 'time' is a named activity field; use its own builder method",
            (c, f) -> activity().extra("time", "now")),
        bad(
            "partial update with id and foreign id",
            ILLEGAL,
            "partial update must be addressed by id or by foreign id and time, not both"
                + " (id 'a1', foreign id 'Pin:1')",
            (c, f) -> new PartialUpdate("a1", ForeignIdTime.of("Pin:1", T), Map.of(), List.of())),
        bad(
            "partial update without address",
            ILLEGAL,
            "partial update needs an activity id or a foreign id and time",
            (c, f) -> new PartialUpdate(null, null, Map.of("a", 1), List.of())),
        bad(
            "partial update with blank unset",
            ILLEGAL,
            "partial update unset field must not be blank",
            (c, f) -> PartialUpdate.byId("a1", null, List.of(" "))),
        bad(
            "foreign id key without time",
            NULL,
            "time of foreign id 'Pin:1' must not be null",
            (c, f) -> ForeignIdTime.of("Pin:1", null)),
        bad("null activity", NULL, "activity must not be null", (c, f) -> f.addActivity(null)),
        bad(
            "null activity list",
            NULL,
            "activities must not be null",
            (c, f) -> f.addActivities(null)),
        bad(
            "null entry in a batch",
            NULL,
            "activities[1] must not be null",
            (c, f) -> f.addActivities(Arrays.asList(activity().build(), null))),
        bad(
            "null feed among to targets",
            NULL,
            "activity to[1] must not be null",
            (c, f) -> activity().to(FeedId.of("notification", "2"), null)),
        bad("null follow target", NULL, "follow target must not be null", (c, f) -> f.follow(null)),
        bad(
            "null read options",
            NULL,
            "read options must not be null",
            (c, f) -> f.getActivities(null)),
        bad("null ids", NULL, "activity ids must not be null", (c, f) -> c.getActivities(null)),
        bad(
            "no ids",
            ILLEGAL,
            "activity ids must not be empty",
            (c, f) -> c.getActivities(List.of())),
        bad(
            "comma in id",
            ILLEGAL,
            "activity id 'a,b' must not contain ',' (values are comma-joined in the query)",
            (c, f) -> c.getActivities(List.of("a,b"))),
        bad(
            "comma in foreign id",
            ILLEGAL,
            "foreign id 'Pin:1,2' must not contain ','",
            (c, f) -> c.getActivitiesByForeignIdTime(List.of(ForeignIdTime.of("Pin:1,2", T)))),
        bad(
            "copy limit above 1000",
            ILLEGAL,
            "activity_copy_limit 1001 must be between 0 and 1000",
            (c, f) -> f.follow(FeedId.of("user", "2"), 1001)),
        bad(
            "negative copy limit in follow many",
            ILLEGAL,
            "activity_copy_limit -1 must be between 0 and 1000",
            (c, f) -> c.followMany(List.of(), -1)),
        bad(
            "feed following itself",
            ILLEGAL,
            "feed user:1 cannot follow itself",
            (c, f) -> f.follow(FeedId.of("user", "1"))),
        bad(
            "update without foreign id and time",
            ILLEGAL,
            "activities[0] (verb 'pin', object 'Place:1') needs both foreign id and time to be"
                + " updated",
            (c, f) -> c.updateActivities(List.of(activity().build()))),
        bad(
            "add to many with to",
            ILLEGAL,
            "activity for add_to_many must not have 'to' targets",
            (c, f) ->
                c.addToMany(
                    activity().to(FeedId.of("user", "2")).build(),
                    List.of(FeedId.of("user", "3")))),
        bad(
            "add to many without feeds",
            ILLEGAL,
            "feeds must not be empty",
            (c, f) -> c.addToMany(activity().build(), List.of())),
        bad(
            "add to many over 5000 feeds",
            ILLEGAL,
            "feeds has 5001 entries; add_to_many accepts at most 5000",
            (c, f) ->
                c.addToMany(activity().build(), Collections.nCopies(5001, FeedId.of("user", "3")))),
        bad(
            "to targets added and removed",
            ILLEGAL,
            "feeds [user:2] must not be both added and removed as targets",
            (c, f) ->
                f.updateActivityToTargets(
                    ForeignIdTime.of("Pin:1", T),
                    List.of(FeedId.of("user", "2")),
                    List.of(FeedId.of("user", "2")))),
        bad(
            "to targets without change",
            ILLEGAL,
            "added and removed targets must not both be empty",
            (c, f) ->
                f.updateActivityToTargets(ForeignIdTime.of("Pin:1", T), List.of(), List.of())),
        bad(
            "read limit 0",
            ILLEGAL,
            "read limit 0 must be between 1 and 1000",
            (c, f) -> ReadOptions.limit(0)),
        bad(
            "read limit 1001",
            ILLEGAL,
            "read limit 1001 must be between 1 and 1000",
            (c, f) -> f.getActivities(ReadOptions.builder().limit(1001).build())),
        bad(
            "non-ASCII letter in a user id",
            ILLEGAL,
            "feed user id 'ü' must match [A-Za-z0-9_-]+",
            (c, f) -> c.feed("user", "ü")),
        bad(
            "non-ASCII digit in a slug",
            ILLEGAL,
            "feed slug '١' must match [A-Za-z0-9_-]+",
            (c, f) -> FeedId.parse("١:1")),
        bad(
            "101 ids in one lookup",
            ILLEGAL,
            "activity ids has 101 entries; Stream looks up at most 100 at once",
            (c, f) -> c.getActivities(Collections.nCopies(101, "a1"))),
        bad(
            "101 foreign id keys in one lookup",
            ILLEGAL,
            "foreign id and time keys has 101 entries; Stream looks up at most 100 at once",
            (c, f) ->
                c.getActivitiesByForeignIdTime(
                    Collections.nCopies(101, ForeignIdTime.of("Pin:1", T)))),
        bad(
            "activity over 10 KB",
            ILLEGAL,
            "activity (verb 'pin', object 'Place:1') is 11060 bytes as JSON; Stream stores at"
                + " most 10240",
            (c, f) -> f.addActivity(activity().extra("blob", "x".repeat(11000)).build())),
        bad(
            "activity over 10 KB in a batch",
            ILLEGAL,
            "is 11060 bytes as JSON; Stream stores at most 10240",
            (c, f) ->
                f.addActivities(
                    List.of(
                        activity().build(), activity().extra("blob", "x".repeat(11000)).build()))),
        bad(
            "activity over 10 KB in an update",
            ILLEGAL,
            "bytes as JSON; Stream stores at most 10240",
            (c, f) ->
                c.updateActivities(
                    List.of(
                        activity()
                            .foreignId("Pin:1")
                            .time(T)
                            .extra("blob", "x".repeat(11000))
                            .build()))),
        bad(
            "activity over 10 KB for many feeds",
            ILLEGAL,
            "bytes as JSON; Stream stores at most 10240",
            (c, f) ->
                c.addToMany(
                    activity().extra("blob", "x".repeat(11000)).build(),
                    List.of(FeedId.of("user", "3")))),
        bad(
            "partial update setting time",
            ILLEGAL,
            "partial update cannot set 'time': Stream never changes id, time, foreign_id, to or"
                + " origin",
            (c, f) -> PartialUpdate.byId("a1", Map.of("time", T), null)),
        bad(
            "partial update setting inside to",
            ILLEGAL,
            "partial update cannot set 'to.0': Stream never changes id, time, foreign_id, to or"
                + " origin",
            (c, f) -> PartialUpdate.byId("a1", Map.of("to.0", "user:2"), null)),
        bad(
            "partial update removing foreign id",
            ILLEGAL,
            "partial update cannot unset 'foreign_id': Stream never changes",
            (c, f) -> PartialUpdate.byId("a1", null, List.of("foreign_id"))),
        bad(
            "partial update removing the verb",
            ILLEGAL,
            "partial update cannot unset 'verb': actor, verb and object are required",
            (c, f) -> PartialUpdate.byForeignIdTime("Pin:1", T, null, List.of("verb"))),
        bad(
            "partial update setting the actor to a map",
            ILLEGAL,
            "partial update must set 'actor' to a string, number or boolean, got {id=1}",
            (c, f) -> PartialUpdate.byId("a1", Map.of("actor", Map.of("id", 1)), null)),
        bad(
            "partial update emptying the object",
            ILLEGAL,
            "partial update cannot set 'object' to an empty value: actor, verb and object are"
                + " required",
            (c, f) -> PartialUpdate.byId("a1", Map.of("object", ""), null)),
        bad(
            "partial update with an empty path part",
            ILLEGAL,
            "partial update field 'product..price' must be a dotted path without empty parts",
            (c, f) -> PartialUpdate.byId("a1", Map.of("product..price", 1), null)),
        bad(
            "custom field holding itself",
            ILLEGAL,
            "custom field 'loop' holds a map or list that contains itself",
            (c, f) -> activity().extra("loop", selfContaining()).build()),
        bad(
            "custom field nested too deep",
            ILLEGAL,
            "custom field 'deep' nests more than 100 maps or lists deep",
            (c, f) -> activity().extra("deep", nested(150)).build()),
        bad(
            "partial update value holding itself",
            ILLEGAL,
            "partial update set 'loop' holds a map or list that contains itself",
            (c, f) -> PartialUpdate.byId("a1", Map.of("loop", selfContaining()), null)),
        bad(
            "token without lifetime",
            ILLEGAL,
            "token lifetime PT0S must be positive",
            (c, f) -> f.token(Duration.ZERO)),
        bad(
            "read-only token with a negative lifetime",
            ILLEGAL,
            "token lifetime PT-1S must be positive",
            (c, f) -> f.readOnlyToken(Duration.ofSeconds(-1))),
        bad(
            "token expiring after year 9999",
            ILLEGAL,
            "token expiry +1000000000-12-31T23:59:59.999999999Z must be between"
                + " 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z",
            (c, f) -> c.userToken("alice", Map.of(), Instant.MAX)),
        bad(
            "user token claim holding itself",
            ILLEGAL,
            "claim 'team' holds a map or list that contains itself",
            (c, f) -> c.userToken("alice", Map.of("team", selfContaining()))),
        bad(
            "redirect event holding itself",
            ILLEGAL,
            "events holds a map or list that contains itself",
            (c, f) -> c.redirectUrl("https://example.com/", "alice", List.of(selfContaining()))),
        bad(
            "time before year 1",
            ILLEGAL,
            "time -0001-06-01T00:00:00Z is outside the years 0001 to 9999 that Stream's time format"
                + " can carry",
            (c, f) -> activity().time(Instant.parse("-0001-06-01T00:00:00Z"))),
        bad(
            "Instant.MAX as a time",
            ILLEGAL,
            "time +1000000000-12-31T23:59:59.999999999Z is outside the years 0001 to 9999",
            (c, f) -> ForeignIdTime.of("Pin:1", Instant.MAX)),
        bad(
            "Instant.MIN formatted",
            ILLEGAL,
            "time -1000000000-01-01T00:00:00Z is outside the years 0001 to 9999",
            (c, f) -> StreamTimes.format(Instant.MIN)),
        bad(
            "time after year 9999 in a custom field",
            ILLEGAL,
            "custom field 'when': time +10000-01-01T00:00:00Z is outside the years 0001 to 9999",
            (c, f) -> activity().extra("when", Instant.parse("+10000-01-01T00:00:00Z")).build()),
        bad(
            "negative offset",
            ILLEGAL,
            "read offset -1 must be at least 0",
            (c, f) -> ReadOptions.builder().offset(-1)),
        bad(
            "mark seen without ids",
            ILLEGAL,
            "mark_seen group ids must not be empty",
            (c, f) -> ReadOptions.builder().markSeen(List.of())),
        bad(
            "follow query limit",
            ILLEGAL,
            "follow query limit 0 must be between 1 and 500",
            (c, f) -> FollowQuery.of(0, 0)),
        bad(
            "redirect to a URL without scheme",
            ILLEGAL,
            "target URL 'google.com' must be an absolute http or https URL",
            (c, f) -> c.redirectUrl("google.com", "u", List.of())),
        bad(
            "user token overriding user_id",
            ILLEGAL,
            "extra claims must not contain 'user_id'; it is set from the userId argument",
            (c, f) -> c.userToken("alice", Map.of("user_id", "bob"))),
        bad(
            "blank user token id",
            ILLEGAL,
            "user id must not be blank",
            (c, f) -> c.userToken(" ")),
        bad(
            "bad location",
            ILLEGAL,
            "location 'us east' must be a region name like us-east, eu-west, singapore",
            (c, f) -> StreamClient.builder("k", "s").location("us east")),
        bad(
            "bad base URL",
            ILLEGAL,
            "base URL 'localhost:8000' must be an absolute http or https URL",
            (c, f) -> StreamClient.builder("k", "s").baseUrl("localhost:8000")),
        bad(
            "unparsable base URL holding the secret",
            ILLEGAL,
            "base URL '***@localhost:8000' must be an absolute http or https URL",
            (c, f) ->
                StreamClient.builder("k", "s")
                    .baseUrl("k:" + StreamServer.SECRET + "@localhost:8000")),
        bad(
            "base URL with credentials",
            ILLEGAL,
            "base URL must not carry credentials; pass the key and secret to the builder",
            (c, f) ->
                StreamClient.builder("k", "s")
                    .baseUrl("http://k:" + StreamServer.SECRET + "@localhost:8000")),
        bad(
            "negative timeout",
            ILLEGAL,
            "read timeout PT-1S must not be negative",
            (c, f) -> StreamClient.builder("k", "s").readTimeout(Duration.ofSeconds(-1))),
        bad(
            "blank key",
            ILLEGAL,
            "API key must not be blank",
            (c, f) -> StreamClient.connect(" ", "s")),
        bad(
            "null secret",
            NULL,
            "API secret must not be null",
            (c, f) -> StreamClient.connect("k", null)),
        bad(
            "no attempts",
            ILLEGAL,
            "retry maxAttempts 0 must be at least 1 (1 turns retries off)",
            (c, f) -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0)),
        bad(
            "jitter above 1",
            ILLEGAL,
            "retry jitter 1.5 must be between 0 and 1",
            (c, f) -> new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 1.5)),
        bad(
            "time text",
            ILLEGAL,
            "time 'aap' must look like 2026-11-27T21:05:23.864038",
            (c, f) -> StreamTimes.parse("aap")));
  }

  static Map<String, Object> selfContaining() {
    Map<String, Object> loop = new java.util.HashMap<>();
    loop.put("inner", List.of(loop));
    return loop;
  }

  static Object nested(int depth) {
    Object value = "leaf";
    for (int i = 0; i < depth; i++) {
      value = Map.of("next", value);
    }
    return value;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void refusesBadInputBeforeAnyRequest(String name, Class<?> type, String message, Case call) {
    StreamClient client =
        StreamClient.builder(StreamServer.KEY, StreamServer.SECRET)
            .baseUrl(mock.url("/").toString())
            .build();
    Feed feed = client.feed("user", "1");
    int before = mock.getRequestCount();

    ThrowingCallable run = () -> call.run(client, feed);
    Throwable thrown = catchThrowable(run);

    assertThat(thrown).as(name).isInstanceOf(type).hasMessageContaining(message);
    assertThat(thrown.getMessage()).doesNotContain(StreamServer.SECRET);
    assertThat(mock.getRequestCount()).as("requests sent").isEqualTo(before);
  }
}
