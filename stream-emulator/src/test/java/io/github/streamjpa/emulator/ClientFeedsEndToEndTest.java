package io.github.streamjpa.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.core.ActivityGroup;
import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedPage;
import io.github.streamjpa.core.InputException;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.NotificationPage;
import io.github.streamjpa.core.ReadOptions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Adds, reads and pages flat, aggregated and notification feeds through stream-core. */
class ClientFeedsEndToEndTest extends ClientEndToEndTestBase {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");

  private static NewActivity pin(String actor, int n, Instant time) {
    return NewActivity.builder()
        .actor(actor)
        .verb("pin")
        .object("Pin:" + n)
        .foreignId("Pin:" + n)
        .time(time)
        .build();
  }

  @Test
  void addsAndReadsWithMicrosecondTimesAndCustomFields() {
    Feed user = client.feed("user", "1");
    FeedActivity added =
        user.addActivity(
            NewActivity.builder()
                .actor("User:1")
                .verb("pin")
                .object("Pin:1")
                .target("Board:2")
                .time(T0)
                .foreignId("Pin:1")
                .extra("tags", List.of("food", "diy"))
                .build());

    FeedPage<FeedActivity> page = user.getActivities();

    assertThat(page.results())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo(added.id());
              assertThat(a.time()).isEqualTo(T0);
              assertThat(a.target()).isEqualTo("Board:2");
              assertThat(a.foreignId()).isEqualTo("Pin:1");
              assertThat(a.origin()).isNull();
              assertThat(a.extra()).containsEntry("tags", List.of("food", "diy"));
            });
    assertThat(page.nextIdLt()).isEmpty();
  }

  @Test
  void addManyThenRemoveByIdAndByForeignId() {
    Feed user = client.feed("user", "1");
    List<FeedActivity> added =
        user.addActivities(
            List.of(
                pin("User:1", 1, T0),
                pin("User:1", 2, T0.plusSeconds(1)),
                pin("User:1", 3, T0.plusSeconds(2))));

    user.removeActivity(added.get(0).id());
    user.removeActivityByForeignId("Pin:3");

    assertThat(user.getActivities().results())
        .extracting(FeedActivity::object)
        .containsExactly("Pin:2");
  }

  @Test
  void foreignIdAndTimeUpsertReplacesWithoutDuplicating() {
    Feed user = client.feed("user", "1");
    FeedActivity first =
        user.addActivity(pin("User:1", 1, T0).toBuilder().extra("title", "old").build());
    FeedActivity second =
        user.addActivity(pin("User:1", 1, T0).toBuilder().extra("title", "new").build());

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(user.getActivities().results())
        .singleElement()
        .satisfies(a -> assertThat(a.extra()).containsEntry("title", "new"));
  }

  @Test
  void pagesByOffsetAndByIdLtWithoutGapsOrRepeats() {
    Feed user = client.feed("user", "1");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      expected.add(0, user.addActivity(pin("User:1", i, T0.plus(i, ChronoUnit.MINUTES))).id());
    }

    List<String> byOffset = new ArrayList<>();
    for (int offset = 0; offset < 40; offset += 10) {
      user.getActivities(ReadOptions.builder().limit(10).offset(offset).build())
          .results()
          .forEach(a -> byOffset.add(a.id()));
    }
    List<String> byCursor = new ArrayList<>();
    Optional<ReadOptions> next = Optional.of(ReadOptions.limit(10));
    while (next.isPresent()) {
      FeedPage<FeedActivity> page = user.getActivities(next.get());
      page.results().forEach(a -> byCursor.add(a.id()));
      next = page.nextPage();
    }

    assertThat(byOffset).containsExactlyElementsOf(expected);
    assertThat(byCursor).containsExactlyElementsOf(expected);
  }

  @Test
  void aggregatedFeedGroupsByVerbAndDayWithCounts() {
    Feed feed = client.feed("aggregated", "1");
    feed.addActivity(pin("User:1", 1, T0));
    feed.addActivity(pin("User:2", 2, T0.plusSeconds(60)));
    feed.addActivity(pin("User:2", 3, T0.plus(1, ChronoUnit.DAYS)));
    feed.addActivity(
        NewActivity.builder().actor("User:3").verb("like").object("Pin:1").time(T0).build());

    List<ActivityGroup> groups = feed.getAggregatedActivities(ReadOptions.limit(10)).results();

    assertThat(groups)
        .extracting(ActivityGroup::group)
        .containsExactly("like_2024-05-01", "pin_2024-05-02", "pin_2024-05-01");
    ActivityGroup pins = groups.get(2);
    assertThat(pins.activityCount()).isEqualTo(2);
    assertThat(pins.actorCount()).isEqualTo(2);
    assertThat(pins.verb()).isEqualTo("pin");
    assertThat(pins.activities())
        .extracting(FeedActivity::object)
        .containsExactly("Pin:2", "Pin:1");
    assertThat(pins.isSeen()).isNull();
  }

  @Test
  void aggregatedFeedPagesGroupsById() {
    Feed feed = client.feed("aggregated", "2");
    for (int day = 0; day < 7; day++) {
      feed.addActivity(pin("User:1", day, T0.plus(day, ChronoUnit.DAYS)));
    }
    List<String> seen = new ArrayList<>();
    Optional<ReadOptions> next = Optional.of(ReadOptions.limit(3));
    while (next.isPresent()) {
      FeedPage<ActivityGroup> page = feed.getAggregatedActivities(next.get());
      page.results().forEach(g -> seen.add(g.group()));
      next = page.nextPage();
    }
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
  }

  @Test
  void notificationFeedTracksSeenAndReadAndReopensOnNewActivity() {
    Feed feed = client.feed("notification", "1");
    NotificationPage empty = feed.getNotificationActivities(ReadOptions.limit(10));
    assertThat(empty.unseen()).isZero();
    assertThat(empty.unread()).isZero();

    feed.addActivity(pin("User:1", 1, T0));
    feed.addActivity(
        NewActivity.builder().actor("User:2").verb("follow").object("User:1").time(T0).build());
    NotificationPage before = feed.getNotificationActivities(ReadOptions.limit(10));
    assertThat(before.unseen()).isEqualTo(2);
    String firstGroup = before.results().get(0).id();

    feed.getNotificationActivities(
        ReadOptions.builder().limit(10).markSeenAll().markRead(List.of(firstGroup)).build());
    NotificationPage after = feed.getNotificationActivities(ReadOptions.limit(10));

    assertThat(after.unseen()).isZero();
    assertThat(after.unread()).isEqualTo(1);
    assertThat(after.results()).allSatisfy(g -> assertThat(g.isSeen()).isTrue());
    assertThat(after.results())
        .filteredOn(g -> g.id().equals(firstGroup))
        .singleElement()
        .satisfies(g -> assertThat(g.isRead()).isTrue());

    feed.addActivity(pin("User:3", 2, T0.plusSeconds(5)));
    NotificationPage reopened = feed.getNotificationActivities(ReadOptions.limit(10));
    assertThat(reopened.unseen()).isEqualTo(1);
    assertThat(reopened.results().get(0).group()).isEqualTo("pin_2024-05-01");
    assertThat(reopened.results().get(0).isSeen()).isFalse();
    assertThat(reopened.results().get(0).activityCount()).isEqualTo(2);
  }

  @Test
  void injected400ReachesTheClientAsInputException() {
    control.failNext(1, 400);
    assertThatThrownBy(() -> client.feed("user", "1").getActivities())
        .isInstanceOf(InputException.class);
  }
}
