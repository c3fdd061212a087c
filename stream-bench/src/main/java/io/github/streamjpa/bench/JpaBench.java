package io.github.streamjpa.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedPage;
import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.enrich.EnrichedActivity;
import io.github.streamjpa.jpa.enrich.Enricher;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.stat.Statistics;

/**
 * The stream-jpa comparisons against PostgreSQL and the emulator: {@code enrich-vs-naive-100},
 * {@code sync-overhead}, {@code outbox-drain-vs-per-row} and {@code outbox-drain-backlog-*}. Every
 * scenario works in a schema of its own in the database named by {@code STREAM_BENCH_JDBC_URL} (or
 * {@code STREAM_TEST_JDBC_URL}), dropped afterwards.
 */
public final class JpaBench {
  private static final int PAGE = 100;

  /** Rows between the two points of a drain measurement. */
  private static final int DRAIN_WINDOW = 800;

  /**
   * Activities the emulator accepted in add requests, counted in the client: reading progress from
   * the outbox table instead would load the database being measured.
   */
  private static final AtomicLong DELIVERED = new AtomicLong();

  private final String jdbcUrl;
  private final StreamClient client;

  private JpaBench(String jdbcUrl, StreamClient client) {
    this.jdbcUrl = jdbcUrl;
    this.client = client;
  }

  private static Response countDelivered(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    if (response.isSuccessful() && request.method().equals("POST") && request.body() != null) {
      Buffer body = new Buffer();
      request.body().writeTo(body);
      String json = body.readUtf8();
      int count = 0;
      for (int i = json.indexOf("\"foreign_id\"");
          i >= 0;
          i = json.indexOf("\"foreign_id\"", i + 1)) {
        count++;
      }
      DELIVERED.addAndGet(count);
    }
    return response;
  }

