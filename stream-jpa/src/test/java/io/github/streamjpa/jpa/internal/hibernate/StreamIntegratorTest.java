package io.github.streamjpa.jpa.internal.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.JpaFixture;
import io.github.streamjpa.jpa.testing.TestClients;
import java.util.List;
import java.util.Map;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wiring: the opt-out, the missing-client error and settings validation. */
class StreamIntegratorTest {

  private static JpaFixture fixture;

  @BeforeAll
  static void open() {
    fixture = new JpaFixture("integrator");
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void optOutLeavesTheFactoryUntouched() {
    try (var own = new JpaFixture("opt_out");
        var factory = own.open("create", Map.of(StreamJpaSettings.ENABLED, "false"))) {
      assertThatThrownBy(() -> StreamJpa.of(factory))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("stream.enabled");
      assertThat(
              own.queryLong(
                  "select count(*) from information_schema.tables where table_schema = '"
                      + own.schema()
                      + "' and table_name in ('stream_outbox', 'pin')"))
          .as("the entity tables exist, the outbox table does not")
          .isEqualTo(1);
    }
  }

  @Test
  void withoutAClientStartupNamesTheSetting() {
    assertThatThrownBy(() -> fixture.open("none", Map.of()))
        .hasStackTraceContaining("stream.client")
        .hasStackTraceContaining("STREAM_API_KEY");
  }

  @Test
  void badSettingValuesAreNamed() {
    StreamClient client = TestClients.unreachable();
    assertThatThrownBy(
            () ->
                fixture.open(
                    "none",
                    Map.of(
                        StreamJpaSettings.CLIENT, client, StreamJpaSettings.POLL_INTERVAL, "soon")))
        .hasStackTraceContaining("stream.dispatcher.poll_interval = 'soon'");
    assertThatThrownBy(() -> fixture.open("none", Map.of(StreamJpaSettings.CLIENT, "not a client")))
        .hasStackTraceContaining("stream.client must be a StreamClient object");
  }

  @Test
  void integratingTwiceStillRecordsEachChangeOnce() {
    StreamClient client = TestClients.unreachable();
    IntegratorProvider again = () -> List.of(new StreamIntegrator());
    try (var own = new JpaFixture("twice");
        var factory =
            own.open(
                "create",
                Map.of(
                    StreamJpaSettings.CLIENT,
                    client,
                    StreamJpaSettings.DISPATCHER_ENABLED,
                    false,
                    "hibernate.integrator_provider",
                    again))) {
      factory.inTransaction(
          s -> {
            s.persist(new User(1, "ann"));
            s.persist(new Pin(s.getReference(User.class, 1L), "once"));
          });
      assertThat(own.queryLong("select count(*) from stream_outbox")).isEqualTo(1);
    }
  }

  @Test
  void withoutTheOutboxTableTheCommitFailsRatherThanLosingTheChange() {
    StreamClient client = TestClients.unreachable();
    try (var own = new JpaFixture("unmanaged");
        var factory =
            own.open(
                "create",
                Map.of(
                    StreamJpaSettings.CLIENT,
                    client,
                    StreamJpaSettings.OUTBOX_SCHEMA_MANAGED,
                    false))) {
      factory.inTransaction(s -> s.persist(new User(1, "ann")));
      assertThatThrownBy(
              () ->
                  factory.inTransaction(
                      s -> s.persist(new Pin(s.getReference(User.class, 1L), "lost?"))))
          .hasStackTraceContaining("stream_outbox");
      assertThat(own.queryLong("select count(*) from pin")).isZero();
    }
  }

  @Test
  void eachFactoryHasItsOwnRuntime() {
    StreamClient client = TestClients.unreachable();
    Map<String, Object> settings =
        Map.of(StreamJpaSettings.CLIENT, client, StreamJpaSettings.DISPATCHER_ENABLED, false);
    try (var first = fixture.open("create", settings);
        var second = fixture.open("none", settings)) {
      StreamJpa.of(first).pauseTracking();
      assertThat(StreamJpa.of(first).isTrackingPaused()).isTrue();
      assertThat(StreamJpa.of(second).isTrackingPaused()).isFalse();
    }
  }
}
