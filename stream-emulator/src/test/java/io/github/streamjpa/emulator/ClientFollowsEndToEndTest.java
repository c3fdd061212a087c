package io.github.streamjpa.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.core.DoesNotExistException;
import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowInfo;
import io.github.streamjpa.core.FollowQuery;
import io.github.streamjpa.core.FollowRelation;
import io.github.streamjpa.core.ForeignIdTime;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.PartialUpdate;
import io.github.streamjpa.core.ToTargetsUpdate;
import io.github.streamjpa.core.UnfollowRelation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Follows, fan-out, batch operations and activity updates through stream-core. */
class ClientFollowsEndToEndTest extends ClientEndToEndTestBase {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private static NewActivity pin(int n) {
    return NewActivity.builder()
        .actor("User:1")
        .verb("pin")
        .object("Pin:" + n)
        .foreignId("Pin:" + n)
        .time(T0.plusSeconds(n))
        .build();
  }

  private List<String> objects(Feed feed) {
    return feed.getActivities().results().stream().map(FeedActivity::object).toList();
  }

  @Test
  void followCopiesNewestAndFansOutLaterAddsWithOrigin() {
    Feed user = client.feed("user", "1");
    for (int i = 1; i <= 5; i++) {
      user.addActivity(pin(i));
    }
    Feed timeline = client.feed("timeline", "2");

    timeline.follow(user.id(), 2);
    user.addActivity(pin(6));

    assertThat(objects(timeline)).containsExactly("Pin:6", "Pin:5", "Pin:4");
    assertThat(timeline.getActivities().results())
        .allSatisfy(a -> assertThat(a.origin()).isEqualTo("user:1"));
  }

  @Test
  void unfollowRemovesCopiesUnlessHistoryIsKept() {
    Feed user = client.feed("user", "1");
    user.addActivity(pin(1));
    Feed forget = client.feed("timeline", "forget");
    Feed keep = client.feed("timeline", "keep");
    forget.follow(user.id());
    keep.follow(user.id());

    forget.unfollow(user.id());
    keep.unfollow(user.id(), true);

    assertThat(objects(forget)).isEmpty();
    assertThat(objects(keep)).containsExactly("Pin:1");
  }

