package io.github.streamjpa.emulator.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Activity times as epoch microseconds: Stream's naive UTC text form with six fraction digits, and
 * a clock that never repeats so that untimed adds keep their order.
 */
final class Times {
  private static final DateTimeFormatter OUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final Pattern IN =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
              + "(Z|[+-]\\d{2}(?::?\\d{2})?)?");

  /** The earliest time Stream's format can hold: 0001-01-01T00:00:00.000000 UTC. */
  static final long MIN_MICROS = -62_135_596_800_000_000L;

  /** The latest time Stream's format can hold: 9999-12-31T23:59:59.999999 UTC. */
  static final long MAX_MICROS = 253_402_300_799_999_999L;

  private final AtomicLong last = new AtomicLong();

  /**
   * The current time in microseconds, strictly greater than any value returned before.
   *
   * @return epoch microseconds
   */
  long nowMicros() {
    Instant now = Instant.now();
    long micros = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000;
    return last.updateAndGet(prev -> Math.max(prev + 1, micros));
  }

  /**
   * Formats epoch microseconds as {@code yyyy-MM-ddTHH:mm:ss.ffffff} (UTC, no zone).
   *
   * @param micros epoch microseconds
   * @return the text
   */
  static String format(long micros) {
    return OUT.format(LocalDateTime.ofInstant(toInstant(micros), ZoneOffset.UTC));
  }

  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  /**
   * Parses a time with 0 to 9 fraction digits and an optional {@code Z} or offset; a missing zone
   * means UTC; digits past the sixth are dropped. The time in UTC must lie from year 1 to year
   * 9999, the range of Stream's format, so that it prints back the way it was given.
   *
   * @param text the time text
   * @return epoch microseconds
   * @throws IllegalArgumentException when the text is not such a time
   */
  static long parse(String text) {
    Matcher m = IN.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a time like 2024-05-01T12:00:00");
    }
    try {
      LocalDate date = LocalDate.parse(m.group(1));
      int hour = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      int minute = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      String fraction = m.group(5) == null ? "" : m.group(5);
      int micro = Integer.parseInt((fraction + "000000").substring(0, 6));
      LocalDateTime local = date.atTime(hour, minute, second);
      ZoneOffset offset = ZoneOffset.UTC;
      String zone = m.group(6);
      if (zone != null && !zone.equals("Z")) {
        offset = ZoneOffset.of(zone.length() == 3 ? zone + ":00" : zone);
      }
      long seconds = local.toEpochSecond(offset);
      long micros = Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micro);
      if (micros < MIN_MICROS || micros > MAX_MICROS) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' is outside 0001-01-01T00:00:00 to 9999-12-31T23:59:59.999999 (UTC), the"
                + " range of Stream's time format");
      }
      return micros;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid time: " + e.getMessage());
    }
  }
}
