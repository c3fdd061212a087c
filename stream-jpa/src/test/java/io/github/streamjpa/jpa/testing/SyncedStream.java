package io.github.streamjpa.jpa.testing;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.User;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.SessionFactory;

/**
 * An emulator and a SessionFactory over the test model that syncs to it, in a schema of its own,
 * with users 1..n already persisted: the setup of the end-to-end write-path tests.
 */
public final class SyncedStream implements AutoCloseable {

  private final StreamEmulator emulator;
  private final StreamClient client;
  private final JpaFixture fixture;
  private final SessionFactory factory;

  private SyncedStream(
      String prefix,
      int users,
      Map<String, Object> settings,
      Function<StreamEmulator, StreamClient> clients) {
    emulator = StreamEmulator.start();
    JpaFixture createdFixture = null;
    try {
      client = clients.apply(emulator);
      createdFixture = new JpaFixture(prefix);
      Map<String, Object> all = new HashMap<>(settings);
      all.put(StreamJpaSettings.CLIENT, client);
      factory = createdFixture.open("create", all);
      factory.inTransaction(
          s -> {
            for (long id = 1; id <= users; id++) {
              s.persist(new User(id, "user" + id));
            }
          });
      fixture = createdFixture;
    } catch (RuntimeException e) {
      if (createdFixture != null) {
        createdFixture.close();
      }
      emulator.close();
      throw e;
    }
  }

  /**
   * Starts an emulator and a factory syncing to it through a client without retries of its own;
   * {@code settings} are added to {@link JpaFixture}'s.
   */
  public static SyncedStream start(String prefix, int users, Map<String, Object> settings) {
    return new SyncedStream(prefix, users, settings, TestClients::withoutRetries);
  }

  /** Like {@link #start(String, int, Map)} with the client that {@code clients} builds. */
  public static SyncedStream start(
      String prefix,
      int users,
      Map<String, Object> settings,
      Function<StreamEmulator, StreamClient> clients) {
    return new SyncedStream(prefix, users, settings, clients);
  }

  /** Returns the emulator. */
  public StreamEmulator emulator() {
    return emulator;
  }

  /** Returns the client the factory syncs through. */
  public StreamClient client() {
    return client;
  }

  /** Returns the factory. */
  public SessionFactory factory() {
    return factory;
  }

  /** Returns the single long value of a query in the factory's schema. */
  public long queryLong(String sql) {
    return fixture.queryLong(sql);
  }

  /** Closes the factory (draining its dispatcher), drops the schema and stops the emulator. */
  @Override
  public void close() {
    try {
      factory.close();
    } finally {
      try {
        fixture.close();
      } finally {
        emulator.close();
      }
    }
  }
}
