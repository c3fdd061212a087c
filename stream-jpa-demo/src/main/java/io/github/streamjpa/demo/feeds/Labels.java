package io.github.streamjpa.demo.feeds;

import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.pins.Board;
import io.github.streamjpa.demo.pins.Pin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Short texts for templates: what to call an enriched value, and how long ago something happened.
 * Templates call it as {@code @labels}.
 */
@Component("labels")
public class Labels {

  private final Clock clock;

  Labels() {
    this(Clock.systemUTC());
  }

  Labels(Clock clock) {
    this.clock = clock;
  }

  /** Returns a person's name, a pin's or board's title, or the value as text (e.g. "system"). */
  public String of(Object value) {
    if (value instanceof Person person) {
      return person.getName();
    }
    if (value instanceof Pin pin) {
      return pin.getTitle();
    }
    if (value instanceof Board board) {
      return board.getTitle();
    }
    return value == null ? "something" : String.valueOf(value);
  }

  /** Returns "just now", "5 minutes ago", "3 hours ago" or "2 days ago". */
  public String ago(Instant time) {
    if (time == null) {
      return "";
    }
    Duration age = Duration.between(time, clock.instant());
    if (age.toMinutes() < 1) {
      return "just now";
    }
    if (age.toHours() < 1) {
      return plural(age.toMinutes(), "minute") + " ago";
    }
    if (age.toDays() < 1) {
      return plural(age.toHours(), "hour") + " ago";
    }
    return plural(age.toDays(), "day") + " ago";
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
