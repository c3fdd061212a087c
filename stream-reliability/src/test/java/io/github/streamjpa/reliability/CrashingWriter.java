package io.github.streamjpa.reliability;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.StreamJpaSettings;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.hibernate.SessionFactory;

/**
 * The application {@link CrashTest} kills: it commits posts in a few transactions, says so on
 * standard output, and prints a line before every request its dispatcher sends, then waits to be
 * killed. Arguments: the schema, the number of members, of transactions and of posts in each; the
 * emulator's address and credentials come in the environment.
 */
final class CrashingWriter {
  static final String COMMITTED = "COMMITTED";
  static final String SENDING = "SENDING";
  static final String URL = "CRASH_EMULATOR_URL";
  static final String KEY = "CRASH_EMULATOR_KEY";
  static final String SECRET = "CRASH_EMULATOR_SECRET";

  private CrashingWriter() {}

  public static void main(String[] args) throws InterruptedException {
    String schema = args[0];
    int members = Integer.parseInt(args[1]);
    int transactions = Integer.parseInt(args[2]);
    int postsPerTransaction = Integer.parseInt(args[3]);
    OkHttpClient announcing =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  System.out.println(SENDING + " " + chain.request().url().encodedPath());
                  System.out.flush();
                  return chain.proceed(chain.request());
                })
            .build();
    StreamClient client =
        StreamClient.builder(System.getenv(KEY), System.getenv(SECRET))
            .baseUrl(System.getenv(URL))
            .okHttpClient(announcing)
            .build();
    // A short lease, so the next instance may take over the rows this one had claimed soon.
    SessionFactory factory =
        Apps.open(
            schema,
            client,
            "create",
            Map.of(StreamJpaSettings.LEASE, "PT4S", StreamJpaSettings.BATCH_SIZE, 25));
    Apps.addMembers(factory, members);
    for (int t = 0; t < transactions; t++) {
      int transaction = t;
      factory.inTransaction(
          session -> {
            for (int i = 0; i < postsPerTransaction; i++) {
              Member author = session.getReference(Member.class, (long) (i % members) + 1);
              session.persist(new Post(author, "post " + transaction + "/" + i));
            }
          });
    }
    System.out.println(COMMITTED + " " + transactions * postsPerTransaction);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
