package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * A side-by-side measurement of enrichment with one query per entity type against a naive {@code
 * find} per reference, on the same page and database; a program, not a test. Run it from the
 * repository root (with {@code STREAM_TEST_JDBC_URL} set as for the tests):
 *
 * <pre>
 * ./mvnw -q -pl stream-jpa -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * java -cp "stream-jpa/target/test-classes:stream-jpa/target/classes:$(cat stream-jpa/target/test-classpath.txt)" \
 *     io.github.streamjpa.jpa.enrich.EnrichmentBenchmark
 * </pre>
 */
public final class EnrichmentBenchmark {

  private static final int PAGE = 100;
  private static final int WARMUP = 30;
  private static final int ROUNDS = 100;

  private EnrichmentBenchmark() {}

  /** Runs the measurement and prints the table. */
  public static void main(String[] args) {
    try (EnrichmentDatabase db = new EnrichmentDatabase()) {
      Pinboard.seed(db, PAGE);
      Enricher enricher = Enricher.builder(db.sessionFactory()).fields("board").build();
      FeedPage<FeedActivity> page = new FeedPage<>(Pinboard.activities(PAGE), "");

      List<Measurement> measured =
          measure(
              db,
              List.of(
                  () -> captions(enricher.enrichActivities(page).results()),
                  () -> naive(db, page.results()),
                  () -> inCallersSession(db, enricher, page)));
      Measurement batched = measured.get(0);
      Measurement naive = measured.get(1);
      Measurement joined = measured.get(2);

      if (!naive.result.equals(batched.result) || !joined.result.equals(batched.result)) {
        throw new IllegalStateException("the strategies enriched the page differently");
      }
      System.out.printf(
          Locale.ROOT,
          "%nEnrichment of one page: %d activities, 40 users, %d pins, 10 boards;"
              + " median of %d interleaved rounds after %d warm-up runs each%n",
          PAGE,
          PAGE,
          ROUNDS,
          WARMUP);
      System.out.printf(
          Locale.ROOT, "%-38s %12s %14s%n", "strategy", "statements", "median ms/page");
      print("one query per entity type", batched);
      print("find per reference (naive)", naive);
      print("one query per type, caller's session", joined);
      System.out.printf(
          Locale.ROOT,
          "ratio naive/batched: statements %.1fx, time %.1fx%n%n",
          (double) naive.statements / batched.statements,
          naive.medianMillis / batched.medianMillis);
    }
  }

  /**
   * Reads every reference with {@code Session.find}, in one read-only session, as N+1 code does.
   */
  private static List<String> naive(EnrichmentDatabase db, List<FeedActivity> activities) {
    try (Session session = db.sessionFactory().openSession()) {
      session.setDefaultReadOnly(true);
      session.beginTransaction();
      List<String> captions = new ArrayList<>();
      for (FeedActivity activity : activities) {
        EnrUser actor = session.find(EnrUser.class, Long.valueOf(idOf(activity.actor())));
        EnrPin pin = session.find(EnrPin.class, Long.valueOf(idOf(activity.object())));
        EnrBoard board = session.find(EnrBoard.class, idOf((String) activity.extra().get("board")));
        captions.add(actor.getName() + "/" + pin.getCaption() + "/" + board.getTitle());
      }
      session.getTransaction().commit();
      return captions;
    }
  }

  /** The batched strategy inside a session the caller opened, as from a transactional service. */
  private static List<String> inCallersSession(
      EnrichmentDatabase db, Enricher enricher, FeedPage<FeedActivity> page) {
    try (Session session = db.sessionFactory().openSession()) {
      session.setDefaultReadOnly(true);
      session.beginTransaction();
      List<String> captions = captions(enricher.enrichActivities(page, session).results());
      session.getTransaction().commit();
      return captions;
    }
  }

  private static List<String> captions(List<EnrichedActivity> activities) {
    return activities.stream()
        .map(
            a ->
                a.actor(EnrUser.class).getName()
                    + "/"
                    + a.object(EnrPin.class).getCaption()
                    + "/"
                    + a.field("board", EnrBoard.class).getTitle())
        .toList();
  }

  private static String idOf(String reference) {
    return reference.substring(reference.indexOf(':') + 1);
  }

  /**
   * Counts each strategy's statements on one run, then times them round-robin (in turn within each
   * round) so that machine load and JIT warm-up fall on all of them alike.
   */
  private static List<Measurement> measure(
      EnrichmentDatabase db, List<Supplier<List<String>>> strategies) {
    List<List<String>> results = new ArrayList<>();
    List<Long> statements = new ArrayList<>();
    for (Supplier<List<String>> strategy : strategies) {
      for (int i = 0; i < WARMUP; i++) {
        strategy.get();
      }
      db.resetCounts();
      results.add(strategy.get());
      statements.add(db.preparedStatementCount());
    }
    double[][] millis = new double[strategies.size()][ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      for (int s = 0; s < strategies.size(); s++) {
        long start = System.nanoTime();
        strategies.get(s).get();
        millis[s][round] = (System.nanoTime() - start) / 1_000_000.0;
      }
    }
    List<Measurement> measured = new ArrayList<>();
    for (int s = 0; s < strategies.size(); s++) {
      Arrays.sort(millis[s]);
      measured.add(new Measurement(results.get(s), statements.get(s), millis[s][ROUNDS / 2]));
    }
    return measured;
  }

  private static void print(String name, Measurement m) {
    System.out.printf(Locale.ROOT, "%-38s %12d %14.2f%n", name, m.statements, m.medianMillis);
  }

  private record Measurement(List<String> result, long statements, double medianMillis) {}
}
