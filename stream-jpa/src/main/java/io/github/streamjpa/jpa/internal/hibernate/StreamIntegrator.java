package io.github.streamjpa.jpa.internal.hibernate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.FollowRelationEntity;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.internal.ChangeMessages;
import io.github.streamjpa.jpa.internal.DispatcherConfig;
import io.github.streamjpa.jpa.internal.OutboxDispatcher;
import io.github.streamjpa.jpa.internal.OutboxStore;
import io.github.streamjpa.jpa.internal.Settings;
import io.github.streamjpa.jpa.internal.StreamClientSender;
import io.github.streamjpa.jpa.internal.SyncRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.DuplicationStrategy;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires stream-jpa into every SessionFactory, as Hibernate Envers does: found through {@code
 * META-INF/services}, it appends insert, update and delete listeners when some entity implements
 * {@link Activity} or {@link FollowRelationEntity}, and starts that SessionFactory's dispatcher.
 * Opt out with {@code stream.enabled=false}.
 */
public final class StreamIntegrator implements Integrator {

  private static final Logger log = LoggerFactory.getLogger(StreamIntegrator.class);

  /** Creates the integrator (called by Hibernate's service loading). */
  public StreamIntegrator() {}

  @Override
  public void integrate(
      Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
    Settings settings =
        new Settings(
            factory.getServiceRegistry().requireService(ConfigurationService.class).getSettings());
    if (!settings.bool(StreamJpaSettings.ENABLED, true)) {
      log.debug("stream-jpa disabled by {}=false", StreamJpaSettings.ENABLED);
      return;
    }
    Set<Class<?>> tracked = new LinkedHashSet<>();
    for (PersistentClass binding : metadata.getEntityBindings()) {
      Class<?> type = binding.getMappedClass();
      if (type != null
          && (Activity.class.isAssignableFrom(type)
              || FollowRelationEntity.class.isAssignableFrom(type))) {
        tracked.add(type);
      }
    }
    if (tracked.isEmpty()) {
      log.debug("stream-jpa: no entity implements Activity or FollowRelationEntity");
      return;
    }
    EventListenerRegistry registry = factory.getEventListenerRegistry();
    for (Object existing : registry.getEventListenerGroup(EventType.POST_INSERT).listeners()) {
      if (existing instanceof StreamSyncListener) {
        log.debug("stream-jpa already integrated with this SessionFactory");
        return;
      }
    }
    SyncRuntime runtime = createRuntime(settings, tracked, factory);
    StreamSyncListener listener = new StreamSyncListener(runtime);
    DuplicationStrategy keepOriginal = new KeepOriginal();
    registry.getEventListenerGroup(EventType.POST_INSERT).addDuplicationStrategy(keepOriginal);
    registry.getEventListenerGroup(EventType.POST_UPDATE).addDuplicationStrategy(keepOriginal);
    registry.getEventListenerGroup(EventType.POST_DELETE).addDuplicationStrategy(keepOriginal);
    registry.appendListeners(EventType.POST_INSERT, listener);
    registry.appendListeners(EventType.POST_UPDATE, listener);
    registry.appendListeners(EventType.POST_DELETE, listener);
    factory.addObserver(
        new SessionFactoryObserver() {
          @Override
          public void sessionFactoryCreated(SessionFactory created) {
            runtime.start();
          }

          @Override
          public void sessionFactoryClosing(SessionFactory closing) {
            runtime.close();
          }
        });
    log.info("stream-jpa syncing {} through outbox {}", tracked, runtime.store().table());
  }