  /** Prints the BENCH lines of the stream-jpa comparisons. */
  public static void main(String[] args) throws Exception {
    String url = System.getenv("STREAM_BENCH_JDBC_URL");
    if (url == null || url.isBlank()) {
      url = System.getenv("STREAM_TEST_JDBC_URL");
    }
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "the stream-jpa benchmarks need PostgreSQL: set STREAM_BENCH_JDBC_URL (or"
              + " STREAM_TEST_JDBC_URL), e.g. jdbc:postgresql://127.0.0.1:5432/bench?user=postgres");
    }
    try (StreamEmulator emulator = StreamEmulator.start()) {
      StreamClient client =
          StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
              .baseUrl(emulator.baseUrl())
              .okHttpClient(
                  new OkHttpClient.Builder().addInterceptor(JpaBench::countDelivered).build())
              .build();
      JpaBench bench = new JpaBench(url, client);
      List<String> only = List.of(args);
      if (only.isEmpty() || only.contains("enrich")) {
        bench.enrich();
      }
      if (only.isEmpty() || only.contains("sync")) {
        bench.syncOverhead();
      }
      if (only.isEmpty() || only.contains("drain")) {
        bench.drainVsPerRow();
      }
      if (only.isEmpty() || only.contains("backlog")) {
        bench.drainBacklog();
      }
    }
  }

  // ---- enrich-vs-naive-100

  private void enrich() throws Exception {
    try (Db db = new Db("bench_enrich");
        EntityManagerFactory emf = db.open(Map.of())) {
      inTransaction(
          emf,
          em -> {
            for (long i = 1; i <= PAGE; i++) {
              Author a = new Author(i);
              Topic t = new Topic(i);
              em.persist(a);
              em.persist(t);
              em.persist(new Post(i, a, t, "enrich"));
            }
          });
      awaitDrained(emf);
      FeedPage<FeedActivity> page =
          client.feed("user", "enrich").getActivities(ReadOptions.limit(PAGE));
      if (page.results().size() != PAGE) {
        throw new IllegalStateException("page of " + page.results().size());
      }
      Enricher enricher = Enricher.builder(emf).build();
      Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
      List<Long> ours = new ArrayList<>();
      List<Long> naive = new ArrayList<>();
      long ourStatements = 0;
      long naiveStatements = 0;
      for (int round = 0; round < 30; round++) {
        stats.clear();
        long start = System.nanoTime();
        List<EnrichedActivity> enriched = enricher.enrichActivities(page).results();
        long ourTime = System.nanoTime() - start;
        ourStatements = stats.getPrepareStatementCount();
        for (EnrichedActivity e : enriched) {
          if (e.actor(Author.class) == null
              || e.object(Post.class) == null
              || e.target(Topic.class) == null) {
            throw new IllegalStateException("not enriched: " + e.foreignId());
          }
        }
        stats.clear();
        start = System.nanoTime();
        naive(emf, page);
        long naiveTime = System.nanoTime() - start;
        naiveStatements = stats.getPrepareStatementCount();
        if (round >= 10) { // the first rounds warm up
          ours.add(ourTime);
          naive.add(naiveTime);
        }
      }
      double o = median(ours) / 1e6;
      double n = median(naive) / 1e6;
      System.out.println(
          BenchMain.line("enrich-vs-naive-100", o, n, "ms", n / o, "0/0")
              + " statements="
              + ourStatements
              + "/"
              + naiveStatements);
    }
  }

  /** What a user without the enricher writes: one find per reference of each activity. */
  private static void naive(EntityManagerFactory emf, FeedPage<FeedActivity> page) {
    inTransaction(
        emf,
        em -> {
          for (FeedActivity a : page.results()) {
            Object author = em.find(Author.class, idOf(a.actor()));
            Object post = em.find(Post.class, idOf(a.object()));
            Object topic = em.find(Topic.class, idOf(a.target()));
            if (author == null || post == null || topic == null) {
              throw new IllegalStateException("not found: " + a.foreignId());
            }
          }
        });
  }

  private static long idOf(String reference) {
    return Long.parseLong(reference.substring(reference.indexOf(':') + 1));
  }

  // ---- sync-overhead

  private void syncOverhead() throws Exception {
    try (Db on = new Db("bench_sync_on");
        Db off = new Db("bench_sync_off");
        EntityManagerFactory synced = on.open(Map.of(StreamJpaSettings.DISPATCHER_ENABLED, false));
        EntityManagerFactory plain = off.open(Map.of(StreamJpaSettings.ENABLED, false))) {
      seedReferences(synced, 10);
      seedReferences(plain, 10);
      int perRound = 2000;
      double onRate = 0;
      double offRate = 0;
      long next = 1;
      for (int round = 0; round < 5; round++) {
        double a = persistRate(synced, next, perRound);
        double b = persistRate(plain, next, perRound);
        next += perRound;
        if (round > 0) {
          onRate += a;
          offRate += b;
        }
      }
      System.out.println(
          BenchMain.line(
              "sync-overhead", onRate / 4, offRate / 4, "rows/s", onRate / offRate, "0/0"));
    }
  }

  private static void seedReferences(EntityManagerFactory emf, int count) {
    inTransaction(
        emf,
        em -> {
          for (long i = 1; i <= count; i++) {
            em.persist(new Author(i));
            em.persist(new Topic(i));
          }
        });
  }

  /** Persists posts {@code first ...} in transactions of 500; returns rows per second. */
  private static double persistRate(EntityManagerFactory emf, long first, int count) {
    long start = System.nanoTime();
    insertPosts(emf, first, count, 500);
    return count * 1e9 / (System.nanoTime() - start);
  }

  private static void insertPosts(EntityManagerFactory emf, long first, int count, int perTx) {
    for (long from = first; from < first + count; from += perTx) {
      long start = from;
      long end = Math.min(from + perTx, first + count);
      inTransaction(
          emf,
          em -> {
            for (long id = start; id < end; id++) {
              Author a = em.getReference(Author.class, 1 + id % 10);
              Topic t = em.getReference(Topic.class, 1 + id % 10);
              // A feed per thousand posts: a dispatcher batch goes to one feed, as in an app.
              em.persist(new Post(id, a, t, "b" + id / 1000));
            }
          });
    }
  }

  // ---- outbox-drain-vs-per-row

  private void drainVsPerRow() throws Exception {
    int rows = 1000;
    try (Db one = new Db("bench_drain");
        Db other = new Db("bench_drain_per_row");
        EntityManagerFactory batched = one.open(Map.of());
        EntityManagerFactory perRow = other.open(Map.of(StreamJpaSettings.BATCH_SIZE, 1))) {
      seedReferences(batched, 10);
      seedReferences(perRow, 10);
      double ours = 0;
      double baseline = 0;
      long next = 1;
      for (int round = 0; round < 3; round++) {
        double a = deliveryRate(batched, next, rows);
        next += rows;
        double b = deliveryRate(perRow, next, rows / 4);
        next += rows / 4;
        if (round > 0) {
          ours += a;
          baseline += b;
        }
      }
      System.out.println(
          BenchMain.line(
              "outbox-drain-vs-per-row",
              ours / 2,
              baseline / 2,
              "activities/s",
              ours / baseline,
              "0/0"));
    }
  }

  /**
   * Commits {@code count} posts in one transaction, then times their delivery by the factory's
   * dispatcher (from the commit until the outbox has nothing pending).
   */
  private static double deliveryRate(EntityManagerFactory emf, long first, int count) {
    inTransaction(
        emf,
        em -> {
          for (long id = first; id < first + count; id++) {
            em.persist(
                new Post(
                    id,
                    em.getReference(Author.class, 1 + id % 10),
                    em.getReference(Topic.class, 1 + id % 10),
                    "d" + id / 1000));
          }
        });
    long target = DELIVERED.get() + count;
    long start = System.nanoTime();
    StreamJpa.of(emf).outbox().wakeUp();
    awaitDelivered(target);
    double rate = count * 1e9 / (System.nanoTime() - start);
    awaitDrained(emf);
    return rate;
  }

  // ---- outbox-drain-backlog-{1k,10k,100k}

  private void drainBacklog() throws Exception {
    // A claim that runs longer than this is cancelled, so a slow claim cannot outlive the run.
    try (Db db = new Db("bench_backlog", "set statement_timeout = '20s'")) {
      try (EntityManagerFactory writer =
          db.open(Map.of(StreamJpaSettings.DISPATCHER_ENABLED, false))) {
        seedReferences(writer, 10);
        insertPosts(writer, 1, 1000, 1000);
      }
      // Warm-up: the first thousand rows are drained before anything is measured.
      try (EntityManagerFactory dispatching = db.open(Map.of())) {
        awaitDrained(dispatching);
      }
      long next = 1001;
      Map<Integer, Double> rates = new HashMap<>();
      for (int backlog : new int[] {1_000, 10_000, 100_000}) {
        long pending;
        try (EntityManagerFactory writer =
            db.open(Map.of(StreamJpaSettings.DISPATCHER_ENABLED, false))) {
          var outbox = StreamJpa.of(writer).outbox();
          int missing = (int) (backlog - outbox.stats().pending());
          long start = System.nanoTime();
          insertPosts(writer, next, missing, 5000);
          next += missing;
          pending = outbox.stats().pending();
          System.out.printf(
              "backlog %d: %d rows written in %d ms%n",
              pending, missing, (System.nanoTime() - start) / 1_000_000);
        }
        if (backlog > 1_000) {
          System.out.println("claim plan before ANALYZE (statistics as autovacuum left them):");
          db.plans.explainAgain().forEach(line -> System.out.println("  | " + line));
        }
        // Fresh planner statistics, as autovacuum would have them for a long-standing backlog.
        db.sql("analyze");
        db.plans.captureNext();
        try (EntityManagerFactory dispatching =
            db.open(Map.of(StreamJpaSettings.SHUTDOWN_TIMEOUT, "PT1S"))) {
          double rate = drainWindow(dispatching);
          rates.put(backlog, rate);
          System.out.printf("backlog %d: %.0f activities/s%n", pending, rate);
          List<String> plan = db.plans.plan();
          if (plan != null) {
            System.out.printf(
                "claim with %d rows pending took %s ms; its plan:%n",
                pending,
                db.plans.claimMillis() < 0
                    ? "longer than it ran here (not finished)"
                    : db.plans.claimMillis());
            plan.forEach(line -> System.out.println("  | " + line));
          }
        }
      }
      double base = rates.get(1_000);
      for (int backlog : new int[] {1_000, 10_000, 100_000}) {
        String name =
            "outbox-drain-backlog-" + (backlog >= 100_000 ? "100k" : backlog / 1000 + "k");
        double r = rates.get(backlog);
        System.out.println(BenchMain.line(name, r, base, "activities/s", r / base, "0/0"));
      }
    }
  }

  /**
   * The delivery rate from the first batch sent until {@code DRAIN_WINDOW} more rows are sent, or
   * 20 seconds have passed, so the factory's start and the last, partial batches are not part of
   * it.
   */
  private static double drainWindow(EntityManagerFactory emf) throws InterruptedException {
    StreamJpa.of(emf).outbox().wakeUp();
    long start = System.nanoTime();
    long sent0 = DELIVERED.get();
    while (DELIVERED.get() == sent0) {
      if (System.nanoTime() - start > 30_000_000_000L) {
        return 0; // not one batch in 30 s
      }
      Thread.sleep(1);
    }
    long t1 = System.nanoTime();
    long s1 = DELIVERED.get();
    while (DELIVERED.get() - s1 < DRAIN_WINDOW && System.nanoTime() - t1 < 20_000_000_000L) {
      Thread.sleep(1);
    }
    return (DELIVERED.get() - s1) * 1e9 / (System.nanoTime() - t1);
  }

  private static void awaitDelivered(long target) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (DELIVERED.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + DELIVERED.get() + " of " + target + " delivered in 2 minutes");
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  // ---- helpers

  private static void awaitDrained(EntityManagerFactory emf) {
    var outbox = StreamJpa.of(emf).outbox();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (outbox.stats().pending() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("outbox not drained in 2 minutes: " + outbox.stats());
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (outbox.stats().dead() > 0) {
      throw new IllegalStateException("dead outbox rows: " + outbox.stats());
    }
  }

  private static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** A fresh schema with a pooled DataSource, dropped on close. */
  private final class Db implements AutoCloseable {
    final String schema;
    final HikariDataSource pool;
    final ClaimPlans plans;
    private boolean created;

    Db(String schema) throws SQLException {
      this(schema, null);
    }

    Db(String schema, String connectionInitSql) throws SQLException {
      this.schema = schema;
      HikariConfig config = new HikariConfig();
      config.setConnectionInitSql(connectionInitSql);
      config.setJdbcUrl(jdbcUrl);
      config.setMaximumPoolSize(8);
      config.setSchema(schema);
      this.pool = new HikariDataSource(config);
      this.plans = new ClaimPlans(pool);
      sql("drop schema if exists " + schema + " cascade", "create schema " + schema);
    }

    EntityManagerFactory open(Map<String, Object> settings) {
      Map<String, Object> all = new HashMap<>();
      all.put("hibernate.connection.datasource", plans.dataSource());
      all.put("hibernate.default_schema", schema);
      all.put("hibernate.hbm2ddl.auto", created ? "none" : "create");
      all.put("hibernate.jdbc.batch_size", 50);
      all.put("hibernate.order_inserts", true);
      all.put("hibernate.generate_statistics", true);
      all.put(StreamJpaSettings.CLIENT, client);
      all.put(StreamJpaSettings.POLL_INTERVAL, "PT0.05S");
      all.put(StreamJpaSettings.INITIAL_BACKOFF, "PT0.05S");
      all.putAll(settings);
      created = true;
      HibernatePersistenceConfiguration configuration =
          new HibernatePersistenceConfiguration("bench-" + schema)
              .managedClass(Author.class)
              .managedClass(Topic.class)
              .managedClass(Post.class);
      all.forEach(configuration::property);
      return configuration.createEntityManagerFactory();
    }

    void sql(String... statements) throws SQLException {
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        for (String statement : statements) {
          s.execute(statement);
        }
      }
    }

    @Override
    public void close() throws SQLException {
      sql("drop schema if exists " + schema + " cascade");
      pool.close();
    }
  }
}
