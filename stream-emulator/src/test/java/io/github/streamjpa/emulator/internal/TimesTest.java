package io.github.streamjpa.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimesTest {
  @Test
  void parsesZeroToNineFractionDigitsWithOrWithoutZone() {
    long expected = Times.parse("2024-05-01T10:00:00.123000");

    assertThat(Times.parse("2024-05-01T10:00:00.123")).isEqualTo(expected);
    assertThat(Times.parse("2024-05-01T10:00:00.123Z")).isEqualTo(expected);
    assertThat(Times.parse("2024-05-01T12:00:00.123+02:00")).isEqualTo(expected);
    assertThat(Times.parse("2024-05-01T10:00:00.123000999")).isEqualTo(expected);
    assertThat(Times.format(Times.parse("2024-05-01T10:00:00")))
        .isEqualTo("2024-05-01T10:00:00.000000");
    assertThat(Times.format(Times.parse("2024-05-01"))).isEqualTo("2024-05-01T00:00:00.000000");
  }

  @Test
  void refusesTextThatIsNotATime() {
    assertThatThrownBy(() -> Times.parse("aap")).hasMessageContaining("'aap'");
    assertThatThrownBy(() -> Times.parse("2024-13-01T00:00:00")).hasMessageContaining("2024-13-01");
  }

  @Test
  void clockNeverRepeats() {
    Times times = new Times();
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      values.add(times.nowMicros());
    }
    assertThat(values).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void activityIdsCarryTheirTime() {
    long micros = Times.parse("2031-01-01T00:00:00.000001");
    String id = ActivityIds.random(micros);

    assertThat(ActivityIds.micros(id)).hasValue(micros);
    assertThat(ActivityIds.derived(micros, "f|Pin:1"))
        .isEqualTo(ActivityIds.derived(micros, "f|Pin:1"));
    assertThat(ActivityIds.micros("not-a-uuid")).isEmpty();
  }
}
