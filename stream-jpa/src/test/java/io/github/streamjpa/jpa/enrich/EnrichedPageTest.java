package io.github.streamjpa.jpa.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.jpa.enrich.MissingReference.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result types on their own: typed access, missing references and dropping. */
class EnrichedPageTest {

  private static final Instant TIME = Instant.parse("2026-11-03T12:00:00Z");

  @Test
  void typedAccessReturnsEntitiesRawValuesAndNullForMissing() {
    EnrUser user = new EnrUser(1L, "ann");
    EnrichedActivity activity =
        activity("a1", user, Map.of("board", new EnrBoard("b", "B")), List.of());

    assertThat(activity.actor(EnrUser.class)).isSameAs(user);
    assertThat(activity.actor(Object.class)).isSameAs(user);
    assertThat(activity.field("board", EnrBoard.class).getTitle()).isEqualTo("B");
    assertThat(activity.field("caption", String.class)).isEqualTo("hello");
    assertThat(activity.field("absent", EnrBoard.class)).isNull();
    assertThat(activity.target(EnrPin.class)).isNull();
  }

  @Test
  void typedAccessNamesFieldValueAndTypeOnMismatch() {
    EnrichedActivity activity = activity("a1", "system", Map.of(), List.of());

    assertThatThrownBy(() -> activity.actor(EnrUser.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("actor of activity a1 is String 'system', not a " + EnrUser.class.getName());
    assertThatThrownBy(() -> activity.field("pin", EnrPin.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "pin of activity a1 is String 'EnrPin:3', not a "
                + EnrPin.class.getName()
                + " (name 'pin' in Enricher.Builder.fields to resolve references)");
    assertThatThrownBy(
            () -> activity("a2", new EnrUser(2L, "x"), Map.of(), List.of()).actor(EnrPin.class))
        .hasMessage("actor of activity a2 is a EnrUser, not a " + EnrPin.class.getName());
  }

  @Test
  void dropIncompleteRemovesIncompleteActivitiesAndEmptiedGroups() {
    MissingReference gone = new MissingReference("a2", "actor", "EnrUser:9", Reason.ROW_NOT_FOUND);
    EnrichedActivity complete = activity("a1", new EnrUser(1L, "ann"), Map.of(), List.of());
    EnrichedActivity incomplete = activity("a2", null, Map.of(), List.of(gone));
    EnrichedActivity alsoIncomplete = activity("a3", null, Map.of(), List.of(gone));
    EnrichedGroup mixed = group("g1", List.of(complete, incomplete));
    EnrichedGroup onlyIncomplete = group("g2", List.of(alsoIncomplete));
    EnrichedPage<EnrichedGroup> page =
        new EnrichedPage<>(List.of(mixed, onlyIncomplete), "g2", 1, 2);

    EnrichedPage<EnrichedGroup> dropped = page.dropIncomplete();

    assertThat(page.isFullyEnriched()).isFalse();
    assertThat(page.missingReferences()).containsExactly(gone, gone);
    assertThat(dropped.results())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.id()).isEqualTo("g1");
              assertThat(g.activities()).containsExactly(complete);
              assertThat(g.activityCount()).isEqualTo(2);
            });
    assertThat(dropped.nextCursor()).isEqualTo("g2");
    assertThat(dropped.unseen()).isEqualTo(1);
    assertThat(dropped.unread()).isEqualTo(2);
    assertThat(dropped.isFullyEnriched()).isTrue();
  }

  @Test
  void blankCursorMeansLastPage() {
    assertThat(new EnrichedPage<EnrichedActivity>(List.of(), "", null, null).hasNext()).isFalse();
    assertThat(new EnrichedPage<EnrichedActivity>(List.of(), null, null, null).nextCursor())
        .isNull();
    assertThat(new EnrichedPage<EnrichedActivity>(List.of(), "x1", null, null).hasNext()).isTrue();
  }

  private static EnrichedActivity activity(
      String id, Object actor, Map<String, Object> fields, List<MissingReference> missing) {
    return new EnrichedActivity(
        id,
        actor,
        "pin",
        "EnrPin:3",
        null,
        TIME,
        null,
        List.of(),
        null,
        fields,
        Map.of("caption", "hello", "pin", "EnrPin:3"),
        missing);
  }

  private static EnrichedGroup group(String id, List<EnrichedActivity> activities) {
    return new EnrichedGroup(
        id, "pin_x", "pin", activities.size(), 1, TIME, TIME, false, false, activities);
  }
}
