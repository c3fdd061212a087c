package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** One client shared by many threads gives every thread correct, correctly signed answers. */
class ConcurrencyTest {
  @StartStop final MockWebServer mock = new MockWebServer();

  @Test
  void oneClientServesManyThreads() throws Exception {
    String page = StreamServer.fixture("flat-feed-response.json");
    mock.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(200).body(page).build();
          }
        });
    StreamClient client = new StreamServer(mock).client();
    int threads = 8;
    int callsPerThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        String userId = Integer.toString(t % 2);
        results.add(
            pool.submit(
                () -> {
                  int activities = 0;
                  for (int i = 0; i < callsPerThread; i++) {
                    activities += client.feed("user", userId).getActivities().results().size();
                  }
                  return activities;
                }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(callsPerThread * 2);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(mock.getRequestCount()).isEqualTo(threads * callsPerThread);
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < threads * callsPerThread; i++) {
      tokens.add(mock.takeRequest().getHeaders().get("Authorization"));
    }
    assertThat(tokens).as("one cached token per feed scope").hasSize(2);
  }
}
