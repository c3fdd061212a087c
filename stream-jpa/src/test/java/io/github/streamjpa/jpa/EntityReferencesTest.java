package io.github.streamjpa.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntityReferencesTest {

  @Test
  void writesEntityNameColonId() {
    assertThat(EntityReferences.of("User", 42L)).isEqualTo("User:42");
    UUID id = UUID.fromString("3f2a9c01-0000-4000-8000-000000000001");
    assertThat(EntityReferences.of("Pin_2", id)).isEqualTo("Pin_2:" + id);
  }

  @Test
  void rejectsEntityNamesThatCouldNotBeParsedBack() {
    assertThatThrownBy(() -> EntityReferences.of("9Lives", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'9Lives'")
        .hasMessageContaining("[A-Za-z_][A-Za-z0-9_]*");
    assertThatThrownBy(() -> EntityReferences.of("User", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void parsesReferencesAndKeepsColonsInTheId() {
    assertThat(EntityReferences.parse("User:42")).contains(new ParsedReference("User", "42"));
    assertThat(EntityReferences.parse("Doc:a:b")).contains(new ParsedReference("Doc", "a:b"));
  }

  @Test
  void plainTextIsNotAReference() {
    assertThat(EntityReferences.parse("hello")).isEmpty();
    assertThat(EntityReferences.parse("User:")).isEmpty();
    assertThat(EntityReferences.parse(":42")).isEmpty();
    assertThat(EntityReferences.parse("two words:1")).isEmpty();
    assertThat(EntityReferences.parse("1User:1")).isEmpty();
    assertThat(EntityReferences.parse(null)).isEmpty();
  }

  @Test
  void roundTrips() {
    String reference = EntityReferences.of("Board", 7);
    assertThat(EntityReferences.parse(reference).map(ParsedReference::toString))
        .contains(reference);
  }
}
