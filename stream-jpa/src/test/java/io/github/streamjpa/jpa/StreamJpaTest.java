package io.github.streamjpa.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.JpaFixture;
import io.github.streamjpa.jpa.testing.TestClients;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handle of one factory: its pause switch is shared by every handle of that factory. */
class StreamJpaTest {

  private static JpaFixture fixture;
  private static SessionFactory factory;

  @BeforeAll
  static void open() {
    fixture = new JpaFixture("stream_jpa");
    factory = fixture.open("create", TestClients.withoutDelivery());
  }

  @AfterAll
  static void close() {
    if (factory != null) {
      factory.close();
    }
    fixture.close();
  }

  @Test
  void pausingAClassPausesItsSubclassesAndGlobalPauseCoversAll() {
    StreamJpa stream = StreamJpa.of(factory);
    stream.pauseTracking(Object.class);
    assertThat(stream.isTrackingPaused(User.class)).isTrue();
    stream.resumeTracking(Object.class);
    assertThat(stream.isTrackingPaused(User.class)).isFalse();
    stream.pauseTracking();
    assertThat(stream.isTrackingPaused(User.class)).isTrue();
    stream.resumeTracking();
    assertThat(stream.isTrackingPaused()).isFalse();
  }

  @Test
  void everyHandleOfAFactorySeesTheSamePause() {
    StreamJpa.of(factory).pauseTracking(Pin.class);
    try {
      assertThat(StreamJpa.of(factory).isTrackingPaused(Pin.class)).isTrue();
      assertThat(StreamJpa.of(factory).isTrackingPaused(User.class)).isFalse();
    } finally {
      StreamJpa.of(factory).resumeTracking(Pin.class);
    }
    assertThat(StreamJpa.of(factory).isTrackingPaused(Pin.class)).isFalse();
  }
}
