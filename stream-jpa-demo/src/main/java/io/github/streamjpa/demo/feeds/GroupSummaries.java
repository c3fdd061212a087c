package io.github.streamjpa.demo.feeds;

import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.jpa.enrich.EnrichedActivity;
import io.github.streamjpa.jpa.enrich.EnrichedGroup;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The sentence above a group of an aggregated or notification feed, such as "Ann and 3 others
 * pinned 5 things" or "Bob followed you". Templates call it as {@code @groupSummaries}.
 */
@Component("groupSummaries")
public class GroupSummaries {

  private record Wording(String past, String one, String many, String toYou) {}

  private static final Map<String, Wording> WORDINGS =
      Map.of(
          "pin", new Wording("pinned", "thing", "things", "pinned for you"),
          "save", new Wording("saved", "pin", "pins", "saved your pin"),
          "follow", new Wording("followed", "person", "people", "followed you"));
  private static final Wording FALLBACK = new Wording("did", "thing", "things", "did something");

  /** Returns the sentence of an aggregated timeline group. */
  public String timeline(EnrichedGroup group) {
    Wording wording = WORDINGS.getOrDefault(group.verb(), FALLBACK);
    int count = group.activityCount();
    return actors(group)
        + " "
        + wording.past()
        + " "
        + count
        + " "
        + (count == 1 ? wording.one() : wording.many());
  }

  /** Returns the sentence of a notification group, addressed to the reader. */
  public String notification(EnrichedGroup group) {
    Wording wording = WORDINGS.getOrDefault(group.verb(), FALLBACK);
    String sentence = actors(group) + " " + wording.toYou();
    int count = group.activityCount();
    return "save".equals(group.verb()) && count > 1
        ? actors(group) + " saved " + count + " of your pins"
        : sentence;
  }

  private static String actors(EnrichedGroup group) {
    String first =
        group.activities().stream()
            .map(EnrichedActivity::actor)
            .filter(Person.class::isInstance)
            .map(actor -> ((Person) actor).getName())
            .findFirst()
            .orElse("Someone");
    int others = group.actorCount() - 1;
    if (others <= 0) {
      return first;
    }
    return first + " and " + others + (others == 1 ? " other" : " others");
  }
}
