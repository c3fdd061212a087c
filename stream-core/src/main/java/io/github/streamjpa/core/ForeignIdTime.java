package io.github.streamjpa.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The natural key of an activity: its foreign id and time, unique per feed.
 *
 * <p>The time is truncated to microseconds, the precision Stream stores.
 *
 * @param foreignId the caller's id for the activity, for example {@code "Pin:42"}
 * @param time the activity's time
 */
public record ForeignIdTime(String foreignId, Instant time) {

  /**
   * Validates that both parts are present and truncates the time to microseconds.
   *
   * @param foreignId the caller's id for the activity, for example {@code "Pin:42"}
   * @param time the activity's time
   */
  public ForeignIdTime {
    Checks.notBlank(foreignId, "foreign id");
    Checks.notNull(time, "time of foreign id '" + foreignId + "'");
    time = StreamTimes.checkRange(time).truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Returns the key for a foreign id and time.
   *
   * @param foreignId the foreign id
   * @param time the time
   * @return the key
   */
  public static ForeignIdTime of(String foreignId, Instant time) {
    return new ForeignIdTime(foreignId, time);
  }
}
