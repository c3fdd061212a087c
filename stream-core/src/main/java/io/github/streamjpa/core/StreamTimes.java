package io.github.streamjpa.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
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
    Instant usual = parseUsual(text);
    if (usual != null) {
      return usual;
    }
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

  /**
   * The shape Stream answers with, {@code 2026-11-27T21:05:23[.864038][Z]}, read without the
   * formatter; null for any other text and for dates or times out of range, which {@link #READ}
   * then resolves or rejects as it always did.
   */
  private static Instant parseUsual(String s) {
    int n = s.length();
    if (n < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    if (i < n && s.charAt(i) == 'Z') {
      i++;
    }
    if (i != n
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
        .toInstant(ZoneOffset.UTC);
  }

  /** The number written by the digits in [from, to), or -1 if any is not a digit. */
  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