  @Test
  void listsFollowersAndFollowingWithFilter() {
    Feed timeline = client.feed("timeline", "1");
    timeline.follow(FeedId.of("user", "a"));
    timeline.follow(FeedId.of("user", "b"));

    List<FollowInfo> following = timeline.following(FollowQuery.defaults());
    List<FollowInfo> filtered =
        timeline.following(new FollowQuery(10, 0, List.of(FeedId.of("user", "b"))));
    List<FollowInfo> followers = client.feed("user", "a").followers(FollowQuery.defaults());

    assertThat(following)
        .extracting(FollowInfo::targetId)
        .containsExactly(FeedId.of("user", "b"), FeedId.of("user", "a"));
    assertThat(filtered).extracting(FollowInfo::targetId).containsExactly(FeedId.of("user", "b"));
    assertThat(followers)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.feedId()).isEqualTo(timeline.id());
              assertThat(f.createdAt()).isNotNull();
            });
  }

  @Test
  void batchFollowUnfollowAndAddToMany() {
    client.feed("user", "1").addActivity(pin(1));
    client.feed("user", "2").addActivity(pin(2));
    FeedId timeline = FeedId.of("timeline", "9");

    client.followMany(
        List.of(
            new FollowRelation(timeline, FeedId.of("user", "1")),
            new FollowRelation(timeline, FeedId.of("user", "2"))),
        0);
    assertThat(control.following("timeline", "9")).containsExactly("user:2", "user:1");
    assertThat(control.feedActivities("timeline", "9")).as("copy limit 0").isEmpty();

    client.addToMany(pin(3), List.of(FeedId.of("user", "1"), FeedId.of("topic", "x")));
    assertThat(objects(client.feed("topic", "x"))).containsExactly("Pin:3");
    assertThat(control.feedActivities("timeline", "9"))
        .as("add_to_many does not fan out")
        .isEmpty();

    client.unfollowMany(List.of(new UnfollowRelation(timeline, FeedId.of("user", "1"), false)));
    assertThat(control.following("timeline", "9")).containsExactly("user:2");
  }

  @Test
  void toTargetsAndTheirFollowersReceiveAndLoseTheActivity() {
    Feed topicFollower = client.feed("timeline", "t");
    topicFollower.follow(FeedId.of("topic", "food"));
    Feed user = client.feed("user", "1");
    Feed userFollower = client.feed("timeline", "f");
    userFollower.follow(user.id());
    user.addActivity(
        pin(1).toBuilder().to(FeedId.of("topic", "food"), FeedId.of("notification", "2")).build());

    assertThat(objects(client.feed("topic", "food"))).containsExactly("Pin:1");
    assertThat(topicFollower.getActivities().results())
        .singleElement()
        .satisfies(a -> assertThat(a.origin()).isEqualTo("topic:food"));
    assertThat(control.feedActivities("notification", "2")).hasSize(1);
    assertThat(userFollower.getActivities().results())
        .singleElement()
        .satisfies(a -> assertThat(a.origin()).isEqualTo("user:1"));

    user.removeActivityByForeignId("Pin:1");

    for (String[] feed :
        new String[][] {
          {"user", "1"},
          {"topic", "food"},
          {"timeline", "t"},
          {"notification", "2"},
          {"timeline", "f"}
        }) {
      assertThat(control.feedActivities(feed[0], feed[1])).as(String.join(":", feed)).isEmpty();
    }
  }

  @Test
  void getsActivitiesByIdsAndByForeignIdTime() {
    FeedActivity one = client.feed("user", "1").addActivity(pin(1));
    FeedActivity two = client.feed("user", "2").addActivity(pin(2));

    assertThat(
            client.getActivities(
                List.of(two.id(), one.id(), "00000000-0000-1000-8000-000000000000")))
        .extracting(FeedActivity::id)
        .containsExactly(two.id(), one.id());
    assertThat(
            client.getActivitiesByForeignIdTime(
                List.of(new ForeignIdTime("Pin:1", T0.plusSeconds(1)))))
        .extracting(FeedActivity::id)
        .containsExactly(one.id());
  }

  @Test
  void partialUpdatesSetAndUnsetDottedPathsEverywhere() {
    Feed user = client.feed("user", "1");
    client.feed("timeline", "2").follow(user.id());
    FeedActivity added =
        user.addActivity(
            pin(1).toBuilder().extra("product", Map.of("name", "Chair", "color", "red")).build());

    FeedActivity single =
        client.partialUpdate(
            PartialUpdate.byId(
                added.id(),
                Map.of("product.name", "Table", "price", 10),
                List.of("product.color")));
    List<FeedActivity> batch =
        client.partialUpdate(
            List.of(
                PartialUpdate.byForeignIdTime(
                    "Pin:1",
                    T0.plusSeconds(1),
                    Map.of("foo", Map.of("bar", Map.of("baz", "qux"))),
                    null),
                PartialUpdate.byForeignIdTime(
                    "Pin:1", T0.plusSeconds(1), Map.of("foo.bar.baz", 42), null)));

    assertThat(single.extra())
        .containsEntry("product", Map.of("name", "Table"))
        .containsEntry("price", 10);
    assertThat(batch)
        .singleElement()
        .satisfies(
            a -> assertThat(a.extra()).containsEntry("foo", Map.of("bar", Map.of("baz", 42))));
    FeedActivity copy = client.feed("timeline", "2").getActivities().results().get(0);
    assertThat(copy.extra())
        .containsEntry("price", 10)
        .containsEntry("foo", Map.of("bar", Map.of("baz", 42)));
    assertThatThrownBy(
            () ->
                client.partialUpdate(
                    PartialUpdate.byId(
                        "00000000-0000-1000-8000-000000000000", Map.of("x", 1), null)))
        .isInstanceOf(DoesNotExistException.class);
  }

  @Test
  void updateActivitiesReplacesContentKeepingIds() {
    FeedActivity added =
        client
            .feed("user", "1")
            .addActivity(pin(1).toBuilder().extra("popularity", 1).extra("old", true).build());

    client.updateActivities(List.of(pin(1).toBuilder().extra("popularity", 100).build()));

    FeedActivity read = client.feed("user", "1").getActivities().results().get(0);
    assertThat(read.id()).isEqualTo(added.id());
    assertThat(read.extra()).containsEntry("popularity", 100).doesNotContainKey("old");
  }

  @Test
  void updatesToTargetsByReplacementAndByAddedAndRemoved() {
    Feed user = client.feed("user", "1");
    user.addActivity(pin(1).toBuilder().to(FeedId.of("topic", "a")).build());
    ForeignIdTime key = new ForeignIdTime("Pin:1", T0.plusSeconds(1));

    ToTargetsUpdate replaced = user.updateActivityToTargets(key, List.of(FeedId.of("topic", "b")));
    assertThat(replaced.activity().to()).containsExactly("topic:b");
    assertThat(replaced.added()).containsExactly("topic:b");
    assertThat(replaced.removed()).containsExactly("topic:a");
    assertThat(control.feedActivities("topic", "a")).isEmpty();
    assertThat(control.feedActivities("topic", "b")).hasSize(1);

    ToTargetsUpdate edited =
        user.updateActivityToTargets(
            key, List.of(FeedId.of("topic", "c")), List.of(FeedId.of("topic", "b")));
    assertThat(edited.activity().to()).containsExactly("topic:c");
    assertThat(control.feedActivities("topic", "b")).isEmpty();
    assertThat(control.feedActivities("topic", "c")).hasSize(1);
  }
}
