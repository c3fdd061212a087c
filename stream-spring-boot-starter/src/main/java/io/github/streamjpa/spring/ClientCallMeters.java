package io.github.streamjpa.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times every attempt of a Stream API call as {@code stream.client.requests}, tagged with the
 * operation ({@code GET feed/{slug}/{user}}), the outcome ({@code SUCCESS}, {@code CLIENT_ERROR},
 * {@code SERVER_ERROR}, {@code IO_ERROR}) and the HTTP status. It sits below the client's retries,
 * so a retried call counts once per attempt.
 */
final class ClientCallMeters implements Interceptor {

  static final String NAME = "stream.client.requests";

  // the fourth path segment of a feed is one of these words, otherwise it is an activity id
  private static final Set<String> FEED_RESOURCES =
      Set.of("follows", "followers", "activity_to_targets");

  private final MeterRegistry registry;

  ClientCallMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String operation = operation(request.method(), request.url().pathSegments());
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      record(operation, outcome(response.code()), String.valueOf(response.code()), start);
      return response;
    } catch (IOException | RuntimeException e) {
      record(operation, "IO_ERROR", "none", start);
      throw e;
    }
  }

  private void record(String operation, String outcome, String status, long start) {
    Timer.builder(NAME)
        .description("Stream API requests sent by the StreamClient, one per attempt")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .tag("status", status)
        .register(registry)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  /**
   * Names a request by its method and path below {@code /api/v1.0/}, with feed slugs, user ids and
   * activity ids replaced by placeholders so the tag has few values.
   */
  static String operation(String method, List<String> segments) {
    int base = segments.indexOf("v1.0");
    List<String> path =
        segments.subList(base + 1, segments.size()).stream()
            .filter(segment -> !segment.isEmpty())
            .toList();
    StringBuilder name = new StringBuilder(method).append(' ');
    if (path.size() >= 3 && path.get(0).equals("feed")) {
      name.append("feed/{slug}/{user}");
      if (path.size() >= 4) {
        name.append('/').append(FEED_RESOURCES.contains(path.get(3)) ? path.get(3) : "{id}");
      }
      if (path.size() >= 5) {
        name.append("/{target}");
      }
      return name.toString();
    }
    return name.append(String.join("/", path)).toString();
  }

  private static String outcome(int status) {
    if (status >= 200 && status < 400) {
      return "SUCCESS";
    }
    return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }
}
