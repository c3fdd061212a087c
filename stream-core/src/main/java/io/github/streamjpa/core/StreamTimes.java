package io.github.streamjpa.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Stream's activity time format: UTC without a zone, six fractional digits ({@code
 * 2026-11-27T21:05:23.864038}).
 *
 * <p>{@link #parse(String)} is lenient the way Stream's answers need: 0 to 9 fractional digits,
 * with or without a trailing {@code Z} or offset, or a bare date.
 */
public final class StreamTimes {
  /** The first instant the format carries: four-digit years from 0001. */
  static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

  /** The last instant the format carries: the end of year 9999, to the microsecond. */
  static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .optionalEnd()
          .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
          .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
          .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
          .toFormatter();

  private StreamTimes() {}

  /**
   * Writes a time in Stream's format.
   *
   * @param time the time, in the years 0001 to 9999
   * @return for example {@code "2026-11-27T21:05:23.864038"}
   * @throws IllegalArgumentException if the time is outside the years the format can carry
   */
  public static String format(Instant time) {
    return WRITE.format(checkRange(time));
  }

  /**
   * Checks that a time fits the format: four-digit years, 0001 to 9999 (the range the service's
   * date type has; a time outside it would be written wrongly or not at all).
   */
  static Instant checkRange(Instant time) {
    Checks.notNull(time, "time");
    if (time.isBefore(MIN) || time.isAfter(MAX.plusNanos(999))) {
      throw new IllegalArgumentException(
          "time "
              + time
              + " is outside the years 0001 to 9999 that Stream's time format can carry ("
              + MIN
              + " to "
              + MAX
              + ")");
    }
    return time;
  }

  /**
   * Reads a time Stream wrote.
   *
   * @param text for example {@code "2026-11-27T21:05:23.864038"} or {@code "...Z"}
   * @return the instant (UTC when the text has no zone)
   * @throws IllegalArgumentException if the text is not such a time
   */
  public static Instant parse(String text) {
    Checks.notNull(text, "time text");
    try {
      TemporalAccessor t = READ.parse(text.trim());
      if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        return Instant.from(t);
      }
      return LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "time '" + text + "' must look like 2026-11-27T21:05:23.864038 (UTC, optional zone)", e);
    }
  }
}
