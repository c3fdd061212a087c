package io.github.streamjpa.reliability;

import io.github.streamjpa.emulator.EmulatorControl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.SessionFactory;

/**
 * Compares what the emulator holds with the database after a soak: each member's user feed against
 * their posts, the news feeds' follows against the subscriptions, and the news feeds' activities
 * against the posts of the members followed.
 */
final class SoakCheck {
  private static final List<String> NEWS_FEEDS = List.of("timeline", "timeline_aggregated");

  /**
   * The differences found.
   *
   * @param lost expected feed entries or follows missing in Stream
   * @param duplicates foreign ids held twice or more in one feed (counted once per extra copy)
   * @param stale entries whose content differs from the database, and entries or follows that the
   *     database no longer has (an update or delete not reflected)
   * @param examples a few of the differences, for the report
   */
  record Result(long lost, long duplicates, long stale, List<String> examples) {}

  /** What Stream should show for a post. */
  private record Expected(long author, String title, int revision) {}

  private final SessionFactory factory;
  private final EmulatorControl control;
  private final int members;
  private long lost;
  private long duplicates;
  private long stale;
  private final List<String> examples = new ArrayList<>();

  SoakCheck(SessionFactory factory, EmulatorControl control, int members) {
    this.factory = factory;
    this.control = control;
    this.members = members;
  }

  Result run() {
    Map<Long, Map<String, Expected>> postsByAuthor = new HashMap<>();
    Map<Long, Set<Long>> followedBy = new HashMap<>();
    factory.inTransaction(
        s -> {
          for (Object[] row :
              s.createSelectionQuery(
                      "select p.id, p.author.id, p.title, p.revision from Post p", Object[].class)
                  .getResultList()) {
            long author = (Long) row[1];
            postsByAuthor
                .computeIfAbsent(author, a -> new HashMap<>())
                .put("Post:" + row[0], new Expected(author, (String) row[2], (Integer) row[3]));
          }
          for (Object[] row :
              s.createSelectionQuery(
                      "select s.follower.id, s.followed.id from Subscription s", Object[].class)
                  .getResultList()) {
            followedBy.computeIfAbsent((Long) row[0], f -> new HashSet<>()).add((Long) row[1]);
          }
        });
    for (long member = 1; member <= members; member++) {
      String id = Long.toString(member);
      compareFeed("user:" + id, postsByAuthor.getOrDefault(member, Map.of()), true);
      Set<Long> followed = followedBy.getOrDefault(member, Set.of());
      Map<String, Expected> news = new HashMap<>();
      Set<String> targets = new HashSet<>();
      for (long target : followed) {
        news.putAll(postsByAuthor.getOrDefault(target, Map.of()));
        targets.add("user:" + target);
      }
      for (String slug : NEWS_FEEDS) {
        compareFollows(slug + ":" + id, targets);
        compareFeed(slug + ":" + id, news, false);
      }
    }
    return new Result(lost, duplicates, stale, List.copyOf(examples));
  }

  private void compareFeed(String feed, Map<String, Expected> expected, boolean content) {
    int colon = feed.indexOf(':');
    Map<String, Integer> seen = new HashMap<>();
    for (Map<String, Object> activity :
        control.feedActivities(feed.substring(0, colon), feed.substring(colon + 1))) {
      String foreignId = String.valueOf(activity.get("foreign_id"));
      if (seen.merge(foreignId, 1, Integer::sum) > 1) {
        duplicates++;
        example(feed + " holds " + foreignId + " more than once");
        continue;
      }
      Expected wanted = expected.get(foreignId);
      if (wanted == null) {
        stale++;
        example(feed + " still holds " + foreignId + ", which the database no longer has there");
      } else if (content
          && (!Objects.equals(activity.get("title"), wanted.title())
              || !Objects.equals(number(activity.get("revision")), wanted.revision()))) {
        stale++;
        example(
            feed
                + " holds revision "
                + activity.get("revision")
                + " of "
                + foreignId
                + ", the database revision "
                + wanted.revision());
      }
    }
    for (String foreignId : expected.keySet()) {
      if (!seen.containsKey(foreignId)) {
        lost++;
        example(feed + " is missing " + foreignId);
      }
    }
  }

  private void compareFollows(String feed, Set<String> expected) {
    int colon = feed.indexOf(':');
    Set<String> actual =
        new HashSet<>(control.following(feed.substring(0, colon), feed.substring(colon + 1)));
    for (String target : expected) {
      if (!actual.contains(target)) {
        lost++;
        example(feed + " does not follow " + target);
      }
    }
    for (String target : actual) {
      if (!expected.contains(target)) {
        stale++;
        example(feed + " still follows " + target);
      }
    }
  }

  private static Integer number(Object value) {
    return value instanceof Number n ? n.intValue() : null;
  }

  private void example(String text) {
    if (examples.size() < 10) {
      examples.add(text);
    }
  }
}