  private static SyncRuntime createRuntime(
      Settings settings, Set<Class<?>> tracked, SessionFactoryImplementor factory) {
    StreamClient client = client(settings, tracked);
    FeedManager feeds = feedManager(settings, client);
    ObjectMapper json = new ObjectMapper();
    String table = settings.string(StreamJpaSettings.OUTBOX_TABLE, OutboxMapping.DEFAULT_TABLE);
    String defaultSchema = settings.string("hibernate.default_schema", null);
    if (!table.contains(".") && defaultSchema != null) {
      table = defaultSchema + "." + table;
    }
    OutboxStore store =
        new OutboxStore(
            table,
            new HibernateConnectionSource(
                factory
                    .getServiceRegistry()
                    .requireService(JdbcServices.class)
                    .getBootstrapJdbcConnectionAccess()),
            OutboxDatabases.of(factory.getJdbcServices().getDialect()));
    Clock clock = Clock.systemUTC();
    OutboxDispatcher dispatcher = null;
    if (settings.bool(StreamJpaSettings.DISPATCHER_ENABLED, true)) {
      DispatcherConfig config =
          new DispatcherConfig(
              settings.integer(StreamJpaSettings.BATCH_SIZE, 100),
              settings.integer(StreamJpaSettings.MAX_ATTEMPTS, 10),
              settings.duration(StreamJpaSettings.POLL_INTERVAL, Duration.ofSeconds(5)),
              settings.duration(StreamJpaSettings.INITIAL_BACKOFF, Duration.ofSeconds(1)),
              settings.duration(StreamJpaSettings.MAX_BACKOFF, Duration.ofMinutes(5)),
              settings.duration(StreamJpaSettings.LEASE, Duration.ofMinutes(1)),
              settings.duration(StreamJpaSettings.SHUTDOWN_TIMEOUT, Duration.ofSeconds(10)));
      dispatcher =
          new OutboxDispatcher(
              store, new StreamClientSender(client, json), config, clock, "outbox");
    }
    return new SyncRuntime(feeds, new ChangeMessages(json, feeds), store, dispatcher, clock);
  }

  private static StreamClient client(Settings settings, Set<Class<?>> tracked) {
    Object configured = settings.raw(StreamJpaSettings.CLIENT);
    if (configured instanceof StreamClient client) {
      return client;
    }
    if (configured != null) {
      throw new IllegalArgumentException(
          "setting "
              + StreamJpaSettings.CLIENT
              + " must be a StreamClient object, not "
              + configured.getClass().getName());
    }
    try {
      return StreamClient.fromEnvironment();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "stream-jpa needs a StreamClient for "
              + tracked
              + ": pass one as setting "
              + StreamJpaSettings.CLIENT
              + ", set STREAM_URL or STREAM_API_KEY/STREAM_API_SECRET, or opt out with "
              + StreamJpaSettings.ENABLED
              + "=false",
          e);
    }
  }

  private static FeedManager feedManager(Settings settings, StreamClient client) {
    FeedManager.Builder builder =
        FeedManager.builder(client)
            .userFeedSlug(settings.string(StreamJpaSettings.USER_FEED, "user"))
            .notificationFeedSlug(
                settings.string(StreamJpaSettings.NOTIFICATION_FEED, "notification"))
            .activityCopyLimit(settings.integer(StreamJpaSettings.FOLLOW_COPY_LIMIT, 300))
            .keepHistory(settings.bool(StreamJpaSettings.UNFOLLOW_KEEP_HISTORY, false));
    String news = settings.string(StreamJpaSettings.NEWS_FEEDS, null);
    if (news != null) {
      Map<String, String> slugs = new LinkedHashMap<>();
      for (String entry : news.split(",")) {
        String trimmed = entry.trim();
        int eq = trimmed.indexOf('=');
        if (eq < 0) {
          slugs.put(trimmed, trimmed);
        } else {
          slugs.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
        }
      }
      builder.newsFeedSlugs(slugs);
    }
    return builder.build();
  }

  /** Keeps the first stream-jpa listener when the integrator runs twice for one registry. */
  private static final class KeepOriginal implements DuplicationStrategy {
    @Override
    public boolean areMatch(Object listener, Object original) {
      return listener instanceof StreamSyncListener && original instanceof StreamSyncListener;
    }

    @Override
    public Action getAction() {
      return Action.KEEP_ORIGINAL;
    }
  }
}
