package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
}
