package io.github.streamjpa.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class AggregationFormatTest {
  private static final long MAY_1_2024_1030 = Times.parse("2024-05-01T10:30:15.250000");

  private static ObjectNode activity() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("actor", "User:1");
    node.put("verb", "pin");
    node.put("object", "Pin:7");
    node.putObject("board").put("id", "Board:3");
    node.put("count", 4);
    return node;
  }

  private static String render(String format) {
    return AggregationFormat.parse(format).render(activity(), MAY_1_2024_1030, "user", "42");
  }

  @Test
  void rendersTheDashboardDefault() {
    assertThat(render("{{ verb }}_{{ time.strftime(\"%Y-%m-%d\") }}")).isEqualTo("pin_2024-05-01");
  }

  @Test
  void rendersActivityFieldsFeedFieldsAndCustomFields() {
    assertThat(render("{{ actor }}|{{object}}|{{ verb.id }}|{{ feed.group }}:{{ feed.user_id }}"))
        .isEqualTo("User:1|Pin:7|pin|user:42");
    assertThat(render("{{ board.id }}-{{ count }}-{{ missing }}")).isEqualTo("Board:3-4-");
  }

  @Test
  void supportsCommonStrftimeDirectives() {
    assertThat(render("{{ time.strftime('%H:%M:%S %j %b %a %p %f %%') }}"))
        .isEqualTo("10:30:15 122 May Wed AM 250000 %");
    assertThat(render("{{ time }}")).isEqualTo("2024-05-01T10:30:15.250000");
  }

  @Test
  void refusesFormatsItCannotRender() {
    assertThatThrownBy(() -> AggregationFormat.parse("{{ verb | upper }}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("verb | upper");
    assertThatThrownBy(() -> AggregationFormat.parse("{{ time.strftime(\"%Q\") }}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("%Q");
    assertThatThrownBy(() -> AggregationFormat.parse("{{ verb }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unbalanced");
  }
}
