package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamTimesTest {
  @Test
  void writesUtcWithSixFractionDigitsAndNoZone() {
    assertThat(StreamTimes.format(Instant.parse("2026-11-27T21:05:23.8Z")))
        .isEqualTo("2026-11-27T21:05:23.800000");
    assertThat(StreamTimes.format(Instant.parse("2026-11-27T21:05:23Z")))
        .isEqualTo("2026-11-27T21:05:23.000000");
    assertThat(StreamTimes.format(Instant.parse("2026-11-27T21:05:23.123456789Z")))
        .isEqualTo("2026-11-27T21:05:23.123456");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-11-27T21:05:23.864038, 2026-11-27T21:05:23.864038Z",
    "2026-11-27T21:05:23, 2026-11-27T21:05:23Z",
    "2026-11-27T21:05:23.5, 2026-11-27T21:05:23.500Z",
    "2026-11-27T21:05:23.864038Z, 2026-11-27T21:05:23.864038Z",
    "2026-11-27T23:05:23.864+02:00, 2026-11-27T21:05:23.864Z",
    "2026-11-27T21:05, 2026-11-27T21:05:00Z",
    "2026-11-27, 2026-11-27T00:00:00Z",
  })
  void readsWhatStreamAndOtherClientsWrite(String text, String expected) {
    assertThat(StreamTimes.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void roundTripsAtMicrosecondPrecision() {
    Instant t = Instant.parse("2026-11-27T21:05:23.000001Z");

    assertThat(StreamTimes.parse(StreamTimes.format(t))).isEqualTo(t);
  }

  @Test
  void readsEveryFractionLengthWithAndWithoutZoneLikeTheIsoParser() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      LocalDateTime t =
          LocalDateTime.ofEpochSecond(
              random.nextInt(2_000_000_000), random.nextInt(1_000_000_000), ZoneOffset.UTC);
      String full = t.withNano(0) + (t.getSecond() == 0 ? ":00" : "");
      String digits = String.format("%09d", t.getNano()).substring(0, i % 10);
      String text = full + (digits.isEmpty() ? "" : "." + digits) + (i % 3 == 0 ? "Z" : "");
      Instant expected = LocalDateTime.parse(text.replace("Z", "")).toInstant(ZoneOffset.UTC);
      assertThat(StreamTimes.parse(text)).as(text).isEqualTo(expected);
    }
  }

  @Test
  void leavesImpossibleDatesAndOddShapesToTheLenientFormatter() {
    assertThat(StreamTimes.parse("2024-02-29T10:00:00"))
        .isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
    assertThat(StreamTimes.parse("2026-02-30T10:00:00"))
        .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    assertThat(StreamTimes.parse(" 2026-11-27T21:05:23.5 "))
        .isEqualTo(Instant.parse("2026-11-27T21:05:23.5Z"));
    assertThatThrownBy(() -> StreamTimes.parse("2026-11-27T21:05:23.1234567891"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StreamTimes.parse("2026-13-27T21:05:23"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StreamTimes.parse("2026-11-27T24:05:23"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
