package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowRelation;
import io.github.streamjpa.core.NewActivity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadMapperTest {

  private final PayloadMapper mapper = new PayloadMapper();

  @Test
  void everyVersionOneRowReadsAndIsWrittenAgainAsTheVersionTwoFixture() {
    List<OutboxRowsFixture> v1 = OutboxRowsFixture.version(1);
    List<OutboxRowsFixture> v2 = OutboxRowsFixture.version(2);
    assertThat(v1).hasSameSizeAs(v2).hasSizeGreaterThanOrEqualTo(8);
    for (int i = 0; i < v1.size(); i++) {
      OutboxRowsFixture old = v1.get(i);
      Payload payload = mapper.read(old.operation(), old.payload());
      assertThat(payload.operation()).isEqualTo(old.operation());
      assertThat(mapper.write(payload)).as("row %d", i).isEqualTo(v2.get(i).payload());
    }
  }

  @Test
  void bothVersionsReadToTheSamePayloads() {
    List<OutboxRowsFixture> v1 = OutboxRowsFixture.version(1);
    List<OutboxRowsFixture> v2 = OutboxRowsFixture.version(2);
    for (int i = 0; i < v1.size(); i++) {
      assertThat(mapper.read(v2.get(i).operation(), v2.get(i).payload()))
          .isEqualTo(mapper.read(v1.get(i).operation(), v1.get(i).payload()));
    }
  }

  @Test
  void versionOneAddReadsIntoTypedValues() {
    OutboxRowsFixture add =
        OutboxRowsFixture.version(1).stream()
            .filter(row -> row.foreignId().equals("Photo:9"))
            .findFirst()
            .orElseThrow();
    Payload.Add payload = (Payload.Add) mapper.read(add.operation(), add.payload());
    assertThat(payload.feed()).isEqualTo(FeedId.of("user", "5"));
    assertThat(payload.time()).isEqualTo(Instant.parse("2026-11-30T09:00:00.000001Z"));
    assertThat(payload.to())
        .containsExactly(FeedId.of("notification", "6"), FeedId.of("timeline", "6"));
    NewActivity activity = payload.activity();
    assertThat(activity.target()).isEqualTo("Board:3");
    assertThat(activity.extra()).containsKeys("title", "likes", "ratio", "tags", "place", "at");
  }

  @Test
  void followRowsCarryTypedRelations() {
    OutboxRowsFixture follow =
        OutboxRowsFixture.version(1).stream()
            .filter(row -> row.operation() == OutboxOperation.FOLLOW)
            .findFirst()
            .orElseThrow();
    Payload.Follow payload = (Payload.Follow) mapper.read(follow.operation(), follow.payload());
    assertThat(payload.relations())
        .containsExactly(
            new FollowRelation(FeedId.of("timeline", "1"), FeedId.of("user", "2")),
            new FollowRelation(FeedId.of("timeline_aggregated", "1"), FeedId.of("user", "2")));
    assertThat(payload.copyLimit()).isEqualTo(300);
  }

  @Test
  void everyWrittenRowNamesTheCurrentVersionFirst() {
    String json = mapper.write(new Payload.Remove(FeedId.of("user", "1"), "Pin:1"));
    assertThat(json).isEqualTo("{\"v\":2,\"feed\":\"user:1\",\"foreign_id\":\"Pin:1\"}");
  }

  @Test
  void aRowFromANewerReleaseIsRefusedWithItsVersion() {
    assertThatThrownBy(
            () ->
                mapper.read(
                    OutboxOperation.REMOVE, "{\"v\":3,\"feed\":\"user:1\",\"foreign_id\":\"P:1\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 3")
        .hasMessageContaining("1 to 2");
  }

  @Test
  void aPayloadThatDoesNotFitItsOperationIsRefused() {
    String follow =
        OutboxRowsFixture.version(2).stream()
            .filter(row -> row.operation() == OutboxOperation.FOLLOW)
            .findFirst()
            .orElseThrow()
            .payload();
    assertThatThrownBy(() -> mapper.read(OutboxOperation.ADD, follow))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADD row (version 2) is invalid");
    assertThatThrownBy(() -> mapper.read(OutboxOperation.REMOVE, "not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> mapper.read(OutboxOperation.REMOVE, "{\"v\":2,\"feed\":\"user:1\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("foreign_id");
  }
}
